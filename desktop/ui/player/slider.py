"""The position slider, with a tick where each turn starts in its speaker's colour."""

from __future__ import annotations

from PySide6.QtCore import QLine, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget


class TurnSlider(QSlider):
    """A horizontal slider over the recording (ms) that paints the turns' starts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("player_position")
        self.setRange(0, 0)
        self.setPageStep(5000)
        self.setSingleStep(1000)
        self.marks: list[tuple[int, QColor]] = []
        self._ticks: tuple[tuple, QPixmap] | None = None

    def set_marks(self, marks: list[tuple[int, QColor]]) -> None:
        """(start ms, colour) per timed turn."""
        self.marks = marks
        self._ticks = None
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self.marks or self.maximum() <= 0:
            return
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._tick_pixmap())
        painter.end()

    def _tick_pixmap(self) -> QPixmap:
        """The ticks, drawn once for the slider's size and range (a repaint after every
        seek draws only this picture: thousands of turns cost nothing then)."""
        key = (self.width(), self.height(), self.maximum(), self.devicePixelRatioF())
        if self._ticks is not None and self._ticks[0] == key:
            return self._ticks[1]
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderGroove, self)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderHandle, self)
        left = groove.left() + handle.width() // 2
        span = max(1, groove.width() - handle.width())
        top, bottom = groove.top() - 3, groove.bottom() + 3
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        lines: dict[int, list[QLine]] = {}
        colours: dict[int, QColor] = {}
        seen: set[int] = set()
        maximum = self.maximum()
        for ms, colour in self.marks:
            x = left + span * min(ms, maximum) // maximum
            if x in seen:
                continue  # thousands of turns: one tick per pixel
            seen.add(x)
            rgb = colour.rgba()
            colours[rgb] = colour
            lines.setdefault(rgb, []).append(QLine(x, top, x, bottom))
        painter = QPainter(pixmap)
        for rgb, group in lines.items():
            painter.setPen(QPen(colours[rgb], 2))
            painter.drawLines(group)
        painter.end()
        self._ticks = (key, pixmap)
        return pixmap
