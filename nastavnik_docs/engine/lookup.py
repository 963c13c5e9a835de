"""Find a template file: the user's folder first, then the built-in templates.

A user's folder (the ``templates`` argument, or the ``NASTAVNIK_DOCS_TEMPLATES``
environment variable) holds files named like the built-in ones; a file there replaces the
built-in template of the same name, so a school can use its own letterhead without
touching anything else. The user's folder may keep files flat or in ``docx/`` and
``xlsx/`` subfolders like the built-in tree.
"""

from __future__ import annotations

import os
from pathlib import Path

from .._resources import templates_dir
from ..errors import TemplateNotFoundError

__all__ = ["ENV_VAR", "find_template", "user_templates_dir"]

#: Environment variable naming the user's template folder.
ENV_VAR = "NASTAVNIK_DOCS_TEMPLATES"


def user_templates_dir(templates: str | os.PathLike[str] | None = None) -> Path | None:
    """The user's template folder: the argument if given, else the environment variable."""
    if templates is not None and str(templates) != "":
        return Path(templates)
    value = os.environ.get(ENV_VAR, "").strip()
    return Path(value) if value else None


def _subfolder(name: str) -> str:
    return Path(name).suffix.lower().lstrip(".")


def find_template(name: str, templates: str | os.PathLike[str] | None = None) -> Path:
    """Path of the template ``name`` (e.g. ``order_appoint_curator.docx``).

    Looks in the user's folder (flat, then its ``docx``/``xlsx`` subfolder), then in the
    built-in ``templates/docx`` or ``templates/xlsx``.
    """
    looked: list[Path] = []
    user = user_templates_dir(templates)
    if user is not None:
        if not user.is_dir():
            missing = f"Папка своих шаблонов не найдена: {user}"
            if templates:  # the command line's words: a page shows the message without them
                raise TemplateNotFoundError(missing, advice="(задана параметром --templates)")
            raise TemplateNotFoundError(f"{missing} (задана переменной {ENV_VAR})")
        for candidate in (user / name, user / _subfolder(name) / name):
            looked.append(candidate.parent)
            if candidate.is_file():
                return candidate
    builtin = templates_dir() / _subfolder(name) / name
    looked.append(builtin.parent)
    if builtin.is_file():
        return builtin
    places = "; ".join(str(p) for p in dict.fromkeys(looked))
    raise TemplateNotFoundError(f"Шаблон «{name}» не найден. Искали в: {places}")
