"""The public surface of nastavnik_docs.ru matches the contract in CONTRIBUTING.md."""

from __future__ import annotations

import inspect

import nastavnik_docs.ru as ru

CONTRACT = {
    "decline_name": ["name", "case", "gender"],
    "decline_post": ["post", "case"],
    "detect_gender": ["person_or_name"],
    "format_date": ["d", "style"],
    "format_month_range": ["start", "end"],
    "format_school_year": ["start_year", "sep"],
    "money_in_words": ["amount"],
    "number_in_words": ["n", "case", "gender"],
    "ordinal_in_words": ["n", "case", "gender"],
    "format_number": ["n"],
    "format_percent": ["x"],
    "agree": ["n", "word"],
    "typograph": ["text"],
    "person_forms": ["person", "post"],
    "jinja_filters": [],
}


def test_all_is_curated_and_importable():
    assert sorted(ru.__all__) == ru.__all__
    for name in ru.__all__:
        assert hasattr(ru, name), name
    assert {"PersonForms", "PostForms", "BLANK_NUMBER", *CONTRACT} <= set(ru.__all__)
    assert "deadlines" not in ru.__all__


def test_signatures_start_with_the_contract_parameters():
    for name, params in CONTRACT.items():
        signature = inspect.signature(getattr(ru, name))
        assert list(signature.parameters)[: len(params)] == params, name


def test_blank_constants():
    assert ru.BLANK_NUMBER == "______"
    assert "None" not in ru.BLANK_DATE_LONG + ru.BLANK_MONEY + ru.BLANK_NAME
