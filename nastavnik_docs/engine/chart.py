"""Drawing a :class:`~nastavnik_docs.models.Chart` (horizontal bars, one panel per block) as a
PNG picture with matplotlib, so that a template prints ``{{ chart }}`` as a drawing.

The context only carries the data; the picture is made here, when the document is written,
in the organisation's font where matplotlib has it (DejaVu Sans otherwise, which has
Cyrillic). Drawing is deterministic: the same data give the same bytes. A value label that
would touch its category's target mark (a short bar just below or past the target) is
moved to the right of the mark, measured with the renderer's text boxes.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from ..models import Chart, ChartPanel, Image
from ..ru import format_percent

__all__ = ["TARGET_COLOUR", "chart_figure", "chart_image", "draw_chart"]

#: Bar colours of successive series (print well in grey too).
COLOURS = ("#2F5597", "#A9C4EB", "#C55A11", "#7F7F7F")
#: The target mark's colour.
TARGET_COLOUR = "#C00000"
_BAR_HEIGHT_IN = 0.15
#: Least space between a value label and a target mark, in points.
_LABEL_GAP_PT = 2.0
_DPI = 150


def _wrap(label: str, width: int = 24) -> str:
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def _value(v: Decimal | None) -> float:
    return float(v) if v is not None else 0.0


def _label(v: Decimal | None, unit: str) -> str:
    if v is None:
        return "нет данных"
    if unit == "%":
        return format_percent(v)  # as the text of the report prints it: «80 %», «1,9 %»
    text = f"{v}".replace(".", ",")
    return f"{text}\u00a0{unit}" if unit else text


def _panel(ax: object, panel: ChartPanel) -> list[tuple[object, object]]:
    """Draw ``panel`` into ``ax``; the value labels, each with the target mark of its
    category (None where the category has no target)."""
    labels = [_wrap(lbl) for lbl in panel.labels]
    n = len(panel.series)
    height = 0.8 / n
    top = max([_value(v) for s in panel.series for v in s.values] + [_value(t) for t in panel.targets] + [1.0])
    texts: list[tuple[object, int]] = []
    for k, series in enumerate(panel.series):
        ys = [i + (k - (n - 1) / 2) * height for i in range(len(labels))]
        values = [_value(v) for v in series.values]
        bars = ax.barh(ys, values, height=height * 0.92, color=COLOURS[k % len(COLOURS)],  # type: ignore[attr-defined]
                       label=series.name or None)
        for i, (bar, raw) in enumerate(zip(bars, series.values)):
            text = ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2,  # type: ignore[attr-defined]
                           _label(raw, panel.unit), va="center", fontsize=7)
            texts.append((text, i))
    marks: dict[int, object] = {}
    for i, target in enumerate(panel.targets):
        if target is not None:
            (marks[i],) = ax.plot([_value(target)] * 2, [i - 0.45, i + 0.45], color=TARGET_COLOUR,  # type: ignore[attr-defined]
                                  linewidth=1.4, solid_capstyle="butt",
                                  label="целевое значение" if not marks else None)
    ax.set_yticks(range(len(labels)), labels, fontsize=7.5)  # type: ignore[attr-defined]
    ax.invert_yaxis()  # type: ignore[attr-defined]
    ax.set_xlim(0, top * 1.18)  # type: ignore[attr-defined]
    ax.set_title(panel.title, fontsize=9, loc="left")  # type: ignore[attr-defined]
    ax.tick_params(axis="x", labelsize=7)  # type: ignore[attr-defined]
    if not panel.unit:  # counts: whole ticks only
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # type: ignore[attr-defined]
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)  # type: ignore[attr-defined]
    if len(panel.series) > 1 or any(t is not None for t in panel.targets):
        ax.legend(fontsize=7, loc="best", frameon=True, framealpha=0.9)  # type: ignore[attr-defined]
    return [(text, marks.get(i)) for text, i in texts]


def _clear_of_marks(labels: list[tuple[Any, Any]], renderer: Any) -> None:
    """Move each value label that would touch its category's target mark to the mark's
    right, a gap away: on a short bar the label otherwise sits on the mark. Measured in
    the figure as it will be saved (after the layout), so the text's real width counts."""
    gap = renderer.points_to_pixels(_LABEL_GAP_PT)
    for text, mark in labels:
        if mark is None:
            continue
        box = text.get_window_extent(renderer)
        line = mark.get_window_extent(renderer)
        if box.x1 + gap <= line.x0 or box.x0 >= line.x1 + gap:
            continue
        to_data = text.axes.transData.inverted()
        x, _ = to_data.transform((line.x1 + gap, box.y0))
        text.set_x(x)


def _style(font: str | None) -> Any:
    """matplotlib's settings for the chart: the organisation's font where matplotlib has it."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager

    available = {f.name for f in font_manager.fontManager.ttflist}
    family = [name for name in (font, "Liberation Serif", "DejaVu Sans") if name and name in available] or ["sans-serif"]
    return matplotlib.rc_context({"font.family": family, "svg.hashsalt": "nastavnik", "path.simplify": True})


def _figure(chart: Chart) -> Any:
    from matplotlib import pyplot as plt

    rows = [len(p.labels) * max(1, len(p.series)) for p in chart.panels]
    width_in = chart.width_mm / 25.4
    heights = [max(1.1, r * _BAR_HEIGHT_IN + 0.6) for r in rows]
    figure, axes = plt.subplots(len(chart.panels), 1, figsize=(width_in, sum(heights) + 0.4),
                                gridspec_kw={"height_ratios": heights}, squeeze=False, dpi=_DPI)
    labels = [label for ax, panel in zip(axes[:, 0], chart.panels) for label in _panel(ax, panel)]
    if chart.title:
        figure.suptitle(chart.title, fontsize=10)
    figure.tight_layout()
    _clear_of_marks(labels, figure.canvas.get_renderer())  # type: ignore[attr-defined]  # Agg
    return figure


def chart_figure(chart: Chart, font: str | None = None) -> Any:
    """The chart as a matplotlib figure, laid out as it is saved, value labels clear of the
    target marks (close it with ``pyplot.close``)."""
    with _style(font):
        return _figure(chart)


def draw_chart(chart: Chart, font: str | None = None) -> bytes:
    """The chart as PNG bytes."""
    from matplotlib import pyplot as plt

    with _style(font):
        figure = _figure(chart)
        try:
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None}, bbox_inches="tight",
                           pad_inches=0.05)
        finally:
            plt.close(figure)
    return buffer.getvalue()


def chart_image(chart: Chart, font: str | None = None) -> Image:
    """The chart as an :class:`~nastavnik_docs.models.Image` of its width."""
    return Image(data=draw_chart(chart, font), width_mm=chart.width_mm)
