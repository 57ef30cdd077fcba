"""The window's speaker edits (rename, merge, role, colour, moderator, narration).

Each runs an undoable command from desktop.core.speakers through the window's history.
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QColorDialog, QInputDialog, QLineEdit

from desktop.core.library import Speaker
from desktop.ui.i18n import fill


def _commands():
    """desktop.core.speakers, imported on first use (it brings the importer with it)."""
    from desktop.core import speakers

    return speakers


class SpeakersMixin:
    """Speaker actions of MainWindow."""

    def current_speaker(self) -> Speaker | None:
        """The speaker selected in the panel when it has the focus, else the one whose turn
        holds the text cursor, else the panel's selection."""
        by_id = {s.id: s for s in self.speakers}
        panel_id = self.speakers_dock.current_speaker_id()
        if QApplication.focusWidget() is self.speakers_dock.tree and panel_id in by_id:
            return by_id[panel_id]
        turn = self.view.current_turn()
        if 0 <= turn < len(self.turns) and self.turns[turn].speaker_id in by_id:
            return by_id[self.turns[turn].speaker_id]
        return by_id.get(panel_id) if panel_id is not None else None

    def _need_speaker(self) -> Speaker | None:
        speaker = self.current_speaker()
        if speaker is None:
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow",
                    "Select a speaker in the Speakers panel (Ctrl+2) or put the cursor in "
                    "one of their turns.",
                ),
                6000,
            )
        return speaker

    def rename_speaker(self) -> None:
        """Give the current speaker another name."""
        speaker = self._need_speaker()
        if speaker is None:
            return
        typed = speaker.name
        while True:
            name, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("MainWindow", "Rename speaker"),
                QCoreApplication.translate("MainWindow", "New name for %1:").replace(
                    "%1", speaker.name
                ),
                QLineEdit.EchoMode.Normal,
                typed,
            )
            if not ok or not name.strip() or name.strip() == speaker.name:
                return
            if self.run_command(
                _commands().RenameSpeaker(self.document_id, speaker=speaker.id, new_name=name)
            ) or not any(s.name == name.strip() for s in self.speakers):
                return  # done, or refused for another reason than the name (already said)
            typed = name  # the name of another speaker: asked again, as typed

    def merge_speaker(self) -> None:
        """Give all the current speaker's turns to another speaker."""
        speaker = self._need_speaker()
        if speaker is None:
            return
        others = [s for s in self.speakers if s.id != speaker.id]
        if not others:
            return
        names = [s.name for s in others]
        name, ok = QInputDialog.getItem(
            self,
            QCoreApplication.translate("MainWindow", "Merge speaker"),
            QCoreApplication.translate("MainWindow", "Give every turn of %1 to:").replace(
                "%1", speaker.name
            ),
            names,
            _likely_same(speaker, others),
            False,
        )
        if ok and name in names:
            target = others[names.index(name)]
            if self.run_command(
                _commands().MergeSpeakers(
                    self.document_id, source=speaker.id, target=target.id
                )
            ):
                self.statusBar().showMessage(fill(
                    QCoreApplication.translate(
                        "MainWindow", "The turns of %1 are now %2's; Undo gives them back."
                    ), speaker.name, target.name), 8000)

    def set_speaker_role(self) -> None:
        """Set the current speaker's role (shown when hovering their name)."""
        speaker = self._need_speaker()
        if speaker is None:
            return
        role, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("MainWindow", "Set role"),
            QCoreApplication.translate("MainWindow", "Role of %1:").replace("%1", speaker.name),
            QLineEdit.EchoMode.Normal,
            speaker.role,
        )
        if ok and role.strip() != speaker.role:
            self.run_command(
                _commands().SetRole(self.document_id, speaker=speaker.id, role=role)
            )

    def set_speaker_colour(self) -> None:
        """Choose the current speaker's colour."""
        speaker = self._need_speaker()
        if speaker is None:
            return
        colour = QColorDialog.getColor(
            QColor(speaker.colour),
            self,
            QCoreApplication.translate("MainWindow", "Colour of %1").replace("%1", speaker.name),
        )
        if colour.isValid() and colour.name() != speaker.colour.lower():
            self.run_command(
                _commands().SetColour(
                    self.document_id, speaker=speaker.id, colour=colour.name()
                )
            )

    def toggle_moderator(self) -> None:
        """Make the current speaker a moderator, or not (sections follow)."""
        speaker = self._need_speaker()
        if speaker is not None:
            command = _commands().SetModerator(
                self.document_id, speaker=speaker.id, on=not speaker.is_moderator
            )
            if speaker.is_moderator:
                command.text = "Unset moderator"
            self.run_command(command)

    def make_narration(self) -> None:
        """Turn a wrongly detected speaker's turns back into narration."""
        speaker = self._need_speaker()
        if speaker is not None and self.run_command(
            _commands().MakeNarration(self.document_id, speaker=speaker.id)
        ):
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "The turns of %1 are narration now; Undo brings the speaker back."
                ).replace("%1", speaker.name), 8000)


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
