"""PDF copies of a batch's documents: one LibreOffice call per few hundred pages.

Starting LibreOffice costs seconds; converting a page, milliseconds. So the documents are
joined into merged files of :data:`CHUNK` documents (:func:`~nastavnik_docs.engine.merge.
merge_documents`: each document a section of its own, starting on a new page), each merged
file is converted by one LibreOffice call, and its PDF is cut back into one PDF per document
with pypdf (:mod:`nastavnik_docs.engine.pdf_pages`). The chunks are converted in parallel,
up to ``jobs`` at a time. When a chunk's PDF has more pages than documents (a document that
runs over a page), its documents are converted one by one in one LibreOffice call instead,
so each PDF always holds exactly its own document.
"""

from __future__ import annotations

import multiprocessing
import shutil
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CHUNK", "PdfResult", "make_pdfs"]

#: Documents per LibreOffice call.
CHUNK = 200


@dataclass
class PdfResult:
    """The PDFs made, in the order of their documents, and the merged PDF if asked for."""

    files: list[Path] = field(default_factory=list)
    merged: Path | None = None


def _convert_chunk(docs: Sequence[Path], work: Path) -> Path:
    """Convert one chunk of documents; return the chunk's whole PDF (kept for joining)."""
    from ..engine.merge import merge_documents
    from ..engine.pdf import convert_to_pdf
    from ..engine.pdf_pages import PageCountError, split_pdf

    work.mkdir(parents=True, exist_ok=True)
    targets = [d.with_suffix(".pdf") for d in docs]
    merged = merge_documents(list(docs), work / "chunk.docx", overwrite=True)
    (whole,) = convert_to_pdf([merged], work, overwrite=True)
    try:
        split_pdf(whole, targets, overwrite=True)
        return whole
    except PageCountError:  # a document ran over a page
        pass
    singles = work / "singles"
    singles.mkdir()
    for made, target in zip(convert_to_pdf(docs, singles, overwrite=True), targets):
        shutil.move(made, target)
    return whole


def make_pdfs(docs: Sequence[Path], *, jobs: int = 1, merged: Path | None = None,
              chunk: int = CHUNK) -> PdfResult:
    """A PDF beside every document of ``docs`` (same name, ``.pdf``; an existing one is
    replaced: the batch checked for clashes before it began), and with ``merged`` one PDF of
    them all. LibreOffice runs up to ``jobs`` conversions at a time."""
    chunks = [list(docs[i:i + chunk]) for i in range(0, len(docs), chunk)]
    with tempfile.TemporaryDirectory(prefix="nastavnik-batch-pdf-") as tmp:
        works = [Path(tmp) / f"{n:04d}" for n in range(len(chunks))]
        if jobs > 1 and len(chunks) > 1:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            with ProcessPoolExecutor(min(jobs, len(chunks)), mp_context=context) as pool:
                wholes = list(pool.map(_convert_chunk, chunks, works))
        else:
            wholes = [_convert_chunk(c, w) for c, w in zip(chunks, works)]
        result = PdfResult([d.with_suffix(".pdf") for d in docs])
        if merged is not None:
            from ..engine.pdf_pages import join_pdfs

            result.merged = join_pdfs(wholes, merged, overwrite=True)
    return result
