"""What a document of the folder inherits, and how its references to other acts are filled.

:class:`Sources` holds what every document shares — the project file, the registry, the
journal, the plan data — and turns a document entry into the input of its kind:

* the document's own fields (inline in ``nastavnik.yaml`` or in its ``file``), with paths
  relative to where they are written;
* officials named by key (``responsible: chief_accountant``) replaced by the person;
* references to acts by key (``basis: [regulation]``, ``regulation: regulation``,
  ``interview: review``, ``approved_by: assign_pairs``) filled from the journal — never typed
  twice;
* every field the kind has and the document leaves out, inherited from the project: the
  organisation, the registry as it stood on the document's date, the regulation in force,
  the officials, the school year, the holidays, the wording defaults.

A reference that cannot be filled raises :class:`Unresolved` with the reason in Russian.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import KindNotFoundError
from ..kinds import Kind, get_kind
from ..models import Official, Participant, Registry, SupplementaryAgreement
from ..ru import decline_post, noun_gender, typograph
from ._file import KEY_PATTERN, DocumentEntry, ProjectFile
from ._journal import Journal, JournalEntry
from ._plan import PlanData

__all__ = ["Sources", "Unresolved", "find_person", "is_key"]

#: Kinds whose ``date`` is not the document's: a consent's or an agreement's date comes from
#: the registry for each person, a questionnaire's is written by hand.
_OWN_DATE_FAMILIES = ("consent", "labour", "form")


class Unresolved(Exception):
    """A document cannot be built: a reference or inherited value is missing."""


def is_key(value: Any) -> bool:
    return isinstance(value, str) and re.match(KEY_PATTERN, value) is not None


def find_person(registry: Registry, ref: Any) -> Participant | None:
    """The participant ``ref`` names: by ID, full name or «Фамилия И.О.»; None when no
    one or several people match."""
    if isinstance(ref, Participant):
        return ref
    if not isinstance(ref, str):
        return None
    key = " ".join(ref.replace("\u00a0", " ").split())
    try:
        return registry.participant(key)
    except KeyError:
        pass
    folded = key.casefold()
    found = [p for p in registry.participants
             if folded in (p.full_name.casefold(), f"{p.last_name} {p.initials}".casefold())]
    return found[0] if len(found) == 1 else None


def _set_path(data: dict[str, Any], dotted: str, value: Any) -> None:
    head, _, rest = dotted.partition(".")
    if not rest:
        data[head] = value
        return
    inner = data.get(head)
    inner = dict(inner) if isinstance(inner, dict) else {}
    _set_path(inner, rest, value)
    data[head] = inner


def _accepts_int(kind: Kind, name: str) -> bool:
    annotation = kind.input_model.model_fields[name].annotation
    members = typing.get_args(annotation) or (annotation,)
    return int in members and str not in members


class Sources:
    """Everything a document of the folder inherits, for one pass over the year."""

    def __init__(self, file: ProjectFile, folder: Path, registry: Registry, journal: Journal,
                 plan: PlanData):
        self.file = file
        self.folder = folder
        self.registry = registry
        self.journal = journal
        self.plan = plan
        self._registries: dict[dt.date, Registry] = {}
        self._officials = self._resolve_officials()

    # ------------------------------------------------------------------ people

    def official(self, ref: Any) -> Any:
        """A person named by the project as an Official (a dict), when the registry knows
        them with a post; otherwise as written."""
        if isinstance(ref, Official):
            return ref.model_dump(exclude_defaults=True)
        person = find_person(self.registry, ref)
        if person is None or not person.post:
            return ref
        data = person.model_dump(include={"last_name", "first_name", "middle_name", "gender", "overrides"},
                                 exclude_defaults=True)
        return {**data, "post": person.post}

    def _resolve_officials(self) -> dict[str, Any]:
        given = self.file.officials
        out: dict[str, Any] = {"head": self.official(given.head or self.file.organization.head)}
        for name in ("curator", "deputy", "chief_accountant", "council_chair", "council_secretary"):
            value = getattr(given, name)
            if value is not None:
                out[name] = self.official(value)
        if given.commission is not None:
            c = given.commission
            out["commission"] = {"name": c.name, "chair": self.official(c.chair),
                                 "members": [self.official(m) for m in c.members],
                                 **({"secretary": self.official(c.secretary)} if c.secretary else {})}
        for key, value in given.others.items():
            out[key] = self.official(value)
        return out

    @property
    def officials(self) -> dict[str, Any]:
        return self._officials

    def _substitute(self, value: Any) -> Any:
        if isinstance(value, str):
            return self._officials.get(value, value)
        if isinstance(value, list):
            return [self._substitute(v) for v in value]
        if isinstance(value, dict):
            return {k: (v if k in self.plan.citations or k == "basis" else self._substitute(v))
                    for k, v in value.items()}
        return value

    # ------------------------------------------------------------------ registry

    def registry_on(self, day: dt.date | None) -> Registry:
        """The registry as it stood on ``day`` (``Pair.as_of``), with the numbers and dates
        of the supplementary agreements the journal holds.

        A pair exists from its mentor's written consent, its first document, and works from
        its start: a pair consented to by ``day`` that starts later is shown as it will
        start (the order assigning it, its agreement and programme come before its start);
        a pair formed later in the year is not there.
        """
        day = day or self.file.year_end
        if day not in self._registries:
            registry = self._with_agreements(self.registry)
            pairs = []
            for i, pair in enumerate(registry.pairs):
                state = pair.as_of(day)
                if state is None:  # not started yet: there from its first mentor's consent
                    first = pair.as_of(pair.start)
                    consent = first.mentor_consent_date if first is not None else None
                    state = first if consent is not None and consent <= day else None
                if state is not None:
                    pairs.append(state if state.id else state.model_copy(update={"id": registry.pair_label(i)}))
            self._registries[day] = registry.model_copy(update={"pairs": pairs})
        return self._registries[day]

    def _with_agreements(self, registry: Registry) -> Registry:
        entries = [e for e in self.journal.entries if e.kind == "labour.supplementary_agreement" and ":" in e.key]
        if not entries:
            return registry
        copy = registry
        labels = [copy.pair_label(i) for i in range(len(copy.pairs))]
        for entry in entries:
            label = entry.key.split(":", 1)[1]
            if label in labels:
                pair = copy.pairs[labels.index(label)]
                current = pair.agreement.model_dump() if pair.agreement else {}
                pairs = list(copy.pairs)
                pairs[labels.index(label)] = pair.model_copy(
                    update={"agreement": SupplementaryAgreement(**{**current, "number": entry.number,
                                                                   "date": entry.date})})
                copy = copy.model_copy(update={"pairs": pairs})
        return copy

    def forget_registries(self) -> None:
        """Drop the registries built so far (after the journal gained an agreement)."""
        self._registries.clear()

    # ------------------------------------------------------------------ acts

    def known_keys(self) -> list[str]:
        return [*self.file.acts, *(e.key for e in self.file.documents)]

    def nearest_key(self, key: str) -> str | None:
        near = difflib.get_close_matches(key, self.known_keys(), n=1)
        return near[0] if near else None

    def unknown(self, key: str) -> Unresolved:
        near = self.nearest_key(key)
        hint = f"; возможно, «{near}»" if near else ""
        return Unresolved(f"ссылка на «{key}»: в папке нет ни документа, ни акта с таким ключом{hint}")

    def entry_of(self, key: str) -> JournalEntry:
        """The journal entry of the document ``key``; Unresolved when it is not issued yet."""
        if key not in {e.key for e in self.file.documents}:
            raise self.unknown(key)
        entry = self.journal.get(key)
        if entry is None:
            raise Unresolved(f"ссылка на «{key}»: этого акта ещё нет в журнале (он не выпущен)")
        return entry

    def act_date(self, key: str) -> dt.date | None:
        """The date of an act or document by key, as the project file gives it."""
        if key in self.file.acts:
            act = self.file.acts[key]
            return act.date if act.document is None else self.act_date(act.document)
        try:
            return self.file.document(key).date
        except KeyError:
            return None

    def cite(self, key: str, style: str) -> dict[str, Any]:
        """The act ``key`` as the input of a citing document takes it: «act» →
        {title, date, number}; «council» → {council, date, number}; «auto» → a council
        decision for a council's protocol, else an act."""
        if key in self.file.acts:
            act = self.file.acts[key]
            if act.document is None:
                return {"title": act.title, "date": act.date, "number": act.number}
            entry = self.entry_of(act.document)
            return {"title": act.title, "date": entry.date, "number": entry.number}
        entry = self.entry_of(key)
        if entry.council and style in ("council", "auto"):
            return {"council": entry.council, "date": entry.date, "number": entry.number}
        return {"title": entry.cited_as or entry.title, "date": entry.date, "number": entry.number}

    def references(self, entry: DocumentEntry, own: dict[str, Any] | None = None) -> list[str]:
        """The keys of the acts and documents ``entry`` cites (its own fields, approved_by,
        agreed_by), in the order written; inherited acts are not included."""
        own = entry.fields if own is None else own
        keys: list[str] = [str(own[name]) for name in self.plan.citations if is_key(own.get(name))]
        keys += [str(b) for b in own.get("basis") or [] if is_key(b)]
        keys += [k for k in (entry.approved_by, entry.agreed_by) if k]
        return list(dict.fromkeys(keys))

    def cited_through_registry(self, entry: DocumentEntry) -> list[str]:
        """The documents ``entry`` cites through the registry: the supplementary agreements of
        the plan dated the same day or before it (or undated), for an order that prints each
        paid pair's agreement «от … № …» while the registry leaves their numbers to the journal."""
        kinds = self.plan.cited_through_registry.get(entry.kind, ())
        if not kinds or not any(p.agreement is not None and not p.agreement.number for p in self.registry.pairs):
            return []
        return [d.key for d in self.file.documents if d.kind in kinds and d.key != entry.key
                and (d.date is None or entry.date is None or d.date <= entry.date)]

    def document_of(self, key: str) -> str | None:
        """The project document behind a key: itself, or the document approving an act."""
        if key in self.file.acts:
            return self.file.acts[key].document
        return key if key in {e.key for e in self.file.documents} else None

    def regulation_for(self, entry: DocumentEntry) -> str | None:
        """The key of the regulation in force a document inherits: only a kind that cites a
        regulation, not the document that approves it, nor one dated before it."""
        act = self.file.acts.get("regulation")
        if act is None or act.document == entry.key:
            return None
        try:
            if "regulation" not in get_kind(entry.kind).input_model.model_fields:
                return None
        except KindNotFoundError:
            return None
        since = self.act_date("regulation")
        if entry.date is not None and since is not None and entry.date < since:
            return None
        return "regulation"

    # ------------------------------------------------------------------ input

    def own_fields(self, entry: DocumentEntry, kind: Kind) -> dict[str, Any]:
        """The document's own fields: its file's under the inline ones, files they name
        loaded relative to where they are written."""
        from ..io import load_yaml, resolve_links

        data: dict[str, Any] = {}
        if entry.file is not None:
            raw = load_yaml(entry.file)
            if not isinstance(raw, dict):
                raise Unresolved(f"файл {entry.file}: ожидается набор «поле: значение»")
            data = resolve_links(kind.input_model, raw, Path(entry.file).parent, file=str(entry.file))
        inline = resolve_links(kind.input_model, dict(entry.fields), self.folder)
        return {**data, **inline}

    def input_data(self, entry: DocumentEntry, kind: Kind, own: dict[str, Any]) -> dict[str, Any]:
        """The document's input as a dict: own fields with officials and references filled,
        then everything it leaves out inherited from the project."""
        fields = kind.input_model.model_fields
        data = self._substitute(own)
        for name, style in self.plan.citations.items():
            if name in fields and is_key(data.get(name)):
                data[name] = self.cite(data[name], style)
        if "basis" in fields and isinstance(data.get("basis"), list):
            data["basis"] = [self.cite(b, "auto") if is_key(b) else b for b in data["basis"]]
        if entry.approved_by and kind.id != "roadmap":
            cited = self.cite(entry.approved_by, "act")
            targets = self.plan.approved_by_fields(kind.id)
            if not targets:
                raise Unresolved(f"у документа «{kind.title}» нет грифа утверждения приказом (approved_by)")
            for dotted, what in targets.items():
                _set_path(data, dotted, cited[what])

        def put(name: str, value: Any) -> None:
            if name in fields and name not in data and value is not None:
                data[name] = value

        put("organization", self.file.organization)
        if "registry" in fields and "registry" not in data:
            data["registry"] = self.registry_on(entry.date)
        if not kind.id.startswith(_OWN_DATE_FAMILIES):
            put("date", entry.date)
        regulation = self.regulation_for(entry)
        if regulation and "regulation" in fields and "regulation" not in data:
            data["regulation"] = self.cite(regulation, "act")
        for name, value in self._officials.items():
            put(name, value)
        for name, key in self.plan.official_fields(kind.id).items():
            put(name, self._officials.get(key))
        put("holidays", [h.model_dump(exclude_none=True) for h in self.file.holidays] or None)
        if "school_year" in fields and "period" not in data:
            put("school_year", self.file.school_year if _accepts_int(kind, "school_year") else self.file.year_text)
        for name, value in self.file.wording.items():
            put(name, value)
        return data

    # ------------------------------------------------------------------ roadmaps

    def roadmap_stamps(self, entry: DocumentEntry, title: str) -> list[dict[str, Any]]:
        """The stamps of a roadmap approved (agreed) by acts of the folder."""
        stamps = []
        if entry.agreed_by:
            cited = self.cite(entry.agreed_by, "council")
            body = cited.get("council") or cited.get("title", "")
            act = (f"протоколом заседания {decline_post(body, 'genitive')}" if "council" in cited
                   else decline_post(body, "instrumental"))
            stamps.append({"kind": "agreement", "heading": "СОГЛАСОВАНО", "act": act,
                           "act_date": cited["date"], "act_number": cited["number"]})
        if entry.approved_by:
            cited = self.cite(entry.approved_by, "act")
            word = {"femn": "УТВЕРЖДЕНА", "neut": "УТВЕРЖДЕНО", "plur": "УТВЕРЖДЕНЫ"}.get(
                noun_gender(title) or "", "УТВЕРЖДЕН")
            stamps.append({"kind": "approval", "heading": word,
                           "act": f"приказом директора {typograph(self.file.organization.short_name)}",
                           "act_date": cited["date"], "act_number": cited["number"]})
        return stamps


def roadmap_events(roadmap: dict[str, Any]) -> list[dict[str, str]]:
    """The rows of a roadmap's data as the events of an order's appendix."""
    events = []
    for stage in roadmap.get("stages") or []:
        rows = list(stage.get("rows") or [])
        for sub in stage.get("substages") or []:
            rows += list(sub.get("rows") or [])
        for row in rows:
            title = row.get("title") or "; ".join(_texts(row.get("activities") or []))
            if not title:
                continue
            events.append({"event": str(title).rstrip(":"), "deadline": row.get("deadline") or "в течение года",
                           "responsible": row.get("responsible") or "куратор",
                           **({"result": row["result"]} if row.get("result") else {})})
    return events


def _texts(items: Iterable[Any]) -> list[str]:
    return [str(i.get("text") if isinstance(i, dict) else i) for i in items]
