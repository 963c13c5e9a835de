"""The roadmap table of a Word document, read on the XML level: merged cells (``gridSpan``,
``vMerge``), text split across runs, line breaks, tabs and Word's own list paragraphs, as a
person sees them; the header row's columns recognised by their headings; the rows built
into stages, sub-stages and events (see :mod:`.roadmap_docx` for the rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from ..models.roadmap import Activity, Block, ColumnRole, RoadmapRow, Stage, SubStage

__all__ = ["Cell", "Para", "TableBuilder", "TableColumns", "pick_table", "read_para", "recognise_heading", "table_rows", "to_block"]


# --------------------------------------------------------------------------- headings

_HEADING_RULES: list[tuple[str, ColumnRole]] = [
    (r"подэтап", ColumnRole.SUBSTAGE),
    (r"мероприят|содержание\s+деятельност|содержание\s+работ|вид\s+деятельност", ColumnRole.TITLE),
    (r"^(этап|этапы|наименование\s+этапа|направлени[ея]|раздел)", ColumnRole.STAGE),
    (r"срок", ColumnRole.DEADLINE),
    (r"ответствен|исполнител", ColumnRole.RESPONSIBLE),
    (r"результат|вид\s+документа|итог|показател", ColumnRole.RESULT),
    (r"^(№|n|no|номер)\b|^№|п/п", ColumnRole.NUMBER),
]


def recognise_heading(text: str) -> ColumnRole | None:
    """The role of a column from its heading, or None."""
    key = " ".join(text.lower().replace("ё", "е").split())
    for pattern, role in _HEADING_RULES:
        if re.search(pattern, key):
            return role
    return None


# --------------------------------------------------------------------------- XML reading

_BULLETS = "✓✔•·▪●◦○■□➢►–—-*"
_BULLET_RE = re.compile(rf"^([{re.escape(_BULLETS)}])[\s\u00a0]+(.*)$", re.S)
_ACTIVITY_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)])\s+(\S.*)$", re.S)
_STAGE_NUMBER_RE = re.compile(
    r"^((?:[IVXLC]+|\d{1,2})(?:\.|\))?(?:\s*этап\.?)?)\s+(\S.*)$", re.S)


@dataclass
class Para:
    """A paragraph as read: its text (line breaks and tabs kept), mostly bold or not."""

    text: str
    bold: bool = False
    listed: bool = False  # a paragraph of a Word list (numPr)


@dataclass
class Cell:
    """A table cell on the grid: where it starts, how many columns it spans, its vertical
    merge and its paragraphs."""

    start: int  # first grid column
    span: int
    vmerge: str | None  # None, "restart" or "continue"
    paras: list[Para]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras if p.text)

    @property
    def end(self) -> int:
        return self.start + self.span


def read_para(p: Any) -> Para:
    """A ``w:p`` element as a person reads it."""
    parts: list[str] = []
    bold_chars = total_chars = 0
    for run in p.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        b = rpr is not None and rpr.find(qn("w:b")) is not None and \
            rpr.find(qn("w:b")).get(qn("w:val")) not in ("0", "false")
        for el in run:
            if el.tag == qn("w:t"):
                parts.append(el.text or "")
                n = len((el.text or "").strip())
                total_chars += n
                bold_chars += n if b else 0
            elif el.tag == qn("w:tab"):
                parts.append("\t")
            elif el.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
    ppr = p.find(qn("w:pPr"))
    listed = ppr is not None and ppr.find(qn("w:numPr")) is not None
    if ppr is not None and not listed:  # a list style («List Bullet», «Маркированный список»)
        style = ppr.find(qn("w:pStyle"))
        name = (style.get(qn("w:val")) or "").lower() if style is not None else ""
        listed = name.startswith(("listbullet", "listnumber", "маркированный", "нумерованный"))
    # no-break spaces are typography, not content: read as ordinary spaces
    text = "".join(parts).replace("\u00a0", " ")
    text = "\n".join(re.sub(r"[ \t\r]+", " ", line).strip(" ") for line in text.split("\n"))
    return Para(text=text.strip("\n"), bold=bool(total_chars) and bold_chars == total_chars,
                 listed=listed)


def _cells(tr: Any) -> list[Cell]:
    out: list[Cell] = []
    pos = 0
    trpr = tr.find(qn("w:trPr"))
    if trpr is not None:
        before = trpr.find(qn("w:gridBefore"))
        if before is not None:
            pos = int(before.get(qn("w:val"), "0"))
    for tc in tr.iter(qn("w:tc")):
        if tc.getparent() is not tr:
            continue  # a nested table's cell
        tcpr = tc.find(qn("w:tcPr"))
        span, vmerge = 1, None
        if tcpr is not None:
            gs = tcpr.find(qn("w:gridSpan"))
            if gs is not None:
                span = int(gs.get(qn("w:val"), "1"))
            vm = tcpr.find(qn("w:vMerge"))
            if vm is not None:
                vmerge = vm.get(qn("w:val")) or "continue"
        paras = [read_para(p) for p in tc.iter(qn("w:p"))]
        out.append(Cell(pos, span, vmerge, [p for p in paras if p.text or p.listed]))
        pos += span
    return out


def _is_header_row(tr: Any) -> bool:
    trpr = tr.find(qn("w:trPr"))
    return trpr is not None and trpr.find(qn("w:tblHeader")) is not None


# --------------------------------------------------------------------------- the table


@dataclass
class TableColumns:
    """The columns of the header row: each one's role (None when not recognised), heading
    and grid start."""

    roles: list[ColumnRole | None]
    headings: list[str]
    starts: list[int]  # grid start of each column

    def role_at(self, cell: Cell) -> ColumnRole | None:
        for role, start in zip(self.roles, self.starts):
            if cell.start == start:
                return role
        return None


def _find_header(rows: list[list[Cell]]) -> tuple[int, TableColumns] | None:
    for i, cells in enumerate(rows[:6]):
        roles = [recognise_heading(c.text) if c.text else None for c in cells]
        known = [r for r in roles if r is not None]
        if len(known) >= 2 and ColumnRole.TITLE in known or len(set(known)) >= 3:
            return i, _columns(cells, roles)
    return None


def _columns(cells: list[Cell], roles: list[ColumnRole | None]) -> TableColumns:
    fixed: list[ColumnRole | None] = []
    used: set[ColumnRole] = set()
    for role in roles:
        if role in used:
            role = None  # a second column of the same kind: reported, not guessed
        fixed.append(role)
        if role is not None:
            used.add(role)
    # «N» right before the stage column numbers the stages, not the events
    if ColumnRole.STAGE in fixed and ColumnRole.NUMBER in fixed and \
            fixed.index(ColumnRole.NUMBER) < fixed.index(ColumnRole.STAGE):
        fixed[fixed.index(ColumnRole.NUMBER)] = ColumnRole.STAGE_NUMBER
    return TableColumns(roles=fixed, headings=[c.text.replace("\n", " ") for c in cells],
                    starts=[c.start for c in cells])


def pick_table(doc: Any) -> tuple[Any, list[list[Cell]], int, TableColumns] | None:
    """The largest table with a roadmap header: the table, its rows read, the header's
    index and its columns."""
    best = None
    for table in doc.tables:
        rows = [_cells(tr) for tr in table._tbl.tr_lst]
        found = _find_header(rows)
        if found is None:
            continue
        if best is None or len(rows) > len(best[1]):
            best = (table, rows, found[0], found[1])
    return best


def _event(paras: list[Para]) -> dict[str, Any]:
    """Title, paragraphs, bullet items or numbered activities of an event cell."""
    paras = [p for p in paras if p.text]
    if not paras:
        return {}
    first = _ACTIVITY_RE.match(paras[0].text)
    if first:
        activities: list[Activity] = []
        for p in paras:
            m = _ACTIVITY_RE.match(p.text)
            if m:
                activities.append(Activity(number=m.group(1), text=m.group(2).strip()))
            else:
                activities[-1].items.append(to_block(p))
        return {"activities": activities}
    return {"title": paras[0].text, "details": [to_block(p) for p in paras[1:]]}


def to_block(p: Para) -> Block:
    """A paragraph as a block: a bullet item when it starts with a marker or is a Word list."""
    m = _BULLET_RE.match(p.text)
    if m:
        return Block(bullet=m.group(1), text=m.group(2).strip())
    if p.listed:
        return Block(bullet="•", text=p.text)
    return Block(text=p.text)


def _split_stage(text: str) -> tuple[str | None, str]:
    m = _STAGE_NUMBER_RE.match(text.strip())
    if m and (re.match(r"^[IVXLC]+", m.group(1)) or "этап" in m.group(1) or "." in m.group(1)
              or ")" in m.group(1)):
        return m.group(1), m.group(2).strip()
    return None, text.strip()


def _join(paras: list[Para]) -> str | None:
    text = "\n".join(p.text for p in paras if p.text)
    return text or None


class TableBuilder:
    """Builds the stages of a roadmap from the table's body rows, one row at a time; what it
    cannot place goes to ``unplaced``."""

    def __init__(self, columns: TableColumns, unplaced: list[str]) -> None:
        self.columns = columns
        self.unplaced = unplaced
        self.stages: list[Stage] = []
        self.as_column = ColumnRole.STAGE in columns.roles

    # -- targets of rows
    def _stage(self) -> Stage:
        if not self.stages:
            self.stages.append(Stage(title="Без этапа"))
            self.unplaced.append("Строки до первого этапа собраны в этап «Без этапа»")
        return self.stages[-1]

    def _add_row(self, row: RoadmapRow, sub: SubStage | None) -> None:
        stage = self._stage()
        if sub is not None:
            sub.rows.append(row)
        elif stage.substages:
            stage.substages[-1].rows.append(row)
        else:
            stage.rows.append(row)

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
        spans_all = len(cells) == 1 or (len(filled) == 1 and self._covers_most(filled[0]))
        if not self.as_column and spans_all:
            number, title = _split_stage(filled[0].text.replace("\n", " "))
            text_cell = filled[0]
            number_cell = by_role.get(ColumnRole.NUMBER)
            if number_cell is not None and number_cell is not text_cell and number_cell.text:
                self._stage().substages.append(SubStage(number=number_cell.text, title=text_cell.text))
            elif self.stages and number and not re.match(r"^[IVXLC]+", number) and "этап" not in number:
                self._stage().substages.append(SubStage(number=number, title=title))
            else:
                self.stages.append(Stage(number=number, title=title))
            return
        if not self.as_column:
            number_cell, title_cell = by_role.get(ColumnRole.NUMBER), by_role.get(ColumnRole.TITLE)
            others = [c for r, c in by_role.items() if r not in (ColumnRole.NUMBER, ColumnRole.TITLE)]
            if number_cell is not None and title_cell is not None and number_cell.text \
                    and not any(c.text for c in others) and title_cell.paras \
                    and all(p.bold for p in title_cell.paras) and self.stages \
                    and (title_cell.span > 1 or len(title_cell.paras) == 1):
                self._stage().substages.append(SubStage(number=number_cell.text, title=title_cell.text))
                return
        if self.as_column:
            self._stage_cells(by_role)
        sub = self._substage(by_role)
        fields = _event(by_role[ColumnRole.TITLE].paras) if ColumnRole.TITLE in by_role else {}
        values = {"number": ColumnRole.NUMBER, "deadline": ColumnRole.DEADLINE,
                  "responsible": ColumnRole.RESPONSIBLE, "result": ColumnRole.RESULT}
        for key, role in values.items():
            if role in by_role:
                fields[key] = _join(by_role[role].paras)
        for cell in stray:
            if cell.text:
                self.unplaced.append(f"Строка {index + 1}: текст вне столбцов таблицы: «{cell.text}»")
        if not (fields.get("title") or fields.get("details") or fields.get("activities")):
            rest = "; ".join(f"{k}: {v}" for k, v in fields.items() if v)
            if rest:
                self.unplaced.append(f"Строка {index + 1}: нет наименования мероприятия ({rest})")
            return
        self._add_row(RoadmapRow(**fields), sub)

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
            title = (stage_cell.text.replace("\n", " ") if stage_cell is not None else "") or "Без названия"
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


def table_rows(rows: list[list[Cell]], header_at: int) -> tuple[list[list[Cell]], bool]:
    """The body rows after the header, without the column-number row («1 2 3 4») and the
    header repeated mid-table; and whether the column-number row was there."""
    body = rows[header_at + 1:]
    numbers = False
    if body and all(re.fullmatch(r"\d{1,2}\.?", c.text or "") for c in body[0]) and \
            [c.text.rstrip(".") for c in body[0]] == [str(i) for i in range(1, len(body[0]) + 1)]:
        numbers = True
        body = body[1:]
    header = [c.text for c in rows[header_at]]
    kept = []
    for cells in body:
        texts = [c.text for c in cells]
        if texts == header:
            continue  # the header repeated mid-table
        if numbers and [t.rstrip(".") for t in texts] == [str(i) for i in range(1, len(texts) + 1)]:
            continue
        kept.append(cells)
    return kept, numbers
