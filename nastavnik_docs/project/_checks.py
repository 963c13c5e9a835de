"""Consistency checks of a programme year: the acts and the pairs as a set.

Each check returns :class:`~nastavnik_docs.models.Finding` objects (Russian message,
severity, the documents and registry rows concerned, a hint):

* an act cites an act that is not in the journal nor in the folder, or one dated after
  itself; a number is used twice in one series; an issued act was given another number
  or date;
* a mentor is appointed, or a pair assigned, before the mentor's written consent; a pair of
  the year is assigned by no order;
* a mentor is appointed without appearing in a candidate review or interview protocol;
* a paid pair has no supplementary agreement; an agreement or a consent is dated before
  the regulation or after the pair started;
* a document already written cites an act under a number the act no longer has;
* a coverage denominator (a head count) is smaller than its numerator;
* the registry's own warnings, documents that cannot be built and records of a batch
  left out are warnings.

The checks of the registry itself (birth dates, representatives, forms, people, the
school year, the regulation's validity, pairs active after their end) are the models'
(``check_year``); the project runs them with the year and the regulation's validity.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..kinds import get_kind
from ..models import Category, Finding, Pair, PairEventKind, Person, Registry, Severity
from ..ru import format_date
from ._file import DocumentEntry
from ._issue import Built
from ._journal import IssueState
from ._resolve import Sources, find_person

__all__ = ["DryResult", "act_findings", "assignment_findings", "mentor_findings", "pair_findings", "coverage_findings",
           "build_findings", "citation_findings", "pair_row", "doc_title"]


@dataclass
class DryResult:
    """A document after a dry run: built, or the reasons it cannot be."""

    entry: DocumentEntry
    built: Built | None
    reasons: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)

    @property
    def why(self) -> list[str]:
        """Why it cannot be built: its own problems, or the documents it waits for."""
        return self.reasons or [f"ждёт документ «{k}», который пока не может быть выпущен" for k in self.waiting]


def doc_title(entry: DocumentEntry) -> str:
    """«Приказ о назначении наставников (appoint_mentors)»."""
    try:
        title = entry.title or get_kind(entry.kind).title
    except Exception:  # an unknown kind is reported by the dry run
        title = entry.kind
    return f"«{title}» ({entry.key})"


def pair_row(registry: Registry, pair: Pair) -> str:
    """How a finding names a row of the registry: «лист «Пары», строка 3» when the pair was
    read from the workbook, else «лист «Пары», пара № 2»."""
    if pair.origin is not None:
        return str(pair.origin)
    label = registry.pair_label(registry.pairs.index(pair))
    return f"лист «Пары», пара №\u00a0{label}"


def _date(day: dt.date | None) -> str:
    return format_date(day, "numeric")


def _error(code: str, message: str, hint: str = "", documents: Iterable[str] = (),
           rows: Iterable[str] = (), severity: Severity = Severity.ERROR) -> Finding:
    return Finding(severity=severity, code=code, message=message, hint=hint,
                   documents=tuple(documents), rows=tuple(rows))


# --------------------------------------------------------------------------- acts


def act_findings(sources: Sources, results: list[DryResult], own: dict[str, dict[str, Any]]) -> list[Finding]:
    """Citations of unknown or later acts; numbers used twice; issued acts renumbered."""
    found: list[Finding] = []
    known = set(sources.known_keys())
    for entry in sources.file.documents:
        refs = sources.references(entry, own.get(entry.key, entry.fields))
        regulation = sources.regulation_for(entry)
        for ref in [*refs, *([regulation] if regulation else [])]:
            if ref not in known:
                near = sources.nearest_key(ref)
                found.append(_error(
                    "act.cites_unknown",
                    f"{doc_title(entry)} ссылается на «{ref}», которого нет ни в журнале, ни среди "
                    f"документов и актов папки",
                    (f"Возможно, имелся в виду «{near}». " if near else "")
                    + "Добавьте документ в nastavnik.yaml или акт в раздел acts (с датой и номером).",
                    documents=[entry.key]))
                continue
            cited = sources.act_date(ref)
            if entry.date is not None and cited is not None and cited > entry.date:
                found.append(_error(
                    "act.cites_later",
                    f"{doc_title(entry)} от {_date(entry.date)} ссылается на «{ref}» от {_date(cited)} — "
                    f"акт, изданный позже него",
                    "Исправьте дату одного из документов: ссылаться можно только на акт, изданный "
                    "в тот же день или раньше.",
                    documents=[entry.key, *filter(None, [sources.document_of(ref)])]))
    found.extend(_number_findings(sources, results))
    found.extend(_consent_findings(results))
    return found


def _consent_findings(results: list[DryResult]) -> list[Finding]:
    """An order that appoints mentors or assigns pairs «с письменного согласия наставников»
    before a mentor's written consent."""
    found = []
    for built in (r.built for r in results if r.built is not None):
        day = built.entry.date
        model: Any = built.inputs[0]
        registry: Registry | None = getattr(model, "registry", None)
        if registry is None or day is None:
            continue
        if built.kind.id == "order.assign_pairs":
            labels = _assigned(model)
            late = [p for i, p in enumerate(registry.pairs) if registry.pair_label(i) in labels
                    and p.mentor_consent_date is not None and p.mentor_consent_date > day]
            if late:
                found.append(_error(
                    "act.consent_later",
                    f"{doc_title(built.entry)} от {_date(day)} закрепляет пары «с письменного согласия "
                    f"наставников», а согласия даны позже: " + "; ".join(
                        f"пара № {p.id} — {_date(p.mentor_consent_date)}" for p in late),
                    "Исправьте дату согласия в базе или дату приказа: согласие даётся до приказа.",
                    documents=[built.entry.key], rows=[pair_row(registry, p) for p in late]))
        elif built.kind.id == "order.appoint_mentors" and model.mentors:
            consented = {registry.mentor_of(p).full_name for p in registry.pairs
                         if p.mentor_consent_date is not None and p.mentor_consent_date <= day}
            missing = [n for n in (_name_of(m, registry) for m in model.mentors) if n and n not in consented]
            if missing:
                found.append(_error(
                    "act.consent_later",
                    f"{doc_title(built.entry)} от {_date(day)} назначает наставниками «с их письменного "
                    f"согласия» тех, чьего согласия на эту дату нет: " + "; ".join(missing),
                    "Укажите в базе дату согласия наставника (не позже приказа) или исправьте дату приказа.",
                    documents=[built.entry.key]))
    return found


def _number_findings(sources: Sources, results: list[DryResult]) -> list[Finding]:
    found = []
    used: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for act in sources.journal.entries:
        used[(act.series, act.number.casefold())][act.key] = act.number
    for result in results:
        for made in result.built.acts if result.built else []:
            used[(made.series, made.number.casefold())][made.key] = made.number
    for (series, _), acts in used.items():
        if len(acts) > 1:
            number = next(iter(acts.values()))
            found.append(_error(
                "journal.number_twice",
                f"номер {number} серии «{series}» присвоен нескольким актам: " + ", ".join(acts),
                "Уберите номер, указанный вручную (number), — будет взят следующий свободный, — "
                "или укажите другой.", documents=list(dict.fromkeys(k.split(":", 1)[0] for k in acts))))
    for entry in sources.file.documents:
        issued = sources.journal.get(entry.key)
        if issued is None:
            continue
        if entry.number and entry.number.strip() != issued.number:
            found.append(_error(
                "journal.renumbered",
                f"{doc_title(entry)} уже выпущен под № {issued.number}, а в nastavnik.yaml указан № {entry.number}",
                "Выпущенный акт не перенумеровывается: уберите number или верните прежний номер.",
                documents=[entry.key]))
        if entry.date is not None and entry.date != issued.date:
            found.append(_error(
                "journal.redated",
                f"{doc_title(entry)} выпущен от {_date(issued.date)}, а в nastavnik.yaml теперь дата {_date(entry.date)}",
                "Верните дату выпуска или удалите запись из журнала (журнал.yaml), если акт не был подписан.",
                documents=[entry.key]))
    return found


# --------------------------------------------------------------------------- mentors


def _name_of(ref: Any, registry: Registry | None) -> str | None:
    if isinstance(ref, Person):
        return ref.full_name
    if registry is not None:
        person = find_person(registry, ref)
        if person is not None:
            return person.full_name
    return None


def mentor_findings(sources: Sources, results: list[DryResult]) -> list[Finding]:
    """Every mentor appointed by order appears in a candidate review («рекомендовать») or an
    interview («включить») protocol of the folder dated no later than the order."""
    found = []
    built = [r.built for r in results if r.built is not None]
    for order in (b for b in built if b.kind.id == "order.appoint_mentors"):
        model = order.inputs[0]
        registry: Registry | None = getattr(model, "registry", None)
        refs = getattr(model, "mentors", None)
        if refs is None and registry is not None:
            refs = list(dict.fromkeys(p.mentor for p in registry.pairs if p.status.value == "active"))
        selected: set[str] = set()
        protocols = []
        for protocol in built:
            if protocol.entry.date and order.entry.date and protocol.entry.date > order.entry.date:
                continue
            p: Any = protocol.inputs[0]
            if protocol.kind.id == "protocol.candidates_review":
                names = [_name_of(c.person, registry) for c in p.candidates if c.decision == "рекомендовать"]
            elif protocol.kind.id == "protocol.mentor_interview":
                names = [_name_of(p.candidate, registry)] if p.include else []
            else:
                continue
            selected.update(n for n in names if n)
            protocols.append(protocol.entry.key)
        missing = [n for n in (_name_of(r, registry) or str(r) for r in refs or []) if n not in selected]
        if missing:
            found.append(_error(
                "mentor.no_protocol",
                f"{doc_title(order.entry)} назначает наставниками тех, кого нет ни в одном протоколе "
                f"рассмотрения кандидатур или собеседования: " + "; ".join(missing),
                "Добавьте кандидатов в протокол рассмотрения кандидатур (решение «рекомендовать») "
                "или проведите собеседование; либо уберите их из приказа.",
                documents=[order.entry.key, *protocols]))
    return found


# --------------------------------------------------------------------------- pairs


def _assigned(model: Any) -> list[str]:
    """The numbers of the pairs an order on assigning pairs lists."""
    registry: Registry = model.registry
    if model.pairs:
        return [str(p) for p in model.pairs]
    return [registry.pair_label(i) for i, p in enumerate(registry.pairs) if p.status.value == "active"]


def assignment_findings(sources: Sources, results: list[DryResult]) -> list[Finding]:
    """Every pair of the year is assigned by an order of the folder, when the folder has such orders."""
    orders = [r.built for r in results if r.built is not None and r.built.kind.id == "order.assign_pairs"]
    if not orders:
        return []
    assigned = {label for order in orders for label in _assigned(order.inputs[0])}
    registry = sources.registry
    found = []
    for i, pair in enumerate(registry.pairs):
        label = registry.pair_label(i)
        if _in_year(sources, pair) and label not in assigned:
            found.append(_error(
                "pair.not_assigned",
                f"пара № {label} (с {_date(pair.start)}) не закреплена ни одним приказом о закреплении "
                f"наставнических пар", "Добавьте пару в приказ (pairs) или издайте ещё один приказ "
                "о закреплении пар с датой не раньше согласия наставника.",
                documents=[o.entry.key for o in orders], rows=[pair_row(registry, pair)]))
    return found


def _is_paid(pair: Pair) -> bool:
    return pair.agreement is not None and bool(pair.agreement.monthly_pay)


def _in_year(sources: Sources, pair: Pair) -> bool:
    end = pair.end or sources.file.year_end
    return pair.start <= sources.file.year_end and end >= sources.file.year_start


def _agreement_docs(sources: Sources) -> list[DocumentEntry]:
    return [e for e in sources.file.documents if e.kind == "labour.supplementary_agreement"]


def _agreement_covered(sources: Sources, label: str) -> DocumentEntry | None:
    for entry in _agreement_docs(sources):
        if entry.batch and (not entry.only or label in entry.only):
            return entry
        if not entry.batch and str(entry.fields.get("pair")) == label:
            return entry
    return None


def pair_findings(sources: Sources) -> list[Finding]:
    """Agreements and consents of the pairs of the year against the regulation and the
    pairs' start."""
    found: list[Finding] = []
    registry = sources.registry
    regulation = sources.file.acts.get("regulation")
    adopted = sources.act_date("regulation")
    reg_docs = [regulation.document] if regulation and regulation.document else []
    for i, pair in enumerate(registry.pairs):
        if not _in_year(sources, pair):
            continue
        label = registry.pair_label(i)
        row = [pair_row(registry, pair)]
        mentor = registry.mentor_of(pair)
        staff = mentor.category in (Category.TEACHER, Category.OTHER)
        covering = _agreement_covered(sources, label)
        if _is_paid(pair) and staff and covering is None and not (pair.agreement.number and pair.agreement.date):  # type: ignore[union-attr]
            found.append(_error(
                "pair.no_agreement",
                f"пара № {label}: наставнику {mentor.short_name} установлена доплата, но нет "
                f"дополнительного соглашения к трудовому договору",
                "Впишите номер и дату соглашения в базу или добавьте в nastavnik.yaml документ "
                "labour.supplementary_agreement (batch: true).", rows=row))
        # the consent and the agreement are those of today's mentor: from the day they took the pair
        took_over = max((e.date for e in pair.history if e.kind is PairEventKind.MENTOR_CHANGED),
                        default=pair.start)
        agreement_day = None
        if pair.agreement is not None and staff:
            agreement_day = pair.agreement.date or (covering.date if covering else None)
        for what, day, code in (("дополнительное соглашение", agreement_day, "agreement"),
                                ("согласие наставника", pair.mentor_consent_date, "consent")):
            if day is None:
                continue
            docs = [covering.key] if covering and code == "agreement" else []
            if adopted is not None and day < adopted:
                found.append(_error(
                    f"pair.{code}_before_regulation",
                    f"пара № {label}: {what} от {_date(day)} раньше положения о наставничестве ({_date(adopted)})",
                    f"Исправьте дату в базе: {what} оформляется не раньше утверждения положения.",
                    documents=[*docs, *reg_docs], rows=row))
            if day > took_over:
                found.append(_error(
                    f"pair.{code}_after_start",
                    f"пара № {label}: {what} от {_date(day)} позже начала наставничества ({_date(took_over)})",
                    f"Исправьте дату в базе: {what} оформляется до начала наставничества.",
                    documents=docs, rows=row))
    return found


# --------------------------------------------------------------------------- reports


def coverage_findings(results: list[DryResult]) -> list[Finding]:
    """A head count (the denominator of a share) smaller than the number it divides: the
    report refuses to be built (the control relation of ``stats`` named in its reason)."""
    from ..stats import COVERAGE_FORM

    marker = f"({COVERAGE_FORM.share_rules[0][0]})"
    return [_error("report.denominator", f"{doc_title(result.entry)}: {reason}",
                   "Проверьте численность (totals) в данных отчёта: она не может быть меньше числа "
                   "участников по базе.", documents=[result.entry.key])
            for result in results if result.built is None for reason in result.reasons if marker in reason]


def citation_findings(sources: Sources, state: IssueState) -> list[Finding]:
    """A document already written that cites an act under a number the act no longer has
    (its journal entry was removed and the act numbered again, or the journal was edited):
    the numbers the state remembers it printed against the journal after this run."""
    found = []
    for entry in sources.file.documents:
        known = state.documents.get(entry.key)
        if known is None or not known.cites or not all(Path(f).exists() for f in known.files):
            continue
        wrong = []
        for key, number in known.cites.items():
            act = sources.journal.get(key)
            if act is None:
                wrong.append(f"№ {number} ({key}) — этого акта в журнале больше нет")
            elif act.number != number:
                wrong.append(f"«{act.title}» ({key}) — № {number}, а в журнале № {act.number}")
        if wrong:
            found.append(_error(
                "act.cites_changed_number",
                f"{doc_title(entry)} уже выпущен со ссылкой на номер, который не совпадает с номером "
                f"акта: " + "; ".join(wrong),
                "Номер выпущенного акта не меняется: верните его в журнал (журнал.yaml). Если акт "
                "действительно зарегистрирован заново, при выпуске документ будет переиздан с новым "
                "номером — замените подписанный экземпляр.",
                documents=[entry.key], severity=Severity.WARNING))
    return found


# --------------------------------------------------------------------------- warnings


def build_findings(sources: Sources, results: list[DryResult]) -> list[Finding]:
    """The registry's own warnings; documents that cannot be built; batch records left out;
    what a built document asks the curator to check (its contexts' warnings, each once)."""
    found = [_error("registry.warning", text, severity=Severity.WARNING,
                    hint="Исправьте базу наставников и наставляемых.")
             for text in sources.registry.warnings()]
    waiting = [r.entry.key for r in results if r.built is None and not r.reasons]
    for result in results:
        if result.built is not None:
            title = result.entry.title or result.built.kind.title
            found += [_error("document.warning", f"«{title}»: {text}", documents=[result.entry.key],
                             severity=Severity.WARNING) for text in result.built.warnings]
        if result.built is None and result.reasons:
            found.append(_error(
                "document.blocked", f"{doc_title(result.entry)} не будет выпущен: " + "; ".join(result.reasons),
                "Допишите недостающие данные (nastavnik-docs plan покажет, каких не хватает).",
                documents=[result.entry.key], severity=Severity.WARNING))
        elif result.built is not None and result.built.skipped:
            found.append(_error(
                "document.records_skipped",
                f"{doc_title(result.entry)}: не будут выпущены документы для " + "; ".join(result.built.skipped),
                "Исправьте данные этих участников в базе.", documents=[result.entry.key],
                severity=Severity.WARNING))
    if waiting:
        found.append(_error(
            "document.waiting", f"документов, которые ждут выпуска документов, на которые ссылаются: "
            f"{len(waiting)}", "Сначала допишите данные документов из предупреждений выше.",
            documents=waiting, severity=Severity.WARNING))
    return found

