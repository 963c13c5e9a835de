"""The catalogue of document kinds. Each public module (or subpackage) here registers its own kinds.

Shared pieces: :mod:`._base` (what a kind is, the catalogue), :mod:`._people` (who a
document names), :mod:`._requisites` (the requisites and the acts cited), :mod:`._legal`
(which acts a document cites, by rule, from the table ``acts.yaml``), :mod:`._data` (the
default wording kept as YAML next to each family).
"""

from ._base import (
    BatchSpec,
    DemoBatch,
    DocumentWarning,
    Kind,
    all_kinds,
    get_kind,
    issue_warnings,
    register,
    warnings_reported,
)

__all__ = ["BatchSpec", "DemoBatch", "DocumentWarning", "Kind", "all_kinds", "get_kind", "issue_warnings",
           "register", "warnings_reported"]
