"""LibreOffice profiles for PDF conversion: a fresh folder per call, copied from a prepared one.

Every conversion runs LibreOffice with a profile of its own (``-env:UserInstallation``), so
parallel conversions never share the user's profile or its lock. But LibreOffice sets a new
profile up on its first start — about 0.4 s of a 1.7 s call on the machine the benchmarks
run on. So the profile of the first successful call is kept in the user's cache folder
(``$XDG_CACHE_HOME`` or ``~/.cache``, ``nastavnik-docs/``), one per LibreOffice
installation, and later calls start from a copy of it. It holds LibreOffice's settings
only: the documents are converted under neutral names (``00000.docx``), and a profile keeps
no list of them.

The cache is an optimisation and never a reason to fail: a cache folder that cannot be
written is not used, a kept profile is written under a temporary name and renamed into place
(so two processes never see half of one), and a conversion that fails with a copied profile
is run again with a fresh one, the kept profile removed. ``NASTAVNIK_DOCS_NO_CACHE=1`` turns
it off.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["discard_kept", "keep_profile", "prepare_profile"]

#: Set to any non-empty value to start every conversion from a fresh profile.
NO_CACHE = "NASTAVNIK_DOCS_NO_CACHE"


def _cache_root() -> Path | None:
    if os.environ.get(NO_CACHE):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or (str(Path.home() / ".cache") if Path.home() != Path("/") else "")
    return Path(base) / "nastavnik-docs" if base else None


def _kept(soffice: str) -> Path | None:
    """Where the prepared profile of this LibreOffice installation is kept."""
    root = _cache_root()
    if root is None:
        return None
    try:
        real = os.path.realpath(soffice)
        stamp = f"{real}:{os.stat(real).st_mtime_ns}"
    except OSError:
        return None
    return root / f"libreoffice-profile-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}"


def prepare_profile(soffice: str, profile: Path) -> bool:
    """Fill ``profile`` (not yet existing) with a copy of the kept profile; whether it did
    (else LibreOffice sets a fresh one up there)."""
    kept = _kept(soffice)
    if kept is None or not kept.is_dir():
        return False
    try:
        shutil.copytree(kept, profile, symlinks=True)
    except OSError:
        shutil.rmtree(profile, ignore_errors=True)
        return False
    return True


def keep_profile(soffice: str, profile: Path) -> None:
    """Keep ``profile`` (of a successful call that started fresh) for later calls, unless
    one is kept already."""
    kept = _kept(soffice)
    if kept is None or kept.exists() or not profile.is_dir():
        return
    staging: Path | None = None
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=kept.parent))
        shutil.copytree(profile, staging / "profile", symlinks=True)
        os.rename(staging / "profile", kept)  # fails when another process kept one first
    except OSError:
        pass
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def discard_kept(soffice: str) -> None:
    """Remove the kept profile (a conversion started from it failed)."""
    kept = _kept(soffice)
    if kept is not None:
        shutil.rmtree(kept, ignore_errors=True)
