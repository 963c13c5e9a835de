"""Templates of the protocols (протоколы): one DOCX per kind on the ГОСТ frame.

The list of those present is an appendix that starts its page with «page break before» on
its first line (no empty page when the protocol fills its last page), its rows tall enough
to sign in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

from . import _gost as g

C = WD_ALIGN_PARAGRAPH.CENTER


def protocol_start(doc) -> None:
    """Requisites, heading («заседания …») and the header lines (chair, secretary, present)."""
    g.letterhead(doc, "ПРОТОКОЛ")
    g.heading(doc)
    g.loop(doc, "for line in header")
    g.body(doc, "{{ line }}")
    g.end_loop(doc)


def protocol_signatures(doc) -> None:
    """Chair, secretary (and members): role at the left, initials and surname at the right."""
    g.plain(doc, "", space_before=12, keep_with_next=True)
    g.signature_rows(doc, "signatures")


def _council(doc) -> None:
    g.plain(doc, "ПОВЕСТКА ДНЯ:", space_before=12, space_after=6, keep_with_next=True)
    g.numbered_items(doc, "agenda", "a")
    g.loop(doc, "for q in questions")
    g.plain(doc, "{{ q.number }} СЛУШАЛИ:", space_before=12, keep_with_next=True)
    g.body(doc, "{{ q.heard }}")
    g.loop(doc, "if q.speeches")
    g.plain(doc, "ВЫСТУПИЛИ:", keep_with_next=True)
    g.loop(doc, "for s in q.speeches")
    g.body(doc, "{{ s }}")
    g.end_loop(doc)
    g.end_loop(doc, "endif")
    g.plain(doc, "ПОСТАНОВИЛИ:", keep_with_next=True)
    g.numbered_items(doc, "q.decisions", "d")
    g.body(doc, "Голосовали: {{ q.votes }}.")
    g.end_loop(doc)
    protocol_signatures(doc)
    g.loop(doc, "if present_list")
    g.corner_block(doc, ["Приложение", "к\u00a0протоколу {{ org_name }}", "от {{ date_numeric }} {{ number }}"],
                   page_break_before=True)
    g.centered(doc, "Список присутствовавших", bold=True, space_after=12, keep_with_next=True)
    g.loop_table(doc, ["№ п/п", "Фамилия, инициалы", "Должность", "Подпись"],
                 ["{{ r.number }}", "{{ r.name }}", "{{ r.post }}", ""],
                 "for r in present_list", [12, 55, 68, 30], aligns=[C, None, None, None], min_height_mm=10)
    g.end_loop(doc, "endif")


def _interview(doc) -> None:
    g.loop(doc, "for line in candidate")
    g.body(doc, "{{ line }}")
    g.end_loop(doc)
    g.plain(doc, "Оценка профессиональных и\u00a0личностных компетенций:", space_before=12, space_after=6,
            keep_with_next=True)
    g.loop_table(doc, ["№ п/п", "Компетенция", "Оценка"],
                 ["{{ r.number }}", "{{ r.name }}", "{{ r.assessment }}"],
                 "for r in competences", [12, 103, 50], aligns=[C, None, None])
    g.plain(doc, "РЕШИЛИ:", space_before=12, keep_with_next=True)
    g.body(doc, "{{ decision }}", keep_with_next=True)
    g.body(doc, "Голосовали: {{ votes }}.", keep_with_next=True)
    protocol_signatures(doc)


def _review(doc) -> None:
    g.plain(doc, "Рассмотрены кандидатуры:", space_before=12, space_after=6, keep_with_next=True)
    g.loop_table(doc, ["№ п/п", "Фамилия, имя, отчество", "Должность", "Стаж", "Форма настав\u00adничества",
                       "Решение"],
                 ["{{ r.number }}", "{{ r.name }}", "{{ r.post }}", "{{ r.experience }}", "{{ r.form }}",
                  "{{ r.decision }}"],
                 "for r in candidates", [10, 38, 36, 17, 27, 37], aligns=[C, None, None, C, None, None], size=11)
    g.plain(doc, "РЕШИЛИ:", space_before=12, keep_with_next=True)
    g.numbered_items(doc, "decisions", "d")
    g.body(doc, "Голосовали: {{ votes }}.", keep_with_next=True)
    protocol_signatures(doc)


KINDS: dict[str, Callable] = {
    "council": _council,
    "mentor_interview": _interview,
    "candidates_review": _review,
}


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    written = []
    for name, body in KINDS.items():
        doc = g.new_document()
        protocol_start(doc)
        body(doc)
        written.append(g.save(doc, docx_dir / f"protocol_{name}.docx"))
    return written
