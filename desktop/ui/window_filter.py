"""The window's speaker filter: toggle, solo, show all, narration (keys 1-9, Shift, 0, H)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core import library
from desktop.ui.actions import ActionId
from desktop.ui.docks.speakers import NARRATION
from desktop.ui.i18n import fill


class FilterMixin:
    """Speaker filter of MainWindow (which provides view, speakers, docks and actions)."""

    def _speaker_by_number(self, number: int) -> library.Speaker | None:
        return self.speakers[number - 1] if 0 < number <= len(self.speakers) else None

    def name_speaker_keys(self) -> None:
        """The Speakers menu's keys 1-9 and Shift+1-9 name the open document's speakers,
        and those past its last speaker are not offered."""
        from desktop.ui import actions as registry

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
            hidden = set(self.view.hidden_speakers) ^ {speaker.id}
            self.set_filter(hidden, self.view.show_narration)

    def solo_speaker(self, number: int) -> None:
        """Show only the Nth speaker (narration hidden too)."""
        speaker = self._speaker_by_number(number)
        if speaker is not None:
            self.set_filter({s.id for s in self.speakers if s.id != speaker.id}, False)

    def show_all_speakers(self) -> None:
        """Show every speaker and the narration."""
        self.set_filter(set(), True)

    def toggle_narration(self) -> None:
        """Show or hide narration."""
        self.set_filter(self.view.hidden_speakers, not self.view.show_narration)

    def set_filter(self, hidden: set[int], show_narration: bool) -> None:
        """Apply a speaker filter to the reading view and reflect it in the panel."""
        self.view.set_filter(hidden, show_narration)
        self._hide_compare_columns()
        self.speakers_dock.set_checks(self.view.hidden_speakers, self.view.show_narration)
        self.actions[ActionId.TOGGLE_NARRATION].setChecked(show_narration)

    def _on_speaker_checkbox(self, speaker_id: int, shown: bool) -> None:
        if speaker_id == NARRATION:
            self.set_filter(self.view.hidden_speakers, shown)
        else:
            hidden = set(self.view.hidden_speakers)
            (hidden.discard if shown else hidden.add)(speaker_id)
            self.set_filter(hidden, self.view.show_narration)

    def _on_filter_changed(self, visible: int, total: int) -> None:
        self.count_label.setText(QCoreApplication.translate("MainWindow", "%1 of %2 turns shown")
                                 .replace("%1", str(visible)).replace("%2", str(total)))
        self.speakers_dock.set_counts(visible, total)

    def _on_current_turn(self, index: int) -> None:
        if 0 <= index < len(self.turns):
            turn = self.turns[index]
            speaker = next((s for s in self.speakers if s.id == turn.speaker_id), None)
            who = speaker.name if speaker else QCoreApplication.translate("MainWindow", "Narration")
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Turn %1 · %2").replace(
                "%1", str(index + 1)).replace("%2", who))
