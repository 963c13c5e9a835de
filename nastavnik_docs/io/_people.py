"""Finding the participant a pair names: by ID, or by a unique full or short name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from typing import Any

from ..models import Participant, nearest_participant
from ._table import Table
from ._values import cell_text, name_key

#: Several mentees in one cell: «;», line breaks (Alt+Enter) or commas.
_SEPARATORS = re.compile(r"[;\n\r,]+")


def split_people(text: str) -> list[str]:
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


class PeopleIndex:
    """IDs and names of the participants, for resolving what a curator typed in a pair."""

    def __init__(self, participants: list[Participant], rejected_ids: AbstractSet[str] = frozenset()):
        self.participants = participants
        self.ids = {p.id for p in participants}
        self.rejected = {name_key(i) for i in rejected_ids}
        self._id_keys: dict[str, str] | None = None
        self._names: dict[str, list[str]] | None = None

    @property
    def id_keys(self) -> dict[str, str]:
        """IDs as compared ignoring case and spaces -> IDs; built on the first ID typed
        otherwise than on sheet «Участники» (most pairs give them exactly)."""
        if self._id_keys is None:
            self._id_keys = {name_key(p.id): p.id for p in self.participants}
        return self._id_keys

    @property
    def names(self) -> dict[str, list[str]]:
        """Full and short names -> IDs; built on the first name typed instead of an ID (most
        registries give IDs only, and keying 100,000 names costs seconds)."""
        if self._names is None:
            self._names = {}
            for p in self.participants:
                for key in {name_key(p.full_name), name_key(f"{p.last_name} {p.initials}")}:
                    self._names.setdefault(key, []).append(p.id)
        return self._names

    def resolve(self, token: str) -> tuple[str | None, str | None]:
        """(participant id, None), or (None, a Russian message); (None, None) if the token
        names a participant whose own row was rejected (that row already has an error)."""
        if token in self.ids:
            return token, None
        key = name_key(token)
        if key in self.id_keys:
            return self.id_keys[key], None
        ids = self.names.get(key, [])
        if len(ids) == 1:
            return ids[0], None
        if len(ids) > 1:
            listed = ", ".join(f"«{i}»" for i in ids)
            return None, (f"это ФИО носят несколько участников (ID {listed}); "
                          f"укажите ID нужного участника")
        if key in self.rejected:
            return None, None
        message = UNKNOWN_PERSON
        near = nearest_participant(token, self.participants)
        if near is not None:
            message += f"; возможно, имелся в виду «{near.id}» ({near.last_name} {near.initials})"
        return None, message


#: How a reference to nobody on sheet «Участники» begins.
UNKNOWN_PERSON = "нет участника с таким ID или ФИО на листе «Участники»"


def resolve_people(table: Table, number: int, data: dict[str, Any], failed: set[str], index: PeopleIndex,
                   fields: Mapping[str, str | None]) -> None:
    """Replace the people typed in one row's cells with participant IDs, in place.

    ``fields`` maps a people column's field to the message for more than one person in it,
    or to None where a list is allowed (the field then becomes a list of IDs). A name that
    cannot be resolved is reported at its cell and the field is marked failed.
    """
    for field, only_one in fields.items():
        if field not in data:
            continue
        ids = []
        for token in split_people(cell_text(data[field])):
            found, message = index.resolve(token)
            if found is not None:
                ids.append(found)
                continue
            failed.add(field)
            if message:
                table.problem(number, field, token, message, "participant.unknown")
        if only_one is not None and len(ids) > 1:
            table.problem(number, field, data[field], only_one)
            failed.add(field)
        data[field] = (ids[0] if ids else None) if only_one is not None else ids
