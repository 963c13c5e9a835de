"""The catalogue of document kinds. Each public module here registers its own kinds."""

from ._base import BatchSpec, Kind, all_kinds, get_kind, register

__all__ = ["BatchSpec", "Kind", "all_kinds", "get_kind", "register"]
