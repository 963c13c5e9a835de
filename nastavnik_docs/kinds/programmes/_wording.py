"""The default wording of the programmes (``programmes.yaml``), read once."""

from __future__ import annotations

from typing import Any

from .._data import wording

__all__ = ["TEXT"]

#: Frequencies, meetings, audiences and the route's areas, as ``programmes.yaml`` gives them.
TEXT: dict[str, Any] = wording(__package__ or "nastavnik_docs.kinds.programmes", "programmes.yaml")
