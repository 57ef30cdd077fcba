"""Charts of the Analysis view, drawn with Qt Charts.

Chosen by measurement (2 cores, offscreen, QtWidgets already loaded): Qt Charts imports
in 31–35 ms (+6 MB), draws Chinese labels through Qt's own font fallback, follows the
palette, and renders to PNG (`grab`) and SVG (`QSvgGenerator`) through QPainter. Qt
Graphs (with QtQuickWidgets, 93–118 ms, +26 MB) draws through QML and the RHI: 0.6 s to
a first frame offscreen and no QPainter path, so no SVG. pyqtgraph took 1.1–1.7 s to
import and its SVG exporter failed on a bar chart; matplotlib 1.3–2.3 s (+80 MB) and
boxes for Chinese until a CJK font is named. Both would be new dependencies.

Every chart follows the application palette (light or dark) and uses the speakers'
colours where a series is a speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication

# Colours for series without a colour of their own (narration, other documents).
FALLBACK = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
            "#ff9da7", "#9c755f", "#bab0ac")
MAX_LABEL = 16  # characters of a category label before it is cut with "…"
ROW_HEIGHT = 26  # pixels a bar or a dispersion row needs for its label not to be elided
FRAME_HEIGHT = 110  # pixels of title, value axis and margins


def height_for(rows: int, *, legend: bool = False) -> int:
    """The least height at which a chart of `rows` rows shows every label (Qt Charts
    elides a label taller than its row)."""
    return FRAME_HEIGHT + ROW_HEIGHT * max(rows, 1) + (30 if legend else 0)


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the palette is a dark one (light text on a dark window)."""
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colour(value: str, index: int) -> QColor:
    """A speaker's colour, or a fallback one by position."""
    found = QColor(value) if value else QColor()
    return found if found.isValid() else QColor(FALLBACK[index % len(FALLBACK)])


def short(label: str, limit: int = MAX_LABEL) -> str:
    label = " ".join(label.split())
    return label if len(label) <= limit else label[:limit - 1] + "…"


def new_chart(title: str) -> QChart:
    """An empty chart in the palette's colours, without animation."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if is_dark()
                   else QChart.ChartTheme.ChartThemeLight)
    palette = QApplication.palette()
    chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
    chart.setTitleBrush(palette.color(QPalette.ColorRole.Text))
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setLabelColor(palette.color(QPalette.ColorRole.Text))
    return chart


def _style_axis(axis) -> None:
    palette = QApplication.palette()
    axis.setLabelsColor(palette.color(QPalette.ColorRole.Text))
    axis.setTitleBrush(palette.color(QPalette.ColorRole.Text))
    grid = palette.color(QPalette.ColorRole.Mid)
    axis.setGridLineColor(grid)
    axis.setLinePenColor(grid)


def _axes(chart: QChart, series, categories: Sequence[str], value_title: str,
          maximum: float | None = None) -> None:
    names = QBarCategoryAxis()
    names.append([short(c) for c in categories])
    values = QValueAxis()
    values.setTitleText(value_title)
    values.setLabelFormat("%.0f")
    if maximum is None:
        # The longest bar (stacked: the sum of a row); an empty chart still gets an axis,
        # which Qt would otherwise give a range of NaN.
        sets = series.barSets()
        rows = max((bar_set.count() for bar_set in sets), default=0)
        maximum = max((sum(bar_set.at(i) for bar_set in sets if i < bar_set.count())
                       for i in range(rows)), default=0) or 1.0
    values.setRange(0, maximum)
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(values)
    values.applyNiceNumbers()
    for axis in (names, values):
        _style_axis(axis)


def share_chart(names: Sequence[str], shares: Sequence[float], colours: Sequence[str],
                title: str) -> QChart:
    """Horizontal bars: each speaker's share of the talk, in per cent (first on top)."""
    chart = new_chart(title)
    series = QHorizontalStackedBarSeries()
    # One set per speaker, each in its own colour, zero elsewhere: stacked, a bar per row.
    count = len(names)
    for i, (name, share, hue) in enumerate(zip(names, shares, colours, strict=True)):
        bar = QBarSet(name)
        values = [0.0] * count
        values[count - 1 - i] = round(share * 100, 1)
        bar.append(values)
        fill = colour(hue, i)
        bar.setColor(fill)
        bar.setLabelColor(QColor("#000000") if fill.lightness() > 150 else QColor("#ffffff"))
        series.append(bar)
    series.setBarWidth(0.7)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    series.setLabelsPosition(QHorizontalStackedBarSeries.LabelsPosition.LabelsInsideBase)
    chart.addSeries(series)
    _axes(chart, series, list(reversed(names)),
          QCoreApplication.translate("AnalysisCharts", "Share of the talk (%)"),
          maximum=min(100.0, max([s * 100 for s in shares], default=0) * 1.2 + 5))
    chart.legend().setVisible(False)
    return chart


def sections_chart(sections: Sequence[str], speakers: Sequence[tuple[str, str, Sequence[int]]],
                   title: str) -> QChart:
    """Stacked horizontal bars: characters per section, one colour per speaker
    (`speakers` as (name, colour, characters per section))."""
    chart = new_chart(title)
    series = QHorizontalStackedBarSeries()
    for i, (name, hue, counts) in enumerate(speakers):
        bar = QBarSet(name)
        bar.append([float(c) for c in reversed(counts)])
        bar.setColor(colour(hue, i))
        series.append(bar)
    chart.addSeries(series)
    labels = [f"{i}. {short(s, 10)}" if s else
              QCoreApplication.translate("AnalysisCharts", "Opening")
              for i, s in enumerate(sections, start=0 if sections and not sections[0] else 1)]
    _axes(chart, series, list(reversed(labels)),
          QCoreApplication.translate("AnalysisCharts", "Characters"))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def dispersion_chart(rows: Sequence[tuple[str, str, Sequence[float]]], title: str) -> QChart:
    """One row per term (or speaker): a mark where each occurrence falls, as a share of
    the document from 0 to 100 % (`rows` as (label, colour, positions 0..1))."""
    chart = new_chart(title)
    count = len(rows)
    y_axis = QCategoryAxis()
    y_axis.setRange(-0.5, max(count, 1) - 0.5)
    y_axis.setStartValue(-0.5)
    for i, (label, _hue, positions) in enumerate(reversed(rows)):
        y_axis.append(f"{short(label)} ({len(positions)})", i + 0.5)
    x_axis = QValueAxis()
    x_axis.setRange(0, 100)
    x_axis.setLabelFormat("%d%%")
    x_axis.setTitleText(QCoreApplication.translate("AnalysisCharts", "Place in the document"))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for i, (label, hue, positions) in enumerate(rows):
        series = QScatterSeries()
        series.setName(short(label))
        series.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
        series.setMarkerSize(7)
        series.setColor(colour(hue, i))
        series.setBorderColor(colour(hue, i))
        y = count - 1 - i
        series.append([_point(p * 100, y) for p in positions])
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    for axis in (x_axis, y_axis):
        _style_axis(axis)
    chart.legend().setVisible(False)
    return chart


def _point(x: float, y: float):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def chart_view(chart: QChart) -> QChartView:
    """A view of the chart, antialiased, that takes the keyboard focus (for its menu)."""
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    view.setMinimumHeight(160)
    return view


def axis_labels(chart: QChart) -> list[str]:
    """The category labels of a chart's axes (what a reader sees beside the bars)."""
    labels: list[str] = []
    for axis in chart.axes():
        if isinstance(axis, QCategoryAxis):
            labels += axis.categoriesLabels()
        elif isinstance(axis, QBarCategoryAxis):
            labels += axis.categories()
    return labels
