"""The template of the regulation on the mentoring system (``regulation``).

The organisation's name at the top, the grifs of the bodies that adopted and agreed it at
the left and the approval mark at the right, the title and the numbered text — the same
first page and text as the regulation appended to the order that approves it
(:func:`.orders.approved_text`).
"""

from __future__ import annotations

from pathlib import Path

from . import _gost as g
from .orders import approved_text


def build(docx_dir: Path, xlsx_dir: Path) -> list[Path]:
    doc = g.new_document()
    g.loop(doc, "for line in letterhead")
    g.centered(doc, "{{ line }}", bold=True)
    g.end_loop(doc)
    g.plain(doc, "", space_after=12)
    approved_text(doc)
    return [g.save(doc, docx_dir / "regulation.docx")]
