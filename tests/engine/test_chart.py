"""The chart: drawn from data by the engine, deterministic, placed where a template prints it."""

from __future__ import annotations

from decimal import Decimal

from nastavnik_docs.engine.chart import chart_image, draw_chart
from nastavnik_docs.models import Chart, ChartPanel, ChartSeries, Image

CHART = Chart(panels=[
    ChartPanel(title="Охват, %", labels=["обучающиеся", "педагогические работники"],
               series=[ChartSeries(name="2026/2027", values=[Decimal("1.9"), Decimal("20.8")]),
                       ChartSeries(name="2025/2026", values=[Decimal("0.7"), None])],
               targets=[Decimal(10), Decimal(15)]),
    ChartPanel(title="Пары по типу, ед.", labels=["учитель – учитель"], unit="",
               series=[ChartSeries(values=[Decimal(3)])]),
])


def test_a_chart_is_a_png_of_its_width_and_the_same_every_time():
    png = draw_chart(CHART)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    assert draw_chart(CHART) == png
    image = chart_image(CHART)
    assert isinstance(image, Image) and image.width_mm == CHART.width_mm and image.data == png


def test_a_template_prints_a_chart_as_a_drawing(tmp_path):
    from docx import Document

    from nastavnik_docs.engine.docx import render_docx

    doc = Document()
    doc.add_paragraph("{{ chart }}")
    template = tmp_path / "t.docx"
    doc.save(template)
    out = render_docx(template, {"chart": CHART}, tmp_path / "out.docx")
    rendered = Document(out)
    assert len(rendered.inline_shapes) == 1
    assert round(rendered.inline_shapes[0].width.mm) == round(CHART.width_mm)
