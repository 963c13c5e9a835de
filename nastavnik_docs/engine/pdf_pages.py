"""Pages of PDF files (pypdf): count them, cut a file into one file per document, join
files into one.

A batch converts one merged file with LibreOffice instead of each document on its own
(LibreOffice's start costs seconds, a page some milliseconds) and then cuts the result into
the documents' own PDFs here. Every file is written under a temporary name and renamed into
place.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .._files import atomic_path

__all__ = ["PageCountError", "join_pdfs", "page_count", "split_pdf"]

PathLike = str | os.PathLike[str]


class PageCountError(ValueError):
    """The file's pages do not add up to the pages the targets were to get (nothing written)."""


def page_count(pdf: PathLike) -> int:
    from pypdf import PdfReader

    return len(PdfReader(os.fspath(pdf)).pages)


def split_pdf(pdf: PathLike, targets: Sequence[PathLike], pages: Sequence[int] | None = None, *,
              overwrite: bool = False) -> list[Path]:
    """Cut ``pdf`` into ``targets``: the i-th gets ``pages[i]`` pages (one each by default),
    in order. The pages must add up to the file's page count, else :class:`PageCountError`
    before anything is written (the file is read once: counting its pages first would read
    it twice)."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(os.fspath(pdf))
    counts = list(pages) if pages is not None else [1] * len(targets)
    if len(counts) != len(targets) or sum(counts) != len(reader.pages):
        raise PageCountError(f"{pdf}: {len(reader.pages)} pages do not make {len(targets)} documents "
                             f"of {counts[:5]}…")
    written: list[Path] = []
    first = 0
    for target, count in zip(targets, counts):
        writer = PdfWriter()
        for number in range(first, first + count):
            writer.add_page(reader.pages[number])
        first += count
        with atomic_path(target, overwrite=overwrite) as tmp, open(tmp, "wb") as fh:
            writer.write(fh)
        written.append(Path(target))
    return written


def join_pdfs(pdfs: Sequence[PathLike], target: PathLike, *, overwrite: bool = False) -> Path:
    """One PDF of all pages of ``pdfs`` in order."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(str(pdf))
    with atomic_path(target, overwrite=overwrite) as tmp, open(tmp, "wb") as fh:
        writer.write(fh)
    return Path(target)
