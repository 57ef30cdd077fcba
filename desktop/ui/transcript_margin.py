"""The record's own references beside the reading view: page and line, page, or time.

A court record is cited by page and line ("3:4"), a parliamentary one by page, a
recording by time ([12:34]); the margin shows, beside each turn's name, what its record
numbers. Pages are shown where a new one begins, lines and times at every turn. Like
the line numbers of Qt's code editor example, it is a widget over the view's left
margin, painted from the geometry of the blocks on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from desktop.core.citations import SourceMarks, clock
from desktop.core.library import Turn
from desktop.ui.i18n import fill

if TYPE_CHECKING:
    from desktop.ui.transcript_view import TranscriptView

PADDING = 8


def margin_labels(marks: SourceMarks, turns: Sequence[Turn]) -> list[str]:
    """One label per turn ('' for none): "3:4" for a numbered line, "p. 12" where a page
    begins, "[12:34]" for a time; nothing at all for a record without references."""
    labels = []
    last_page = ""
    for turn in turns:
        citation = marks.cite(turn.text_start, turn.text_end, turn)
        parts = []
        if citation.line is not None:
            parts.append(f"{citation.page}:{citation.line}" if citation.page
                         else str(citation.line))
        elif citation.page and citation.page != last_page:
            parts.append(fill(QCoreApplication.translate("ReferenceMargin", "p. %1"),
                              citation.page))
        if citation.start_ms is not None:  # an estimate is marked, and painted lighter
            approx = "~" if citation.time_kind == "estimated" else ""
            parts.append(f"[{approx}{clock(citation.start_ms)}]")
        last_page = citation.page_end or citation.page or last_page
        labels.append(" ".join(parts))
    return labels


class ReferenceMargin(QWidget):
    """Paints each shown turn's label beside its speaker's name, right-aligned; once
    clickable (a recording is open), a click on a label says which turn's it is."""

    label_clicked = Signal(int)  # the index of the turn whose label was clicked

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view
        self.labels: list[str] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.updateRequest.connect(lambda *_: self.update())

    def set_labels(self, labels: list[str]) -> None:
        self.labels = labels if any(labels) else []
        self.update()

    def label_font(self) -> QFont:
        """The view's font (zoom included), a little smaller: references stay quiet."""
        font = QFont(self.view.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.8, 7.0))
        return font

    def needed_width(self) -> int:
        """The width the widest label needs (0 when there is nothing to show)."""
        if not self.labels:
            return 0
        metrics = QFontMetrics(self.label_font())
        widest = max(metrics.horizontalAdvance(label) for label in self.labels)
        return widest + 2 * PADDING

    def set_clickable(self, clickable: bool) -> None:
        """Let clicks on the labels through (a recording plays from a turn's time)."""
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, not clickable)
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable
                       else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        y = event.position().y()
        for index, top, height in self._shown_labels(QFontMetrics(self.label_font()).height()):
            if top <= y < top + height:
                self.label_clicked.emit(index)
                return
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.labels:
            return
        view = self.view
        painter = QPainter(self)
        painter.setFont(self.label_font())
        pen = view.palette().color(QPalette.ColorRole.PlaceholderText)
        light = QColor(pen)
        light.setAlphaF(pen.alphaF() * 0.55)
        width = self.width() - PADDING
        height = painter.fontMetrics().height()
        for index, top, _ in self._shown_labels(height):
            painter.setPen(light if "[~" in self.labels[index] else pen)
            painter.drawText(QRect(0, top, width, height),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                             self.labels[index])
        painter.end()

    def _shown_labels(self, height: int):
        """(turn index, top, height) of each label on screen."""
        view = self.view
        offset = view.contentOffset()
        block = view.firstVisibleBlock()
        bottom = self.height()
        spans = view.offsets
        while block.isValid():
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            span = spans.span_at_block(block.blockNumber()) if block.isVisible() else None
            if span is not None and block.blockNumber() == span.first_block + 1 \
                    and span.index < len(self.labels) and self.labels[span.index]:
                # The turn's first block after its spacer: its name line (or narration).
                top = int(geometry.top() + (view.fontMetrics().height() - height) / 2) + 1
                yield span.index, top, height
            block = block.next()
