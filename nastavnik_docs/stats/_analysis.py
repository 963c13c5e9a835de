"""The analysis behind the analytical report: targets judged with their reasons, then
conclusions and recommendations produced by rules over the figures.

Each rule is a function below, registered in :data:`RULES` under the id that names its
wording in ``analysis.yaml`` (the texts and thresholds are data; the conditions are code).
The same rules serve a school's report (the figures of its coverage table, its early ends,
its questionnaires) and an authority's (the municipal totals and the organisations' rows).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from .._resources import packaged_yaml
from ..models import Comparison, CoverageTable, Role, Target, normalize_word
from ..ru import agree, format_date, format_percent, join_and, typograph
from ._coverage import EarlyEnd
from ._form import COVERAGE_FORM, FormSpec, share
from ._survey import SurveySummary

__all__ = ["RULES", "Analysis", "AnalysisFigures", "Statement", "TargetVerdict", "analyse", "wording"]

NBSP = "\u00a0"
DASH = "\u2013"
_SPACES = re.compile(r"[ \t\n]+")  # not str.split(): it would take no-break spaces too


@lru_cache(maxsize=1)
def wording() -> dict[str, Any]:
    """``analysis.yaml``: thresholds, the names of each measure's people, each rule's texts."""

    data: dict[str, Any] = packaged_yaml(resources.files(__package__).joinpath("analysis.yaml").read_text("utf-8"))
    return data


@dataclass
class AnalysisFigures:
    """What the rules look at. ``table`` is the current period's coverage table (a school's,
    or the municipal total); the rest is optional."""

    table: CoverageTable
    targets: Sequence[Target] = ()
    scope: Literal["organisation", "municipality"] = "organisation"
    previous: CoverageTable | None = None
    #: the previous period in the instrumental case, after «по сравнению с»
    previous_label: str = "предыдущим периодом"
    survey: SurveySummary | None = None
    early_ends: Sequence[EarlyEnd] = ()
    unknown_ages: int = 0
    unknown_young: int = 0
    organisations: Sequence[CoverageTable] = ()
    failed: int = 0
    spec: FormSpec = COVERAGE_FORM

    @property
    def where(self) -> str:
        return "в муниципалитете" if self.scope == "municipality" else "в организации"

    def count(self, code: str, graph: int = 3) -> int:
        return self.table.count(code, graph)

    def share(self, code: str, table: CoverageTable | None = None) -> Decimal | None:
        table = table or self.table
        total = table.value(code, 4)
        return share(table.count(code), total) if total is not None else None


@dataclass(frozen=True)
class TargetVerdict:
    """A target with its actual value, the verdict, and what the data say about it."""

    target: Target
    code: str | None
    count: int
    total: int | None
    actual: Decimal | None
    needed: int | None = None
    reasons: tuple[str, ...] = ()
    below: tuple[str, ...] = ()  # organisations where it is not met (municipal)

    @property
    def met(self) -> bool | None:
        return None if self.actual is None else self.target.is_met(self.actual)

    @property
    def verdict(self) -> str:
        return {None: "нет данных для расчёта", True: "достигнут", False: "не достигнут"}[self.met]


@dataclass(frozen=True)
class Statement:
    """A conclusion or a recommendation and the rule that made it."""

    rule: str
    text: str


@dataclass
class Analysis:
    targets: list[TargetVerdict]
    conclusions: list[Statement] = field(default_factory=list)
    recommendations: list[Statement] = field(default_factory=list)

    def rules(self) -> set[str]:
        return {s.rule for s in (*self.conclusions, *self.recommendations)}


Rule = Callable[[AnalysisFigures, Analysis], Iterator[tuple[str, str, dict[str, Any]]]]
#: Every rule by id, in the order their statements appear.
RULES: dict[str, Rule] = {}


def rule(fn: Rule) -> Rule:
    RULES[fn.__name__.removeprefix("_")] = fn
    return fn


def analyse(figures: AnalysisFigures) -> Analysis:
    """Judge the targets, then run every rule; each says what its wording says."""
    analysis = Analysis(targets=[_verdict(figures, t) for t in figures.targets])
    texts = wording()["rules"]
    for fn in RULES.values():
        for rule_id, part, values in fn(figures, analysis):
            said = texts[rule_id]
            own = f"{part}_{figures.scope}"  # an authority addresses the organisations
            text = said.get(own, said[part]).format(where=figures.where, **values)
            target = analysis.conclusions if part == "conclusion" else analysis.recommendations
            text = typograph(_SPACES.sub(" ", text).strip()).replace("г..", "г.")
            target.append(Statement(rule_id, text))
    return analysis


# ---------------------------------------------------------------------------- targets


def _measure_line(figures: AnalysisFigures, measure: str | None) -> str | None:
    return next((line.code for line in figures.spec.lines if measure and line.measure == measure), None)


def _verdict(figures: AnalysisFigures, target: Target) -> TargetVerdict:
    code = _measure_line(figures, target.measure)
    if code is None:
        return TargetVerdict(target, None, 0, None, None)
    count, total_value = figures.count(code), figures.table.value(code, 4)
    total = int(total_value) if total_value is not None else None
    actual = share(count, total)
    needed = None
    if actual is not None and total and not target.is_met(actual) and target.comparison is Comparison.AT_LEAST:
        needed = max(1, math.ceil(target.value * total / 100) - count)
    below = tuple(_below(figures, target, code))
    verdict = TargetVerdict(target, code, count, total, actual, needed, below=below)
    if verdict.met is False:
        verdict = TargetVerdict(target, code, count, total, actual, needed, tuple(_reasons(figures, code)), below)
    return verdict


def _below(figures: AnalysisFigures, target: Target, code: str) -> Iterator[str]:
    for org in figures.organisations:
        actual = figures.share(code, org)
        if actual is not None and not target.is_met(actual):
            yield f"{org.organization} ({format_percent(actual)})"


def _pairs_text(figures: AnalysisFigures, codes: Sequence[str]) -> str:
    titles = {code: title for s in figures.spec.sections if s.dimension for code, title in figures.spec.dimension_lines(s)}
    parts = [f"«{titles[c]}»{NBSP}{DASH} {figures.count(c)}" for c in codes if figures.count(c)]
    return ", ".join(parts) or "нет"


def _reasons(figures: AnalysisFigures, code: str) -> Iterator[str]:
    """What the data show about an unmet target, by its line."""
    n = figures.count
    if code == "02":
        yield (f"Из обучающихся-участников наставляемые{NBSP}{DASH} {n('08')}, наставники{NBSP}{DASH} {n('15')}; "
               f"пары с участием обучающихся: {_pairs_text(figures, ('31', '33', '34', '36'))}.")
    elif code == "04":
        yield (f"Педагоги-наставники{NBSP}{DASH} {n('18')}, педагоги-наставляемые{NBSP}{DASH} {n('11')} "
               f"(из них молодые специалисты{NBSP}{DASH} {n('12')}).")
    elif code == "12":
        total = figures.table.value("12", 4)
        if total is not None:
            yield f"Не включены в программы наставничества: {agree(int(total) - n('12'), 'молодой специалист')}."
        if figures.unknown_young:
            yield (f"Педагогов-наставляемых без стажа или даты рождения{NBSP}{DASH} {figures.unknown_young}: "
                   f"они не учтены как молодые специалисты.")
    elif code in ("09", "16"):
        role = "наставляемых" if code == "09" else "наставников"
        parent = "08" if code == "09" else "15"
        yield f"Обучающихся среди {role}{NBSP}{DASH} {n(parent)}, из них нужного возраста{NBSP}{DASH} {n(code)}."
        if figures.unknown_ages:
            yield (f"Обучающихся и студентов без даты рождения{NBSP}{DASH} {figures.unknown_ages}: "
                   f"они не учтены.")
    elif code == "25":
        yield f"Причины: {_end_reasons(figures)}."


def _end_reasons(figures: AnalysisFigures) -> str:
    reasons: Counter[str] = Counter()
    texts: dict[str, str] = {}
    for end in figures.early_ends:
        text = (end.reason or "причина не указана").strip().rstrip(".")
        key = normalize_word(text)
        reasons[key] += 1
        texts.setdefault(key, text)
    if not reasons:
        return "в сведениях не указаны"
    return "; ".join(f"{texts[k]} ({v})" if v > 1 else texts[k] for k, v in reasons.most_common())


def _deadline(target: Target) -> str:
    return f"до конца {target.year}{NBSP}г." if target.year else "в следующем отчётном периоде"


def _planned(target: Target) -> str:
    unit = f"{NBSP}%" if target.unit == "%" else f" {target.unit}"
    return f"{target.comparison.value} {str(target.value).replace('.', ',')}{unit}"


def _measure_words(measure: str | None) -> dict[str, str]:
    words: dict[str, str] = wording()["measures"].get(measure or "", {})
    return {"genitive": words.get("genitive", "участников"), "role": words.get("role", "")}


# ------------------------------------------------------------------------------ rules


@rule
def _targets(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for v in a.targets:
        t = v.target
        words = _measure_words(t.measure)
        base = {"indicator": t.indicator, "planned": _planned(t),
                "actual": format_percent(v.actual) if v.actual is not None else DASH}
        if v.met is None:
            if v.code is not None and f.spec.line(v.code).denominator in _HEAD_COUNTS:
                yield "target_no_data", "conclusion", {**base, "genitive": words["genitive"]}
                yield "target_no_data", "recommendation", {**base, "genitive": words["genitive"]}
        elif v.met:
            yield "target_met", "conclusion", base
        elif t.comparison is Comparison.AT_MOST:
            yield "target_exceeded", "conclusion", {**base, "reasons": " ".join(v.reasons)}
        else:
            gap = f" (до плана не хватает {v.needed}{NBSP}чел.)" if v.needed else ""
            yield "target_missed", "conclusion", {**base, "gap": gap, "reasons": " ".join(v.reasons)}
            if v.needed:
                yield "target_missed", "recommendation", {**base, "needed": f"{v.needed}{NBSP}чел.",
                                                           "deadline": _deadline(t), **words}


_HEAD_COUNTS = ("pupils", "students", "teachers", "young_specialists", "pupils_10_19", "pupils_15_19")


@rule
def _all_targets_met(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    judged = [v for v in a.targets if v.met is not None]
    if judged and all(v.met for v in judged) and len(judged) == len(a.targets):
        yield "all_targets_met", "conclusion", {"count": len(judged)}
        yield "all_targets_met", "recommendation", {}


@rule
def _pupils_under_covered(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    pupils, teachers = f.share("02"), f.share("04")
    missed = any(v.code in ("02", "09") and v.met is False for v in a.targets)
    gap = Decimal(wording()["thresholds"]["pupils_gap"])
    if pupils is None or not (missed or (teachers is not None and teachers - pupils >= gap)):
        return
    values = {"pupils_share": format_percent(pupils),
              "teachers_share": format_percent(teachers) if teachers is not None else DASH,
              "pupils": f.count("02"), "pupil_mentees": f.count("08"), "pupil_mentors": f.count("15"),
              "pupil_pairs": _pairs_text(f, ("31", "33", "34", "36"))}
    yield "pupils_under_covered", "conclusion", values
    yield "pupils_under_covered", "recommendation", values


@rule
def _pupil_mentors_absent(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    if f.count("15") == 0 and f.count("08") > 0:
        yield "pupil_mentors_absent", "conclusion", {}
        yield "pupil_mentors_absent", "recommendation", {}


@rule
def _young_not_covered(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    total = f.table.value("12", 4)
    covered = f.count("12")
    if total is None or covered >= total or any(v.code == "12" for v in a.targets):
        return  # a target on young specialists says it already
    unknown = (f"; педагогов-наставляемых без стажа или даты рождения{NBSP}{DASH} {f.unknown_young}"
               if f.unknown_young else "")
    yield "young_not_covered", "conclusion", {"covered": covered, "total": int(total), "unknown": unknown}
    yield "young_not_covered", "recommendation", {"missing": agree(int(total) - covered, "молодой специалист"),
                                                   "deadline_date": _next_deadline(f.table.period_end)}


def _next_deadline(end: date | None) -> str:
    """The first day of the month after the next: 31.08 → «1 октября», 20.12 → «1 февраля»."""
    if end is None:
        return "начала следующего периода"
    month = end.replace(day=28) + timedelta(days=4)
    target = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return format_date(target, "long")


@rule
def _early_ends(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    ended, pairs = f.count("25"), f.count("21")
    if not ended or not pairs:
        return
    ratio = share(ended, pairs) or Decimal(0)
    values = {"ended": ended, "pairs": pairs, "share": format_percent(ratio),
              "reasons": _end_reasons(f)}
    if ratio >= Decimal(wording()["thresholds"]["early_ends_share"]):
        yield "early_ends_many", "conclusion", values
        yield "early_ends_many", "recommendation", values
    else:
        yield "early_ends_few", "conclusion", values


@rule
def _formats_narrow(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    section = next(s for s in f.spec.sections if s.dimension == "format")
    used = [(title, f.count(code)) for code, title in f.spec.dimension_lines(section)[1:] if f.count(code)]
    if f.count("21") >= 3 and 0 < len(used) <= wording()["thresholds"]["formats_few"]:
        names = join_and([f"«{title}»" for title, _ in used])
        yield "formats_narrow", "conclusion", {"formats": agree(len(used), "формат"), "names": names}
        yield "formats_narrow", "recommendation", {}


@rule
def _unknown_data(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    what = []
    if f.unknown_ages:
        what.append(f"обучающихся и студентов без даты рождения{NBSP}{DASH} {f.unknown_ages}")
    if f.unknown_young:
        what.append(f"педагогов-наставляемых без стажа или даты рождения{NBSP}{DASH} {f.unknown_young}")
    if what:
        yield "unknown_data", "conclusion", {"what": "; ".join(what)}
        yield "unknown_data", "recommendation", {"what": "; ".join(what)}


def _score(value: Decimal | None) -> str:
    return f"{value}".replace(".", ",") if value is not None else DASH


@rule
def _satisfaction(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    if f.survey is None:
        if f.scope == "organisation":
            yield "survey_missing", "recommendation", {}
        return
    groups = [g for g in (f.survey.satisfaction(Role.MENTOR), f.survey.satisfaction(Role.MENTEE))
              if g is not None and g.satisfaction is not None]
    if not groups:
        return
    names = {Role.MENTOR: "наставники", Role.MENTEE: "наставляемые"}
    figures = ", ".join(
        f"{names[g.role]}{NBSP}{DASH} {_score(g.satisfaction)} из 10 "
        f"(ответивших{NBSP}{DASH} {g.respondents}, удовлетворены "
        f"{format_percent(g.satisfied_share) if g.satisfied_share is not None else DASH})" for g in groups)
    low, high = (Decimal(wording()["thresholds"][k]) for k in ("satisfaction_low", "satisfaction_high"))
    scores = [g.satisfaction for g in groups if g.satisfaction is not None]
    if min(scores) < low:
        yield "satisfaction_low", "conclusion", {"figures": figures}
        yield "satisfaction_low", "recommendation", {}
    elif min(scores) >= high:
        yield "satisfaction_high", "conclusion", {"figures": figures}
    else:
        lowest = sorted((q for q in f.survey.questions if q.after is not None), key=lambda q: q.after or 0)[:2]
        yield "satisfaction_medium", "conclusion", {"figures": figures}
        yield "satisfaction_medium", "recommendation", {"lowest": "; ".join(f"«{q.question}»" for q in lowest)}


@rule
def _growth(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    if f.survey is None or not f.survey.has_both_stages:
        return
    minimum = Decimal(str(wording()["thresholds"]["growth_min"]))
    rows = f.survey.growth()

    def text(q: Any) -> str:
        sign = "+" if q.change >= 0 else DASH
        return f"«{q.question}»{NBSP}{DASH} с {_score(q.before)} до {_score(q.after)} ({sign}{_score(abs(q.change))})"

    grown = [q for q in rows if q.change is not None and q.change >= minimum]
    shown = grown[:3] or rows[:3]
    whose = join_and([word for role, word in (("mentor", "наставников"), ("mentee", "наставляемых"))
                      if any(q.role.value == role for q in shown)])
    if grown:
        yield "growth_positive", "conclusion", {"questions": "; ".join(text(q) for q in shown), "whose": whose}
    else:
        yield "growth_absent", "conclusion", {"questions": "; ".join(text(q) for q in shown), "whose": whose}
        yield "growth_absent", "recommendation", {}


_COMPARED = (("01", "участников"), ("21", "пар и групп"))
_COMPARED_SHARES = (("02", "охват обучающихся"), ("04", "охват педагогов"), ("12", "охват молодых специалистов"))


@rule
def _compared(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    if f.previous is None:
        return
    changes, declines = [], []
    for code, word in _COMPARED:
        before, now = f.previous.count(code), f.count(code)
        changes.append(f"{word}{NBSP}{DASH} {now} (было {before}, {_signed(now - before)})")
        if now < before:
            declines.append(f"численности {word}")
    for code, word in _COMPARED_SHARES:
        before_share, now_share = f.share(code, f.previous), f.share(code)
        if before_share is None or now_share is None:
            continue
        delta = now_share - before_share
        changes.append(f"{word}{NBSP}{DASH} {format_percent(now_share)} (было {format_percent(before_share)}, "
                       f"{_signed(delta)}{NBSP}п.{NBSP}п.)")
        if delta <= -1:
            declines.append(word.replace("охват", "охвата"))
    yield "compared", "conclusion", {"previous": f.previous_label, "changes": "; ".join(changes)}
    if declines:
        yield "compared_decline", "recommendation", {"previous": f.previous_label, "what": join_and(declines)}


def _signed(value: int | Decimal) -> str:
    text = str(abs(value)).replace(".", ",")
    return f"+{text}" if value > 0 else (f"{DASH}{text}" if value < 0 else "без изменений")


@rule
def _organisations_below(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    names: dict[str, None] = {}
    for v in a.targets:
        if v.below:
            yield "organisations_below", "conclusion", {"indicator": v.target.indicator, "count": len(v.below),
                                                        "names": "; ".join(v.below)}
            names.update(dict.fromkeys(name.rsplit(" (", 1)[0] for name in v.below))
    if names:
        yield "organisations_below", "recommendation", {"count": len(names), "names": "; ".join(names)}


@rule
def _files_failed(f: AnalysisFigures, a: Analysis) -> Iterator[tuple[str, str, dict[str, Any]]]:
    if f.failed:
        yield "files_failed", "conclusion", {"count": f.failed}
        yield "files_failed", "recommendation", {}
