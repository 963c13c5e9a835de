"""The library's exceptions: one base class, a few families under it.

Messages are written in Russian because a curator reads them; the class names are
English because software catches them.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

__all__ = [
    "NastavnikError",
    "Problem",
    "InputError",
    "GrammarError",
    "KindNotFoundError",
    "TemplateError",
    "TemplateNotFoundError",
    "OutputExistsError",
    "ConverterMissingError",
    "LimitError",
    "OutputError",
    "DataWarning",
]


class NastavnikError(Exception):
    """Base class of every error this library raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One located problem in the input: where it is and what is wrong.

    Every field but ``message`` is optional, so the same type serves a cell of an
    Excel sheet, a line of a CSV file and a key of a YAML document. ``personal``: the
    value is personal data (a phone, a birth date…) — kept here for the program that
    holds the data anyway, never printed in the message.
    """

    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: Any = None
    field: str | None = None
    personal: bool = dataclass_field(default=False, compare=False)

    def location(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(Path(self.file).name)
        if self.sheet:
            parts.append(f"лист «{self.sheet}»")
        if self.row is not None:
            parts.append(f"строка {self.row}")
        if self.column:
            parts.append(f"столбец «{self.column}»")
        if self.field:
            parts.append(f"поле «{self.field}»")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        text = self.message
        if self.value not in (None, "") and not self.personal:
            text = f"{text} (значение: «{self.value}»)"
        return f"{where}: {text}" if where else text


class InputError(NastavnikError, ValueError):
    """Bad input data. Carries every problem found in the file, not just the first."""

    def __init__(self, problems: list[Problem] | Problem | str, *, file: str | Path | None = None):
        if isinstance(problems, str):
            problems = [Problem(problems, file=str(file) if file else None)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        self.file = str(file) if file else None
        super().__init__(self._text())

    def _text(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        head = f"Найдено ошибок во входных данных: {len(self.problems)}"
        if self.file:
            head += f" ({Path(self.file).name})"
        return head + "\n" + "\n".join(f"  • {p}" for p in self.problems)


class GrammarError(NastavnikError, ValueError):
    """A word or a name cannot be put into the required form (e.g. unknown gender)."""


class KindNotFoundError(NastavnikError, LookupError):
    """No document kind has the requested id."""


class TemplateError(NastavnikError):
    """A template is broken, unsafe, or asks for a value the context does not have."""


class TemplateNotFoundError(TemplateError, FileNotFoundError):
    """No template of that name in the user's folder nor among the built-in ones."""


class OutputExistsError(NastavnikError, FileExistsError):
    """The output file exists and overwriting was not asked for."""


class ConverterMissingError(NastavnikError, RuntimeError):
    """LibreOffice (needed for PDF) is not installed."""


class LimitError(NastavnikError):
    """An input or a template goes beyond a limit (size, count, time) of
    ``nastavnik_docs._limits``; ``limit`` names it (``"render_seconds"``)."""

    def __init__(self, message: str, *, limit: str | None = None):
        super().__init__(message)
        self.limit = limit


class OutputError(NastavnikError, OSError):
    """A file could not be written (no permission, no space, a read-only folder)."""


class DataWarning(NastavnikError, UserWarning):
    """Data that is possible but probably wrong (a birth year of 1850, a pupil aged 40):
    issued with ``warnings.warn``; the command line prints each as «Предупреждение: …»."""
