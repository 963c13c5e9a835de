"""Domain models of a mentoring programme (pydantic v2; no I/O, no file formats)."""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes
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
from .forms import (
    BUILTIN_FORMS,
    DEFAULT_FORMAT,
    FORMATS,
    PAIR_TYPES,
    MentoringForm,
    MentoringFormat,
    PairType,
    derive_pair_type,
    find_form,
    find_format,
    find_pair_type,
    form_dimension,
    form_text,
    nearest_form,
)
from .history import PairEvent, history_errors
from .image import Image, QrCode
from .organization import Organization
from .origin import HasOrigin, Origin
from .pair import Pair, SupplementaryAgreement
from .participant import LegalRepresentative, Participant
from .person import NAME_MAX, TEXT_MAX, Model, Official, Person
from .plausibility import data_warnings, person_warnings
from .registry import Registry, RegistryProblem, check_registry, nearest_participant, unknown_form_message
from .statistics import (
    Chart,
    ChartPanel,
    ChartSeries,
    CoverageTable,
    SurveyAnswers,
    SurveyResults,
    SurveyStage,
    TableLine,
)
from .target import Measure, Target
from .year_checks import YEAR_CHECKS, check_year

if TYPE_CHECKING:
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

#: The roadmap's models (a table, its periods and deadline wording) load on first use: most
#: documents never need them, and they take a third of the models' import time.
_ROADMAP = frozenset({"Activity", "Block", "Column", "ColumnRole", "Period", "Roadmap", "RoadmapNote", "RoadmapRow", "Stage", "Stamp", "StampKind", "SubStage"})


__getattr__ = lazy_attributes(__name__, dict.fromkeys(_ROADMAP, "roadmap"), globals())


__all__ = [
    "Activity",
    "AliasedEnum",
    "BUILTIN_FORMS",
    "Block",
    "Case",
    "Category",
    "Chart",
    "ChartPanel",
    "ChartSeries",
    "Column",
    "ColumnRole",
    "Comparison",
    "CoverageTable",
    "DEFAULT_FORMAT",
    "FORMATS",
    "Finding",
    "Gender",
    "HasOrigin",
    "Image",
    "LegalRepresentative",
    "Measure",
    "MentoringForm",
    "MentoringFormat",
    "Model",
    "NAME_MAX",
    "Official",
    "OrgKind",
    "Organization",
    "Origin",
    "PAIR_TYPES",
    "Pair",
    "PairEvent",
    "PairEventKind",
    "PairStatus",
    "PairType",
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
    "TEXT_MAX",
    "SurveyAnswers",
    "SurveyResults",
    "SurveyStage",
    "TableLine",
    "Target",
    "YEAR_CHECKS",
    "check_registry",
    "check_year",
    "construct",
    "data_warnings",
    "derive_pair_type",
    "find_form",
    "find_format",
    "find_pair_type",
    "form_dimension",
    "form_text",
    "history_errors",
    "nearest_form",
    "nearest_participant",
    "normalize_word",
    "person_warnings",
    "unknown_form_message",
]
