"""Which speakers the reading view shows: toggle, solo, show all, narration (keys 1-9,
Shift+1-9, 0, H), the Speakers panel's ticks and counts, and showing a hidden speaker again
when a jump lands in one of their turns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from desktop.core import library
from desktop.ui import actions as registry
from desktop.ui.actions import ActionId
from desktop.ui.docks.speakers import NARRATION, SpeakersDock
from desktop.ui.feedback import Feedback
from desktop.ui.i18n import fill
from desktop.ui.session import Session
from desktop.ui.transcript_view import TranscriptView


class SpeakerFilter(QObject):
    """The speaker filter of the reading view, and the panel and keys that set it."""

    changed = Signal()  # the hidden speakers or the narration switch changed

    def __init__(self, session: Session, view: TranscriptView, dock: SpeakersDock,
                 actions: dict[ActionId, QAction], count_label: QLabel,
                 feedback: Feedback) -> None:
        super().__init__(view)
        self.session, self.view, self.dock = session, view, dock
        self.actions, self.count_label, self.feedback = actions, count_label, feedback
        dock.speaker_toggled.connect(self._on_checkbox)
        view.filter_changed.connect(self._on_filter_changed)
        view.current_turn_changed.connect(self._say_turn)
        actions[ActionId.TOGGLE_NARRATION].setChecked(view.show_narration)

    @property
    def hidden(self) -> set[int]:
        return self.view.hidden_speakers

    @property
    def show_narration(self) -> bool:
        return self.view.show_narration

    def _speaker_by_number(self, number: int) -> library.Speaker | None:
        speakers = self.session.speakers
        return speakers[number - 1] if 0 < number <= len(speakers) else None

    def fill_panel(self) -> None:
        """The open document's speakers in the panel, and on keys 1-9."""
        turns = self.session.turns
        narration = sum(1 for t in turns if t.speaker_id is None)
        self.dock.set_speakers(self.session.speakers, self.hidden, self.show_narration,
                               narration)
        self.dock.set_counts(self.view.visible_turn_count(), len(turns))
        self.name_speaker_keys()

    def name_speaker_keys(self) -> None:
        """The Speakers menu's keys 1-9 and Shift+1-9 name the open document's speakers,
        and those past its last speaker are not offered."""
        for number in range(1, 10):
            speaker = self._speaker_by_number(number)
            for action_id in (ActionId(f"speaker.toggle_{number}"),
                              ActionId(f"speaker.solo_{number}")):
                action, text = self.actions[action_id], registry.action_text(action_id)
                if speaker is not None:
                    text = fill(QCoreApplication.translate("Actions", "%1: %2"), text,
                                speaker.name)
                action.setText(text)
                action.setVisible(speaker is not None)

    def toggle_speaker(self, number: int) -> None:
        """Show or hide the Nth speaker."""
        speaker = self._speaker_by_number(number)
        if speaker is not None:
            self.set_filter(set(self.hidden) ^ {speaker.id}, self.show_narration)

    def solo_speaker(self, number: int) -> None:
        """Show only the Nth speaker (narration hidden too)."""
        speaker = self._speaker_by_number(number)
        if speaker is not None:
            self.set_filter({s.id for s in self.session.speakers if s.id != speaker.id}, False)

    def show_all(self) -> None:
        """Show every speaker and the narration."""
        self.set_filter(set(), True)

    def toggle_narration(self) -> None:
        """Show or hide narration."""
        self.set_filter(self.hidden, not self.show_narration)

    def set_filter(self, hidden: set[int], show_narration: bool) -> None:
        """Apply a speaker filter to the reading view and reflect it in the panel."""
        self.view.set_filter(hidden, show_narration)
        self.dock.set_checks(self.hidden, self.show_narration)
        self.actions[ActionId.TOGGLE_NARRATION].setChecked(show_narration)
        self.changed.emit()

    def reveal(self, offset: int) -> None:
        """Make the turn holding `offset` visible if the filter hides it (whether or not
        the view has written that turn yet), and say so."""
        index = self.view.turn_at_offset(offset)
        if index < 0 or self.view.turn_shown(index):
            return
        speaker = self.session.speaker(self.session.turns[index].speaker_id)
        if speaker is None:
            self.set_filter(self.hidden, True)
            shown = QCoreApplication.translate("MainWindow", "Narration is shown again, to reach this place.")
        else:
            self.set_filter(self.hidden - {speaker.id}, self.show_narration)
            shown = fill(QCoreApplication.translate("MainWindow", "%1 is shown again, to reach this place."), speaker.name)
        self.feedback.status_after(shown, 8000)

    def _on_checkbox(self, speaker_id: int, shown: bool) -> None:
        if speaker_id == NARRATION:
            self.set_filter(self.hidden, shown)
        else:
            hidden = set(self.hidden)
            (hidden.discard if shown else hidden.add)(speaker_id)
            self.set_filter(hidden, self.show_narration)

    def _on_filter_changed(self, visible: int, total: int) -> None:
        self.count_label.setText(fill(QCoreApplication.translate("MainWindow", "%1 of %2 turns shown"), str(visible), str(total)))
        self.dock.set_counts(visible, total)

    def _say_turn(self, index: int) -> None:
        turns = self.session.turns
        if 0 <= index < len(turns):
            speaker = self.session.speaker(turns[index].speaker_id)
            who = speaker.name if speaker else QCoreApplication.translate("MainWindow", "Narration")
            self.feedback.status(fill(QCoreApplication.translate("MainWindow", "Turn %1 · %2"), str(index + 1), who))
