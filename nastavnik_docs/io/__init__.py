"""Reading inputs (YAML, JSON, the Excel registry, CSV) into models, with located errors,
and writing the registry workbook and YAML files.

Every problem in a file is reported at once as one ``InputError`` whose ``problems`` name
the file, the sheet, the row, the column (or the field) and the value, in Russian.
"""

from ._csv import load_participants_csv
from ._input import load_input, load_organization, load_registry, resolve_links
from ._registry_xlsx import write_registry
from ._workspace import init_workspace
from ._yaml import load_yaml, save_yaml

__all__ = [
    "init_workspace",
    "load_input",
    "load_organization",
    "load_participants_csv",
    "load_registry",
    "load_yaml",
    "resolve_links",
    "save_yaml",
    "write_registry",
]

# Roadmaps (appended by the roadmaps module): import a roadmap table from a Word document.
from .roadmap_docx import RoadmapImport, import_roadmap

__all__ += ["RoadmapImport", "import_roadmap"]
