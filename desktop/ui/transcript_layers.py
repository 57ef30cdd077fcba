"""What is drawn over and beside the reading view's text, and said on hover: decoration
layers (annotation highlights, search matches, glossary marks), asked only for the part
near the screen; a bar in the speaker's colour beside each turn."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QTextEdit

from desktop.ui.decorations import DecorationLayer
from desktop.ui.transcript_build import readable

BAR_WIDTH = 3  # of the line in the speaker's colour beside each turn

if TYPE_CHECKING:
    from desktop.ui.transcript_view import TranscriptView


def visible_range(view: TranscriptView, margin: int = 60) -> tuple[int, int]:
    """Document offsets [start, end) on the view's screen, widened by `margin` blocks
    each way.

    Decoration layers draw only inside it: a study with 10,000 annotations would
    otherwise spend most of a second making extra selections nobody sees.
    """
    offsets = view.offsets
    if not offsets.spans:
        return (0, 0)
    block = view.firstVisibleBlock()
    first = last = block.blockNumber()
    offset = view.contentOffset()
    bottom = view.viewport().height()
    while block.isValid():
        if block.isVisible():
            if view.blockBoundingGeometry(block).translated(offset).top() > bottom:
                break
            last = block.blockNumber()
        block = block.next()
    low = offsets.span_index_at_block(max(0, first - margin))
    high = offsets.span_index_at_block(last + margin)
    return offsets.spans[max(low, 0)].doc_start, offsets.spans[max(high, 0)].doc_end


class LayerStack:
    """The view's layers, bottom first, and the range they were last drawn for."""

    def __init__(self) -> None:
        self._layers: list[DecorationLayer] = []
        self._drawn: tuple[int, int] | None = None

    def add(self, layer: DecorationLayer) -> None:
        self._layers.append(layer)

    def refresh(self, view: TranscriptView) -> None:
        """Ask every layer again for what to draw near the screen."""
        self._drawn = visible_range(view)
        selections: list[QTextEdit.ExtraSelection] = []
        for layer in self._layers:
            selections.extend(layer.selections(view))
        view.setExtraSelections(selections)

    def follow(self, view: TranscriptView) -> None:
        """After a scroll: draw again once the screen leaves the range last drawn."""
        if self._drawn is None or not self._layers:
            return
        low, high = visible_range(view, margin=0)
        if low < self._drawn[0] or high > self._drawn[1]:
            self.refresh(view)

    def tooltip(self, view: TranscriptView, offset: int) -> str:
        """What the layers say about document offset `offset`, each apart."""
        parts = [layer.tooltip(view, offset) for layer in self._layers]
        return "<hr>".join(p for p in parts if p)


def paint_speaker_bars(view: TranscriptView) -> None:
    """A thin bar in each visible turn's speaker colour, beside its speech."""
    offsets = view.offsets
    if not offsets.spans:
        return
    painter = QPainter(view.viewport())
    offset = view.contentOffset()
    block = view.firstVisibleBlock()
    bottom = view.viewport().height()
    while block.isValid():
        geometry = view.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > bottom:
            break
        if block.isVisible():
            span = offsets.span_at_block(block.blockNumber())
            if span is not None and block.blockNumber() > span.first_block:
                speaker = view.speakers.get(view.turns[span.index].speaker_id or -1)
                if speaker is not None:
                    painter.fillRect(4, int(geometry.top()), BAR_WIDTH,
                                     int(geometry.height()) + 1,
                                     readable(speaker.colour, view.palette()))
        block = block.next()
    painter.end()


def hover_text(view: TranscriptView, layers: LayerStack, point: QPoint) -> str:
    """What to say for a point of the viewport: on a speaker's name, who they are; on
    the text, what the layers say there; '' when there is nothing to say."""
    position = view.cursorForPosition(point).position()
    block = view.document().findBlock(position)
    span = view.offsets.span_at_block(block.blockNumber())
    if span is None:
        return ""
    headlines = view.offsets.headlines
    in_headline = headlines is not None and headlines.span_at_qt(position) is not None
    if position < span.qt_start and not in_headline:
        speaker = view.speakers.get(view.turns[span.index].speaker_id or -1)
        if speaker is None:
            return ""
        role = speaker.role or QCoreApplication.translate("TranscriptView", "no role given")
        return f"<b>{html.escape(speaker.name)}</b> — {html.escape(role)}"
    offset = view.offsets.qt_to_doc(position)
    return "" if offset is None else layers.tooltip(view, offset)
