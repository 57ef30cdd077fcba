"""The window's layout: geometry and panels kept between runs, sizes on a first start, and
the transcript kept the widest column when the window is narrowed (the panels get their
width back when it widens again)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

TEXT_SHARE = 0.45  # of a narrowed window's width, the reading view keeps at least this
SIDE_SHARE = 0.22  # of the window's width, each side column takes on a first start...
SIDE_WIDTH = (220, 360)  # ...but no narrower or wider than these (pixels)
# Heights on a first start, as shares of their column: documents short (a study holds a
# few), speakers enough for their rows, and the lists worth reading (the glossary's terms,
# the notes, the search results) the most.
LEFT_SHARES = (0.18, 0.30, 0.52)  # documents, speakers, glossary
RIGHT_SHARES = (0.55, 0.45)  # annotations, search
SLACK = 8  # pixels a side column may drift (rounding, splitters) and still be ours

_LEFT, _RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


class WindowLayout:
    """Saves and restores a main window's geometry and dock state; shares out its width."""

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        self.window, self.settings = window, settings
        self.restored = False
        # Per side, the width a column had before a narrowing took width from it, and the
        # widths it may have now: the one asked for last and, until the layout follows,
        # the one before (a column the reader resized since is theirs: forgotten).
        self.before_narrowing: dict[Qt.DockWidgetArea, int] = {}
        self.narrowed_to: dict[Qt.DockWidgetArea, tuple[int, int]] = {}

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
        """Side columns a share of the window's width (the transcript keeps the most) and
        their panels shares of the height (LEFT_SHARES, RIGHT_SHARES)."""
        documents, speakers, annotations, search, glossary = docks[:5]
        window = self.window
        side = round(min(max(window.width() * SIDE_SHARE, SIDE_WIDTH[0]), SIDE_WIDTH[1]))
        window.resizeDocks([documents, annotations], [side, side], Qt.Orientation.Horizontal)
        for column, shares in (([documents, speakers, glossary], LEFT_SHARES),
                               ([annotations, search], RIGHT_SHARES)):
            height = sum(dock.height() for dock in column)
            window.resizeDocks(column, [round(height * share) for share in shares],
                               Qt.Orientation.Vertical)

    def keep_text_wide(self, docks: Sequence[QDockWidget]) -> None:
        """On every change of the window's width: take width from the side panels when the
        transcript falls under TEXT_SHARE of the window (Qt shrinks the central widget
        first: at 1024 pixels the transcript was the narrowest column), and when the
        window widens again give the panels back the widths they had before, as far as
        the window can hold them."""
        window = self.window
        width = window.width()
        columns = self._columns(docks)
        for area in list(self.before_narrowing):
            if area not in columns or all(abs(columns[area].width() - size) > SLACK
                                          for size in self.narrowed_to[area]):
                self._forget(area)  # closed, moved or resized by hand since
        if not columns:
            return
        # What each side column may have while the transcript keeps its share.
        share = int(width * (1 - TEXT_SHARE) / len(columns))
        narrowing = window.centralWidget().width() < TEXT_SHARE * width
        wanted = {}
        for area, dock in columns.items():
            if narrowing and dock.width() > share:
                self.before_narrowing.setdefault(area, dock.width())
                wanted[area] = share
            elif area in self.before_narrowing:
                wanted[area] = min(self.before_narrowing[area], max(share, dock.width()))
        if not wanted:
            return
        window.resizeDocks([columns[area] for area in wanted], list(wanted.values()),
                           Qt.Orientation.Horizontal)
        for area, size in wanted.items():
            self.narrowed_to[area] = (size, columns[area].width())
            if size >= self.before_narrowing[area]:
                self._forget(area)  # all given back

    def _columns(self, docks: Sequence[QDockWidget]) -> dict[Qt.DockWidgetArea, QDockWidget]:
        """One shown dock of each side column: resizing it resizes its column."""
        window = self.window
        sides = [dock for dock in docks if dock.isVisible() and not dock.isFloating()]
        found = {window.dockWidgetArea(dock): dock for dock in reversed(sides)}
        return {area: found[area] for area in (_LEFT, _RIGHT) if area in found}

    def _forget(self, area: Qt.DockWidgetArea) -> None:
        self.before_narrowing.pop(area, None)
        self.narrowed_to.pop(area, None)
