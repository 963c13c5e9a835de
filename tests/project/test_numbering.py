"""Registration numbers over a year issued in several runs: a number is taken when the
document is issued and never changes; a document citing another is issued after it with its
number; a document already written that cites a number the act no longer has is reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from project_helpers import copy_sample, document, docx_text, edit_project

from nastavnik_docs.errors import NastavnikError
from nastavnik_docs.project import Project
from nastavnik_docs.project._journal import JOURNAL_FILE


def _orders(folder: Path) -> dict[str, str]:
    return {e.key: e.number for e in Project.open(folder).journal.entries if e.series == "о/д"}


def test_an_order_blocked_then_issued_later_takes_the_next_number_and_no_issued_number_moves(tmp_path):
    folder = copy_sample(tmp_path / "дело")
    out = tmp_path / "выпуск"
    saved = {}

    def block(d):  # the curator order has an unreadable date; the agreements have no date yet
        saved["since"] = document(d, "curator_order")["since"]
        document(d, "curator_order")["since"] = "с сентября"
        document(d, "agreements").pop("date")
    edit_project(folder, block)
    first = Project.open(folder).issue_all(out)
    blocked = {d.key: d.state for d in first.blocked}
    assert {"curator_order", "agreements", "assign_pairs"} <= set(blocked)
    assert "agreements" in blocked["assign_pairs"]  # it prints the agreements' numbers: it waits for them
    before = _orders(folder)
    assert "curator_order" not in before and "assign_pairs" not in before
    last = max(int(n.split("-")[0]) for n in before.values())

    def unblock(d):
        document(d, "curator_order")["since"] = saved["since"]
        document(d, "agreements")["date"] = dt.date(2026, 9, 25)
    edit_project(folder, unblock)
    second = Project.open(folder).issue_all(out)
    after = _orders(folder)
    assert {k: after[k] for k in before} == before  # no number given in the first run moved
    # the late ones take the next free numbers in the order they are issued now (by date)
    assert (after["curator_order"], after["assign_pairs"]) == (f"{last + 1}-о/д", f"{last + 2}-о/д")
    states = {d.key: d.state for d in second.documents}
    assert all(states[k] == "без изменений" for k in before)
    assign = docx_text(next(d for d in second.documents if d.key == "assign_pairs").files[0])
    assert "от 25.09.2026 №\u00a027" in assign and "от 25.09.2026 №\u00a028" in assign and "___" not in assign


def test_issuing_an_order_before_the_agreements_it_prints_is_refused(tmp_path):
    folder = copy_sample(tmp_path / "дело")
    saved = {}
    edit_project(folder, lambda d: saved.setdefault("date", document(d, "agreements").pop("date")))
    Project.open(folder).issue_all(tmp_path / "выпуск")  # everything the order cites but the agreements
    edit_project(folder, lambda d: document(d, "agreements").__setitem__("date", saved["date"]))
    with pytest.raises(NastavnikError, match="«agreements».*не выпущен"):
        Project.open(folder).issue("assign_pairs", tmp_path / "выпуск")
    assert Project.open(folder).journal.get("assign_pairs") is None


def test_a_document_citing_a_number_its_act_no_longer_has_is_reported(tmp_path):
    folder = copy_sample(tmp_path / "дело")
    out = tmp_path / "выпуск"
    Project.open(folder).issue_all(out)
    assert not [f for f in Project.open(folder).check() if f.code == "act.cites_changed_number"]
    # the regulation order is struck out of the journal by hand: the next run numbers it again
    path = folder / JOURNAL_FILE
    journal = yaml.safe_load(path.read_text(encoding="utf-8"))
    journal["entries"] = [e for e in journal["entries"] if e["key"] != "regulation_order"]
    path.write_text(yaml.safe_dump(journal, allow_unicode=True, sort_keys=False), encoding="utf-8")
    project = Project.open(folder)
    renumbered = next(i for i in project.plan() if i.key == "regulation_order").number
    assert renumbered != "108-о/д"
    found = [f for f in project.check() if f.code == "act.cites_changed_number"]
    assert found and not any(f.is_error for f in found)
    citing = {k for f in found for k in f.documents}
    assert {"regulation_text", "roadmap_2026", "appoint_mentors"} <= citing
    text = " ".join(f.message for f in found)
    assert "№ 108-о/д" in text and f"№ {renumbered}" in text
    # the run reissues them with the new number, and the set agrees again
    report = Project.open(folder).issue_all(out)
    states = {d.key: d.state for d in report.documents}
    assert states["appoint_mentors"] == "переиздан (номер сохранён)"
    assert not [f for f in Project.open(folder).check() if f.code == "act.cites_changed_number"]
