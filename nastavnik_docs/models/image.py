"""A picture a document places: an organisation's logo, a signature scan, a stamp, a QR code.

Context models declare ``logo: Image | None`` and templates write ``{{ logo }}`` in a
paragraph or a table cell of its own. This is only the data (a file or bytes, a size in
mm; for a QR code, its text); the DOCX engine turns it into a drawing where the template
prints it.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["Image", "QrCode"]


class Image(BaseModel):
    """A picture from a file (``path``) or from memory (``data``), optionally sized in mm.

    Give one of width and height to keep the aspect ratio, both to force a size, none for
    the picture's own size.
    """

    model_config = ConfigDict(frozen=True)

    path: Path | None = Field(default=None, description="Файл изображения (PNG, JPEG, GIF, BMP)")
    data: bytes | None = Field(default=None, description="Изображение в памяти")
    width_mm: float | None = Field(default=None, gt=0, description="Ширина, мм")
    height_mm: float | None = Field(default=None, gt=0, description="Высота, мм")

    @model_validator(mode="before")
    @classmethod
    def _from_path(cls, value: Any) -> Any:
        """``logo: эмблема.png`` in YAML is short for ``logo: {path: эмблема.png}``."""
        if isinstance(value, (str, PurePath)):
            return {"path": value}
        return value

    @model_validator(mode="after")
    def _one_source(self) -> Image:
        if (self.path is None) == (self.data is None):
            raise ValueError("укажите либо файл изображения (path), либо его данные (data)")
        return self


class QrCode(BaseModel):
    """A QR code holding ``text`` (requisite 31 of ГОСТ Р 7.0.97-2025: a document's
    details, so that a printed copy can be checked), printed ``size_mm`` square."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(min_length=1, description="Что закодировано")
    size_mm: float = Field(default=20, gt=0, le=100, description="Сторона квадрата, мм")
