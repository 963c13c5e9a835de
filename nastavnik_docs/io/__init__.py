"""Reading inputs (YAML, JSON, the Excel registry, CSV, a batch's records, roadmaps from Word,
coverage tables and questionnaire results from Excel) into models, with located errors, and
writing the registry workbook, YAML files and CSV (the one CSV writer, formula-safe).

Every problem in a file is reported at once as one ``InputError`` whose ``problems`` name
the file, the sheet, the row, the column (or the field) and the value, in Russian. This
layer knows the models, never the document kinds: a kind's input is loaded by passing its
``input_model`` (``nastavnik_docs.load_input`` does that for a kind).
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
    from ._coverage_xlsx import read_coverage_source, read_coverage_table
    from ._csv import csv_cell, dump_participants_csv, load_participants_csv, read_csv, read_csv_records, write_csv
    from ._input import load_input, load_organization, load_registry, resolve_links
    from ._records import RecordReader, RecordsFile, merge_fields
    from ._registry_xlsx import write_registry
    from ._survey_xlsx import read_survey_results
    from ._workspace import init_workspace
    from ._yaml import load_yaml, parse_json, save_yaml
    from .roadmap_docx import RoadmapImport, Unplaced, import_roadmap, load_roadmap

#: Public name -> the module that defines it. Imported on first use (PEP 562), so that
#: reading a YAML input does not load openpyxl or python-docx.
_WHERE = {
    **dict.fromkeys(("csv_cell", "dump_participants_csv", "load_participants_csv", "read_csv", "read_csv_records",
                     "write_csv"), "_csv"),
    **dict.fromkeys(("read_coverage_source", "read_coverage_table"), "_coverage_xlsx"),
    "read_survey_results": "_survey_xlsx",
    **dict.fromkeys(("load_input", "load_organization", "load_registry", "resolve_links"), "_input"),
    **dict.fromkeys(("RecordReader", "RecordsFile", "merge_fields"), "_records"),
    "write_registry": "_registry_xlsx",
    "init_workspace": "_workspace",
    **dict.fromkeys(("load_yaml", "parse_json", "save_yaml"), "_yaml"),
    **dict.fromkeys(("RoadmapImport", "Unplaced", "import_roadmap", "load_roadmap"), "roadmap_docx"),
}


__getattr__ = lazy_attributes(__name__, _WHERE, globals())


__all__ = [
    "RecordReader",
    "RecordsFile",
    "RoadmapImport",
    "csv_cell",
    "Unplaced",
    "dump_participants_csv",
    "import_roadmap",
    "init_workspace",
    "load_input",
    "load_organization",
    "load_participants_csv",
    "load_registry",
    "load_roadmap",
    "load_yaml",
    "merge_fields",
    "parse_json",
    "read_csv",
    "read_coverage_source",
    "read_coverage_table",
    "read_csv_records",
    "read_survey_results",
    "resolve_links",
    "save_yaml",
    "write_csv",
    "write_registry",
]
