"""docs/background/hostile.md says what the code does: every limit with its variable and
default, and the suite's table with every category and no failure."""

from __future__ import annotations

import dataclasses
import re

from hostile_harness import BEGIN, CATEGORIES, END, PAGE

from nastavnik_docs._limits import ENV_PREFIX, Limits, human

TEXT = PAGE.read_text(encoding="utf-8")


def test_every_limit_is_documented_with_its_variable_and_default():
    rows = dict(re.findall(r"^\| `(NASTAVNIK_DOCS_LIMIT_\w+)` \| ([^|]+) \|", TEXT, re.M))
    defaults = Limits()
    expected = {ENV_PREFIX + f.name.upper(): human(f.name, getattr(defaults, f.name))
                for f in dataclasses.fields(Limits)}
    shown = {name: value.strip().replace(" ", "\u00a0") for name, value in rows.items()}
    assert shown == {name: value.replace(" ", "\u00a0").replace("\u00a0с", "") for name, value in expected.items()}


def test_the_table_of_the_suite_has_every_category_and_no_failure():
    table = TEXT.split(BEGIN)[1].split(END)[0]
    rows = [line.split("|")[1:-1] for line in table.strip().splitlines()[2:]]
    assert [r[0].strip() for r in rows] == list(CATEGORIES.values())
    assert all(int(r[1]) > 0 for r in rows), "a category without inputs: rerun python -m tools.hostile_table"
    assert all(r[3].strip() == "0" for r in rows)
