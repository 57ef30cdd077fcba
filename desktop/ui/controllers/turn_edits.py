"""Turn edits from the window: give the turn at the cursor (or the selected turns) to a
speaker, split it at the cursor, join it with the next, make it a section heading or
remove its section. Each runs an undoable command from desktop.core.turn_edits through
the session; the view is written again and the cursor put back where the reader was."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.actions import ActionId
from desktop.ui.controllers.reading import ReadingController
from desktop.ui.feedback import Feedback
from desktop.ui.i18n import fill
from desktop.ui.session import Session
from desktop.ui.undo_actions import command_name

TURN_ACTIONS = (ActionId.GIVE_TURN, ActionId.SPLIT_TURN, ActionId.JOIN_TURNS,
                ActionId.MAKE_HEADING, ActionId.REMOVE_HEADING)


def _edits():
    """desktop.core.turn_edits, imported on first use (it brings the importer with it)."""
    from desktop.core import turn_edits

    return turn_edits


class TurnEditsController(QObject):
    """What the Turns menu's actions do to the open document."""

    def __init__(self, session: Session, reading: ReadingController,
                 actions: dict[ActionId, QAction], feedback: Feedback,
                 dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.session, self.reading, self.view = session, reading, reading.view
        self.feedback, self.parent_widget = feedback, dialog_parent
        self.actions = [actions[i] for i in TURN_ACTIONS]
        for action_id, handler in zip(TURN_ACTIONS, (
                self.give, self.split, self.join, self.make_heading, self.remove_heading),
                strict=True):
            actions[action_id].triggered.connect(lambda _=False, h=handler: self._guarded(h))

    def offer_in(self, widget: QWidget) -> None:
        """Add the turn edits, after a separator, to a widget's context menu."""
        separator = QAction(widget)
        separator.setSeparator(True)
        widget.addActions([separator, *self.actions])

    def _guarded(self, handler) -> None:
        if not self.session.is_attached or not self.session.turns:
            return
        if self.reading.showing_compare:
            self.feedback.status(self.tr("Turns are edited in the reading view: press C to go "
                                     "back to it."), 6000)
            return
        handler()

    # ---- what the edits act on --------------------------------------------------------

    def _current(self) -> int | None:
        """The index of the turn holding the cursor, or None (said)."""
        index = self.view.current_turn()
        if index < 0:
            self.feedback.status(self.tr("Put the cursor in a turn first."), 6000)
            return None
        return index

    def _selected(self) -> list[int]:
        """The shown turns the selection touches, else the one at the cursor."""
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            current = self._current()
            return [] if current is None else [current]
        first = self.view.turn_index_at(cursor.selectionStart())
        last = self.view.turn_index_at(max(cursor.selectionEnd() - 1, cursor.selectionStart()))
        if first < 0 or last < 0:
            current = self._current()
            return [] if current is None else [current]
        return [i for i in range(first, last + 1) if self.view.turn_shown(i)]

    def _cursor_offset(self) -> int | None:
        return self.view.offsets.qt_to_doc(self.view.textCursor().position())

    def _run(self, command, place: int | None) -> bool:
        """Run `command`; put the cursor back at document offset `place` and say so."""
        offset = place if place is not None else self._cursor_offset()
        if not self.session.run(command):
            return False
        if offset is not None:
            self._put_cursor(offset)
        self.feedback.status(fill(self.tr("%1: done. Undo takes it back."),
                                  command_name(command.text)), 8000)
        return True

    def _put_cursor(self, offset: int) -> None:
        """The cursor at a document offset, scrolling only if it is out of sight."""
        if self.view.offsets.doc_to_qt(offset) is None:
            self.view.complete()
        position = self.view.offsets.doc_to_qt(offset)
        if position is None:
            return
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(position)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()

    # ---- the edits ----------------------------------------------------------------------

    def give(self) -> None:
        """Give the turn at the cursor (or the selected turns) to the speaker chosen."""
        indexes = self._selected()
        if not indexes:
            return
        from desktop.ui.speaker_picker import SpeakerPicker

        turns = [self.session.turns[i] for i in indexes]
        numbers = [t.number for t in turns]
        question = (fill(self.tr("Who speaks turn %1?"), str(numbers[0])) if len(numbers) == 1
                    else fill(self.tr("Who speaks these %1 turns?"), str(len(numbers))))
        owners = {t.speaker_id for t in turns}
        picker = SpeakerPicker(self.session.speakers, owners.pop() if len(owners) == 1 else -1,
                               question, self.parent_widget)
        answered = picker.exec() == QDialog.DialogCode.Accepted
        choice = picker.choice() if answered else None
        picker.deleteLater()
        self.parent_widget.activateWindow()  # the keys go to the text again
        self.view.setFocus()
        if choice is None:
            return
        kind, value = choice
        edits = _edits()
        target = (edits.NARRATION if kind == "narration"
                  else edits.Target(value, create=kind == "new"))
        self._run(edits.GiveTurns(self.session.document_id, numbers, target), None)

    def split(self) -> None:
        """Split the turn at the cursor there: what follows the cursor is a new turn."""
        index = self._current()
        offset = self._cursor_offset()
        if index is None or offset is None:
            return
        number = self.session.turns[index].number
        self._run(_edits().SplitTurn(self.session.document_id, number, offset), offset)

    def join(self) -> None:
        """Join the turn at the cursor with the next one (the selected turns into one)."""
        indexes = self._selected()
        if not indexes:
            return
        first, last = self.session.turns[indexes[0]].number, self.session.turns[indexes[-1]].number
        self._run(_edits().JoinTurns(self.session.document_id, first,
                                     last if last > first else None), None)

    def make_heading(self) -> None:
        """Make the turn at the cursor open a new section, titled by its first line."""
        index = self._current()
        if index is not None:
            self._run(_edits().MakeHeading(self.session.document_id,
                                           self.session.turns[index].number), None)

    def remove_heading(self) -> None:
        """Remove the section the turn at the cursor is in."""
        index = self._current()
        if index is None:
            return
        turn = self.session.turns[index]
        numbers = {s.id: s.position + 1 for s in self.session.sections}
        if turn.section_id not in numbers:
            self.feedback.status(fill(self.tr("Turn %1 is in no section."), str(turn.number)), 6000)
            return
        self._run(_edits().RemoveSection(self.session.document_id, numbers[turn.section_id]),
                  None)
