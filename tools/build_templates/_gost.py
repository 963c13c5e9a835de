"""Page setup and reusable blocks of an official document (ГОСТ Р 7.0.97-2025), in python-docx.

Every built-in DOCX template that is an organisational document starts from
:func:`new_document` and is assembled from the blocks below. The blocks write docxtpl tags
(``{{ … }}``, ``{%p … %}``, ``{%tr … %}``) that the context models of ``nastavnik_docs.kinds``
fill; they never hold grammar, only places for values.

Layout (DESIGN.md): A4; margins left 30 mm, right 15 mm, top and bottom 20 mm; Times New
Roman 14 pt, single spacing; body paragraphs justified with a 1.25 cm first-line indent;
page numbers from page 2, centred at the top (a different first-page header and a PAGE
field); corner requisites (approval stamp, appendix mark) at most 8 cm wide at the right.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from ._compare import reproducible_zip

__all__ = [
    "BODY", "PLAIN", "TABLE_TEXT", "TEXT_WIDTH_MM", "LANDSCAPE_TEXT_WIDTH_MM", "FIXED_TIME",
    "new_document", "landscape", "save", "para", "body", "plain", "centered", "loop", "end_loop",
    "letterhead", "heading", "signature", "corner_block", "corner_lines", "grid_table", "loop_table",
    "acquaintance", "set_cant_split", "page_break", "new_page", "new_section", "signature_rows",
    "cell_text", "fixed_widths", "set_widths", "repeat_header", "numbered_items",
    "date_and_signature", "grif_table",
]

#: Every template is saved with this timestamp so that builds are reproducible.
FIXED_TIME = dt.datetime(2025, 9, 1, 9, 0, 0)

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGIN_LEFT_MM, MARGIN_RIGHT_MM, MARGIN_TOP_MM, MARGIN_BOTTOM_MM = 30, 15, 20, 20
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM
#: The text width of a landscape page (:func:`landscape`): the same margins, A4 turned.
LANDSCAPE_TEXT_WIDTH_MM = PAGE_HEIGHT_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM
FIRST_LINE_INDENT = Cm(1.25)
#: Corner requisites (approval stamp, appendix mark) may be up to 8 cm wide (ГОСТ Р 7.0.97-2025).
CORNER_WIDTH_MM = 80

BODY = "Body Text GOST"
PLAIN = "Plain GOST"
TABLE_TEXT = "Table Text GOST"


def new_document(font_name: str = "Times New Roman", font_size: float = 14) -> Document:
    """An empty A4 document with the ГОСТ page setup, styles and page numbers from page 2."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    _styles(doc, font_name, font_size)
    _page_numbers(section)
    # python-docx's default document holds one empty paragraph: start from nothing.
    body_el = doc.element.body
    for p in list(body_el.iterchildren(qn("w:p"))):
        body_el.remove(p)
    return doc


def landscape(doc) -> float:
    """Turn the document's page to landscape A4 (the margins stay); returns the text width
    in mm (:data:`LANDSCAPE_TEXT_WIDTH_MM`)."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(PAGE_HEIGHT_MM), Mm(PAGE_WIDTH_MM)
    return LANDSCAPE_TEXT_WIDTH_MM


def _set_font(style, font_name: str, size: float, bold: bool | None = None) -> None:
    style.font.name = font_name
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font_name)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "ru-RU")


def _styles(doc: Document, font_name: str, font_size: float) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    normal = doc.styles["Normal"]
    _set_font(normal, font_name, font_size)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
    fmt.widow_control = True
    # Header/footer style inherits from Normal; keep numbers at 12 pt as usual.
    # The derived styles take the font from Normal, so that the render layer can switch
    # the whole document to the organisation's font by changing Normal alone.
    for name, indent, align, size in (
        (BODY, FIRST_LINE_INDENT, WD_ALIGN_PARAGRAPH.JUSTIFY, None),
        (PLAIN, Cm(0), WD_ALIGN_PARAGRAPH.LEFT, None),
        (TABLE_TEXT, Cm(0), WD_ALIGN_PARAGRAPH.LEFT, 12),
    ):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        if size:
            style.font.size = Pt(size)
        pf = style.paragraph_format
        pf.first_line_indent, pf.alignment = indent, align
        pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (e.g. PAGE) with a cached placeholder result."""
    def fld(kind: str):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = paragraph.add_run()
    run._r.append(fld("begin"))
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    paragraph.add_run()._r.append(fld("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(fld("end"))


def _page_numbers(section) -> None:
    """Page numbers centred at the top from page 2 (the first page has its own empty header)."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Cm(0)
    _field(p, "PAGE", "2")
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].text = ""


def save(doc: Document, path: Path) -> Path:
    """Save with fixed core properties, so that the same code builds the same file."""
    props = doc.core_properties
    props.author = "nastavnik_docs"
    props.last_modified_by = "nastavnik_docs"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.title = path.stem
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = io.BytesIO()
    doc.save(raw)
    path.write_bytes(reproducible_zip(raw.getvalue()))
    return path


# --------------------------------------------------------------------------- paragraphs


def para(container, text: str = "", *, style: str = PLAIN, align=None, bold: bool = False,
         keep_with_next: bool = False, page_break_before: bool = False,
         space_before: float = 0, space_after: float = 0, left_indent_mm: float | None = None,
         size: float | None = None):
    """Add one paragraph; ``text`` may hold docxtpl tags. Returns the paragraph."""
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
    pf = p.paragraph_format
    if align is not None:
        pf.alignment = align
    if keep_with_next:
        pf.keep_with_next = True
    if page_break_before:
        pf.page_break_before = True
    if space_before:
        pf.space_before = Pt(space_before)
    if space_after:
        pf.space_after = Pt(space_after)
    if left_indent_mm is not None:
        pf.left_indent = Mm(left_indent_mm)
        pf.first_line_indent = Cm(0)
    return p


def body(container, text: str, **kw):
    """A body paragraph: justified, 1.25 cm first-line indent."""
    return para(container, text, style=BODY, **kw)


def plain(container, text: str, **kw):
    """A paragraph without indent, left-aligned."""
    return para(container, text, style=PLAIN, **kw)


def centered(container, text: str, **kw):
    return para(container, text, style=PLAIN, align=WD_ALIGN_PARAGRAPH.CENTER, **kw)


def loop(container, expression: str) -> None:
    """``{%p for … %}`` / ``{%p if … %}``: a paragraph docxtpl removes."""
    para(container, f"{{%p {expression} %}}")


def end_loop(container, word: str = "endfor") -> None:
    para(container, f"{{%p {word} %}}")


def numbered_items(container, var: str, name: str = "i", *, keep_last: bool = False) -> None:
    """Body paragraphs «{{ i.number }} {{ i.text }}» for each item of ``var``; with
    ``keep_last`` the last one keeps with what follows (a signature or a control item never
    stands alone on a page)."""
    text = f"{{{{ {name}.number }}}} {{{{ {name}.text }}}}"
    loop(container, f"for {name} in {var}")
    if keep_last:
        loop(container, "if loop.last")
        body(container, text, keep_with_next=True)
        loop(container, "else")
        body(container, text)
        end_loop(container, "endif")
    else:
        body(container, text)
    end_loop(container)


def page_break(container) -> None:
    container.add_paragraph(style=PLAIN).add_run().add_break(WD_BREAK.PAGE)


def new_page(container):
    """An empty 1-pt paragraph that starts a new page («page break before»), for a part that
    begins with a table. Unlike a paragraph holding a page break (:func:`page_break`), it
    never leaves an empty page behind when the text before it fills its page exactly."""
    p = container.add_paragraph(style=PLAIN)
    p.paragraph_format.page_break_before = True
    p.paragraph_format.line_spacing = Pt(1)
    mark = p._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), "2")
        rpr.append(size)
    mark.append(rpr)
    return p


# --------------------------------------------------------------------------- tables


def _no_borders(table) -> None:
    """No borders and no cell padding, so texts align with the page margins."""
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def fixed_widths(table, widths_mm: Sequence[float]) -> None:
    """A fixed table layout with these column widths (Word and LibreOffice keep them)."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    set_widths(table, widths_mm)


def set_widths(table, widths_mm: Sequence[float]) -> None:
    """The column widths of the grid and of every cell."""
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)


def set_cant_split(row) -> None:
    """Keep a table row on one page."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    tr_pr.append(el)


def repeat_header(row) -> None:
    """Repeat the row at the top of every page the table spans."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    tr_pr.append(el)


def cell_text(cell, text: str, *, style: str = TABLE_TEXT, align=None, bold: bool = False,
              keep_with_next: bool = False, size: float | None = None) -> None:
    """Write ``text`` (tags allowed) into the first paragraph of a cell."""
    p = cell.paragraphs[0]
    p.style = style
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.paragraph_format.alignment = align
    if keep_with_next:
        p.paragraph_format.keep_with_next = True


def grid_table(container, rows: Sequence[Sequence[str]], widths_mm: Sequence[float], *,
               borders: bool = False, aligns: Sequence | None = None, style: str = PLAIN,
               keep_together: bool = False, valign_bottom: bool = False,
               row_sizes: Sequence[float | None] | None = None):
    """A table of fixed texts (tags allowed), bordered or borderless.

    ``row_sizes`` gives a font size per row (None keeps the style's), e.g. small captions
    «(подпись)» under a signature line.
    """
    table = container.add_table(rows=len(rows), cols=len(widths_mm))
    if borders:
        table.style = "Table Grid"
    else:
        _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    fixed_widths(table, widths_mm)
    for r, values in enumerate(rows):
        row = table.rows[r]
        if keep_together:
            set_cant_split(row)
        for c, value in enumerate(values):
            align = aligns[c] if aligns else None
            cell_text(row.cells[c], value, style=style, align=align,
                      keep_with_next=keep_together and r < len(rows) - 1,
                      size=row_sizes[r] if row_sizes else None)
            if valign_bottom:
                row.cells[c].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    return table


def loop_table(container, headers: Sequence[str], cells: Sequence[str], loop_expr: str,
               widths_mm: Sequence[float], *, aligns: Sequence | None = None,
               min_height_mm: float | None = None, size: float | None = None,
               keep_last_with_next: bool = False):
    """A bordered table whose body rows repeat with ``{%tr for … %}``.

    ``cells`` are the tagged texts of one repeated row. The header row repeats on every
    page and no row breaks across pages. ``keep_last_with_next``: the last body row keeps
    with the next paragraph (a signature under the table never stands alone on a page).
    """
    n = len(widths_mm)
    table = container.add_table(rows=4, cols=n)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    fixed_widths(table, widths_mm)
    header = table.rows[0]
    repeat_header(header)
    set_cant_split(header)
    for c, text in enumerate(headers):
        cell_text(header.cells[c], text, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=size)
        header.cells[c].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    cell_text(table.rows[1].cells[0], f"{{%tr {loop_expr} %}}")
    for c, text in enumerate(cells):
        align = aligns[c] if aligns else None
        cell_text(table.rows[2].cells[c], text, align=align, size=size)
    set_cant_split(table.rows[2])
    if min_height_mm:
        from docx.enum.table import WD_ROW_HEIGHT_RULE

        table.rows[2].height = Mm(min_height_mm)
        table.rows[2].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    cell_text(table.rows[3].cells[0], "{%tr endfor %}")
    if keep_last_with_next:
        _keep_last_row_with_next(table)
    return table


def _keep_last_row_with_next(table) -> None:
    """Split the body row of a :func:`loop_table` into «if loop.last» (its paragraphs keep
    with the next) and «else» (as it was)."""
    body_row = table.rows[2]._tr
    endfor = table.rows[3]._tr
    tags = ("{%tr if loop.last %}", "{%tr else %}", "{%tr endif %}")
    kept = copy.deepcopy(body_row)
    tag_rows = []
    for tag in tags:
        row = copy.deepcopy(table.rows[1]._tr)
        for t in row.iter(qn("w:t")):
            t.text = ""
        row.find(".//" + qn("w:t")).text = tag
        tag_rows.append(row)
    body_row.addprevious(tag_rows[0])
    body_row.addprevious(kept)
    body_row.addprevious(tag_rows[1])
    endfor.addprevious(tag_rows[2])
    for ppr in kept.iter(qn("w:pPr")):
        if ppr.find(qn("w:keepNext")) is None:
            ppr.insert(1 if ppr.find(qn("w:pStyle")) is not None else 0, OxmlElement("w:keepNext"))


# --------------------------------------------------------------------------- requisites


def letterhead(doc, kind_word: str, *, with_place: bool = True, prefix: str = "") -> None:
    """Organisation name (founder line first, if any), document kind, date and number, place.

    Context: ``letterhead`` (list of lines), ``date``, ``number`` (with «№»), ``place``;
    ``prefix`` («o.») takes them from an object of the context (a second document in the file).
    """
    loop(doc, f"for line in {prefix}letterhead")
    centered(doc, "{{ line }}", bold=True)
    end_loop(doc)
    centered(doc, kind_word, bold=True, space_before=18, space_after=12, size=16)
    grid_table(doc, [[f"{{{{ {prefix}date }}}}", f"{{{{ {prefix}number }}}}"]],
               [TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2],
               aligns=[WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT])
    if with_place:
        centered(doc, f"{{{{ {prefix}place }}}}", space_before=6)


def heading(doc, text: str = "{{ heading }}") -> None:
    """Heading to the text (requisite 17): bold, left, no full stop, at most ~half the width."""
    p = para(doc, text, bold=True, space_before=18, space_after=18, keep_with_next=True)
    p.paragraph_format.right_indent = Mm(TEXT_WIDTH_MM * 0.4)


def signature(doc, post: str = "{{ signer_post }}", name: str = "{{ signer_name }}",
              *, space_before: float = 30, width_mm: float = TEXT_WIDTH_MM):
    """Signature (requisite 22): post at the left, initials and surname at the right margin.

    A borderless two-column table whose row cannot split; the name sits on the last line of
    the post (bottom-aligned cells).
    """
    spacer = plain(doc, "", keep_with_next=True)
    spacer.paragraph_format.space_before = Pt(space_before)
    table = grid_table(doc, [[post, name]], [width_mm * 0.6, width_mm * 0.4],
                       aligns=[WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT],
                       keep_together=True, valign_bottom=True)
    return table


def corner_block(doc, lines: Sequence[str], *, page_break_before: bool = False,
                 space_after: float = 12) -> None:
    """Lines at the top right, within 8 cm (approval stamp, appendix mark)."""
    left = TEXT_WIDTH_MM - CORNER_WIDTH_MM
    for i, line in enumerate(lines):
        para(doc, line, left_indent_mm=left, page_break_before=page_break_before and i == 0,
             space_after=space_after if i == len(lines) - 1 else 0, keep_with_next=True)


def corner_lines(doc, var: str, *, text_width_mm: float = TEXT_WIDTH_MM, new_page: bool = False) -> None:
    """The lines of the context list ``var`` at the top right, within 8 cm (an addressee,
    an approval stamp, an appendix mark), each kept with the next paragraph.
    ``text_width_mm`` is the page's text width (:data:`LANDSCAPE_TEXT_WIDTH_MM` on a
    landscape page). ``new_page``: the first line starts a new page («page break before»,
    so that no empty page is left when the text before fills its page)."""
    indent = text_width_mm - CORNER_WIDTH_MM
    loop(doc, f"for line in {var}")
    if new_page:
        loop(doc, "if loop.first")
        para(doc, "{{ line }}", left_indent_mm=indent, keep_with_next=True, page_break_before=True)
        loop(doc, "else")
        para(doc, "{{ line }}", left_indent_mm=indent, keep_with_next=True)
        end_loop(doc, "endif")
    else:
        para(doc, "{{ line }}", left_indent_mm=indent, keep_with_next=True)
    end_loop(doc)


def new_section(doc):
    """An empty 1-pt paragraph that ends a section: what follows is a document of its own on a
    new page, its pages numbered from 1 (no number on its first page). The paragraph is one
    point high, so it never spills onto a page of its own; the last section (the body's
    ``sectPr``) restarts the numbering."""
    p = new_page(doc)
    p.paragraph_format.page_break_before = False
    body_sect = doc.sections[-1]._sectPr
    p._p.get_or_add_pPr().append(copy.deepcopy(body_sect))
    if body_sect.find(qn("w:pgNumType")) is None:
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        # w:pgNumType comes after the page margins and borders in the schema's order
        body_sect.find(qn("w:pgMar")).addnext(numbering)
    return p


def grif_table(doc, left_var: str, right_var: str, *, width_mm: float = TEXT_WIDTH_MM):
    """Two columns of lines at the top of an approved document: the grifs of the bodies
    that adopted or agreed it at the left (``left_var``), the approval mark at the right
    within 8 cm (``right_var``). A borderless table that keeps on one page."""
    table = grid_table(doc, [["", ""]], [width_mm - CORNER_WIDTH_MM, CORNER_WIDTH_MM], keep_together=True)
    for cell, var in zip(table.rows[0].cells, (left_var, right_var)):
        cell.paragraphs[0].add_run(f"{{%p for line in {var} %}}")
        cell.add_paragraph("{{ line }}", style=PLAIN).paragraph_format.right_indent = Mm(5)
        cell.add_paragraph("{%p endfor %}", style=PLAIN)
        cell.add_paragraph("", style=PLAIN)  # a cell keeps a paragraph when the list is empty
    return table


def acquaintance(doc, title: str, rows_var: str = "acquaintance") -> None:
    """«С приказом ознакомлены»: № · фамилия, инициалы · должность · подпись · дата; each
    row at least 10 mm high, room enough to sign in.

    Context: ``rows_var`` is a list of rows with ``number``, ``name``, ``post``.
    """
    loop(doc, f"if {rows_var}")
    plain(doc, title, bold=True, page_break_before=False, space_before=18, space_after=6,
          keep_with_next=True)
    loop_table(doc, ["№ п/п", "Фамилия, инициалы", "Должность", "Подпись", "Дата"],
               ["{{ r.number }}", "{{ r.name }}", "{{ r.post }}", "", ""],
               f"for r in {rows_var}", [12, 57, 46, 25, 25],
               aligns=[WD_ALIGN_PARAGRAPH.CENTER, None, None, None, None], min_height_mm=10)
    end_loop(doc, "endif")


def date_and_signature(doc, date: str, name: str, *, space_before: float = 24,
                       captions: Sequence[str] = ("", "(подпись)", "(расшифровка подписи)"),
                       widths: Sequence[float] = (0.42, 0.28, 0.30),
                       aligns: Sequence = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER,
                                           WD_ALIGN_PARAGRAPH.RIGHT),
                       sign_line: str = "_" * 16):
    """A person's own signature under a statement: «««26» августа 2026 г.   ________________
    Н.И. Сидорук» on one row, 10 pt ``captions`` under it, kept together. ``widths`` are
    fractions of the text width."""
    spacer = plain(doc, "", keep_with_next=True)
    spacer.paragraph_format.space_before = Pt(space_before)
    return grid_table(doc, [[date, sign_line, name], list(captions)],
                      [TEXT_WIDTH_MM * f for f in widths], aligns=list(aligns),
                      keep_together=True, valign_bottom=True, row_sizes=[None, 10])


def signature_rows(doc, rows_var: str) -> None:
    """Several signatures (chair, secretary, members) from ``rows_var`` (``role``, ``name``).

    A borderless table; each signature row keeps on one page, with room to sign above it.
    """
    widths = [TEXT_WIDTH_MM * 0.6, TEXT_WIDTH_MM * 0.4]
    table = grid_table(doc, [[f"{{%tr for s in {rows_var} %}}", ""],
                             ["{{ s.role }}", "{{ s.name }}"],
                             ["{%tr endfor %}", ""]], widths,
                       aligns=[WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT])
    row = table.rows[1]
    set_cant_split(row)
    for cell in row.cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(18)
        cell.paragraphs[0].paragraph_format.keep_with_next = True  # the block stays together
    return table
