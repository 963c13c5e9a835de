"""The console script ``nastavnik-docs`` (and ``python -m nastavnik_docs``): the command
line, with the garbage collector paused from before its first import until the command
begins its work (``nastavnik_docs._gc``)."""

from __future__ import annotations

from ._gc import pause_for_start


def main() -> None:
    pause_for_start()
    from .cli import main as run

    run()
