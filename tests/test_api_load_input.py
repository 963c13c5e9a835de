"""nd.load_input(kind, data): the top level resolves the kind and lets io load its input model."""

from __future__ import annotations

from datetime import date

import pytest

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError, KindNotFoundError

SAMPLE = sample_path("orders/appoint_curator.yaml")


def test_a_kind_id_and_a_path_give_the_kinds_input_model_with_linked_files():
    data = nd.load_input("order.appoint_curator", SAMPLE)
    assert isinstance(data, nd.get_kind("order.appoint_curator").input_model)
    assert data.organization.short_name == "МБОУ «СОШ № 12»"  # ../organization.yaml, beside the file
    assert data.registry is not None and data.registry.participant("У10").last_name
    assert data.number == "112-о/д" and data.date == date(2026, 8, 28)


def test_a_kind_object_and_a_dict_and_an_instance():
    kind = nd.get_kind("order.appoint_curator")
    loaded = nd.load_input(kind, SAMPLE)
    assert nd.load_input(kind, loaded) is loaded
    again = nd.load_input(kind, loaded.model_dump())
    assert again == loaded


def test_errors_are_located_and_russian():
    with pytest.raises(InputError) as info:
        nd.load_input("order.appoint_curator", {"number": "1", "date": "32.13.2026"})
    fields = {p.field: p.message for p in info.value.problems}
    assert fields["organization"] == "обязательное поле не заполнено"
    assert fields["date"].startswith("не удалось прочитать дату")


def test_an_unknown_kind_is_refused_by_the_catalogue():
    with pytest.raises(KindNotFoundError):
        nd.load_input("no.such.kind", {})
