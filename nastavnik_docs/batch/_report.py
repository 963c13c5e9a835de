"""What a batch run did: the files written and skipped, the records that failed and why,
a short Russian summary and the error report «Ошибки выпуска.csv»."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .._files import atomic_path
from ..ru import agree

__all__ = ["ERROR_REPORT", "BatchReport", "Failure", "error_report_bytes", "write_error_report"]

#: The error report written into the output folder when some records fail.
ERROR_REPORT = "Ошибки выпуска.csv"


@dataclass(frozen=True)
class Failure:
    """A record that could not be written: its number (from 1), whom it is for, why."""

    row: int
    name: str
    error: str


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
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    merged: Path | None = None
    error_report: Path | None = None
    seconds: float = 0.0
    jobs: int = 1

    def written_paths(self) -> list[Path]:
        """Files this run wrote: the documents, then the print file and the error report."""
        extra = [p for p in (self.merged, self.error_report) if p is not None]
        return [*self.written, *extra]

    def summary(self) -> str:
        """A few lines in Russian for the curator."""
        done = len(self.written)
        rate = done / self.seconds if self.seconds > 0 else 0.0
        seconds = f"{self.seconds:.1f}".replace(".", ",")
        total = f"{self.total:,}".replace(",", "\u00a0")
        lines = [f"«{self.title}»: записано {agree(done, 'документ')} из {total} "
                 f"за {seconds} с" + (f" ({rate:,.0f} в секунду)".replace(",", "\u00a0")
                                        if done >= 50 and self.seconds > 0 else "") + "."]
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
        if self.out_dir is not None:
            place = "Архив" if self.out_dir.suffix.lower() == ".zip" else "Папка"
            lines.append(f"{place}: {self.out_dir}")
        return "\n".join(lines)


def error_report_bytes(failures: list[Failure]) -> bytes:
    """«№ записи; Участник; Ошибка» as a CSV that Excel opens in Russian locales (; and BOM)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["№ записи", "Участник", "Ошибка"])
    for f in failures:
        writer.writerow([f.row, f.name, f.error])
    return buffer.getvalue().encode("utf-8-sig")


def write_error_report(out_dir: Path, failures: list[Failure]) -> Path:
    """The error report (:func:`error_report_bytes`) written into ``out_dir``."""
    target = out_dir / ERROR_REPORT
    with atomic_path(target, overwrite=True) as tmp:
        tmp.write_bytes(error_report_bytes(failures))
    return target
