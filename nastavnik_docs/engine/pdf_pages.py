"""Pages of PDF files (pikepdf, on qpdf): cut a file into one file per document, join
files into one.

A batch converts one merged file with LibreOffice instead of each document on its own
(LibreOffice's start costs seconds, a page some milliseconds) and then cuts the result into
the documents' own PDFs here. qpdf copies a page with the objects it uses in C++; pypdf,
which did this before, took five times as long (0.47–0.58 s against 0.09–0.16 s for a
chunk of 200 certificates), a tenth of the whole time of a batch's PDF. Every file is
written under a temporary name and renamed into place.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

from .._files import atomic_path

__all__ = ["PageCountError", "join_pdfs", "split_pdf"]

PathLike = str | os.PathLike[str]


class PageCountError(ValueError):
    """The file's pages do not add up to the pages the targets were to get (nothing written)."""


def split_pdf(pdf: PathLike, targets: Sequence[PathLike], pages: Sequence[int] | None = None, *,
              overwrite: bool = False) -> list[Path]:
    """Cut ``pdf`` into ``targets``: the i-th gets ``pages[i]`` pages (one each by default),
    in order. The pages must add up to the file's page count, else :class:`PageCountError`
    before anything is written (the file is read once: counting its pages first would read
    it twice)."""
    import pikepdf

    with pikepdf.open(os.fspath(pdf)) as source:
        total = len(source.pages)
        counts = list(pages) if pages is not None else [1] * len(targets)
        if len(counts) != len(targets) or sum(counts) != total:
            raise PageCountError(f"{pdf}: {total} pages do not make {len(targets)} documents of {counts[:5]}…")
        written: list[Path] = []
        first = 0
        for target, count in zip(targets, counts):
            part = pikepdf.new()
            part.pages.extend(source.pages[first:first + count])
            first += count
            with atomic_path(target, overwrite=overwrite) as tmp:
                part.save(tmp, min_version=source.pdf_version)  # the features the pages use (1.4+: transparency)
            written.append(Path(target))
    return written


def join_pdfs(pdfs: Sequence[PathLike], target: PathLike, *, overwrite: bool = False) -> Path:
    """One PDF of all pages of ``pdfs`` in order."""
    import pikepdf

    whole = pikepdf.new()
    version = "1.3"
    with ExitStack() as stack:  # the sources stay open until the whole is saved
        for pdf in pdfs:
            source = stack.enter_context(pikepdf.open(os.fspath(pdf)))
            version = max(version, source.pdf_version, key=_version_key)
            whole.pages.extend(source.pages)
        with atomic_path(target, overwrite=overwrite) as tmp:
            whole.save(tmp, min_version=version)
    return Path(target)


def _version_key(version: str) -> tuple[int, ...]:
    """«1.7» → (1, 7): PDF versions compared as numbers («1.10» would follow «1.9»)."""
    return tuple(int(part) for part in version.split(".") if part.isdigit())
