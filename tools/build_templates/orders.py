"""Templates of the orders (приказы): one DOCX per kind, all on the same ГОСТ frame.

The frame places the context of ``nastavnik_docs.kinds.orders.OrderContext``; kinds with a
table appendix add their own table after the text appendices. Every appendix starts a new
page with «page break before» on its first paragraph (never with a paragraph holding a
break, which leaves an empty page when the acquaintance list fills its page).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from . import _gost as g

CENTER = WD_ALIGN_PARAGRAPH.CENTER


def order_frame(doc, prefix: str = "") -> None:
    """Requisites, heading, preamble, ПРИКАЗЫВАЮ:, items, control item, signature, acquaintance.

    ``prefix`` («o.») places an order held by an object of the context: the second order of
    a file (a reward of pupils beside the personnel order)."""
    p = prefix
    g.letterhead(doc, "ПРИКАЗ", prefix=p)
    g.heading(doc, f"{{{{ {p}heading }}}}")
    g.loop(doc, f"if {p}preamble")
    g.body(doc, f"{{{{ {p}preamble }}}}")
    g.end_loop(doc, "endif")
    g.plain(doc, "ПРИКАЗЫВАЮ:", space_before=6, space_after=6, keep_with_next=True)
    g.numbered_items(doc, f"{p}items", keep_last=True)  # the last item stays with the control item and the signature
    g.body(doc, f"{{{{ {p}control.number }}}} {{{{ {p}control.text }}}}", keep_with_next=True)
    g.signature(doc, f"{{{{ {p}signer_post }}}}", f"{{{{ {p}signer_name }}}}")
    g.acquaintance(doc, "С\u00a0приказом ознакомлены:", rows_var=f"{p}acquaintance")


def _title(doc, p: str) -> None:
    """The centred bold title lines (``{p}title``) between empty lines."""
    g.plain(doc, "", keep_with_next=True)
    g.loop(doc, f"for line in {p}title")
    g.centered(doc, "{{ line }}", bold=True, keep_with_next=True)
    g.end_loop(doc)
    g.plain(doc, "", keep_with_next=True)


def table_appendix(doc, var: str, headers, cells, widths, aligns=None, size=None) -> None:
    """A table appendix on a new page: its mark at the top right (the first line starts the
    page), the title, the table."""
    g.loop(doc, f"if {var}")
    g.corner_lines(doc, f"{var}.mark", new_page=True)
    _title(doc, f"{var}.")
    g.loop_table(doc, headers, cells, f"for r in {var}.rows", widths, aligns=aligns, size=size)
    g.end_loop(doc, "endif")


def approved_text(doc, p: str = "") -> None:
    """An approved document's first page and text: the grifs at the left and the approval
    mark at the right (``{p}grifs``, ``{p}mark``), the title, the text blocks (headings
    centred and bold, points justified)."""
    g.grif_table(doc, f"{p}grifs", f"{p}mark")
    _title(doc, p)
    g.loop(doc, f"for b in {p}blocks")
    g.loop(doc, "if b.heading")
    g.centered(doc, "{{ b.text }}", bold=True, space_before=12, space_after=6, keep_with_next=True)
    g.loop(doc, "else")
    g.body(doc, "{{ b.text }}")
    g.end_loop(doc, "endif")
    g.end_loop(doc)


def text_appendices(doc, var: str = "appendices") -> None:
    """Text appendices, each from a new page (see :func:`approved_text`)."""
    g.loop(doc, f"for a in {var}")
    g.new_page(doc)
    approved_text(doc, "a.")
    g.end_loop(doc)


def _build(name: str, extra: Callable | None, docx_dir: Path) -> Path:
    doc = g.new_document()
    order_frame(doc)
    text_appendices(doc)
    if extra is not None:
        extra(doc)
    return g.save(doc, docx_dir / f"order_{name}.docx")


C = CENTER


def _roadmap(doc) -> None:
    table_appendix(doc, "roadmap", ["№ п/п", "Мероприятие", "Срок", "Ответственный"],
                   ["{{ r.number }}", "{{ r.event }}", "{{ r.deadline }}", "{{ r.responsible }}"],
                   [12, 83, 35, 35], aligns=[C, None, C, None])


def _members(doc) -> None:
    table_appendix(doc, "members", ["№ п/п", "Фамилия, имя, отчество", "Должность", "Роль в\u00a0группе"],
                   ["{{ r.number }}", "{{ r.name }}", "{{ r.post }}", "{{ r.role }}"],
                   [12, 55, 55, 43], aligns=[C, None, None, None])


def _pairs(doc) -> None:
    table_appendix(doc, "pairs",
                   ["№ п/п", "Наставник (ФИО, должность)", "Наставляемый (ФИО, должность или класс)",
                    "Форма настав\u00adничества", "Срок", "Согласие наставника, доп. соглашение, доплата"],
                   ["{{ r.number }}", "{{ r.mentor }}", "{{ r.mentees }}", "{{ r.form }}",
                    "{{ r.term }}", "{{ r.consent }}"],
                   [10, 36, 38, 26, 24, 31], aligns=[C, None, None, None, C, None], size=11)


def _next_orders(doc) -> None:
    """Further orders of the same file, each a section of its own from a new page, its pages
    numbered from 1 (pupils' rewards)."""
    g.loop(doc, "for o in next_orders")
    g.new_section(doc)  # each order is a document of its own: pages numbered from 1
    order_frame(doc, "o.")
    g.end_loop(doc)


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
    "reward": _next_orders,
    "final_event": _programme,
    "change_pair": None,
}


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    return [_build(name, extra, docx_dir) for name, extra in KINDS.items()]
