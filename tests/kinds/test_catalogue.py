"""The catalogue itself: every kind is complete, its files exist, and the demo can name it."""

from __future__ import annotations

import re

import pytest

from nastavnik_docs._resources import sample_path, templates_dir
from nastavnik_docs.kinds import all_kinds

KINDS = all_kinds()
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def test_the_catalogue_is_not_empty_and_ids_are_unique():
    ids = [k.id for k in KINDS]
    assert len(ids) == len(set(ids)) >= 30


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.id)
def test_kind_is_complete(kind):
    assert re.fullmatch(r"[a-z]+(\.[a-z_]+)?", kind.id)
    assert CYRILLIC.search(kind.title) and CYRILLIC.search(kind.family)
    assert kind.samples, "every kind has a sample, so the demo and the tests render it"
    for sample in kind.samples:
        assert sample_path(sample).is_file(), sample
    for name, folder in ((kind.docx, "docx"), (kind.xlsx, "xlsx")):
        if name:
            assert (templates_dir() / folder / name).is_file(), name
    if len(kind.samples) > 1:
        assert set(kind.sample_names) == set(kind.samples)
        assert all(CYRILLIC.search(label) for label in kind.sample_names.values())
    if kind.demo_batch is not None:
        assert kind.batch is not None and kind.batch.records is not None
        assert sample_path(kind.demo_batch.source).is_file() and sample_path(kind.demo_batch.common).is_file()
