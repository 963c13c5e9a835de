"""The coverage table, the municipal summary and the analytical report as PDF (LibreOffice):
every page prints, the chart is in, the figures read as in the documents."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                                 reason="LibreOffice and poppler-utils are not installed")]


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_images(path) -> int:
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    return sum(1 for line in listing.splitlines()[2:] if line.split()[2] == "image")  # not the alpha masks


def test_the_three_statistical_documents_print(tmp_path):
    table = nd.render("report.coverage", sample_path("reports/coverage.yaml"), tmp_path / "охват.xlsx", pdf=True)
    report = nd.render("report.analytical", sample_path("reports/analytical.yaml"), tmp_path / "справка.docx",
                       pdf=True)
    summary = nd.render("report.municipal", sample_path("reports/municipal.yaml"), tmp_path / "свод.xlsx", pdf=True)
    table_text, report_text, summary_text = (pdf_text(paths[1]) for paths in (table, report, summary))
    assert "Раздел 3. Пары и группы по типу" in table_text and "КС-27" in table_text
    assert "АНАЛИТИЧЕСКАЯ СПРАВКА" in report_text and "Рекомендации" in report_text
    assert "20,8 %" in report_text.replace("\u00a0", " ")
    assert pdf_images(report[1]) == 1  # the chart
    assert "Итого" in summary_text and "КС-1" in summary_text  # the totals and the file not accepted, why


def _pdf_lines(path) -> list[tuple[int, float, str]]:
    """(page, top, text) of every printed line, top to bottom, as poppler lays the page out."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = []
    for page, body in enumerate(html.split("<page ")[1:], start=1):
        for top, words in re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>(.*?)</line>', body, re.S):
            lines.append((page, float(top), " ".join(re.findall(r">([^<]*)</word>", words))))
    return sorted(lines)


def test_the_printed_notes_have_no_empty_line_and_none_cut(tmp_path):
    """The coverage table as LibreOffice prints it: between the first lines of two notes
    stand exactly the lines of the first note (no blank line where a one-line note had a
    double row, no line lost to a row too low), and the period reads as a span."""
    table = nd.render("report.coverage", sample_path("reports/coverage.yaml"), tmp_path / "охват.xlsx", pdf=True)
    assert re.search(r"Отчётный период +01\.09\.2026 – 31\.08\.2027\n", pdf_text(table[1]))
    lines = _pdf_lines(table[1])
    start = next(i for i, (_, _, text) in enumerate(lines) if text.startswith("Примечания"))
    end = next(i for i, (_, _, text) in enumerate(lines) if text.startswith("Контрольные соотношения"))
    relations = [top for _, top, text in lines if text.startswith("КС-")]
    pitch = sorted(b - a for a, b in zip(relations, relations[1:]) if b > a)[len(relations) // 3]  # one line
    block = lines[start + 1:end]
    firsts = [i for i, (_, _, text) in enumerate(block) if text.startswith(("Стр.", "Раздел"))]
    assert len(firsts) >= 12 and len(block) > len(firsts)  # some notes take two lines
    for a, b in zip(firsts, firsts[1:]):
        (page_a, top_a, text), (page_b, top_b, _) = block[a], block[b]
        if page_a != page_b:
            continue
        count = b - a  # the lines of the note at a
        gap = (top_b - top_a) / pitch
        assert count - 0.1 <= gap <= count + 0.75, (text, count, round(gap, 2))
