"""WordprocessingML as text: what the fast path, the merged print file and the template
check share about a Word document's parts, above the package layer (:mod:`._opc`).

* the ``w:`` namespace and the XML declaration Word's parts start with;
* drawing ids (``wp:docPr/@id``), which must be unique in a document: found and renumbered;
* the parts a template places values in — the body, headers, footers, footnotes — found
  from the main document's relationships, each with the Russian label error messages
  and check reports name it by.
"""

from __future__ import annotations

import re

from ._opc import RT_FOOTER, RT_FOOTNOTES, RT_HEADER, Package

__all__ = [
    "BODY_LABEL",
    "DOCPR_ID",
    "DRAWING_MARK",
    "NS_W",
    "PART_LABELS",
    "XML_DECLARATION",
    "drawing_ids",
    "renumber_drawings",
    "story_parts",
]

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

#: What every drawing of a part contains (its ``wp:docPr``, whose id must be unique).
DRAWING_MARK = "<wp:docPr"
#: A drawing's id attribute: group 2 is the number.
DOCPR_ID = re.compile(r'(<wp:docPr\b[^>]*?\bid=")(\d+)(")')

BODY_LABEL = "текст документа"
#: Labels of the parts besides the body, by relationship type.
PART_LABELS = {RT_HEADER: "верхний колонтитул", RT_FOOTER: "нижний колонтитул",
               RT_FOOTNOTES: "сноски"}


def drawing_ids(xml: str) -> list[int]:
    """Every drawing id in ``xml``."""
    return [int(m[2]) for m in DOCPR_ID.finditer(xml)]


def renumber_drawings(xml: str, last: int) -> tuple[str, int]:
    """``xml`` with its drawings numbered ``last + 1``, ``last + 2``…, and the last number."""
    counter = last

    def number(m: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        return f"{m[1]}{counter}{m[3]}"

    return DOCPR_ID.sub(number, xml), counter


def story_parts(package: Package, main: str) -> list[tuple[str, str]]:
    """(partname, relationship type) of the headers, footers and footnotes the main
    document relates to, in the order of its relationships."""
    return [(rel.target, rel.type) for rel in package.relationships(main)
            if rel.type in PART_LABELS and not rel.external and rel.target in package]
