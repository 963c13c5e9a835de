"""Property: any registry written to the workbook reads back equal."""

from __future__ import annotations

import string
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nastavnik_docs.io import load_registry, write_registry
from nastavnik_docs.models import (
    BUILTIN_FORMS,
    Case,
    Category,
    Gender,
    PairStatus,
    Participant,
    Registry,
    Role,
)

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ" + string.ascii_letters
# text a curator may type: letters, digits, punctuation, quotes, inner spaces, a leading «=»
text = st.text(alphabet=LETTERS + string.digits + " -.,«»№()=/'\"", min_size=1, max_size=30).map(str.strip) \
    .filter(lambda s: s and ";" not in s)
name = st.text(alphabet=LETTERS + "-", min_size=1, max_size=15).filter(lambda s: s.strip("-"))
day = st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 12, 31))
maybe = lambda strategy: st.none() | strategy  # noqa: E731


@st.composite
def participants(draw, index):
    experience = draw(st.sampled_from(["years", "since", None]))
    minor = draw(st.booleans())
    return Participant(
        id=f"P{index}",
        last_name=draw(name), first_name=draw(name), middle_name=draw(maybe(name)),
        gender=draw(maybe(st.sampled_from(list(Gender)))), birth_date=draw(maybe(day)),
        role=draw(maybe(st.sampled_from(list(Role)))), category=draw(st.sampled_from(list(Category))),
        post=draw(maybe(text)),
        experience_years=draw(st.floats(0, 60).map(lambda x: round(x, 1))) if experience == "years" else None,
        experience_as_of=draw(maybe(day)) if experience == "years" else None,
        experience_since=draw(day) if experience == "since" else None,
        consent_date=draw(maybe(day)),
        representative={"full_name": draw(text), "relation": draw(maybe(text)), "phone": draw(maybe(text)),
                        "email": draw(maybe(text))} if minor else None,
        email=draw(maybe(text)), phone=draw(maybe(text)),
        overrides=draw(st.dictionaries(st.sampled_from(list(Case)), text.filter(lambda s: ":" not in s),
                                       max_size=2)),
    )


@st.composite
def registries(draw):
    count = draw(st.integers(2, 8))
    people = [draw(participants(i)) for i in range(count)]
    pairs = []
    for mentor in range(0, count - 1, 2):  # disjoint mentees, so no two pairs overlap
        start = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)))
        pairs.append({
            "id": draw(maybe(st.integers(1, 99).map(str))),
            "mentor": people[mentor].id, "mentees": [people[mentor + 1].id],
            "form": draw(st.sampled_from([f.title for f in BUILTIN_FORMS])),
            "start": start, "end": draw(maybe(st.dates(min_value=start.replace(day=1).replace(
                year=start.year + 1), max_value=date(2032, 1, 1)))),
            "status": draw(st.sampled_from(list(PairStatus))),
            "mentor_consent_date": draw(maybe(day)), "goal": draw(maybe(text)),
            "end_reason": draw(maybe(text)),
            "agreement": draw(maybe(st.fixed_dictionaries({
                "number": text, "date": day,
                "monthly_pay": st.decimals(0, 100000, places=2).map(lambda d: d.normalize() if d else Decimal(0)),
            }))),
        })
    return Registry(participants=people, pairs=pairs,
                    max_mentees_per_mentor=draw(maybe(st.integers(1, 50))))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registries())
def test_any_registry_round_trips_through_the_workbook(registry):
    with tempfile.TemporaryDirectory() as folder:
        path = write_registry(registry, Path(folder) / "r.xlsx")
        assert load_registry(path) == registry
