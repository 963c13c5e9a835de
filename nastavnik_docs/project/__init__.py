"""The programme year as one case file (дело программы наставничества).

A project folder holds ``nastavnik.yaml`` — what every document of the year shares — the
registry workbook, the journal of acts and the documents' own data. :class:`Project` opens
it, lists the plan of the year, checks the set for consistency and issues it.

This layer sits above the catalogue, the batch engine and ``render``; nothing below it
imports it.
"""

from ._file import PROJECT_FILE, Officials, ProjectFile, parse_school_year
from ._journal import DocumentState, IssueState, Journal, JournalEntry, load_state
from ._plan import ItemStatus, PlanItem, Stage
from ._project import INDEX_XLSX, JOURNAL_XLSX, CheckFailed, IssuedDocument, Project, YearReport, find_project
from ._resolve import find_person

__all__ = [
    "CheckFailed",
    "DocumentState",
    "INDEX_XLSX",
    "IssueState",
    "IssuedDocument",
    "ItemStatus",
    "JOURNAL_XLSX",
    "Journal",
    "JournalEntry",
    "Officials",
    "PROJECT_FILE",
    "PlanItem",
    "Project",
    "ProjectFile",
    "Stage",
    "YearReport",
    "find_person",
    "find_project",
    "load_state",
    "parse_school_year",
]
