"""Speaker edits from the window (rename, merge, role, colour, moderator, narration).

Each runs an undoable command from desktop.core.speakers through the session.
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QColorDialog, QInputDialog, QLineEdit, QWidget

from desktop.core.library import Speaker
from desktop.ui.docks.speakers import SpeakersDock
from desktop.ui.feedback import Feedback
from desktop.ui.i18n import fill
from desktop.ui.session import Session
from desktop.ui.transcript_view import TranscriptView


def _commands():
    """desktop.core.speakers, imported on first use (it brings the importer with it)."""
    from desktop.core import speakers

    return speakers


class SpeakersController(QObject):
    """Edits of the open document's speakers, on the one the user means."""

    def __init__(self, session: Session, view: TranscriptView, dock: SpeakersDock,
                 feedback: Feedback, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.session, self.view, self.dock = session, view, dock
        self.feedback, self.parent_widget = feedback, dialog_parent

    def current_speaker(self) -> Speaker | None:
        """The speaker selected in the panel when it has the focus, else the one whose turn
        holds the text cursor, else the panel's selection."""
        by_id = {s.id: s for s in self.session.speakers}
        panel_id = self.dock.current_speaker_id()
        if QApplication.focusWidget() is self.dock.tree and panel_id in by_id:
            return by_id[panel_id]
        turns, turn = self.session.turns, self.view.current_turn()
        if 0 <= turn < len(turns) and turns[turn].speaker_id in by_id:
            return by_id[turns[turn].speaker_id]
        return by_id.get(panel_id) if panel_id is not None else None

    def _need_speaker(self) -> Speaker | None:
        speaker = self.current_speaker()
        if speaker is None:
            self.feedback.status(
                QCoreApplication.translate("MainWindow",
                    "Select a speaker in the Speakers panel (Ctrl+2) or put the cursor in "
                    "one of their turns.",
                ),
                6000,
            )
        return speaker

    def ask_for_moderator(self) -> None:
        """Put the keyboard in the Speakers panel and say how to mark the moderator."""
        self.dock.show()
        self.dock.raise_()
        self.dock.tree.setFocus()
        self.feedback.status(QCoreApplication.translate(
            "MainWindow", "Choose the speaker who asks the questions, then press Ctrl+M "
            "(Speakers > Toggle moderator)."), 10000)

    def rename_speaker(self) -> None:
        """Give the current speaker another name."""
        speaker = self._need_speaker()
        if speaker is None:
            return
        typed = speaker.name
        while True:
            name, ok = QInputDialog.getText(
                self.parent_widget,
                QCoreApplication.translate("MainWindow", "Rename speaker"),
                fill(QCoreApplication.translate("MainWindow", "New name for %1:"), speaker.name),
                QLineEdit.EchoMode.Normal,
                typed,
            )
            if not ok or not name.strip() or name.strip() == speaker.name:
                return
            if self.session.run(_commands().RenameSpeaker(
                    self.session.document_id, speaker=speaker.id, new_name=name)) or not any(s.name == name.strip() for s in self.session.speakers):
                return  # done, or refused for another reason than the name (already said)
            typed = name  # the name of another speaker: asked again, as typed

    def merge_speaker(self) -> None:
        """Give all the current speaker's turns to another speaker."""
        speaker = self._need_speaker()
        if speaker is None:
            return
        others = [s for s in self.session.speakers if s.id != speaker.id]
        if not others:
            return
        names = [s.name for s in others]
        name, ok = QInputDialog.getItem(
            self.parent_widget,
            QCoreApplication.translate("MainWindow", "Merge speaker"),
            fill(QCoreApplication.translate("MainWindow", "Give every turn of %1 to:"), speaker.name),
            names,
            _likely_same(speaker, others),
            False,
        )
        if ok and name in names:
            target = others[names.index(name)]
            if self.session.run(
                _commands().MergeSpeakers(
                    self.session.document_id, source=speaker.id, target=target.id
                )
            ):
                self.feedback.status(fill(
                    QCoreApplication.translate("MainWindow",
                        "The turns of %1 are now %2's; Undo gives them back."
                    ), speaker.name, target.name), 8000)

    def set_speaker_role(self) -> None:
        """Set the current speaker's role (shown when hovering their name)."""
        speaker = self._need_speaker()
        if speaker is None:
            return
        role, ok = QInputDialog.getText(
            self.parent_widget,
            QCoreApplication.translate("MainWindow", "Set role"),
            fill(QCoreApplication.translate("MainWindow", "Role of %1:"), speaker.name),
            QLineEdit.EchoMode.Normal,
            speaker.role,
        )
        if ok and role.strip() != speaker.role:
            self.session.run(
                _commands().SetRole(self.session.document_id, speaker=speaker.id, role=role)
            )

    def set_speaker_colour(self) -> None:
        """Choose the current speaker's colour."""
        speaker = self._need_speaker()
        if speaker is None:
            return
        colour = QColorDialog.getColor(
            QColor(speaker.colour),
            self.parent_widget,
            fill(QCoreApplication.translate("MainWindow", "Colour of %1"), speaker.name),
        )
        if colour.isValid() and colour.name() != speaker.colour.lower():
            self.session.run(
                _commands().SetColour(
                    self.session.document_id, speaker=speaker.id, colour=colour.name()
                )
            )

    def toggle_moderator(self) -> None:
        """Make the current speaker a moderator, or not (sections follow)."""
        speaker = self._need_speaker()
        if speaker is not None:
            command = _commands().SetModerator(
                self.session.document_id, speaker=speaker.id, on=not speaker.is_moderator
            )
            if speaker.is_moderator:
                command.text = "Unset moderator"
            self.session.run(command)

    def make_narration(self) -> None:
        """Turn a wrongly detected speaker's turns back into narration."""
        speaker = self._need_speaker()
        if speaker is not None and self.session.run(
            _commands().MakeNarration(self.session.document_id, speaker=speaker.id)
        ):
            self.feedback.status(fill(QCoreApplication.translate("MainWindow",
                "The turns of %1 are narration now; Undo brings the speaker back."),
                speaker.name), 8000)


def _likely_same(speaker: Speaker, others: list[Speaker]) -> int:
    """Which of `others` a merge of `speaker` most likely means: the one with the most
    similar name (a label split in two: 张教授 and 张三教授), else the first who is not a
    moderator, since a panellist merged into the moderator turns answers into questions."""
    best = max(range(len(others)), key=lambda i: difflib.SequenceMatcher(
        None, speaker.name, others[i].name).ratio())
    if difflib.SequenceMatcher(None, speaker.name, others[best].name).ratio() >= 0.5:
        return best
    if speaker.is_moderator:
        return 0
    return next((i for i, s in enumerate(others) if not s.is_moderator), 0)
