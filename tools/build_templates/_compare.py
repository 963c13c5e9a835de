"""OOXML packages of the built templates: compare by content, save reproducibly."""

from __future__ import annotations

import io
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


def reproducible_zip(package: bytes) -> bytes:
    """The same package with every zip entry dated 1980-01-01, in the original order.

    python-docx and openpyxl stamp the current time into each entry, so two builds of the
    same template would differ in bytes and show up as changes in git.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), src.read(name),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
