"""The programme year as one case file (дело программы наставничества).

A project folder holds ``nastavnik.yaml`` — what every document of the year shares — the
registry workbook, the journal of acts and the documents' own data. :class:`Project` opens
it, lists the plan of the year, checks the set for consistency and issues it.

This layer sits above the catalogue, the batch engine and ``render``; nothing below it
imports it.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
    from ._file import Officials, ProjectFile, parse_school_year
    from ._find import PROJECT_FILE, find_project
    from ._journal import DocumentState, IssueState, Journal, JournalEntry, load_state
    from ._plan import ItemStatus, PlanItem, Stage
    from ._project import INDEX_XLSX, JOURNAL_XLSX, CheckFailed, IssuedDocument, Project, YearReport
    from ._resolve import find_person

#: Public name -> the module that defines it, imported on first use (PEP 562): the CLI asks
#: ``find_project`` on every command, which must not load the whole case file machinery.
_WHERE = {
    **dict.fromkeys(("Officials", "ProjectFile", "parse_school_year"), "_file"),
    **dict.fromkeys(("PROJECT_FILE", "find_project"), "_find"),
    **dict.fromkeys(("DocumentState", "IssueState", "Journal", "JournalEntry", "load_state"), "_journal"),
    **dict.fromkeys(("ItemStatus", "PlanItem", "Stage"), "_plan"),
    **dict.fromkeys(("INDEX_XLSX", "JOURNAL_XLSX", "CheckFailed", "IssuedDocument", "Project", "YearReport"),
                    "_project"),
    "find_person": "_resolve",
}


__getattr__ = lazy_attributes(__name__, _WHERE, globals())


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
