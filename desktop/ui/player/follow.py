"""Following the recording in the text: the turn being spoken is highlighted and kept in
view; scrolling away stops the following (one key brings it back)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, Signal
from PySide6.QtGui import QColor, QPainter

from desktop.core.media import TurnTime
from desktop.ui.transcript_view import TranscriptView

KEEP_ABOVE = 0.6  # a followed turn starting below this share of the screen is scrolled up
LINES_ABOVE = 1  # lines left above the followed turn when it is scrolled to


class FollowLayer(QObject):
    """The turn being spoken, underlaid in its speaker's colour (lighter when its time is
    an estimate). Painted under the text from the viewport's paint event: a change of turn
    repaints the screen and asks the other layers nothing (a seek stays fast however many
    annotations and glossary marks the screen holds)."""

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view
        self.index = -1
        self.estimated = False
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and 0 <= self.index < len(self.view.turns):
            self._paint()
        return False  # the view paints its text over it

    def _paint(self) -> None:
        view = self.view
        turn = view.turns[self.index]
        speaker = view.speakers.get(turn.speaker_id)
        colour = QColor(speaker.colour) if speaker is not None else QColor()
        if not colour.isValid():
            colour = view.palette().color(view.palette().ColorRole.Highlight)
        colour.setAlpha(35 if self.estimated else 60)
        top = bottom = None
        offset = view.contentOffset()
        height = view.viewport().height()
        block = view.firstVisibleBlock()
        while block.isValid():
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            span = view.offsets.span_at_block(block.blockNumber())
            if block.isVisible() and span is not None and span.index == self.index \
                    and block.blockNumber() > span.first_block:  # not its spacer
                top = geometry.top() if top is None else top
                bottom = geometry.bottom()
            block = block.next()
        if top is None:
            return
        painter = QPainter(view.viewport())
        painter.fillRect(QRectF(0, top, view.viewport().width(), bottom - top), colour)
        painter.end()


class Follower(QObject):
    """Maps the playing position to a turn of the view and keeps that turn shown."""

    following_changed = Signal(bool)
    turn_changed = Signal(int)  # the index of the turn being spoken (-1: none)

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view
        self.layer = FollowLayer(view)
        self.following = True
        self.playing = False
        self._starts: list[int] = []
        self._indexes: list[int] = []
        self._kinds: list[str] = []
        self._own_scroll = False
        view.verticalScrollBar().valueChanged.connect(self._scrolled)

    def set_times(self, times: Sequence[TurnTime | None]) -> None:
        """The turns' times (one per turn of the view, None where unknown)."""
        timed = sorted((t.start_ms, i, t.kind) for i, t in enumerate(times) if t is not None)
        self._starts = [start for start, _, _ in timed]
        self._indexes = [i for _, i, _ in timed]
        self._kinds = [kind for _, _, kind in timed]

    def turn_at(self, ms: int) -> int:
        """The turn being spoken at `ms` (-1 before the first timed turn)."""
        k = bisect.bisect_right(self._starts, ms) - 1
        return self._indexes[k] if k >= 0 else -1

    def show_position(self, ms: int) -> None:
        """Highlight the turn spoken at `ms`, and bring it into view when following."""
        k = bisect.bisect_right(self._starts, ms) - 1
        index = self._indexes[k] if k >= 0 else -1
        changed = index != self.layer.index
        self.layer.index = index
        self.layer.estimated = k >= 0 and self._kinds[k] == "estimated"
        if self.following:
            self.keep_in_view(index)
        if changed:
            self.view.viewport().update()
            self.turn_changed.emit(index)

    def clear(self) -> None:
        self.layer.index = -1
        self.view.viewport().update()

    def keep_in_view(self, index: int) -> None:
        """Scroll (without moving the reader's cursor) so turn `index` starts in the
        upper part of the screen, unless it already does."""
        if index >= 0:
            # Laying out the turn's blocks may move the scroll bar too: all of it is ours.
            self.own_move(lambda: self._bring_up(index))

    def _bring_up(self, index: int) -> None:
        view = self.view
        span = view.offsets.span_of_turn(index)
        if span is None and not view.is_complete:
            view.complete()
            span = view.offsets.span_of_turn(index)
        if span is None:
            return
        block = view.document().findBlockByNumber(span.first_block + 1)
        if not block.isValid() or not block.isVisible():
            return  # a hidden speaker's turn: the reader chose not to see it
        top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
        if 0 <= top <= view.viewport().height() * KEEP_ABOVE:
            return
        view.verticalScrollBar().setValue(max(0, block.firstLineNumber() - LINES_ABOVE))

    def own_move(self, move) -> None:
        """Run `move`, a scrolling of ours: it does not stop the following."""
        self._own_scroll = True
        try:
            move()
        finally:
            self._own_scroll = False

    def follow_again(self) -> None:
        self.set_following(True)
        self.keep_in_view(self.layer.index)

    def set_following(self, following: bool) -> None:
        if following != self.following:
            self.following = following
            self.following_changed.emit(following)

    def _scrolled(self, _value: int) -> None:
        if self._own_scroll or not self.playing or not self.following:
            return
        self.set_following(False)  # the reader went to read elsewhere
