"""The hostile suite's bookkeeping: every input tried is tallied by category
(``hostile_harness.TALLY``), and the tables of docs/background/hostile.md are made from
the tally.

A test marked ``@pytest.mark.hostile("<category>")`` records each input with
``tally.add(category, outcome)`` («отклонён», «обезврежен», «напечатан как текст» …); a
failing test counts as a failure of its category. With ``NASTAVNIK_HOSTILE_TABLE=1`` a
run of the suite rewrites the tables between the markers of the page
(``python -m tools.hostile_table`` does exactly that). Hypothesis runs derandomized here
(profile «hostile»), so the same code tries the same inputs and the table is reproducible.
"""

from __future__ import annotations

import os

import pytest
from hostile_harness import BEGIN, BOMBS_BEGIN, BOMBS_END, CATEGORIES, END, PAGE, TALLY, Tally
from hypothesis import HealthCheck, settings

settings.register_profile(
    "hostile", derandomize=True, deadline=None, database=None, print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                           HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


@pytest.fixture
def tally() -> Tally:
    return TALLY


def category_of(item: pytest.Item) -> str | None:
    mark = item.get_closest_marker("hostile")
    return mark.args[0] if mark else None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "hostile(category): the category of the hostile suite a test belongs to")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.failed and report.when == "call":
        category = report.user_properties and dict(report.user_properties).get("hostile")
        if category:
            TALLY.failures[str(category)] += 1


def pytest_runtest_setup(item: pytest.Item) -> None:
    category = category_of(item)
    if category is not None:
        item.user_properties.append(("hostile", category))


def _table() -> str:
    lines = ["| Категория | Входов | Исходы | Провалов |", "|---|---:|---|---:|"]
    for key, title in CATEGORIES.items():
        outcomes = ", ".join(f"{name} — {n}" for name, n in sorted(TALLY.outcomes[key].items(), key=lambda x: -x[1]))
        lines.append(f"| {title} | {TALLY.inputs[key]} | {outcomes or '—'} | {TALLY.failures[key]} |")
    return "\n".join(lines)


def _bombs_table() -> str:
    lines = ["| Бомба | Файл | Внутри | Исход | Время, с | Пик памяти, МБ |", "|---|---:|---:|---|---:|---:|"]
    for bomb in sorted(TALLY.bombs, key=lambda b: str(b["name"])):
        name = str(bomb["name"]).replace("|", "\\|").replace("*", "\\*")  # not a column, not bold
        lines.append(f"| {name} | {bomb['file']} | {bomb['inside']} | {bomb['outcome']} | "
                     f"{float(bomb['seconds']):.2f} | {float(bomb['peak_mb']):.0f} |")  # type: ignore[arg-type]
    return "\n".join(lines)


def _replace(text: str, begin: str, end: str, table: str) -> str:
    head, _, rest = text.partition(begin)
    _, _, tail = rest.partition(end)
    return f"{head}{begin}\n{table}\n{end}{tail}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("NASTAVNIK_HOSTILE_TABLE") != "1" or not TALLY.inputs:
        return
    text = PAGE.read_text(encoding="utf-8")
    text = _replace(text, BEGIN, END, _table())
    text = _replace(text, BOMBS_BEGIN, BOMBS_END, _bombs_table())
    PAGE.write_text(text, encoding="utf-8")
    print(f"\n{_table()}\n\n{_bombs_table()}")

