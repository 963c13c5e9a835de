"""The console script ``nastavnik-docs`` (and ``python -m nastavnik_docs``): the command
line, with the garbage collector paused from before its first import until the command
begins its work (``nastavnik_docs._gc``), and a broken installation (a library missing
or damaged, so that the command line cannot even be imported) said in one Russian line
instead of a traceback (``NASTAVNIK_DOCS_DEBUG=1`` shows it). openpyxl, when a command
needs it, is imported without NumPy (``nastavnik_docs._imports``)."""

from __future__ import annotations

import os
import sys

from ._gc import pause_for_start
from ._imports import import_openpyxl_without_numpy


def main() -> None:
    pause_for_start()
    import_openpyxl_without_numpy()
    try:
        from .cli import main as run
    except Exception as exc:
        if os.environ.get("NASTAVNIK_DOCS_DEBUG"):
            raise
        print(f"Ошибка: nastavnik-docs не запускается — установка повреждена ({type(exc).__name__}: {exc}). "
              "Переустановите пакет: pip install --force-reinstall nastavnik-docs", file=sys.stderr)
        raise SystemExit(1) from None
    run()
