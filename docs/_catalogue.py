"""The generated part of the docs site: the catalogue of kinds and each kind's field reference.

Everything here is computed from the library's catalogue (``nastavnik_docs.kinds.all_kinds()``)
and each kind's input schema (``nastavnik_docs.input_schema(kind)``), so the pages cannot drift
from the code. :func:`catalogue_pages` returns ``{path under docs/: Markdown}``; the mkdocs
hook (``docs/_hooks.py``) adds them to the build and :func:`catalogue_nav` to the navigation,
and tests/test_docs.py calls the same functions.

Models used by several kinds with the same schema (the organisation, an official, the
registry …) are described once, on the page of common types; the rest on their kind's page.
"""

from __future__ import annotations

import json
import posixpath
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from _schema import Schema, field_table, referenced_defs

from nastavnik_docs import input_schema

__all__ = ["BASE", "INDEX", "TYPES", "catalogue_nav", "catalogue_pages", "kind_page_path"]

#: Folder of the generated pages under docs/, the catalogue and the page of common types.
BASE = "reference/kinds"
INDEX = f"{BASE}/index.md"
TYPES = f"{BASE}/types.md"

#: The order the families are listed in (the order of a programme year); a family not
#: named here follows, alphabetically.
FAMILY_ORDER = (
    "Положения", "Приказы", "Протоколы", "Программы", "Трудовые документы наставника", "Согласия и списки",
    "Анкеты", "Реестры", "Грамоты и благодарности", "Дорожные карты", "Отчёты",
)

_FORMAT_NAMES = {".docx": "DOCX", ".xlsx": "XLSX", ".ics": "ICS"}


def kind_page_path(kind_id: str) -> str:
    return f"{BASE}/{kind_id}.md"


def _families(kinds: Iterable[Any]) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for kind in kinds:
        groups[kind.family or "Прочие"].append(kind)
    rank = {name: i for i, name in enumerate(FAMILY_ORDER)}
    return dict(sorted(groups.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


def _formats(kind: Any) -> str:
    return ", ".join(_FORMAT_NAMES.get(ext, ext.lstrip(".").upper()) for ext in kind.formats)


def _anchor(name: str) -> str:
    return f"type-{name.lower()}"


def _closure(name: str, defs: Schema) -> str:
    """A model's schema with every model it refers to: equal strings mean equal models."""
    names = [name, *referenced_defs(defs[name], defs)]
    return json.dumps({n: defs[n] for n in sorted(set(names))}, sort_keys=True, ensure_ascii=False)


def _shared_defs(schemas: Mapping[str, Schema]) -> dict[str, Schema]:
    """Models that several kinds use with one and the same schema: name -> schema."""
    users: dict[str, set[str]] = defaultdict(set)
    shapes: dict[str, set[str]] = defaultdict(set)
    found: dict[str, Schema] = {}
    for kind_id, schema in schemas.items():
        defs = schema.get("$defs", {})
        for name in referenced_defs(schema, defs):
            users[name].add(kind_id)
            shapes[name].add(_closure(name, defs))
            found[name] = defs[name]
    return {name: found[name] for name in sorted(found)
            if len(users[name]) > 1 and len(shapes[name]) == 1}


def _linker(shared: Mapping[str, Schema], *, on_types_page: bool):
    def link(name: str) -> str:
        if name in shared:
            target = f"#{_anchor(name)}" if on_types_page else f"types.md#{_anchor(name)}"
        else:
            target = f"#{_anchor(name)}"
        return f"[{name}]({target})"
    return link


def _type_sections(names: Sequence[str], defs: Schema, link: Any) -> list[str]:
    out = []
    for name in names:
        out += [f"### {name} {{#{_anchor(name)}}}", "", field_table(defs[name], defs, link)]
    return out


def _sample_block(kind: Any, samples_root: Path | None) -> list[str]:
    out = []
    for sample in kind.samples:
        out += [f"Образец входных данных: `samples/{sample}`.", ""]
        path = samples_root / sample if samples_root else None
        if path is not None and path.is_file():
            text = path.read_text(encoding="utf-8").rstrip()
            body = "\n".join(f"    {line}" if line else "" for line in ["```yaml", *text.splitlines(), "```"])
            out += [f'??? example "samples/{sample}"', "", body, ""]
    return out


def _commands(kind: Any) -> list[str]:
    name = kind.output_name or kind.id
    data = f"samples/{kind.samples[0]}" if kind.samples else "данные.yaml"
    lines = [f'nastavnik-docs render {kind.id} {data} -o "{name}{ext}"' for ext in kind.formats]
    return ["<!-- no-run -->", "```bash", *lines, "```", ""]


def _kind_page(kind: Any, schema: Schema, shared: Mapping[str, Schema], samples_root: Path | None,
               see_also: Sequence[tuple[str, str]]) -> str:
    defs = schema.get("$defs", {})
    link = _linker(shared, on_types_page=False)
    here = kind_page_path(kind.id)
    lines = [f"# {kind.title}", "",
             f"Вид документа `{kind.id}` · семейство «{kind.family}» · форматы: {_formats(kind)}"
             + (" · [пакетный выпуск](../../how-to/batch.md)" if kind.batch else ""), ""]
    if kind.description:
        lines += [kind.description, ""]
    lines += _commands(kind)
    lines += _sample_block(kind, samples_root)
    if see_also:
        refs = ", ".join(f"[{title}]({posixpath.relpath(path, posixpath.dirname(here))})"
                         for title, path in see_also)
        lines += [f"Подробнее: {refs}.", ""]
    lines += ["## Поля входных данных", "",
              f"Данные — YAML, JSON, словарь или модель `{kind.input_model.__name__}` "
              f"(JSON Schema: `nastavnik-docs schema {kind.id}`). Поле, которого нет в таблице, "
              "— ошибка.", "", field_table(schema, defs, link)]
    local = [n for n in referenced_defs(schema, defs) if n not in shared]
    if local:
        lines += ["## Вложенные типы", "", *_type_sections(local, defs, link)]
    used_shared = [n for n in referenced_defs(schema, defs) if n in shared]
    if used_shared:
        refs = ", ".join(link(n) for n in used_shared)
        lines += [f"Общие типы этого вида: {refs}.", ""]
    return "\n".join(lines)


def _index_page(families: Mapping[str, list[Any]]) -> str:
    total = sum(len(kinds) for kinds in families.values())
    lines = ["# Виды документов", "",
             f"Каталог библиотеки — видов документов: {total}, семейств: {len(families)}. Страница "
             "собирается из кода при сборке сайта (`nastavnik_docs.kinds.all_kinds()` и JSON Schema "
             "входных данных каждого вида), поэтому всегда совпадает с установленной версией. "
             "Тот же список в терминале — `nastavnik-docs kinds`, поля вида — "
             "`nastavnik-docs schema ВИД`.", "",
             "Модели, которые встречаются во многих видах (организация, должностное лицо, база "
             "наставников и наставляемых …), описаны один раз: [общие типы](types.md).", ""]
    for family, kinds in families.items():
        lines += [f"## {family}", "", "| Вид | Документ | Форматы | Пакетом |", "|---|---|---|---|"]
        for kind in kinds:
            batch = "да" if kind.batch else ""
            lines.append(f"| [`{kind.id}`]({kind.id}.md) | {kind.title} | {_formats(kind)} | {batch} |")
        lines.append("")
    return "\n".join(lines)


def _types_page(shared: Mapping[str, Schema], schemas: Mapping[str, Schema]) -> str:
    merged: dict[str, Any] = {}
    for schema in schemas.values():
        merged.update(schema.get("$defs", {}))
    link = _linker(shared, on_types_page=True)
    lines = ["# Общие типы", "",
             "Модели, которые входят в данные нескольких видов документов и везде одинаковы. "
             "Значения перечислений можно писать и по-русски (`ж`, `педагог`, `действует`): "
             "в таблицах показаны канонические.", "",
             *_type_sections(list(shared), merged, link)]
    return "\n".join(lines)


def catalogue_pages(kinds: Iterable[Any], *, samples_root: Path | None = None,
                    see_also: Mapping[str, Sequence[tuple[str, str]]] | None = None) -> dict[str, str]:
    """Every generated page: ``{path under docs/: Markdown}``.

    ``samples_root`` (the checkout's samples/ folder) embeds each kind's sample input;
    ``see_also`` maps a kind id to (title, docs path) of hand-written pages about it.
    """
    kinds = list(kinds)
    schemas = {k.id: input_schema(k) for k in kinds}
    shared = _shared_defs(schemas)
    pages = {INDEX: _index_page(_families(kinds)), TYPES: _types_page(shared, schemas)}
    for kind in kinds:
        pages[kind_page_path(kind.id)] = _kind_page(
            kind, schemas[kind.id], shared, samples_root, (see_also or {}).get(kind.id, ()))
    return pages


def catalogue_nav(kinds: Iterable[Any]) -> list[Any]:
    """The navigation of the generated pages, for mkdocs' ``nav``: families, then kinds."""
    nav: list[Any] = [INDEX]
    for family, members in _families(kinds).items():
        nav.append({family: [{k.title: kind_page_path(k.id)} for k in members]})
    nav.append({"Общие типы": TYPES})
    return nav
