"""python-docx helpers for the tests that rebuild published roadmaps as Word files: paragraphs
with alignment and bold, borderless stamp tables, tab-separated stamps side by side, merged
cells, Word-numbered and bulleted lists inside cells (each list restarting at 1, as an
author makes them), a column-number row, a table continued after a page break."""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

CENTER, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT


def new_document():
    return Document()


def para(container, text: str = "", *, align=None, bold: bool = False):
    p = container.add_paragraph()
    if text:
        p.add_run(text).bold = bold or None
    if align is not None:
        p.alignment = align
    return p


def lines(container, texts: list[str], *, align=None, bold: bool = False) -> None:
    for text in texts:
        para(container, text, align=align, bold=bold)


def side_by_side(doc, left: list[str], right: list[str], tabs: int = 5) -> None:
    """Two stamps typed in the same paragraphs, the right one after tabs."""
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        para(doc, a + ("\t" * tabs + b if b else ""))


def stamp_table(doc, left: list[str], right: list[str]):
    """A borderless table of one row: a stamp in each cell."""
    table = doc.add_table(rows=1, cols=2)
    for cell, texts in zip(table.rows[0].cells, (left, right)):
        cell.text = texts[0] if texts else ""
        for text in texts[1:]:
            cell.add_paragraph(text)
    return table


def grid(doc, headings: list[str], *, numbers: bool = False, header_repeat: bool = True):
    """A bordered table with its header row (and the «1 2 3 …» row)."""
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings):
        cell.text = text
    if header_repeat:
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    if numbers:
        row = table.add_row()
        for i, cell in enumerate(row.cells, start=1):
            cell.text = str(i)
    return table


def row(table, values: list[str | list[str] | None]):
    """A body row; a list value is a cell of several paragraphs, None leaves it empty."""
    r = table.add_row()
    for cell, value in zip(r.cells, values):
        fill(cell, value)
    return r


def fill(cell, value: str | list[str] | None) -> None:
    if value is None:
        return
    texts = [value] if isinstance(value, str) else value
    cell.text = texts[0]
    for text in texts[1:]:
        cell.add_paragraph(text)


def line_breaks(cell, texts: list[str]) -> None:
    """One paragraph whose lines are separated by line breaks (Shift+Enter)."""
    p = cell.paragraphs[0]
    for i, text in enumerate(texts):
        if i:
            p.add_run().add_break(WD_BREAK.LINE)
        p.add_run(text)


def merge_across(table, r: int, first: int, last: int, text: str, *, bold: bool = False):
    cell = table.cell(r, first).merge(table.cell(r, last))
    cell.text = ""
    cell.paragraphs[0].add_run(text).bold = bold or None
    return cell


def merge_down(table, col: int, first: int, last: int, text: str):
    """Cells of a column merged down (vMerge), the text in the first."""
    cell = table.cell(first, col).merge(table.cell(last, col))
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    cell.paragraphs[0].text = text
    return cell


def _new_list(doc, abstract_style: str) -> str:
    """A new list instance (w:num) of the numbering the style uses, starting at 1."""
    numbering = doc.part.numbering_part.element
    style_num = doc.styles[abstract_style].element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    base = style_num.get(qn("w:val"))
    abstract = next(n.find(qn("w:abstractNumId")).get(qn("w:val")) for n in numbering.iter(qn("w:num"))
                    if n.get(qn("w:numId")) == base)
    num_id = str(max(int(n.get(qn("w:numId"))) for n in numbering.iter(qn("w:num"))) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), num_id)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), abstract)
    num.append(ref)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    return num_id


def word_list(cell, texts: list[str], *, numbered: bool = True, replace: bool = True) -> None:
    """Paragraphs of a Word list in a cell (the markers are Word's, not in the text); a
    numbered list restarts at 1 in every cell."""
    doc_part = cell.part
    style = "List Number" if numbered else "List Bullet"
    num_id = _new_list(doc_part.document, style) if numbered else None
    for i, text in enumerate(texts):
        p = cell.paragraphs[0] if replace and i == 0 else cell.add_paragraph()
        p.text = text
        p.style = doc_part.document.styles[style]
        if num_id is not None:
            ppr = p._p.get_or_add_pPr()
            num_pr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), "0")
            nid = OxmlElement("w:numId")
            nid.set(qn("w:val"), num_id)
            num_pr.extend([ilvl, nid])
            ppr.append(num_pr)
