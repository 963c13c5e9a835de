"""Domain models of a mentoring programme (pydantic v2; no I/O, no file formats)."""

from ._enums import Case, Category, Comparison, Gender, OrgKind, PairStatus, Role
from .forms import BUILTIN_FORMS, MentoringForm, find_form
from .image import Image
from .organization import Organization
from .pair import Pair, SupplementaryAgreement
from .participant import LegalRepresentative, Participant
from .person import Official, Person
from .registry import Registry, RegistryProblem, check_registry
from .target import Target

__all__ = [
    "BUILTIN_FORMS",
    "Case",
    "Category",
    "Comparison",
    "Gender",
    "Image",
    "LegalRepresentative",
    "MentoringForm",
    "Official",
    "OrgKind",
    "Organization",
    "Pair",
    "PairStatus",
    "Participant",
    "Person",
    "Registry",
    "RegistryProblem",
    "Role",
    "SupplementaryAgreement",
    "Target",
    "check_registry",
    "find_form",
]

# Roadmaps (appended by the roadmaps module): every name in models.roadmap.__all__.
from . import roadmap as _roadmap  # noqa: E402
from .roadmap import *  # noqa: E402,F403

__all__ += _roadmap.__all__
