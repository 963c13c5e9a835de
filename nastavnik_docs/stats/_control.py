"""Checking a coverage table against its form: the form and version, every line present
with whole non-negative figures, the named control relations, and the shares.

The same check serves a table just computed (a failure there is a bug, or a head count
smaller than the people counted) and a table read from an organisation's file for the
municipal summary (a failure there rejects the file, with the relation named).
"""

from __future__ import annotations

from decimal import Decimal

from ..models import CoverageTable
from ._form import COVERAGE_FORM, ControlFailure, FormSpec, share

__all__ = ["check_table", "share_failures"]

#: Ids of the checks that are not relations between lines.
FORM_CHECK = "ФОРМА"
LINES_CHECK = "СТРОКИ"
VALUES_CHECK = "ЗНАЧЕНИЯ"
#: The graphs of each section that hold whole counts.
_COUNT_GRAPHS = {"people": (3, 4), "pairs": (3, 4), "pair_types": (3, 4, 5), "formats": (3, 4, 5)}


def check_table(table: CoverageTable, spec: FormSpec = COVERAGE_FORM) -> list[ControlFailure]:
    """Every way ``table`` fails its form, in the order a specialist checks a form: the form
    itself, the lines, the figures, the relations between lines, the shares."""
    if (table.form, table.version) != (spec.form, spec.version):
        found = f"«{table.form} (версия {table.version})»" if table.form else "не указана"
        return [ControlFailure(FORM_CHECK, f"форма {spec.form}, версия {spec.version}",
                               f"форма таблицы {found}: постройте таблицу заново по форме "
                               f"{spec.form} версии {spec.version}")]
    missing = [code for code in spec.codes() if table.value(code) is None]
    if missing:
        return [ControlFailure(LINES_CHECK, "все строки формы заполнены",
                               "нет строк (или пуста графа 3): " + ", ".join(missing))]
    failures = _values(table, spec)
    if failures:
        return failures
    failures = [f for f in (relation.check(table) for relation in spec.relations) if f is not None]
    return failures + share_failures(table, spec)


def _values(table: CoverageTable, spec: FormSpec) -> list[ControlFailure]:
    bad = []
    for section in spec.sections:
        codes = [code for code, _ in spec.dimension_lines(section)] if section.dimension else \
            [line.code for line in section.lines]
        for code in codes:
            for graph in _COUNT_GRAPHS[section.id]:
                value = table.value(code, graph)
                if value is not None and (value < 0 or value != value.to_integral_value()):
                    bad.append(f"стр. {code}, графа {graph}: {value}")
    if not bad:
        return []
    return [ControlFailure(VALUES_CHECK, "численность — целое неотрицательное число",
                           "не целые или отрицательные значения: " + "; ".join(bad))]


def share_failures(table: CoverageTable, spec: FormSpec = COVERAGE_FORM) -> list[ControlFailure]:
    """The lines whose count exceeds its denominator, and shares that do not follow from
    graphs 3 and 4 (to 0.1)."""
    (over_id, over_rule, _), (share_id, share_rule, _) = spec.share_rules
    failures = []
    for line in spec.share_lines():
        count, total, printed = (table.value(line.code, g) for g in (3, 4, 5))
        if count is None or total is None:
            continue
        if count > total:
            failures.append(ControlFailure(over_id, over_rule, f"стр. {line.code}: {int(count)} больше, чем в графе 4 "
                                                              f"({int(total)})"))
        expected = share(count, total)
        if printed is not None and expected is not None and abs(printed - expected) > Decimal("0.05"):
            failures.append(ControlFailure(share_id, share_rule, f"стр. {line.code}: доля {_comma(printed)}, а по "
                                                                 f"графам 3 и 4 — {_comma(expected)}"))
    return failures


def _comma(value: Decimal) -> str:
    return f"{value:f}".replace(".", ",")
