"""Finding the participant a pair names: by ID, or by a unique full or short name."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from ..models import Participant
from ._values import name_key

#: Several mentees in one cell: «;», line breaks (Alt+Enter) or commas.
_SEPARATORS = re.compile(r"[;\n\r,]+")


def split_people(text: str) -> list[str]:
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


class PeopleIndex:
    """IDs and names of the participants, for resolving what a curator typed in a pair."""

    def __init__(self, participants: list[Participant], rejected_ids: AbstractSet[str] = frozenset()):
        self.ids = {p.id for p in participants}
        self.id_keys: dict[str, str] = {name_key(p.id): p.id for p in participants}
        self.rejected = {name_key(i) for i in rejected_ids}
        self.names: dict[str, list[str]] = {}
        for p in participants:
            for key in {name_key(p.full_name), name_key(f"{p.last_name} {p.initials}")}:
                self.names.setdefault(key, []).append(p.id)

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
        return None, "нет участника с таким ID или ФИО на листе «Участники»"
