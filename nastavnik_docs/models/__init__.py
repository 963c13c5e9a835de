"""Domain models of a mentoring programme (pydantic v2; no I/O, no file formats)."""

from ._enums import (
    AliasedEnum,
    Case,
    Category,
    Comparison,
    Gender,
    OrgKind,
    PairEventKind,
    PairStatus,
    Role,
    normalize_word,
)
from .construct import construct
from .findings import Finding, Severity
from .forms import BUILTIN_FORMS, MentoringForm, find_form, nearest_form
from .history import PairEvent, history_errors
from .image import Image, QrCode
from .organization import Organization
from .origin import HasOrigin, Origin
from .pair import Pair, SupplementaryAgreement
from .participant import LegalRepresentative, Participant
from .person import Model, Official, Person
from .registry import Registry, RegistryProblem, check_registry, nearest_participant
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
from .year_checks import YEAR_CHECKS, check_year

__all__ = [
    "Activity",
    "AliasedEnum",
    "BUILTIN_FORMS",
    "Block",
    "Case",
    "Category",
    "Column",
    "ColumnRole",
    "Comparison",
    "Finding",
    "Gender",
    "HasOrigin",
    "Image",
    "LegalRepresentative",
    "MentoringForm",
    "Model",
    "Official",
    "OrgKind",
    "Organization",
    "Origin",
    "Pair",
    "PairEvent",
    "PairEventKind",
    "PairStatus",
    "Participant",
    "Period",
    "Person",
    "QrCode",
    "Registry",
    "RegistryProblem",
    "Roadmap",
    "RoadmapNote",
    "RoadmapRow",
    "Role",
    "Severity",
    "Stage",
    "Stamp",
    "StampKind",
    "SubStage",
    "SupplementaryAgreement",
    "Target",
    "YEAR_CHECKS",
    "check_registry",
    "check_year",
    "construct",
    "history_errors",
    "find_form",
    "nearest_form",
    "nearest_participant",
    "normalize_word",
]
