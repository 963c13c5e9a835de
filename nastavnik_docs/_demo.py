"""``nastavnik-docs demo``: the sample school's programme year, issued the way a curator does.

The demo copies the sample project folder (``samples/project``: the project file, the
registry workbook, the documents' own data) into a temporary folder — the installed package
is never written to — and issues the whole year from it with :class:`nastavnik_docs.Project`,
journal and index included. It also renders the sample roadmaps (the five published seeds
and the sample school's own) that are not part of the year's set.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ._resources import sample_path
from .kinds import get_kind

#: The sample project folder under ``samples/``.
PROJECT_SAMPLE = "project"
#: Where the roadmaps beside the year's set go.
ROADMAPS_FOLDER = "Дорожные карты — образцы"


def run_demo(out: str | Path, *, pdf: bool = False) -> list[tuple[str, Path]]:
    """Issue the sample year into ``out`` and render the sample roadmaps; (title, path) rows.

    The demo writes into its own folder and replaces what an earlier demo left there.
    """
    from . import render
    from .project import Project

    out = Path(out)
    rows: list[tuple[str, Path]] = []
    with tempfile.TemporaryDirectory(prefix="nastavnik-demo-") as work:
        folder = Path(work) / PROJECT_SAMPLE
        shutil.copytree(sample_path(PROJECT_SAMPLE), folder)
        project = Project.open(folder)
        report = project.issue_all(out)
        registry = out / Path(project.file.registry).name
        shutil.copyfile(project.file.registry, registry)
    rows.append(("База наставников и наставляемых", registry))
    for document in report.documents:
        rows.extend((document.title, path) for path in document.files)
    rows += [("Журнал регистрации", report.journal), ("Опись документов", report.index)]  # type: ignore[list-item]
    roadmap = get_kind("roadmap")
    for sample in roadmap.samples:
        label = roadmap.sample_names.get(sample, Path(sample).stem)
        for ext in roadmap.formats:
            written = render(roadmap, sample_path(sample), out / ROADMAPS_FOLDER / f"Дорожная карта — {label}{ext}",
                             overwrite=True)
            rows.extend((roadmap.title, p) for p in (written if isinstance(written, list) else [written]))
    if pdf:
        from .engine.pdf import convert_to_pdf

        sources = [p for _, p in rows if p.suffix in (".docx", ".xlsx")]
        rows.extend(("PDF", p) for p in convert_to_pdf(sources, overwrite=True))
    return rows
