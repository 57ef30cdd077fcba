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

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
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
        if citation.start_ms is not None:
            parts.append(f"[{clock(citation.start_ms)}]")
        last_page = citation.page_end or citation.page or last_page
        labels.append(" ".join(parts))
    return labels


class ReferenceMargin(QWidget):
    """Paints each shown turn's label beside its speaker's name, right-aligned."""

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

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.labels:
            return
        view = self.view
        painter = QPainter(self)
        painter.setFont(self.label_font())
        painter.setPen(view.palette().color(QPalette.ColorRole.PlaceholderText))
        offset = view.contentOffset()
        block = view.firstVisibleBlock()
        bottom = self.height()
        width = self.width() - PADDING
        height = painter.fontMetrics().height()
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
                painter.drawText(QRect(0, top, width, height),
                                 int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                                 self.labels[span.index])
            block = block.next()
        painter.end()
