"""Saving what the Analysis view shows: charts as PNG or SVG, tables as CSV or Markdown.
Also draws the share chart for `yandu stats --chart`, offscreen."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget

from desktop.core.analysis import tables
from desktop.core.analysis.stats import Stats

CHART_SIZE = QSize(900, 560)  # pixels of a chart saved without a window


def save_widget(widget: QWidget, path: Path) -> None:
    """Write a chart view (or any widget) as PNG, or as SVG when `path` ends in .svg."""
    path = Path(path)
    if path.suffix.lower() == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        size = widget.size()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(widget.window().windowTitle() or "Yandu")
        painter = QPainter(generator)
        widget.render(painter)
        painter.end()
    elif not widget.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")


def save_table(header, rows, path: Path) -> None:
    """Write a table as CSV, or as Markdown when `path` ends in .md."""
    path = Path(path)
    text = (tables.to_markdown(header, rows) if path.suffix.lower() in (".md", ".markdown")
            else tables.to_csv(header, rows))
    path.write_text(text, encoding="utf-8", newline="")


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["yandu"])
    return app  # type: ignore[return-value]


def save_share_chart(result: Stats, path: Path) -> None:
    """Draw the speakers' shares of `result` and write them to `path` (.png or .svg)."""
    _application()
    from desktop.ui.analysis import charts

    speakers = [s for s in result.speakers if not s.is_narration]
    title = QCoreApplication.translate("AnalysisCharts", "Share of the talk")
    if len(result.titles) == 1:
        title = f"{title} · {result.titles[0]}"
    chart = charts.share_chart([s.name for s in speakers], [s.share for s in speakers],
                               [s.colour for s in speakers], title)
    view = charts.chart_view(chart)
    view.resize(CHART_SIZE.width(), max(300, 120 + 48 * len(speakers)))
    view.show()
    QApplication.processEvents()
    save_widget(view, path)
    view.close()
    view.deleteLater()
