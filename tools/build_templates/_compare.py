"""Compare two OOXML packages by content, ignoring what changes on every save."""

from __future__ import annotations

import zipfile
from pathlib import Path

#: Parts that hold timestamps or the saving application's name, not content.
VOLATILE_PARTS = {"docProps/core.xml", "docProps/app.xml"}


def package_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n not in VOLATILE_PARTS}


def differing_parts(a: Path, b: Path) -> list[str]:
    """Names of parts whose content differs between two packages (empty when equal)."""
    pa, pb = package_parts(a), package_parts(b)
    return sorted(n for n in pa.keys() | pb.keys() if pa.get(n) != pb.get(n))
