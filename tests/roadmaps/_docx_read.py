"""Reading a rendered roadmap DOCX back for the tests: the table's cells in order."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn


def tc_text(tc) -> str:
    """Text of a cell: its paragraphs joined by line ends (line breaks kept as \\n)."""
    paras = []
    for p in tc.iter(qn("w:p")):
        parts = []
        for el in p.iter():
            if el.tag == qn("w:t"):
                parts.append(el.text or "")
            elif el.tag == qn("w:tab"):
                parts.append("\t")
            elif el.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
        paras.append("".join(parts))
    return "\n".join(paras)


def table_rows(path) -> list[list[str]]:
    """Rows of the largest table of the document, each a list of its cells' texts
    (a spanned cell once; a merged-down continuation cell as empty text)."""
    doc = Document(str(path))
    table = max(doc.tables, key=lambda t: len(t._tbl.tr_lst))
    rows = []
    for tr in table._tbl.tr_lst:
        rows.append([tc_text(tc) for tc in tr.iter(qn("w:tc"))])
    return rows


def document_text(path) -> str:
    doc = Document(str(path))
    body = doc.element.body
    return "\n".join(tc_text(p) for p in body.iter(qn("w:p")))
