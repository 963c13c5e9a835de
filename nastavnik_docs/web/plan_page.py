"""The plan of the year: every document with its status, issuing one or all, the files.

The page lists the project's documents stage by stage as ``Project.plan()`` orders them,
each with its status (issued with its number and date, due on its date, or blocked with the
missing data — linked to the page where it is filled in), the roadmap's event the stage
serves, and the files written for it, to download or to preview. Issuing runs in the
background with a progress bar: one document (``Project.issue``) or the whole year
(``Project.issue_all``), into the project's folder «Документы года»; everything written
there downloads as one ZIP.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException

from ..errors import InputError, NastavnikError
from ..kinds import get_kind
from ..project import CheckFailed, ItemStatus, Officials, PlanItem, Project, Stage, load_state
from .archive import PREVIEW_SUFFIXES, make_zip, preview_available
from .files import IndexedFile, content_disposition
from .folder import YEAR_FOLDER
from .forms import field_label
from .jobs import Job
from .links import Link, document_anchor
from .project_cache import ProjectCache
from .state import WebState
from .view import page, read_project, state_of

__all__ = ["document_titles", "router", "year_folder"]

router = APIRouter(include_in_schema=False)

#: A document with more files than this lists them folded.
_FOLDED = 3
#: How a reason names a field of the document: «поле «chair»: …» or «… (present) …».
_FIELD = re.compile(r"поле «([a-z_]+)»|\(([a-z_]+)\)")
_FIELD_NAME = re.compile(r"поле «([a-z_]+)»")
_KEY = re.compile(r"«([a-z][a-z0-9_]*)»")
#: How the project says a document waits for another that cannot be issued yet.
_WAITS = re.compile(r"^ждёт документ «([a-z][a-z0-9_]*)», который пока не может быть выпущен$")


def year_folder(state: WebState) -> Path:
    return state.folder.path / YEAR_FOLDER


def document_titles(project: Project) -> dict[str, str]:
    """Each document's key → the title the plan shows."""
    titles = {}
    for entry in project.file.documents:
        try:
            titles[entry.key] = entry.title or get_kind(entry.kind).title
        except NastavnikError:
            titles[entry.key] = entry.title or entry.kind
    return titles


@dataclass
class PlanRow:
    """One document of the plan as the page shows it."""

    item: PlanItem
    files: list[IndexedFile] = field(default_factory=list)
    reasons: list[list[Link]] = field(default_factory=list)
    fixes: list[Link] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return document_anchor(self.item.key)

    @property
    def folded(self) -> bool:
        return len(self.files) > _FOLDED

    @property
    def root(self) -> bool:
        """Blocked by missing data of its own, not only by waiting for another document."""
        return any(not _WAITS.match(r) for r in self.item.reasons)


def _named(reason: str, kind_id: str) -> str:
    """«поле «chair»: …» → «поле «Председатель»: …» (the field's name in the kind's model)."""
    try:
        model = get_kind(kind_id).input_model
    except NastavnikError:
        return reason
    return _FIELD_NAME.sub(lambda m: f"поле «{field_label(model, m.group(1)) or m.group(1)}»", reason)


def _linked(reason: str, titles: dict[str, str]) -> list[Link]:
    """A reason with each document key in it shown as the document's title, linked to it."""
    waits = _WAITS.match(reason)
    if waits and waits.group(1) in titles:
        key = waits.group(1)
        return [Link("сначала нужен документ "), Link(f"«{titles[key]}»", f"#{document_anchor(key)}")]
    out: list[Link] = []
    last = 0
    for match in _KEY.finditer(reason):
        key = match.group(1)
        if key not in titles:
            continue
        out.append(Link(reason[last:match.start()]))
        out.append(Link(f"«{titles[key]}»", f"#{document_anchor(key)}"))
        last = match.end()
    out.append(Link(reason[last:]))
    return [link for link in out if link.text]


def _fixes(project: Project, item: PlanItem) -> list[Link]:
    """Where the data a blocked document lacks is filled in."""
    officials = project.plan_data.official_fields(item.kind)
    fixes: list[Link] = []
    own = False
    for reason in item.reasons:
        for match in _FIELD.finditer(reason):
            official = officials.get(match.group(1) or match.group(2))
            if official in Officials.model_fields:
                label = Officials.model_fields[official].description
                fixes.append(Link(f"Укажите: {str(label).lower()}", f"/officials#f-{official}"))
            else:
                own = True
    if own:
        fixes.append(Link(f"Остальное — поля самого документа: впишите их в nastavnik.yaml у документа «{item.key}» "
                          f"(что в них писать — nastavnik-docs schema {item.kind})"))
    return list(dict.fromkeys(fixes))


def _files(state: WebState, written: dict[str, Any], key: str) -> list[IndexedFile]:
    known = written.get(key)
    paths = [Path(f) for f in (known.files if known else [])]
    return [state.files.add(p.resolve()) for p in paths if p.is_file()]


def _rows(state: WebState, project: Project, items: list[PlanItem]) -> list[tuple[Stage, str | None, list[PlanRow]]]:
    """The plan's rows grouped by stage, with the roadmap's event of each stage."""
    titles = document_titles(project)
    written = load_state(project.folder).documents
    stages: list[tuple[Stage, str | None, list[PlanRow]]] = []
    for item in items:
        row = PlanRow(item, _files(state, written, item.key),
                      [_linked(_named(r, item.kind), titles) for r in item.reasons]
                      if item.status is ItemStatus.BLOCKED else [],
                      _fixes(project, item) if item.status is ItemStatus.BLOCKED else [])
        if not stages or stages[-1][0] != item.stage:
            stages.append((item.stage, item.roadmap_event, []))
        stages[-1][2].append(row)
    return stages


@router.get("/plan", response_class=HTMLResponse)
def plan_page(request: Request) -> HTMLResponse:
    opened = read_project(request, "plan", "План года", ProjectCache.plan)
    if isinstance(opened, HTMLResponse):
        return opened
    project, items = opened
    state = state_of(request)
    counts = {status: sum(1 for i in items if i.status is status) for status in ItemStatus}
    out = year_folder(state)
    checked = state.cache.known_check()
    return page(request, "plan.html", section="plan", project=project, stages=_rows(state, project, items),
                check_errors=sum(1 for f in checked if f.is_error) if checked is not None else None,
                counts=counts, to_issue=counts[ItemStatus.DUE] + counts[ItemStatus.CHANGED],
                has_files=out.is_dir() and any(p.is_file() for p in out.rglob("*")),
                previews=preview_available(), preview_suffixes=PREVIEW_SUFFIXES, running=state.jobs.running(),
                statuses=ItemStatus)


# ------------------------------------------------------------------------ issuing


def _written_since(folder: Path) -> Callable[[], int]:
    """A counter of the documents the project records as written after now."""
    before = {k: (d.fingerprint, d.written_at) for k, d in load_state(folder).documents.items()}

    def count() -> int:
        now = load_state(folder).documents
        return sum(1 for k, d in now.items() if before.get(k) != (d.fingerprint, d.written_at))

    return count


def _start_year(state: WebState) -> Job:
    out = year_folder(state)

    def work(job: Job) -> None:  # a run that failed goes on where it stopped: what is written stays
        job.again = {"resume": lambda: _start_year(state)}
        project = state.folder.open_project()
        known = state.cache.known_plan()
        items = known if known is not None else project.plan()
        job.total = sum(1 for i in items if i.status in (ItemStatus.DUE, ItemStatus.CHANGED))
        try:
            report = project.issue_all(out)
        except CheckFailed:  # nothing written: the data is to be corrected, not the run continued
            job.again = {}
            raise
        archive = make_zip(out, state.work / "archives" / job.id / f"{YEAR_FOLDER}.zip")
        job.result.update(
            processed=job.total, documents=len(report.documents), files=len(report.files()),
            written=sum(1 for d in report.documents if d.state != "без изменений"),
            blocked=[(d.key, d.title, d.state) for d in report.blocked],
            warnings=[str(w) for w in report.warnings], seconds=report.seconds,
            journal=state.files.add(report.journal) if report.journal else None,
            index=state.files.add(report.index) if report.index else None,
            zip=state.files.add(archive, _archive_name(project)),
        )

    return state.jobs.start("Документы года", 0, _written_since(state.folder.path), work, kind="year")


def _archive_name(project: Project | None) -> str:
    """«Документы года 2026-2027.zip»."""
    year = f" {project.file.year_text.replace('/', '-')}" if project is not None else ""
    return f"{YEAR_FOLDER}{year}.zip"


def _start_document(state: WebState, project: Project, key: str) -> Job:
    title = document_titles(project)[key]

    def work(job: Job) -> None:
        job.again = {"restart": lambda: _start_document(state, state.folder.open_project(), key)}
        issued = state.folder.open_project().issue(key, year_folder(state))
        job.result.update(processed=1, key=key, numbers=issued.numbers, state=issued.state,
                          files=[state.files.add(f) for f in issued.files], warnings=issued.warnings)

    return state.jobs.start(title, 1, _written_since(state.folder.path), work, kind="document")


def _busy(state: WebState) -> Response | None:
    """The running job's page when one is running: one run at a time."""
    running = state.jobs.running()
    return RedirectResponse(f"/jobs/{running.id}", status_code=303) if running else None


@router.post("/plan/issue")
def issue_year(request: Request) -> Response:
    state = state_of(request)
    busy = _busy(state)
    if busy is not None:
        return busy
    return RedirectResponse(f"/jobs/{_start_year(state).id}", status_code=303)


@router.post("/plan/issue/{key}")
def issue_document(request: Request, key: str) -> Response:
    state = state_of(request)
    project = state.cache.project()
    if key not in {e.key for e in project.file.documents}:
        raise HTTPException(404, "Такого документа нет в плане года")
    busy = _busy(state)
    if busy is not None:
        return busy
    return RedirectResponse(f"/jobs/{_start_document(state, project, key).id}", status_code=303)


@router.get("/plan/archive")
def year_archive(request: Request) -> FileResponse:
    """Everything issued into «Документы года» as one ZIP."""
    state = state_of(request)
    out = year_folder(state)
    if not out.is_dir() or not any(p.is_file() for p in out.rglob("*")):
        raise HTTPException(404, "Документы года ещё не выпущены: выпустите их на странице «План года»")
    try:
        project: Project | None = state.cache.project()
    except InputError:
        project = None
    scratch = state.scratch("archive-")
    archive = make_zip(out, scratch / f"{YEAR_FOLDER}.zip")
    return FileResponse(archive, media_type="application/zip",
                        background=BackgroundTask(shutil.rmtree, scratch, ignore_errors=True),
                        headers={"Content-Disposition": content_disposition(_archive_name(project))})
