"""Moving through the transcripts: the one jump to a place (`go_to`), Back and Forward,
and stepping by turn and by section."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.ui.controllers.reading import ReadingController
from desktop.ui.controllers.speaker_filter import SpeakerFilter
from desktop.ui.navigation import JumpHistory, Place
from desktop.ui.session import Session


class Navigator(QObject):
    """Every jump goes through `go_to`: the document opened if needed, the reading view
    shown, a hidden speaker shown again, the place scrolled to (and selected)."""

    def __init__(self, session: Session, reading: ReadingController,
                 speaker_filter: SpeakerFilter) -> None:
        super().__init__(reading)
        self.session, self.reading, self.filter = session, reading, speaker_filter
        self.view = reading.view
        self.jumps = JumpHistory()
        reading.turn_activated.connect(self.go_to_turn)

    def here(self) -> Place | None:
        """Where the reader is now (the text cursor, else the top of the screen)."""
        if self.session.document_id is None:
            return None
        offset = self.view.cursor_offset()
        if offset is None:
            offset = self.view.top_offset() or 0
        return Place(self.session.document_id, offset)

    def open_document(self, document_id: int) -> bool:
        """Open a document (a jump: Back returns here); True when it is open."""
        if document_id == self.session.document_id:
            return True
        self.jumps.record(self.here())
        return self.session.open_document(document_id)

    def go_to(self, document_id: int, start: int, end: int | None = None, *,
              top: bool = False, record: bool = True) -> bool:
        """Show `start` of a document in the reading view, [start, end) selected when
        `end` is given, at the top of the screen with `top`; Back returns to where the
        reader was (unless `record` is False). False when the document cannot be opened."""
        if record:
            self.jumps.record(self.here())
        if document_id != self.session.document_id and not self.session.open_document(
                document_id):
            return False
        self.reading.show_reading()
        self.filter.reveal(start)
        self.view.scroll_to_offset(start, select_to=end, top=top)
        return True

    def go_to_turn(self, index: int) -> None:
        """Show a turn of the open document at the top of the reading view (from the
        compare view)."""
        turns = self.session.turns
        if not 0 <= index < len(turns):
            return
        self.go_to(self.session.document_id, turns[index].text_start, top=True)
        self.view.setFocus()

    def go_back(self) -> None:
        """Return to where the last jump came from."""
        self._visit(self.jumps.back(self.here()))

    def go_forward(self) -> None:
        """Redo a jump undone by Back."""
        self._visit(self.jumps.forward(self.here()))

    def _visit(self, place: Place | None) -> None:
        if place is not None:
            self.go_to(place.document_id, place.offset, record=False)

    def step_turn(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) visible turn."""
        turns = self.session.turns
        if not turns:
            return
        current = self.view.current_turn()
        index = current + direction if current >= 0 else 0
        while 0 <= index < len(turns) and not self.view.turn_shown(index):
            index += direction
        if 0 <= index < len(turns):
            self.view.scroll_to_offset(turns[index].text_start, top=True)

    def step_section(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) section header."""
        view = self.view
        view.complete()  # every section, not only those written so far
        blocks = [s for s in view.section_blocks
                  if any(view.turn_shown(i) for i in s.turn_indexes)]
        if not blocks:
            return
        current = view.current_turn()
        if direction > 0:
            target = next((s for s in blocks if s.turn_indexes[0] > current), None)
        else:
            containing = next((s for s in reversed(blocks) if s.turn_indexes[0] <= current),
                              None)
            target = None
            if containing is not None:
                earlier = [s for s in blocks if s.turn_indexes[0] < containing.turn_indexes[0]]
                first_visible = next(i for i in containing.turn_indexes if view.turn_shown(i))
                # Inside a section, "previous" first goes to its own header.
                target = containing if current > first_visible else (
                    earlier[-1] if earlier else None)
        if target is None:
            return
        first = next(i for i in target.turn_indexes if view.turn_shown(i))
        view.scroll_to_turn(first)
        view.scroll_to_offset(self.session.turns[first].text_start, top=True)
        # Show the header above the turn.
        bar = view.verticalScrollBar()
        bar.setValue(max(0, bar.value() - 2))
