"""The coverage table's form as data (``coverage_form.yaml``): sections, lines with fixed
codes and their definitions, graphs, and the named control relations with their checker.

A relation is written as in statistical forms — «01 = 02 + 03 + 04 + 05 + 06»,
«09 <= 08», «30:4 = 14» (graph 4 of line 30), «30 = 31..39» (the lines of a range) — and
checked on any :class:`~nastavnik_docs.models.CoverageTable`, computed or read from a file.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from .._resources import packaged_yaml
from ..models import FORMATS, PAIR_TYPES, CoverageTable

__all__ = ["COVERAGE_FORM", "ControlFailure", "FormSpec", "LineSpec", "Relation", "SectionSpec", "share"]

_HUNDRED = Decimal(100)
_TENTH = Decimal("0.1")
#: Denominators taken from the organisation's head counts (``Totals``), by name.
HEAD_COUNTS = ("pupils", "students", "teachers", "young_specialists", "pupils_10_19", "pupils_15_19")


def share(count: int | Decimal, total: int | Decimal | None) -> Decimal | None:
    """``count`` of ``total`` in per cent to one decimal (half up), None without a positive total."""
    if not total:
        return None
    return (Decimal(count) * _HUNDRED / Decimal(total)).quantize(_TENTH, ROUND_HALF_UP)


@dataclass(frozen=True)
class LineSpec:
    """One line of the form: its fixed code, what it counts, how it prints, what it means."""

    code: str
    key: str
    title: str
    section: str
    level: int = 0
    denominator: str | None = None  # a head count (``Totals`` field) or «line:NN»
    measure: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SectionSpec:
    id: str
    title: str
    graphs: tuple[str, ...]
    lines: tuple[LineSpec, ...] = ()
    dimension: str | None = None  # pair_type / format: lines by the lists of models.forms
    note: str | None = None


@dataclass(frozen=True)
class ControlFailure:
    """A control relation that does not hold: its id, its rule and what the figures are."""

    relation: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.relation} ({self.rule}): {self.message}"


_SIGNS = {"<=": "≤", ">=": "≥", "=": "="}
_OPS: dict[str, tuple[Callable[[Decimal, Decimal], bool], str]] = {
    "<=": (operator.le, "больше"), ">=": (operator.ge, "меньше"), "=": (operator.eq, "не равна"),
}


@dataclass(frozen=True)
class Relation:
    """«01 = 02 + 03»: the left side compared with the right, each a sum of terms."""

    id: str
    rule: str
    left: tuple[tuple[str, str, int], ...]  # (first code, last code, graph)
    op: str
    right: tuple[tuple[str, str, int], ...]

    @classmethod
    def parse(cls, id: str, rule: str) -> Relation:
        for op in ("<=", ">=", "="):
            if op in rule:
                left, right = rule.split(op)
                return cls(id, rule, _terms(left), op, _terms(right))
        raise ValueError(f"coverage_form.yaml: no comparison in {rule!r}")

    def describe(self) -> str:
        """«стр. 30 (графа 4) = стр. 14», «стр. 30 = сумма стр. 31–39»."""
        return f"{_side_text(self.left)} {_SIGNS[self.op]} {_side_text(self.right)}"

    def codes(self, side: tuple[tuple[str, str, int], ...], table: CoverageTable) -> list[tuple[str, int]]:
        out = []
        for first, last, graph in side:
            if first == last:
                out.append((first, graph))
            else:
                out.extend((code, graph) for code in sorted(table.lines) if first <= code <= last)
        return out

    def check(self, table: CoverageTable) -> ControlFailure | None:
        """None when the relation holds on ``table`` (an empty cell counts as 0)."""
        left = sum((table.value(c, g) or Decimal(0) for c, g in self.codes(self.left, table)), Decimal(0))
        right = sum((table.value(c, g) or Decimal(0) for c, g in self.codes(self.right, table)), Decimal(0))
        holds, word = _OPS[self.op]
        if holds(left, right):
            return None
        return ControlFailure(self.id, self.describe(),
                              f"{_side_text(self.left)} ({_number(left)}) {word} {_side_text(self.right)} "
                              f"({_number(right)})")


def _terms(text: str) -> tuple[tuple[str, str, int], ...]:
    terms = []
    for raw in text.split("+"):
        term, _, graph = raw.strip().partition(":")
        first, _, last = term.partition("..")
        terms.append((first, last or first, int(graph or 3)))
    return tuple(terms)


def _side_text(side: tuple[tuple[str, str, int], ...]) -> str:
    """«стр. 02 + 03 + 04», «графа 4 стр. 30», «сумма стр. 31–39»."""
    parts = []
    for first, last, graph in side:
        code = first if first == last else f"{first}–{last}"
        parts.append(f"{code} (графа {graph})" if graph != 3 else code)
    prefix = "сумма стр. " if any(f != lst for f, lst, _ in side) else "стр. "
    return prefix + " + ".join(parts)


def _number(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else str(value).replace(".", ",")


@dataclass(frozen=True)
class FormSpec:
    """The whole form: identity, sections in order, relations, the rules about shares."""

    form: str
    version: str
    title: str
    sections: tuple[SectionSpec, ...]
    relations: tuple[Relation, ...]
    share_rules: tuple[tuple[str, str, str], ...]  # (id, rule, text)
    totals: dict[str, tuple[str, str]]  # section id -> (code, title) of its «Всего» line
    others: dict[str, tuple[str, str]]  # section id -> (code, title) of its «иные» line

    @property
    def lines(self) -> tuple[LineSpec, ...]:
        return tuple(line for section in self.sections for line in section.lines)

    def line(self, code: str) -> LineSpec:
        return next(line for line in self.lines if line.code == code)

    def by_key(self, key: str) -> LineSpec:
        return next(line for line in self.lines if line.key == key)

    def dimension_lines(self, section: SectionSpec) -> list[tuple[str, str]]:
        """(code, title) of a section by pair type or format: «Всего», each listed one, «иные»."""
        listed = PAIR_TYPES if section.dimension == "pair_type" else FORMATS
        return [self.totals[section.id], *((f.code or "", f.title) for f in listed), self.others[section.id]]

    def codes(self) -> list[str]:
        """Every line code of the form, in the order of the table."""
        out: list[str] = []
        for section in self.sections:
            if section.dimension:
                out.extend(code for code, _ in self.dimension_lines(section))
            else:
                out.extend(line.code for line in section.lines)
        return out

    def share_lines(self) -> tuple[LineSpec, ...]:
        return tuple(line for line in self.lines if line.denominator)


@lru_cache(maxsize=1)
def _load() -> FormSpec:

    data: dict[str, Any] = packaged_yaml(
        resources.files(__package__).joinpath("coverage_form.yaml").read_text("utf-8"))
    sections, totals, others = [], {}, {}
    for raw in data["sections"]:
        lines = tuple(LineSpec(section=raw["id"], **line) for line in raw.get("lines", ()))
        sections.append(SectionSpec(id=raw["id"], title=raw["title"], graphs=tuple(raw["graphs"]), lines=lines,
                                    dimension=raw.get("dimension"), note=raw.get("note")))
        if raw.get("dimension"):
            totals[raw["id"]] = (raw["total"]["code"], raw["total"]["title"])
            others[raw["id"]] = (raw["other"]["code"], raw["other"]["title"])
    spec = FormSpec(
        form=data["form"], version=str(data["version"]), title=data["title"], sections=tuple(sections),
        relations=tuple(Relation.parse(r["id"], r["rule"]) for r in data["relations"]),
        share_rules=tuple((r["id"], r["rule"], r["text"]) for r in data["shares"]),
        totals=totals, others=others,
    )
    codes = spec.codes()
    if len(codes) != len(set(codes)) or not all(codes):
        raise ValueError("coverage_form.yaml and models/forms.yaml: line codes must be unique and given")
    return spec


#: The coverage table's form, read once from ``coverage_form.yaml``.
COVERAGE_FORM: FormSpec = _load()
