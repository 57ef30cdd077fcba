"""The window's movement: turns, sections, jumps, views, focus, zoom, language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDockWidget, QMessageBox, QWidget

from desktop.ui.navigation import Place

READING, COMPARE = 0, 1


class NavigationMixin:
    """Navigation actions of MainWindow."""

    # ---- views ------------------------------------------------------------------------

    def switch_view(self) -> None:
        """Toggle between the reading view and the compare view."""
        if self.stack.currentIndex() == READING:
            self._refresh_compare()
            turn = self.view.current_turn()
            self.stack.setCurrentIndex(COMPARE)
            if turn >= 0:
                self.compare.select_turn(turn)
            self.compare.setFocus()
        else:
            self.show_reading()
            self.view.setFocus()

    def show_reading(self) -> None:
        """Make sure the reading view is the one shown."""
        if self.stack.currentIndex() != READING:
            self.stack.setCurrentIndex(READING)

    def jump_to_turn(self, index: int) -> None:
        """Show a turn in the reading view (from the compare view)."""
        if not 0 <= index < len(self.turns):
            return
        self.jumps.record(self.here())
        self.show_reading()
        self._reveal(self.turns[index].text_start)
        self.view.scroll_to_turn(index)
        self.view.scroll_to_offset(self.turns[index].text_start, top=True)
        self.view.setFocus()

    # ---- turns and sections -----------------------------------------------------------

    def step_turn(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) visible turn."""
        if not self.turns:
            return
        current = self.view.current_turn()
        index = current + direction if current >= 0 else 0
        while 0 <= index < len(self.turns) and not self.view.turn_shown(index):
            index += direction
        if 0 <= index < len(self.turns):
            self.view.scroll_to_offset(self.turns[index].text_start, top=True)

    def step_section(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) section header."""
        self.view.complete()  # every section, not only those written so far
        blocks = [s for s in self.view.section_blocks
                  if any(self.view.turn_shown(i) for i in s.turn_indexes)]
        if not blocks:
            return
        current = self.view.current_turn()
        if direction > 0:
            target = next((s for s in blocks if s.turn_indexes[0] > current), None)
        else:
            containing = next((s for s in reversed(blocks) if s.turn_indexes[0] <= current),
                              None)
            target = None
            if containing is not None:
                earlier = [s for s in blocks if s.turn_indexes[0] < containing.turn_indexes[0]]
                first_visible = next(i for i in containing.turn_indexes
                                     if self.view.turn_shown(i))
                # Inside a section, "previous" first goes to its own header.
                target = containing if current > first_visible else (
                    earlier[-1] if earlier else None)
        if target is None:
            return
        first = next(i for i in target.turn_indexes if self.view.turn_shown(i))
        self.view.scroll_to_turn(first)
        self.view.scroll_to_offset(self.turns[first].text_start, top=True)
        # Show the header above the turn.
        bar = self.view.verticalScrollBar()
        bar.setValue(max(0, bar.value() - 2))

    # ---- back and forward -------------------------------------------------------------

    def go_to_place(self, place: Place) -> None:
        """Show a document offset (opening its document when needed)."""
        if place.document_id != self.document_id and not self.open_document(place.document_id):
            return
        self.show_reading()
        self._reveal(place.offset)
        self.view.scroll_to_offset(place.offset)

    def go_back(self) -> None:
        """Return to where the last jump came from."""
        place = self.jumps.back(self.here())
        if place is not None:
            self.go_to_place(place)

    def go_forward(self) -> None:
        """Redo a jump undone by Back."""
        place = self.jumps.forward(self.here())
        if place is not None:
            self.go_to_place(place)

    def focus_transcript(self) -> None:
        """Put the keyboard focus on the transcript (whichever view is shown)."""
        (self.view if self.stack.currentIndex() == READING else self.compare).setFocus()

    def _focus_dock(self, dock: QDockWidget, widget: QWidget) -> None:
        dock.show()
        dock.raise_()
        widget.setFocus()

    def zoom(self, steps: int) -> None:
        """Make the transcript text larger or smaller."""
        font = self.view.font()
        size = min(36.0, max(7.0, font.pointSizeF() + steps))
        font.setPointSizeF(size)
        self.view.setFont(font)
        if self._compare is not None:
            self._compare.setFont(font)

    def set_language(self, language: str) -> None:
        """Switch the interface between English and Simplified Chinese (kept in settings)."""
        from desktop.ui.i18n import install_translator

        self.settings.setValue("language", language)
        install_translator(language)

    def show_shortcuts(self) -> None:
        """List every action with its keys (F1)."""
        from desktop.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.actions, self.settings, self, editable=False).open()

    def edit_shortcuts(self) -> None:
        """Let the user reassign keys."""
        from desktop.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.actions, self.settings, self, editable=True).open()

    def show_about(self) -> None:
        """A few words about Yandu."""
        from desktop import __version__

        QMessageBox.about(self, QCoreApplication.translate("MainWindow", "About Yandu"), QCoreApplication.translate(
            "MainWindow", "<b>Yandu 研读</b> %1<p>Study and annotate transcripts, with Chinese "
            "as a first-class language.</p><p>Every edit is saved at once in the study "
            "file.</p>").replace("%1", __version__))
