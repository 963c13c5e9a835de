"""Import a roadmap from an existing Word document (``nastavnik-docs import-roadmap``), and
read a roadmap from any file a curator has (``load_roadmap``: YAML, JSON or DOCX).

The reader finds the table whose header row names roadmap columns («№ п/п»,
«Наименование мероприятия», «Мероприятия», «Содержание деятельности», «Срок исполнения»,
«Ответственные», «Ожидаемый результат», «Вид документа», «Этап», «Наименование этапа»,
«Содержание подэтапов», «Направления» …; the full list is ``HEADING_RULES`` in
:mod:`._docx_table`), with the Word tables that continue it after a page break, and walks
its rows on the XML level (:mod:`._docx_table`), building stages and events
(:mod:`._roadmap_rows`). Around the table (:mod:`._roadmap_head`) it reads the appendix
mark, the stamps (left, right, side by side, in a table or in tab-separated paragraphs),
the organisation's name, a title page, the title over one or several paragraphs and the
period it names, an explanatory note, and after the table the target indicators.

Nothing is lost silently: whatever cannot be placed is returned in ``unplaced`` (Russian
descriptions with the text), printed by the command, and written into the YAML as
comments at the place it came from (``RoadmapImport.to_yaml``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml.ns import qn

from .._files import write_bytes_atomic
from ..errors import InputError, Problem
from ..models.roadmap import Column, Roadmap
from ._docx_table import ListNumbering, find_tables, read_para, recognise_heading, table_rows
from ._roadmap_head import head_lines, read_head, read_targets, title_period
from ._roadmap_rows import END, TableBuilder, Unplaced
from ._roadmap_yaml import yaml_with_comments

__all__ = ["RoadmapImport", "Unplaced", "import_roadmap", "load_roadmap", "recognise_heading"]


@dataclass
class RoadmapImport:
    """What ``import_roadmap`` read: the roadmap and the texts it could not place, each
    with the place in the YAML it came from."""

    roadmap: Roadmap
    notes: list[Unplaced] = field(default_factory=list)

    @property
    def unplaced(self) -> list[str]:
        """The Russian descriptions of what could not be placed, in document order."""
        return [note.message for note in self.notes]

    def to_yaml(self) -> str:
        """The roadmap as YAML, with what could not be placed as comments where it stood."""
        return yaml_with_comments(self.roadmap, self.notes)

    def save(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write the YAML (with the comments) atomically; a ``.json`` path gets plain JSON."""
        path = Path(path)
        if path.suffix.lower() == ".json":
            from ._yaml import save_yaml

            return save_yaml(self.roadmap, path, overwrite=overwrite)
        return write_bytes_atomic(path, self.to_yaml().encode("utf-8"), overwrite=overwrite)


def _open(path: Path) -> Any:
    try:
        return Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a file that is not DOCX
        raise InputError([Problem(f"Не удалось открыть документ Word: {exc}", file=str(path))]) from exc


def import_roadmap(path: str | os.PathLike[str]) -> RoadmapImport:
    """Read the roadmap table (and its stamps, appendix mark, title, note and targets) from
    a .docx file."""
    path = Path(path)
    doc = _open(path)
    numbering = ListNumbering(doc)
    found = find_tables(doc, numbering)
    if found is None:
        raise InputError([Problem(
            "В документе не найдена таблица дорожной карты: ни в одной таблице нет строки "
            "заголовков со столбцами вроде «Наименование мероприятия», «Срок», «Ответственные»",
            file=str(path))])
    notes: list[Unplaced] = []
    columns = found.columns
    for heading, role in zip(columns.headings, columns.roles):
        if role is None and heading:
            notes.append(Unplaced(f"Столбец «{heading}» не распознан: его текст — в примечаниях у строк",
                                  ("columns",)))
    body, numbers = table_rows(found.rows, found.header_at)
    builder = TableBuilder(columns, notes)
    for index, cells in body:
        builder.row(cells, index)
    if not builder.stages:
        raise InputError([Problem("В таблице дорожной карты не найдено ни одной строки мероприятий",
                                  file=str(path))])

    elements = [el for el in doc.element.body.iterchildren() if el.tag in (qn("w:p"), qn("w:tbl"))]
    first = elements.index(found.elements[0])
    last = elements.index(found.elements[-1])
    head = read_head(head_lines(elements[:first], numbering))
    after: list[str] = []
    for element in elements[last + 1:]:
        paras = [element] if element.tag == qn("w:p") else list(element.iter(qn("w:p")))
        after += [line for p in paras for line in read_para(p, numbering).text.split("\n") if line.strip()]
    after_notes: list[str] = []
    targets_title, targets_intro, targets = read_targets(after, after_notes)
    title = head.title or path.stem
    if head.title is None:
        notes.insert(0, Unplaced(f"Заголовок перед таблицей не найден: взято имя файла «{path.stem}»",
                                 ("title",)))
    roadmap = Roadmap(
        organization_lines=head.organization_lines, appendix=head.appendix, stamps=head.stamps,
        title=title, period=title_period(title), note=head.note,
        columns=[Column(role=role, heading=heading) for role, heading in zip(columns.roles, columns.headings)
                 if role is not None],
        column_numbers=numbers, stage_layout=builder.layout, stages=builder.stages,
        targets_title=targets_title, targets_intro=targets_intro, targets=targets, **head.cover)
    head_notes = [Unplaced(text, ("title",)) for text in head.unplaced]
    return RoadmapImport(roadmap=roadmap, notes=head_notes + notes + [Unplaced(t, END) for t in after_notes])


def load_roadmap(path: str | os.PathLike[str]) -> RoadmapImport:
    """A roadmap from a YAML or JSON file (validated, every problem with its line) or from a
    Word document (imported; what could not be placed is in ``notes``)."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        return import_roadmap(path)
    from ._input import load_input

    return RoadmapImport(roadmap=load_input(Roadmap, path))
