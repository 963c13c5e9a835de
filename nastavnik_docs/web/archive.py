"""ZIP archives of output folders and first-page previews of documents.

The archive is made by the standard library's ``shutil.make_archive`` (names stay Russian:
the ZIP marks them as UTF-8). The preview is the document's first page as a PNG: LibreOffice
makes a PDF (``nastavnik_docs.engine.convert_to_pdf``), poppler's ``pdftoppm`` draws its
first page. Without either program there is no preview, and the page says so.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..engine import convert_to_pdf
from ..errors import ConverterMissingError, NastavnikError

__all__ = ["PREVIEW_SUFFIXES", "make_zip", "preview_available", "preview_png"]

#: Documents that have a first page to show.
PREVIEW_SUFFIXES = (".docx", ".xlsx")


def make_zip(folder: Path, target: Path) -> Path:
    """``target`` (``….zip``): every file under ``folder``, paths relative to it."""
    made = shutil.make_archive(str(target.with_suffix("")), "zip", root_dir=folder)
    return Path(made)


def preview_available() -> bool:
    """LibreOffice and pdftoppm are both installed."""
    from ..engine.pdf import find_soffice

    try:
        find_soffice()
    except ConverterMissingError:
        return False
    return shutil.which("pdftoppm") is not None


def preview_png(document: Path, folder: Path, *, dpi: int = 60) -> Path:
    """The first page of ``document`` as ``folder/<stem>.png`` (made once, then reused)."""
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / "page.png"
    if png.is_file():
        return png
    pdf = folder / f"{document.stem}.pdf"
    if not pdf.is_file():
        pdf = convert_to_pdf([document], folder, overwrite=True, timeout=180)[0]
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise ConverterMissingError("Для предпросмотра нужна программа pdftoppm (пакет poppler-utils)")
    done = subprocess.run([tool, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
                           str(pdf), str(png.with_suffix(""))], capture_output=True, timeout=120)
    if done.returncode != 0 or not png.is_file():
        raise NastavnikError("Не удалось сделать изображение первой страницы документа")
    return png
