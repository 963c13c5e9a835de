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
    Column,
    Period,
    Roadmap,
    RoadmapNote,
    Stamp,
    StampKind,
)
from ..models.target import Target
from ._docx_table import Para, TableBuilder, pick_table, read_para, recognise_heading, table_rows, to_block

__all__ = ["RoadmapImport", "import_roadmap", "recognise_heading"]


@dataclass
class RoadmapImport:
    """What ``import_roadmap`` read: the roadmap and the texts it could not place."""

    roadmap: Roadmap
    unplaced: list[str] = field(default_factory=list)


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
        return [(False, read_para(element).text.split("\n"))]
    groups = []
    for tc in element.iter(qn("w:tc")):
        lines = [line for p in tc.iter(qn("w:p")) for line in read_para(p).text.split("\n")]
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
    picked = pick_table(doc)
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
    body, numbers = table_rows(rows, header_at)
    builder = TableBuilder(columns, unplaced)
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
        blocks = [to_block(Para(text=line)) for line in note_lines[1:]]
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
