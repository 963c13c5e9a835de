"""Registration numbers of a batch's documents and the journal sheet that lists them.

Each document may get a registration number (requisite 11): a prefix and a running number
from a start («Г-0001», «Г-0002» …), or the numbers that continue a journal kept
elsewhere (the project's journal of acts gives the start). Every numbered document that was
written is listed in a journal sheet beside the documents — «Журнал регистрации …xlsx»
with the columns номер, ФИО, вид награды, дата, основание — so that a certificate (and the
QR code printed on it) can be checked against the journal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Problem

__all__ = ["JOURNAL_COLUMNS", "JOURNAL_PREFIX", "Numbering", "journal_path", "write_journal"]

#: The journal sheet's file name begins with this, followed by the kind's title.
JOURNAL_PREFIX = "Журнал регистрации — "
#: Columns of the journal sheet and their widths in characters.
JOURNAL_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Номер", 14), ("ФИО", 40), ("Вид награды", 30), ("Дата", 12), ("Основание", 40))


@dataclass(frozen=True)
class Numbering:
    """Registration numbers ``prefix`` + running number from ``start``, zero-padded to
    ``width`` digits: ``Numbering("Г-", 1, 4)`` gives «Г-0001», «Г-0002» … A ``format`` with
    ``{n}`` (and ``{year}``, the document's year) writes them as a journal's series does
    («{year}-{n:03d}» → «2026-041»); ``prefix`` and ``width`` are then not used."""

    prefix: str = ""
    start: int = 1
    width: int = 1
    format: str | None = None

    def __post_init__(self) -> None:
        if self.start < 0 or not 1 <= self.width <= 12:
            raise InputError(Problem("номера: начальный номер не может быть меньше 0, "
                                     "а число цифр должно быть от 1 до 12", field="number"))
        if self.format is not None:
            try:
                self.format.format(n=1, year=2026)
            except (KeyError, IndexError, ValueError):
                raise InputError(Problem(f"вид номера «{self.format}»: можно {{n}} и {{year}}",
                                         field="number")) from None

    def number(self, position: int, day: dt.date | None = None) -> str:
        """The number of the document at ``position`` (from 0) in the batch, dated ``day``."""
        n = self.start + position
        if self.format is not None:
            return self.format.format(n=n, year=day.year if day else "")
        return f"{self.prefix}{n:0{self.width}d}"

    @classmethod
    def after(cls, used: Iterable[str], prefix: str = "", width: int = 1) -> Numbering:
        """Numbers that continue ``used`` (a journal's numbers of the same prefix): one
        more than the greatest running number there, or from 1."""
        pattern = re.compile(re.escape(prefix) + r"(\d+)$")
        taken = [int(m.group(1)) for m in (pattern.match(u.strip()) for u in used) if m]
        return cls(prefix, max(taken, default=0) + 1, width)


def journal_path(out_dir: Path, title: str) -> Path:
    """The journal sheet a numbered batch of documents titled ``title`` writes in ``out_dir``."""
    from ._names import safe_file_stem

    return out_dir / f"{safe_file_stem(JOURNAL_PREFIX + title)}.xlsx"


def write_journal(path: Path, title: str, rows: Sequence[tuple[str, str, str, dt.date | None, str]]) -> Path:
    """The journal sheet: one line per numbered document, in the order of the numbers."""
    from ..engine.table import Sheet, write_table_xlsx

    sheet = Sheet(name="Журнал регистрации", title=f"Журнал регистрации: {title}",
                  columns=JOURNAL_COLUMNS, rows=rows)
    return write_table_xlsx(path, [sheet], overwrite=True)
