"""One print file from many documents rendered from the same template.

docxcompose merges documents in general: it loads each one with python-docx, walks its
XML, and copies styles, numbering and media across — about 35 ms per document. Documents
of one batch share everything but their body (and pictures or headers the template fills
per record), so here the bodies are concatenated in one pass over the XML text:

* each document becomes a section of its own (the document's ``w:sectPr`` moves into its
  last paragraph), so it starts on a new page with its own page setup, and its page
  numbers restart at 1;
* drawing ids (``wp:docPr/@id``) are renumbered across the whole file, bookmark ids are
  made unique and bookmark names get a ``_<n>`` suffix after the first document;
* every list (``w:numId``) of the 2nd, 3rd… document gets a new ``w:num`` instance of the
  same abstract numbering with its levels restarted, so numbering restarts per document;
* relationships a document adds (pictures) and headers or footers that differ are copied
  under new names; parts identical in all documents are copied once, as compressed bytes.

The document XML is compressed as it is produced (:class:`~._opc.ZipStream`), so memory
stays flat however many documents go in; every other part is copied as the compressed
bytes it has in its source (:class:`~._opc.Package`). Documents from different templates (styles, numbering that differ) are
merged with docxcompose instead, which the debug log says.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

from .._files import atomic_path
from ..errors import TemplateError
from ._opc import (
    CONTENT_TYPES,
    RT_FOOTER,
    RT_HEADER,
    RT_NUMBERING,
    Member,
    Package,
    PackageError,
    ZipStream,
    add_content_types,
    add_relationships,
    relative_target,
    rels_name,
)
from ._wordml import NS_W, drawing_ids, renumber_drawings

__all__ = ["merge_documents", "merge_with_docxcompose"]

log = logging.getLogger(__name__)

_P_TOKEN = re.compile(r"<w:p(?=[ >/])[^>]*>|</w:p>")
_BOOKMARK_ID = re.compile(r'(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")')
_BOOKMARK_NAME = re.compile(r'(<w:bookmarkStart\b[^>]*?\bw:name=")([^"]*)(")')
_NUM_ID = re.compile(r'(<w:numId\s+w:val=")(\d+)(")')
_REL_ATTR = re.compile(r'(\br:(?:id|embed|link|pict)=")([^"]+)(")')
_PG_NUM = re.compile(r"<w:pgNumType\b[^>]*/>|<w:pgNumType\b[^>]*>.*?</w:pgNumType>", re.S)
_SECT_AFTER_PGNUM = ("<w:cols", "<w:formProt", "<w:vAlign", "<w:noEndnote", "<w:titlePg",
                     "<w:textDirection", "<w:bidi", "<w:rtlGutter", "<w:docGrid",
                     "<w:printerSettings", "<w:sectPrChange", "</w:sectPr>")
_TINY_PARAGRAPH = ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" '
                   'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr>{}</w:pPr></w:p>')
#: Content type of a copied part whose extension the documents do not declare.
_UNKNOWN_TYPE = "application/octet-stream"


class _Incompatible(Exception):
    """The documents do not share their template parts; docxcompose must merge them."""


def _attach_section(content: str, sect_pr: str) -> str:
    """Put ``sect_pr`` into the last paragraph of ``content`` (a section break that adds no
    line), or into a hairline paragraph after a closing table."""
    stripped = content.rstrip()
    if stripped.endswith("</w:p>"):
        depth = 0
        start = -1
        for m in reversed(list(_P_TOKEN.finditer(stripped))):
            token = m.group(0)
            if token == "</w:p>":
                depth += 1
            elif not token.endswith("/>"):
                depth -= 1
                if depth == 0:
                    start = m.start()
                    break
        if start >= 0:
            open_end = stripped.index(">", start) + 1
            rest = stripped[open_end:]
            if rest.startswith("<w:pPr/>"):
                rest = f"<w:pPr>{sect_pr}</w:pPr>" + rest[len("<w:pPr/>"):]
            elif rest.startswith("<w:pPr>") or rest.startswith("<w:pPr "):
                close = rest.index("</w:pPr>")
                rest = rest[:close] + sect_pr + rest[close:]
            else:
                rest = f"<w:pPr>{sect_pr}</w:pPr>" + rest
            return stripped[:open_end] + rest
    return content + _TINY_PARAGRAPH.format(sect_pr)


def _restart_pages(sect_pr: str) -> str:
    """Page numbers of each document start at 1."""
    if _PG_NUM.search(sect_pr):
        def fix(m: re.Match[str]) -> str:
            tag = re.sub(r'\s+w:start="\d+"', "", m.group(0))
            return tag.replace("<w:pgNumType", '<w:pgNumType w:start="1"', 1)
        return _PG_NUM.sub(fix, sect_pr, count=1)
    positions = [sect_pr.find(t) for t in _SECT_AFTER_PGNUM if sect_pr.find(t) >= 0]
    at = min(positions)
    return sect_pr[:at] + '<w:pgNumType w:start="1"/>' + sect_pr[at:]


def _split_body(xml: str) -> tuple[str, str, str, str]:
    """(prefix up to and with ``<w:body>``, content, final sectPr, suffix from ``</w:body>``)."""
    open_at = xml.index("<w:body")
    open_end = xml.index(">", open_at) + 1
    close_at = xml.rindex("</w:body>")
    inner = xml[open_end:close_at]
    sect_at = inner.rfind("<w:sectPr")
    if sect_at < 0 or not inner.rstrip().endswith("</w:sectPr>"):
        raise _Incompatible("в документе нет параметров раздела (w:sectPr)")
    return xml[:open_end], inner[:sect_at], inner[sect_at:].rstrip(), xml[close_at:]


@dataclass
class _Base:
    """What the first document gives: shared parts, relationships, numbering."""

    package: Package
    main: str
    main_rels: str
    rels: dict[str, tuple[str, str, bool]]  # rId -> (type, target, external)
    numbering: str | None
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    starts: dict[str, dict[str, str]] = field(default_factory=dict)  # abstractNumId -> ilvl -> start


def _load_base(path: Path) -> _Base:
    package = _open(path)
    main = package.main_part()
    if main is None or rels_name(main) not in package:
        raise _Incompatible(f"«{path.name}»: в файле нет основного документа Word")
    rels = {r.rid: (r.type, r.target, r.external) for r in package.relationships(main)}
    numbering = next((t for rt, t, ext in rels.values() if rt == RT_NUMBERING and not ext), None)
    base = _Base(package, main, rels_name(main), rels, numbering)
    if numbering and numbering in package:
        root = etree.fromstring(package.read(numbering))
        w = f"{{{NS_W}}}"
        for num in root.iter(f"{w}num"):
            ref = num.find(f"{w}abstractNumId")
            if ref is not None:
                base.abstract_of[num.get(f"{w}numId", "")] = ref.get(f"{w}val", "")
        for absn in root.iter(f"{w}abstractNum"):
            levels = {}
            for lvl in absn.iter(f"{w}lvl"):
                start = lvl.find(f"{w}start")
                levels[lvl.get(f"{w}ilvl", "")] = start.get(f"{w}val", "1") if start is not None else "1"
            base.starts[absn.get(f"{w}abstractNumId", "")] = levels
    return base


def _open(path: Path) -> Package:
    try:
        return Package.open(path)
    except PackageError as exc:
        raise _Incompatible(str(exc)) from None


class _Merger:
    """Streams the merged document.xml and collects the parts it adds."""

    def __init__(self, base: _Base):
        self.base = base
        self.docpr = 0
        self.bookmark = 0
        self.next_num = max([int(n) for n in base.abstract_of] + [0]) + 1
        self.new_nums: list[str] = []
        self.new_rels: list[tuple[str, str, str, bool]] = []
        self.new_parts: dict[str, Member] = {}
        self.overrides: dict[str, str] = {}  # partname -> content type, of the copied parts
        self.defaults: dict[str, str] = {}  # extension -> content type, of the copied parts
        self.rel_counter = 0
        dynamic = {base.main, base.main_rels, CONTENT_TYPES, base.numbering}
        dynamic |= {t for rt, t, ext in base.rels.values() if not ext and (
            rt in (RT_HEADER, RT_FOOTER) or t.startswith("word/media/"))}
        dynamic |= {rels_name(t) for rt, t, ext in base.rels.values() if rt in (RT_HEADER, RT_FOOTER)}
        self.shared = {n for n in base.package.names if n not in dynamic and not n.startswith("docProps/")}
        # Drawings in headers and footers keep their ids: number the bodies' drawings above them.
        for rt, target, ext in base.rels.values():
            if not ext and rt in (RT_HEADER, RT_FOOTER) and target in base.package:
                xml = base.package.read(target).decode("utf-8", "replace")
                self.docpr = max([self.docpr, *drawing_ids(xml)])

    def _check_shared(self, zf: Package, name: str) -> None:
        for part in self.shared:
            try:
                crc = zf.crc(part)
            except KeyError:
                raise _Incompatible(f"в «{name}» нет части {part}") from None
            if crc != self.base.package.crc(part):
                raise _Incompatible(f"«{name}»: часть {part} отличается от первого документа")

    def _new_rid(self, index: int) -> str:
        self.rel_counter += 1
        return f"rIdM{index}x{self.rel_counter}"

    def _copy_part(self, zf: Package, target: str, index: int) -> str:
        """Copy a part of document ``index`` (and its relationships) under a new name, with
        its content type; return the new partname."""
        p = PurePosixPath(target)
        new_name = str(p.parent / f"m{index}_{p.name}")
        self.new_parts[new_name] = Member.from_bytes(new_name, zf.read(target))
        own_rels = rels_name(target)
        if own_rels in zf:
            rels_new = rels_name(new_name)
            self.new_parts[rels_new] = Member.from_bytes(rels_new, zf.read(own_rels))
        types = zf.content_types
        if target in types.overrides:
            self.overrides[new_name] = types.overrides[target]
        else:
            ext = new_name.rsplit(".", 1)[-1]
            self.defaults.setdefault(ext, types.defaults.get(ext.lower(), _UNKNOWN_TYPE))
        return new_name

    def _unchanged(self, zf: Package) -> bool:
        """The document relates to exactly the first one's parts, with the same content
        (checked on the CRCs of the zip directory, without reading anything)."""
        base = self.base
        try:
            if zf.crc(base.main_rels) != base.package.crc(base.main_rels):
                return False
            return all(zf.crc(t) == base.package.crc(t) for rt, t, ext in base.rels.values()
                       if not ext and t in base.package)
        except KeyError:
            return False

    def _relations(self, zf: Package, index: int) -> dict[str, str]:
        """Map of this document's rIds that must change (added or different parts)."""
        base = self.base
        renamed: dict[str, str] = {}
        if self._unchanged(zf):
            return renamed
        for rid, rt, target, ext in zf.relationships(base.main):
            known = base.rels.get(rid)
            same = known == (rt, target, ext)
            if same and not ext and target in base.package and target in zf:
                same = zf.crc(target) == base.package.crc(target)
            if same:
                continue
            new_rid = self._new_rid(index)
            renamed[rid] = new_rid
            ref = target if ext else relative_target(base.main, self._copy_part(zf, target, index))
            self.new_rels.append((new_rid, rt, ref, ext))
        return renamed

    def body(self, zf: Package, index: int, name: str, last: bool) -> tuple[str, str, str]:
        """(prefix, processed content with its section, suffix) of document ``index``."""
        if index > 0:
            self._check_shared(zf, name)
        xml = zf.read(self.base.main).decode("utf-8")
        prefix, content, sect_pr, suffix = _split_body(xml)
        renamed = self._relations(zf, index) if index > 0 else {}
        if renamed:
            content = _REL_ATTR.sub(lambda m: m[1] + renamed.get(m[2], m[2]) + m[3], content)
            sect_pr = _REL_ATTR.sub(lambda m: m[1] + renamed.get(m[2], m[2]) + m[3], sect_pr)
        content, self.docpr = renumber_drawings(content, self.docpr)
        if "<w:bookmark" in content:
            ids: dict[str, int] = {}

            def bookmark(m: re.Match[str]) -> str:
                if m[2] not in ids:
                    self.bookmark += 1
                    ids[m[2]] = self.bookmark
                return f"{m[1]}{ids[m[2]]}{m[3]}"

            content = _BOOKMARK_ID.sub(bookmark, content)
            if index > 0:
                content = _BOOKMARK_NAME.sub(lambda m: f"{m[1]}{m[2]}_{index + 1}{m[3]}", content)
        if index > 0 and "<w:numId" in content:
            content = self._restart_lists(content)
        sect_pr = _restart_pages(sect_pr)
        if last:
            return prefix, content + sect_pr, suffix
        return prefix, _attach_section(content, sect_pr), suffix

    def _restart_lists(self, content: str) -> str:
        mapping: dict[str, str] = {}

        def renum(m: re.Match[str]) -> str:
            old = m[2]
            abstract = self.base.abstract_of.get(old)
            if abstract is None:  # numId 0 (no list) or unknown: leave as is
                return m.group(0)
            if old not in mapping:
                new = str(self.next_num)
                self.next_num += 1
                mapping[old] = new
                levels = "".join(
                    f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                    for lvl, start in sorted(self.base.starts.get(abstract, {"0": "1"}).items(),
                                             key=lambda kv: int(kv[0])))
                self.new_nums.append(f'<w:num w:numId="{new}"><w:abstractNumId w:val="{abstract}"/>'
                                     f"{levels}</w:num>")
            return f"{m[1]}{mapping[old]}{m[3]}"

        return _NUM_ID.sub(renum, content)

    # -- the parts changed at the end ---------------------------------------------------

    def finished_parts(self) -> dict[str, bytes]:
        """The first document's parts that the merge extends: numbering, relationships,
        content types (only those that changed)."""
        base = self.base
        out: dict[str, bytes] = {}
        if self.new_nums and base.numbering:
            text = base.package.read(base.numbering).decode("utf-8")
            # w:num elements follow every w:abstractNum (schema order): append at the end.
            close = text.rindex("</w:numbering>")
            out[base.numbering] = (text[:close] + "".join(self.new_nums) + text[close:]).encode("utf-8")
        if self.new_rels:
            out[base.main_rels] = add_relationships(base.package.read(base.main_rels), self.new_rels)
        types = base.package.read(CONTENT_TYPES)
        extended = add_content_types(types, overrides=self.overrides, defaults=self.defaults)
        if extended is not types:
            out[CONTENT_TYPES] = extended
        return out


def _write_merged(paths: Sequence[Path], out: Path) -> None:
    base = _load_base(paths[0])
    package = base.package
    merger = _Merger(base)
    with open(out, "wb") as fh:
        zs = ZipStream(fh)
        # Parts shared by every document: copied once, as compressed bytes.
        for name in package.names:
            if name in merger.shared or name.startswith("docProps/"):
                zs.put(package.member(name))
        # Parts the first document keeps under their names (headers, media, …).
        for name in package.names:
            if name in merger.shared or name.startswith("docProps/"):
                continue
            if name in (base.main, base.main_rels, CONTENT_TYPES, base.numbering):
                continue
            zs.put(package.member(name))
        stream = zs.stream(base.main, package.member(base.main).date_time)
        last = len(paths) - 1
        suffix = ""
        for i, path in enumerate(paths):
            zf = package if i == 0 else _open(path)
            prefix, content, tail = merger.body(zf, i, path.name, i == last)
            if i == 0:
                stream.write(prefix)
                suffix = tail
            stream.write(content)
        stream.write(suffix)
        stream.close()
        finished = merger.finished_parts()
        for extended in (base.main_rels, CONTENT_TYPES, base.numbering):
            if extended is None or extended not in package:
                continue
            zs.put(Member.from_bytes(extended, finished[extended]) if extended in finished
                   else package.member(extended))
        for member in merger.new_parts.values():
            zs.put(member)
        zs.finish()


def merge_with_docxcompose(paths: Sequence[Path], out: Path) -> None:
    """The general merge (docxcompose): each document after a section break (new page)."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docxcompose.composer import Composer

    master = Document(str(paths[0]))
    composer = Composer(master)
    for path in paths[1:]:
        master.add_section(WD_SECTION.NEW_PAGE)
        composer.append(Document(str(path)))
    composer.save(str(out))


def merge_documents(paths: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str], *,
                    overwrite: bool = False) -> Path:
    """One DOCX with every document of ``paths`` in order, each from a new page."""
    sources = [Path(p) for p in paths]
    if not sources:
        raise TemplateError("Нечего объединять: нет ни одного документа")
    out = Path(out)
    with atomic_path(out, overwrite=overwrite) as tmp:
        try:
            _write_merged(sources, tmp)
        except (_Incompatible, PackageError) as exc:  # PackageError: a merged file over 4 GB
            log.debug("общий файл собирается через docxcompose: %s", exc)
            merge_with_docxcompose(sources, tmp)
    return out
