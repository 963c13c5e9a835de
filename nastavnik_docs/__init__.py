"""nastavnik_docs: official documents of the target mentoring model for Russian schools.

The public surface is this module's ``__all__``; everything in modules whose name starts
with ``_`` is private. A test (tests/test_public_api.py) checks the list.
"""

from ._api import TemplateReport, check_template, render
from ._version import __version__
from .batch import BatchReport, render_batch
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
from .kinds import Kind, all_kinds as kinds, get_kind
from .models import (
    Case,
    Category,
    Gender,
    MentoringForm,
    Official,
    Organization,
    Pair,
    PairStatus,
    Participant,
    Person,
    Registry,
    Role,
    Target,
)
from .io import init_workspace, load_input, load_organization, load_registry, save_yaml, write_registry

__all__ = [
    "BatchReport",
    "Case",
    "Category",
    "ConverterMissingError",
    "Gender",
    "GrammarError",
    "InputError",
    "Kind",
    "KindNotFoundError",
    "MentoringForm",
    "NastavnikError",
    "Official",
    "Organization",
    "OutputExistsError",
    "Pair",
    "PairStatus",
    "Participant",
    "Person",
    "Problem",
    "Registry",
    "Role",
    "Target",
    "TemplateError",
    "TemplateNotFoundError",
    "TemplateReport",
    "__version__",
    "check_template",
    "get_kind",
    "init_workspace",
    "kinds",
    "load_input",
    "load_organization",
    "load_registry",
    "render",
    "render_batch",
    "save_yaml",
    "write_registry",
]
