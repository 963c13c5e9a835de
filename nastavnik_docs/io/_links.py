"""Registry link checks (``models.check_registry``) located at the record they concern."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from ..errors import InputError, Problem
from ..models import MentoringForm, Pair, Participant, Registry, check_registry
from ._problems import Loc, field_path, problems_from_validation

Locate = Callable[[Loc], dict[str, Any]]


def link_problems(registry: Registry) -> list[tuple[Loc, str, Any]]:
    """The registry's link errors as (loc, message, value); loc points into the registry data."""
    duplicates: list[int] = []
    seen: set[str] = set()
    for i, person in enumerate(registry.participants):
        if person.id in seen:
            duplicates.append(i)
        seen.add(person.id)
    found: list[tuple[Loc, str, Any]] = []
    for problem in check_registry(registry):
        if problem.severity != "error":
            continue
        if problem.pair is not None:
            loc: Loc = ("pairs", problem.pair, problem.field or "mentor")
        elif problem.field == "id" and duplicates:
            loc = ("participants", duplicates.pop(0), "id")
        else:
            loc = ()
        found.append((loc, problem.message, problem.value))
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
        draft = Registry.model_construct(participants=participants, pairs=pairs, forms=forms,
                                         max_mentees_per_mentor=max_mentees)
        problems = [Problem(message, file=file, value=value,
                            **{"field": field_path(loc) or None, **locate(loc)})
                    for loc, message, value in link_problems(draft)]
        if not problems:
            problems = problems_from_validation(exc, Registry, file=file, locate=locate)
        raise InputError(problems, file=file) from None


def registry_from_data(data: Any, *, file: str | None, locate: Locate, prefix: Loc = ()) -> Registry:
    """A Registry from plain data (YAML/JSON), every problem located via ``locate``."""
    if isinstance(data, Registry):
        return data
    try:
        return Registry.model_validate(data)
    except ValidationError as exc:
        field_errors = [e for e in exc.errors() if e.get("loc")]
        if field_errors or not isinstance(data, dict):
            raise InputError(problems_from_validation(exc, Registry, file=file, prefix=prefix,
                                                      locate=locate), file=file) from None
    # only the links are wrong: the parts are valid on their own, so check them one by one
    shifted: Locate = lambda loc: {"field": field_path(prefix + loc) or None, **locate(prefix + loc)}  # noqa: E731
    return finish_registry(
        [Participant.model_validate(p) for p in data.get("participants") or []],
        [Pair.model_validate(p) for p in data.get("pairs") or []],
        [MentoringForm.model_validate(f) for f in data.get("forms") or []],
        data.get("max_mentees_per_mentor"),
        file=file, locate=shifted,
    )
