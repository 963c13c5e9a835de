"""The form's control relations and the check of a table against its form."""

from __future__ import annotations

from decimal import Decimal

import pytest
from stats_registry import TOTALS, YEAR

from nastavnik_docs.models import TableLine
from nastavnik_docs.stats import COVERAGE_FORM, Relation, check_table, coverage


@pytest.fixture(scope="module")
def table(registry):
    return coverage(registry, YEAR, TOTALS).table("Школа", "1234567890")


def changed(table, code, graph, value):
    line = table.lines[code]
    lines = {**table.lines, code: TableLine(code=code, title=line.title, graphs={**line.graphs, graph: Decimal(value)})}
    return table.model_copy(update={"lines": lines})


def test_relations_are_parsed_and_described():
    relation = Relation.parse("X", "30:4 = 14")
    assert relation.describe() == "стр. 30 (графа 4) = стр. 14"
    assert Relation.parse("Y", "30 = 31..39").describe() == "стр. 30 = сумма стр. 31–39"
    assert {r.id for r in COVERAGE_FORM.relations} == {f"КС-{i}" for i in range(1, 26)}


def test_a_computed_table_passes(table):
    assert check_table(table) == []


@pytest.mark.parametrize(("code", "graph", "value", "relations"), [
    ("02", 3, 9, {"КС-1", "КС-12", "КС-27"}),   # participants by category no longer add up
    ("09", 3, 5, {"КС-3", "КС-27"}),            # more 10–19-year-olds than pupils among mentees
    ("23", 3, 3, {"КС-16"}),                    # statuses do not add up to the pairs
    ("31", 3, 5, {"КС-19"}),                    # pair types do not add up to line 30
    ("40", 5, 10, {"КС-25"}),                   # mentees by format differ from line 07
    ("12", 4, 1, {"КС-26", "КС-27"}),           # two young specialists of one declared
])
def test_a_broken_figure_fails_its_named_relation(table, code, graph, value, relations):
    failures = check_table(changed(table, code, graph, value))
    assert {f.relation for f in failures} == relations
    assert all(f.message and f.rule for f in failures)


def test_messages_give_both_sides(table):
    (failure,) = [f for f in check_table(changed(table, "23", 3, 3)) if f.relation == "КС-16"]
    assert str(failure) == "КС-16 (стр. 21 = стр. 23 + 24 + 25): стр. 21 (8) не равна стр. 23 + 24 + 25 (10)"


def test_form_lines_and_values_are_checked_first(table):
    other = table.model_copy(update={"version": "1"})
    assert [f.relation for f in check_table(other)] == ["ФОРМА"]
    missing = table.model_copy(update={"lines": {k: v for k, v in table.lines.items() if k != "07"}})
    (failure,) = check_table(missing)
    assert failure.relation == "СТРОКИ" and "07" in failure.message
    assert [f.relation for f in check_table(changed(table, "05", 3, "1.5"))] == ["ЗНАЧЕНИЯ"]
