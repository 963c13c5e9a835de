"""Kinds by convention (``nastavnik_docs.kinds._base``): a new kind is a few lines.

The template name follows from the id, the input and context models from the builder's
annotations; the throwaway kind here is registered like a kinds module registers its own
and rendered through the public API from a dict, its template written by the test.
"""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from pydantic import BaseModel

import nastavnik_docs as nd
from nastavnik_docs.errors import InputError, KindNotFoundError
from nastavnik_docs.kinds import DemoBatch, Kind, _base, all_kinds, get_kind, register
from nastavnik_docs.models import Official
from nastavnik_docs.ru import PersonForms, format_date, person_forms


class NoteInput(BaseModel):
    author: Official
    date: dt.date


class NoteContext(BaseModel):
    model_config = {"arbitrary_types_allowed": True}

    author: PersonForms
    date: str


def build_note(data: NoteInput) -> NoteContext:
    return NoteContext(author=person_forms(data.author, data.author.post), date=format_date(data.date))


@pytest.fixture
def catalogue(monkeypatch):
    """The catalogue as it is, in a copy the test may add to."""
    all_kinds()  # discovered before the copy, so the real catalogue stays complete
    monkeypatch.setattr(_base, "_KINDS", dict(_base._KINDS))
    return _base._KINDS


def test_a_new_kind_is_a_few_lines_and_renders(catalogue, tmp_path):
    register(Kind(id="test.note", title="Служебная записка", build_context=build_note, family="Тест"))

    kind = get_kind("test.note")
    assert (kind.docx, kind.xlsx, kind.formats) == ("test_note.docx", None, (".docx",))
    assert (kind.input_model, kind.context_model) == (NoteInput, NoteContext)
    template = Document()
    template.add_paragraph("Записку составил {{ author.post.nominative }} {{ author.initials_nominative }}, {{ date }}")
    template.save(tmp_path / "test_note.docx")
    data = {"author": {"last_name": "Власова", "first_name": "Елена", "middle_name": "Николаевна",
                       "post": "заместитель директора"}, "date": "2026-09-01"}
    out = nd.render("test.note", data, tmp_path / "out.docx", templates=tmp_path)
    text = [p.text for p in Document(out).paragraphs]
    assert text == ["Записку составил заместитель директора Е.Н.\u00a0Власова, 1\u00a0сентября 2026\u00a0г."]
    with pytest.raises(InputError):  # the input model from the annotation validates the dict
        nd.render("test.note", {"author": data["author"]}, tmp_path / "bad.docx", templates=tmp_path)


def test_names_differ_only_where_given():
    kind = Kind(id="test.table", title="Таблица", build_context=build_note, docx=False, xlsx=True,
                extra_formats=(".ICS",))
    assert (kind.docx, kind.xlsx, kind.formats) == (None, "test_table.xlsx", (".xlsx", ".ics"))
    assert kind.template_for(".ics") is None
    with pytest.raises(KindNotFoundError, match="«.docx»"):
        kind.template_for(".docx")
    named = Kind(id="test.named", title="Своё имя", build_context=build_note, docx="своё.docx")
    assert named.template_for(".DOCX") == "своё.docx"


def test_models_are_given_where_the_builder_is_not_annotated():
    kind = Kind(id="test.lambda", title="Без аннотаций", build_context=lambda data: data,
                input_model=NoteInput, context_model=NoteInput)
    assert kind.context_model is NoteInput
    with pytest.raises(TypeError, match="annotate the builder"):
        Kind(id="test.bare", title="Без моделей", build_context=lambda data: data)
    with pytest.raises(ValueError, match="no template"):
        Kind(id="test.none", title="Без формата", build_context=build_note, docx=False)


def test_a_kind_is_registered_once(catalogue):
    kind = register(Kind(id="test.once", title="Однажды", build_context=build_note))
    assert register(kind) is kind
    with pytest.raises(ValueError, match="registered twice"):
        register(Kind(id="test.once", title="Дважды", build_context=build_note))


def test_builtin_kinds_follow_the_convention():
    """Every built-in template is named after its kind's id, and demo batches are typed."""
    for kind in all_kinds():
        stem = kind.id.replace(".", "_")
        assert kind.docx in (None, f"{stem}.docx") and kind.xlsx in (None, f"{stem}.xlsx"), kind.id
        assert kind.demo_batch is None or isinstance(kind.demo_batch, DemoBatch)
        assert not hasattr(kind, "extra") and not hasattr(kind, "writers") and not hasattr(kind, "context")
    roadmap = get_kind("roadmap")
    assert roadmap.extra_formats == (".xlsx", ".ics") and roadmap.template_for(".xlsx") is None
