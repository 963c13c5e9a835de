"""Templates of the Labour Code documents of a mentor: the written consent and the
supplementary agreement to the employment contract (``nastavnik_docs.kinds.labour``).

The consent is an employee's application-like document: the addressee at the top right
(within 8 cm), a centred heading, the text, the date at the left and the signature with its
decoding at the right. The agreement is a bilateral document: title with the contract it
amends, place and date, the parties, numbered clauses, the requisites and signatures of both
parties in two columns and the employee's receipt of a copy.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from . import _gost as g

LEFT, RIGHT = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT
SIGN_LINE = "_" * 16


def consent(docx_dir: Path) -> Path:
    doc = g.new_document()
    g.corner_lines(doc, "addressee")
    g.centered(doc, "{{ heading }}", bold=True, space_before=30, space_after=18, keep_with_next=True)
    g.body(doc, "{{ statement }}")
    g.loop(doc, "for a in assignments")
    g.body(doc, "{{ a }}")
    g.end_loop(doc)
    g.body(doc, "{{ regulation }}", space_before=6)
    g.body(doc, "{{ pay }}", space_before=6, keep_with_next=True)
    g.date_and_signature(doc, "{{ date }}", "{{ signer_name }}")
    return g.save(doc, docx_dir / "labour_mentor_consent.docx")


def agreement(docx_dir: Path) -> Path:
    doc = g.new_document()
    g.loop(doc, "for line in title")
    g.centered(doc, "{{ line }}", bold=True, keep_with_next=True)
    g.end_loop(doc)
    g.plain(doc, "", keep_with_next=True)
    g.grid_table(doc, [["{{ place }}", "{{ date }}"]], [g.TEXT_WIDTH_MM / 2, g.TEXT_WIDTH_MM / 2],
                 aligns=[LEFT, RIGHT])
    g.body(doc, "{{ parties }}", space_before=12)
    g.numbered_items(doc, "items")

    w = g.TEXT_WIDTH_MM / 2
    g.centered(doc, "Реквизиты и\u00a0подписи Сторон", bold=True, space_before=18, space_after=6,
               keep_with_next=True)
    heads = g.grid_table(doc, [["Работодатель", "Работник"]], [w, w], aligns=[LEFT, LEFT],
                         keep_together=True)
    for cell in heads.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    rows = g.grid_table(doc, [["{%tr for r in requisites %}", ""],
                              ["{{ r.employer }}", "{{ r.employee }}"],
                              ["{%tr endfor %}", ""]], [w, w], style=g.TABLE_TEXT)
    g.set_cant_split(rows.rows[1])
    for cell in rows.rows[1].cells:
        cell.paragraphs[0].paragraph_format.keep_with_next = True
        cell.paragraphs[0].paragraph_format.right_indent = Pt(8)
    sign = g.grid_table(doc, [["{{ employer_post }}", ""],
                              [f"{SIGN_LINE} {{{{ employer_name }}}}", f"{SIGN_LINE} {{{{ employee_name }}}}"],
                              ["М.П.", ""]], [w, w], aligns=[LEFT, LEFT], keep_together=True)
    for cell in sign.rows[1].cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(18)

    g.plain(doc, "{{ receipt }}", space_before=18, keep_with_next=True)
    g.date_and_signature(doc, "«___» ____________ 20___ г.", "{{ employee_name }}", space_before=12)
    return g.save(doc, docx_dir / "labour_supplementary_agreement.docx")


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    return [consent(docx_dir), agreement(docx_dir)]
