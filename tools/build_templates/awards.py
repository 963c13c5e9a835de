"""Templates of the award kinds: грамота, благодарность, благодарственное письмо, сертификат, диплом.

A certificate is not an order: one page, a large title, centred text and a simple double
border, but still an official document — organisation name, date, signature block with the
head's post and name, the basis (order), an optional registration number and an optional QR
code at the bottom right (requisite 31 of ГОСТ Р 7.0.97-2025). The grammar
(which case the name takes, «она приняла участие») comes from ``nastavnik_docs.kinds.awards``;
these templates only place values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from . import _gost

MARGIN_MM = 20
CENTER, LEFT, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)
DARK_RED = "8B1A1A"
DARK_BLUE = "1F3864"
#: The height an emblem of ~22 mm takes; left empty when there is none.
LOGO_ROOM_PT = 54


@dataclass(frozen=True)
class Layout:
    """What differs between the five awards."""

    file: str
    title: tuple[tuple[str, float, str | None], ...]  # lines of the title: text, size (pt), printed-if
    lead: str | None  # «награждается» / «объявляется» / «Настоящий сертификат выдан»
    name: str  # the recipient's case attribute
    landscape: bool
    color: str
    gap_before_title: float  # pt
    gap_before_signature: float  # pt
    letter: bool = False
    degree: bool = False


LAYOUTS = (
    # «Почётная» only for an employee: a pupil gets a «Грамота» (the context's ``honorary``).
    Layout("award_gramota.docx", (("ПОЧЁТНАЯ", 40, "honorary"), ("ГРАМОТА", 48, None)), "награждается",
           "nominative", False, DARK_RED, 72, 84),
    Layout("award_thanks.docx", (("БЛАГОДАРНОСТЬ", 40, None),), "объявляется", "dative",
           False, DARK_BLUE, 90, 100),
    Layout("award_letter.docx", (("БЛАГОДАРСТВЕННОЕ", 34, None), ("ПИСЬМО", 34, None)), None, "dative",
           False, DARK_BLUE, 56, 64, letter=True),
    Layout("award_certificate.docx", (("СЕРТИФИКАТ", 44, None), ("участника программы наставничества", 20, None)),
           "Настоящий сертификат выдан", "dative", True, DARK_BLUE, 8, 8),
    Layout("award_diploma.docx", (("ДИПЛОМ", 48, None),), "награждается", "nominative", True,
           DARK_RED, 8, 8, degree=True),
)


def _page(doc, landscape: bool, color: str) -> float:
    """A4 (turned with :func:`._gost.landscape`) with 20 mm margins and a double border;
    returns the text width in mm."""
    section = doc.sections[0]
    width = _gost.PAGE_WIDTH_MM
    if landscape:
        _gost.landscape(doc)
        width = _gost.PAGE_HEIGHT_MM
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    # A one-page certificate has no page numbers: drop the ГОСТ header of the base document.
    section.different_first_page_header_footer = False
    section.header.is_linked_to_previous = True
    section.first_page_header.is_linked_to_previous = True
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for edge in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "double")
        line.set(qn("w:sz"), "18")
        line.set(qn("w:space"), "24")
        line.set(qn("w:color"), color)
        borders.append(line)
    section._sectPr.find(qn("w:pgMar")).addnext(borders)
    return width - 2 * MARGIN_MM


def _line(doc, text: str, size: float, *, bold: bool = False, italic: bool = False,
          color: str | None = None, before: float = 0, after: float = 0, align=CENTER,
          keep_with_next: bool = True):
    p = _gost.para(doc, text, align=align, bold=bold, size=size, space_before=before,
                   space_after=after, keep_with_next=keep_with_next)
    for run in p.runs:
        run.italic = italic or None
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    return p


def _optional(doc, condition: str, text: str, size: float, **kw) -> None:
    """A paragraph printed only when ``condition`` holds (docxtpl ``{%p if %}``)."""
    _gost.loop(doc, f"if {condition}")
    _line(doc, text, size, **kw)
    _gost.end_loop(doc, "endif")


def _signature(doc, width_mm: float) -> None:
    """Post at the left, a line to sign on, initials and surname at the right; М.П. below."""
    table = _gost.grid_table(
        doc, [["{{ signer_post }}", "", "{{ signer_name }}"], ["М.П.", "", ""]],
        [width_mm * 0.45, width_mm * 0.25, width_mm * 0.30],
        aligns=[LEFT, CENTER, RIGHT], keep_together=True, valign_bottom=True)
    line = table.rows[0].cells[1].paragraphs[0]
    line.add_run("_" * 14)
    for r, row in enumerate(table.rows):
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(14 if r == 0 else 11)
    stamp = table.rows[1].cells[0].paragraphs[0]
    stamp.paragraph_format.left_indent = Cm(1)
    stamp.paragraph_format.space_before = Pt(4)


def _slim(doc) -> None:
    """Drop what a one-page certificate never uses, so that each of the thousands of files
    a batch writes is ~8 KB instead of ~38 KB: python-docx's default package carries a
    350 KB styles part with 160 styles, a 440 KB stylesWithEffects copy for Word 2007, a
    thumbnail and a customXml item. Kept: the styles the document uses (and what they are
    based on or linked to) and the defaults."""
    for rel in list(doc.part.rels.values()):
        if rel.reltype.rsplit("/", 1)[-1] in ("stylesWithEffects", "customXml"):
            doc.part.drop_rel(rel.rId)
    package_rels = doc.part.package.rels
    for rid in [r.rId for r in package_rels.values() if r.reltype.endswith("/thumbnail")]:
        package_rels.pop(rid)
    styles = doc.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    body = doc.element.body
    used = {el.get(qn("w:val")) for tag in ("w:pStyle", "w:rStyle", "w:tblStyle")
            for el in body.iter(qn(tag))}
    by_id = {st.get(qn("w:styleId")): st for st in styles.findall(qn("w:style"))}
    used |= {sid for sid, st in by_id.items() if st.get(qn("w:default")) == "1"}
    pending = list(used)
    while pending:
        st = by_id.get(pending.pop())
        if st is None:
            continue
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = st.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) not in used:
                used.add(ref.get(qn("w:val")))
                pending.append(ref.get(qn("w:val")))
    for sid, st in by_id.items():
        if sid not in used:
            styles.remove(st)


def build_one(layout: Layout, path: Path) -> Path:
    doc = _gost.new_document()
    width = _page(doc, layout.landscape, layout.color)
    _gost.loop(doc, "if logo")
    _line(doc, "{{ logo }}", 12, after=6)
    _gost.end_loop(doc, "else")
    # Without an emblem the same height stays free, so the sheet keeps its balance.
    _gost.plain(doc, "", keep_with_next=True).paragraph_format.space_before = Pt(LOGO_ROOM_PT)
    _gost.end_loop(doc, "endif")
    _optional(doc, "founder", "{{ founder }}", 12, after=2)
    _line(doc, "{{ organization_name }}", 13, bold=True)

    for i, (text, size, condition) in enumerate(layout.title):
        before = layout.gap_before_title if i == 0 else 0
        if condition and before:
            # The gap stays when the optional line does not: it goes on an empty paragraph.
            _gost.plain(doc, "", keep_with_next=True).paragraph_format.space_before = Pt(before - size)
            before = 0
        if condition:
            _optional(doc, condition, text, size, bold=True, color=layout.color, before=before)
        else:
            _line(doc, text, size, bold=True, color=layout.color, before=before)
    if layout.degree:
        _optional(doc, "degree", "{{ degree }}", 24, bold=True, color=layout.color, before=6)

    if layout.letter:
        # The addressee in full, so that the archive copy says whom it thanked.
        _line(doc, "{{ recipient.dative }}", 16, bold=True, before=24, after=0)
        _optional(doc, "about.dative", "{{ about.dative }}", 14, after=0)
        _line(doc, "{{ greeting }}", 20, bold=True, italic=True, before=18, after=18)
        p = _line(doc, "{{ statement }}", 16, align=JUSTIFY, keep_with_next=True)
        p.paragraph_format.first_line_indent = Cm(1.25)
        p.paragraph_format.line_spacing = 1.15
    else:
        _line(doc, layout.lead or "", 18, italic=True, before=12 if layout.landscape else 36)
        _line(doc, f"{{{{ recipient.{layout.name} }}}}", 26, bold=True,
              before=6 if layout.landscape else 10, after=4)
        _optional(doc, f"about.{layout.name}", f"{{{{ about.{layout.name} }}}}", 16, after=4)
        p = _line(doc, "{{ statement }}", 16, before=8 if layout.landscape else 12)
        p.paragraph_format.left_indent = p.paragraph_format.right_indent = Cm(1)
    _optional(doc, "basis", "{{ basis }}", 12, italic=True, before=8 if layout.landscape else 12)

    spacer = _gost.plain(doc, "", keep_with_next=True)
    spacer.paragraph_format.space_before = Pt(layout.gap_before_signature)
    _signature(doc, width)
    # Requisite 31 (ГОСТ Р 7.0.97-2025): the QR code at the bottom right, after the number.
    # The code makes the row as tall as two lines, so the place goes under the date there
    # instead of a line of its own (the sheet stays one page).
    table = _gost.grid_table(
        doc, [["{{ date }}{% if qr %}\n{{ place }}{% endif %}",
               "{% if number %}{{ number }}{% endif %}{% if qr %} {{ qr }}{% endif %}"]],
        [width / 2, width / 2], aligns=[LEFT, RIGHT], keep_together=True)
    for cell in table.rows[0].cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        cell.paragraphs[0].paragraph_format.space_before = Pt(12)
        for run in cell.paragraphs[0].runs:
            run.font.size = Pt(12)
    _optional(doc, "not qr", "{{ place }}", 12, before=12, keep_with_next=False)
    _slim(doc)
    return _gost.save(doc, path)


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    return [build_one(layout, docx_dir / layout.file) for layout in LAYOUTS]
