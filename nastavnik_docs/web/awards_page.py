"""The certificates page: a batch of грамоты, благодарности, сертификаты for the registry's
people, chosen by filters, made in the background with a progress bar.

The recipients are the kind's own batch records of the folder's registry (a грамота goes
to the participants of completed pairs, a participant's certificate to everyone), chosen by
the batch filters (role, category, pair type, format, pair status, class, post) and
narrowed on the page by a part of the name. A batch may take registration numbers (the
curator's own, or continuing the project's journal, where they are then entered) and a QR
code with the document's details. The shared fields (date, wording, order) come
from the kind's input model, and their validation messages stand beside the fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from .. import load_input, render_batch
from ..batch import Numbering, records_from_source, safe_file_stem
from ..errors import InputError, Problem
from ..kinds import Kind, all_kinds, get_kind
from ..models import FORMATS, PAIR_TYPES, Category, PairStatus, Registry, Role
from ..ru import agree
from .archive import make_zip
from .folder import AWARDS_FOLDER
from .forms import FormField, attach_problems, form_fields, form_to_data
from .jobs import Job, finished_files
from .state import WebState
from .view import page, state_of

__all__ = ["Filters", "Numbers", "award_kinds", "fields_of", "router"]

router = APIRouter(include_in_schema=False)

#: The shared fields of a batch on the form (fields of the award input model) each
#: certificate kind asks for.
_KIND_FIELDS = {
    "award.certificate": ["date", "event", "order_number", "order_date"],
    "award.diploma": ["date", "wording", "degree", "order_number", "order_date"],
}
_DEFAULT_FIELDS = ["date", "wording", "order_number", "order_date"]
_HINTS = {
    "wording": "Продолжает фразу «награждается …», например: за активное участие в программе наставничества.",
    "event": "Для сертификата: «в программе наставничества … в 2025/2026 учебном году».",
    "degree": "Для диплома, например: I степени.",
}


#: the numbering fields, whose messages stand beside them (not among the form's other problems)
_NUMBER_FIELDS = ("number_start", "number_width")


def fields_of(kind: Kind) -> list[str]:
    """The shared fields ``kind`` asks for on the form."""
    return _KIND_FIELDS.get(kind.id, _DEFAULT_FIELDS)


def award_kinds() -> list[Kind]:
    """The certificate kinds that are made from a registry."""
    return [k for k in all_kinds() if k.id.startswith("award.") and k.batch and k.batch.records]


class Filters:
    """Whom a batch is for, as the page's fields say it: the batch filters (role, category,
    pair type, format, pair status, class, post; :mod:`nastavnik_docs.batch`) and a part of
    the name, which only narrows the list on the page."""

    #: the page's field -> the batch filter it becomes
    FIELDS = ("role", "category", "pair_type", "format", "status", "class", "post")

    def __init__(self, params: dict[str, str]):
        self.values = {f: params.get(f, "").strip() for f in self.FIELDS}
        self.name = params.get("name", "").strip()

    def batch(self) -> list[str]:
        """The filters as ``records_from_source`` takes them (``поле=значение``)."""
        return [f"{f}={v}" for f, v in self.values.items() if v]

    def keep(self, record: dict[str, Any]) -> bool:
        """Whether the page lists ``record``: its recipient has the chosen role in the
        document (on a registry the batch's role filter keeps whoever has that role in any
        pair: a mentee of a completed pair who mentors in another pair would be listed, and
        awarded as a mentee, under «наставник»), and the name contains the typed part."""
        who = record.get("recipient") or {}
        role = who.get("role")
        if self.values["role"] and role is not None and str(getattr(role, "value", role)) != self.values["role"]:
            return False
        if not self.name:
            return True
        full = " ".join(str(who.get(k) or "") for k in ("last_name", "first_name", "middle_name"))
        return self.name.casefold() in full.casefold()

    @staticmethod
    def choices(registry: Registry | None) -> dict[str, list[tuple[str, str]]]:
        own_types = registry.pair_types if registry is not None else []
        own_formats = registry.formats if registry is not None else []
        return {
            "role": [(r.value, r.label) for r in (Role.MENTOR, Role.MENTEE)],
            "category": [(c.value, c.label) for c in Category],
            "pair_type": [(t.title, t.title) for t in (*PAIR_TYPES, *own_types)],
            "format": [(f.title, f.title) for f in (*FORMATS, *own_formats)],
            "status": [(s.value, s.label) for s in PairStatus],
        }


class Numbers:
    """The registration numbers the page asks for: none, continuing the project's journal,
    or the curator's own (beginning, first number, digits); and whether to print a QR code."""

    def __init__(self, params: dict[str, str]):
        self.mode = params.get("numbers", "none") if params.get("numbers") in ("journal", "own") else "none"
        self.prefix = params.get("number_prefix", "").strip()
        self.start_text = params.get("number_start", "").strip() or "1"
        self.width_text = params.get("number_width", "").strip() or "1"
        self.qr = params.get("qr") == "on"

    def own(self) -> Numbering | None:
        """The curator's own numbering (InputError beside the field when a value is wrong)."""
        if self.mode != "own":
            return None
        problems = [Problem(f"нужно целое число, а написано «{text}»", field=name)
                    for name, text in (("number_start", self.start_text), ("number_width", self.width_text))
                    if not text.isdigit()]
        if problems:
            raise InputError(problems)
        try:
            return Numbering(self.prefix, int(self.start_text), int(self.width_text))
        except InputError as exc:
            raise InputError([replace(p, field="number_width") for p in exc.problems]) from None


def _recipients(state: WebState, kind: Kind, common: dict[str, Any], filters: Filters) -> list[dict[str, Any]]:
    records = records_from_source(kind, state.folder.registry_path(), common=common, filters=filters.batch())
    return [r for r in records if filters.keep(r)]


def _form(request: Request, params: dict[str, str], problems: list[Problem] | None = None,
          status: int = 200, **extra: Any) -> HTMLResponse:
    state = state_of(request)
    kinds = award_kinds()
    kind = next((k for k in kinds if k.id == params.get("kind")), kinds[0])
    defaults = {"date": dt.date.today().isoformat(), **{k: v for k, v in params.items() if v}}
    fields: list[FormField] = form_fields(kind.input_model, fields_of(kind), defaults, _HINTS)
    problems = list(problems or [])
    card, card_problems = state.folder.organization()
    registry, registry_problems = state.folder.registry()
    recipients: list[dict[str, Any]] = []
    if card is not None and registry is not None:
        try:
            recipients = _recipients(state, kind, {"organization": card}, Filters(params))
        except InputError as exc:  # a filter nobody passes: the message names the values there are
            # said as a sentence, not as a problem of a field called «filter»
            problems.extend(replace(p, field=None, path=()) if p.field == "filter" else p
                            for p in exc.problems if p not in problems)
    numbers = Numbers(params)
    rest = attach_problems(fields, problems)
    number_problems = {p.field: p.message for p in rest if p.field in _NUMBER_FIELDS}
    rest = [p for p in rest if p.field not in _NUMBER_FIELDS]
    return page(request, "awards.html", status=status, section="awards", kinds=kinds, kind=kind,
                fields=fields, other=rest, params=params, choices=Filters.choices(registry), recipients=recipients,
                numbers=numbers, number_problems=number_problems,
                count_text=agree(len(recipients), "документ"), card_ok=card is not None, registry_ok=registry is not None,
                registry_problems=len(registry_problems), **extra)


@router.get("/awards", response_class=HTMLResponse)
def awards_page(request: Request) -> HTMLResponse:
    return _form(request, dict(request.query_params))


def _new_folder(parent: Path, name: str) -> Path:
    """A new empty folder ``parent/name`` (« (2)», « (3)» … when two batches start in one
    second), made now so that no later batch takes it."""
    parent.mkdir(parents=True, exist_ok=True)
    for n in range(1, 1000):
        folder = parent / (name if n == 1 else f"{name} ({n})")
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder
    raise InputError(Problem(f"в папке «{parent.name}» слишком много выпусков с именем «{name}»"))


def _issue(state: WebState, kind: Kind, records: list[dict[str, Any]], merge: bool, numbers: Numbers,
           resume_in: Path | None = None) -> Job:
    """Start the batch in a new folder, or continue it in ``resume_in`` (the documents already
    complete there are kept). A failed run offers to start anew and, when its documents take
    no registration numbers, to continue (numbers of documents kept from a failed run would be
    missing from the issue journal)."""
    out = resume_in or _new_folder(state.folder.path / AWARDS_FOLDER,
                                   safe_file_stem(f"{kind.title} {dt.datetime.now():%Y-%m-%d %H-%M-%S}"))

    def work(job: Job) -> None:
        job.again = {"restart": lambda: _issue(state, kind, records, merge, numbers)}
        if numbers.mode == "none":
            job.again = {"resume": lambda: _issue(state, kind, records, merge, numbers, resume_in=out), **job.again}
        project, series, numbering = None, "", numbers.own()
        if numbers.mode == "journal":  # taken now, in the one worker: no other run numbers meanwhile
            project = state.folder.open_project()
            series, numbering = project.batch_numbering(kind.id)
        report = render_batch(kind, records, out, merge=merge, numbering=numbering, qr=numbers.qr,
                              resume=resume_in is not None)
        if project is not None and report.journal_rows:
            project.register_batch(report.kind, series, report.journal_rows)
        archive = make_zip(out, state.work / "archives" / job.id / f"{out.name}.zip")
        job.result.update(
            processed=len(report.written) + len(report.skipped) + len(report.failed),
            written=len(report.written) + len(report.skipped),
            kept=len(report.skipped),
            failed=[(f.row, f.name, f.error) for f in report.failed],
            files=[state.files.add(p) for p in [*report.skipped, *report.written]],
            merged=state.files.add(report.merged) if report.merged else None,
            error_report=state.files.add(report.error_report) if report.error_report else None,
            journal=state.files.add(report.journal) if report.journal else None,
            numbers=[row[0] for row in report.journal_rows],
            in_project_journal=project is not None and bool(report.journal_rows),
            zip=state.files.add(archive),
            folder=str(out.relative_to(state.folder.path)),
        )

    return state.jobs.start(kind.title, len(records), finished_files(out, ".docx"), work)


@router.post("/awards", response_class=HTMLResponse)
async def start_awards(request: Request) -> Response:
    state = state_of(request)
    params = {k: str(v) for k, v in (await request.form()).items()}
    kind = get_kind(params.get("kind", ""))
    if kind not in award_kinds():
        raise HTTPException(404, "Такие документы на этой странице не выпускаются")
    card, _ = state.folder.organization()
    if card is None:
        return _form(request, params, [Problem("сначала заполните карточку организации")], status=422)
    common = {"organization": card, **form_to_data(params, fields_of(kind))}
    numbers = Numbers(params)
    try:
        numbers.own()
        if numbers.mode == "journal":  # say now, not in the run, when the folder has no such series
            await run_in_threadpool(lambda: state.folder.open_project().batch_numbering(kind.id))
        records = await run_in_threadpool(_recipients, state, kind, common, Filters(params))
        if not records:
            raise InputError(Problem("под выбранные условия не попал ни один участник"))
        # the shared fields, checked once on the first document (the builder asks for the
        # wording or the event a kind needs)
        await run_in_threadpool(lambda: kind.build_context(load_input(kind, records[0])))
    except InputError as exc:
        return _form(request, params, [replace(p, field=None, path=()) if p.field == "filter" else p for p in exc.problems],
                     status=422)
    job = _issue(state, kind, records, merge=params.get("merge") == "on", numbers=numbers)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)
