"""``python -m nastavnik_docs.cli``: the same as the ``nastavnik-docs`` console script."""

from .._entry import main

main()
