"""nastavnik_docs: official documents of the target mentoring model for Russian schools.

The public surface is this module's ``__all__``; everything in modules whose name starts
with ``_`` is private. A test (tests/test_public_api.py) checks the list.

The models, errors and the catalogue are imported at once; the functions that need the
format libraries (docxtpl, openpyxl) are imported on first use, so that
``import nastavnik_docs.ru`` or a worker process that only declines names stays light.
"""

import importlib as _importlib
import typing as _typing

from ._api import TemplateReport, check_template, clear_caches, input_schema, load_input, render
from ._version import __version__
from .errors import (
    ConverterMissingError,
    GrammarError,
    InputError,
    KindNotFoundError,
    NastavnikError,
    OutputExistsError,
    Problem,
    TemplateError,
    TemplateNotFoundError,
)
from .kinds import Kind, all_kinds, get_kind
from .models import (
    Case,
    Category,
    Gender,
    MentoringForm,
    MentoringFormat,
    Official,
    Organization,
    Pair,
    PairStatus,
    PairType,
    Participant,
    Person,
    Registry,
    Role,
    Target,
)

if _typing.TYPE_CHECKING:
    from ._stats_api import aggregate, export_personified, merge_summaries
    from .batch import BatchReport, BatchStream, records_from_source, render_batch
    from .io import init_workspace, load_organization, load_registry, save_yaml, write_registry
    from .project import CheckFailed, Project

#: Public names imported on first use, by the module that defines them.
_LAZY = {
    "BatchReport": ".batch", "BatchStream": ".batch", "records_from_source": ".batch",
    "render_batch": ".batch",
    "init_workspace": ".io", "load_organization": ".io",
    "load_registry": ".io", "save_yaml": ".io", "write_registry": ".io",
    "aggregate": "._stats_api", "export_personified": "._stats_api", "merge_summaries": "._stats_api",
    "CheckFailed": ".project", "Project": ".project",
}


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

__all__ = [
    "BatchReport",
    "BatchStream",
    "Case",
    "Category",
    "CheckFailed",
    "ConverterMissingError",
    "Gender",
    "GrammarError",
    "InputError",
    "Kind",
    "KindNotFoundError",
    "MentoringForm",
    "MentoringFormat",
    "NastavnikError",
    "Official",
    "Organization",
    "OutputExistsError",
    "Pair",
    "PairStatus",
    "PairType",
    "Participant",
    "Person",
    "Problem",
    "Project",
    "Registry",
    "Role",
    "Target",
    "TemplateError",
    "TemplateNotFoundError",
    "TemplateReport",
    "__version__",
    "aggregate",
    "all_kinds",
    "check_template",
    "clear_caches",
    "export_personified",
    "get_kind",
    "init_workspace",
    "input_schema",
    "load_input",
    "load_organization",
    "load_registry",
    "merge_summaries",
    "records_from_source",
    "render",
    "render_batch",
    "save_yaml",
    "write_registry",
]
