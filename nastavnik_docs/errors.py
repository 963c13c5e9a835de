"""The library's exceptions: one base class, a few families under it.

Messages are written in Russian because a curator reads them; the class names are
English because software catches them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

__all__ = [
    "PROBLEM_CODES",
    "NastavnikError",
    "PathPart",
    "Problem",
    "format_path",
    "parse_field",
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
    """Base class of every error this library raises on purpose.

    A message may end with ``advice``: what to type on the command line or pass to the
    call to get past it («Чтобы перезаписать, укажите --force (overwrite=True)»). A page
    that offers its own buttons shows :attr:`without_advice`.
    """

    advice: str = ""

    def __init__(self, *args: object, advice: str = "") -> None:
        if advice:
            args = (f"{args[0]} {advice}", *args[1:]) if args else (advice,)
            self.advice = advice
        super().__init__(*args)

    @property
    def without_advice(self) -> str:
        """The message without its command-line advice."""
        text = str(self)
        if self.advice and text.endswith(self.advice):
            return text[: -len(self.advice)].rstrip()
        return text


#: One step of a path into the input: a key, or a 0-based position in a list.
PathPart = str | int

#: The stable codes of :class:`Problem`, with what each means (a program branches on the
#: code; a person reads the message). New codes are added here, never renamed.
PROBLEM_CODES: dict[str, str] = {
    "input.invalid": "недопустимые входные данные (без более точного кода)",
    "field.missing": "обязательное поле не заполнено",
    "field.unknown": "неизвестное поле (подсказка называет ближайшее известное)",
    "value.not_allowed": "значение не из списка допустимых",
    "value.invalid": "значение не прошло проверку модели",
    "date.invalid": "не дата или такой даты нет в календаре",
    "number.invalid": "нужно число",
    "number.range": "число вне допустимых пределов",
    "bool.invalid": "нужно «да» или «нет»",
    "text.invalid": "нужен текст",
    "text.length": "текст слишком короткий или слишком длинный",
    "text.format": "текст не соответствует формату",
    "list.invalid": "нужен список",
    "list.length": "слишком мало или слишком много элементов списка",
    "object.invalid": "нужен набор полей «имя: значение»",
    "participant.unknown": "в базе нет такого участника",
    "participant.ambiguous": "участника с таким ФИО в базе несколько: нужен ID",
    "participant.duplicate_id": "ID участника повторяется",
    "pair.unknown": "в базе нет такой пары",
    "pair.person_unknown": "пара называет участника, которого нет в базе",
    "pair.form_unknown": "форма пары не из списка форм (предупреждение)",
    "pair.type_undetermined": "тип пары не указан и не определяется по категориям участников (предупреждение)",
    "pair.duration": "срок программы пары необычен (предупреждение)",
    "registry": "ошибка связей в базе наставников и наставляемых",
    "pair.mentee_overlap": "наставляемый в двух действующих парах одной формы в одни сроки",
    "mentor.overload": "у наставника больше наставляемых, чем допускается",
    "form.unknown": "неизвестная форма наставничества",
    "registry.missing": "для документа нужна база наставников и наставляемых",
    "registry.empty": "в базе нет участников, нужных документу",
    "file.not_found": "файл не найден",
    "file.type": "неподдерживаемый тип файла",
    "file.encoding": "файл не в кодировке UTF-8 (или Windows-1251 для CSV)",
    "file.unreadable": "файл повреждён или это не тот формат",
    "yaml.syntax": "ошибка в записи YAML",
    "yaml.duplicate_key": "поле указано в YAML дважды",
    "json.syntax": "ошибка в записи JSON",
    "sheet.missing": "в книге Excel нет нужного листа",
    "column.missing": "нет обязательного столбца",
    "records.invalid": "записи пакета заданы не так",
    "name.pattern": "ошибка в шаблоне имени файла",
    "participant.birth_date": "дата рождения сомнительна: в будущем, раньше 1900 года или возраст не по категории (предупреждение)",
    "cell.formula": "в ячейке формула без сохранённого значения (книгу записала не Excel)",
    "cell.too_long": "текст длиннее, чем вмещает ячейка Excel (32 767 символов)",
}


def format_path(path: tuple[PathPart, ...] | list[PathPart]) -> str:
    """``("pairs", 2, "start")`` → «pairs → 3 → start»: how a person reads a path (list
    positions counted from 1)."""
    return " → ".join(str(p + 1) if isinstance(p, int) else str(p) for p in path)


_BRACKET = re.compile(r"\[(\d+)\]")


def parse_field(field: str) -> tuple[PathPart, ...]:
    """The machine path of a field written for people: «pairs → 3 → start» (positions from
    1), ``tasks[0].responsible`` (indexes from 0) or ``representative.full_name``."""
    text = field.strip()
    if not text:
        return ()
    if "→" in text:
        parts: list[PathPart] = []
        for part in (p.strip() for p in text.split("→")):
            parts.append(int(part) - 1 if part.isdigit() and int(part) > 0 else part)
        return tuple(parts)
    out: list[PathPart] = []
    for piece in _BRACKET.sub(r".[\1]", text).split("."):
        if not piece:
            continue
        match = _BRACKET.fullmatch(piece)
        out.append(int(match.group(1)) if match else piece)
    return tuple(out)


@dataclass(frozen=True)
class Problem:
    """One located problem in the input: where it is, what is wrong, what to do.

    For programs: ``path`` is a tuple of keys and 0-based list positions into the input
    (``("pairs", 2, "start")``), ``code`` a stable code from :data:`PROBLEM_CODES`
    (``date.invalid``, ``participant.unknown`` …), ``value`` the offending value. For people:
    ``message`` and ``hint`` in Russian, and where it sits — ``file``, ``sheet``, ``row``
    (a line of YAML, a row of a sheet), ``column`` and ``field`` (the path as a person reads
    it, «pairs → 3 → start»). Every field but ``message`` is optional, so the same type
    serves a cell of an Excel sheet, a line of a CSV file and a key of a YAML document;
    ``path`` and ``field`` are filled from each other when only one is given.
    ``personal``: the value is personal data (a phone, a birth date…) — kept here for the
    program that holds the data anyway, never printed in the message nor in
    :meth:`to_dict`.
    """

    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: Any = None
    field: str | None = None
    path: tuple[PathPart, ...] = ()
    code: str = "input.invalid"
    hint: str | None = None
    personal: bool = dataclass_field(default=False, compare=False)

    def __post_init__(self) -> None:
        if self.path and self.field is None:
            object.__setattr__(self, "field", format_path(self.path))
        elif self.field and not self.path:
            object.__setattr__(self, "path", parse_field(self.field))
        else:
            object.__setattr__(self, "path", tuple(self.path))

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
        if self.hint and self.hint.casefold() not in text.casefold():
            text = f"{text}. {self.hint}"
        return f"{where}: {text}" if where else text

    def to_dict(self) -> dict[str, Any]:
        """The problem as JSON-ready data: ``path`` as a list, the value as text."""
        return {"code": self.code, "path": list(self.path), "message": self.message,
                "hint": self.hint, "value": None if self.value is None or self.personal else str(self.value),
                "file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column,
                "field": self.field}


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

    @classmethod
    def file(cls, target: str | Path) -> OutputExistsError:
        """«Файл уже существует: …», with the advice to overwrite it."""
        return cls(f"Файл уже существует: {target}.", advice=OVERWRITE_ADVICE)


#: How to overwrite an existing output, on the command line and in Python.
OVERWRITE_ADVICE = "Чтобы перезаписать, укажите --force (overwrite=True)"


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
