"""nastavnik_docs: official documents of the target mentoring model for Russian schools.

The public surface is this module's ``__all__``; everything in modules whose name starts
with ``_`` is private. A test (tests/test_public_api.py) checks the list.

Every public name is imported on first use (PEP 562 ``__getattr__``): ``import
nastavnik_docs`` loads nothing but the version, and ``nd.render`` brings in pydantic, the
catalogue and the format libraries only when it is first looked up.
"""

from ._version import __version__

# Not ``typing.TYPE_CHECKING``: importing typing alone would cost a third of the budget.
_TYPE_CHECKING = False
if _TYPE_CHECKING:
    from typing import Any

    from ._api import TemplateReport, check_template, clear_caches, input_schema, load_input, render
    from ._stats_api import aggregate, export_personified, merge_summaries
    from .batch import BatchReport, BatchStream, records_from_source, render_batch
    from .errors import (
        ConverterMissingError,
        DataWarning,
        GrammarError,
        InputError,
        KindNotFoundError,
        LimitError,
        NastavnikError,
        OutputError,
        OutputExistsError,
        Problem,
        TemplateError,
        TemplateNotFoundError,
    )
    from .io import init_workspace, load_organization, load_registry, save_yaml, write_registry
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
    from .project import CheckFailed, Project

_MODELS = ("Case", "Category", "Gender", "MentoringForm", "MentoringFormat", "Official", "Organization",
           "Pair", "PairStatus", "PairType", "Participant", "Person", "Registry", "Role", "Target")
_ERRORS = ("ConverterMissingError", "DataWarning", "GrammarError", "InputError", "KindNotFoundError", "LimitError",
           "NastavnikError", "OutputError", "OutputExistsError", "Problem", "TemplateError", "TemplateNotFoundError")
#: Public name -> (the module that defines it, its name there). Everything is imported on
#: first use (PEP 562), so ``import nastavnik_docs`` costs next to nothing and a command
#: loads only what it uses (pydantic alone takes longer to import than the 0.1 s allowed).
_LAZY: dict[str, tuple[str, str]] = {
    **{name: (".models", name) for name in _MODELS},
    **{name: (".errors", name) for name in _ERRORS},
    **{name: ("._api", name) for name in ("TemplateReport", "check_template", "clear_caches", "input_schema",
                                          "load_input", "render")},
    "Kind": (".kinds", "Kind"), "get_kind": (".kinds", "get_kind"), "all_kinds": (".kinds", "all_kinds"),
    **{name: (".batch", name) for name in ("BatchReport", "BatchStream", "records_from_source", "render_batch")},
    **{name: (".io", name) for name in ("init_workspace", "load_organization", "load_registry",
                                        "save_yaml", "write_registry")},
    **{name: ("._stats_api", name) for name in ("aggregate", "export_personified", "merge_summaries")},
    "CheckFailed": (".project", "CheckFailed"), "Project": (".project", "Project"),
}


def __getattr__(name: str) -> "Any":
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # __import__ rather than importlib, whose package costs as much as all the rest here
    module = __import__(where[0].lstrip("."), globals(), None, [where[1]], 1)
    value = getattr(module, where[1])
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
    "DataWarning",
    "Gender",
    "GrammarError",
    "InputError",
    "Kind",
    "KindNotFoundError",
    "LimitError",
    "MentoringForm",
    "MentoringFormat",
    "NastavnikError",
    "Official",
    "Organization",
    "OutputError",
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
