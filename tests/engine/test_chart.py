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


def _boxes_apart(a, b, gap: float) -> bool:
    """Two display boxes are clear of each other: apart across, by ``gap`` pixels, or apart
    up and down."""
    return a.x1 + gap <= b.x0 or b.x1 + gap <= a.x0 or a.y1 <= b.y0 or b.y1 <= a.y0


def test_value_labels_never_touch_a_target_mark():
    """Short bars under and just past their targets, zero, a value equal to the target, a
    previous-year series: each label's text box, as the renderer measures it, stays clear of
    every target mark and of the bar it labels."""
    from matplotlib import pyplot as plt

    from nastavnik_docs.engine.chart import TARGET_COLOUR, chart_figure

    values = ["1.9", "1.1", "4.6", "0", "80", "5", "12.5"]
    targets = ["5", "1", "5", "1", "100", "5", "10"]
    chart = Chart(panels=[ChartPanel(
        title="Охват, %", labels=[f"категория {i}" for i in range(len(values))],
        series=[ChartSeries(name="2026/2027", values=[Decimal(v) for v in values]),
                ChartSeries(name="2025/2026", values=[Decimal(v) / 2 for v in values])],
        targets=[Decimal(t) for t in targets])])
    figure = chart_figure(chart)
    try:
        renderer = figure.canvas.get_renderer()
        (ax,) = figure.axes
        gap = renderer.points_to_pixels(1.5)
        marks = [line.get_window_extent(renderer) for line in ax.get_lines() if line.get_color() == TARGET_COLOUR]
        labels = [t for t in ax.texts if t.get_text().endswith("%")]
        bars = [p.get_window_extent(renderer) for p in ax.patches]
        assert len(marks) == len(values) and len(labels) == len(bars) == 2 * len(values)
        moved = 0
        for text in labels:
            box = text.get_window_extent(renderer)
            assert all(_boxes_apart(box, mark, gap) for mark in marks), text.get_text()
            (bar,) = [b for b in bars if b.y0 < (box.y0 + box.y1) / 2 < b.y1]
            assert box.x0 >= bar.x1  # right of its own bar
            moved += box.x0 > bar.x1 + renderer.points_to_pixels(8)
        assert moved >= 3  # 1,9 % and 4,6 % under 5 %, 1,1 % just past 1 %: put beyond the mark
    finally:
        plt.close(figure)
