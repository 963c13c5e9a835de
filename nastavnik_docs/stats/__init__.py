"""Statistics of a mentoring programme computed from the registry (no I/O, no formats).

The coverage table follows the shape of federal statistical forms (ФСН): numbered lines
with codes, numbered columns, and control relations between lines that are checked
before anything is printed.
"""

from ._coverage import (
    CoverageLine,
    CoverageReport,
    FormLine,
    ReportingPeriod,
    TargetCheck,
    Totals,
    coverage,
)

__all__ = [
    "CoverageLine",
    "CoverageReport",
    "FormLine",
    "ReportingPeriod",
    "TargetCheck",
    "Totals",
    "coverage",
]
