"""End-to-end tests of the command line: run it into a temp folder and read the results back."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from nastavnik_docs import __version__
from nastavnik_docs.cli import app
from nastavnik_docs.kinds import all_kinds

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_kinds_lists_every_kind():
    result = runner.invoke(app, ["kinds"], catch_exceptions=False, terminal_width=200)
    assert result.exit_code == 0
    for kind in all_kinds():
        assert kind.id in result.output


@pytest.mark.parametrize("kind", [k.id for k in all_kinds()])
def test_schema_is_json_of_the_input_model(kind):
    result = invoke("schema", kind)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "object" and schema["properties"]


def test_unknown_kind_is_a_russian_error_with_a_suggestion():
    result = runner.invoke(app, ["schema", "order.apoint_curator"])
    assert result.exit_code == 1
    assert "Неизвестный вид документа «order.apoint_curator»" in result.output
    assert "order.appoint_curator" in result.output
