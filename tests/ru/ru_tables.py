"""Shared helpers for the Russian-layer tests: reading the hand-checked data tables."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated file in tests/ru/data ('#' lines are comments)."""
    lines = [
        line.rstrip("\n")
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        assert len(cells) == len(header), f"{name}: row {number} has {len(cells)} cells: {line!r}"
        rows.append(dict(zip(header, cells)))
    return rows
