"""The body rows of a roadmap table built into stages, sub-stages and events.

* a row with one cell across the table is a stage («I этап. …») or a sub-stage; so is a
  row whose number stands in the «№» column with the title in one cell across the rest
  («1. | Нормативное правовое регулирование …»). Which of the two: a heading numbered one
  level deeper than the current stage («1.» under «I.», «1.1.» under «1.») is a sub-stage;
  the same level is a new stage. A bold title with every other cell empty is a sub-stage;
* a stage column (merged down or left empty below) groups the rows beside it, a
  «Содержание подэтапов» column groups them into sub-stages;
* in the event cell, the first paragraph is the title and the rest are paragraphs and
  list items («✓», «–», «•», a Word list) — unless the cell starts with a list item: a
  numbered one («1.1.», «2)», a Word-numbered paragraph) makes a group of activities with
  their items, a bulleted one («– приказ …») makes the whole cell list items (the first
  item is content, not a title);
* a «Содержание деятельности» column beside «Мероприятия» keeps its paragraphs and items
  (numbered or not) as the event's ``content``.

Whatever cannot be placed is recorded as :class:`Unplaced` with the place in the YAML it
came from, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..models.roadmap import Activity, Block, ColumnRole, RoadmapRow, Stage, StageLayout, SubStage
from ._docx_table import Cell, Para, TableColumns

__all__ = ["END", "TableBuilder", "Unplaced", "to_block"]

#: ``Unplaced.at`` for text that belongs after everything else (after the table).
END: tuple[str | int, ...] = ("__end__",)

_BULLETS = "✓✔•·▪●◦○■□➢►–—-*"
_BULLET_RE = re.compile(rf"^([{re.escape(_BULLETS)}])[\s\u00a0]+(\S.*)$", re.S)
_NUMBERED_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[а-я]\))\s+(\S.*)$", re.S)
_STAGE_NUMBER_RE = re.compile(
    r"^((?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)(?:\.|\))?(?:\s*этап\.?)?)\s+(\S.*)$", re.S)


@dataclass(frozen=True)
class Unplaced:
    """Text the import could not place: a Russian description with the text, and the path
    in the roadmap's YAML it belongs next to (``("stages", 0, "rows", 2)``), or :data:`END`."""

    message: str
    at: tuple[str | int, ...] = ()


def _numbered(marker: str | None) -> bool:
    return marker is not None and bool(re.search(r"[\dA-Za-zА-Яа-я]", marker))


def to_block(p: Para, *, numbers: bool = False) -> Block:
    """A paragraph as a block: a list item when it is a Word list or starts with a marker
    («–», «•»; with ``numbers`` also «1.», «2)»)."""
    if p.marker is not None:
        return Block(bullet=p.marker, text=p.text)
    m = _BULLET_RE.match(p.text)
    if m and not re.match(r"^-?\d", p.text):
        return Block(bullet=m.group(1), text=m.group(2).strip())
    m = _NUMBERED_RE.match(p.text) if numbers else None
    if m:
        return Block(bullet=m.group(1), text=m.group(2).strip())
    return Block(text=p.text)


def _event(paras: list[Para]) -> dict[str, Any]:
    """Title, paragraphs, list items or numbered activities of an event cell."""
    paras = [p for p in paras if p.text]
    if not paras:
        return {}
    first = paras[0]
    if _numbered(first.marker) or (first.marker is None and _NUMBERED_RE.match(first.text)):
        activities: list[Activity] = []
        for p in paras:
            m = _NUMBERED_RE.match(p.text) if p.marker is None else None
            if _numbered(p.marker):
                activities.append(Activity(number=p.marker, text=p.text))
            elif m:
                activities.append(Activity(number=m.group(1), text=m.group(2).strip()))
            else:
                activities[-1].items.append(to_block(p))
        return {"activities": activities}
    if first.marker is not None or _BULLET_RE.match(first.text):
        return {"details": [to_block(p) for p in paras]}
    return {"title": first.text, "details": [to_block(p) for p in paras[1:]]}


def _split_stage(text: str) -> tuple[str | None, str]:
    m = _STAGE_NUMBER_RE.match(text.strip())
    if m and (re.match(r"^[IVXLC]+", m.group(1)) or "этап" in m.group(1) or "." in m.group(1)
              or ")" in m.group(1)):
        return m.group(1), m.group(2).strip()
    return None, text.strip()


def _depth(number: str | None) -> int:
    """0 for a Roman numeral or «этап», else the count of numbers: «1.» 1, «1.2» 2."""
    if not number:
        return 0
    if re.match(r"^[IVXLC]+\b", number) or "этап" in number:
        return 0
    return len(re.findall(r"\d+", number))


def _join(paras: list[Para]) -> str | None:
    text = "\n".join(p.text for p in paras if p.text)
    return text or None


class TableBuilder:
    """Builds the stages of a roadmap from the table's body rows, one row at a time; what it
    cannot place goes to ``unplaced``."""

    def __init__(self, columns: TableColumns, unplaced: list[Unplaced]) -> None:
        self.columns = columns
        self.unplaced = unplaced
        self.stages: list[Stage] = []
        self.as_column = ColumnRole.STAGE in columns.roles
        self.layout = StageLayout.ACROSS
        self._last_end = max(columns.starts) + 1 if columns.starts else 1

    # -- where things go
    def _stage(self) -> Stage:
        if not self.stages:
            self.stages.append(Stage())  # rows before any stage: a stage without number and title
        return self.stages[-1]

    def _path(self) -> tuple[str | int, ...]:
        """The path of the last row added (or of the current stage)."""
        if not self.stages:
            return ("stages",)
        s = len(self.stages) - 1
        stage = self.stages[-1]
        if stage.substages:
            k = len(stage.substages) - 1
            rows = stage.substages[-1].rows
            return ("stages", s, "substages", k, "rows", len(rows) - 1) if rows else ("stages", s, "substages", k)
        return ("stages", s, "rows", len(stage.rows) - 1) if stage.rows else ("stages", s)

    def _add_row(self, row: RoadmapRow, sub: SubStage | None) -> None:
        stage = self._stage()
        if sub is not None:
            sub.rows.append(row)
        elif stage.substages:
            stage.substages[-1].rows.append(row)
        else:
            stage.rows.append(row)

    def _heading(self, number: str | None, title: str, *, number_cell: bool) -> None:
        """A heading row: a new stage, or a sub-stage of the current one."""
        current = self.stages[-1] if self.stages else None
        if current is not None and number is not None and _depth(number) > _depth(current.number):
            current.substages.append(SubStage(number=number, title=title))
            return
        self.stages.append(Stage(number=number, title=title))
        if number_cell:
            self.layout = StageLayout.NUMBER_CELL

    # -- one row
    def row(self, cells: list[Cell], index: int) -> None:
        by_role: dict[ColumnRole, Cell] = {}
        stray: list[Cell] = []
        for cell in cells:
            role = self.columns.role_at(cell)
            if role is None:
                stray.append(cell)
            else:
                by_role[role] = cell
        filled = [c for c in cells if c.text]
        if not filled:
            return
        if not self.as_column and self._heading_row(cells, filled, by_role):
            return
        if self.as_column:
            self._stage_cells(by_role)
        sub = self._substage(by_role)
        fields = _event(by_role[ColumnRole.TITLE].paras) if ColumnRole.TITLE in by_role else {}
        if ColumnRole.CONTENT in by_role:
            fields["content"] = [to_block(p, numbers=True) for p in by_role[ColumnRole.CONTENT].paras]
        values = {"number": ColumnRole.NUMBER, "deadline": ColumnRole.DEADLINE,
                  "responsible": ColumnRole.RESPONSIBLE, "result": ColumnRole.RESULT,
                  "document": ColumnRole.DOCUMENT}
        for key, role in values.items():
            if role in by_role:
                fields[key] = _join(by_role[role].paras)
        if not any(fields.get(k) for k in ("title", "details", "activities", "content")):
            rest = "; ".join(f"{k}: {v}" for k, v in fields.items() if v)
            texts = rest or "; ".join(c.text for c in stray if c.text)
            if texts:
                self.unplaced.append(Unplaced(
                    f"Строка {index + 1} таблицы: нет наименования мероприятия ({texts})", self._path()))
            return
        self._add_row(RoadmapRow(**fields), sub)
        for cell in stray:
            if cell.text:
                self.unplaced.append(Unplaced(
                    f"Строка {index + 1} таблицы: текст вне распознанных столбцов: «{cell.text}»", self._path()))

    def _heading_row(self, cells: list[Cell], filled: list[Cell], by_role: dict[ColumnRole, Cell]) -> bool:
        number_cell = by_role.get(ColumnRole.NUMBER)
        if len(cells) == 1 or (len(filled) == 1 and self._covers_most(filled[0])):
            number, title = _split_stage(filled[0].text.replace("\n", " "))
            self._heading(number, title, number_cell=False)
            return True
        if number_cell is not None and number_cell.text and len(filled) == 2:
            other = next(c for c in filled if c is not number_cell)
            if other.start == number_cell.end and other.end >= self._last_end and other.span > 1:
                self._heading(number_cell.text, other.text.replace("\n", " "), number_cell=True)
                return True
        title_cell = by_role.get(ColumnRole.TITLE)
        others = [c for r, c in by_role.items() if r not in (ColumnRole.NUMBER, ColumnRole.TITLE)]
        if number_cell is not None and title_cell is not None and number_cell.text \
                and not any(c.text for c in others) and title_cell.paras \
                and all(p.bold for p in title_cell.paras) and self.stages \
                and (title_cell.span > 1 or len(title_cell.paras) == 1):
            self._stage().substages.append(SubStage(number=number_cell.text, title=title_cell.text))
            return True
        return False

    def _covers_most(self, cell: Cell) -> bool:
        """A cell reaching over more than half of the columns is a line across the table."""
        inside = [s for s in self.columns.starts if cell.start <= s < cell.end]
        return len(inside) > max(1, len(self.columns.starts) // 2)

    def _stage_cells(self, by_role: dict[ColumnRole, Cell]) -> None:
        stage_cell = by_role.get(ColumnRole.STAGE)
        number_cell = by_role.get(ColumnRole.STAGE_NUMBER)
        starts = stage_cell is not None and stage_cell.vmerge != "continue" and bool(stage_cell.text)
        if number_cell is not None and number_cell.vmerge != "continue" and number_cell.text:
            starts = True
        if starts or not self.stages:
            title = (stage_cell.text.replace("\n", " ") if stage_cell is not None else "") or None
            number = number_cell.text if number_cell is not None and number_cell.text else None
            self.stages.append(Stage(number=number, title=title))

    def _substage(self, by_role: dict[ColumnRole, Cell]) -> SubStage | None:
        cell = by_role.get(ColumnRole.SUBSTAGE)
        if cell is None:
            return None
        stage = self._stage()
        if cell.text and cell.vmerge != "continue":
            number, title = None, cell.text.replace("\n", " ")
            m = re.match(r"^(\d{1,2}[.)])\s+(\S.*)$", title)
            if m:
                number, title = m.group(1), m.group(2)
            sub = SubStage(number=number, title=title)
            stage.substages.append(sub)
            return sub
        return stage.substages[-1] if stage.substages else None
