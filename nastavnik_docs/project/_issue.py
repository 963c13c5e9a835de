"""Issuing the documents of a project folder: building each input, numbering, writing.

:class:`Issuer` walks the year's documents in issue order — by date, then by the stage of
the plan, and never before an act the document cites — and for each one

1. builds the input of its kind from what the folder shares (:class:`~._resolve.Sources`),
   one input per record for a batch (a consent per mentor, an agreement per pair);
2. takes the registration number: the journal's for an act already issued (never
   renumbered), the one the document gives, or the next free one of its series;
3. builds the context (what the template sees) and fingerprints it, so that a later run
   writes again only what changed;
4. writes the files (``nd.render``; ``render_batch`` for a batch) into a folder per stage
   and enters the acts in the journal.

A dry run (plan, check) does steps 1–3 on a copy of the journal and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .._version import __version__
from ..errors import NastavnikError
from ..kinds import Kind, get_kind, warnings_reported
from ..models import PairStatus
from ..ru import decline_post, format_date, typograph
from ._file import DocumentEntry
from ._journal import DocumentState, IssueState, JournalEntry
from ._numbering import next_number
from ._plan import Stage
from ._resolve import Sources, Unresolved, find_person, roadmap_events

__all__ = ["Built", "Issuer", "fingerprint", "stage_folder"]

_AGREEMENT = "labour.supplementary_agreement"
#: ``only: [completed]`` — the participants of the pairs completed by the document's date.
COMPLETED = "completed"


def _plain(value: Any) -> Any:
    """Context data as plain JSON values, people by every form the template may place."""
    if isinstance(value, BaseModel):
        return {name: _plain(getattr(value, name)) for name in type(value).model_fields}
    fields = getattr(type(value), "__template_fields__", None)
    if fields is not None:
        return {name: _plain(getattr(value, name, None)) for name in fields}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, Decimal, Path)):
        return str(value)
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def fingerprint(*contexts: BaseModel) -> str:
    """A fingerprint of what the templates will place (and of the library's version)."""
    text = json.dumps([__version__, *(_plain(c) for c in contexts)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def stage_folder(stages: tuple[Stage, ...], stage: Stage) -> str:
    """«07 Закрепление наставнических пар и групп»."""
    return f"{stages.index(stage) + 1:02d} {stage.title}"


@dataclass
class Built:
    """A document ready to write: its inputs (one per record), contexts, acts, fingerprint."""

    entry: DocumentEntry
    kind: Kind
    stage: Stage
    series: str | None
    inputs: list[BaseModel]
    records: list[dict[str, Any]]
    labels: list[str | None]
    acts: list[JournalEntry]
    fingerprint: str
    skipped: list[str] = field(default_factory=list)
    #: The acts it cites as printed: journal key → registration number.
    cited: dict[str, str] = field(default_factory=dict)
    #: What the curator should check in it (the contexts' warnings, each once).
    warnings: list[str] = field(default_factory=list)

    @property
    def number(self) -> str | None:
        return self.acts[0].number if len(self.acts) == 1 and self.labels == [None] else None


def _person_name(value: Any, sources: Sources) -> str | None:
    """The full name of the person a record field holds (a dict, a model or a registry ref)."""
    if isinstance(value, dict) and value.get("last_name"):
        return " ".join(str(value[k]) for k in ("last_name", "first_name", "middle_name") if value.get(k))
    if isinstance(value, BaseModel) and getattr(value, "last_name", None):
        return str(getattr(value, "full_name", value))
    person = find_person(sources.registry, value)
    return person.full_name if person is not None else None


_PERSON_KEYS = ("recipient", "participant", "respondent", "mentor", "teacher")


def record_label(record: dict[str, Any], sources: Sources) -> str:
    """What tells the records of a batch apart: the pair («2») or the person's name."""
    if record.get("pair") is not None:
        return str(record["pair"])
    for key in _PERSON_KEYS:
        name = _person_name(record.get(key), sources)
        if name:
            return name
    return ""


class Issuer:
    """Builds and writes the documents of one project folder (see the module docstring)."""

    def __init__(self, sources: Sources):
        self.sources = sources
        self.plan = sources.plan

    # ------------------------------------------------------------------ order

    def stage_of(self, entry: DocumentEntry) -> Stage:
        return self.plan.stage_of(entry.kind, entry.stage)

    def order(self) -> list[DocumentEntry]:
        """Issue order: by date, then stage, then as listed; a cited document always first."""
        docs = self.sources.file.documents
        far = dt.date.max
        ranked = sorted(enumerate(docs), key=lambda p: (p[1].date or far, self.plan.index(self._stage_or_last(p[1])), p[0]))
        pending = [d for _, d in ranked]
        placed: list[DocumentEntry] = []
        done: set[str] = set()
        while pending:
            for i, entry in enumerate(pending):  # noqa: B007 - the index is used after the loop
                needs = {self.sources.document_of(k) for k in self.cites(entry)} - {None, entry.key}
                if needs <= done or not any(n in {p.key for p in pending} for n in needs):
                    break
            else:  # a cycle of citations: keep the date order (the check reports it)
                i, entry = 0, pending[0]
            placed.append(pending.pop(i))
            done.add(entry.key)
        return placed

    def _stage_or_last(self, entry: DocumentEntry) -> Stage:
        try:
            return self.stage_of(entry)
        except KeyError:
            return self.plan.stages[-1]

    def cites(self, entry: DocumentEntry) -> list[str]:
        """The keys of everything the document cites: by key, the regulation it inherits and
        the documents it cites through the registry."""
        keys = self.sources.references(entry)
        regulation = self.sources.regulation_for(entry)
        return list(dict.fromkeys([*keys, *([regulation] if regulation else []),
                                   *self.sources.cited_through_registry(entry)]))

    def cited_numbers(self, entry: DocumentEntry) -> dict[str, str]:
        """Journal key → number of every act of the folder the document cites (a hand-typed
        act of ``acts`` is not in the journal and is left out)."""
        out: dict[str, str] = {}
        for key in self.cites(entry):
            document = self.sources.document_of(key)
            for act in self.sources.journal.of_document(document) if document else []:
                out[act.key] = act.number
        return out

    # ------------------------------------------------------------------ build

    def build(self, entry: DocumentEntry) -> Built:
        """The document's inputs, numbers, fingerprint and the numbers it cites; Unresolved or
        InputError when it cannot be built — also before a document it cites through the
        registry is in the journal (its numbers would be printed blank)."""
        for key in self.sources.cited_through_registry(entry):
            if not self.sources.journal.of_document(key):
                raise Unresolved(f"ссылка на «{key}» (номера дополнительных соглашений): этого документа "
                                 f"ещё нет в журнале (он не выпущен)")
        built = self._build(entry)
        built.cited = self.cited_numbers(entry)
        return built

    def _build(self, entry: DocumentEntry) -> Built:
        try:
            stage = self.stage_of(entry)
        except KeyError as exc:
            raise Unresolved(str(exc.args[0])) from None
        kind = get_kind(entry.kind)
        if kind.id in self.plan.outside_year:
            raise Unresolved(f"«{kind.title}» — документ органа управления образованием: его делают из "
                             "таблиц охвата организаций командой nastavnik-docs aggregate, а не в плане "
                             "года организации")
        series = entry.series or self.plan.series_of(kind.id)
        if series is not None and entry.date is None:
            raise Unresolved("не указана дата документа (date)")
        own = self.sources.own_fields(entry, kind)
        data = self.sources.input_data(entry, kind, own)
        self._adapt(entry, kind, own, data)
        if entry.batch:
            return self._build_batch(entry, kind, stage, series, data)
        if entry.only:
            raise Unresolved("«only» (только эти участники) — для документов пакетом (batch: true)")
        acts = []
        if series is not None:
            number = self._number(entry.key, series, entry.number, entry.date, [])  # type: ignore[arg-type]
            if "number" in kind.input_model.model_fields:
                data["number"] = number
        model = self._load(kind, data)
        context, notes = kind.context_and_warnings(model)
        if series is not None:
            acts.append(self._act(entry, kind, series, number, entry.date, model, context, None))  # type: ignore[arg-type]
        return Built(entry, kind, stage, series, [model], [data], [None], acts, fingerprint(context), warnings=notes)

    def _load(self, kind: Kind, data: dict[str, Any]) -> BaseModel:
        from ..io import load_input

        return load_input(kind.input_model, data)

    def _adapt(self, entry: DocumentEntry, kind: Kind, own: dict[str, Any], data: dict[str, Any]) -> None:
        """What some kinds take from elsewhere in the folder: a roadmap its stamps from the
        acts approving and agreeing it; the order approving the regulation the events of the
        roadmap it approves; an order ending a pair early the reason the registry records
        (the registry as of the order's date has the pair still working); a supplementary
        agreement the mentor's employment contract."""
        if kind.id == "roadmap" and "stamps" not in own:
            data["stamps"] = self.sources.roadmap_stamps(entry, str(data.get("title", "")))
        if kind.id == "order.change_pair" and "reason" not in own and own.get("pair") is not None:
            registry = self.sources.registry
            labels = [registry.pair_label(i) for i in range(len(registry.pairs))]
            if str(own["pair"]) in labels:  # the reason the registry records for the pair's end
                data["reason"] = registry.pairs[labels.index(str(own["pair"]))].end_reason
        if kind.id == _AGREEMENT and "contract" not in own and own.get("pair") is not None:
            contract = self._contract(self.sources.registry_on(entry.date), own["pair"])
            if contract:
                data["contract"] = contract
        if kind.id == "order.approve_regulation" and "roadmap" not in own:
            for other in self.sources.file.documents:
                if other.kind == "roadmap" and other.approved_by == entry.key:
                    roadmap = self.sources.own_fields(other, get_kind("roadmap"))
                    data["roadmap"] = roadmap_events(roadmap)
                    data.setdefault("roadmap_title", roadmap.get("title"))
                    break

    def _build_batch(self, entry: DocumentEntry, kind: Kind, stage: Stage, series: str | None,
                     common: dict[str, Any]) -> Built:
        if kind.batch is None or kind.batch.records is None:
            raise Unresolved(f"«{kind.title}» не выпускается пакетом по базе (batch)")
        registry = self.sources.registry_on(entry.date)
        shared = {k: v for k, v in common.items() if k != "registry" or "registry" in kind.input_model.model_fields}
        records = kind.batch.records(registry, shared)
        if entry.only:
            wanted = self._wanted_names(entry.only, registry)
            records = [r for r in records if self._wanted(r, entry.only, wanted)]
        if not records:
            raise Unresolved("в базе нет ни одной записи для этого документа")
        inputs, kept, acts, contexts, skipped = [], [], [], [], []
        labels: list[str | None] = []
        notes: dict[str, None] = {}
        taken: list[str] = []
        for record in records:
            label = record_label(record, self.sources)
            if kind.id == _AGREEMENT and "contract" not in record and record.get("pair") is not None:
                contract = self._contract(registry, record["pair"])
                record = {**record, "contract": contract} if contract else record
            try:
                numbered: tuple[str, dt.date] | None = None
                if series is not None:
                    given, day = self._record_given(kind, registry, record, entry.date)
                    numbered = (self._number(f"{entry.key}:{label}", series, given, day, taken), day)
                    record = {**record, "number": numbered[0], "date": day}
                model = self._load(kind, record)
                context, said = kind.context_and_warnings(model)
            except (NastavnikError, ValueError) as exc:
                skipped.append(f"{label}: {exc}")
                continue
            if series is not None and numbered is not None:
                taken.append(numbered[0])
                acts.append(self._act(entry, kind, series, numbered[0], numbered[1], model, context, label))
            inputs.append(model)
            kept.append(record)
            labels.append(label)
            contexts.append(context)
            notes.update(dict.fromkeys(said))
        if not kept:
            raise Unresolved("ни одного документа пакета не удалось составить: " + "; ".join(skipped[:3]))
        return Built(entry, kind, stage, series, inputs, kept, labels, acts, fingerprint(*contexts), skipped,
                     warnings=list(notes))

    def _wanted_names(self, only: list[str], registry: Any) -> set[str]:
        """The full names ``only`` selects: participants by ID or name, and with «completed»
        everyone in a pair completed by the document's date."""
        names: set[str] = set()
        for ref in only:
            if ref == COMPLETED:
                for pair in registry.pairs_with_status(PairStatus.COMPLETED):
                    names.update(p.full_name for p in [registry.mentor_of(pair), *registry.mentees_of(pair)])
                continue
            person = find_person(self.sources.registry, ref)
            names.add(person.full_name if person else ref)
        return names

    def _wanted(self, record: dict[str, Any], only: list[str], names: set[str]) -> bool:
        if record.get("pair") is not None and str(record["pair"]) in only:
            return True
        return any(_person_name(record.get(k), self.sources) in names for k in _PERSON_KEYS)

    def _contract(self, registry: Any, label: Any) -> dict[str, Any] | None:
        """The employment contract of the mentor of pair ``label`` (``contracts`` in the
        project file, by participant ID or name), for a supplementary agreement."""
        labels = [registry.pair_label(i) for i in range(len(registry.pairs))]
        if str(label) not in labels:
            return None
        mentor = registry.mentor_of(registry.pairs[labels.index(str(label))])
        for key, contract in self.sources.file.contracts.items():
            if key == mentor.id or find_person(self.sources.registry, key) == mentor:
                return contract.model_dump(exclude_none=True)
        return None

    def _record_given(self, kind: Kind, registry: Any, record: dict[str, Any],
                      day: dt.date | None) -> tuple[str | None, dt.date]:
        """A record's own number and date: a supplementary agreement's from the registry."""
        if kind.id == _AGREEMENT and record.get("pair") is not None:
            labels = [registry.pair_label(i) for i in range(len(registry.pairs))]
            pair = registry.pairs[labels.index(str(record["pair"]))]
            if pair.agreement is not None and (pair.agreement.date or day) is not None:
                return pair.agreement.number, pair.agreement.date or day  # type: ignore[return-value]
        if day is None:
            raise Unresolved("не указана дата документа (date)")
        return None, day

    def _number(self, key: str, series: str, given: str | None, day: dt.date, taken: list[str]) -> str:
        """The journal's number of an act issued before; else the given one; else the next free."""
        known = self.sources.journal.get(key)
        if known is not None:
            return known.number
        if given:
            return given
        from ._file import NumberingRule

        rule = self.sources.file.numbering.get(series) or NumberingRule()
        return next_number(rule, [*self.sources.journal.numbers(series), *taken], day)

    def _act(self, entry: DocumentEntry, kind: Kind, series: str, number: str, day: dt.date,
             model: BaseModel, context: BaseModel, label: str | None) -> JournalEntry:
        heading = str(getattr(context, "heading", "") or "")
        org = typograph(self.sources.file.organization.short_name)
        council = None
        if kind.id.startswith("order.") and heading:
            title, cited = heading, f"приказ {org} «{heading}»"
        elif kind.id.startswith("protocol.") and heading:
            title = cited = f"протокол {heading}"
            if kind.id == "protocol.council":
                council = str(getattr(model, "council", "") or "") or None
                if council:
                    cited = f"протокол заседания {decline_post(council, 'genitive')}"
        else:
            title, cited = entry.title or kind.title, (entry.title or kind.title)
        if label:
            title = f"{kind.title}: {label}" if kind.id != _AGREEMENT else f"{kind.title}: пара №\u00a0{label}"
        title = typograph(title[:1].upper() + title[1:])
        return JournalEntry(key=entry.key if label is None else f"{entry.key}:{label}", document=entry.key,
                            kind=kind.id, series=series, number=number, date=day, title=title,
                            cited_as=cited[:1].lower() + cited[1:] if cited else cited, council=council)

    # ------------------------------------------------------------------ write

    def commit(self, built: Built) -> list[JournalEntry]:
        """Enter the document's acts in the journal (a reissue keeps number and date)."""
        entered = [self.sources.journal.register(act) for act in built.acts]
        if built.kind.id == _AGREEMENT and built.acts:
            self.sources.forget_registries()
        return entered

    def file_stem(self, built: Built) -> str:
        from ..batch import safe_file_stem

        base = built.entry.title or built.kind.output_name or built.kind.title
        if built.number is not None:
            base += f" № {built.number} от {format_date(built.entry.date, 'numeric')}"
        return safe_file_stem(base)

    def write(self, built: Built, out: Path, state: IssueState, *, used: set[Path]) -> tuple[list[Path], bool]:
        """Write the document's files under ``out`` unless they are there and unchanged.

        Returns the files and whether they were written now.
        """
        folder = out / stage_folder(self.plan.stages, built.stage)
        known = state.documents.get(built.entry.key)
        if built.entry.batch:
            target = folder / self.file_stem(built)
            planned = [target]
        else:
            stem = self.file_stem(built)
            planned = [folder / f"{stem}{ext}" for ext in built.kind.formats]
            if any(p in used for p in planned):
                planned = [folder / f"{stem} ({built.entry.key}){ext}" for ext in built.kind.formats]
        used.update(planned)
        # the state holds absolute paths (load_state); ``out`` may be relative to the working folder
        before = {os.path.abspath(f) for f in known.files} if known else set()
        if (known is not None and known.fingerprint == built.fingerprint and known.files
                and all(Path(f).exists() for f in known.files)
                and all(os.path.abspath(p) in before or p.is_dir() for p in planned)):
            known.cites = dict(built.cited)  # the same text: the same numbers (kept for a state from before)
            return [Path(f) for f in known.files], False
        files = self._render(built, planned)
        now = {os.path.abspath(p) for p in files}
        stale = [Path(f) for f in sorted(before - now)]
        for path in stale:
            if path.is_file():
                path.unlink()
        state.documents[built.entry.key] = DocumentState(
            fingerprint=built.fingerprint, files=[os.path.abspath(f) for f in files],
            written_at=dt.datetime.now().replace(microsecond=0), cites=dict(built.cited))
        return files, True

    def _render(self, built: Built, planned: list[Path]) -> list[Path]:
        from .. import render

        with warnings_reported():  # the dry run took them: they are among the year's findings
            if built.entry.batch:
                from ..batch import render_batch

                report = render_batch(built.kind, built.records, planned[0], merge=True, overwrite=True)
                if report.failed:
                    built.skipped.extend(f"{f.name or f.row}: {f.error}" for f in report.failed)
                return report.written_paths()
            files: list[Path] = []
            for path in planned:
                written = render(built.kind, built.inputs[0], path, overwrite=True)
                files.extend(written if isinstance(written, list) else [written])
        return files
