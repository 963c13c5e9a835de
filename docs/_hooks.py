"""mkdocs hooks (``hooks: [docs/_hooks.py]`` in mkdocs.yml): the pages generated from the code.

* ``on_config`` puts the generated catalogue into the navigation, in place of the entry
  ``reference/kinds/index.md`` that mkdocs.yml names;
* ``on_files`` adds the catalogue, the common types and one page per kind
  (``docs/_catalogue.py``) to the build — they exist only in the built site, never in git —
  and links each kind's page to the hand-written pages that mention its id;
* ``on_page_markdown`` replaces ``<!-- signature: NAME -->`` with the signature of
  ``nastavnik_docs.NAME``, so that the Python API page shows the signatures of the
  installed version.

Only the library's stable public names are used: ``nastavnik_docs.kinds.all_kinds()``, the
kinds' attributes and ``nastavnik_docs.__all__``.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from _catalogue import INDEX, catalogue_nav, catalogue_pages

import nastavnik_docs
from nastavnik_docs.kinds import all_kinds

if TYPE_CHECKING:  # mkdocs is needed to build the site, not to import the helpers (tests do)
    from mkdocs.structure.files import Files

__all__ = ["on_config", "on_files", "on_page_markdown", "signature_text"]

SIGNATURE = re.compile(r"<!-- signature: ([A-Za-z_][A-Za-z0-9_]*) -->")
_TITLE = re.compile(r"^# (.+)$", re.M)


def _replace_placeholder(nav: list[Any], generated: list[Any]) -> bool:
    """Swap the nav entry that names the catalogue's index for the generated section."""
    for i, entry in enumerate(nav):
        if isinstance(entry, dict):
            ((title, value),) = entry.items()
            if value == INDEX:
                nav[i] = {title: generated}
                return True
            if isinstance(value, list) and _replace_placeholder(value, generated):
                return True
    return False


def on_config(config: Any) -> Any:
    nav = config["nav"]
    if nav is None or not _replace_placeholder(nav, catalogue_nav(all_kinds())):
        raise ValueError(f"mkdocs.yml: в nav нет пункта «{INDEX}» для каталога видов документов")
    return config


def _mentions(files: Files, kind_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    """kind id -> (title, path) of every hand-written page that names it in backticks."""
    found: dict[str, list[tuple[str, str]]] = {}
    for file in files.documentation_pages():
        text = file.content_string
        match = _TITLE.search(text)
        title = match.group(1).strip() if match else file.src_uri
        for kind_id in kind_ids:
            if f"`{kind_id}`" in text:
                found.setdefault(kind_id, []).append((title, file.src_uri))
    return found


def on_files(files: Files, config: Any) -> Files:
    from mkdocs.structure.files import File

    kinds = all_kinds()
    samples = Path(config["config_file_path"]).resolve().parent / "samples"
    pages = catalogue_pages(kinds, samples_root=samples if samples.is_dir() else None,
                            see_also=_mentions(files, [k.id for k in kinds]))
    for path, content in pages.items():
        files.append(File.generated(config, path, content=content))
    return files


def _annotation(value: Any) -> str:
    return value if isinstance(value, str) else inspect.formatannotation(value)


def signature_text(name: str) -> str:
    """``nd.render(kind: str | Kind, data: Any, out: PathLike, *, …) -> Path | list[Path]``."""
    if name not in nastavnik_docs.__all__:
        raise ValueError(f"«{name}» нет в nastavnik_docs.__all__")
    obj = getattr(nastavnik_docs, name)
    signature = inspect.signature(obj)
    parts, star = [], False
    for param in signature.parameters.values():
        if param.kind is param.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        text = param.name
        if param.kind is param.VAR_POSITIONAL:
            text, star = f"*{text}", True
        elif param.kind is param.VAR_KEYWORD:
            text = f"**{text}"
        if param.annotation is not param.empty:
            text += f": {_annotation(param.annotation)}"
        if param.default is not param.empty:
            text += f" = {param.default!r}"
        parts.append(text)
    result = signature.return_annotation
    tail = f" -> {_annotation(result)}" if result is not signature.empty else ""
    one_line = f"nd.{name}({', '.join(parts)}){tail}"
    if len(one_line) <= 88:
        return one_line
    body = "".join(f"\n    {part}," for part in parts)
    return f"nd.{name}({body}\n){tail}"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    return SIGNATURE.sub(lambda m: f"```python\n{signature_text(m.group(1))}\n```", markdown)
