"""The committed word tables of ``nastavnik_docs/ru`` (counting forms, agreement forms):
how they are written, a word per line and sorted, so that a change shows as the words it
changes."""

from __future__ import annotations

import json
from pathlib import Path


def dumps(table: dict[str, list[str]]) -> str:
    """The table as committed: a word per line, sorted."""
    lines = [f"  {json.dumps(w, ensure_ascii=False)}: {json.dumps(f, ensure_ascii=False)}" for w, f in sorted(table.items())]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write(target: Path, table: dict[str, list[str]]) -> None:
    """Write ``table`` into ``target`` and say so."""
    target.write_text(dumps(table), "utf-8")
    print(f"записано: {target}")
