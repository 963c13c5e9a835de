"""The coverage table, the municipal summary and the analytical report as PDF (LibreOffice):
every page prints, the chart is in, the figures read as in the documents."""

from __future__ import annotations

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
