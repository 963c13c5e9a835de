"""What a batch will make, decided before anything is written: the template, the format,
each record's file name (and, on demand, its path) and the name of the merged print file."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

from ..errors import InputError, Problem
from ..kinds import Kind
from ._names import plan_names, safe_file_stem

__all__ = ["MERGED_SUFFIX", "FileTargets", "Plan", "plan_batch"]

#: Suffix of the merged print file's name.
MERGED_SUFFIX = " — все документы для печати"

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class Plan:
    """The template and format of a batch, a file name per record (safe and unique), and
    the merged print file's name (None when not asked for or not a DOCX batch)."""

    template: Path
    suffix: str
    names: Sequence[str]
    merged_name: str | None


class FileTargets(Sequence[str]):
    """The path of each record's file in ``folder`` (as a string), made when asked for: a
    batch does not hold a path per record besides the names."""

    def __init__(self, folder: PathLike, names: Sequence[str]):
        self.folder = os.fspath(folder)
        self.names = names

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [os.path.join(self.folder, n) for n in self.names[index]]
        return os.path.join(self.folder, self.names[index])


def plan_batch(kind: Kind, records: Sequence[Mapping[str, Any]], *, name: str | None,
               templates: PathLike | None, merge: bool) -> Plan:
    """The plan of a batch of ``kind`` over ``records`` (see :class:`Plan`)."""
    template_name, suffix = (kind.docx, ".docx") if kind.docx else (kind.xlsx, ".xlsx")
    if not template_name:
        raise InputError(Problem(f"«{kind.title}» не выпускается пакетом: у него нет шаблона DOCX или XLSX",
                                 code="records.invalid"))
    from ..engine import open_template
    from ..engine.lookup import find_template

    template = find_template(template_name, templates)
    open_template(template, suffix.lstrip(".").upper())  # broken, encrypted, a bomb: refused before any output
    pattern = name or (kind.batch.file_name if kind.batch else "{index:05d}")
    names = plan_names(records, pattern, suffix)
    stem = safe_file_stem(kind.output_name or kind.title)
    merged = f"{stem}{MERGED_SUFFIX}.docx" if merge and suffix == ".docx" else None
    return Plan(template, suffix, names, merged)
