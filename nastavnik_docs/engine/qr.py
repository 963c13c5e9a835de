"""QR codes (segno) as pictures a DOCX template prints: requisite 31 of ГОСТ Р 7.0.97-2025.

A :class:`~nastavnik_docs.models.QrCode` in a context prints as a square PNG picture of
its text: black modules on white with the standard quiet zone, error correction level M
(a stamp or a fold over the code still reads), drawn at ~8 pixels per module so that Word
and LibreOffice scale it without blurring the edges into grey.
"""

from __future__ import annotations

import io
from functools import lru_cache

from ..models import Image, QrCode

__all__ = ["qr_image", "qr_png"]

#: Pixels per module of the picture.
SCALE = 8


@lru_cache(maxsize=64)
def qr_png(text: str) -> bytes:
    """The PNG of a QR code holding ``text`` (UTF-8; byte mode when it is not Latin)."""
    import segno

    code = segno.make(text, error="m", micro=False, boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=SCALE, border=4)
    return buffer.getvalue()


def qr_image(qr: QrCode) -> Image:
    """The picture of ``qr``, ``qr.size_mm`` square."""
    return Image(data=qr_png(qr.text), width_mm=qr.size_mm, height_mm=qr.size_mm)
