"""Typed, exported inputs: every kind's input model is importable by name from
nastavnik_docs.inputs, with a Russian docstring and a Russian description of every field."""

from __future__ import annotations

import pydoc
import re

import nastavnik_docs as nd
from nastavnik_docs import inputs

CYRILLIC = re.compile("[а-яА-ЯёЁ]")


def test_every_kinds_input_model_is_exported_by_its_name():
    exported = {name: getattr(inputs, name) for name in inputs.__all__ if name != "INPUT_MODELS"}
    for kind in nd.all_kinds():
        assert exported.get(kind.input_model.__name__) is kind.input_model, kind.id
        assert inputs.INPUT_MODELS[kind.id] is kind.input_model
    assert set(exported.values()) == {k.input_model for k in nd.all_kinds()}


def test_every_kinds_input_model_speaks_russian():
    """The model's first docstring line, and every field of it and of the models it holds."""
    for kind in nd.all_kinds():
        model = kind.input_model
        assert CYRILLIC.search((model.__doc__ or "").strip().splitlines()[0]), model.__name__
        schema = nd.input_schema(kind)
        for name, part in {model.__name__: schema, **schema.get("$defs", {})}.items():
            for field, prop in part.get("properties", {}).items():
                assert CYRILLIC.search(prop.get("description", "")), (kind.id, name, field)


def test_help_shows_the_fields_and_the_russian_title():
    text = pydoc.render_doc(inputs.AssignPairsInput, renderer=pydoc.plaintext)
    assert "Приказ о закреплении наставнических пар" in text
    assert "registry:" in text and "organization:" in text


def test_an_input_model_renders_as_it_is(tmp_path):
    data = nd.load_input("protocol.council", "samples/protocols/council.yaml")
    assert isinstance(data, inputs.CouncilInput)
    assert nd.render("protocol.council", data)[:2] == b"PK"
