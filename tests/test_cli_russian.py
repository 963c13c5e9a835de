"""The command line's own words are Russian: usage errors name the parameter and the
nearest valid one, and ``--help`` is framed in Russian (``cli/_russian.py``)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from nastavnik_docs.cli import app

runner = CliRunner()
#: What typer would print in English.
ENGLISH = re.compile(r"Usage|Error|Missing|Try '|No such|Got unexpected|Invalid value|Option '|requires|"
                     r"Show this message|Options:|Arguments:|Commands:|\[default|\[required|<str>|<int>|<path>")
COMMANDS = ["demo", "init", "check", "plan", "year", "kinds", "schema", "render", "check-template", "batch",
            "import-roadmap", "due", "serve", "aggregate", "export"]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("args", "said"), [
    (["render"], "не указан аргумент «вид»"),
    (["render", "award.certificate"], "не указан аргумент «данные»"),
    (["rendr"], "нет команды «rendr»; возможно, имелась в виду «render»"),
    (["рендер"], "нет команды «рендер»; команды: demo, init"),
    (["render", "--ou", "x"], "нет параметра «--ou»; возможно, имелся в виду «--out»"),
    (["render", "--bogus"], "нет параметра «--bogus»; у команды есть: --force, --out, --pdf"),
    (["batch", "a", "b", "-o", "x", "--jobs", "два"], "неверное значение параметра «--jobs»: нужно целое число"),
    (["batch", "a", "b", "-o"], "после параметра «-o» нужно значение"),
    (["render", "k", "a.yaml", "-o", "x.docx", "--force=да"], "параметр «--force» указывается без значения"),
    (["demo", "лишнее"], "лишнее в команде: лишнее"),
    (["batch", "award.certificate", "base.xlsx"], "не указан обязательный параметр «--out»"),
])
def test_a_usage_error_is_said_in_russian(args, said):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert f"Ошибка: {said}" in flat(result.stderr)
    assert not ENGLISH.search(result.stderr), result.stderr


@pytest.mark.parametrize("args", [["render", "--ou", "x"], ["batch", "a", "b", "-o"], ["render", "k", "--force=1"]])
def test_a_usage_error_points_to_the_commands_help(args):
    result = runner.invoke(app, args)
    assert result.stderr.splitlines()[-1] == f"Справка: nastavnik-docs {args[0]} --help"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_help_is_framed_in_russian(command):
    result = runner.invoke(app, [command, "--help"], terminal_width=100)
    assert result.exit_code == 0
    assert result.stdout.startswith("Использование: ") and "[ПАРАМЕТРЫ]" in result.stdout
    assert "Параметры:" in result.stdout and "Показать эту справку и выйти" in result.stdout
    assert not ENGLISH.search(result.stdout), result.stdout
    arguments = re.findall(r"[{\[]([^{}\[\]]+)[}\]]", result.stdout.splitlines()[0])
    assert all(re.fullmatch("[а-яё]+|ПАРАМЕТРЫ", a) for a in arguments), arguments  # «{вид} {данные}», not «{kind}»


def test_the_apps_help_lists_the_commands_in_russian():
    result = runner.invoke(app, ["--help"], terminal_width=100)
    assert "КОМАНДА [АРГУМЕНТЫ]..." in result.stdout and "Команды:" in result.stdout
    assert all(command in result.stdout for command in COMMANDS)
    assert not ENGLISH.search(result.stdout), result.stdout


def test_the_value_placeholders_keep_the_columns_aligned():
    lines = runner.invoke(app, ["batch", "--help"], terminal_width=100).stdout.splitlines()
    options = [line for line in lines if line.startswith("  -") and "  " in line.strip()]
    starts = {len(line) - len(line.lstrip()[line.lstrip().index("  "):].lstrip()) for line in options}
    assert len(starts) == 1, options  # every description starts in one column
    assert any("--jobs <число>" in line for line in lines) and any("--out <путь>" in line for line in lines)


def test_the_console_script_says_it_in_russian_too(tmp_path):
    result = subprocess.run([sys.executable, "-m", "nastavnik_docs.cli", "rendr"], capture_output=True, text=True,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 2
    assert "нет команды «rendr»; возможно, имелась в виду «render»" in result.stderr
    assert not ENGLISH.search(result.stderr) and "Traceback" not in result.stderr


@pytest.mark.parametrize(("doc", "line"), [
    ("Проверить данные года: ссылки актов, номера. Ошибки — код выхода 1.", "Проверить данные года"),
    ("Полный комплект документов для образца организации из samples/.", "Полный комплект документов для образца "
                                                                         "организации из samples/"),
    ("Много документов за один запуск (грамоты, программы, согласия).\n\nС номерами…", "Много документов за один "
                                                                                       "запуск"),
    ("Сделать один документ.", "Сделать один документ"), ("Свести т. е. сложить", "Свести т. е. сложить"), (None, None),
])
def test_a_commands_line_in_the_list_is_its_first_phrase(doc, line):
    from nastavnik_docs.cli._russian import short_help

    assert short_help(doc) == line


def test_the_list_of_commands_cuts_no_phrase():
    text = flat(runner.invoke(app, ["--help"], terminal_width=100).stdout)
    assert "..." not in text.split("Команды:")[1]
    assert "demo Полный комплект документов для образца организации из samples/ init" in text
