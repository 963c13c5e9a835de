"""Shared strings in a saved workbook, as Excel writes them.

openpyxl writes every text cell as an inline string (``<c t="inlineStr"><is><t>…``).
Excel keeps each distinct text once in ``xl/sharedStrings.xml`` and has cells refer to it
by number (``<c t="s"><v>7</v></c>``): a registry whose «педагог», «наставник» and class
names repeat on thousands of rows is smaller that way, and readers (Excel, calamine) load it
faster. :func:`share_strings` rewrites a saved package so; the cells' text is unchanged.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

__all__ = ["share_strings"]

_INLINE = re.compile(r'<c ([^>]*?)t="inlineStr"([^>]*)><is>(<t(?: [^>]*)?>.*?</t>|<t/>)</is></c>', re.S)
_SST = "xl/sharedStrings.xml"
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def share_strings(path: str | os.PathLike[str]) -> None:
    """Turn the inline strings of the workbook at ``path`` into shared strings (in place)."""
    path = Path(path)
    index: dict[str, int] = {}
    references = 0

    def shared(match: re.Match[str]) -> str:
        nonlocal references
        text = match.group(3)
        number = index.setdefault(text, len(index))
        references += 1
        return f'<c {match.group(1)}t="s"{match.group(2)}><v>{number}</v></c>'

    with zipfile.ZipFile(path) as source:
        if _SST in source.namelist():
            return  # already written with shared strings
        parts = {info.filename: (info, source.read(info)) for info in source.infolist()}
    for name, (info, data) in parts.items():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            parts[name] = (info, _INLINE.sub(shared, data.decode("utf-8")).encode("utf-8"))
    if not index:
        return
    items = "".join(f"<si>{text}</si>" for text in index)
    sst = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{_MAIN}" '
           f'count="{references}" uniqueCount="{len(index)}">{items}</sst>').encode()
    types_info, types = parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = (types_info, types.replace(
        b"</Types>", f'<Override PartName="/{_SST}" ContentType="{_SST_TYPE}"/></Types>'.encode()))
    rels_name = "xl/_rels/workbook.xml.rels"
    rels_info, rels = parts[rels_name]
    ids = {int(n) for n in re.findall(rb'Id="rId(\d+)"', rels)}
    rid = f"rId{max(ids, default=0) + 1}"
    parts[rels_name] = (rels_info, rels.replace(
        b"</Relationships>",
        f'<Relationship Type="{_SST_REL}" Target="sharedStrings.xml" Id="{rid}"/></Relationships>'.encode()))
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in parts.values():
                out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
            out.writestr(zipfile.ZipInfo(_SST, date_time=types_info.date_time), sst,
                         compress_type=zipfile.ZIP_DEFLATED)
        shutil.move(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
