"""The folder the server serves: the organisation card and the registry workbook in it.

An empty or new folder gets the files ``nastavnik-docs init`` writes (an empty registry
workbook and an organisation card). The card is edited through the page's form and saved as
YAML; a registry is replaced only by an upload the library's reader accepted whole.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from ..errors import InputError, NastavnikError, Problem
from ..io import init_workspace, load_input, load_registry, load_yaml, save_yaml
from ..models import Organization, Registry

__all__ = ["ORGANIZATION_FILE", "REGISTRY_FILE", "ServedFolder"]

#: The names ``init_workspace`` gives the two files (it returns them in this order).
REGISTRY_FILE = "База наставников и наставляемых.xlsx"
ORGANIZATION_FILE = "organization.yaml"


class ServedFolder:
    """The project folder of one server."""

    def __init__(self, path: Path):
        self.path = Path(path).resolve()

    def ensure(self) -> list[Path]:
        """Create the folder and its starting files when it holds neither; the files written."""
        self.path.mkdir(parents=True, exist_ok=True)
        if self.registry_file.exists() or self.organization_file.exists():
            return []
        return init_workspace(self.path)

    @property
    def registry_file(self) -> Path:
        return self.path / REGISTRY_FILE

    @property
    def organization_file(self) -> Path:
        return self.path / ORGANIZATION_FILE

    def registry_path(self) -> Path:
        """The registry workbook; an InputError in Russian when it is missing."""
        if not self.registry_file.is_file():
            raise InputError(Problem(f"в папке {self.path} нет базы участников «{REGISTRY_FILE}»: "
                                     "загрузите её на странице «База участников»"))
        return self.registry_file

    # ---------------------------------------------------------------- the organisation

    def organization_data(self) -> dict[str, Any]:
        """The card as written in the file (possibly incomplete), for the form."""
        if not self.organization_file.is_file():
            return {}
        try:
            data = load_yaml(self.organization_file)
        except NastavnikError:
            return {}
        return data if isinstance(data, dict) else {}

    def organization(self) -> tuple[Organization | None, list[Problem]]:
        """The card, or the problems that keep it from being valid."""
        try:
            return load_input(Organization, self.organization_data() or {}), []
        except InputError as exc:
            return None, exc.problems

    def save_organization(self, data: dict[str, Any]) -> Organization:
        """Validate ``data`` (InputError with every problem) and write the card."""
        card = load_input(Organization, data)
        save_yaml(card, self.organization_file, overwrite=True)
        return card

    # ---------------------------------------------------------------- the registry

    def registry(self) -> tuple[Registry | None, list[Problem]]:
        """The registry of the folder, or its problems; (None, []) when there is none yet."""
        if not self.registry_file.is_file():
            return None, []
        try:
            return load_registry(self.registry_file), []
        except InputError as exc:
            return None, exc.problems

    def replace_registry(self, upload: Path) -> Registry:
        """Read ``upload`` with the library's reader (InputError with every problem located);
        when it is whole, put it in place of the folder's workbook atomically."""
        registry = load_registry(upload)
        staged = self.path / f".nastavnik-upload{upload.suffix}"
        shutil.copyfile(upload, staged)
        os.replace(staged, self.registry_file)
        return registry
