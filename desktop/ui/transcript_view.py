"""The reading view: a transcript turn by turn, filtered by speaker, decorated by layers.

A QPlainTextEdit, whose layout is lazy (5 MB of Chinese builds in ≈0.1 s, under 80 MB;
QTextBrowser lays out everything and balloons). A screenful around the reader is written
first, the whole right after the paint (`complete`); the speaker filter hides blocks
rather than rebuilding; `offsets` maps view positions to code points.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QResizeEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from desktop.core.library import Section, Speaker, Turn, index_at
from desktop.ui.decorations import DecorationLayer
from desktop.ui.offsets import OffsetMap
from desktop.ui.transcript_build import (
    DocumentWriter,
    SectionBlocks,
    first_part,
    make_formats,
    reading_font,
)
from desktop.ui.transcript_filter import hide_filtered
from desktop.ui.transcript_layers import LayerStack, hover_text, paint_speaker_bars, visible_range
from desktop.ui.transcript_margin import ReferenceMargin

REST_DELAY_MS = 100  # when no paint comes (the view is hidden), write the rest anyway
# The longest line, in Chinese characters: a wider window centres a column of this measure
# (past about 40 characters the eye loses its way back to the next line).
MEASURE = 40


class TranscriptView(QPlainTextEdit):
    """Read-only transcript with speaker filter, offset map and decoration layers."""

    filter_changed = Signal(int, int)  # visible turns, all turns
    current_turn_changed = Signal(int)  # turn index (-1 when none)
    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcript")
        self.margin = ReferenceMargin(self)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFont(reading_font())
        self.setMouseTracking(True)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(16)
        self.offsets = OffsetMap()
        self.turns: list[Turn] = []
        self.speakers: dict[int, Speaker] = {}
        self.sections: list[Section] = []
        self.section_blocks: list[SectionBlocks] = []
        self.hidden_speakers: set[int] = set()
        self.show_narration = True
        self.visible_turns: list[bool] = []
        self._layers = LayerStack()
        self._last_turn = -1
        self._painted = False
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        # Layers draw only what is near the screen, so decorations follow the scrolling.
        self.verticalScrollBar().valueChanged.connect(lambda _: self._layers.follow(self))
        self.writer: DocumentWriter | None = None
        self._turn_starts: list[int] = []
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.timeout.connect(self.complete)
        # The bands beside a centred column look like the page, not like the window.
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    # ---- measure --------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Keep the lines to a readable measure, centred, however wide the window."""
        self._fit_measure()
        super().resizeEvent(event)

    def _fit_measure(self) -> None:
        column = (self.fontMetrics().horizontalAdvance("中") * MEASURE
                  + 2 * int(self.document().documentMargin()))
        room = self.contentsRect().width()
        if self.verticalScrollBar().isVisible():
            room -= self.verticalScrollBar().width()
        side = max(0, (room - column) // 2)
        left = max(side, self.margin.needed_width())  # room for the record's references
        if (self.viewportMargins().left(), self.viewportMargins().right()) != (left, side):
            self.setViewportMargins(left, 0, side, 0)
        rect = self.contentsRect()
        self.margin.setGeometry(rect.left(), rect.top(), left, rect.height())

    def set_references(self, labels: list[str]) -> None:
        """Show these labels (one per turn, see `margin_labels`) in the left margin."""
        self.margin.set_labels(labels)
        self._fit_measure()

    # ---- building -------------------------------------------------------------------

    def load(self, turns: Sequence[Turn], speakers: Sequence[Speaker],
             sections: Sequence[Section], *, near_offset: int | None = None) -> None:
        """Show a document (the filter kept for speakers that still exist): a screenful
        each side of `near_offset` (where the reader will be) at once, the whole transcript
        right after the next paint, so a long one shows without waiting."""
        self.turns = list(turns)
        self.speakers = {s.id: s for s in speakers}
        self.sections = list(sections)
        self._turn_starts = [t.start for t in self.turns]
        self.hidden_speakers &= set(self.speakers)
        self._build(near_offset)

    def _build(self, near_offset: int | None = None) -> None:
        # Per turn: whether it is shown (a written turn: whether its blocks are visible).
        self.visible_turns = [self.turn_shown(i) for i in range(len(self.turns))]
        near = max(0, index_at(self._turn_starts, near_offset)) if near_offset is not None else 0
        first, until = first_part(self.turns, self.turn_shown, near)
        self._start_writing(first)
        self._write_until(until)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        if not self.is_complete:
            self._rest_timer.start(REST_DELAY_MS)  # unless a paint comes first

    def _start_writing(self, first: int) -> None:
        """An empty document, to be written from turn `first` on."""
        doc = self.document()
        # Clearing scrolls to the top; the layers following it must not use the old map.
        self.offsets = OffsetMap()
        self.setUpdatesEnabled(False)
        doc.blockSignals(True)
        try:
            doc.clear()
        finally:
            doc.blockSignals(False)
            self.setUpdatesEnabled(True)
        self.writer = DocumentWriter(
            doc, self.turns, self.speakers, self.sections, make_formats(self.palette()),
            self.tr("Question %1"), start=first)
        self.offsets, self.section_blocks = self.writer.offsets, self.writer.section_blocks

    def _write_until(self, until: int) -> None:
        """Write turns up to `until`, then hide what the filter hides among them."""
        doc = self.document()
        sections_before = len(self.section_blocks)
        start = max(0, doc.characterCount() - 1)
        before = self.writer.written
        self.setUpdatesEnabled(False)
        doc.blockSignals(True)
        try:
            self.writer.write(until)
        finally:
            doc.blockSignals(False)
            self.setUpdatesEnabled(True)
        written = self.writer.written
        self.visible_turns[before:written] = [True] * (written - before)  # blocks start visible
        for section in self.section_blocks[sections_before:]:
            if section.title_block >= 0:  # the asking turn is shown: no repeat
                doc.findBlockByNumber(section.title_block).setVisible(False)
        # Make the layout aware of the new content (signals were blocked).
        doc.markContentsDirty(start, doc.characterCount() - start)
        self._apply_filter()
        self.refresh_decorations()

    @property
    def painted(self) -> bool:
        """Whether the view has been painted on screen at least once."""
        return self._painted

    @property
    def is_complete(self) -> bool:
        """Whether every turn of the document is written into the view."""
        return self.writer is None or (self.writer.start == 0 and self.writer.done)

    def complete(self) -> None:
        """Write the turns not written yet (at once: callers need the whole document)."""
        self._rest_timer.stop()
        if self.is_complete:
            return
        top = self.top_offset()
        selection = self.selected_range()
        cursor = self.cursor_offset()
        if self.writer.start != 0:
            # The screenful came from the middle: write the whole document anew.
            self._start_writing(0)
        self._write_until(len(self.turns))
        # Put the reader back where they were (no paint comes in between): the filter may
        # have hidden written turns, and a rewrite moved every position.
        if top is not None:
            self.scroll_to_offset(top, top=True)
        place = selection or ((cursor, cursor) if cursor not in (None, top) else None)
        if place is not None:  # the cursor or selection back, the scrolling kept
            bar = self.verticalScrollBar().value()
            start, end = (self.offsets.doc_to_qt(place[0], forward=True),
                          self.offsets.doc_to_qt(place[1], forward=False))
            if start is not None:
                text_cursor = QTextCursor(self.document())
                text_cursor.setPosition(start)
                if end is not None and end > start:
                    text_cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(text_cursor)
            self.verticalScrollBar().setValue(bar)

    def _written_through(self, offset: int) -> bool:
        """Whether the turn holding document offset `offset` is already written."""
        writer = self.writer
        if self.is_complete or not self.turns:
            return True
        low = self.turns[writer.start].start if writer.start else 0
        high = self.turns[writer.written].start if not writer.done else float("inf")
        return low <= offset < high

    # ---- speaker filter -------------------------------------------------------------

    def turn_shown(self, index: int) -> bool:
        """Whether turn `index` passes the current filter."""
        speaker_id = self.turns[index].speaker_id
        if speaker_id is None or speaker_id not in self.speakers:
            return self.show_narration
        return speaker_id not in self.hidden_speakers

    def set_filter(self, hidden_speakers: set[int], show_narration: bool) -> None:
        """Hide the given speakers' turns (and narration unless shown)."""
        self.hidden_speakers = set(hidden_speakers) & set(self.speakers)
        self.show_narration = show_narration
        self._apply_filter()

    def _apply_filter(self) -> None:
        anchor = self.top_offset()
        if hide_filtered(self):
            self.viewport().update()
            if anchor is not None:
                self.scroll_to_offset(self._nearest_shown(anchor), top=True)
            self.refresh_decorations()
        self.filter_changed.emit(self.visible_turn_count(), len(self.turns))

    def _nearest_shown(self, offset: int) -> int:
        """`offset`, or when the filter hides its turn the start of the nearest shown turn
        after it (else before it): where the reader stays when their turn goes."""
        index = self.turn_at_offset(offset)
        if index < 0 or self.turn_shown(index):
            return offset
        nearest = next((i for i in chain(range(index + 1, len(self.turns)),
                                         range(index - 1, -1, -1)) if self.turn_shown(i)), None)
        return offset if nearest is None else self.turns[nearest].text_start

    def visible_turn_count(self) -> int:
        """How many turns pass the filter."""
        return sum(self.visible_turns)

    # ---- positions --------------------------------------------------------------------

    def turn_at_offset(self, offset: int) -> int:
        """The turn whose text (label, headline and speech) holds document offset
        `offset`, written into the view yet or not; -1 if none."""
        index = index_at(self._turn_starts, offset)
        if index >= 0 and offset < self.turns[index].end:
            return index
        return -1

    def turn_index_at(self, position: int) -> int:
        """The turn at view position `position` (label and speech included), or -1."""
        block = self.document().findBlock(position)
        span = self.offsets.span_at_block(block.blockNumber())
        return span.index if span else -1

    def current_turn(self) -> int:
        """The turn holding the text cursor, or -1."""
        return self.turn_index_at(self.textCursor().position())

    def cursor_offset(self) -> int | None:
        """The document offset of the text cursor, or of the selection's start."""
        return self.offsets.qt_to_doc(self.textCursor().selectionStart())

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as a document range of speech, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offsets.qt_range_to_doc(cursor.selectionStart(), cursor.selectionEnd())

    def top_offset(self) -> int | None:
        """The document offset of the first turn shown at the top (for restoring scroll)."""
        if not self.offsets.spans:
            return None
        block = self.firstVisibleBlock()
        span = self.offsets.span_at_block(block.blockNumber())
        if span is None:
            for section in self.section_blocks:
                if (section.first_block <= block.blockNumber()
                        <= max(section.last_block, section.title_block)):
                    first = section.turn_indexes[0] if section.turn_indexes else 0
                    span = self.offsets.span_of_turn(first)
                    return span.doc_start if span is not None else None
            return None
        return span.doc_start

    def scroll_to_offset(self, offset: int, *, top: bool = False,
                         select_to: int | None = None) -> None:
        """Move the cursor to a document offset (optionally selecting) and show it."""
        if not (self._written_through(offset)
                and (select_to is None or self._written_through(select_to))):
            self.complete()
        qt = self.offsets.doc_to_qt(offset, forward=True)
        if qt is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt)
        if select_to is not None:
            qt_end = self.offsets.doc_to_qt(select_to, forward=False)
            if qt_end is not None and qt_end > qt:
                cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        if top:
            # Scrolling to the end first makes ensureCursorVisible put the line at the top.
            span = self.offsets.span_at_qt(qt)
            if span is not None:
                block = self.document().findBlockByNumber(span.first_block)
                cursor_top = QTextCursor(block)
                self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
                self.setTextCursor(cursor_top)
                self.ensureCursorVisible()
        self.setTextCursor(cursor)
        if not top:
            self.centerCursor()

    def scroll_to_turn(self, index: int) -> None:
        """Put turn `index` at the top of the view, its speaker's name included."""
        if not 0 <= index < len(self.turns):
            return
        if self.offsets.span_of_turn(index) is None:
            self.complete()
        span = self.offsets.span_of_turn(index)
        if span is not None:
            self.scroll_to_offset(span.doc_start, top=True)

    # ---- decoration layers ------------------------------------------------------------

    def add_layer(self, layer: DecorationLayer) -> None:
        """Draw another layer over the text (annotation highlights, glossary marks...)."""
        self._layers.add(layer)
        self.refresh_decorations()

    def refresh_decorations(self) -> None:
        """Ask every layer again for what to draw (layers may limit it to `visible_range`)."""
        self._layers.refresh(self)

    def visible_range(self, margin: int = 60) -> tuple[int, int]:
        """Document offsets [start, end) on screen, widened by `margin` blocks each way."""
        return visible_range(self, margin)

    # ---- painting and hover -----------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Paint the text, then a thin bar in each visible turn's speaker colour."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
        if self._rest_timer.isActive():
            self._rest_timer.start(0)  # the screenful is painted: write the rest next
        paint_speaker_bars(self)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Show notes (and a speaker's role) when the mouse rests on the text."""
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        """The hover text for a point of the viewport ('' when there is nothing to say)."""
        return hover_text(self, self._layers, point)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Rebuild the formats when the system switches between light and dark; keep the
        measure when the text is zoomed."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_measure()
        if event.type() == QEvent.Type.PaletteChange and self.turns:
            top = self.top_offset()
            self._build()
            if top is not None:
                self.scroll_to_offset(top, top=True)

    def _on_cursor_moved(self) -> None:
        index = self.current_turn()
        if index != self._last_turn:
            self._last_turn = index
            self.current_turn_changed.emit(index)
