"""Import a roadmap table from an existing Word document (``nastavnik-docs import-roadmap``).

The reader looks for the table whose header row names roadmap columns («№ п/п»,
«Наименование мероприятия», «Срок исполнения», «Ответственные», «Результат», «Этап»,
«Содержание подэтапов», «Направления» …), then walks its rows on the XML level, so that
merged cells (``gridSpan``, ``vMerge``), text split across runs, line breaks, tabs and
Word's own list paragraphs are read as a person sees them:

* a row spanning the table is a stage («I этап. …»); a number beside one cell spanning the
  rest, or a bold title with every other cell empty, is a sub-stage («1. Изучение …»);
* a stage column (merged down or left empty below) groups the rows beside it, a
  «Содержание подэтапов» column groups them into sub-stages;
* in the event cell, the first paragraph is the title and the rest are paragraphs and
  bullet items («✓», «–», «•», a Word list), unless the cell starts with a numbered
  activity («1.1.», «2)»): then it is a group of activities with their bullet items;
* the column-number row («1 2 3 4») and header rows repeated mid-table are recognised.

Around the table it reads the approval and agreement stamps, the title, an explanatory
note and target indicators. Whatever it cannot place is returned in ``unplaced`` (Russian
descriptions with the text), never dropped.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn

from ..errors import InputError, Problem
from ..models.roadmap import (
    Activity,
    Block,
    Column,
    ColumnRole,
    Period,
    Roadmap,
    RoadmapNote,
    RoadmapRow,
    Stage,
    Stamp,
    StampKind,
    SubStage,
)
from ..models.target import Target

__all__ = ["RoadmapImport", "import_roadmap", "recognise_heading"]


@dataclass
class RoadmapImport:
    """What ``import_roadmap`` read: the roadmap and the texts it could not place."""

    roadmap: Roadmap
    unplaced: list[str] = field(default_factory=list)


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
class _Para:
    text: str
    bold: bool = False
    listed: bool = False  # a paragraph of a Word list (numPr)


@dataclass
class _Cell:
    start: int  # first grid column
    span: int
    vmerge: str | None  # None, "restart" or "continue"
    paras: list[_Para]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras if p.text)

    @property
    def end(self) -> int:
        return self.start + self.span


def _para(p: Any) -> _Para:
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
    return _Para(text=text.strip("\n"), bold=bool(total_chars) and bold_chars == total_chars,
                 listed=listed)


def _cells(tr: Any) -> list[_Cell]:
    out: list[_Cell] = []
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
        paras = [_para(p) for p in tc.iter(qn("w:p"))]
        out.append(_Cell(pos, span, vmerge, [p for p in paras if p.text or p.listed]))
        pos += span
    return out


def _is_header_row(tr: Any) -> bool:
    trpr = tr.find(qn("w:trPr"))
    return trpr is not None and trpr.find(qn("w:tblHeader")) is not None


# --------------------------------------------------------------------------- the table


@dataclass
class _Columns:
    roles: list[ColumnRole | None]
    headings: list[str]
    starts: list[int]  # grid start of each column

    def role_at(self, cell: _Cell) -> ColumnRole | None:
        for role, start in zip(self.roles, self.starts):
            if cell.start == start:
                return role
        return None


def _find_header(rows: list[list[_Cell]]) -> tuple[int, _Columns] | None:
    for i, cells in enumerate(rows[:6]):
        roles = [recognise_heading(c.text) if c.text else None for c in cells]
        known = [r for r in roles if r is not None]
        if len(known) >= 2 and ColumnRole.TITLE in known or len(set(known)) >= 3:
            return i, _columns(cells, roles)
    return None


def _columns(cells: list[_Cell], roles: list[ColumnRole | None]) -> _Columns:
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
    return _Columns(roles=fixed, headings=[c.text.replace("\n", " ") for c in cells],
                    starts=[c.start for c in cells])


def _pick_table(doc: Any) -> tuple[Any, list[list[_Cell]], int, _Columns] | None:
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


def _event(paras: list[_Para]) -> dict[str, Any]:
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
                activities[-1].items.append(_block(p))
        return {"activities": activities}
    return {"title": paras[0].text, "details": [_block(p) for p in paras[1:]]}


def _block(p: _Para) -> Block:
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


def _join(paras: list[_Para]) -> str | None:
    text = "\n".join(p.text for p in paras if p.text)
    return text or None


class _Builder:
    def __init__(self, columns: _Columns, unplaced: list[str]) -> None:
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

    def row(self, cells: list[_Cell], index: int) -> None:
        by_role: dict[ColumnRole, _Cell] = {}
        stray: list[_Cell] = []
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

    def _covers_most(self, cell: _Cell) -> bool:
        """A cell reaching over more than half of the columns is a line across the table."""
        inside = [s for s in self.columns.starts if cell.start <= s < cell.end]
        return len(inside) > max(1, len(self.columns.starts) // 2)

    def _stage_cells(self, by_role: dict[ColumnRole, _Cell]) -> None:
        stage_cell = by_role.get(ColumnRole.STAGE)
        number_cell = by_role.get(ColumnRole.STAGE_NUMBER)
        starts = stage_cell is not None and stage_cell.vmerge != "continue" and bool(stage_cell.text)
        if number_cell is not None and number_cell.vmerge != "continue" and number_cell.text:
            starts = True
        if starts or not self.stages:
            title = (stage_cell.text.replace("\n", " ") if stage_cell is not None else "") or "Без названия"
            number = number_cell.text if number_cell is not None and number_cell.text else None
            self.stages.append(Stage(number=number, title=title))

    def _substage(self, by_role: dict[ColumnRole, _Cell]) -> SubStage | None:
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


def _table_rows(rows: list[list[_Cell]], header_at: int) -> tuple[list[list[_Cell]], bool]:
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


# --------------------------------------------------------------------------- around the table

_STAMP_WORD = re.compile(
    r"^(утверждаю|утверждено|утвержден[аы]?|согласовано|согласован[аы]?)\.?(?!\s+и\s+введен)(?=\s|$)",
    re.I)
_SIGNER = re.compile(r"^(_+\s*)?([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё-]+|[А-ЯЁ][а-яё-]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)$")
_DATE_LINE = re.compile(r"(\d{1,2}[.]\d{1,2}[.]\d{2,4}|«\s*\d{1,2}|\d{4}\s*г)")
_ACT_LINE = re.compile(r"(приказ|протокол|распоряжен|решени|постановлен)", re.I)
#: A line naming the plan («Дорожная карта …», «План мероприятий …») and the note's heading.
_PLAN_TITLE = re.compile(r"дорожн\w+\s+карт|план\s+мероприяти", re.I)
_NOTE_TITLE = re.compile(r"^пояснительная\s+записка", re.I)


def _block_lines(element: Any) -> list[tuple[bool, list[str]]]:
    """Text lines of a body element, grouped: a paragraph is one group (an empty one is a
    blank line), each table cell one group; the flag tells a cell from a paragraph."""
    if element.tag == qn("w:p"):
        return [(False, _para(element).text.split("\n"))]
    groups = []
    for tc in element.iter(qn("w:tc")):
        lines = [line for p in tc.iter(qn("w:p")) for line in _para(p).text.split("\n")]
        groups.append((True, lines))
    return groups


def _stamp_blocks(groups: list[tuple[bool, list[str]]]) -> list[list[str]]:
    """Lines of each stamp: from a stamp word («УТВЕРЖДАЮ», «СОГЛАСОВАНО») to a blank line
    or the end of its table cell; a table cell with a signature and no stamp word is a stamp
    published without its word (its first element is then None)."""
    blocks: list[list[Any]] = []
    current: list[Any] | None = None
    for in_cell, lines in groups:
        if in_cell:
            current = None
            if not any(_STAMP_WORD.match(x) for x in lines) and any(_SIGNER.match(x.strip()) for x in lines):
                blocks.append([None, *[x for x in lines if x.strip()]])
                continue
        for line in lines:
            if _STAMP_WORD.match(line):
                current = [line]
                blocks.append(current)
            elif current is not None:
                if not line.strip():
                    current = None
                else:
                    current.append(line)
        if in_cell:
            current = None
    return blocks


def _stamps(groups: list[tuple[bool, list[str]]]) -> list[Stamp]:
    stamps: list[Stamp] = []
    for block in _stamp_blocks(groups):
        heading = block[0]
        rest = block[1:]
        if heading:  # «УТВЕРЖДЕНО приказом … от … № …» on one line
            word = _STAMP_WORD.match(heading)
            if word and heading[word.end():].strip():
                rest = [heading[word.end():].strip(), *rest]
                heading = word.group(0)
        kind = (StampKind.AGREEMENT if heading and heading.lower().startswith("согласован")
                else StampKind.APPROVAL)
        signer = post = signed = None
        signature_line = False
        ref: list[str] = []
        post_lines: list[str] = []
        for line in rest:
            m = _SIGNER.match(line.strip())
            if m and signer is None:
                signer, signature_line = m.group(2), bool(m.group(1))
            elif signer is not None and _DATE_LINE.search(line) and signed is None:
                signed = line
            elif _ACT_LINE.search(line) or (ref and not post_lines and _DATE_LINE.search(line)):
                ref.append(line)
            else:
                post_lines.append(line)
        if signer is None and post_lines and _DATE_LINE.search(post_lines[-1]) and not ref:
            signed = post_lines.pop()
        post = " ".join(post_lines) or None
        stamps.append(Stamp(kind=kind, heading=heading, reference="\n".join(ref) or None, post=post,
                            signer=signer, signature_line=signature_line, signed=signed))
    return stamps


def _targets(lines: list[str], unplaced: list[str]) -> tuple[str | None, str | None, list[Target]]:
    title = intro = None
    targets: list[Target] = []
    pending: str | None = None
    for line in lines:
        if title is None and re.match(r"^целевые\s+показател", line, re.I):
            title = line
            continue
        m = re.search(r"(не\s+менее|не\s+более|не\s+ниже|равно)?\s*(\d+(?:[.,]\d+)?)\s*%\s*(?:в\s+(\d{4}))?",
                      line, re.I)
        if m:
            comparison = (m.group(1) or "равно").lower().replace("не ниже", "не менее")
            comparison = " ".join(comparison.split())
            indicator = (pending + " " if pending else "") + line[:m.start()].strip(" :;-–")
            indicator = re.sub(r"^\d+\)\s*", "", indicator).strip(" :;") or line
            wording = f"{pending} {line}" if pending else line
            targets.append(Target(indicator=indicator, comparison=comparison,
                                  value=Decimal(m.group(2).replace(",", ".")),
                                  year=int(m.group(3)) if m.group(3) else None, wording=wording))
            pending = None
        elif title is not None and intro is None and not targets and line.rstrip().endswith(":") \
                and not re.match(r"^\d+\)", line):
            intro = line
        elif title is not None:
            pending = f"{pending} {line}" if pending else line
        else:
            unplaced.append(f"Текст после таблицы: «{line}»")
    if pending:
        unplaced.append(f"Целевой показатель без значения: «{pending}»")
    return title, intro, targets


def _period(title: str) -> Period | None:
    m = re.search(r"(\d{4})\s*[-–—/]\s*(\d{2}|\d{4})\s+учебн", title)
    if m:
        return Period(year=int(m.group(1)), school_year=True)
    m = re.search(r"на\s+(\d{4})\s*(?:год|г\.)", title)
    if m:
        return Period(year=int(m.group(1)))
    return None


def import_roadmap(path: str | os.PathLike[str]) -> RoadmapImport:
    """Read the roadmap table (and its stamps, title, note and targets) from a .docx file."""
    path = Path(path)
    try:
        doc = Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a file that is not DOCX
        raise InputError([Problem(f"Не удалось открыть документ Word: {exc}", file=str(path))]) from exc
    picked = _pick_table(doc)
    if picked is None:
        raise InputError([Problem(
            "В документе не найдена таблица дорожной карты: ни в одной таблице нет строки "
            "заголовков со столбцами вроде «Наименование мероприятия», «Срок», «Ответственные»",
            file=str(path))])
    table, rows, header_at, columns = picked
    unplaced: list[str] = []
    unknown = [h for h, role in zip(columns.headings, columns.roles) if role is None]
    for heading in unknown:
        unplaced.append(f"Столбец «{heading}» не распознан: его текст перечислен ниже")
    body, numbers = _table_rows(rows, header_at)
    builder = _Builder(columns, unplaced)
    for i, cells in enumerate(body):
        builder.row(cells, i)

    # paragraphs and other tables around the roadmap table
    before: list[tuple[bool, list[str]]] = []
    after: list[str] = []
    seen_table = False
    for element in doc.element.body.iterchildren():
        if element is table._tbl:
            seen_table = True
            continue
        if element.tag not in (qn("w:p"), qn("w:tbl")):
            continue
        groups = _block_lines(element)
        if seen_table:
            after.extend(line for _, g in groups for line in g if line.strip())
        else:
            before.extend(groups)
    stamps = _stamps(before)
    stamp_lines = {line for s in stamps for line in _stamp_source_lines(s)}
    texts = [line for _, g in before for line in g if line.strip()]
    title_at = _title_index(texts)
    title = texts[title_at] if title_at is not None else path.stem
    note = None
    note_lines = texts[title_at + 1:] if title_at is not None else []
    if note_lines and _NOTE_TITLE.match(note_lines[0]):
        blocks = [_block(_Para(text=line)) for line in note_lines[1:]]
        note = RoadmapNote(title=note_lines[0], blocks=blocks)
        note_lines = []
    for line in note_lines:
        unplaced.append(f"Текст между заголовком и таблицей: «{line}»")
    head_lines = [t for t in (texts[:title_at] if title_at is not None else texts)
                  if t not in stamp_lines and not _STAMP_WORD.match(t)]
    organization_lines, cover = _split_head(head_lines)
    targets_title, targets_intro, targets = _targets(after, unplaced)
    columns_model = [Column(role=role, heading=heading) for role, heading in
                     zip(columns.roles, columns.headings) if role is not None]
    if not builder.stages:
        raise InputError([Problem("В таблице дорожной карты не найдено ни одной строки мероприятий",
                                  file=str(path))])
    roadmap = Roadmap(
        organization_lines=organization_lines, stamps=stamps, title=title, period=_period(title),
        note=note, columns=columns_model, column_numbers=numbers, stages=builder.stages,
        targets_title=targets_title, targets_intro=targets_intro, targets=targets, **cover)
    return RoadmapImport(roadmap=roadmap, unplaced=unplaced)


def _stamp_source_lines(stamp: Stamp) -> list[str]:
    lines = [stamp.heading or "", stamp.post or "", stamp.signed or ""]
    lines += (stamp.reference or "").split("\n")
    if stamp.signer:
        lines.append(stamp.signer)
        lines.append(f"______________ {stamp.signer}")
    return [line for line in lines if line]


def _title_index(texts: list[str]) -> int | None:
    """The heading to the text: the last paragraph before the table (and before an
    explanatory note) naming a plan or a roadmap."""
    end = next((i for i, t in enumerate(texts) if _NOTE_TITLE.match(t)),
               len(texts))
    for i in range(end - 1, -1, -1):
        if _PLAN_TITLE.search(texts[i]):
            return i
    return end - 1 if end else None


def _split_head(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Organisation lines at the top, then a title page: its title, approval note, place."""
    cover: dict[str, str] = {}
    org: list[str] = []
    for line in lines:
        if _PLAN_TITLE.search(line) and "cover_title" not in cover:
            cover["cover_title"] = line
        elif re.match(r"^утвержден[оа]?\s+и\s+введен", line, re.I):
            cover["approval_note"] = line
        elif re.match(r"^[А-ЯЁ][\w-]+(?:\s[\w-]+)?,\s*\d{4}", line):
            cover["place_line"] = line
        elif not cover:
            org.append(line)
    return org, cover
