"""The position slider, with a tick where each turn starts in its speaker's colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
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

    def set_marks(self, marks: list[tuple[int, QColor]]) -> None:
        """(start ms, colour) per timed turn."""
        self.marks = marks
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self.marks or self.maximum() <= 0:
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderGroove, self)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                             QStyle.SubControl.SC_SliderHandle, self)
        left = groove.left() + handle.width() // 2
        span = max(1, groove.width() - handle.width())
        painter = QPainter(self)
        top, bottom = groove.top() - 3, groove.bottom() + 3
        last_x = None
        for ms, colour in self.marks:
            x = left + round(span * min(ms, self.maximum()) / self.maximum())
            if x == last_x:
                continue  # thousands of turns: one tick per pixel
            last_x = x
            painter.setPen(QPen(colour, 2))
            painter.drawLine(x, top, x, bottom)
        painter.end()
