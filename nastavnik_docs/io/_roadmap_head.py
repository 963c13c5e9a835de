"""What stands around a roadmap table in a Word document: the appendix mark, the approval,
agreement and adoption stamps, the organisation's name, a title page, the title (over one
or several paragraphs) with the period it names, an explanatory note; and after the table,
the target indicators.

The text before the table is read as lines in flows: a paragraph run is one flow, every
cell of a table (a borderless table holding stamps side by side) is a flow of its own, and
paragraphs that put two stamps side by side with tabs or spaces («СОГЛАСОВАНО⇥⇥УТВЕРЖДАЮ»)
are split into a left and a right flow. A stamp runs from its word («УТВЕРЖДАЮ»,
«СОГЛАСОВАНО», «ПРИНЯТО», «РАССМОТРЕНО») to a blank line, the end of its flow, another stamp
or the title; an appendix mark from «Приложение …» to the line with the act's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from docx.oxml.ns import qn

from ..models.roadmap import AppendixMark, Period, RoadmapNote, Stamp, StampKind, StampSide, parse_deadline
from ..models.target import Target
from ._docx_table import ListNumbering, Para, read_para
from ._roadmap_rows import to_block

__all__ = ["Head", "Line", "head_lines", "read_head", "read_targets", "title_period"]


@dataclass
class Line:
    """A line of text before the table: its flow (a paragraph run, a table cell, one side
    of a split paragraph), the side it was found at when known, its look."""

    text: str
    flow: int
    side: StampSide | None = None
    centered: bool = False
    bold: bool = False

    @property
    def blank(self) -> bool:
        return not self.text.strip()


_SPLIT = re.compile(r"\t+|\s{3,}")
_STAMP_WORD = re.compile(
    r"^(рассмотрено\s+и\s+принято|рассмотрено\s+и\s+одобрено|утверждаю|утверждено|утвержден[аы]?|"
    r"согласовано|согласован[аы]?|принято|принят[аы]?|рассмотрено|одобрено)\.?:?"
    r"(?!\s+и\s+введен)(?=\s|$)", re.I)


def _para_lines(para: Para, flow: int) -> list[Line]:
    side = StampSide.RIGHT if para.align in ("right", "end", "indented") else None
    return [Line(text, flow, side, para.align == "center", para.bold) for text in para.text.split("\n")] \
        if para.text else [Line("", flow)]


def head_lines(elements: list[Any], numbering: ListNumbering | None = None) -> list[Line]:
    """The lines of the body elements before the table, in flows (see the module's text)."""
    lines: list[Line] = []
    flow = 0
    split: tuple[list[Line], list[Line]] | None = None
    for element in elements:
        if element.tag == qn("w:tbl"):
            flow += 1
            split = None
            for tr in element.iter(qn("w:tr")):
                cells = [tc for tc in tr.iter(qn("w:tc")) if tc.getparent() is tr]
                for i, tc in enumerate(cells):
                    flow += 1
                    side = None if len(cells) < 2 else (StampSide.LEFT if i == 0 else StampSide.RIGHT
                                                        if i == len(cells) - 1 else None)
                    for p in tc.iter(qn("w:p")):
                        for line in _para_lines(read_para(p, numbering), flow):
                            line.side = side
                            lines.append(line)
            flow += 1
            continue
        para = read_para(element, numbering)
        parts = [x.strip() for x in _SPLIT.split(para.raw.strip("\n")) if x.strip()] if "\n" not in para.raw else []
        if len(parts) == 2 and (split is not None or all(_STAMP_WORD.match(x) for x in parts)):
            if split is None:
                split = ([], [])
                flow += 2
            split[0].append(Line(parts[0], flow - 1, StampSide.LEFT))
            split[1].append(Line(parts[1], flow, StampSide.RIGHT))
            continue
        if split is not None and para.text:
            right = bool(re.match(r"^(\t|\s{3,})", para.raw))
            (split[1] if right else split[0]).append(
                Line(para.text, flow if right else flow - 1, StampSide.RIGHT if right else StampSide.LEFT))
            continue
        if split is not None:
            lines.extend(split[0] + split[1])
            split = None
            flow += 1
        lines.extend(_para_lines(para, flow))
    if split is not None:
        lines.extend(split[0] + split[1])
    return lines


# --------------------------------------------------------------------------- stamps

_NAME = r"(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][А-ЯЁа-яё-]+|[А-ЯЁ][А-ЯЁа-яё-]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)"
_SIGNER = re.compile(rf"^(?P<post>.*?)\s*(?P<line>_{{2,}})?\s*(?P<name>{_NAME})$")
_DATE_ONLY = re.compile(
    r"^[\d\s.,«»\"_\-–—/]*(?:(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"[а-я]*)?[\d\s.,«»\"_\-–—/]*(?:г\.?|года|год)?\.?\s*$", re.I)
_ACT = re.compile(r"(приказ|протокол|распоряжен|решени|постановлен|на\s+заседании|совет[аом]*\b)", re.I)
_POST = re.compile(r"^(и\.?\s?о\.?|директор|заведующ|начальник|председател|руководител|заместител|"
                   r"глава|министр|ректор|президент|куратор)", re.I)
_PLAN_TITLE = re.compile(r"дорожн\w+\s+карт|план\s+мероприяти|^план\b|^программа\b", re.I)
_NOTE_TITLE = re.compile(r"^пояснительная\s+записка", re.I)
_APPENDIX = re.compile(r"^приложение\b", re.I)
_ACT_DATE = re.compile(r"от\s+[«\"]?\s*\d|\d{1,2}\.\d{1,2}\.\d{2,4}")


def _category(line: str) -> str:
    """S signer, D date, P post, R act, C continuation of the previous line."""
    if _SIGNER.match(line) and re.search(_NAME + "$", line):
        return "S"
    if _DATE_ONLY.match(line) and re.search(r"\d|__", line):
        return "D"
    if _POST.match(line):
        return "P"
    return "R" if _ACT.search(line) else "C"


def _kind(word: str) -> StampKind:
    low = word.lower()
    if low.startswith("согласован"):
        return StampKind.AGREEMENT
    if low.startswith("утвержд"):
        return StampKind.APPROVAL
    return StampKind.ADOPTION


def parse_stamp(heading: str | None, body: list[str], side: StampSide | None) -> Stamp:
    """A stamp from its word and lines: structured (act, post, signature, date) when the
    lines follow one of the two usual orders, else its lines kept as the act reference."""
    if heading:
        word = _STAMP_WORD.match(heading)
        if word and heading[word.end():].strip():
            body = [heading[word.end():].strip(), *body]
            heading = heading[:word.end()].rstrip(":")
    kind = _kind(heading) if heading else StampKind.APPROVAL
    cats: list[str] = []
    for line in body:
        cat = _category(line)
        cats.append(cats[-1] if cat == "C" and cats else ("P" if cat == "C" else cat))
    pattern = "".join(cats)
    placed = side if side is not None and side != (StampSide.RIGHT if kind is StampKind.APPROVAL
                                                    else StampSide.LEFT) else None
    fields: dict[str, Any] = {"kind": kind, "heading": heading, "side": placed}
    normal = re.fullmatch(r"(R*)(P*)(S?)(D?)", pattern)
    last = re.fullmatch(r"(P*)(S?)(D?)(R+)", pattern)
    if normal is None and (last is None or not (last.group(2) or last.group(3))):
        return Stamp(**fields, reference="\n".join(body) or None)
    if normal is not None:
        groups = {"R": normal.span(1), "P": normal.span(2), "S": normal.span(3), "D": normal.span(4)}
    else:
        assert last is not None
        groups = {"P": last.span(1), "S": last.span(2), "D": last.span(3), "R": last.span(4)}
        fields["reference_last"] = True
    take = {k: body[a:b] for k, (a, b) in groups.items()}
    post = list(take["P"])
    if take["S"]:
        m = _SIGNER.match(take["S"][0])
        assert m is not None
        if m.group("post").strip():
            post.append(m.group("post").strip())
        fields.update(signer=m.group("name"), signature_line=bool(m.group("line")))
    fields.update(reference="\n".join(take["R"]) or None, post=" ".join(post) or None,
                  signed=take["D"][0] if take["D"] else None)
    return Stamp(**fields)


# --------------------------------------------------------------------------- the head


@dataclass
class Head:
    """What was read before the table."""

    appendix: AppendixMark | None = None
    stamps: list[Stamp] = field(default_factory=list)
    organization_lines: list[str] = field(default_factory=list)
    cover: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    note: RoadmapNote | None = None
    unplaced: list[str] = field(default_factory=list)


def _stamp_and_appendix(lines: list[Line], head: Head) -> list[Line]:
    """Take the stamps and the appendix mark out of the lines; the rest is returned."""
    rest: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        text = line.text.strip()
        if _APPENDIX.match(text) and head.appendix is None:
            block = [text]
            while not _ACT_DATE.search(block[-1]) and i + 1 < len(lines) and len(block) < 6:
                nxt = lines[i + 1]
                if nxt.blank or nxt.flow != line.flow or _STAMP_WORD.match(nxt.text.strip()) \
                        or _PLAN_TITLE.search(nxt.text):
                    break
                block.append(nxt.text.strip())
                i += 1
            head.appendix = AppendixMark(text="\n".join(block))
            i += 1
            continue
        cell_signed = line.side is not None and not _STAMP_WORD.match(text) and _stampless(lines, i)
        if _STAMP_WORD.match(text) or cell_signed:
            body: list[str] = []
            start = i if cell_signed else i + 1
            j = start
            while j < len(lines) and lines[j].flow == line.flow and not lines[j].blank \
                    and (j == start and cell_signed or not _STAMP_WORD.match(lines[j].text.strip())) \
                    and not _PLAN_TITLE.search(lines[j].text) and not _APPENDIX.match(lines[j].text.strip()):
                body.append(lines[j].text.strip())
                j += 1
            head.stamps.append(parse_stamp(None if cell_signed else text, body, line.side))
            i = j
            continue
        rest.append(line)
        i += 1
    return rest


def _stampless(lines: list[Line], i: int) -> bool:
    """A table cell that holds a signature but no stamp word: a stamp published without
    its word (it starts at the cell's first line)."""
    flow = lines[i].flow
    if i > 0 and lines[i - 1].flow == flow:
        return False
    cell = [x.text.strip() for x in lines[i:] if x.flow == flow]
    return any(_category(x) == "S" for x in cell) and not any(_STAMP_WORD.match(x) for x in cell)


def _title_block(texts: list[Line]) -> tuple[int, int] | None:
    """The title: the last paragraph naming a plan or a roadmap (before an explanatory
    note), with the paragraphs that continue it (centred or bold like it, or beginning in
    lower case or with «(»)."""
    end = next((i for i, t in enumerate(texts) if _NOTE_TITLE.match(t.text.strip())), len(texts))
    start = next((i for i in range(end - 1, -1, -1) if _PLAN_TITLE.search(texts[i].text)), None)
    if start is None:
        last = next((i for i in range(end - 1, -1, -1) if not texts[i].blank), None)
        return (last, last + 1) if last is not None else None
    while start > 0 and not texts[start - 1].blank and _continues(texts[start], texts[start - 1]) \
            and _PLAN_TITLE.search(texts[start - 1].text):
        start -= 1
    stop = start + 1
    while stop < end:
        nxt = texts[stop]
        if nxt.blank:
            after = next((t for t in texts[stop:end] if not t.blank), None)
            if after is None or not re.match(r"^[а-яё(«]", after.text.strip()):
                break
            stop += 1
            continue
        if not _continues(nxt, texts[start]):
            break
        stop += 1
    while stop > start + 1 and texts[stop - 1].blank:
        stop -= 1
    return start, stop


def _continues(line: Line, first: Line) -> bool:
    text = line.text.strip()
    return bool(re.match(r"^[а-яё(«\"]", text)) or (line.centered and first.centered) or (
        line.bold and first.bold) or bool(re.match(r"^на\s+\d{4}", text))


def read_head(lines: list[Line]) -> Head:
    """Stamps, appendix mark, organisation lines, title page, title and note."""
    head = Head()
    texts = _stamp_and_appendix(lines, head)
    block = _title_block(texts)
    if block is None:
        return head
    start, stop = block
    title_lines = [t.text.strip() for t in texts[start:stop] if not t.blank]
    head.title = "\n".join(title_lines) if title_lines else None
    after = [t.text.strip() for t in texts[stop:] if not t.blank]
    if after and _NOTE_TITLE.match(after[0]):
        head.note = RoadmapNote(title=after[0], blocks=[to_block(Para(text=x)) for x in after[1:]])
        after = []
    head.unplaced += [f"Текст между заголовком и таблицей: «{x}»" for x in after]
    before = [t.text.strip() for t in texts[:start] if not t.blank]
    head.organization_lines, head.cover, extra = _split_head(before)
    head.unplaced += [f"Текст перед заголовком: «{x}»" for x in extra]
    return head


def _split_head(lines: list[str]) -> tuple[list[str], dict[str, str], list[str]]:
    """Organisation lines at the top, then a title page: its title, approval note, place;
    and the lines that are none of these."""
    cover: dict[str, str] = {}
    org: list[str] = []
    extra: list[str] = []
    for line in lines:
        if _PLAN_TITLE.search(line) and "cover_title" not in cover:
            cover["cover_title"] = line
        elif re.match(r"^утвержден[оа]?\s+и\s+введен", line, re.I):
            cover["approval_note"] = line
        elif re.match(r"^(?:[А-ЯЁ][\w-]+(?:\s[\w-]+)?,\s*\d{4}|г\.\s*[А-ЯЁ][\w-]+$|(?:село|с\.)\s+[А-ЯЁ][\w-]+)",
                      line):
            cover["place_line"] = line
        elif list(cover) == ["cover_title"] and re.match(r"^[а-яё(«]", line):
            cover["cover_title"] += " " + line  # the title page's title over several lines
        elif not cover:
            org.append(line)
        else:
            extra.append(line)
    return org, cover, extra


# --------------------------------------------------------------------------- period, targets

_SCHOOL_YEARS = re.compile(r"(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})\s*(?:учебн|уч\.?\s*г)", re.I)
_YEARS = re.compile(r"(\d{4})\s*(?:г\.?\s*)?[-–—]\s*(\d{4})\s*(?:г\.?\s*г\.?|гг\.?|годы|годах|года|год|г\.?)", re.I)
_ONE_YEAR = re.compile(r"(?:на|в)\s+(\d{4})\s*(?:год|г\.)", re.I)
_ONE_SCHOOL_YEAR = re.compile(r"(\d{4})\s*(?:учебн\w*|уч\.)\s*г", re.I)
_BRACKETS = re.compile(r"\(([^()]*\d{4}[^()]*)\)")


def title_period(title: str) -> Period | None:
    """The period a title names: «на 2024-2025 учебный год», «на 2021–2024 гг.»,
    «в 2023-2024 годах», «на 2020 – 2024 учебный год», «(сентябрь 2022 г. - май 2024 г.)»,
    «на 2022 год»."""
    text = " ".join(title.split())
    m = _SCHOOL_YEARS.search(text)
    if m:
        first = int(m.group(1))
        last = int(m.group(2)) if len(m.group(2)) == 4 else first // 100 * 100 + int(m.group(2))
        if last > first:
            return Period(year=first, school_year=True, last_month=f"{last}-08" if last > first + 1 else None)
    m = _YEARS.search(text)
    if m and int(m.group(2)) > int(m.group(1)):
        return Period(year=int(m.group(1)), last_month=f"{m.group(2)}-12")
    for inner in _BRACKETS.findall(text):
        d = parse_deadline(inner)
        spans = d.spans if d is not None and d.parsed else ()
        if len(spans) == 1 and spans[0].start_year and (spans[0].end_year or spans[0].start_year):
            s = spans[0]
            end_year, end_month = s.end_year or s.start_year, s.last_month
            assert s.start_year is not None and end_year is not None
            return Period(year=s.start_year, school_year=s.start_month == 9,
                          first_month=None if s.start_month in (1, 9) else f"{s.start_year}-{s.start_month:02d}",
                          last_month=f"{end_year}-{end_month:02d}")
    m = _ONE_SCHOOL_YEAR.search(text)
    if m:
        return Period(year=int(m.group(1)), school_year=True)
    m = _ONE_YEAR.search(text)
    if m:
        return Period(year=int(m.group(1)))
    return None


def read_targets(lines: list[str], unplaced: list[str]) -> tuple[str | None, str | None, list[Target]]:
    """The target indicators after the table («Целевые показатели: … не менее 10 % в 2025
    году»); any other text after the table goes to ``unplaced``."""
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
