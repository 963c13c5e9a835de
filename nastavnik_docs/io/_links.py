"""Registry link checks (``models.check_registry``) located at the record they concern."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import InputError, Problem
from ..models import MentoringForm, MentoringFormat, Pair, PairType, Participant, Registry, check_registry
from ._problems import Loc, field_path, problems_from_validation

Locate = Callable[[Loc], dict[str, Any]]


def link_problems(registry: Registry) -> list[tuple[Loc, str, Any, str]]:
    """The registry's link errors as (loc, message, value, code); loc points into the
    registry data, code is the check's stable code (``pair.person_unknown`` …)."""
    duplicates: list[int] = []
    seen: set[str] = set()
    for i, person in enumerate(registry.participants):
        if person.id in seen:
            duplicates.append(i)
        seen.add(person.id)
    found: list[tuple[Loc, str, Any, str]] = []
    for problem in check_registry(registry, warnings=False):
        if problem.pair is not None and problem.event is not None:
            loc: Loc = ("pairs", problem.pair, "history", problem.event, problem.field or "new_mentor")
        elif problem.pair is not None:
            loc = ("pairs", problem.pair, problem.field or "mentor")
        elif problem.field == "id" and duplicates:
            loc = ("participants", duplicates.pop(0), "id")
        else:
            loc = ()
        found.append((loc, problem.message, problem.value, problem.code))
    return found


def finish_registry(
    participants: list[Participant],
    pairs: list[Pair],
    forms: list[MentoringForm],
    max_mentees: int | None,
    *,
    file: str | None,
    locate: Locate,
) -> Registry:
    """Build the Registry from validated records, or raise its link problems located.

    The constructor checks the links itself; only when it refuses are they checked again
    on a draft to learn where each problem is (so a good file is checked once).
    """
    try:
        return Registry(participants=participants, pairs=pairs, forms=forms,
                        max_mentees_per_mentor=max_mentees)
    except ValidationError as exc:
        draft = Registry.model_construct(participants=participants, pairs=pairs, forms=[],
                                         pair_types=[f for f in forms if isinstance(f, PairType)],
                                         formats=[f for f in forms if isinstance(f, MentoringFormat)],
                                         max_mentees_per_mentor=max_mentees)
        problems = [Problem(message, file=file, value=value, path=loc, code=code,
                            **{"field": field_path(loc) or None, **locate(loc)})
                    for loc, message, value, code in link_problems(draft)]
        if not problems:
            problems = problems_from_validation(exc, Registry, file=file, locate=locate)
        raise InputError(problems, file=file) from None


def registry_from_data(data: Any, *, file: str | None, locate: Locate, prefix: Loc = ()) -> Registry:
    """A Registry from plain data (YAML/JSON), every problem located via ``locate``.

    Field errors and link errors are reported together: the links are checked among the
    records that are valid on their own, skipping links to records already reported.
    """
    if isinstance(data, Registry):
        return data
    try:
        return Registry.model_validate(data)
    except ValidationError as exc:
        if not isinstance(data, dict):
            raise InputError(problems_from_validation(exc, Registry, file=file, prefix=prefix,
                                                      locate=locate), file=file) from None
        # the model's summary of link errors is replaced by the located link problems below
        problems = problems_from_validation(exc, Registry, file=file, prefix=prefix, locate=locate,
                                            skip_root=True)
    people, people_at, rejected = _valid(Participant, data.get("participants"))
    pairs, pairs_at, _ = _valid(Pair, data.get("pairs"))
    pair_types, _, _ = _valid(PairType, data.get("pair_types"))
    formats, _, _ = _valid(MentoringFormat, data.get("formats"))
    limit = data.get("max_mentees_per_mentor")
    draft = Registry.model_construct(participants=people, pairs=pairs, forms=[], pair_types=pair_types,
                                     formats=formats,
                                     max_mentees_per_mentor=limit if isinstance(limit, int) else None)
    positions = {"participants": people_at, "pairs": pairs_at}
    for loc, message, value, code in link_problems(draft):
        if value in rejected:
            continue  # a link to a record whose own errors are already reported
        if len(loc) >= 2:
            loc = (loc[0], positions[str(loc[0])][int(loc[1])], *loc[2:])
        full = prefix + loc
        problems.append(Problem(message, file=file, value=value, path=full, code=code,
                                **{"field": field_path(full) or None, **locate(full)}))
    raise InputError(problems, file=file)


def _valid(model: type[BaseModel], items: Any) -> tuple[list[Any], list[int], set[str]]:
    """The items valid on their own, their positions, and the ids of the invalid ones."""
    valid, positions, rejected = [], [], set()
    for i, item in enumerate(items if isinstance(items, list) else []):
        try:
            valid.append(model.model_validate(item))
            positions.append(i)
        except ValidationError:
            if isinstance(item, dict) and item.get("id") is not None:
                rejected.add(str(item["id"]))
    return valid, positions, rejected
