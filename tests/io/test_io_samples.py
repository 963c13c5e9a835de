"""The bundled sample organisation covers what the documents need to show."""

from __future__ import annotations

from datetime import date

import pytest

from nastavnik_docs._resources import sample_path
from nastavnik_docs.io import load_organization, load_registry
from nastavnik_docs.models import Category, PairStatus, Role

TODAY = date(2026, 11, 1)


@pytest.fixture(scope="module")
def registry():
    return load_registry(sample_path("registry.yaml"))


def test_organisation_card():
    org = load_organization(sample_path("organization.yaml"))
    assert org.full_name.startswith("Муниципальное бюджетное общеобразовательное учреждение")
    assert org.founder == "Управление образования Администрации города Вологды" and org.city == "Вологда"
    assert org.head.post.startswith("Директор") and org.head.middle_name


def test_sizes_and_categories(registry):
    assert len(registry.participants) >= 25 and len(registry.pairs) >= 8
    categories = {p.category for p in registry.participants}
    assert categories == {Category.PUPIL, Category.TEACHER, Category.STUDENT, Category.EMPLOYER}
    assert any(p.role is Role.CURATOR for p in registry.participants)
    assert registry.warnings() == []


def test_forms_and_statuses(registry):
    forms = {registry.form_of(p).title for p in registry.pairs}
    assert forms >= {"ученик – ученик", "учитель – учитель", "учитель – ученик", "групповое",
                     "реверсивное", "работодатель – ученик", "студент – ученик"}
    assert any(p.is_group for p in registry.pairs)
    statuses = {p.status for p in registry.pairs}
    assert statuses == {PairStatus.ACTIVE, PairStatus.COMPLETED, PairStatus.ENDED_EARLY}
    assert all(p.end_reason for p in registry.pairs if p.status is PairStatus.ENDED_EARLY)


def test_agreements_under_labour_code_351_8(registry):
    paid = [p for p in registry.pairs if p.agreement and p.agreement.monthly_pay]
    assert len(paid) >= 2
    assert all(registry.mentor_of(p).category is Category.TEACHER for p in paid)
    assert all(p.agreement.date >= date(2025, 3, 1) and p.agreement.number for p in paid)


def test_people_cover_the_hard_cases(registry):
    people = registry.participants
    minors = [p for p in people if p.is_minor(TODAY)]
    assert minors and all(p.representative for p in minors)
    assert any(p.is_young_specialist(TODAY) for p in people)
    mentors = {p.mentor for p in registry.pairs}
    mentees = {m for p in registry.pairs for m in p.mentees}
    assert mentors & mentees  # a mentee in one pair mentors in another
    last_names = [p.last_name for p in people]
    assert any(n.endswith("ко") for n in last_names)
    assert any(n.endswith("ук") and p.gender.value == "female" for n, p in zip(last_names, people))
    assert any("-" in n for n in last_names)
    assert any((p.middle_name or "").endswith("оглы") for p in people)
    assert any("ё" in p.full_name for p in people)
