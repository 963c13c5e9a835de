"""The officials' page: who is the curator, the deputy, the chief accountant, the council's
chair and secretary, the selection commission — saved into ``nastavnik.yaml``.

Each official is chosen the way a curator thinks of them: a person of the registry (by
name, written to the file as their ID), the head of the organisation from the card, or
another person typed in (ФИО and post). The assembled officials are validated by the
project's own model (``nastavnik_docs.project.Officials``), so its messages stand beside
the fields, and saved with every comment of the file kept (:mod:`.yaml_edit`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import InputError, Problem
from ..io import load_input
from ..models import Category, Gender, Official, Organization, Participant, Registry
from ..project import Officials, find_person
from .forms import FormField, form_fields
from .view import page, state_of

__all__ = ["OFFICES", "PersonPicker", "router"]

router = APIRouter(include_in_schema=False)

#: The choices of a picker besides the registry's people.
NONE, HEAD, OTHER, KEEP = "", "@head", "@other", "@keep"
#: The officials named by one person each, with a hint of what they sign.
ROLES = {
    "curator": "Назначается приказом о назначении куратора; отвечает за пары, базу и мониторинг.",
    "deputy": "Утверждает индивидуальные образовательные маршруты педагогов.",
    "chief_accountant": "Называется в приказах о доплатах наставникам и премиях.",
    "council_chair": "Подписывает протоколы педагогического совета.",
    "council_secretary": "Подписывает протоколы педагогического совета вместе с председателем.",
}
#: Every key of the officials the form edits (``others`` stays as written in the file).
OFFICES = (*ROLES, "commission", "head")
_PERSON_FIELDS = ["last_name", "first_name", "middle_name", "gender", "post"]
_PERSON_LABELS = {"gender": "Пол", "post": "Должность", "middle_name": "Отчество"}
_PERSON_HINTS = {"post": "Полностью, как в подписи: главный бухгалтер, заместитель директора по УВР."}
_COMMISSION_NAME = Officials.model_fields["commission"].annotation.__args__[0].model_fields["name"]  # type: ignore[union-attr]


@dataclass
class PersonPicker:
    """One official on the form: a choice of person and the fields of «another person»."""

    name: str
    label: str
    hint: str
    mode: str = NONE
    options: list[tuple[str, str]] = field(default_factory=list)
    none_label: str = "— не назначен —"
    head_label: str | None = None
    keep_label: str | None = None
    fields: list[FormField] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return "f-" + self.name.replace(".", "-")

    @property
    def open(self) -> bool:
        """Whether the «another person» fields are shown unfolded."""
        return self.mode == OTHER or any(f.errors for f in self.fields)


def _staff(registry: Registry | None) -> list[Participant]:
    """The registry's people who can hold an office: everyone but pupils and students."""
    if registry is None:
        return []
    people = [p for p in registry.participants if p.category not in (Category.PUPIL, Category.STUDENT)]
    return sorted(people, key=lambda p: (p.last_name, p.first_name, p.id))


def _find(registry: Registry | None, ref: str) -> Participant | None:
    """The participant ``ref`` names (ID, full name or «Фамилия И.О.»), as the project reads it."""
    return find_person(registry, ref) if registry is not None else None


def _same_person(value: Any, head: Official | None) -> bool:
    """Whether ``value`` is the head as the card writes them (name and post)."""
    if head is None or not isinstance(value, dict):
        return False
    names = ("last_name", "first_name", "middle_name", "post")
    return all(str(value.get(n) or "") == str(getattr(head, n) or "") for n in names)


class OfficialsForm:
    """The whole form: the pickers, the commission, the messages."""

    def __init__(self, written: dict[str, Any], registry: Registry | None, card: Organization | None):
        self.written = written
        self.registry = registry
        self.card = card
        self.staff = _staff(registry)
        self.staff_ids = {p.id for p in self.staff}
        self.others: list[Any] = []  # commission members the form does not show (kept as written)
        self.other_problems: list[str] = []

    # ---------------------------------------------------------------- showing

    def _options(self) -> list[tuple[str, str]]:
        return [(p.id, f"{p.last_name} {p.first_name} {p.middle_name or ''}".strip()
                 + (f", {p.post}" if p.post else "") + f" ({p.id})") for p in self.staff]

    def picker(self, name: str, label: str, hint: str, value: Any, *, head: bool = True) -> PersonPicker:
        picker = PersonPicker(name, label, hint, options=self._options())
        if head and self.card is not None:
            picker.head_label = f"Руководитель организации: {self.card.head.initials_name}, {self.card.head.post}"
        if name == "head":
            picker.none_label = "Как в карточке организации" + (f": {self.card.head.initials_name}" if self.card else "")
        person = value if isinstance(value, dict) else {}
        if value is None or value == "":
            picker.mode = NONE
        elif isinstance(value, str):
            found = _find(self.registry, value)
            if found is not None:
                picker.mode = found.id
            else:
                picker.mode, picker.keep_label = KEEP, f"Как записано в nastavnik.yaml: «{value}»"
        elif head and _same_person(value, self.card.head if self.card else None):
            picker.mode = HEAD
        else:
            picker.mode = OTHER
        picker.fields = form_fields(Official, _PERSON_FIELDS, person, _PERSON_HINTS, _PERSON_LABELS)
        for f in picker.fields:
            f.name = f"{name}.{f.name}"
            f.required = f.name.rsplit(".", 1)[1] in ("last_name", "first_name", "post")
        return picker

    def pickers(self, values: dict[str, Any]) -> list[PersonPicker]:
        described = Officials.model_fields
        out = [self.picker(role, str(described[role].description), hint, values.get(role))
               for role, hint in ROLES.items()]
        out.append(self.picker(
            "head", "Руководитель, который подписывает документы",
            "Обычно не нужен: документы подписывает руководитель из карточки организации. Укажите другого "
            "человека, если подписывает, например, исполняющий обязанности.", values.get("head"), head=False))
        return out

    def commission(self, values: dict[str, Any]) -> dict[str, Any]:
        written = _mapping(values.get("commission"))
        chosen = []
        for member in written.get("members") or []:
            staff_id = self._staff_id(member)
            if staff_id is not None:
                chosen.append(staff_id)
            else:
                self.others.append(member)
        return {
            "name": written.get("name") or _COMMISSION_NAME.default,
            "chair": self.picker("commission.chair", "Председатель комиссии", "", written.get("chair")),
            "secretary": self.picker("commission.secretary", "Секретарь комиссии", "", written.get("secretary")),
            "members": chosen,
            "others": [self._describe(m) for m in self.others],
            "choices": [(p.id, f"{p.short_name}" + (f", {p.post}" if p.post else "")) for p in self.staff],
            "errors": [],
        }

    @staticmethod
    def _describe(member: Any) -> str:
        if isinstance(member, dict):
            return " ".join(str(member.get(k) or "") for k in ("last_name", "first_name", "middle_name")).strip() \
                + (f", {member['post']}" if member.get("post") else "")
        return str(member)

    # ---------------------------------------------------------------- reading the posted form

    def person(self, picker_name: str, form: dict[str, str], problems: list[Problem]) -> Any:
        """The value to write for one picker of the posted ``form``."""
        mode = form.get(f"{picker_name}.mode", "")
        written = _lookup(self.written, picker_name)
        if mode == NONE:
            return None
        if mode == KEEP:
            return written
        if mode == HEAD:
            if self.card is None:
                problems.append(Problem("сначала заполните карточку организации", field=picker_name))
                return None
            return self.card.head.model_dump(include={"last_name", "first_name", "middle_name", "gender", "post"},
                                             exclude_none=True)
        if mode == OTHER:
            person: dict[str, Any] = {f: form.get(f"{picker_name}.{f}", "").strip() or None for f in _PERSON_FIELDS}
            if person["gender"]:
                person["gender"] = _gender(person["gender"])
            return {k: v for k, v in person.items() if v is not None} or {"last_name": None}
        found = self.registry.participant(mode) if self.registry and mode in self.staff_ids else None
        if found is None:
            problems.append(Problem(f"в базе нет участника «{mode}», который может быть должностным лицом",
                                    field=picker_name))
            return None
        if not found.post:
            problems.append(Problem(f"у участника {found.short_name} в базе не указана должность: впишите её "
                                    "в базу или выберите «другой человек»", field=picker_name))
        before = _find(self.registry, written) if isinstance(written, str) else None
        if before is not None and before.id == found.id:
            return written  # the same person as written (by ID or by name): left as it was
        return found.id

    def read(self, form: dict[str, str], members: list[str]) -> tuple[dict[str, Any], list[Problem]]:
        """The officials to write, and the problems the model or the registry finds."""
        problems: list[Problem] = []
        values: dict[str, Any] = {role: self.person(role, form, problems) for role in ROLES}
        values["head"] = self.person("head", form, problems)
        written = _mapping(self.written.get("commission"))
        kept = [m for m in written.get("members") or [] if self._staff_id(m) is None]
        commission = {
            "chair": self.person("commission.chair", form, problems),
            "secretary": self.person("commission.secretary", form, problems),
            "members": [*self._members(members, written), *kept],
        }
        name = form.get("commission.name", "").strip() or _COMMISSION_NAME.default
        if name != _COMMISSION_NAME.default or "name" in written:  # the default is not written out
            commission = {"name": name, **commission}
        values["commission"] = commission if any(commission[k] for k in ("chair", "secretary", "members")) else None
        try:
            load_input(Officials, {k: v for k, v in values.items() if v is not None})
        except InputError as exc:
            problems.extend(exc.problems)
        return values, problems

    def _staff_id(self, member: Any) -> str | None:
        """The ID of the registry's staff member ``member`` names, if it names one."""
        found = _find(self.registry, member) if isinstance(member, str) else None
        return found.id if found is not None and found.id in self.staff_ids else None

    def _members(self, chosen: list[str], written: dict[str, Any]) -> list[str]:
        """The ticked members in the order written before (by ID or by name, as written),
        then the newly ticked ones."""
        before = {self._staff_id(m): m for m in written.get("members") or [] if self._staff_id(m)}
        ticked = [m for m in dict.fromkeys(chosen) if m in self.staff_ids]
        return [m for k, m in before.items() if k in ticked] + [m for m in ticked if m not in before]


def _gender(value: str) -> Gender | str:
    """The chosen gender as the enum (so that «ж» already in the file stays «ж»)."""
    try:
        return Gender(value)
    except ValueError:
        return value  # the model's message says what is allowed


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _lookup(data: dict[str, Any], dotted: str) -> Any:
    value: Any = data
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def attach(pickers: list[PersonPicker], commission: dict[str, Any], problems: list[Problem]) -> list[str]:
    """Each problem beside its picker or field; the rest returned as text."""
    everyone = [*pickers, commission["chair"], commission["secretary"]]
    rest = []
    for problem in problems:
        name = ".".join(part.strip() for part in (problem.field or "").split("→"))
        if name == "commission.chair" and not problem.value:
            problem = Problem("выберите председателя комиссии; если комиссии нет, снимите отметки с членов "
                              "и не назначайте секретаря", field=problem.field)
        owner = max((p for p in everyone if name == p.name or name.startswith(p.name + ".")),
                    key=lambda p: len(p.name), default=None)
        if owner is not None:
            target = next((f for f in owner.fields if f.name == name), None)
            (target.errors if target is not None else owner.errors).append(problem.message)
        elif name.startswith("commission"):
            commission["errors"].append(problem.message)
        else:
            rest.append(str(problem))
    return rest


def _render(request: Request, form: OfficialsForm, values: dict[str, Any], problems: list[Problem],
            status: int = 200, **extra: Any) -> HTMLResponse:
    pickers = form.pickers(values)
    commission = form.commission(values)
    rest = attach(pickers, commission, problems)
    return page(request, "officials.html", status=status, section="officials", pickers=pickers,
                commission=commission, other=rest, has_registry=bool(form.staff), **extra)


def _form(request: Request) -> OfficialsForm:
    folder = state_of(request).folder
    registry, _ = folder.registry()
    card, _ = folder.organization()
    return OfficialsForm(folder.officials_data(), registry, card)


@router.get("/officials", response_class=HTMLResponse)
def officials_page(request: Request) -> HTMLResponse:
    form = _form(request)
    try:
        load_input(Officials, form.written)
        problems: list[Problem] = []
    except InputError as exc:
        problems = exc.problems
    return _render(request, form, form.written, problems, saved=request.query_params.get("saved") == "1")


@router.post("/officials", response_class=HTMLResponse)
async def save_officials(request: Request) -> Response:
    posted = await request.form()
    fields = {k: str(v) for k, v in posted.items()}
    members = [str(v) for v in posted.getlist("commission.members")]
    form = await run_in_threadpool(_form, request)
    values, problems = form.read(fields, members)
    if problems:
        return _render(request, form, values, problems, status=422, failed=len(problems))
    await run_in_threadpool(state_of(request).folder.save_officials, values)
    return RedirectResponse("/officials?saved=1", status_code=303)
