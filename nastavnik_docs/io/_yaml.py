"""YAML and JSON files: reading with line numbers for errors, writing human-friendly YAML.

Reading is bounded (:mod:`nastavnik_docs._limits`): the file's size, the values a YAML
document's aliases stand for, the nesting."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from .. import _limits
from .._files import write_bytes_atomic
from ..errors import InputError, LimitError, Problem

YAML_SUFFIXES = (".yaml", ".yml")
JSON_SUFFIXES = (".json",)


@dataclass
class Document:
    """Parsed YAML/JSON data and, for YAML, the line of every key and list item."""

    path: Path
    data: Any
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def line_of(self, loc: tuple[str | int, ...]) -> int | None:
        """The line of ``loc`` or of its nearest ancestor that has one."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


def existing_file(path: str | os.PathLike[str], what: str = "Файл") -> Path:
    path = Path(path)
    if not path.exists():
        raise InputError(Problem(f"{what} не найден: {path}", file=str(path), code="file.not_found"), file=path)
    if not path.is_file():
        raise InputError(Problem(f"это папка, а нужен файл: {path}", file=str(path), code="file.type"),
                         file=path)
    return path


def read_limited(path: Path) -> bytes:
    """The bytes of an input file, refused (before reading) when it is larger than the
    ``input_bytes`` limit."""
    try:
        _limits.check("input_bytes", path.stat().st_size, f"«{path.name}»")
        return path.read_bytes()
    except LimitError as exc:
        raise InputError(Problem(str(exc), file=str(path)), file=path) from None
    except OSError as exc:
        raise InputError(Problem(f"не удалось прочитать файл: {exc.strerror or exc}", file=str(path)),
                         file=path) from None


def _too_deep(path: Path | None) -> InputError:
    reason, hint = _limits.describe("nesting")
    return InputError(Problem(f"{reason}. {hint}", file=str(path) if path else None), file=path)


def parse_json(text: str | bytes, path: Path | None = None) -> Any:
    """JSON data of ``text`` (a file's, or a request body's when ``path`` is None), nested
    no deeper than the ``nesting`` limit; a syntax error, bytes that are not UTF-8 and too
    deep a nesting are an InputError with the line, never a RecursionError."""
    file = str(path) if path else None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Problem(f"ошибка в записи JSON: {exc.msg}", file=file, row=exc.lineno, code="json.syntax"),
                         file=path) from None
    except UnicodeDecodeError:
        raise InputError(Problem("JSON не в кодировке UTF-8", file=file, code="file.encoding"), file=path) from None
    except RecursionError:
        raise _too_deep(path) from None
    if _depth(data) > _limits.current().nesting:
        raise _too_deep(path)
    return data


def read_document(path: str | os.PathLike[str]) -> Document:
    """Parse a .yaml/.yml/.json file; syntax errors become an InputError with the line.

    A file over the ``input_bytes`` limit, a YAML document whose aliases stand for more
    than ``yaml_nodes`` values (a "billion laughs" of 641 bytes) or that refers to itself,
    and nesting deeper than ``nesting`` are refused before anything is built from them.
    """
    path = existing_file(path)
    suffix = path.suffix.lower()
    if suffix not in YAML_SUFFIXES + JSON_SUFFIXES:
        raise InputError(Problem(
            f"неподдерживаемый тип файла «{path.suffix}»: нужен .yaml, .yml или .json",
            file=str(path), code="file.type"), file=path)
    try:
        text = read_limited(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(Problem("файл не в кодировке UTF-8; сохраните его в UTF-8", file=str(path),
                                 code="file.encoding"),
                         file=path) from None
    if suffix in JSON_SUFFIXES:
        return Document(path, parse_json(text, path))
    _check_depth(text, path)
    # libyaml's parser where PyYAML was built with it (ten times faster), the same safe rules;
    # a file it rejects is read again by PyYAML's own parser, whose messages are explained
    try:
        node, data = _parse(getattr(yaml, "CSafeLoader", yaml.SafeLoader), text, path)
    except yaml.YAMLError as fast_error:
        try:
            node, data = _parse(yaml.SafeLoader, text, path)
        except yaml.YAMLError as exc:
            raise InputError(yaml_problem(exc, text, str(path)), file=path) from None
        except RecursionError:
            raise _too_deep(path) from None
        raise InputError(yaml_problem(fast_error, text, str(path)), file=path) from None
    except RecursionError:
        raise _too_deep(path) from None
    lines: dict[tuple[str | int, ...], int] = {}
    if node is not None:
        duplicates: list[Problem] = []
        _collect_lines(node, (), lines, duplicates, str(path), set())
        if duplicates:
            raise InputError(duplicates, file=path)
    return Document(path, data, lines)


#: PyYAML's reasons (a regular expression on its text) → what happened, in Russian, and
#: whether the mark of the construct's start is the better line to show (an unclosed quote).
_YAML_REASONS: tuple[tuple[str, str, bool], ...] = (
    (r"found character '\\t'", "табуляция: отступы в YAML делаются только пробелами", False),
    (r"found character '(.)' that cannot start", "значение не может начинаться с «{0}»: "
     "возьмите его в кавычки", False),
    (r"mapping values are not allowed", "лишнее двоеточие или неверный отступ: значение с «: » "
     "возьмите в кавычки, вложенные поля сдвиньте под своё поле", False),
    (r"could not find expected ':'", "после имени поля нет двоеточия «: »", False),
    (r"end of stream|unexpected end", "не закрыта кавычка или скобка", True),
    (r"expected ',' or '\]'", "не закрыта квадратная скобка «[» или пропущена запятая", True),
    (r"expected ',' or '\}'", "не закрыта фигурная скобка «{{» или пропущена запятая", True),
    (r"expected <block end>, but found '-'", "элемент списка «- » там, где ожидалось поле: "
     "проверьте отступ", False),
    (r"expected <block end>", "неверный отступ: строка сдвинута не так, как соседние поля", False),
    (r"undefined alias '?([^']*)", "ссылка «*{0}» на метку, которой нет (символ «*» в начале "
     "значения возьмите в кавычки)", False),
)


def _parse(loader_class: Any, text: str, path: Path) -> tuple[Any, Any]:
    """(the document's node, its data) as ``loader_class`` reads ``text``; aliases that
    stand for too many values are refused before the data is built."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_nodes(node, path)
        return node, loader.construct_document(node)
    finally:
        loader.dispose()


def yaml_problem(exc: yaml.YAMLError, text: str, file: str | None) -> Problem:
    """A YAML syntax error explained in Russian, with its line and the line's text."""
    reason = getattr(exc, "problem", None) or str(exc)
    mark = getattr(exc, "problem_mark", None)
    explained, opened = None, None
    for pattern, russian, at_start in _YAML_REASONS:
        found = re.search(pattern, reason)
        if found:
            explained = russian.format(*found.groups())
            start = getattr(exc, "context_mark", None)
            if at_start and start is not None:
                opened = start.line + 1
            break
    line = mark.line + 1 if mark is not None else None
    lines = text.splitlines()
    shown = opened or line
    hint = None
    if shown is not None and 0 < shown <= len(lines):
        where = "открыта в строке" if opened else "строка"
        hint = f"{where.capitalize()} {shown}: «{lines[shown - 1].strip()}»"
    message = f"ошибка в записи YAML: {explained or 'файл не читается как YAML'} ({reason})"
    return Problem(message, file=file, row=line, code="yaml.syntax", hint=hint)


def _depth(data: Any, level: int = 0) -> int:
    """Nesting of plain JSON data (lists and mappings), stopping past the limit."""
    if level > _limits.current().nesting:
        return level
    children = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    return max((_depth(c, level + 1) for c in children), default=level)


#: The fastest parser at hand for the events (libyaml's, when PyYAML has it).
_EVENTS = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _check_depth(text: str, path: Path) -> None:
    """Refuse nesting deeper than ``nesting`` from the parser's events, before a node is
    built (building recurses, and a deep document would take seconds to fail)."""
    limit = _limits.current().nesting
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_EVENTS):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > limit:
                    raise _too_deep(path)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError as exc:
        if "nesting depth" in str(exc):  # libyaml's own limit (1000)
            raise _too_deep(path) from None
        # any other error is reported, with its line, by the loader itself


def _check_nodes(root: yaml.Node, path: Path) -> None:
    """Refuse a YAML document whose values, every alias counted as the copy it stands
    for, are more than ``yaml_nodes``, nested deeper than ``nesting``, or that contains
    itself. Each node is sized once, so the check itself stays small."""
    limits = _limits.current()
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node) -> tuple[int, int]:
        key = id(node)
        if key in sizes:
            return sizes[key], depths[key]
        if key in active:
            raise InputError(Problem("значение в YAML ссылается само на себя (через псевдоним «*»)",
                                     file=str(path), row=node.start_mark.line + 1), file=path)
        if len(active) > limits.nesting:
            raise _too_deep(path)
        active.add(key)
        total, deepest = 1, 0
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        for child in children:
            n, d = size(child)
            total += n
            deepest = max(deepest, d + 1)
            if total > limits.yaml_nodes:
                reason, hint = _limits.describe("yaml_nodes")
                raise InputError(Problem(
                    f"{reason}: ссылки-псевдонимы («&» и «*») разворачиваются в слишком много "
                    f"значений. {hint}", file=str(path), row=node.start_mark.line + 1), file=path)
        active.discard(key)
        sizes[key], depths[key] = total, deepest
        return total, deepest

    size(root)


def _collect_lines(node: yaml.Node, loc: tuple[str | int, ...], out: dict,
                   duplicates: list[Problem], file: str | None, visited: set[int]) -> None:
    """The line of every key and item; a key given twice in one mapping is a problem (the
    YAML parser would silently keep the last value). A node reached again through an
    alias keeps the lines of its first place (so an alias costs nothing here)."""
    out[loc] = node.start_mark.line + 1
    if id(node) in visited:
        return
    visited.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name = str(key.value)
            child = loc + (name,)
            line = key.start_mark.line + 1
            if name in seen:
                duplicates.append(Problem(
                    f"поле «{name}» указано дважды (строки {seen[name]} и {line})", file=file,
                    row=line, path=child, code="yaml.duplicate_key",
                    hint="Оставьте одно из значений: второе молча заменило бы первое"))
            seen[name] = line
            _collect_lines(value, child, out, duplicates, file, visited)
            out[child] = line
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _collect_lines(item, loc + (i,), out, duplicates, file, visited)


def load_yaml(path: str | os.PathLike[str], model: type[BaseModel] | None = None) -> Any:
    """Read a YAML (or JSON) file: the plain data, or an instance of ``model``.

    With a model, fields given as paths to other files are loaded relative to this file
    and every validation error is reported with its line (see ``load_input``).
    """
    if model is None:
        return read_document(path).data
    from ._input import load_model

    return load_model(path, model)


# ---------------------------------------------------------------------------- writing


def to_plain(value: Any) -> Any:
    """Model data as YAML-friendly plain values: enums as values, exact Decimals, no empties."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            plain = to_plain(item)
            if plain is None or plain == [] or plain == {}:
                continue
            out[to_plain(key)] = plain
        return out
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        # integral sums as numbers; others as text so that no binary fraction creeps in
        return int(value) if value == value.to_integral_value() else str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value
    if isinstance(value, Path):
        return str(value)
    return value


class _Dumper(yaml.SafeDumper):
    """Never writes anchors/aliases; multi-line text as literal blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class _FastDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """:class:`_Dumper` on libyaml's emitter where PyYAML has it, about five times faster
    (a project saves its journal and state after every document of the year). It writes
    the same text for real data (a test compares them on every sample); in corners — a
    character beyond the Basic Multilingual Plane (an emoji), text ending in blank lines
    — it writes an escape or leaves out the end-of-document marker, and the text reads
    back the same (a property test)."""

    ignore_aliases = _Dumper.ignore_aliases


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


for _dumper in (_Dumper, _FastDumper):
    _dumper.add_representer(str, _str_representer)


def dump_yaml(data: Any, *, dumper: type[Any] = _FastDumper) -> str:
    return yaml.dump(to_plain(data), Dumper=dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100, indent=2)


def save_yaml(model: Any, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write a model (or plain data) as readable YAML, atomically; JSON if the suffix is .json."""
    path = Path(path)
    if path.suffix.lower() in JSON_SUFFIXES:
        text = json.dumps(to_plain(model), ensure_ascii=False, indent=2, default=str) + "\n"
    else:
        text = dump_yaml(model)
    return write_bytes_atomic(path, text.encode("utf-8"), overwrite=overwrite)
