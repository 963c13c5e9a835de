"""Domain models of a mentoring programme (pydantic v2; no I/O, no file formats)."""

from ._enums import Case, Category, Comparison, Gender, OrgKind, PairStatus, Role
from .findings import Finding, Severity
from .forms import BUILTIN_FORMS, MentoringForm, find_form
from .image import Image
from .organization import Organization
from .pair import Pair, SupplementaryAgreement
from .participant import LegalRepresentative, Participant
from .person import Model, Official, Person
from .registry import Registry, RegistryProblem, check_registry
from .roadmap import (
    Activity,
    Block,
    Column,
    ColumnRole,
    Period,
    Roadmap,
    RoadmapNote,
    RoadmapRow,
    Stage,
    Stamp,
    StampKind,
    SubStage,
)
from .target import Target

__all__ = [
    "Activity",
    "BUILTIN_FORMS",
    "Block",
    "Case",
    "Category",
    "Column",
    "ColumnRole",
    "Comparison",
    "Finding",
    "Gender",
    "Image",
    "LegalRepresentative",
    "MentoringForm",
    "Model",
    "Official",
    "OrgKind",
    "Organization",
    "Pair",
    "PairStatus",
    "Participant",
    "Period",
    "Person",
    "Registry",
    "RegistryProblem",
    "Roadmap",
    "RoadmapNote",
    "RoadmapRow",
    "Role",
    "Stage",
    "Stamp",
    "StampKind",
    "SubStage",
    "Severity",
    "SupplementaryAgreement",
    "Target",
    "check_registry",
    "find_form",
]

