"""The plan of a programme year: stages in the order of the target model, as data.

``plan.yaml`` beside this module lists the stages (regulation and roadmap, curator,
working group, selection of mentors, appointment, consents and agreements, pairs,
programmes, participants' consents, monitoring, changes, final event, rewards,
certificates, reports), the kinds that serve each, the words that find a stage's event in
the project's roadmap, the registration series of each kind and where cited acts go in
each kind's input. :class:`PlanData` reads it; :class:`PlanItem` is one line of the plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from ..ru import format_date

__all__ = ["PlanData", "Stage", "PlanItem", "ItemStatus", "plan_data"]

PLAN_FILE = Path(__file__).with_name("plan.yaml")


@dataclass(frozen=True)
class Stage:
    id: str
    title: str
    roadmap: tuple[str, ...]
    kinds: tuple[str, ...]


def _by_kind(table: dict[str, Any], kind_id: str) -> Any:
    """A value of ``table`` for a kind: by its id, then by its family («order»)."""
    if kind_id in table:
        return table[kind_id]
    return table.get(kind_id.split(".")[0])


@dataclass(frozen=True)
class PlanData:
    """The contents of ``plan.yaml``."""

    stages: tuple[Stage, ...]
    series: dict[str, str]
    series_titles: dict[str, str]
    citations: dict[str, str]
    approved_by: dict[str, dict[str, str]]
    officials: dict[str, dict[str, str]]
    #: Kinds an organisation's year never issues (the education authority's documents).
    outside_year: frozenset[str] = frozenset()
    #: Kind → the kinds whose acts it cites through the registry (agreements in an order).
    cited_through_registry: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def stage(self, stage_id: str) -> Stage:
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        known = ", ".join(s.id for s in self.stages)
        raise KeyError(f"нет этапа «{stage_id}»; этапы: {known}")

    def stage_of(self, kind_id: str, given: str | None = None) -> Stage:
        """The stage a document serves: the one given, else the first that lists its kind."""
        if given:
            return self.stage(given)
        for stage in self.stages:
            if kind_id in stage.kinds:
                return stage
        return self.stages[-1]

    def index(self, stage: Stage) -> int:
        return self.stages.index(stage)

    def series_of(self, kind_id: str) -> str | None:
        return _by_kind(self.series, kind_id)

    def approved_by_fields(self, kind_id: str) -> dict[str, str]:
        return dict(_by_kind(self.approved_by, kind_id) or {})

    def official_fields(self, kind_id: str) -> dict[str, str]:
        return dict(_by_kind(self.officials, kind_id) or {})


@cache
def plan_data() -> PlanData:
    from ..io import load_yaml

    raw = load_yaml(PLAN_FILE)
    stages = tuple(Stage(s["id"], s["title"], tuple(s.get("roadmap", ())), tuple(s.get("kinds", ())))
                   for s in raw["stages"])
    return PlanData(stages=stages, series=dict(raw.get("series", {})),
                    series_titles=dict(raw.get("series_titles", {})),
                    citations=dict(raw.get("citations", {})),
                    approved_by={k: dict(v) for k, v in raw.get("approved_by", {}).items()},
                    officials={k: dict(v) for k, v in raw.get("officials", {}).items()},
                    outside_year=frozenset(raw.get("outside_year", ())),
                    cited_through_registry={k: tuple(v) for k, v in raw.get("cited_through_registry", {}).items()})


class ItemStatus(StrEnum):
    """Where a document of the plan stands."""

    ISSUED = "issued"        # in the journal and written, unchanged since
    CHANGED = "changed"      # issued, but its data changed: the next run reissues it
    DUE = "due"              # ready to issue
    BLOCKED = "blocked"      # missing data

    @property
    def label(self) -> str:
        return {"issued": "выпущен", "changed": "будет переиздан", "due": "к выпуску",
                "blocked": "не хватает данных"}[self.value]


@dataclass
class PlanItem:
    """One document of the plan: what it is, when, where it stands and what it serves."""

    key: str
    kind: str
    title: str
    stage: Stage
    date: dt.date | None
    status: ItemStatus
    number: str | None = None
    reasons: list[str] = field(default_factory=list)
    roadmap_event: str | None = None
    records: int = 1

    def status_text(self) -> str:
        """«выпущен № 108-о/д от 27.08.2026», «к выпуску 28.09.2026», «не хватает данных: …»."""
        when = format_date(self.date, "numeric") if self.date else ""
        if self.status is ItemStatus.BLOCKED:
            return f"{self.status.label}: " + "; ".join(self.reasons)
        if self.status is ItemStatus.DUE:
            number = f", будет №\u00a0{self.number}" if self.number else ""
            return f"{self.status.label} {when}{number}".strip()
        number = f" №\u00a0{self.number}" if self.number else ""
        return f"{self.status.label}{number} от {when}"
