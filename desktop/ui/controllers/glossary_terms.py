"""Glossary edits from the window: a term added from the selection (T), edited, reset or
removed, each one undoable step; candidate terms suggested from the open document,
accepted (Y) or dismissed (X)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.core import glossary
from desktop.core.errors import YanduError
from desktop.ui.actions import ActionId
from desktop.ui.controllers.glossary import GlossaryMarks
from desktop.ui.controllers.navigation import Navigator
from desktop.ui.docks.glossary_dock import GlossaryDock
from desktop.ui.feedback import Feedback
from desktop.ui.i18n import fill
from desktop.ui.session import Session

if TYPE_CHECKING:
    from desktop.ui.docks.glossary_term_dialog import TermDialog



class GlossaryTerms(QObject):
    """What the glossary's keys, buttons and dialogs do to the study."""

    def __init__(self, session: Session, navigator: Navigator, marks: GlossaryMarks,
                 dock: GlossaryDock, actions: dict[ActionId, QAction], feedback: Feedback,
                 dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.session, self.navigator, self.marks, self.dock = session, navigator, marks, dock
        self.view = navigator.view
        self.feedback, self.dialog_parent = feedback, dialog_parent
        self.dialog: TermDialog | None = None
        self.suggesting = False
        self._saving: str | None = None  # the term being saved from the dialog
        marks.terms_changed.connect(self._refill)
        marks.term_clicked.connect(self._show_clicked)
        dock.place_activated.connect(
            lambda document, start, end: navigator.go_to(document, start, end))
        dock.suggest_requested.connect(self.find_suggestions)
        session.document_opened.connect(self._follow_document)
        for action_id, handler in (
                (ActionId.ADD_TERM, self.open_add_term), (ActionId.EDIT_TERM, self.open_edit_term),
                (ActionId.REMOVE_TERM, self.remove_current),
                (ActionId.RESET_TERM, self.reset_current),
                (ActionId.OPEN_TERM, self.open_term_at_cursor),
                (ActionId.FOCUS_GLOSSARY, dock.focus),
                (ActionId.SUGGEST_TERMS, self.find_suggestions),
                (ActionId.ACCEPT_SUGGESTION, self.accept_suggestion),
                (ActionId.DISMISS_SUGGESTION, self.dismiss_suggestion)):
            actions[action_id].triggered.connect(lambda _=False, handler=handler: handler())

    def _refill(self) -> None:
        from desktop.core.textnorm import fold

        self.dock.set_terms(sorted(glossary.list_terms(self.session.db),
                                   key=lambda t: fold(t.term)), choose=self._saving)
        self.dock.follow_glossary()

    def _follow_document(self, _document_id: int) -> None:
        # Occurrences are counted over every document, the open one listed first; the
        # last suggestions were another document's.
        self.dock.show_current()
        if not self.suggesting:
            self.dock.clear_suggestions()

    def _show_clicked(self, term_id: str) -> None:
        """A click on a marked term shows its entry, if the panel is open (without taking
        the keyboard from the text; Shift+G opens a closed panel)."""
        if self.dock.isVisible():
            self.dock.select_term(term_id)

    # ---- terms ---------------------------------------------------------------------------

    def _open_dialog(self, values: dict[str, str], on_accept, title: str | None,
                     focus: str) -> TermDialog:
        if self.dialog is not None:
            self.dialog.close()
        from desktop.ui.docks.glossary_term_dialog import TermDialog

        self.dialog = TermDialog(self.dialog_parent, values, on_accept)
        if title:
            self.dialog.setWindowTitle(title)
        self.dialog.show()
        self.dialog.field(focus).setFocus()
        return self.dialog

    def open_add_term(self) -> TermDialog | None:
        """Open the term editor prefilled from the selected text (None if nothing is); on
        a word already in the glossary, that term's editor."""
        session = self.session
        selected = self.view.selected_range()
        if session.document_id is None or selected is None:
            self.feedback.error(QCoreApplication.translate("GlossaryDock", "Select the word to add to the glossary first."))
            return None
        try:
            values = glossary.prefill_from_selection(session.db, session.document_id,
                                                     *selected)
        except YanduError as exc:
            self.feedback.error(str(exc))
            return None
        existing = glossary.find_term(session.db, values["term"])
        if existing is not None:
            # Already a term (or an alias of one): its entry, to edit, not a new one that
            # could only be refused.
            self.dock.show_term(existing.id)
            self.feedback.status(fill(QCoreApplication.translate("GlossaryDock", "“%1” is already in the glossary, as “%2”."),
                                      values["term"], existing.term), 8000)
            return self.open_edit_term()
        return self._open_dialog(values, self._add, None, "english")

    def _add(self, values: dict[str, str]) -> bool:
        try:
            term = glossary.new_term(
                values["term"], aliases=glossary.split_alias_field(values["aliases"]),
                definition=values["definition"], category=values["category"],
                english=values["english"], pinyin=values["pinyin"] or None,
                notes=values["notes"])
            glossary.check_new_spellings(self.session.db, term)
        except YanduError as exc:
            if self.dialog is not None:
                self.dialog.show_error(str(exc))
            return False
        return self._save(glossary.AddTerm(term), term.id)

    def _save(self, command, term_id: str) -> bool:
        """Run a checked term edit with its dialog already closed: what the edit redraws
        (the marks, the panel, the term's card) follows, and the dialog does not wait for
        it. When the edit fails, the dialog comes back as it was typed."""
        dialog = self.dialog
        if dialog is not None:
            dialog.hide()
        self._saving = term_id  # chosen as the panel lists the terms again
        try:
            saved = self.session.run(command)
        finally:
            self._saving = None
        if not saved:
            if dialog is not None:
                dialog.show()
            return False
        self.dock.select_term(term_id)  # (if a filter hid it)
        return True

    def open_edit_term(self) -> TermDialog | None:
        """Open the term editor on the chosen term; saving is one undoable step."""
        term = self.dock.current_term()
        if term is None:
            self.feedback.error(QCoreApplication.translate("GlossaryDock", "Choose a term in the Glossary panel first."))
            return None
        values = {"term": term.term, "aliases": ", ".join(term.aliases),
                  "pinyin": term.pinyin, "english": term.english, "category": term.category,
                  "definition": term.definition, "notes": term.notes}
        return self._open_dialog(values, lambda v: self._edit(term, v),
                                 QCoreApplication.translate("GlossaryDock", "Edit glossary term"), "definition")

    def _edit(self, before: glossary.Term, values: dict[str, str]) -> bool:
        db = self.session.db
        try:
            edit = glossary.EditTerm.of(
                before, term=values["term"],
                aliases=glossary.split_alias_field(values["aliases"]),
                definition=values["definition"], category=values["category"],
                english=values["english"], pinyin=values["pinyin"], notes=values["notes"])
            glossary.check_new_spellings(db, edit.after, except_id=before.id)
        except YanduError as exc:
            if self.dialog is not None:
                self.dialog.show_error(str(exc))
            return False
        if not edit.changes_anything:
            self.dock.select_term(before.id)
            return True
        if self._save(edit, before.id):
            return True
        current = glossary.get_term(db, before.id)
        if current != before and self.dialog is not None:
            # Changed elsewhere meanwhile: the dialog keeps what was typed, and saving
            # again replaces the newer version (or adds the term back if it went).
            self.dialog.on_accept = ((lambda v: self._edit(current, v)) if current
                                     else self._add)
            self.dialog.show_error(QCoreApplication.translate("GlossaryDock",
                "Changed in another window meanwhile. Saving again replaces that version."))
        return False

    def _chosen_term(self) -> glossary.Term | None:
        term = self.dock.current_term()
        if term is None:
            self.feedback.error(QCoreApplication.translate("GlossaryDock", "Choose a term in the Glossary panel first."))
        return term

    def reset_current(self) -> None:
        """Put the chosen built-in term back to its built-in text (undoable)."""
        term = self._chosen_term()
        if term is None:
            return
        try:
            command = glossary.ResetTerm.of(term)
        except YanduError as exc:
            self.feedback.error(str(exc))
            return
        self.session.run(command)
        self.dock.select_term(term.id)

    def remove_current(self) -> None:
        """Remove the chosen term (undoable)."""
        term = self._chosen_term()
        if term is not None:
            self.session.run(glossary.RemoveTerm(term))

    def open_term_at_cursor(self) -> bool:
        """Show the entry of the marked term under the text cursor; False when none is."""
        term_id = self.marks.term_at_cursor()
        if term_id is None:
            self.feedback.status(QCoreApplication.translate("GlossaryDock", "No glossary term at the cursor."), 3000)
            return False
        self.dock.show_term(term_id)
        return True

    # ---- suggestions ---------------------------------------------------------------------

    def find_suggestions(self) -> None:
        """Look for candidate jargon in the open document (on a worker thread)."""
        document_id = self.session.document_id
        if document_id is None or self.suggesting:
            return
        self.suggesting = True
        looking = self.dock.start_suggesting()

        def work(db, progress) -> list[glossary.Suggestion]:
            # In short steps, each ending in `progress`: no step holds the interpreter
            # long enough to slow the window, and quitting stops the work there.
            return glossary.suggest(db, document_id=document_id, progress=progress)

        def advanced(done: int, total: int) -> None:
            if self.suggesting:
                self.dock.set_suggestion_status(f"{looking} {100 * done // max(total, 1)} %")

        def found(suggestions: list[glossary.Suggestion]) -> None:
            self.suggesting = False
            if document_id == self.session.document_id:
                self.dock.set_suggestions(suggestions)
            else:  # another document was opened meanwhile: these are not its candidates
                self.dock.clear_suggestions()

        def failed(exc: BaseException) -> None:
            self.suggesting = False
            self.dock.set_suggestion_status(str(exc).splitlines()[0] if str(exc) else "")

        self.session.run_in_background(work, found, failed, advanced, writes=False)

    def _chosen_suggestion(self) -> glossary.Suggestion | None:
        suggestion = self.dock.current_suggestion()
        if suggestion is None:
            self.feedback.error(QCoreApplication.translate("GlossaryDock", "Choose a suggestion in the Glossary panel first."))
        return suggestion

    def accept_suggestion(self) -> None:
        """Add the chosen candidate as a term (undoable), then move to the next one."""
        suggestion = self._chosen_suggestion()
        if suggestion is None:
            return
        term = glossary.term_from_suggestion(self.session.db, suggestion)
        row = self.dock.suggestion_list.currentRow()
        if self.session.run(glossary.AddTerm(term)):
            self.dock.drop_suggestion(suggestion.candidate, row)

    def dismiss_suggestion(self) -> None:
        """Never suggest the chosen candidate again (undoable), then move to the next one."""
        suggestion = self._chosen_suggestion()
        if suggestion is None:
            return
        row = self.dock.suggestion_list.currentRow()
        if self.session.run(glossary.DismissCandidate(suggestion.candidate)):
            self.dock.drop_suggestion(suggestion.candidate, row)
