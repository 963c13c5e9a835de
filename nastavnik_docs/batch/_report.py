"""What a batch run did: the files written and skipped, the records that failed and why,
a short Russian summary and the error report «Ошибки выпуска.csv»."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from .._files import atomic_path
from .._privacy import personal_values, record_values, scrub
from .._textsafe import csv_cell
from ..ru import agree
from ._names import short_name

__all__ = ["ERROR_REPORT", "BatchReport", "Failure", "FileList", "error_report_bytes", "failure_of",
           "write_error_report"]

#: The error report written into the output folder when some records fail.
ERROR_REPORT = "Ошибки выпуска.csv"


@dataclass(frozen=True)
class Failure:
    """A record that could not be written: its number (from 1), whom it is for, why."""

    row: int
    name: str
    error: str


class FileList(Sequence[Path]):
    """Files of one folder, kept as their names and given out as paths: a batch of tens
    of thousands of documents does not hold a ``Path`` object per file."""

    def __init__(self, folder: Path, names: Sequence[str] | None = None):
        self.folder = folder
        self.names: Sequence[str] = names if names is not None else []

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> Path: ...

    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...

    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [self.folder / n for n in self.names[index]]
        return self.folder / self.names[index]

    def __iter__(self) -> Iterator[Path]:
        folder = self.folder
        return (folder / n for n in self.names)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FileList({self.folder!s}, {len(self.names)} файлов)"


def _count(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


@dataclass
class BatchReport:
    """What a batch run did.

    ``out_dir`` is the folder written, the ``.zip`` file, or None for a stream; for an
    archive or a stream ``written`` and the other paths are names inside it.
    """

    kind: str
    title: str
    out_dir: Path | None
    total: int
    written: Sequence[Path] = field(default_factory=list)
    skipped: Sequence[Path] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    merged: Path | None = None
    error_report: Path | None = None
    seconds: float = 0.0
    jobs: int = 1
    #: PDF copies of the documents (``pdf=True``) and the merged PDF (with ``merge``)
    pdfs: Sequence[Path] = field(default_factory=list)
    merged_pdf: Path | None = None
    #: the journal sheet of the registration numbers (``numbering``) and its lines
    #: (number, full name, kind, date, basis)
    journal: Path | None = None
    journal_rows: list[tuple[str, str, str, dt.date | None, str]] = field(default_factory=list)
    #: documents written per role of their recipients («наставник»: 12, «наставляемый»: 30)
    roles: dict[str, int] = field(default_factory=dict)
    #: what the documents ask the curator to check (a consent of a pupil whose birth date
    #: is unknown), each text once; also issued as ``DocumentWarning`` when the batch ends
    warnings: list[str] = field(default_factory=list)

    def written_paths(self) -> list[Path]:
        """Files this run wrote: the documents, their PDFs, then the print files, the
        journal sheet and the error report."""
        extra = [p for p in (self.merged, self.merged_pdf, self.journal, self.error_report) if p is not None]
        return [*self.written, *self.pdfs, *extra]

    def summary(self) -> str:
        """A few lines in Russian for the curator."""
        done = len(self.written)
        rate = done / self.seconds if self.seconds > 0 else 0.0
        seconds = f"{self.seconds:.1f}".replace(".", ",")
        lines = [f"«{self.title}»: записано {agree(done, 'документ')} из {_count(self.total)} "
                 f"за {seconds} с" + (f" ({rate:,.0f} в секунду)".replace(",", "\u00a0")
                                        if done >= 50 and self.seconds > 0 else "") + "."]
        if self.roles:
            lines.append("По ролям: " + ", ".join(f"{role} — {_count(n)}" for role, n in self.roles.items()) + ".")
        formats = [f"{self.written[0].suffix.lstrip('.').upper()} — {_count(done)}"] if done else []
        if self.pdfs:
            formats.append(f"PDF — {_count(len(self.pdfs))}")
        if len(formats) > 1:
            lines.append("По видам файлов: " + ", ".join(formats) + ".")
        if self.skipped:
            lines.append(f"Пропущено (уже были готовы): {len(self.skipped)}.")
        if self.failed:
            lines.append(f"Не удалось сделать: {agree(len(self.failed), 'документ')}; "
                         f"причины — в файле {self.error_report}.")
            for failure in self.failed[:5]:
                who = f" ({failure.name})" if failure.name else ""
                lines.append(f"  • запись {failure.row}{who}: {failure.error}")
            if len(self.failed) > 5:
                lines.append(f"  … и ещё {len(self.failed) - 5}")
        if self.merged:
            lines.append(f"Общий файл для печати: {self.merged}")
        if self.merged_pdf:
            lines.append(f"Общий PDF для печати: {self.merged_pdf}")
        if self.journal:
            lines.append(f"Журнал регистрации: {self.journal}")
        if self.out_dir is not None:
            place = "Архив" if self.out_dir.suffix.lower() == ".zip" else "Папка"
            lines.append(f"{place}: {self.out_dir}")
        return "\n".join(lines)


def failure_of(index: int, record: Mapping[str, Any], error: str, *, redact: bool = False) -> Failure:
    """A failed record (``index`` from 0) as reports show it: whom it is for («Иванова
    М.П.») and why, never with a phone, an e-mail, an address or a birth date of the
    record (``nastavnik_docs._privacy``); with ``redact``, only its number and the reason
    without any value of the record."""
    if redact:
        return Failure(index + 1, "", scrub(error, record_values(record)))
    return Failure(index + 1, short_name(record), scrub(error, personal_values(record)))


def error_report_bytes(failures: list[Failure]) -> bytes:
    """«№ записи; Участник; Ошибка» as a CSV that Excel opens in Russian locales (; and BOM).
    Every cell that a spreadsheet would read as a formula is neutralised (the OWASP rule,
    ``nastavnik_docs._textsafe.csv_cell``): a name or a message quoting the data is text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["№ записи", "Участник", "Ошибка"])
    for f in failures:
        writer.writerow([f.row, csv_cell(f.name), csv_cell(f.error)])
    return buffer.getvalue().encode("utf-8-sig")


def write_error_report(out_dir: Path, failures: list[Failure], *, temp_prefix: str | None = None) -> Path:
    """The error report (:func:`error_report_bytes`) written into ``out_dir``
    (``temp_prefix``: how its temporary file is named while it is written)."""
    target = out_dir / ERROR_REPORT
    with atomic_path(target, overwrite=True, **({"prefix": temp_prefix} if temp_prefix else {})) as tmp:
        tmp.write_bytes(error_report_bytes(failures))
    return target
