"""A roadmap table of a Word document read on the XML level, as a person sees it: merged
cells (``gridSpan``, ``vMerge``), text split across runs, line breaks, tabs, paragraph
alignment and Word's own numbered and bulleted lists (the number Word prints, «1.», «а)»,
is computed from ``numbering.xml``, since it is not in the text); the header row's columns
recognised by their headings; a table continued in a second Word table after a page break
read as one. :mod:`._roadmap_rows` builds the rows into stages and events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from ..models.roadmap import ColumnRole

__all__ = ["Cell", "ListNumbering", "Para", "TableColumns", "find_tables", "read_para",
           "recognise_heading", "table_rows"]


# --------------------------------------------------------------------------- headings

#: Heading patterns → column roles, tried in order. The README lists them for users.
HEADING_RULES: list[tuple[str, ColumnRole]] = [
    (r"подэтап", ColumnRole.SUBSTAGE),
    (r"^содержание\s+(деятельност|работ)", ColumnRole.TITLE),  # CONTENT when «Мероприятия» is there too
    (r"мероприят|вид\s+деятельност|^содержание|^действи", ColumnRole.TITLE),
    (r"^(этап|этапы|наименование\s+этапа|направлени[ея]|раздел|задач)", ColumnRole.STAGE),
    (r"срок|дата|период", ColumnRole.DEADLINE),
    (r"ответствен|исполнител", ColumnRole.RESPONSIBLE),
    (r"результат|итог|показател", ColumnRole.RESULT),
    (r"вид\s+документа|документ|форма\s+отч[её]т|отч[её]тн", ColumnRole.DOCUMENT),
    (r"^(№|n|nn|no|номер)\b|^№|п/п|^пп$", ColumnRole.NUMBER),
]


def recognise_heading(text: str) -> ColumnRole | None:
    """The role of a column from its heading, or None."""
    key = " ".join(text.lower().replace("ё", "е").split())
    for pattern, role in HEADING_RULES:
        if re.search(pattern, key):
            return role
    return None


# --------------------------------------------------------------------------- lists


class ListNumbering:
    """The markers Word prints before list paragraphs («1.», «2)», «а)», «•»), counted in
    reading order per list instance and level, as Word counts them."""

    def __init__(self, document: Any) -> None:
        self._levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self._style_num: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, list[int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            numbering = None
        if numbering is not None:
            abstract: dict[str, Any] = {a.get(qn("w:abstractNumId")): a for a in numbering.iter(qn("w:abstractNum"))}
            for num in numbering.iter(qn("w:num")):
                ref = num.find(qn("w:abstractNumId"))
                definition = abstract.get(ref.get(qn("w:val"))) if ref is not None else None
                if definition is None:
                    continue
                starts = {int(o.get(qn("w:ilvl"), "0")): int(so.get(qn("w:val")))
                          for o in num.iter(qn("w:lvlOverride"))
                          if (so := o.find(qn("w:startOverride"))) is not None}
                for lvl in definition.iter(qn("w:lvl")):
                    fmt = lvl.find(qn("w:numFmt"))
                    text = lvl.find(qn("w:lvlText"))
                    start = lvl.find(qn("w:start"))
                    ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                    self._levels[(num.get(qn("w:numId")), ilvl)] = (
                        fmt.get(qn("w:val")) if fmt is not None else "decimal",
                        text.get(qn("w:val")) if text is not None else "%1.",
                        starts.get(ilvl, int(start.get(qn("w:val"))) if start is not None else 1))
        for style in document.styles.element.iter(qn("w:style")):
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is not None:
                num_id = num_pr.find(qn("w:numId"))
                ilvl = num_pr.find(qn("w:ilvl"))
                if num_id is not None:
                    self._style_num[style.get(qn("w:styleId"))] = (
                        num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0)

    def marker(self, p: Any) -> str | None:
        """The marker of a list paragraph, or None when it is not one."""
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            return None
        num_pr = ppr.find(qn("w:numPr"))
        num_id, ilvl = None, 0
        if num_pr is not None:
            nid, lvl = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
            num_id = nid.get(qn("w:val")) if nid is not None else None
            ilvl = int(lvl.get(qn("w:val"))) if lvl is not None else 0
        else:
            style = ppr.find(qn("w:pStyle"))
            found = self._style_num.get(style.get(qn("w:val"))) if style is not None else None
            if found is None:
                return _style_marker(style)
            num_id, ilvl = found
        if num_id is None or num_id == "0":
            return None
        fmt, text, start = self._levels.get((num_id, ilvl), ("bullet", "•", 1))
        if fmt in ("bullet", "none"):
            return text if text in ("-", "–", "—", "*", "✓", "✔", "•") else "•"
        counters = self._counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            counters.append(0)
        del counters[ilvl + 1:]
        counters[ilvl] += 1
        marker = text
        for level, count in enumerate(counters, start=1):
            value = count + start - 1 if level == ilvl + 1 else count
            marker = marker.replace(f"%{level}", _format_number(value, fmt if level == ilvl + 1 else "decimal"))
        return marker


def _style_marker(style: Any) -> str | None:
    """A list style without numbering of its own («Маркированный список»)."""
    name = (style.get(qn("w:val")) or "").lower() if style is not None else ""
    return "•" if name.startswith(("listbullet", "listnumber", "маркированный", "нумерованный")) else None


_RUSSIAN_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def _format_number(n: int, fmt: str) -> str:
    if fmt == "russianLower":
        return _RUSSIAN_LETTERS[(n - 1) % len(_RUSSIAN_LETTERS)]
    if fmt == "russianUpper":
        return _RUSSIAN_LETTERS[(n - 1) % len(_RUSSIAN_LETTERS)].upper()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


# --------------------------------------------------------------------------- XML reading


@dataclass
class Para:
    """A paragraph as read: its text (line breaks kept, tabs and runs of spaces as one
    space), ``raw`` with tabs and spaces as typed, mostly bold or not, its alignment and the
    marker Word prints before it when it is a list paragraph."""

    text: str
    bold: bool = False
    marker: str | None = None
    align: str | None = None
    raw: str = ""

    @property
    def listed(self) -> bool:
        return self.marker is not None


def read_para(p: Any, numbering: ListNumbering | None = None) -> Para:
    """A ``w:p`` element as a person reads it."""
    parts: list[str] = []
    bold_chars = total_chars = 0
    for run in p.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        b_el = rpr.find(qn("w:b")) if rpr is not None else None
        bold = b_el is not None and b_el.get(qn("w:val")) not in ("0", "false")
        for el in run:
            if el.tag == qn("w:t"):
                parts.append(el.text or "")
                n = len((el.text or "").strip())
                total_chars += n
                bold_chars += n if bold else 0
            elif el.tag == qn("w:tab"):
                parts.append("\t")
            elif el.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
    ppr = p.find(qn("w:pPr"))
    jc = ppr.find(qn("w:jc")) if ppr is not None else None
    align = jc.get(qn("w:val")) if jc is not None else None
    if ppr is not None and align is None:
        ind = ppr.find(qn("w:ind"))
        left = ind.get(qn("w:left")) or ind.get(qn("w:start")) if ind is not None else None
        if left and left.lstrip("-").isdigit() and int(left) >= 5000:  # ≈ 9 cm: the right half of a page
            align = "indented"
    marker = numbering.marker(p) if numbering is not None else _style_marker(
        ppr.find(qn("w:pStyle")) if ppr is not None else None)
    # no-break spaces are typography, not content: read as ordinary spaces
    raw = "".join(parts).replace("\u00a0", " ").replace("\r", "")
    text = "\n".join(re.sub(r"[ \t]+", " ", line).strip(" ") for line in raw.split("\n"))
    return Para(text=text.strip("\n"), bold=bool(total_chars) and bold_chars == total_chars,
                marker=marker, align=align, raw=raw.strip("\n"))


@dataclass
class Cell:
    """A table cell on the grid: where it starts, how many columns it spans, its vertical
    merge and its paragraphs."""

    start: int  # first grid column
    span: int
    vmerge: str | None  # None, "restart" or "continue"
    paras: list[Para] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras if p.text)

    @property
    def end(self) -> int:
        return self.start + self.span


def read_cells(tr: Any, numbering: ListNumbering | None) -> list[Cell]:
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
        paras = [read_para(p, numbering) for p in tc.iter(qn("w:p"))]
        out.append(Cell(pos, span, vmerge, [p for p in paras if p.text]))
        pos += span
    return out


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
    headings = [" ".join(c.text.split()) for c in cells]
    fixed = list(roles)
    # «Мероприятия» and «Содержание деятельности»: the second holds the event's content
    titles = [i for i, r in enumerate(fixed) if r is ColumnRole.TITLE]
    if len(titles) == 2:
        content = next((i for i in titles if headings[i].lower().startswith("содержание")), titles[1])
        fixed[content] = ColumnRole.CONTENT
    # «Ожидаемые результаты» and «Вид документа»
    results = [i for i, r in enumerate(fixed) if r is ColumnRole.RESULT]
    if len(results) == 2 and ColumnRole.DOCUMENT not in fixed:
        document = next((i for i in results if "документ" in headings[i].lower()), results[1])
        fixed[document] = ColumnRole.DOCUMENT
    used: set[ColumnRole] = set()
    for i, role in enumerate(fixed):
        if role in used:
            fixed[i] = None  # a second column of the same kind: reported, not guessed
        elif role is not None:
            used.add(role)
    # «N» right before the stage column numbers the stages, not the events
    if ColumnRole.STAGE in fixed and ColumnRole.NUMBER in fixed and \
            fixed.index(ColumnRole.NUMBER) < fixed.index(ColumnRole.STAGE):
        fixed[fixed.index(ColumnRole.NUMBER)] = ColumnRole.STAGE_NUMBER
    return TableColumns(roles=fixed, headings=headings, starts=[c.start for c in cells])


@dataclass
class FoundTable:
    """The roadmap table: its Word tables (a table broken across pages may be several),
    their rows, the header's index in the first and its columns."""

    elements: list[Any]
    rows: list[list[Cell]]
    header_at: int
    columns: TableColumns


def find_tables(doc: Any, numbering: ListNumbering) -> FoundTable | None:
    """The largest table with a roadmap header, with the Word tables that continue it (the
    next tables with as many columns, only empty paragraphs between)."""
    body = [el for el in doc.element.body.iterchildren() if el.tag in (qn("w:p"), qn("w:tbl"))]
    best: FoundTable | None = None
    for i, el in enumerate(body):
        if el.tag != qn("w:tbl"):
            continue
        rows = [read_cells(tr, None) for tr in el.iter(qn("w:tr")) if tr.getparent() is el]
        found = _find_header(rows)
        if found is None or (best is not None and len(rows) <= len(best.rows)):
            continue
        elements = [el]
        width = _grid_width(el)
        for nxt in body[i + 1:]:
            if nxt.tag == qn("w:p"):
                if read_para(nxt).text:
                    break
                continue
            if _grid_width(nxt) != width:
                break
            elements.append(nxt)
        best = FoundTable(elements, rows, found[0], found[1])
    if best is None:
        return None
    # read again with list numbering, counted in reading order over all the parts
    best.rows = [read_cells(tr, numbering) for el in best.elements
                 for tr in el.iter(qn("w:tr")) if tr.getparent() is el]
    return best


def _grid_width(tbl: Any) -> int:
    grid = tbl.find(qn("w:tblGrid"))
    return len(grid.findall(qn("w:gridCol"))) if grid is not None else 0


def _numbers_row(texts: list[str]) -> bool:
    return bool(texts) and [t.rstrip(".") for t in texts] == [str(i) for i in range(1, len(texts) + 1)]


def table_rows(rows: list[list[Cell]], header_at: int) -> tuple[list[tuple[int, list[Cell]]], bool]:
    """The body rows after the header (each with its index in the table), without the
    column-number row («1 2 3 4») and the header repeated mid-table; and whether the
    column-number row was there."""
    body = list(enumerate(rows))[header_at + 1:]
    numbers = bool(body) and _numbers_row([c.text for c in body[0][1]])
    if numbers:
        body = body[1:]
    header = [c.text for c in rows[header_at]]
    kept = []
    for i, cells in body:
        texts = [c.text for c in cells]
        if texts == header or (numbers and _numbers_row(texts)):
            continue  # the header (or the column numbers) repeated on a new page
        kept.append((i, cells))
    return kept, numbers
