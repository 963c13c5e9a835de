"""The command line of roadmaps: «что по плану в месяце» from a YAML or a Word roadmap
(``nastavnik-docs due``), and ``import-roadmap`` writing what it cannot place as comments."""

from __future__ import annotations

import warnings

import yaml
from _real_roadmaps import REAL
from _roadmap_samples import SAMPLES
from typer.testing import CliRunner

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs.cli import app
from nastavnik_docs.io import load_yaml
from nastavnik_docs.models import Roadmap

runner = CliRunner()


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def test_due_from_yaml() -> None:
    result = runner.invoke(app, ["due", str(sample_path(SAMPLES["spb"])), "--month", "2024-10"])
    assert result.exit_code == 0, result.output
    out = _flat(result.stdout)
    assert "По плану на 10.2024: 5" in out
    for deadline in ("Октябрь – ноябрь 2024", "Сентябрь - октябрь 2024", "Сентябрь – декабрь 2024"):
        assert all(word in out for word in deadline.split())
    result = runner.invoke(app, ["due", str(sample_path(SAMPLES["spb"])), "-m", "08.2024"])
    assert "По плану на 08.2024: 0 — мероприятий нет." in _flat(result.stdout)
    assert "Мероприятие" not in result.stdout  # no table of headings alone
    assert "вне периода плана (09.2024 – 08.2025)" in _flat(result.stderr)


def test_due_from_word(tmp_path) -> None:
    path = tmp_path / "chelyabinsk.docx"
    REAL["chelyabinsk"](path)
    result = runner.invoke(app, ["due", str(path), "-m", "2023-12"])
    assert result.exit_code == 0, result.output
    out = _flat(result.stdout)
    assert "По плану на 12.2023: 1" in out and "Мониторинг внедрения" in out and "(декабрь, май)" in out


def test_due_reports_what_it_cannot_place(tmp_path) -> None:
    data = {"title": "План", "period": {"year": 2025, "school_year": True},
            "columns": [{"role": "title"}, {"role": "deadline"}],
            "stages": [{"title": "Этап", "rows": [{"title": "Встреча", "deadline": "ежемесячно"},
                                                  {"title": "Отчёт", "deadline": "когда получится"}]}]}
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["due", str(path), "-m", "2025-11"])
    assert result.exit_code == 0
    assert "Встреча" in result.stdout and "Отчёт" not in result.stdout
    assert "Сроков не распознано: 1" in _flat(result.stderr) and "«когда получится»" in result.stderr


def test_due_rejects_a_month_it_cannot_read() -> None:
    result = runner.invoke(app, ["due", str(sample_path(SAMPLES["spb"])), "-m", "октябрь"])
    assert result.exit_code == 2 and "месяц «октябрь» не понят" in result.stderr


def test_import_roadmap_writes_comments_and_lists_them(tmp_path) -> None:
    path = tmp_path / "yuva.docx"
    REAL["yuva"](path)
    out = tmp_path / "yuva.yaml"
    result = runner.invoke(app, ["import-roadmap", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Не удалось разместить: Текст перед заголовком: «Составители" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "# НЕ РАЗМЕЩЕНО ПРИ ИМПОРТЕ: Текст перед заголовком: «Составители" in text
    roadmap = Roadmap.model_validate(load_yaml(out))
    assert roadmap.cover_title == "Программа наставничества на 2021-2022 учебный год"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nd.render("roadmap", out, tmp_path / "again.docx")
