"""The project facade: ``nd.Project.open(folder)`` with ``plan()``, ``check()``, ``issue()``
and ``issue_all()``.

A project folder (дело программы наставничества) holds ``nastavnik.yaml``, the registry
workbook, the journal of acts and the documents' own data. ``check()`` and ``plan()`` issue
the whole year in memory on a copy of the journal and write nothing; ``issue_all(out)``
stops on any error the checks find before writing anything, then writes every document that
can be made in issue order into a folder per stage, with the journal and an index.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Any

from ..batch import Numbering
from ..errors import InputError, NastavnikError, OutputExistsError
from ..kinds import get_kind
from ..models import Finding, Registry, Severity
from ..ru import format_date, format_number
from ._checks import (
    DryResult,
    act_findings,
    assignment_findings,
    build_findings,
    citation_findings,
    coverage_findings,
    doc_title,
    mentor_findings,
    pair_findings,
)
from ._file import PROJECT_FILE, ProjectFile
from ._find import find_project
from ._issue import Built, Issuer
from ._journal import (
    JOURNAL_COLUMNS,
    Journal,
    JournalEntry,
    journal_series,
    load_journal,
    load_state,
    save_journal,
    save_state,
)
from ._plan import ItemStatus, PlanItem, plan_data
from ._resolve import Sources, Unresolved

__all__ = ["Project", "CheckFailed", "IssuedDocument", "YearReport", "find_project",
           "JOURNAL_XLSX", "INDEX_XLSX"]

PathLike = str | os.PathLike[str]
JOURNAL_XLSX = "Журнал регистрации.xlsx"
INDEX_XLSX = "Опись документов.xlsx"
TEMPLATE = Path(__file__).with_name("template.yaml")


class CheckFailed(NastavnikError):
    """The year's data has errors: nothing was written. ``findings`` lists them all."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        errors = [f for f in findings if f.is_error]
        super().__init__(f"Найдено ошибок: {len(errors)} — документы не выпущены.\n"
                         + "\n".join(f"  • {f}" for f in errors))


@dataclass
class IssuedDocument:
    """One document of a run: where it went and what happened to it."""

    key: str
    title: str
    stage: str
    date: dt.date | None
    numbers: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    state: str = ""
    #: What the document asks the curator to check (a consent of a pupil whose birth date is
    #: unknown); ``issue_all`` lists these among the year's findings too.
    warnings: list[str] = field(default_factory=list)


@dataclass
class YearReport:
    """What ``issue_all`` did: the documents, those not issued, the warnings, the time."""

    out: Path
    documents: list[IssuedDocument] = field(default_factory=list)
    blocked: list[IssuedDocument] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    journal: Path | None = None
    index: Path | None = None
    seconds: float = 0.0

    def files(self) -> list[Path]:
        return [f for d in self.documents for f in d.files]

    def summary(self) -> str:
        from ..ru import agree

        written = sum(1 for d in self.documents if d.state != "без изменений")
        lines = [f"Документов года: {len(self.documents)} ({agree(len(self.files()), 'файл')}); "
                 f"записано или переиздано сейчас: {written}; "
                 f"за {self.seconds:.1f} с.".replace(".", ",", 1)]
        if self.blocked:
            lines.append(f"Не выпущено (не хватает данных): {len(self.blocked)}")
            lines += [f"  • {d.title}: {d.state}" for d in self.blocked]
        if self.warnings:
            lines.append(f"Предупреждений: {len(self.warnings)} (перечислены в описи)")
        lines.append(f"Журнал: {self.journal}")
        lines.append(f"Опись: {self.index}")
        return "\n".join(lines)


def _reasons(exc: BaseException) -> list[str]:
    if isinstance(exc, InputError):
        return [str(p) for p in exc.problems]
    return [str(exc)]


class Project:
    """A programme year kept as one case file (see the module docstring)."""

    def __init__(self, folder: Path, file: ProjectFile, registry: Registry):
        self.folder = folder
        self.file = file
        self.registry = registry
        self.plan_data = plan_data()
        self._journal: Journal | None = None

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: PathLike = ".") -> Project:
        """Open the project in ``path`` (a folder or its ``nastavnik.yaml``)."""
        from ..io import load_registry, load_yaml

        path = Path(path)
        file_path = path / PROJECT_FILE if path.is_dir() else path
        if not file_path.is_file():
            raise InputError(f"в папке {file_path.parent} нет файла {PROJECT_FILE}: создайте его "
                             f"командой «nastavnik-docs init {file_path.parent}»")
        file = load_yaml(file_path, ProjectFile)
        return cls(file_path.parent.resolve(), file, load_registry(file.registry))

    @staticmethod
    def init(folder: PathLike, *, school_year: int | None = None, overwrite: bool = False) -> list[Path]:
        """Write an empty registry, an organisation card and a commented ``nastavnik.yaml``
        listing the documents of a typical year (dates for ``school_year``)."""
        from .._files import write_bytes_atomic
        from ..io import init_workspace

        folder = Path(folder)
        target = folder / PROJECT_FILE
        if target.exists() and not overwrite:
            raise OutputExistsError.file(target)
        today = dt.date.today()
        year = school_year or (today.year if today.month >= 5 else today.year - 1)
        written = init_workspace(folder, overwrite=overwrite)
        text = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(y=year, y1=year + 1)
        written.append(write_bytes_atomic(target, text.encode("utf-8"), overwrite=overwrite))
        return written

    @property
    def journal(self) -> Journal:
        if self._journal is None:
            self._journal = load_journal(self.folder)
        return self._journal

    def _sources(self, journal: Journal) -> Sources:
        return Sources(self.file, self.folder, self.registry, journal, self.plan_data)

    # ------------------------------------------------------------------ dry run

    def _dry(self) -> tuple[Sources, list[DryResult]]:
        """Every document built in issue order on a copy of the journal; nothing written."""
        sources = self._sources(self.journal.model_copy(deep=True))
        issuer = Issuer(sources)
        results: list[DryResult] = []
        blocked: set[str] = set()
        for entry in issuer.order():
            result = self._try_build(issuer, entry, blocked)
            if result.built is not None:
                issuer.commit(result.built)
            results.append(result)
        return sources, results

    def _try_build(self, issuer: Issuer, entry: Any, blocked: set[str]) -> DryResult:
        cited = (issuer.sources.document_of(c) for c in issuer.cites(entry))
        waiting = list(dict.fromkeys(k for k in cited if k in blocked))
        if waiting:
            blocked.add(entry.key)
            return DryResult(entry, None, waiting=waiting)
        try:
            return DryResult(entry, issuer.build(entry))
        except (Unresolved, NastavnikError, ValueError) as exc:
            blocked.add(entry.key)
            return DryResult(entry, None, _reasons(exc))

    def check(self) -> list[Finding]:
        """Every finding of the year's data, errors first."""
        return self._findings(*self._dry())

    def _findings(self, sources: Sources, results: list[DryResult]) -> list[Finding]:
        own = {e.key: self._raw_fields(e) for e in self.file.documents}
        findings = [
            *act_findings(sources, results, own),
            *mentor_findings(sources, results),
            *assignment_findings(sources, results),
            *pair_findings(sources),
            *coverage_findings(results),
            *self._registry_findings(sources),
            *build_findings(sources, results),
            *citation_findings(sources, load_state(self.folder)),
        ]
        return sorted(findings, key=lambda f: 0 if f.is_error else 1)

    def _registry_findings(self, sources: Sources) -> list[Finding]:
        """The registry's checks for the school year (``models.check_year``): dates against
        the year and the regulation's validity, pairs active after their end, birth dates,
        representatives, forms, people. Counted on the date of the year's last document."""
        from ..models import check_year

        regulation = self.file.acts.get("regulation")
        since = (regulation.valid_from if regulation else None) or sources.act_date("regulation")
        period = (since, regulation.valid_until if regulation else None) if since else None
        dates = [e.date for e in self.file.documents if e.date is not None]
        on = min(max(dates, default=self.file.year_end), self.file.year_end)
        return check_year(self.registry, year_start=self.file.year_start, year_end=self.file.year_end,
                          on=max(on, self.file.year_start), regulation_period=period)

    def _raw_fields(self, entry: Any) -> dict[str, Any]:
        from ..io import load_yaml

        data: dict[str, Any] = {}
        if entry.file is not None and Path(entry.file).is_file():
            raw = load_yaml(entry.file)
            data = dict(raw) if isinstance(raw, dict) else {}
        return {**data, **entry.fields}

    def plan(self) -> list[PlanItem]:
        """The year's documents in plan order, each with its status and roadmap event."""
        sources, results = self._dry()
        state = load_state(self.folder)
        events = self._roadmap_rows(sources)
        items = []
        for result in results:
            entry = result.entry
            kind_title = entry.title or (get_kind(entry.kind).title if self._kind_known(entry.kind) else entry.kind)
            try:
                stage = self.plan_data.stage_of(entry.kind, entry.stage)
            except KeyError:
                stage = self.plan_data.stages[-1]
            built = result.built
            if built is None:
                status = ItemStatus.BLOCKED
            else:
                known = state.documents.get(entry.key)
                issued = known is not None and all(Path(f).exists() for f in known.files)
                status = (ItemStatus.DUE if not issued else
                          ItemStatus.ISSUED if known.fingerprint == built.fingerprint else ItemStatus.CHANGED)  # type: ignore[union-attr]
            items.append(PlanItem(
                key=entry.key, kind=entry.kind, title=kind_title, stage=stage, date=entry.date,
                status=status, number=built.number if built else None, reasons=result.why,
                roadmap_event=events.get(stage.id), records=len(built.inputs) if built else 0))
        order = {entry.key: i for i, entry in enumerate(self._plan_order(results))}
        return sorted(items, key=lambda i: order[i.key])

    def _plan_order(self, results: list[DryResult]) -> list[Any]:
        """The documents in plan order: by stage, then date, then as listed."""
        position = {e.key: i for i, e in enumerate(self.file.documents)}
        far = dt.date.max

        def rank(entry: Any) -> tuple[int, dt.date, int]:
            try:
                stage = self.plan_data.index(self.plan_data.stage_of(entry.kind, entry.stage))
            except KeyError:
                stage = len(self.plan_data.stages)
            return stage, entry.date or far, position[entry.key]

        return sorted((r.entry for r in results), key=rank)

    @staticmethod
    def _kind_known(kind: str) -> bool:
        try:
            get_kind(kind)
            return True
        except NastavnikError:
            return False

    def _roadmap_rows(self, sources: Sources) -> dict[str, str]:
        """Stage id → the event of the project's roadmap that stage serves."""
        rows: list[tuple[str, str]] = []
        for entry in self.file.documents:
            if entry.kind != "roadmap":
                continue
            data = self._raw_fields(entry)
            for stage in data.get("stages") or []:
                for row in [*(stage.get("rows") or []),
                            *(r for s in stage.get("substages") or [] for r in s.get("rows") or [])]:
                    title = str(row.get("title") or "")
                    if title:
                        number = f"{row['number']} " if row.get("number") else ""
                        deadline = f" ({row['deadline']})" if row.get("deadline") else ""
                        rows.append((title.lower(), f"{number}{title.rstrip(':')}{deadline}"))
        out = {}
        for stage in self.plan_data.stages:
            scored = [(sum(w in low for w in stage.roadmap), text) for low, text in rows]
            best = max(scored, key=lambda s: s[0], default=(0, ""))
            if best[0]:
                out[stage.id] = best[1]
        return out

    # ------------------------------------------------------------------ issuing

    def issue(self, key: str, out: PathLike) -> IssuedDocument:
        """Issue one document into ``out`` (the acts it cites must be in the journal)."""
        findings = [f for f in self.check() if f.is_error and (not f.documents or key in f.documents)]
        if findings:
            raise CheckFailed(findings)
        try:
            entry = self.file.document(key)
        except KeyError:
            raise InputError(f"в nastavnik.yaml нет документа «{key}»") from None
        sources = self._sources(self.journal)
        issuer = Issuer(sources)
        state = load_state(self.folder)
        try:
            built = issuer.build(entry)
        except Unresolved as exc:
            raise NastavnikError(f"{doc_title(entry)}: {exc}") from None
        document = self._write(issuer, built, Path(out), state, set())
        save_journal(self.journal, self.folder)
        save_state(state, self.folder)
        return document

    def _write(self, issuer: Issuer, built: Built, out: Path, state: Any, used: set[Path]) -> IssuedDocument:
        before = state.documents.get(built.entry.key)
        changed = before is not None and before.fingerprint != built.fingerprint
        files, written = issuer.write(built, out, state, used=used)
        new = [a for a in built.acts if issuer.sources.journal.get(a.key) is None]
        if new or changed:
            acts = built.acts if changed else new
            for act in acts:
                issuer.sources.journal.register(act)
            if built.kind.id == "labour.supplementary_agreement":
                issuer.sources.forget_registries()
        reissued = changed and any(issuer.sources.journal.get(a.key) for a in built.acts)
        status = ("переиздан (номер сохранён)" if reissued else "записан" if written else "без изменений")
        return IssuedDocument(
            key=built.entry.key, title=built.entry.title or built.kind.title, stage=built.stage.title,
            date=built.entry.date, numbers=[a.number for a in built.acts], files=files, state=status,
            warnings=list(built.warnings))

    def issue_all(self, out: PathLike) -> YearReport:
        """Check the year, then issue every document that can be made into ``out``.

        Raises :class:`CheckFailed` (and writes nothing) when the checks find an error.
        """
        started = time.perf_counter()
        sources, results = self._dry()
        findings = self._findings(sources, results)
        if any(f.is_error for f in findings):
            raise CheckFailed(findings)
        out = Path(out)
        report = YearReport(out=out, warnings=[f for f in findings if f.severity is Severity.WARNING])
        # The dry run numbered every act from a copy of this journal in this same order, so
        # its documents are exactly those to write; their acts now enter the real journal.
        issuer = Issuer(self._sources(self.journal))
        state = load_state(self.folder)
        used: set[Path] = set()
        for result in results:
            entry = result.entry
            if result.built is None:
                report.blocked.append(IssuedDocument(key=entry.key, title=doc_title(entry), stage="",
                                                     date=entry.date, state="; ".join(result.why)))
                continue
            report.documents.append(self._write(issuer, result.built, out, state, used))
            save_journal(self.journal, self.folder)
            save_state(state, self.folder)
        order = {item.key: i for i, item in enumerate(self._plan_order(results))}
        report.documents.sort(key=lambda d: order[d.key])
        report.journal = self.export_journal(out / JOURNAL_XLSX)
        report.seconds = time.perf_counter() - started
        report.index = self._write_index(report)
        return report

    # ------------------------------------------------------------------ lists

    # ------------------------------------------------------------------ a batch outside the plan

    def batch_numbering(self, kind_id: str) -> tuple[str, Numbering]:
        """The journal's series for documents of ``kind_id`` and registration numbers that
        continue it (``nastavnik-docs batch --journal``: certificates issued in a batch of
        their own still take the next free numbers of the folder's journal)."""
        from ._file import NumberingRule
        from ._numbering import sequence_of

        series = self.plan_data.series_of(kind_id)
        if series is None:
            raise InputError(f"документы «{get_kind(kind_id).title}» не регистрируются в журнале дела")
        rule = self.file.numbering.get(series) or NumberingRule()
        taken = [n for n in (sequence_of(rule, u) for u in self.journal.numbers(series)) if n is not None]
        return series, Numbering(start=max([rule.start - 1, *taken]) + 1, format=rule.format)

    def register_batch(self, kind_id: str, series: str,
                       rows: list[tuple[str, str, str, dt.date | None, str]]) -> Path:
        """Enter the numbered documents of a batch (its journal sheet's lines: number, full
        name, kind, date, basis) in the folder's journal, and save it."""
        for number, name, title, day, _basis in rows:
            self.journal.register(JournalEntry(
                key=f"batch:{series}:{number}", document="batch", kind=kind_id, series=series,
                number=number, date=day or dt.date.today(), title=f"{title}: {name}"))
        return save_journal(self.journal, self.folder)

    def export_journal(self, path: PathLike) -> Path:
        """The journal as a workbook a secretary would keep."""
        from ..engine.table import Sheet, write_table_xlsx
        from ..kinds import all_kinds

        titles = {k.id: k.title for k in all_kinds()}
        org = self.file.organization
        sheets = []
        for series, rows in journal_series(self.journal, titles) or [("", [])]:
            name = self.plan_data.series_titles.get(series, f"Серия «{series}»") if series else "Журнал"
            sheets.append(Sheet(
                series.replace("/", "-") or "Журнал",
                f"Журнал регистрации: {name} — {org.short_name}, {self.file.year_text} учебный год",
                JOURNAL_COLUMNS, rows))
        return write_table_xlsx(path, sheets, font_name=org.font_name, overwrite=True)

    def _write_index(self, report: YearReport) -> Path:
        from ..engine.table import Sheet, write_table_xlsx

        rows = []
        # A document left as it was lists its files from the state, absolute; ``out`` may be
        # relative to the working folder (the command's default, «Документы года»).
        out = Path(os.path.abspath(report.out))
        for i, doc in enumerate(report.documents, start=1):
            where = sorted({str(Path(os.path.abspath(f)).relative_to(out).parent) for f in doc.files})
            numbers = ", ".join(doc.numbers[:3]) + (f" … (всего {len(doc.numbers)})" if len(doc.numbers) > 3 else "")
            rows.append([i, doc.stage, doc.title, numbers, format_date(doc.date, "numeric") if doc.date else "",
                         len(doc.files), "; ".join(where), doc.state])
        for doc in report.blocked:
            rows.append(["", "", doc.title, "", format_date(doc.date, "numeric") if doc.date else "", 0, "",
                         "не выпущен: " + doc.state])
        notes = [f"Предупреждения ({len(report.warnings)}):", *(f"• {w}" for w in report.warnings)] \
            if report.warnings else ["Предупреждений нет."]
        notes.append(f"Выпуск: {dt.datetime.now():%d.%m.%Y %H:%M}, {format_number(report.seconds, 1)} с.")
        org = self.file.organization
        columns = [("№", 5), ("Этап", 28), ("Документ", 46), ("Рег. номер", 16), ("Дата", 11),
                   ("Файлов", 8), ("Папка", 40), ("Состояние", 24)]
        # Printed as wide as the page, on as many pages as it takes, its header on each: fitted
        # to one page, a year's thirty-odd rows printed in a 5-point font.
        sheet = Sheet("Опись", f"Опись документов программы наставничества {org.short_name} на "
                               f"{self.file.year_text} учебный год", columns, rows, notes)
        return write_table_xlsx(report.out / INDEX_XLSX, [sheet], font_name=org.font_name, overwrite=True)
