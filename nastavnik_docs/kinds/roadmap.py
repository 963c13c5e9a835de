"""Roadmaps (дорожные карты): one kind, every published layout, DOCX / XLSX / iCalendar.

The template ``roadmap.docx`` only places values: the context builder here lays the table
out — which cells a row has, how many grid columns each spans (the template's table has
:data:`GRID` narrow grid columns, so a cell's width is its span), which stage cells merge
vertically, how each paragraph of a cell looks — so that one template serves a table of
stage rows (Ессентуки, Ижевск) and one of merged stage columns (Санкт-Петербург,
Спасск-Дальний, Северодвинск), with four or five columns and any headings.

The kind also has an XLSX workbook (table + month grid) and an .ics calendar
(``extra_formats``): no fill-in template can hold their shape, so the engine's dedicated
writers make them from ``context.roadmap``.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import Roadmap
from ..models.roadmap import (
    COLUMN_WEIGHTS,
    AppendixMark,
    Block,
    ColumnRole,
    RoadmapRow,
    Stage,
    StageLayout,
    Stamp,
    StampSide,
    SubStage,
)
from ..ru import format_date
from ._base import Kind, register
from ._requisites import act_reference

__all__ = ["GRID", "RoadmapContext", "appendix_lines", "build_context", "column_spans", "event_paragraphs",
           "stamp_lines"]

#: Grid columns of the template's table; a cell's width is the number it spans.
GRID = 100

#: Roles whose cells sit beside the rows and merge vertically over a stage.
LEAD_ROLES = (ColumnRole.STAGE_NUMBER, ColumnRole.STAGE)

ParKind = Literal["plain", "bolditalic", "heading", "center", "bullet"]
FAMILY = "Дорожные карты"


class Par(BaseModel):
    """One paragraph of a cell: its text and its look (the template has one variant per kind)."""

    text: str = ""
    kind: ParKind = "plain"


class Cell(BaseModel):
    paragraphs: list[Par] = Field(min_length=1)
    span: int = Field(ge=1, le=GRID)


class BodyRow(BaseModel):
    """A table row; ``keep`` keeps a short row on one page (a long one may break)."""

    cells: list[Cell]
    keep: bool = True


#: Characters of 12 pt text per line in a cell one grid column wide (landscape A4).
CHARS_PER_SPAN = 1.2
#: A row estimated at more lines than this may break across pages (never clipped).
KEEP_LINES = 18


def _keep(cells: list[Cell]) -> bool:
    """Whether a row is short enough to keep on one page (an estimate of its lines)."""
    import math

    def lines(cell: Cell) -> int:
        per_line = max(4.0, cell.span * CHARS_PER_SPAN)
        return sum(max(1, math.ceil(len(p.text) / per_line)) for p in cell.paragraphs)

    return max(lines(c) for c in cells) <= KEEP_LINES


class StageBlock(BaseModel):
    """A stage's rows; ``number`` / ``title`` fill the merged lead cells when stages are columns."""

    number: str = ""
    title: str = ""
    rows: list[BodyRow]


class TableLayout(BaseModel):
    head: list[list[Cell]]
    stages: list[StageBlock]
    lead_stage_number: bool = False
    lead_stage: bool = False
    stage_number_span: int = 1
    stage_span: int = 1


class StampBlock(BaseModel):
    lines: list[str]


class RoadmapContext(BaseModel):
    """What ``roadmap.docx`` sees. ``roadmap`` is the input itself, for the XLSX and .ics writers."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    roadmap: Roadmap
    organization_lines: list[str]
    agreement: list[StampBlock]
    approval: list[StampBlock]
    has_stamps: bool
    has_cover: bool
    cover_title: str
    approval_note: str
    place_line: str
    title: str
    title_lines: list[str]
    has_note: bool
    note_title: str
    note: list[Par]
    table: TableLayout
    has_targets: bool
    targets_title: str
    targets_intro: str
    targets: list[str]
    font_name: str = "Times New Roman"
    font_size: float = 14


# --------------------------------------------------------------------------- stamps


def stamp_lines(stamp: Stamp) -> list[str]:
    """The printed lines of a stamp, in the order of requisites 16/20 of ГОСТ Р 7.0.97-2025:
    the word, the act, the post, the signature with initials and surname, the date (the act
    last when the stamp was published so, ``reference_last``). Multi-line wordings keep
    their line breaks."""
    lines: list[str] = []
    if stamp.heading:
        lines.append(stamp.heading)
    act: list[str] = []
    if stamp.reference:
        act = stamp.reference.split("\n")
    elif stamp.act:
        act = [f"{stamp.act} {act_reference(stamp.act_date, stamp.act_number)}"]
    if not stamp.reference_last:
        lines += act
    if stamp.post:
        lines.append(stamp.post)
    if stamp.signature_line:
        lines.append(f"______________ {stamp.signer or ''}".rstrip())
    elif stamp.signer:
        lines.append(stamp.signer)
    if stamp.signed:
        lines.append(stamp.signed)
    elif stamp.signed_on:
        lines.append(format_date(stamp.signed_on, "quoted"))
    if stamp.reference_last:
        lines += act
    return [nbsp(line) for line in lines]


def appendix_lines(mark: AppendixMark) -> list[str]:
    """The appendix mark (requisite 19) as published, or composed: «Приложение 1» /
    «к приказу директора … от 01.09.2025 № 45»."""
    if mark.text:
        return [nbsp(line.strip()) for line in mark.text.split("\n") if line.strip()]
    lines = [f"Приложение {mark.number}" if mark.number else "Приложение"]
    if mark.act:
        lines.append(f"{mark.act} {act_reference(mark.act_date, mark.act_number)}")
    return [nbsp(line) for line in lines]


# --------------------------------------------------------------------------- table


def column_spans(roles: list[ColumnRole]) -> list[int]:
    """Grid spans of the columns, proportional to ``COLUMN_WEIGHTS``, summing to :data:`GRID`."""
    weights = [COLUMN_WEIGHTS[r] for r in roles]
    total = sum(weights)
    spans = [max(3, round(GRID * w / total)) for w in weights]
    widest = spans.index(max(spans))
    spans[widest] += GRID - sum(spans)
    return spans


_NBSP_BEFORE = re.compile(r"(?<=\d) (?=(?:г|гг|года?)\b\.?)")
_NBSP_AFTER = re.compile(r"(?<=№) (?=\S)|(?<=\b[А-ЯЁ]\.) (?=[А-ЯЁ][а-яё])")


def nbsp(text: str) -> str:
    """No-break spaces of ГОСТ typography that keep a line from ending badly:
    «2022\u00a0г.», «№\u00a024», «О.М.\u00a0Грудцина» (the data keeps its ordinary spaces)."""
    return _NBSP_AFTER.sub("\u00a0", _NBSP_BEFORE.sub("\u00a0", text))


def _pars(text: str | None, kind: ParKind = "plain") -> list[Par]:
    return [Par(text=nbsp(text or ""), kind=kind)]


def _block_par(block: Block) -> Par:
    """A paragraph, or a bullet item with its marker and a tab."""
    return Par(text=f"{block.bullet}\t{block.text}", kind="bullet") if block.bullet else Par(text=block.text)


def event_paragraphs(row: RoadmapRow) -> list[Par]:
    """The event cell: title, paragraphs and bullet items, numbered activities with their items."""
    pars: list[Par] = []
    if row.title:
        pars.append(Par(text=row.title))
    pars.extend(_block_par(block) for block in row.details)
    for act in row.activities:
        pars.append(Par(text=f"{act.number} {act.text}" if act.number else act.text))
        pars.extend(_block_par(item) for item in act.items)
    return pars or _pars("")


def _row_cell(role: ColumnRole, row: RoadmapRow, sub: SubStage | None, first_of_sub: bool,
              span: int) -> Cell:
    if role is ColumnRole.NUMBER:
        return Cell(paragraphs=_pars(row.number, "center"), span=span)
    if role is ColumnRole.TITLE:
        return Cell(paragraphs=event_paragraphs(row), span=span)
    if role is ColumnRole.CONTENT:
        return Cell(paragraphs=[_block_par(b) for b in row.content] or _pars(""), span=span)
    if role is ColumnRole.SUBSTAGE:
        text = ""
        if sub is not None and first_of_sub:
            text = " ".join(x for x in (sub.number, sub.title) if x)
        return Cell(paragraphs=_pars(text), span=span)
    value = {ColumnRole.DEADLINE: row.deadline, ColumnRole.RESPONSIBLE: row.responsible,
             ColumnRole.RESULT: row.result, ColumnRole.DOCUMENT: row.document}.get(role)
    return Cell(paragraphs=_pars(value), span=span)


def _layout(roadmap: Roadmap) -> TableLayout:
    roles = [c.role for c in roadmap.columns]
    spans = column_spans(roles)
    span_of = dict(zip(roles, spans))
    head = [[Cell(paragraphs=_pars(c.heading, "heading"), span=s)
             for c, s in zip(roadmap.columns, spans)]]
    if roadmap.column_numbers:
        head.append([Cell(paragraphs=_pars(str(i), "center"), span=s)
                     for i, s in enumerate(spans, start=1)])
    as_column = roadmap.stages_as_column
    body_roles = [r for r in roles if not (as_column and r in LEAD_ROLES)]
    blocks: list[StageBlock] = []
    for stage in roadmap.stages:
        rows: list[BodyRow] = []
        if not as_column and stage.printed:
            rows.append(_stage_row(stage, roadmap.stage_layout, roles, spans))
        groups: list[tuple[SubStage | None, list[RoadmapRow]]] = [(None, stage.rows)] if stage.rows else []
        groups += [(sub, sub.rows) for sub in stage.substages]
        for sub, sub_rows in groups:
            if sub is not None and not as_column and not roadmap.has(ColumnRole.SUBSTAGE):
                rows.append(_substage_row(sub, roles, spans))
            for i, row in enumerate(sub_rows):
                cells = [_row_cell(r, row, sub, i == 0, span_of[r]) for r in body_roles]
                rows.append(BodyRow(cells=cells, keep=_keep(cells)))
        if as_column and not rows:  # a stage without rows still shows in its column
            rows.append(BodyRow(cells=[Cell(paragraphs=_pars(""), span=span_of[r])
                                       for r in body_roles]))
        blocks.append(StageBlock(number=stage.number or "", title=stage.title or "", rows=rows))
    return TableLayout(
        head=head, stages=blocks,
        lead_stage_number=as_column and ColumnRole.STAGE_NUMBER in roles,
        lead_stage=as_column,
        stage_number_span=span_of.get(ColumnRole.STAGE_NUMBER, 1),
        stage_span=span_of.get(ColumnRole.STAGE, 1),
    )


def _stage_row(stage: Stage, layout: StageLayout, roles: list[ColumnRole], spans: list[int]) -> BodyRow:
    """A stage row across the table, or its number in the «№» column and its title across
    the rest (``StageLayout.NUMBER_CELL``)."""
    if layout is StageLayout.NUMBER_CELL and stage.number and stage.title and roles[0] is ColumnRole.NUMBER:
        return BodyRow(cells=[Cell(paragraphs=_pars(stage.number, "heading"), span=spans[0]),
                              Cell(paragraphs=_pars(stage.title, "heading"), span=GRID - spans[0])])
    return BodyRow(cells=[Cell(paragraphs=_pars(stage.heading, "heading"), span=GRID)])


def _substage_row(sub: SubStage, roles: list[ColumnRole], spans: list[int]) -> BodyRow:
    """A sub-stage heading inside a table of stage rows: its number in the «№» column and
    its title across the rest, or the whole line across the table."""
    if ColumnRole.NUMBER in roles and roles[0] is ColumnRole.NUMBER and sub.number:
        return BodyRow(cells=[Cell(paragraphs=_pars(sub.number, "center"), span=spans[0]),
                              Cell(paragraphs=_pars(sub.title, "bolditalic"), span=GRID - spans[0])])
    text = " ".join(x for x in (sub.number, sub.title) if x)
    return BodyRow(cells=[Cell(paragraphs=_pars(text, "bolditalic"), span=GRID)])


# --------------------------------------------------------------------------- context


def build_context(roadmap: Roadmap) -> RoadmapContext:
    org = roadmap.organization
    note = roadmap.note
    note_pars = [_block_par(b) for b in (note.blocks if note else [])]
    # left and right of the page: the appendix mark first at the right, then the stamps
    agreement = [StampBlock(lines=stamp_lines(s)) for s in roadmap.stamps if s.placed is StampSide.LEFT]
    approval = [StampBlock(lines=appendix_lines(roadmap.appendix))] if roadmap.appendix else []
    approval += [StampBlock(lines=stamp_lines(s)) for s in roadmap.stamps if s.placed is StampSide.RIGHT]
    targets = roadmap.target_lines() if roadmap.show_targets else []
    return RoadmapContext(
        roadmap=roadmap,
        organization_lines=roadmap.organization_name_lines,
        agreement=agreement,
        approval=approval,
        has_stamps=bool(agreement or approval),
        has_cover=bool(roadmap.cover_title),
        cover_title=roadmap.cover_title or "",
        approval_note=roadmap.approval_note or "",
        place_line=roadmap.place_line or "",
        title=roadmap.title,
        title_lines=roadmap.title_lines,
        has_note=note is not None,
        note_title=note.title if note else "",
        note=note_pars,
        table=_layout(roadmap),
        has_targets=bool(targets),
        targets_title=roadmap.targets_title or ("Целевые показатели" if targets else ""),
        targets_intro=roadmap.targets_intro or "",
        targets=targets,
        font_name=org.font_name if org else "Times New Roman",
        font_size=org.font_size if org else 14,
    )


register(Kind(
    id="roadmap",
    title="Дорожная карта",
    build_context=build_context,
    extra_formats=(".xlsx", ".ics"),
    family=FAMILY,
    description="План мероприятий (дорожная карта) внедрения целевой модели наставничества: "
                "таблица со своими столбцами и этапами, календарная сетка по месяцам, календарь .ics",
    samples=(
        "roadmaps/essentuki.yaml",
        "roadmaps/izhevsk_it_lyceum_24.yaml",
        "roadmaps/spb_pushkin_cppmsp.yaml",
        "roadmaps/spassk_dalny.yaml",
        "roadmaps/severodvinsk_college.yaml",
        "roadmaps/school_12_new.yaml",
    ),
    output_name="Дорожная карта",
    sample_names={
        "roadmaps/essentuki.yaml": "Управление образования г. Ессентуки",
        "roadmaps/izhevsk_it_lyceum_24.yaml": "ИТ-лицей № 24, Ижевск",
        "roadmaps/spb_pushkin_cppmsp.yaml": "ЦППМСП Пушкинского района, Санкт-Петербург",
        "roadmaps/spassk_dalny.yaml": "Управление образования ГО Спасск-Дальний",
        "roadmaps/severodvinsk_college.yaml": "Северодвинский колледж управления и ИТ",
        "roadmaps/school_12_new.yaml": "МБОУ «СОШ № 12», 2025–2026",
    },
))
