"""The certificates page: a batch of грамоты, благодарности, сертификаты for the registry's
people, chosen by filters, made in the background with a progress bar.

The recipients are the kind's own batch records of the folder's registry (a грамота goes
to the participants of completed pairs, a participant's certificate to everyone), narrowed
by role, category and a part of the name. The shared fields (date, wording, order) come
from the kind's input model, and their validation messages stand beside the fields.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from .. import load_input, render_batch
from ..batch import records_from_source, safe_file_stem
from ..errors import InputError, Problem
from ..kinds import Kind, all_kinds, get_kind
from ..models import Category, Role
from ..ru import agree
from .archive import make_zip
from .folder import AWARDS_FOLDER
from .forms import FormField, attach_problems, form_fields, form_to_data
from .jobs import Job, finished_files
from .state import WebState
from .view import page, state_of

__all__ = ["Filters", "award_kinds", "fields_of", "router"]

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


def fields_of(kind: Kind) -> list[str]:
    """The shared fields ``kind`` asks for on the form."""
    return _KIND_FIELDS.get(kind.id, _DEFAULT_FIELDS)


def award_kinds() -> list[Kind]:
    """The certificate kinds that are made from a registry."""
    return [k for k in all_kinds() if k.id.startswith("award.") and k.batch and k.batch.records]


class Filters:
    """Which recipients a batch is for: role, category, a part of the name."""

    def __init__(self, params: dict[str, str]):
        self.role = params.get("role", "")
        self.category = params.get("category", "")
        self.name = params.get("name", "").strip()

    def keep(self, record: dict[str, Any]) -> bool:
        who = record.get("recipient") or {}
        if self.role and str(getattr(who.get("role"), "value", who.get("role"))) != self.role:
            return False
        if self.category and str(getattr(who.get("category"), "value", who.get("category"))) != self.category:
            return False
        if self.name:
            full = " ".join(str(who.get(k) or "") for k in ("last_name", "first_name", "middle_name", "post"))
            return self.name.casefold() in full.casefold()
        return True

    @staticmethod
    def choices() -> dict[str, list[tuple[str, str]]]:
        roles = [(r.value, r.label) for r in (Role.MENTOR, Role.MENTEE)]
        categories = [(c.value, c.label) for c in Category]
        return {"role": roles, "category": categories}


def _recipients(state: WebState, kind: Kind, common: dict[str, Any], filters: Filters) -> list[dict[str, Any]]:
    records = records_from_source(kind, state.folder.registry_path(), common=common)
    return [r for r in records if filters.keep(r)]


def _form(request: Request, params: dict[str, str], problems: list[Problem] | None = None,
          status: int = 200, **extra: Any) -> HTMLResponse:
    state = state_of(request)
    kinds = award_kinds()
    kind = next((k for k in kinds if k.id == params.get("kind")), kinds[0])
    defaults = {"date": dt.date.today().isoformat(), **{k: v for k, v in params.items() if v}}
    fields: list[FormField] = form_fields(kind.input_model, fields_of(kind), defaults, _HINTS)
    rest = attach_problems(fields, problems or [])
    card, card_problems = state.folder.organization()
    registry, registry_problems = state.folder.registry()
    recipients: list[dict[str, Any]] = []
    if card is not None and registry is not None:
        recipients = _recipients(state, kind, {"organization": card}, Filters(params))
    return page(request, "awards.html", status=status, section="awards", kinds=kinds, kind=kind,
                fields=fields, other=rest, params=params, choices=Filters.choices(), recipients=recipients,
                count_text=agree(len(recipients), "документ"), card_ok=card is not None, registry_ok=registry is not None,
                registry_problems=len(registry_problems), **extra)


@router.get("/awards", response_class=HTMLResponse)
def awards_page(request: Request) -> HTMLResponse:
    return _form(request, dict(request.query_params))


def _issue(state: WebState, kind: Kind, records: list[dict[str, Any]], merge: bool) -> Job:
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H-%M-%S")
    out = state.folder.path / AWARDS_FOLDER / safe_file_stem(f"{kind.title} {stamp}")

    def work(job: Job) -> None:
        report = render_batch(kind, records, out, merge=merge)
        archive = make_zip(out, state.work / "archives" / job.id / f"{out.name}.zip")
        job.result.update(
            processed=len(report.written) + len(report.failed),
            written=len(report.written),
            failed=[(f.row, f.name, f.error) for f in report.failed],
            files=[state.files.add(p) for p in report.written],
            merged=state.files.add(report.merged) if report.merged else None,
            error_report=state.files.add(report.error_report) if report.error_report else None,
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
    try:
        records = await run_in_threadpool(_recipients, state, kind, common, Filters(params))
        if not records:
            raise InputError(Problem("под выбранные условия не попал ни один участник"))
        # the shared fields, checked once on the first document (the builder asks for the
        # wording or the event a kind needs)
        await run_in_threadpool(lambda: kind.build_context(load_input(kind, records[0])))
    except InputError as exc:
        return _form(request, params, exc.problems, status=422)
    job = _issue(state, kind, records, merge=params.get("merge") == "on")
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)
