"""The regulation on the mentoring system (Положение о системе наставничества).

* :mod:`._text` — the content an organisation gives (:class:`RegulationContent`), the
  default text of its sections (``regulation.yaml``) numbered into paragraphs, the grifs;
* :mod:`.document` — the ``regulation`` kind, the regulation as a document of its own.

``order.approve_regulation`` appends the same text to the order that approves it.
"""

from ._text import (
    ParentsCouncil,
    Point,
    PupilsCouncil,
    RegulationContent,
    SectionText,
    UnionOpinion,
    approval_lines,
    considering_text,
    grif_lines,
    regulation_blocks,
    regulation_facts,
    regulation_title,
    section_keys,
)
from .document import RegulationContext, RegulationInput

__all__ = [
    "ParentsCouncil", "Point", "PupilsCouncil", "RegulationContent", "RegulationContext", "RegulationInput",
    "SectionText", "UnionOpinion", "approval_lines", "considering_text", "grif_lines", "regulation_blocks", "regulation_facts",
    "regulation_title", "section_keys",
]
