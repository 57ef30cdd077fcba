"""The window's layout: geometry and panels kept between runs, sizes on a first start, and
the transcript kept the widest column when the window is narrowed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

TEXT_SHARE = 0.45  # of a narrowed window's width, the reading view keeps at least this


class WindowLayout:
    """Saves and restores a main window's geometry and dock state; shares out its width."""

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        self.window, self.settings = window, settings
        self.restored = False

    def restore(self, docks: Sequence[QDockWidget]) -> None:
        """Bring back the geometry and panels (once); first sizes when none were kept."""
        if self.restored:
            return
        self.restored = True
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.window.restoreState(state)
        else:
            # Docks take their sizes once the window is laid out.
            QTimer.singleShot(0, self.window, lambda: self.first_sizes(docks))

    def save(self) -> None:
        self.settings.setValue("window/geometry", self.window.saveGeometry())
        self.settings.setValue("window/state", self.window.saveState())

    def first_sizes(self, docks: Sequence[QDockWidget]) -> None:
        documents, speakers, annotations, search = docks[:4]
        window = self.window
        window.resizeDocks([documents, speakers], [130, 400], Qt.Orientation.Vertical)
        window.resizeDocks([documents, annotations], [360, 340], Qt.Orientation.Horizontal)
        window.resizeDocks([annotations, search], [520, 300], Qt.Orientation.Vertical)

    def keep_text_wide(self, docks: Sequence[QDockWidget]) -> None:
        """Take width from the side panels when the transcript falls under TEXT_SHARE of
        the window (Qt shrinks the central widget first: at 1024 pixels the transcript
        was the narrowest column)."""
        window = self.window
        width = window.width()
        if window.centralWidget().width() >= TEXT_SHARE * width:
            return
        # One dock of each side column: resizing it resizes its column.
        sides = [dock for dock in docks if dock.isVisible() and not dock.isFloating()]
        columns = {window.dockWidgetArea(dock): dock for dock in reversed(sides)}
        chosen = [columns[area] for area in (Qt.DockWidgetArea.LeftDockWidgetArea,
                                             Qt.DockWidgetArea.RightDockWidgetArea)
                  if area in columns]
        if chosen:
            share = int(width * (1 - TEXT_SHARE) / len(chosen))
            window.resizeDocks(chosen, [min(dock.width(), share) for dock in chosen],
                               Qt.Orientation.Horizontal)
