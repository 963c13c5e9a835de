"""render(): kind glue, template lookup and user overrides, atomic output, the CLI commands."""

from __future__ import annotations

import os
import sys

import pytest
from render_helpers import DocCtx, build_docx, docx_texts, make_kind, sample_pairs
from typer.testing import CliRunner

import nastavnik_docs as nd
from nastavnik_docs._api import EXTRA_WRITERS
from nastavnik_docs._files import TEMP_PREFIX
from nastavnik_docs.cli import app
from nastavnik_docs.engine import lookup
from nastavnik_docs.engine.lookup import ENV_VAR, find_template
from nastavnik_docs.errors import (
    KindNotFoundError,
    OutputExistsError,
    TemplateError,
    TemplateNotFoundError,
)
from nastavnik_docs.kinds import _base


@pytest.fixture
def builtin_dir(tmp_path, monkeypatch):
    """A stand-in for the package's built-in templates folder."""
    folder = tmp_path / "builtin"
    (folder / "docx").mkdir(parents=True)
    (folder / "xlsx").mkdir()
    # (a dotted string would not do: nastavnik_docs.engine is the function, see the report)
    monkeypatch.setattr(lookup, "templates_dir", lambda: folder)
    build_docx(folder / "docx" / "test_doc.docx", ["Встроенный бланк: {{ school }}"])
    return folder


def test_builtin_template_is_used_without_a_user_folder(builtin_dir, out_dir):
    path = nd.render(make_kind(), DocCtx(), out_dir / "a.docx")
    assert docx_texts(path)["body"] == ["Встроенный бланк: МБОУ «СОШ № 1»"]


@pytest.mark.parametrize("layout", ["flat", "subfolder"])
@pytest.mark.parametrize("how", ["argument", "environment"])
def test_user_folder_overrides_the_builtin(builtin_dir, tpl_dir, out_dir, monkeypatch, layout, how):
    target = tpl_dir / "test_doc.docx" if layout == "flat" else tpl_dir / "docx" / "test_doc.docx"
    build_docx(target, ["Наш бланк: {{ school }}"])
    if how == "environment":
        monkeypatch.setenv(ENV_VAR, str(tpl_dir))
    templates = tpl_dir if how == "argument" else None
    path = nd.render(make_kind(), DocCtx(), out_dir / "a.docx", templates=templates)
    assert docx_texts(path)["body"] == ["Наш бланк: МБОУ «СОШ № 1»"]


def test_user_folder_without_that_file_falls_back_to_the_builtin(builtin_dir, tpl_dir):
    build_docx(tpl_dir / "other.docx", ["x"])
    assert find_template("test_doc.docx", tpl_dir) == builtin_dir / "docx" / "test_doc.docx"


def test_missing_template_names_both_places(builtin_dir, tpl_dir):
    with pytest.raises(TemplateNotFoundError) as info:
        find_template("нет_такого.docx", tpl_dir)
    message = str(info.value)
    assert "нет_такого.docx" in message
    assert str(tpl_dir) in message and str(builtin_dir / "docx") in message


def test_missing_user_folder_is_an_error(builtin_dir, tmp_path):
    with pytest.raises(TemplateNotFoundError, match="Папка своих шаблонов не найдена"):
        find_template("test_doc.docx", tmp_path / "нет")


def test_existing_file_is_not_overwritten_without_the_flag(tpl_dir, out_dir):
    build_docx(tpl_dir / "test_doc.docx", ["{{ school }}"])
    out = out_dir / "a.docx"
    out.write_bytes(b"old")
    with pytest.raises(OutputExistsError):
        nd.render(make_kind(), DocCtx(school="Новая"), out, templates=tpl_dir)
    assert out.read_bytes() == b"old"
    nd.render(make_kind(), DocCtx(school="Новая"), out, templates=tpl_dir, overwrite=True)
    assert docx_texts(out)["body"] == ["Новая"]


def test_failed_render_leaves_no_file_and_no_temporary(tpl_dir, out_dir):
    build_docx(tpl_dir / "test_doc.docx", ["{{ schol }}"])
    out = out_dir / "a.docx"
    out.write_bytes(b"old")
    with pytest.raises(TemplateError):
        nd.render(make_kind(), DocCtx(), out, templates=tpl_dir, overwrite=True)
    assert out.read_bytes() == b"old"
    assert [p.name for p in out_dir.iterdir()] == ["a.docx"]
    with pytest.raises(TemplateError):
        nd.render(make_kind(), DocCtx(), out_dir / "b.docx", templates=tpl_dir)
    assert not any(p.name.startswith(TEMP_PREFIX) or p.name == "b.docx" for p in out_dir.iterdir())


def test_output_is_written_under_a_temporary_name_then_renamed(tpl_dir, out_dir, monkeypatch):
    build_docx(tpl_dir / "test_doc.docx", ["{{ school }}"])
    renames = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (renames.append((str(a), str(b))), real_replace(a, b)))
    out = nd.render(make_kind(), DocCtx(), out_dir / "a.docx", templates=tpl_dir)
    ((src, dst),) = renames
    assert os.path.basename(src).startswith(TEMP_PREFIX) and dst == str(out)


def test_format_the_kind_does_not_have(tpl_dir, out_dir):
    with pytest.raises(KindNotFoundError, match=r"\.xlsx"):
        nd.render(make_kind(), DocCtx(), out_dir / "a.xlsx", templates=tpl_dir)


def _txt_writer(context, template, out):
    out.write_text(f"{context.school}|{template.name if template else None}", encoding="utf-8")


@pytest.mark.parametrize("docx_template", [None, "test_doc.docx"])
def test_special_writer_gets_context_template_and_temporary_path(tpl_dir, out_dir, monkeypatch,
                                                                 docx_template):
    """A format a kind lists in extra_formats is written by the writer the API maps to the
    kind and suffix; a template of that suffix, when the kind has one, is passed along."""
    build_docx(tpl_dir / "test_doc.docx", ["{{ school }}"])
    suffix = ".docx" if docx_template else ".txt"
    kind = make_kind(docx=docx_template, extra_formats=(suffix,))
    monkeypatch.setitem(EXTRA_WRITERS, (kind.id, suffix), _txt_writer)
    out = out_dir / f"a{suffix}"
    nd.render(kind, DocCtx(school="Лицей"), out, templates=tpl_dir)
    assert out.read_text(encoding="utf-8") == f"Лицей|{docx_template}"


def test_a_declared_format_without_a_writer_is_a_clear_error(out_dir):
    kind = make_kind(docx=None, extra_formats=(".txt",))
    with pytest.raises(TemplateError, match="«.txt» для «test.doc»"):
        nd.render(kind, DocCtx(), out_dir / "a.txt")
    assert list(out_dir.iterdir()) == []


# --- CLI --------------------------------------------------------------------------------

@pytest.fixture
def registered(monkeypatch, tpl_dir):
    """The test kind registered in the catalogue for the CLI, with its template."""
    kind = make_kind(id="test.cli_doc")
    monkeypatch.setitem(_base._KINDS, kind.id, kind)
    build_docx(tpl_dir / "test_doc.docx", ["Пар: {{ pair_count }}",
                                           "{% for p in pairs %}{{ p.mentor.dative }}{% endfor %}"])
    return kind


def test_cli_render_writes_and_refuses_to_overwrite(registered, tpl_dir, out_dir, tmp_path):
    data = tmp_path / "data.json"
    data.write_text(DocCtx(pairs=sample_pairs()).model_dump_json(), encoding="utf-8")
    out = out_dir / "a.docx"
    args = ["render", registered.id, str(data), "-o", str(out), "--templates", str(tpl_dir)]
    runner = CliRunner()
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert docx_texts(out)["body"] == ["Пар: 2", "Ивановой М.П.Смирнову А.А."]
    again = runner.invoke(app, args)
    assert again.exit_code == 1 and "уже существует" in again.output
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0


def test_cli_check_template_exit_codes(registered, tpl_dir):
    runner = CliRunner()
    good = runner.invoke(app, ["check-template", str(tpl_dir / "test_doc.docx"), "--kind", registered.id])
    assert good.exit_code == 0 and "ошибок нет" in good.output
    build_docx(tpl_dir / "bad.docx", ["{% for p in pairs %}{{ p.mentor.dativ }}{% endfor %}",
                                      "{% if show_extra %}без конца"])
    bad = runner.invoke(app, ["check-template", str(tpl_dir / "bad.docx"), "--kind", registered.id])
    assert bad.exit_code == 1
    assert "pairs[].mentor.dativ" in bad.output and "pairs[].mentor.dative" in bad.output
    assert "не закрыт" in bad.output


def test_render_package_exports_resolve_lazily():
    import importlib
    import subprocess

    package = importlib.import_module("nastavnik_docs.engine")
    for name in package.__all__:
        assert getattr(package, name) is not None, name
    with pytest.raises(AttributeError):
        package.no_such_name  # noqa: B018
    # importing the package (as the public API does) loads none of the engines
    engines = ("docxtpl", "nastavnik_docs.engine.docx", "nastavnik_docs.engine.xlsx")
    code = (f"import sys, nastavnik_docs.engine; "
            f"print(sorted(m for m in {engines!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_public_render_is_the_function_whatever_is_imported_first():
    """``nastavnik_docs.engine`` is the function even when a render submodule is imported first."""
    import subprocess

    code = ("import nastavnik_docs.engine.pdf, nastavnik_docs.engine.docx, nastavnik_docs as nd; "
            "from nastavnik_docs._api import render; print(nd.render is render)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
