"""``python -m nastavnik_docs``: the same as the ``nastavnik-docs`` console script."""

from ._entry import main

main()
