"""A roadmap written as YAML with what the import could not place kept as comments at the
place it came from (before the row, the stage, the columns or at the end), so that a
curator sees it while editing the file and nothing is lost silently."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from ._roadmap_rows import END, Unplaced
from ._yaml import dump_yaml

__all__ = ["PREFIX", "yaml_with_comments"]

#: The first words of every comment the import writes.
PREFIX = "НЕ РАЗМЕЩЕНО ПРИ ИМПОРТЕ:"


def _locate(node: Any, path: Sequence[str | int]) -> tuple[int, int]:
    """Line and column of the node at ``path``, or of its nearest ancestor in the file."""
    line, column = 0, 0
    for step in path:
        child = None
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            for key, value in node.value:
                if key.value == step:
                    line, column = key.start_mark.line, key.start_mark.column
                    child = value
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            child = node.value[step]
            line, column = child.start_mark.line, child.start_mark.column
        if child is None:
            break
        node = child
    return line, column


def _comment(message: str, column: int) -> list[str]:
    parts = message.split("\n")
    pad = " " * column
    return [f"{pad}# {PREFIX} {parts[0]}", *(f"{pad}#   {part}" for part in parts[1:])]


def yaml_with_comments(model: Any, notes: Sequence[Unplaced]) -> str:
    """The model as YAML (``dump_yaml``) with each note as a comment before the line of
    the node it belongs to; notes at :data:`END` close the file."""
    text = dump_yaml(model)
    if not notes:
        return text
    root = yaml.compose(text)
    before: dict[int, list[str]] = {}
    tail: list[str] = []
    for note in notes:
        if tuple(note.at) == END or root is None:
            tail += _comment(note.message, 0)
            continue
        line, column = _locate(root, note.at)
        before.setdefault(line, []).extend(_comment(note.message, column))
    out: list[str] = []
    for i, text_line in enumerate(text.split("\n")):
        out += before.get(i, [])
        out.append(text_line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out + tail) + "\n"
