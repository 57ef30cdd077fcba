"""Following the recording in the text: the turn being spoken is highlighted and kept in
view; scrolling away stops the following (one key brings it back)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from desktop.core.media import TurnTime
from desktop.ui.decorations import make_selections
from desktop.ui.transcript_view import TranscriptView

KEEP_ABOVE = 0.6  # a followed turn starting below this share of the screen is scrolled up
LINES_ABOVE = 1  # lines left above the followed turn when it is scrolled to


class FollowLayer:
    """The turn being spoken, underlaid in its speaker's colour (lighter when its time
    is an estimate)."""

    def __init__(self) -> None:
        self.index = -1
        self.estimated = False

    def selections(self, view: TranscriptView) -> list[QTextEdit.ExtraSelection]:
        if not 0 <= self.index < len(view.turns):
            return []
        turn = view.turns[self.index]
        speaker = view.speakers.get(turn.speaker_id)
        colour = QColor(speaker.colour) if speaker is not None else QColor()
        if not colour.isValid():
            colour = view.palette().color(view.palette().ColorRole.Highlight)
        colour.setAlpha(40 if self.estimated else 70)
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        return make_selections(view, turn.start, turn.text_end, fmt)

    def tooltip(self, view: TranscriptView, offset: int) -> str:
        return ""


class Follower(QObject):
    """Maps the playing position to a turn of the view and keeps that turn shown."""

    following_changed = Signal(bool)
    turn_changed = Signal(int)  # the index of the turn being spoken (-1: none)

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view
        self.layer = FollowLayer()
        view.add_layer(self.layer)
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
        if index != self.layer.index:
            self.layer.index = index
            self.layer.estimated = k >= 0 and self._kinds[k] == "estimated"
            self.view.refresh_decorations()
            self.turn_changed.emit(index)
        if self.following:
            self.keep_in_view(index)

    def clear(self) -> None:
        self.layer.index = -1
        self.view.refresh_decorations()

    def keep_in_view(self, index: int) -> None:
        """Scroll (without moving the reader's cursor) so turn `index` starts in the
        upper part of the screen, unless it already does."""
        view = self.view
        if index < 0:
            return
        span = view.offsets.span_of_turn(index)
        if span is None and not view.is_complete:
            self.own_move(view.complete)
            span = view.offsets.span_of_turn(index)
        if span is None:
            return
        block = view.document().findBlockByNumber(span.first_block + 1)
        if not block.isValid() or not block.isVisible():
            return  # a hidden speaker's turn: the reader chose not to see it
        top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
        if 0 <= top <= view.viewport().height() * KEEP_ABOVE:
            return
        bar = view.verticalScrollBar()
        self.own_move(lambda: bar.setValue(max(0, block.firstLineNumber() - LINES_ABOVE)))

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
