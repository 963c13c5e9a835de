"""Domain models of a mentoring programme (pydantic v2; no I/O, no file formats).

Every name is imported from its module on first use (PEP 562, :mod:`.._lazy`): building a
pydantic model class costs about a millisecond, and a command that makes one order needs
the people and the organisation, not the statistics, the roadmap or the findings of a check.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
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
    from .construct import (
        construct,
    )
    from .findings import (
        Finding,
        Severity,
    )
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
    from .history import (
        PairEvent,
        history_errors,
    )
    from .image import (
        Image,
        QrCode,
    )
    from .organization import (
        Organization,
    )
    from .origin import (
        HasOrigin,
        Origin,
    )
    from .pair import (
        Pair,
        SupplementaryAgreement,
    )
    from .participant import (
        LegalRepresentative,
        Participant,
    )
    from .person import (
        NAME_MAX,
        TEXT_MAX,
        Model,
        Official,
        Person,
    )
    from .plausibility import (
        data_warnings,
        person_warnings,
    )
    from .registry import (
        Registry,
        RegistryProblem,
        check_registry,
        nearest_participant,
        unknown_form_message,
    )
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
    from .target import (
        Measure,
        Target,
    )
    from .year_checks import (
        YEAR_CHECKS,
        check_year,
    )

#: The module of this package that defines each public name.
_MODULES: dict[str, tuple[str, ...]] = {
    "_enums": (
        "AliasedEnum", "Case", "Category", "Comparison", "Gender", "OrgKind", "PairEventKind", "PairStatus", "Role",
        "normalize_word",
    ),
    "construct": ("construct",),
    "findings": ("Finding", "Severity"),
    "forms": (
        "BUILTIN_FORMS", "DEFAULT_FORMAT", "FORMATS", "MentoringForm", "MentoringFormat", "PAIR_TYPES", "PairType",
        "derive_pair_type", "find_form", "find_format", "find_pair_type", "form_dimension", "form_text",
        "nearest_form",
    ),
    "history": ("PairEvent", "history_errors"),
    "image": ("Image", "QrCode"),
    "organization": ("Organization",),
    "origin": ("HasOrigin", "Origin"),
    "pair": ("Pair", "SupplementaryAgreement"),
    "participant": ("LegalRepresentative", "Participant"),
    "person": ("Model", "NAME_MAX", "Official", "Person", "TEXT_MAX"),
    "plausibility": ("data_warnings", "person_warnings"),
    "registry": ("Registry", "RegistryProblem", "check_registry", "nearest_participant", "unknown_form_message"),
    "roadmap": (
        "Activity", "Block", "Column", "ColumnRole", "Period", "Roadmap", "RoadmapNote", "RoadmapRow", "Stage",
        "Stamp", "StampKind", "SubStage",
    ),
    "statistics": (
        "Chart", "ChartPanel", "ChartSeries", "CoverageTable", "SurveyAnswers", "SurveyResults", "SurveyStage",
        "TableLine",
    ),
    "target": ("Measure", "Target"),
    "year_checks": ("YEAR_CHECKS", "check_year"),
}

__getattr__ = lazy_attributes(__name__, {name: module for module, names in _MODULES.items() for name in names},
                              globals())


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
