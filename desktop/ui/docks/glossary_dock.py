"""The Glossary panel: terms with a filter, the chosen term's card and where it occurs.

Adding a term from the selection (T) opens `TermDialog` prefilled with the selected text
and the sentence around it; adding and removing run as undoable commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import glossary
from desktop.core.errors import YanduError
from desktop.ui.actions import ActionId
from desktop.ui.docks.common import elide
from desktop.ui.glossary_layer import term_card
from desktop.ui.i18n import fill
from desktop.ui.markdown_note import render_note
from desktop.ui.tasks import run_task

if TYPE_CHECKING:
    from desktop.ui.docks.glossary_term_dialog import TermDialog
    from desktop.ui.main_window import MainWindow

ROLE = Qt.ItemDataRole.UserRole


class GlossaryDock(QDockWidget):
    """Terms (filterable), the chosen term's definition, and its occurrences by speaker."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.setObjectName("glossary_dock")
        self.terms: list[glossary.Term] = []
        self.dialog: TermDialog | None = None

        body = QWidget(self)
        self.filter = QLineEdit(body)
        self.filter.setObjectName("glossary_filter")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(body)
        self.list.setObjectName("glossary_terms")
        self.card = QTextBrowser(body)
        self.card.setObjectName("glossary_card")
        self.card.setOpenLinks(False)  # a definition's links must not load anything
        self.occurrences = QTreeWidget(body)
        self.occurrences.setObjectName("glossary_occurrences")
        split = QSplitter(Qt.Orientation.Vertical, body)
        for widget in (self.list, self.card, self.occurrences):
            split.addWidget(widget)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter)
        layout.addWidget(split)

        self.suggestions: list[glossary.Suggestion] = []
        self._found: list[glossary.Suggestion] = []
        self._suggesting = False
        candidates = QWidget(self)
        self.suggest_button = QPushButton(candidates)
        self.suggestion_list = QListWidget(candidates)
        self.suggestion_list.setObjectName("glossary_suggestions")
        self.suggestion_status = QLabel(candidates)
        self.suggestion_status.setWordWrap(True)
        side = QVBoxLayout(candidates)
        side.setContentsMargins(2, 2, 2, 2)
        side.addWidget(self.suggest_button)
        side.addWidget(self.suggestion_list)
        side.addWidget(self.suggestion_status)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(body, "")
        self.tabs.addTab(candidates, "")
        self.setWidget(self.tabs)
        self.retranslate_ui()
        self.suggest_button.clicked.connect(self.find_suggestions)
        self.suggestion_list.itemActivated.connect(lambda _item: self._jump_to_suggestion())

        self.filter.textChanged.connect(self._fill)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.occurrences.itemActivated.connect(self._jump)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def retranslate_ui(self) -> None:
        """Texts in the interface language."""
        self.setWindowTitle(self.tr("Glossary"))
        self.filter.setPlaceholderText(self.tr("Filter terms"))
        self.card.setPlaceholderText(self.tr("Choose a term to see its entry."))
        self.occurrences.setHeaderLabels([self.tr("Where it occurs, by speaker")])
        self.tabs.setTabText(0, self.tr("Terms"))
        self.tabs.setTabText(1, self.tr("Suggestions"))
        self.suggest_button.setText(self.tr("Suggest terms from this document"))
        self.suggestion_status.setText(self.tr("Y accepts the chosen suggestion, X dismisses it."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Follow language switches: the panel's own texts and the chosen term's card."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._show_current()

    # ---- terms -----------------------------------------------------------------------

    def set_terms(self, terms: list[glossary.Term]) -> None:
        """Show these terms (sorted by the caller), keeping the chosen one if it remains."""
        self.terms = list(terms)
        self._fill()

    def has_term(self, term_id: str) -> bool:
        """Whether the list holds the term (whatever the filter shows)."""
        return any(t.id == term_id for t in self.terms)

    def current_term(self) -> glossary.Term | None:
        """The chosen term, read again from the study."""
        item = self.list.currentItem()
        return glossary.get_term(self.window.db, item.data(ROLE)) if item else None

    def select_term(self, term_id: str) -> None:
        """Choose a term in the list (clearing the filter if it hides it)."""
        for attempt in range(2):
            for row in range(self.list.count()):
                if self.list.item(row).data(ROLE) == term_id:
                    self.list.setCurrentRow(row)
                    return
            if attempt == 0 and self.filter.text():
                self.filter.clear()

    def _fill(self) -> None:
        current = self.list.currentItem()
        keep = current.data(ROLE) if current else None
        from desktop.core.textnorm import fold

        needle = fold(self.filter.text().strip())
        self.list.blockSignals(True)
        self.list.clear()
        for term in self.terms:
            if needle and not any(needle in fold(f) for f in
                                  (*term.forms, term.english, term.pinyin, term.category)):
                continue
            label = term.term + (f"  — {term.english}" if term.english else "")
            item = QListWidgetItem(elide(label, 60))
            item.setData(ROLE, term.id)
            item.setToolTip(term.pinyin)
            self.list.addItem(item)
            if term.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._show_current()

    def _show_current(self) -> None:
        term = self.current_term()
        self.occurrences.clear()
        if term is None:
            self.card.clear()
            return
        notes = render_note(term.notes.strip()) if term.notes.strip() else ""
        aliases = ", ".join(term.aliases)
        extra = f"<p><small>{self.tr('Aliases')}: {_esc(aliases)}</small></p>" if aliases else ""
        self.card.setHtml(term_card(term) + extra + (f"<hr>{notes}" if notes else ""))
        found = glossary.find_occurrences(self.window.db, term)
        # The document being read first, then the others in the study's order.
        documents = sorted(found.documents,
                           key=lambda doc: doc.document_id != self.window.document_id)
        for doc in documents:
            for group in doc.speakers:
                name = group.speaker or self.tr("Narration")
                label = f"{name} ({group.count})"
                if len(found.documents) > 1:
                    label = f"{doc.title} · {label}"
                parent = QTreeWidgetItem([label])
                self.occurrences.addTopLevelItem(parent)
                for occ in group.occurrences:
                    child = QTreeWidgetItem([f"…{occ.before}【{occ.matched}】{occ.after}…"])
                    child.setData(0, ROLE, (occ.document_id, occ.start, occ.end))
                    parent.addChild(child)
        if self.occurrences.topLevelItemCount() <= 3:
            self.occurrences.expandAll()

    def _jump(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        place = item.data(0, ROLE)
        if not place:
            item.setExpanded(not item.isExpanded())
            return
        document_id, start, end = place
        window = self.window
        window.jumps.record(window.here())
        if document_id != window.document_id and not window.open_document(document_id):
            return
        window.show_reading()
        window._reveal(start)
        window.view.scroll_to_offset(start, select_to=end)

    # ---- adding and removing ---------------------------------------------------------

    def open_add_term(self) -> TermDialog | None:
        """Open the term editor prefilled from the selected text (None if nothing is); on
        a word already in the glossary, that term's editor."""
        window = self.window
        selected = window.view.selected_range()
        if window.document_id is None or selected is None:
            window.show_error(self.tr("Select the word to add to the glossary first."))
            return None
        try:
            values = glossary.prefill_from_selection(window.db, window.document_id, *selected)
        except YanduError as exc:
            window.show_error(str(exc))
            return None
        existing = glossary.find_term(window.db, values["term"])
        if existing is not None:
            # Already a term (or an alias of one): its entry, to edit, not a new one that
            # could only be refused.
            self.show()
            self.raise_()
            self.tabs.setCurrentIndex(0)
            self.select_term(existing.id)
            window.statusBar().showMessage(fill(
                self.tr("“%1” is already in the glossary, as “%2”."), values["term"],
                existing.term), 8000)
            return self.open_edit_term()
        if self.dialog is not None:
            self.dialog.close()
        from desktop.ui.docks.glossary_term_dialog import TermDialog

        self.dialog = TermDialog(window, values, self._add)
        self.dialog.show()
        self.dialog.field("english").setFocus()
        return self.dialog

    def _add(self, values: dict[str, str]) -> bool:
        try:
            term = glossary.new_term(
                values["term"], aliases=glossary.split_alias_field(values["aliases"]),
                definition=values["definition"], category=values["category"],
                english=values["english"], pinyin=values["pinyin"] or None,
                notes=values["notes"])
            glossary.check_new_spellings(self.window.db, term)
        except YanduError as exc:
            if self.dialog is not None:
                self.dialog.show_error(str(exc))
            return False
        if not self.window.run_command(glossary.AddTerm(term)):
            return False
        self.select_term(term.id)
        return True

    def open_edit_term(self) -> TermDialog | None:
        """Open the term editor on the chosen term; saving is one undoable step."""
        term = self.current_term()
        if term is None:
            self.window.show_error(self.tr("Choose a term in the Glossary panel first."))
            return None
        values = {"term": term.term, "aliases": ", ".join(term.aliases),
                  "pinyin": term.pinyin, "english": term.english, "category": term.category,
                  "definition": term.definition, "notes": term.notes}
        if self.dialog is not None:
            self.dialog.close()
        from desktop.ui.docks.glossary_term_dialog import TermDialog

        self.dialog = TermDialog(self.window, values, lambda v: self._edit(term, v))
        self.dialog.setWindowTitle(self.tr("Edit glossary term"))
        self.dialog.show()
        self.dialog.field("definition").setFocus()
        return self.dialog

    def _edit(self, before: glossary.Term, values: dict[str, str]) -> bool:
        try:
            edit = glossary.EditTerm.of(
                before, term=values["term"], aliases=glossary.split_alias_field(values["aliases"]),
                definition=values["definition"], category=values["category"],
                english=values["english"], pinyin=values["pinyin"], notes=values["notes"])
            glossary.check_new_spellings(self.window.db, edit.after, except_id=before.id)
        except YanduError as exc:
            if self.dialog is not None:
                self.dialog.show_error(str(exc))
            return False
        if edit.changes_anything and not self.window.run_command(edit):
            current = glossary.get_term(self.window.db, before.id)
            if current != before and self.dialog is not None:
                # Changed elsewhere meanwhile: the dialog keeps what was typed, and saving
                # again replaces the newer version (or adds the term back if it went).
                self.dialog.on_accept = ((lambda v: self._edit(current, v)) if current
                                         else self._add)
                self.dialog.show_error(self.tr(
                    "Changed in another window meanwhile. Saving again replaces that version."))
            return False
        self.select_term(before.id)
        return True

    def reset_current(self) -> None:
        """Put the chosen built-in term back to its built-in text (undoable)."""
        term = self.current_term()
        if term is None:
            self.window.show_error(self.tr("Choose a term in the Glossary panel first."))
            return
        try:
            command = glossary.ResetTerm.of(term)
        except YanduError as exc:
            self.window.show_error(str(exc))
            return
        self.window.run_command(command)
        self.select_term(term.id)

    def remove_current(self) -> None:
        """Remove the chosen term (undoable)."""
        term = self.current_term()
        if term is None:
            self.window.show_error(self.tr("Choose a term in the Glossary panel first."))
            return
        self.window.run_command(glossary.RemoveTerm(term))

    def open_term_at_cursor(self) -> bool:
        """Show the entry of the marked term under the text cursor; False when there is none."""
        offset = self.window.view.cursor_offset()
        match = None if offset is None else self.window.glossary.layer.match_at(offset)
        if match is None:
            self.window.statusBar().showMessage(self.tr("No glossary term at the cursor."), 3000)
            return False
        self.select_term(match.term_id)
        self.show()
        self.raise_()
        return True

    def focus(self) -> None:
        """Show the panel and put the keyboard in its filter."""
        self.show()
        self.raise_()
        self.filter.setFocus()


    # ---- suggestions -----------------------------------------------------------------

    def find_suggestions(self) -> None:
        """Look for candidate jargon in the open document (on a worker thread)."""
        window = self.window
        if window.document_id is None or self._suggesting:
            return
        self.show()
        self.raise_()
        self.tabs.setCurrentIndex(1)
        self._suggesting = True
        # The last run's list (another document's, perhaps) goes while this one runs.
        self._found = []
        self.suggestions = []
        self.suggestion_list.clear()
        self.suggestion_status.setText(self.tr("Looking for candidate terms…"))
        document_id, path = window.document_id, window.study_path

        def work(progress) -> list[glossary.Suggestion]:
            from db import open_study

            db = open_study(path)  # sqlite connections belong to their thread
            try:
                # In short steps, each ending in `progress`: no step holds the interpreter
                # long enough to slow the window, and quitting stops the work there.
                return glossary.suggest(db, document_id=document_id, progress=progress)
            finally:
                db.close()

        looking = self.suggestion_status.text()

        def advanced(done: int, total: int) -> None:
            if self._suggesting:
                self.suggestion_status.setText(f"{looking} {100 * done // max(total, 1)} %")

        def failed(exc: BaseException) -> None:
            self._suggesting = False
            self.suggestion_status.setText(str(exc).splitlines()[0] if str(exc) else "")

        if path is None:
            self.set_suggestions(glossary.suggest(window.db, document_id=document_id))
            return
        run_task(work, self.set_suggestions, failed, advanced, writes=False)

    def set_suggestions(self, suggestions: list[glossary.Suggestion]) -> None:
        """Show candidate terms, each with its count and an example."""
        self._suggesting = False
        self._found = list(suggestions)  # the last run, whatever is accepted or dismissed since
        self._show_suggestions(self._found)

    def _show_suggestions(self, suggestions: list[glossary.Suggestion],
                          keep: str | None = None, row: int = 0) -> None:
        """List `suggestions`, choosing `keep` if it is among them, else row `row`."""
        self.suggestions = list(suggestions)
        self.suggestion_list.clear()
        row = min(max(row, 0), max(len(self.suggestions) - 1, 0))
        for index, suggestion in enumerate(self.suggestions):
            item = QListWidgetItem(f"{suggestion.candidate}  ×{suggestion.count}")
            item.setToolTip(suggestion.example)
            self.suggestion_list.addItem(item)
            if suggestion.candidate == keep:
                row = index
        if self.suggestions:
            self.suggestion_list.setCurrentRow(row)
            self.suggestion_status.setText(
                self.tr("Y accepts the chosen suggestion, X dismisses it."))
        else:
            self.suggestion_status.setText(self.tr("No new candidate terms here."))

    def follow_glossary(self) -> None:
        """After a glossary change — an undone dismissal or an undone term among them —
        list again, from the last run, every candidate that is neither a term nor
        dismissed now, in its place."""
        if not self._found or self.window.db is None:
            return
        from desktop.core.textnorm import fold

        db = self.window.db
        excluded = {f for t in glossary.list_terms(db) for f in t.folded_forms()}
        excluded |= glossary.dismissed(db)
        visible = [s for s in self._found if fold(s.candidate) not in excluded]
        if [s.candidate for s in visible] != [s.candidate for s in self.suggestions]:
            row = self.suggestion_list.currentRow()
            current = self.suggestions[row] if 0 <= row < len(self.suggestions) else None
            self._show_suggestions(visible, keep=current.candidate if current else None,
                                   row=row)

    def current_suggestion(self) -> glossary.Suggestion | None:
        """The chosen candidate, if the Suggestions tab shows one."""
        row = self.suggestion_list.currentRow()
        if self.tabs.currentIndex() != 1 or not 0 <= row < len(self.suggestions):
            return None
        return self.suggestions[row]

    def accept_suggestion(self) -> None:
        """Add the chosen candidate as a term (undoable), then move to the next one."""
        suggestion = self.current_suggestion()
        if suggestion is None:
            self.window.show_error(self.tr("Choose a suggestion in the Glossary panel first."))
            return
        term = glossary.term_from_suggestion(self.window.db, suggestion)
        row = self.suggestion_list.currentRow()
        if self.window.run_command(glossary.AddTerm(term)):
            self._drop(suggestion.candidate, row)

    def dismiss_suggestion(self) -> None:
        """Never suggest the chosen candidate again (undoable), then move to the next one."""
        suggestion = self.current_suggestion()
        if suggestion is None:
            self.window.show_error(self.tr("Choose a suggestion in the Glossary panel first."))
            return
        row = self.suggestion_list.currentRow()
        if self.window.run_command(glossary.DismissCandidate(suggestion.candidate)):
            self._drop(suggestion.candidate, row)

    def _drop(self, candidate: str, row: int) -> None:
        """Take `candidate` off the list (unless the glossary's refresh already has) and
        choose the one now at `row`."""
        for index, suggestion in enumerate(self.suggestions):
            if suggestion.candidate == candidate:
                del self.suggestions[index]
                self.suggestion_list.takeItem(index)
                break
        if self.suggestions:
            self.suggestion_list.setCurrentRow(min(row, len(self.suggestions) - 1))

    def _jump_to_suggestion(self) -> None:
        suggestion = self.current_suggestion()
        if suggestion is None or suggestion.start is None or suggestion.document_id is None:
            return
        window = self.window
        window.jumps.record(window.here())
        if (suggestion.document_id != window.document_id
                and not window.open_document(suggestion.document_id)):
            return
        window.show_reading()
        window._reveal(suggestion.start)
        end = suggestion.start + len(suggestion.candidate)
        window.view.scroll_to_offset(suggestion.start, select_to=end)


def _esc(text: str) -> str:
    import html

    return html.escape(text)


def install_dock(window: MainWindow, controller) -> GlossaryDock:
    """Add the Glossary panel and connect its actions."""
    dock = GlossaryDock(window)
    window.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea)

    def refill() -> None:
        from desktop.core.textnorm import fold

        dock.set_terms(sorted(glossary.list_terms(window.db), key=lambda t: fold(t.term)))
        dock.follow_glossary()

    controller.terms_changed.connect(refill)
    # Occurrences are counted over every document: another one opened (or imported) may
    # hold more of them.
    window.document_opened.connect(lambda _id: dock._show_current())
    actions = window.actions
    actions[ActionId.ADD_TERM].triggered.connect(lambda _=False: dock.open_add_term())
    actions[ActionId.REMOVE_TERM].triggered.connect(lambda _=False: dock.remove_current())
    actions[ActionId.EDIT_TERM].triggered.connect(lambda _=False: dock.open_edit_term())
    actions[ActionId.RESET_TERM].triggered.connect(lambda _=False: dock.reset_current())
    actions[ActionId.OPEN_TERM].triggered.connect(lambda _=False: dock.open_term_at_cursor())
    actions[ActionId.FOCUS_GLOSSARY].triggered.connect(lambda _=False: dock.focus())
    actions[ActionId.SUGGEST_TERMS].triggered.connect(lambda _=False: dock.find_suggestions())
    actions[ActionId.ACCEPT_SUGGESTION].triggered.connect(
        lambda _=False: dock.accept_suggestion())
    actions[ActionId.DISMISS_SUGGESTION].triggered.connect(
        lambda _=False: dock.dismiss_suggestion())
    dock.suggestion_list.addActions([actions[ActionId.ACCEPT_SUGGESTION],
                                     actions[ActionId.DISMISS_SUGGESTION]])
    dock.suggestion_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    dock.list.addActions([actions[ActionId.EDIT_TERM], actions[ActionId.RESET_TERM],
                          actions[ActionId.REMOVE_TERM]])
    window.view.addAction(actions[ActionId.ADD_TERM])
    return dock
