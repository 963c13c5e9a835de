"""The municipal summary: organisations' coverage tables checked and added up.

Each accepted table becomes one compact :class:`SummaryRow` (the figures by line code);
a table that fails its form or a control relation becomes a :class:`FailedFile` with the
relations named. A summary is plain data (JSON-ready), so that a region can build it in
shards on any job runner and merge them: :meth:`MunicipalSummary.merge` adds shards up and
rejects an organisation that appears twice, exactly as one run over all files would.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import Field, PrivateAttr

from ..models import CoverageTable, Model, TableLine
from ._control import check_table
from ._form import COVERAGE_FORM, FormSpec, share

__all__ = ["FailedFile", "MunicipalSummary", "SummaryRow", "accept_table", "shard_of"]


class SummaryRow(Model):
    """One organisation's accepted table: graphs 3–5 by line code (graph 5 only where it is
    a count — the shares are computed again from graphs 3 and 4)."""

    organization: str = Field(description="Организация")
    inn: str | None = Field(default=None, description="ИНН")
    file: str = Field(default="", description="Файл таблицы")
    period_start: date | None = Field(default=None, description="Начало отчётного периода таблицы")
    period_end: date | None = Field(default=None, description="Конец отчётного периода таблицы")
    values: dict[str, tuple[int, int | None, int | None]] = Field(default_factory=dict,
                                                                  description="Графы 3, 4, 5 по кодам строк")

    @classmethod
    def from_table(cls, table: CoverageTable, spec: FormSpec = COVERAGE_FORM) -> SummaryRow:
        share_codes = {line.code for line in spec.share_lines()}
        values = {}
        for code in spec.codes():
            g3, g4, g5 = (table.value(code, g) for g in (3, 4, 5))
            values[code] = (int(g3 or 0), int(g4) if g4 is not None else None,
                            int(g5) if g5 is not None and code not in share_codes else None)
        return cls(organization=table.organization, inn=table.inn, file=table.source or "",
                   period_start=table.period_start, period_end=table.period_end, values=values)

    def count(self, code: str) -> int:
        return self.values[code][0] if code in self.values else 0

    def table(self, spec: FormSpec = COVERAGE_FORM) -> CoverageTable:
        return _table(self.organization, self.inn, self.period_start, self.period_end, self.values, spec)

    @property
    def key(self) -> str:
        """What makes two rows the same organisation: the INN, else the name."""
        return f"ИНН {self.inn}" if self.inn else " ".join(self.organization.lower().split())


class FailedFile(Model):
    """A file that was not summed, and why (each reason names its check or relation)."""

    file: str = Field(description="Файл")
    organization: str = Field(default="", description="Организация, если её удалось прочитать")
    reasons: list[str] = Field(default_factory=list, description="Причины: проверка или контрольное соотношение")


class MunicipalSummary(Model):
    """The accepted rows, the failed files, and which shard of the files this is."""

    rows: list[SummaryRow] = Field(default_factory=list, description="Принятые таблицы организаций")
    failed: list[FailedFile] = Field(default_factory=list, description="Непринятые файлы и причины")
    files: int = Field(default=0, ge=0, description="Сколько файлов прочитано")
    shard: str | None = Field(default=None, description="Часть «i/n», если сводка частичная")
    form: str = Field(default=COVERAGE_FORM.form, description="Форма таблиц сводки")
    version: str = Field(default=COVERAGE_FORM.version, description="Версия формы")

    _keys: dict[str, str] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any) -> None:
        self._keys = {r.key: r.file for r in self.rows}

    def add(self, row: SummaryRow | None = None, failed: FailedFile | None = None) -> None:
        """Count one file: its row (rejected if its organisation is already here) or its failure."""
        self.files += 1
        if failed is not None:
            self.failed.append(failed)
            return
        if row is None:
            raise ValueError("add() needs a row or a failure")
        duplicate = self._keys.get(row.key)
        if duplicate is not None:
            self.failed.append(FailedFile(file=row.file, organization=row.organization, reasons=[
                f"ПОВТОР: сведения организации ({row.key}) уже учтены из файла {duplicate}"]))
        else:
            self.rows.append(row)
            self._keys[row.key] = row.file

    @classmethod
    def merge(cls, parts: Iterable[MunicipalSummary]) -> MunicipalSummary:
        """One summary of several shards, as if all their files had been read in one run."""
        merged = cls()
        rows: list[SummaryRow] = []
        for part in parts:
            if (part.form, part.version) != (merged.form, merged.version):
                raise ValueError(f"часть сводки построена по форме {part.form} версии {part.version}, "
                                 f"а нужна {merged.form} версии {merged.version}")
            rows.extend(part.rows)
            for failed in part.failed:
                merged.add(failed=failed)
            merged.files += part.files - len(part.rows) - len(part.failed)
        for row in sorted(rows, key=lambda r: r.file):  # the order of one run over all the files
            merged.add(row)
        merged.rows.sort(key=lambda r: r.file)
        merged.failed.sort(key=lambda f: f.file)
        return merged

    def total(self, title: str = "Итого", spec: FormSpec = COVERAGE_FORM) -> CoverageTable:
        """The rows added up line by line. A share line's graph 4 is summed only when every
        organisation gave it; otherwise it stays empty (the share cannot be judged)."""
        values: dict[str, tuple[int, int | None, int | None]] = {}
        for code in spec.codes():
            cells = [r.values.get(code, (0, None, None)) for r in self.rows]
            g4 = [c[1] for c in cells]
            g5 = [c[2] for c in cells]
            values[code] = (sum(c[0] for c in cells),
                            sum(v for v in g4 if v is not None) if cells and None not in g4 else None,
                            sum(v for v in g5 if v is not None) if cells and None not in g5 else None)
        starts = [r.period_start for r in self.rows if r.period_start]
        ends = [r.period_end for r in self.rows if r.period_end]
        return _table(title, None, min(starts, default=None), max(ends, default=None), values, spec)

    def periods(self) -> list[tuple[date | None, date | None]]:
        return sorted({(r.period_start, r.period_end) for r in self.rows}, key=lambda p: (p[0] or date.min))


def _table(organization: str, inn: str | None, start: date | None, end: date | None,
           values: dict[str, tuple[int, int | None, int | None]], spec: FormSpec) -> CoverageTable:
    share_codes = {line.code for line in spec.share_lines()}
    lines = {}
    for code, (g3, g4, g5) in values.items():
        graphs = {3: Decimal(g3)}
        if g4 is not None:
            graphs[4] = Decimal(g4)
        if code in share_codes:
            ratio = share(g3, g4) if g4 is not None else None
            if ratio is not None:
                graphs[5] = ratio
        elif g5 is not None:
            graphs[5] = Decimal(g5)
        lines[code] = TableLine(code=code, graphs=graphs)
    return CoverageTable(organization=organization, inn=inn, period_start=start, period_end=end,
                         form=spec.form, version=spec.version, lines=lines)


def accept_table(table: CoverageTable, *, period: tuple[date, date] | None = None,
                 spec: FormSpec = COVERAGE_FORM) -> tuple[SummaryRow | None, FailedFile | None]:
    """The table's row, or why it is not accepted: the form and its control relations, and
    the reporting period when one is required."""
    file = table.source or ""
    reasons = [str(f) for f in check_table(table, spec)]
    if period is not None and (table.period_start, table.period_end) != period:
        found = (f"{table.period_start:%d.%m.%Y}–{table.period_end:%d.%m.%Y}"
                 if table.period_start and table.period_end else "не указан")
        reasons.append(f"ПЕРИОД: отчётный период таблицы {found}, а сводка — за "
                       f"{period[0]:%d.%m.%Y}–{period[1]:%d.%m.%Y}")
    if not table.organization.strip():
        reasons.append("ОРГАНИЗАЦИЯ: в таблице не указано наименование организации")
    if reasons:
        return None, FailedFile(file=file, organization=table.organization, reasons=reasons)
    return SummaryRow.from_table(table, spec), None


def shard_of(files: Sequence[str], shard: tuple[int, int] | None) -> list[str]:
    """The files of shard ``i`` of ``n`` (1-based): every n-th file of the sorted list, so
    that shards are of equal size and each file is in exactly one."""
    ordered = sorted(files)
    if shard is None:
        return ordered
    index, count = shard
    if not 1 <= index <= count:
        raise ValueError(f"часть {index}/{count}: номер части должен быть от 1 до {count}")
    return ordered[index - 1::count]
