"""Statistics of a mentoring programme (no I/O, no formats): the coverage table computed
from a registry, its form and control relations as data, the analysis behind the
analytical report, and the municipal summary of many organisations' tables.

The coverage table follows the shape of federal statistical forms (ФСН): lines with fixed
codes (``coverage_form.yaml``), numbered graphs, and named control relations checked
before anything is printed or summed.
"""

from ._analysis import RULES, Analysis, AnalysisFigures, Statement, TargetVerdict, analyse
from ._control import check_table, share_failures
from ._coverage import (
    CoverageLine,
    CoverageReport,
    EarlyEnd,
    FormLine,
    ReportingPeriod,
    TargetCheck,
    Totals,
    coverage,
)
from ._export import PERSONIFIED_COLUMNS, PersonifiedRow, personified_rows
from ._form import COVERAGE_FORM, ControlFailure, FormSpec, LineSpec, Relation, SectionSpec, share
from ._municipal import FailedFile, MunicipalSummary, SummaryRow, accept_table, shard_of
from ._survey import GroupScore, QuestionScore, SurveySummary, summarize_survey, survey_header

__all__ = [
    "COVERAGE_FORM",
    "PERSONIFIED_COLUMNS",
    "RULES",
    "Analysis",
    "AnalysisFigures",
    "ControlFailure",
    "CoverageLine",
    "CoverageReport",
    "EarlyEnd",
    "FailedFile",
    "FormLine",
    "FormSpec",
    "GroupScore",
    "LineSpec",
    "MunicipalSummary",
    "PersonifiedRow",
    "QuestionScore",
    "Relation",
    "ReportingPeriod",
    "SectionSpec",
    "Statement",
    "SummaryRow",
    "SurveySummary",
    "TargetCheck",
    "TargetVerdict",
    "Totals",
    "accept_table",
    "analyse",
    "check_table",
    "coverage",
    "personified_rows",
    "shard_of",
    "share",
    "share_failures",
    "summarize_survey",
    "survey_header",
]
