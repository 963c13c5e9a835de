"""The project folder the server serves: its project file, organisation card and registry.

The folder is a programme year's case file (``nastavnik.yaml``, see
:mod:`nastavnik_docs.project`). A new or empty folder gets what ``nastavnik-docs init``
writes; a folder that holds only a card and a registry from before gets the project file
beside them. Where the card and the registry are is read from the project file itself
(``organization:``, ``registry:``). The card and the officials are edited through the
page's forms and saved into the curator's files with every comment kept
(:mod:`.yaml_edit`); a registry is replaced only by an upload the library's reader
accepted whole.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..errors import InputError, NastavnikError, OutputExistsError, Problem
from ..io import load_input, load_registry, load_yaml, resolve_links
from ..models import Organization, Registry
from ..project import PROJECT_FILE, Project, ProjectFile
from .yaml_edit import YamlDocument

__all__ = ["AWARDS_FOLDER", "OFFICIALS_KEY", "ORGANIZATION_KEY", "YEAR_FOLDER", "ServedFolder"]

#: The folder of the project the year's documents are issued into.
YEAR_FOLDER = "Документы года"
#: The folder of the project certificate batches are written to.
AWARDS_FOLDER = "Грамоты и благодарности"

#: The key of the organisation card in the project file.
ORGANIZATION_KEY = "organization"
#: The key of the officials in the project file.
OFFICIALS_KEY = "officials"


class ServedFolder:
    """The project folder of one server."""

    def __init__(self, path: Path):
        self.path = Path(path).resolve()

    @property
    def project_file(self) -> Path:
        return self.path / PROJECT_FILE

    def ensure(self) -> list[Path]:
        """Make the folder a project folder; the files written."""
        self.path.mkdir(parents=True, exist_ok=True)
        if self.project_file.exists():
            return []
        try:
            return Project.init(self.path)
        except OutputExistsError:
            pass
        # A card and a registry from before: only the project file is added beside them.
        with tempfile.TemporaryDirectory(prefix="nastavnik-init-") as scratch:
            Project.init(scratch)
            shutil.copyfile(Path(scratch) / PROJECT_FILE, self.project_file)
        return [self.project_file]

    def project_data(self) -> dict[str, Any]:
        """The project file as written (not validated); InputError when it cannot be read."""
        data = load_yaml(self.project_file)
        if not isinstance(data, dict):
            raise InputError(Problem("в файле должен быть набор полей «ключ: значение»", file=self.project_file.name))
        return data

    def open_project(self, registry: Path | None = None) -> Project:
        """The project (InputError with every problem of the card, the registry or the file);
        with ``registry``, the project's settings over that workbook instead of its own."""
        if registry is None:
            return Project.open(self.path)
        file = load_yaml(self.project_file, ProjectFile)
        return Project(self.path, file, load_registry(registry))

    # ---------------------------------------------------------------- the registry

    @property
    def registry_file(self) -> Path:
        """The registry the project file names (``registry:``), resolved like the library does."""
        given = self.project_data().get("registry")
        if not given:
            raise InputError(Problem("в nastavnik.yaml не указана база участников (registry)",
                                     file=PROJECT_FILE, field="registry"))
        return Path(resolve_links(ProjectFile, {"registry": given}, self.path)["registry"]).resolve()

    def registry_path(self) -> Path:
        """The registry workbook; an InputError in Russian when it is missing."""
        path = self.registry_file
        if not path.is_file():
            raise InputError(Problem(f"нет базы участников «{path.name}»: загрузите её на странице «База участников»"))
        return path

    def registry(self) -> tuple[Registry | None, list[Problem]]:
        """The registry of the folder, or its problems; (None, []) when there is none yet."""
        try:
            path = self.registry_file
            if not path.is_file():
                return None, []
            return load_registry(path), []
        except InputError as exc:
            return None, exc.problems

    def replace_registry(self, upload: Path) -> Registry:
        """Read ``upload`` with the library's reader (InputError with every problem located);
        when it is whole, put it in place of the folder's workbook atomically."""
        target = self.registry_file
        if target.suffix.lower() != upload.suffix.lower():
            raise InputError(Problem(f"в nastavnik.yaml база указана файлом «{target.name}», а загружена книга "
                                     f"{upload.suffix}: измените базу в самом файле «{target.name}» или укажите в nastavnik.yaml "
                                     "(registry:) книгу Excel .xlsx"))
        registry = load_registry(upload)
        staged = target.with_name(f".nastavnik-upload{upload.suffix}")
        shutil.copyfile(upload, staged)
        os.replace(staged, target)
        return registry

    # ---------------------------------------------------------------- the organisation card

    @property
    def card_file(self) -> Path | None:
        """The card's own file (``organization: organization.yaml``), or None when the card is
        written inside the project file (or not yet anywhere: the form then writes it there)."""
        given = self.project_data().get(ORGANIZATION_KEY)
        if not given or isinstance(given, dict):
            return None
        return (self.path / str(given)).resolve()

    def organization_data(self) -> dict[str, Any]:
        """The card as written (possibly incomplete), for the form."""
        try:
            card_file = self.card_file
            data = self.project_data().get(ORGANIZATION_KEY) if card_file is None else \
                load_yaml(card_file) if card_file.is_file() else {}
        except NastavnikError:
            return {}
        return data if isinstance(data, dict) else {}

    def organization(self) -> tuple[Organization | None, list[Problem]]:
        """The card, or the problems that keep it from being valid."""
        try:
            card_file = self.card_file
            if card_file is not None and card_file.is_file():
                return load_yaml(card_file, Organization), []
            return load_input(Organization, self.organization_data() or {}), []
        except InputError as exc:
            return None, exc.problems

    def save_organization(self, data: dict[str, Any], fields: list[str]) -> Organization:
        """Validate ``data`` (InputError with every problem) and write the ``fields`` of the
        card (dotted names) into its file, keeping the file's comments."""
        card = load_input(Organization, data)
        values = _nested(card.model_dump(), fields)
        card_file = self.card_file
        if card_file is None:
            project = YamlDocument(self.project_file)
            project.update(project.section(ORGANIZATION_KEY), values)
            project.save()
            return card
        document = YamlDocument(card_file)
        document.update(document.data, values)
        document.save()
        return card

    # ---------------------------------------------------------------- the officials

    def officials_data(self) -> dict[str, Any]:
        """The officials as written in the project file (not validated)."""
        try:
            data = self.project_data().get(OFFICIALS_KEY)
        except NastavnikError:
            return {}
        return data if isinstance(data, dict) else {}

    def save_officials(self, values: dict[str, Any]) -> Path:
        """Write ``values`` (already validated) as the officials, keeping the file's comments."""
        project = YamlDocument(self.project_file)
        project.update(project.section(OFFICIALS_KEY), values)
        return project.save()


def _nested(data: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """The dotted ``names`` of ``data`` as a nested dict (None where absent)."""
    out: dict[str, Any] = {}
    for name in names:
        *parents, last = name.split(".")
        source: Any = data
        target = out
        for part in parents:
            source = source.get(part) if isinstance(source, dict) else None
            target = target.setdefault(part, {})
        target[last] = source.get(last) if isinstance(source, dict) else None
    return out
