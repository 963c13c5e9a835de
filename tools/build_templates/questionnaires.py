"""Templates of the questionnaires (анкеты): the candidate mentor's, the mentee's and the
satisfaction form (``nastavnik_docs.kinds.questionnaires``).

One frame serves all three: the organisation, the title, the school year, the respondent's
header lines (a value, or a line to write on), the greeting and the instruction, then the
questions — options with «☐», a «другое:» line, a 1–10 scale as a small table with a row to
mark, or lines for an answer in one's own words — and the date and signature. A question
keeps together on one page; the numbering and notes come from the context. An anonymous
form has only the date at the end, no signature.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Mm, Pt

from . import _gost as g

CENTER = WD_ALIGN_PARAGRAPH.CENTER
OPTION_INDENT_MM = 6
HANG_MM = 5
FILES = ("form_questionnaire_mentor.docx", "form_questionnaire_mentee.docx", "form_feedback.docx")


def lined(container, text: str, *, left_mm: float = 0, keep_with_next: bool = False, space_before: float = 0):
    """``text`` followed by an underscore tab leader to the right margin: a line to write on."""
    p = g.para(container, text, left_indent_mm=left_mm, keep_with_next=keep_with_next,
               space_before=space_before)
    p.paragraph_format.tab_stops.add_tab_stop(Mm(g.TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
    p.add_run().add_tab()
    return p


def _hang(p) -> None:
    """A wrapped option continues under its text, not under the box."""
    p.paragraph_format.first_line_indent = -Mm(HANG_MM)


def _keep_unless_last(doc, condition: str, add: Callable[[bool], object]) -> None:
    """A paragraph written by ``add(keep_with_next)`` that keeps with the next one unless
    ``condition`` (the last answer of a question) holds, so that a question never splits
    but questions do."""
    g.loop(doc, f"if {condition}")
    add(False)
    g.loop(doc, "else")
    add(True)
    g.end_loop(doc, "endif")


def _scale(doc) -> None:
    """Numbers 1–10 and a row of empty cells to mark one of them."""
    table = g.grid_table(doc, [[str(n) for n in range(1, 11)], [""] * 10], [13] * 10, borders=True,
                         aligns=[CENTER] * 10, keep_together=True)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.rows[1].height = Mm(7)
    table.rows[1].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _question(doc) -> None:
    g.loop(doc, "for q in questions")
    g.para(doc, "{{ q.number }} {{ q.text }}", bold=True, keep_with_next=True, space_before=8)
    g.loop(doc, "if q.note")
    p = g.para(doc, "{{ q.note }}", keep_with_next=True, size=10)
    p.runs[0].italic = True
    g.end_loop(doc, "endif")
    g.loop(doc, "for o in q.options")
    _keep_unless_last(doc, "loop.last and not q.write_in", lambda keep: _hang(
        g.para(doc, "{{ o }}", keep_with_next=keep, left_indent_mm=OPTION_INDENT_MM + HANG_MM)))
    g.end_loop(doc)
    g.loop(doc, "if q.write_in")
    _hang(lined(doc, "{{ q.write_in }} ", left_mm=OPTION_INDENT_MM + HANG_MM))
    g.end_loop(doc, "endif")
    g.loop(doc, "if q.scale")
    spacer = g.plain(doc, "", keep_with_next=True)
    spacer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    spacer.paragraph_format.line_spacing = Pt(4)
    _scale(doc)
    g.end_loop(doc, "endif")
    g.loop(doc, "for l in q.lines")
    _keep_unless_last(doc, "loop.last", lambda keep: lined(doc, "{{ l }}", space_before=6, keep_with_next=keep))
    g.end_loop(doc)
    g.end_loop(doc)


def questionnaire(path: Path) -> Path:
    doc = g.new_document(font_size=12)
    g.centered(doc, "{{ organization }}", space_after=12)
    g.loop(doc, "for line in title")
    g.loop(doc, "if loop.first")
    g.centered(doc, "{{ line }}", bold=True, size=14, keep_with_next=True)
    g.loop(doc, "else")
    g.centered(doc, "{{ line }}", bold=True, keep_with_next=True)
    g.end_loop(doc, "endif")
    g.end_loop(doc)
    g.loop(doc, "if school_year")
    g.centered(doc, "{{ school_year }}", keep_with_next=True)
    g.end_loop(doc, "endif")
    g.plain(doc, "", keep_with_next=True)
    g.loop(doc, "for f in fields")
    g.loop(doc, "if f.value")
    g.plain(doc, "{{ f.label }}: {{ f.value }}", space_before=4)
    g.loop(doc, "else")
    lined(doc, "{{ f.label }}: ", space_before=4)
    g.end_loop(doc, "endif")
    g.end_loop(doc)
    g.centered(doc, "{{ greeting }}", bold=True, space_before=12, space_after=4, keep_with_next=True)
    g.body(doc, "{{ intro }}")
    _question(doc)
    g.loop(doc, "if anonymous")
    g.plain(doc, "Дата заполнения: {{ date }}", space_before=24)
    g.loop(doc, "else")
    g.date_and_signature(doc, "{{ date }}", "{{ signer_name }}", space_before=24)
    g.end_loop(doc, "endif")
    return g.save(doc, path)


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    return [questionnaire(docx_dir / name) for name in FILES]

