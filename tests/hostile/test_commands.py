"""Every broken-file type fed to ``render``, ``batch``, ``check-template`` and
``import-roadmap``: one Russian line and a non-zero exit code, never a traceback."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_files import OLE_HEADER, broken_files, docx_template, with_doctype
from hostile_harness import ROOT
from typer.testing import CliRunner

from nastavnik_docs._resources import sample_path
from nastavnik_docs.cli import app

CERTIFICATE = "award_certificate.docx"


def _docx() -> bytes:
    buffer = io.BytesIO()
    docx_template(buffer, ["{{ recipient }}"])
    return buffer.getvalue()


BROKEN = broken_files(_docx())
COMMANDS = ["render", "batch", "check-template", "import-roadmap"]


def _args(command: str, broken: Path, tmp_path: Path) -> list[str]:
    folder = broken.parent
    if command == "render":
        return ["render", "award.certificate", str(sample_path("awards/certificate.yaml")), "-o",
                str(tmp_path / "out.docx"), "--templates", str(folder)]
    if command == "batch":
        return ["batch", "award.certificate", str(sample_path("registry.xlsx")), "-o", str(tmp_path / "batch"),
                "-c", str(sample_path("awards/common.yaml")), "--templates", str(folder)]
    if command == "check-template":
        return ["check-template", str(broken), "--kind", "award.certificate"]
    return ["import-roadmap", str(broken), "-o", str(tmp_path / "карта.yaml")]


def _one_russian_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Ошибка:")]
    assert len(errors) == 1, output
    assert "Traceback" not in output and any("а" <= ch <= "я" for ch in errors[0].lower()), output
    return errors[0]


@pytest.mark.hostile("commands")
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_file_is_one_russian_line_and_a_failure(tmp_path, command, kind, tally):
    folder = tmp_path / "tpl"
    folder.mkdir()
    broken = folder / CERTIFICATE
    broken.write_bytes(BROKEN[kind])
    result = CliRunner().invoke(app, _args(command, broken, tmp_path))
    assert result.exit_code != 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    line = _one_russian_line(result.output)
    assert "Package not found" not in line
    assert not (tmp_path / "batch").exists() or not any((tmp_path / "batch").iterdir())
    tally.add("commands", "одна строка по-русски")


@pytest.mark.hostile("commands")
@pytest.mark.parametrize("command", COMMANDS)
def test_the_console_script_never_prints_a_traceback(tmp_path, command, tally):
    """The same through a real process: an encrypted template (an OLE file)."""
    folder = tmp_path / "tpl"
    folder.mkdir()
    broken = folder / CERTIFICATE
    broken.write_bytes(OLE_HEADER)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NASTAVNIK_DOCS_DEBUG": ""}
    proc = subprocess.run([sys.executable, "-m", "nastavnik_docs.cli", *_args(command, broken, tmp_path)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    line = _one_russian_line(proc.stderr)
    assert "зашифрован паролем" in line
    tally.add("commands", "одна строка по-русски")


@pytest.mark.hostile("commands")
def test_a_registry_with_a_doctype_in_a_batch(tmp_path, tally):
    registry = tmp_path / "база.xlsx"
    registry.write_bytes(with_doctype(sample_path("registry.xlsx").read_bytes(), "xl/workbook.xml"))
    result = CliRunner().invoke(app, ["batch", "award.certificate", str(registry), "-o", str(tmp_path / "out"),
                                      "-c", str(sample_path("awards/common.yaml"))])
    assert result.exit_code == 1 and "DOCTYPE" in _one_russian_line(result.output)
    tally.add("commands", "одна строка по-русски")


@pytest.mark.hostile("commands")
@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root writes into a read-only folder")
def test_a_read_only_output_folder(tmp_path, tally):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        result = CliRunner().invoke(app, ["render", "award.certificate", str(sample_path("awards/certificate.yaml")),
                                          "-o", str(out / "x.docx")])
    finally:
        out.chmod(0o700)
    assert result.exit_code == 1 and "нет прав на запись" in _one_russian_line(result.output)
    tally.add("commands", "одна строка по-русски")


@pytest.mark.hostile("commands")
def test_a_folder_that_cannot_be_written_to(tmp_path, tally):
    """As root a read-only folder is writable: a file standing where the folder should be
    is the failure every user can reproduce."""
    blocker = tmp_path / "out"
    blocker.write_text("я файл, а не папка", encoding="utf-8")
    for args in (["render", "award.certificate", str(sample_path("awards/certificate.yaml")), "-o",
                  str(blocker / "x.docx")],
                 ["batch", "award.certificate", str(sample_path("registry.xlsx")), "-o", str(blocker / "b"),
                  "-c", str(sample_path("awards/common.yaml"))]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1, result.output
        assert "Не удалось записать" in _one_russian_line(result.output)
        tally.add("commands", "одна строка по-русски")


@pytest.mark.hostile("commands")
def test_markup_like_data_in_a_message_is_printed_as_is(tmp_path, tally):
    """Messages quote the data; rich must not read «[/]» in it as markup (a MarkupError
    traceback)."""
    data = tmp_path / "d.yaml"
    shutil.copy(sample_path("awards/certificate.yaml"), data)
    text = data.read_text(encoding="utf-8").replace("organization: ../organization.yaml",
                                                    f"organization: {sample_path('organization.yaml')}")
    data.write_text(text + "\nunknown_[/bold]_field: '[/]'\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["render", "award.certificate", str(data), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 1 and "unknown_[/bold]_field" in result.output and "Traceback" not in result.output
    tally.add("commands", "одна строка по-русски")
