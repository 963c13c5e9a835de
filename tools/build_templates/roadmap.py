"""The roadmap template: ``roadmap.docx`` (A4 landscape, ГОСТ Р 7.0.97-2025 page setup).

One template serves every layout of ``nastavnik_docs.kinds.roadmap``: the table has
``GRID`` narrow grid columns and each cell spans as many as the context says
(``{% colspan %}``), header rows repeat on every page, stage cells beside their rows merge
vertically (``{% vm %}`` inside the per-stage row loop), and each paragraph of a cell takes
one of a few looks chosen by ``par.kind``. Everything is docxtpl's own tags in ordinary
text, so the template stays a valid document a user can open and edit in Word.

Order of the page: organisation lines; the stamps at the left (agreement, adoption) and at
the right (the appendix mark, then approval; at most 8 cm); an optional title page
(Ижевск); the heading to the text (one paragraph per line); the explanatory note; the
table; the target indicators.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from nastavnik_docs.kinds.roadmap import GRID

from . import _gost

CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
TEXT_W = _gost.LANDSCAPE_TEXT_WIDTH_MM
STAMP_W = _gost.CORNER_WIDTH_MM
BULLET_INDENT_MM = 5


def _par_variants(cell_or_doc, var: str, first_text: str, *, body: bool = False) -> None:
    """Paragraphs that print each ``par`` of ``var`` in the look its ``kind`` names."""
    style = _gost.BODY if body else _gost.TABLE_TEXT
    add = _gost.para
    add(cell_or_doc, f"{first_text}{{%p for par in {var} %}}", style=style)
    add(cell_or_doc, '{%p if par.kind == "heading" %}', style=style)
    # stage and sub-stage headings stay with the row below them
    add(cell_or_doc, "{{ par.text }}", style=style, align=CENTER, bold=True, keep_with_next=True)
    add(cell_or_doc, '{%p elif par.kind == "center" %}', style=style)
    add(cell_or_doc, "{{ par.text }}", style=style, align=CENTER)
    add(cell_or_doc, '{%p elif par.kind == "bolditalic" %}', style=style)
    p = add(cell_or_doc, "{{ par.text }}", style=style, bold=True, keep_with_next=True)
    p.runs[0].italic = True
    add(cell_or_doc, '{%p elif par.kind == "bullet" %}', style=style)
    p = add(cell_or_doc, "{{ par.text }}", style=style, align=JUSTIFY if body else None)
    pf = p.paragraph_format
    pf.left_indent = Mm(BULLET_INDENT_MM + (12.5 if body else 0))
    pf.first_line_indent = Mm(-BULLET_INDENT_MM)
    add(cell_or_doc, "{%p else %}", style=style)
    add(cell_or_doc, "{{ par.text }}", style=style, align=JUSTIFY if body else None)
    add(cell_or_doc, "{%p endif %}", style=style)
    add(cell_or_doc, "{%p endfor %}", style=style)


def _new_tc(text: str = ""):
    """A bare table cell holding one paragraph of ``text`` (no width: the grid decides)."""
    tc = OxmlElement("w:tc")
    tc_pr = OxmlElement("w:tcPr")
    tc_w = OxmlElement("w:tcW")  # «auto»: the grid decides; docxtpl's {% vm %} needs </w:tcPr>
    tc_w.set(qn("w:w"), "0")
    tc_w.set(qn("w:type"), "auto")
    tc_pr.append(tc_w)
    tc.append(tc_pr)
    p = OxmlElement("w:p")
    if text:
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        p.append(r)
    tc.append(p)
    return tc


def _table(doc):
    """The roadmap table: a grid of ``GRID`` columns and the tagged rows."""
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl = table._tbl
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl.tblPr.append(layout)
    tbl_w = tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl.tblPr.append(tbl_w)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(int(Mm(TEXT_W).twips)))
    grid = tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    col_w = str(int(Mm(TEXT_W).twips) // GRID)
    for _ in range(GRID):
        gc = OxmlElement("w:gridCol")
        gc.set(qn("w:w"), col_w)
        grid.append(gc)
    tbl.remove(tbl.tr_lst[0])
    return table


def _row(table, *, header: bool = False, keep: bool = False):
    tr = OxmlElement("w:tr")
    tr_pr = OxmlElement("w:trPr")
    if header or keep:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))
    tr.append(tr_pr)
    table._tbl.append(tr)
    return tr


def _tag_row(table, tag: str) -> None:
    tr = _row(table)
    tr.append(_new_tc(tag))


def _content_tc(table, tr, var: str, span_expr: str, *, valign_center: bool = False):
    """A cell printing the paragraphs of ``var`` and spanning ``span_expr`` grid columns."""
    from docx.table import _Cell

    tc = _new_tc()
    tr.append(tc)
    cell = _Cell(tc, table)
    # python-docx cells start with one empty paragraph: drop it, the variants add their own.
    tc.remove(tc.find(qn("w:p")))
    _par_variants(cell, f"{var}.paragraphs", f"{{% colspan {span_expr} %}}")
    if valign_center:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return cell


def _lead_tc(table, tr, flag: str, span_expr: str, value: str) -> None:
    """A stage cell beside the rows, merged down the stage (``{% vm %}``), shown if ``flag``."""
    from docx.table import _Cell

    tr.append(_new_tc(f"{{%tc if {flag} %}}"))
    tc = _new_tc()
    tr.append(tc)
    cell = _Cell(tc, table)
    tc.remove(tc.find(qn("w:p")))
    _gost.para(cell, f"{{% colspan {span_expr} %}}{{% vm %}}{{{{ {value} }}}}",
               style=_gost.TABLE_TEXT, align=CENTER)
    tr.append(_new_tc("{%tc endif %}"))


def _roadmap_table(doc) -> None:
    table = _table(doc)
    # header rows (headings, column numbers), repeated on every page
    _tag_row(table, "{%tr for hrow in table.head %}")
    tr = _row(table, header=True)
    tr.append(_new_tc("{%tc for hcell in hrow %}"))
    _content_tc(table, tr, "hcell", "hcell.span", valign_center=True)
    tr.append(_new_tc("{%tc endfor %}"))
    _tag_row(table, "{%tr endfor %}")
    # body: stages, each with its rows; lead cells merge down a stage
    _tag_row(table, "{%tr for stage in table.stages %}")
    _tag_row(table, "{%tr for row in stage.rows %}")
    # the same row twice: kept on one page when short, free to break when long
    for i, keep in enumerate((True, False)):
        _tag_row(table, "{%tr if row.keep %}" if i == 0 else "{%tr else %}")
        tr = _row(table, keep=keep)
        _lead_tc(table, tr, "table.lead_stage_number", "table.stage_number_span", "stage.number")
        _lead_tc(table, tr, "table.lead_stage", "table.stage_span", "stage.title")
        tr.append(_new_tc("{%tc for cell in row.cells %}"))
        _content_tc(table, tr, "cell", "cell.span")
        tr.append(_new_tc("{%tc endfor %}"))
    _tag_row(table, "{%tr endif %}")
    _tag_row(table, "{%tr endfor %}")
    _tag_row(table, "{%tr endfor %}")


def _stamps(doc) -> None:
    """Agreement stamps at the left, approval stamps at the right (requisites 20 and 16)."""
    _gost.loop(doc, "if has_stamps")
    left = TEXT_W - STAMP_W
    table = _gost.grid_table(doc, [["", ""]], [left, STAMP_W])
    for cell, var in zip(table.rows[0].cells, ("agreement", "approval")):
        cell.paragraphs[0].text = f"{{%p for stamp in {var} %}}"
        if var == "agreement":
            cell.paragraphs[0].paragraph_format.right_indent = Mm(left - STAMP_W)
        _gost.para(cell, "{%p for line in stamp.lines %}")
        p = _gost.para(cell, "{{ line }}")
        if var == "agreement":
            p.paragraph_format.right_indent = Mm(left - STAMP_W)
        _gost.para(cell, "{%p endfor %}")
        _gost.para(cell, "{%p if not loop.last %}")
        _gost.para(cell, "")
        _gost.para(cell, "{%p endif %}")
        _gost.para(cell, "{%p endfor %}")
        _gost.para(cell, "")
    _gost.end_loop(doc, "endif")


def _title_lines(doc) -> None:
    """The title's lines, one centred bold paragraph each, kept together and with the text
    below; space above the first line and below the last only."""
    _gost.loop(doc, "for line in title_lines")
    variants = [("loop.first and loop.last", 6, 12), ("loop.first", 6, 0), ("loop.last", 0, 12), ("", 0, 0)]
    for i, (test, before, after) in enumerate(variants):
        if test:
            _gost.loop(doc, f"{'if' if i == 0 else 'elif'} {test}")
        else:
            _gost.loop(doc, "else")
        _gost.centered(doc, "{{ line }}", bold=True, space_before=before, space_after=after,
                       keep_with_next=True)
    _gost.end_loop(doc, "endif")
    _gost.end_loop(doc)


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    doc = _gost.new_document()
    _gost.landscape(doc)
    _gost.loop(doc, "for line in organization_lines")
    _gost.centered(doc, "{{ line }}", bold=True)
    _gost.end_loop(doc)
    _gost.loop(doc, "if organization_lines")
    _gost.plain(doc, "")
    _gost.end_loop(doc, "endif")
    _stamps(doc)
    # title page (a published roadmap may have one: title, approval note, place and year)
    _gost.loop(doc, "if has_cover")
    _gost.centered(doc, "{{ cover_title }}", bold=True, space_before=72, space_after=24)
    _gost.centered(doc, "{{ approval_note }}", space_after=48)
    _gost.centered(doc, "{{ place_line }}")
    _gost.page_break(doc)
    _gost.end_loop(doc, "endif")
    # heading to the text (requisite 17), one paragraph per line of a multi-line title
    _title_lines(doc)
    _gost.loop(doc, "if has_note")
    _gost.centered(doc, "{{ note_title }}", bold=True, space_after=6, keep_with_next=True)
    _par_variants(doc, "note", "", body=True)
    _gost.plain(doc, "")
    _gost.end_loop(doc, "endif")
    _roadmap_table(doc)
    _gost.loop(doc, "if has_targets")
    _gost.plain(doc, "{{ targets_title }}", bold=True, space_before=12, space_after=6,
                keep_with_next=True)
    _gost.loop(doc, "if targets_intro")
    _gost.body(doc, "{{ targets_intro }}", keep_with_next=True)
    _gost.end_loop(doc, "endif")
    _gost.loop(doc, "for target in targets")
    _gost.body(doc, "{{ target }}")
    _gost.end_loop(doc)
    _gost.end_loop(doc, "endif")
    return [_gost.save(doc, docx_dir / "roadmap.docx")]

