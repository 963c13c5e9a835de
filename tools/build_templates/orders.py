"""Templates of the orders (приказы): one DOCX per kind, all on the same ГОСТ frame.

The frame places the context of ``nastavnik_docs.kinds.orders.OrderContext``; kinds with a
table appendix add their own table after the text appendices.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from . import _gost as g

CENTER = WD_ALIGN_PARAGRAPH.CENTER


def order_frame(doc) -> None:
    """Requisites, heading, preamble, ПРИКАЗЫВАЮ:, items, control item, signature, acquaintance."""
    g.letterhead(doc, "ПРИКАЗ")
    g.heading(doc)
    g.loop(doc, "if preamble")
    g.body(doc, "{{ preamble }}")
    g.end_loop(doc, "endif")
    g.plain(doc, "ПРИКАЗЫВАЮ:", space_before=6, space_after=6, keep_with_next=True)
    g.numbered_items(doc, "items", keep_last=True)  # the last item stays with the control item and the signature
    g.body(doc, "{{ control.number }} {{ control.text }}", keep_with_next=True)
    g.signature(doc)
    g.acquaintance(doc, "С приказом ознакомлены:")


def _corner_and_title(doc, var: str) -> None:
    """The corner mark (top right, within 8 cm) and the centred bold title of ``var``."""
    g.corner_lines(doc, f"{var}.mark")
    g.plain(doc, "", keep_with_next=True)
    g.loop(doc, f"for line in {var}.title")
    g.centered(doc, "{{ line }}", bold=True, keep_with_next=True)
    g.end_loop(doc)
    g.plain(doc, "", keep_with_next=True)


def _page_break_if(doc, var: str) -> None:
    g.loop(doc, f"if {var}")
    g.page_break(doc)
    g.end_loop(doc, "endif")


def table_appendix(doc, var: str, headers, cells, widths, aligns=None, size=None) -> None:
    _page_break_if(doc, var)
    g.loop(doc, f"if {var}")
    _corner_and_title(doc, var)
    g.loop_table(doc, headers, cells, f"for r in {var}.rows", widths, aligns=aligns, size=size)
    g.end_loop(doc, "endif")


def _build(name: str, extra: Callable | None, docx_dir: Path) -> Path:
    doc = g.new_document()
    order_frame(doc)
    _page_break_if(doc, "appendices")
    text_appendices_paged(doc)
    if extra is not None:
        extra(doc)
    return g.save(doc, docx_dir / f"order_{name}.docx")


def text_appendices_paged(doc) -> None:
    """Text appendices, each on its own page."""
    g.loop(doc, "for a in appendices")
    g.loop(doc, "if not loop.first")
    g.page_break(doc)
    g.end_loop(doc, "endif")
    _corner_and_title(doc, "a")
    g.loop(doc, "for b in a.blocks")
    g.loop(doc, "if b.heading")
    g.centered(doc, "{{ b.text }}", bold=True, space_before=12, space_after=6, keep_with_next=True)
    g.loop(doc, "else")
    g.body(doc, "{{ b.text }}")
    g.end_loop(doc, "endif")
    g.end_loop(doc)
    g.end_loop(doc)


C = CENTER


def _roadmap(doc) -> None:
    table_appendix(doc, "roadmap", ["№ п/п", "Мероприятие", "Срок", "Ответственный"],
                   ["{{ r.number }}", "{{ r.event }}", "{{ r.deadline }}", "{{ r.responsible }}"],
                   [12, 83, 35, 35], aligns=[C, None, C, None])


def _members(doc) -> None:
    table_appendix(doc, "members", ["№ п/п", "Фамилия, имя, отчество", "Должность", "Роль в группе"],
                   ["{{ r.number }}", "{{ r.name }}", "{{ r.post }}", "{{ r.role }}"],
                   [12, 55, 55, 43], aligns=[C, None, None, None])


def _pairs(doc) -> None:
    table_appendix(doc, "pairs",
                   ["№ п/п", "Наставник (ФИО, должность)", "Наставляемый (ФИО, должность или класс)",
                    "Форма настав\u00adничества", "Срок", "Согласие наставника, доп. соглашение, доплата"],
                   ["{{ r.number }}", "{{ r.mentor }}", "{{ r.mentees }}", "{{ r.form }}",
                    "{{ r.term }}", "{{ r.consent }}"],
                   [10, 36, 38, 26, 24, 31], aligns=[C, None, None, None, C, None], size=11)


def _programme(doc) -> None:
    table_appendix(doc, "programme", ["№ п/п", "Время", "Содержание", "Ответственный"],
                   ["{{ r.number }}", "{{ r.time }}", "{{ r.title }}", "{{ r.responsible }}"],
                   [12, 28, 80, 45], aligns=[C, C, None, None])


KINDS: dict[str, Callable | None] = {
    "appoint_curator": None,
    "approve_regulation": _roadmap,
    "introduce_model": None,
    "working_group": _members,
    "appoint_mentors": None,
    "assign_pairs": _pairs,
    "reward": None,
    "final_event": _programme,
    "change_pair": None,
}


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    return [_build(name, extra, docx_dir) for name, extra in KINDS.items()]
