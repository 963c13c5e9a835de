"""Saving a form into the curator's own YAML file without losing a word of its comments.

``nastavnik.yaml`` and ``organization.yaml`` are written for people: every key has a
Russian comment saying what goes there. A form of the page owns a few keys of such a file
(the officials, the organisation card) and saves only those, through ruamel.yaml's round
trip, so that every comment, the order of the keys, the quoting and the indentation of the
rest of the file stay as the curator (or ``nastavnik-docs init``) wrote them:

* a key already in the file gets its new value in place, keeping its comment; a key the form
  leaves empty keeps its line, empty (``curator:   # куратор``), rather than disappearing with
  its comment; a value that means the same as before (``школа`` for ``school``) is left as
  written;
* a group of fields already in the file (a person written as a block) is updated field by
  field, keeping the fields the form does not show;
* a new key is added after the last one with a one-line value (``{last_name: …, post: …}``),
  and the comments that followed the last key move below it, so the next section's heading
  stays above the next section.

The file is read and written as UTF-8, atomically.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from .._files import write_bytes_atomic
from ..errors import InputError, Problem
from ..models import AliasedEnum

__all__ = ["YamlDocument", "plain"]


def plain(value: Any) -> Any:
    """A form's value as the curator would write it: enums as their Russian word, whole
    numbers without «.0», nested groups and lists alike."""
    if isinstance(value, AliasedEnum):
        return value.label
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _same(old: Any, new: Any) -> bool:
    """Whether a scalar of the file already says ``new``: «ж» says ``Gender.FEMALE``, «14»
    says 14.0, «'3525000012'» says "3525000012"."""
    if old is None or new is None or isinstance(old, (CommentedMap, CommentedSeq)):
        return old is new
    if isinstance(new, Enum):
        try:
            return type(new)(str(old)) is new
        except ValueError:
            return False
    if isinstance(new, (int, float)) and not isinstance(new, bool):
        try:
            return float(str(old)) == float(new)
        except ValueError:
            return False
    return str(old).strip() == str(new).strip()


def _flow(value: Any) -> Any:
    """A new value for the file: groups and lists written on one line."""
    value = plain(value)
    if isinstance(value, Mapping):
        node = CommentedMap((k, _flow(v)) for k, v in value.items() if v is not None)
        node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_flow(v) for v in value)
        seq.fa.set_flow_style()
        return seq
    return value


def _merge(old: Any, new: Any) -> Any:
    """``new`` written over ``old`` (see the module docstring); returns the node to keep."""
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        flow = old.fa.flow_style()
        for key, value in new.items():
            if key in old:
                if value is None and flow:
                    del old[key]
                else:
                    old[key] = _merge(old[key], value)
            elif value is not None:
                _add(old, key, _flow(value))
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        if list(old) != plain(new):
            old[:] = [_flow(v) for v in new]
        return old
    if _same(old, new):
        return old
    return _flow(new)


def _mapping_indent(text: str) -> int:
    """How far the file indents a nested key (the smallest indentation of a ``key:`` line)."""
    found = [len(m.group(1)) for m in re.finditer(r"^( +)[^\s#\-][^\n:]*:(?: |$)", text, re.M)]
    return min(found, default=2)


def _move_trailing_comment(mapping: CommentedMap, last: Any, new_key: Any) -> None:
    """The comment lines that follow the value of ``last`` (its end-of-line comment stays)
    are moved after ``new_key``, which is about to be written after it."""
    slot = mapping.ca.items.get(last)
    token = slot[2] if slot and len(slot) > 2 else None
    if not isinstance(token, CommentToken):
        return
    first, newline, rest = token.value.partition("\n")
    if not rest:
        return
    token.value = first + newline
    mapping.ca.items[new_key] = [None, None, CommentToken("\n" + rest, CommentMark(0), None), None]


def _add(mapping: CommentedMap, key: str, node: Any) -> None:
    """``key: node`` after the last key of ``mapping``, before the comments that followed it."""
    last = next(reversed(mapping), None) if mapping else None
    mapping[key] = node
    if last is not None:
        _move_trailing_comment(mapping, last, key)


class YamlDocument:
    """One YAML file read for a round trip; ``save()`` writes it back atomically."""

    def __init__(self, path: Path):
        self.path = Path(path)
        text = self.path.read_text(encoding="utf-8-sig") if self.path.is_file() else ""
        try:
            _, sequence, offset = load_yaml_guess_indent(text) if text.strip() else (None, None, None)
            self._yaml = self._reader(text, sequence, offset)
            data = self._yaml.load(text) if text.strip() else None
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise InputError(Problem(f"файл не прочитан как YAML: {getattr(exc, 'problem', None) or exc}",
                                     file=self.path.name, row=mark.line + 1 if mark else None)) from None
        if data is None:
            data = CommentedMap()
        if not isinstance(data, CommentedMap):
            raise InputError(Problem("в файле должен быть набор полей «ключ: значение»", file=self.path.name))
        self.data: CommentedMap = data

    @staticmethod
    def _reader(text: str, sequence: int | None, offset: int | None) -> YAML:
        """A round-trip reader and writer laid out as ``text`` is."""
        mapping = _mapping_indent(text)
        if offset is None:  # no list in the file yet: lists indented under their key
            sequence, offset = mapping + 2, mapping
        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.width = 4096  # never re-wrap the curator's long lines
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        return yaml

    def section(self, key: str) -> CommentedMap:
        """The mapping under ``key``, made (empty) when the key is absent or empty."""
        value = self.data.get(key)
        if isinstance(value, CommentedMap):
            return value
        value = CommentedMap()
        if key in self.data:
            self.data[key] = value
        else:
            _add(self.data, key, value)
        return value

    def update(self, mapping: CommentedMap, values: Mapping[str, Any], keys: Iterable[str] | None = None) -> None:
        """Write ``values`` (only ``keys`` of it, all by default) into ``mapping``."""
        for key in keys if keys is not None else values:
            value = values.get(key)
            if key in mapping:
                mapping[key] = _merge(mapping[key], value)
            elif value is not None:
                _add(mapping, key, _flow(value))

    def text(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self.data, out)
        return out.getvalue()

    def save(self) -> Path:
        return write_bytes_atomic(self.path, self.text().encode("utf-8"), overwrite=True)
