"""``python -m nastavnik_docs.cli``: the command line (``python -m nastavnik_docs`` is the
console script itself, with the collector paused while it starts: ``nastavnik_docs._entry``)."""

from . import main

main()
