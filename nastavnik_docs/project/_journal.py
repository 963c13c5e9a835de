"""The journal of acts (журнал регистрации) of a project folder, and what was last written.

Every order, protocol, supplementary agreement, certificate and report issued from the
folder is entered in the journal with its series, number and date. A number once given is
never changed: issuing the same act again keeps it and counts a reissue. The journal is
kept in the folder as YAML (``журнал.yaml``, written atomically) and exported as a workbook
a secretary would keep.

Beside it, :class:`IssueState` remembers for each document a fingerprint of what was
printed and where, so that a later run rewrites only what changed.
"""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import Field

from ..models import Model
from ..ru import format_date

__all__ = ["JOURNAL_FILE", "STATE_FILE", "EntryStatus", "JournalEntry", "Journal", "DocumentState",
           "IssueState", "load_journal", "save_journal", "load_state", "save_state", "journal_series",
           "JOURNAL_COLUMNS"]

#: The journal in a project folder.
JOURNAL_FILE = "журнал.yaml"
#: What was written by the last runs (fingerprints and files); technical, not for reading.
STATE_FILE = ".выпуск.yaml"


class EntryStatus(StrEnum):
    ISSUED = "issued"
    REISSUED = "reissued"

    @property
    def label(self) -> str:
        return {"issued": "выпущен", "reissued": "переиздан"}[self.value]


class JournalEntry(Model):
    """One registered act: ``key`` is the document's key, or «key:record» for one of a
    batch (an agreement of pair 2 is «agreements:2»)."""

    key: str = Field(description="Ключ акта")
    document: str = Field(description="Ключ документа в nastavnik.yaml")
    kind: str = Field(description="Вид документа")
    series: str = Field(description="Серия")
    number: str = Field(description="Номер")
    date: dt.date = Field(description="Дата")
    title: str = Field(description="Заголовок")
    cited_as: str = Field(default="", description="Как акт называется в ссылке (именительный падеж)")
    council: str | None = Field(default=None, description="Коллегиальный орган (для протокола)")
    status: EntryStatus = Field(default=EntryStatus.ISSUED, description="Состояние")
    reissues: int = Field(default=0, ge=0, description="Сколько раз переиздан")
    issued_at: dt.datetime | None = Field(default=None, description="Когда выпущен")
    reissued_at: dt.datetime | None = Field(default=None, description="Когда переиздан в последний раз")


class Journal(Model):
    """The registered acts, in the order they were entered."""

    entries: list[JournalEntry] = Field(default_factory=list, description="Записи")

    def get(self, key: str) -> JournalEntry | None:
        for entry in self.entries:
            if entry.key == key:
                return entry
        return None

    def numbers(self, series: str) -> list[str]:
        return [e.number for e in self.entries if e.series == series]

    def register(self, entry: JournalEntry) -> JournalEntry:
        """Enter a new act, or count a reissue of one already entered (number and date kept)."""
        known = self.get(entry.key)
        now = dt.datetime.now().replace(microsecond=0)
        if known is None:
            entry = entry.model_copy(update={"issued_at": entry.issued_at or now})
            self.entries.append(entry)
            return entry
        known.reissues += 1
        known.status = EntryStatus.REISSUED
        known.reissued_at = now
        known.title = entry.title
        known.cited_as = entry.cited_as
        known.council = entry.council
        return known

    def of_document(self, document: str) -> list[JournalEntry]:
        return [e for e in self.entries if e.document == document]


class DocumentState(Model):
    """What was last written for a document: a fingerprint, the files and the numbers of the
    acts it cites as they were printed."""

    fingerprint: str = Field(description="Отпечаток содержимого")
    files: list[str] = Field(default_factory=list, description="Записанные файлы")
    written_at: dt.datetime | None = Field(default=None, description="Когда записаны")
    cites: dict[str, str] = Field(default_factory=dict,
                                  description="Номера актов, на которые документ ссылается (ключ акта → номер)")


class IssueState(Model):
    documents: dict[str, DocumentState] = Field(default_factory=dict)


def _load(folder: str | os.PathLike[str], name: str, model: type[Any]) -> Any:
    path = Path(folder) / name
    if not path.exists():
        return model()
    from ..io import load_yaml

    return load_yaml(path, model)


def _save(data: Model, folder: str | os.PathLike[str], name: str) -> Path:
    from ..io import save_yaml

    return save_yaml(data, Path(folder) / name, overwrite=True)


def load_journal(folder: str | os.PathLike[str]) -> Journal:
    """The journal of the project ``folder`` (empty when none is kept yet)."""
    return _load(folder, JOURNAL_FILE, Journal)


def save_journal(journal: Journal, folder: str | os.PathLike[str]) -> Path:
    return _save(journal, folder, JOURNAL_FILE)


def load_state(folder: str | os.PathLike[str]) -> IssueState:
    """What was last written for the project ``folder``; its files as absolute paths (the file
    keeps them relative to the folder, so a moved or copied folder still knows them)."""
    state: IssueState = _load(folder, STATE_FILE, IssueState)
    base = Path(os.path.abspath(folder))
    for document in state.documents.values():
        document.files = [os.path.abspath(base / f) for f in document.files]
    return state


def save_state(state: IssueState, folder: str | os.PathLike[str]) -> Path:
    """Keep ``state`` in the project ``folder``, every file relative to it (with ``/``; ``../``
    for an output folder beside it), absolute only where no relative path exists."""
    base = Path(os.path.abspath(folder))
    stored = IssueState(documents={
        key: document.model_copy(update={"files": [_relative(f, base) for f in document.files]})
        for key, document in state.documents.items()})
    return _save(stored, folder, STATE_FILE)


def _relative(file: str, base: Path) -> str:
    try:
        return Path(os.path.relpath(os.path.abspath(file), base)).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        return os.path.abspath(file)


#: The columns of the exported journal: heading and width in characters.
JOURNAL_COLUMNS: list[tuple[str, int]] = [
    ("№ п/п", 6), ("Рег. номер", 12), ("Дата", 12), ("Вид документа", 34), ("Заголовок", 62),
    ("Состояние", 14),
]


def journal_series(journal: Journal, kind_titles: dict[str, str]) -> list[tuple[str, list[list[Any]]]]:
    """The journal as a secretary keeps it: one list per series (in the order the series
    were first used), each by date and number."""
    by_series: dict[str, list[JournalEntry]] = {}
    for entry in sorted(journal.entries, key=lambda e: (e.date, _numeric(e.number), e.number)):
        by_series.setdefault(entry.series, []).append(entry)
    out = []
    for series, entries in by_series.items():
        rows = []
        for i, e in enumerate(entries, start=1):
            state = e.status.label + (f" ({e.reissues})" if e.reissues > 1 else "")
            rows.append([i, e.number, format_date(e.date, "numeric"), kind_titles.get(e.kind, e.kind),
                         e.title, state])
        out.append((series, rows))
    return out


def _numeric(number: str) -> int:
    """The sequence part of a number for sorting: the last group of digits («2027-004» → 4)."""
    digits = "".join(c if c.isdigit() else " " for c in number).split()
    return int(digits[-1]) if digits else 0
