"""External resources in a package: found (templates), removed (before PDF conversion).

A DOCX or XLSX can refer to things outside itself that a program *fetches* when it opens
the file: a picture inserted «as a link» (``r:link`` to a relationship with
``TargetMode="External"``), a linked OLE object, an attached template, a subdocument,
a frame, an external workbook, and the fields ``INCLUDEPICTURE``, ``INCLUDETEXT``,
``LINK``, ``DDE``/``DDEAUTO``. LibreOffice, converting to PDF, fetches a linked picture's
URL — a document could report where and when it is opened, or pull content from the
network. Hyperlinks are not fetched and are kept.

* :func:`external_references` lists them: ``check-template`` reports each, and the
  renderer refuses a template that has one (:func:`~.docx.open_template`);
* :func:`without_external` gives the package's bytes with every one of them removed (the
  relationship dropped, the field instruction emptied), for LibreOffice to convert.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ._opc import Member, Package, ZipLayout

__all__ = ["ExternalReference", "external_references", "without_external"]

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#: External relationships that only point somewhere (never fetched when the file opens).
_KEPT_TYPES = frozenset({_RT + "hyperlink"})
_NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_FIELDS = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|LINK|DDEAUTO|DDE)\b", re.I)
_INSTR_TEXT = re.compile(r"(<w:instrText\b[^>]*>)([^<]*)(</w:instrText>)")
_FLD_SIMPLE = re.compile(r"(<w:fldSimple\b[^>]*\bw:instr=)(\"[^\"]*\"|'[^']*')")
_KINDS = {
    "image": "изображение по ссылке", "oleObject": "связанный объект", "package": "связанный объект",
    "attachedTemplate": "присоединённый шаблон", "subDocument": "вложенный документ", "frame": "фрейм",
    "externalLinkPath": "связь с другой книгой", "audio": "звук по ссылке", "video": "видео по ссылке",
}


@dataclass(frozen=True)
class ExternalReference:
    """One thing fetched from outside: the part that refers to it, what it is, the target."""

    part: str
    kind: str
    target: str

    def __str__(self) -> str:
        return f"{self.kind} «{self.target}» (часть «{self.part}»)"


def _rels_parts(package: Package) -> list[str]:
    return [name for name in package.names if name.endswith(".rels")]


def _fetched(rel: etree._Element) -> bool:
    return rel.get("TargetMode") == "External" and rel.get("Type", "") not in _KEPT_TYPES


def _field_parts(package: Package) -> list[str]:
    return [n for n in package.names if n.startswith("word/") and n.endswith(".xml")]


def external_references(package: Package) -> list[ExternalReference]:
    """Every external resource the package would fetch (see the module docstring)."""
    found: list[ExternalReference] = []
    for name in _rels_parts(package):
        for rel in etree.fromstring(package.read(name)).iter(f"{{{_NS_RELS}}}Relationship"):
            if _fetched(rel):
                short = rel.get("Type", "").rsplit("/", 1)[-1]
                found.append(ExternalReference(name, _KINDS.get(short, f"внешний ресурс ({short})"),
                                               rel.get("Target", "")))
    for name in _field_parts(package):
        text = package.read(name).decode("utf-8", "replace")
        for instruction in [m.group(2) for m in _INSTR_TEXT.finditer(text)] + \
                [m.group(2)[1:-1] for m in _FLD_SIMPLE.finditer(text)]:
            field = _FIELDS.search(instruction)
            if field:
                found.append(ExternalReference(name, f"поле {field.group(1).upper()}", " ".join(instruction.split())))
    return found


def _strip_rels(xml: bytes) -> bytes | None:
    root = etree.fromstring(xml)
    removed = [rel for rel in root.iter(f"{{{_NS_RELS}}}Relationship") if _fetched(rel)]
    for rel in removed:
        root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if removed else None


def _strip_fields(xml: bytes) -> bytes | None:
    text = xml.decode("utf-8")
    changed = _INSTR_TEXT.sub(lambda m: m.group(1) + (" " if _FIELDS.search(m.group(2)) else m.group(2)) + m.group(3),
                              text)
    changed = _FLD_SIMPLE.sub(lambda m: m.group(1) + ('" "' if _FIELDS.search(m.group(2)) else m.group(2)), changed)
    return changed.encode("utf-8") if changed != text else None


def without_external(package: Package) -> bytes | None:
    """The package with every external resource removed, or None when it has none."""
    changed: dict[str, bytes] = {}
    for name in _rels_parts(package):
        stripped = _strip_rels(package.read(name))
        if stripped is not None:
            changed[name] = stripped
    for name in _field_parts(package):
        stripped = _strip_fields(package.read(name))
        if stripped is not None:
            changed[name] = stripped
    if not changed:
        return None
    members = [Member.from_bytes(name, changed[name]) if name in changed else package.member(name)
               for name in package.names]
    return ZipLayout(members).build([])
