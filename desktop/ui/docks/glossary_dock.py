"""The Glossary panel: terms with a filter, the chosen term's card and where it occurs;
and candidate terms suggested from the open document.

The panel shows and chooses; what its keys and buttons do to the study (adding, editing,
suggesting) is `controllers.glossary_terms`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
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
from desktop.ui.docks.common import elide
from desktop.ui.markdown_note import render_note
from desktop.ui.term_card import term_card

if TYPE_CHECKING:
    from desktop.ui.session import Session

ROLE = Qt.ItemDataRole.UserRole


class GlossaryDock(QDockWidget):
    """Terms (filterable), the chosen term's definition, and its occurrences by speaker."""

    place_activated = Signal(int, int, int)  # document, start, end: an occurrence or example
    suggest_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("glossary_dock")
        self.terms: list[glossary.Term] = []

        body = QWidget(self)
        self.filter = QLineEdit(body)
        self.filter.setObjectName("glossary_filter")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(body)
        self.list.setObjectName("glossary_terms")
        # A long entry ends in "…" (the whole of it is the card below), no sideways scroll.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.card = QTextBrowser(body)
        self.card.setObjectName("glossary_card")
        self.card.setOpenLinks(False)  # a definition's links must not load anything
        self.occurrences = QTreeWidget(body)
        self.occurrences.setObjectName("glossary_occurrences")
        split = QSplitter(Qt.Orientation.Vertical, body)
        for widget in (self.list, self.card, self.occurrences):
            split.addWidget(widget)
        # The terms, what the panel is for, take three fifths of its height; the card and
        # the occurrences share the rest (evenly split, four terms showed).
        for part, stretch in enumerate((3, 1, 1)):
            split.setStretchFactor(part, stretch)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter)
        layout.addWidget(split)

        self.suggestions: list[glossary.Suggestion] = []
        self._found: list[glossary.Suggestion] = []
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
        self.suggest_button.clicked.connect(self.suggest_requested)
        self.suggestion_list.itemActivated.connect(lambda _item: self._jump_to_suggestion())

        self.filter.textChanged.connect(self._fill)
        self.list.currentItemChanged.connect(lambda *_: self.show_current())
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
            self.show_current()

    # ---- terms -----------------------------------------------------------------------

    def set_terms(self, terms: list[glossary.Term], choose: str | None = None) -> None:
        """Show these terms (sorted by the caller), keeping the chosen one if it remains,
        or choosing the term `choose` (a term just added: its card is made once)."""
        self.terms = list(terms)
        self._fill(choose)

    def has_term(self, term_id: str) -> bool:
        """Whether the list holds the term (whatever the filter shows)."""
        return any(t.id == term_id for t in self.terms)

    def current_term(self) -> glossary.Term | None:
        """The chosen term, read again from the study."""
        item = self.list.currentItem()
        return glossary.get_term(self.session.db, item.data(ROLE)) if item else None

    def select_term(self, term_id: str) -> None:
        """Choose a term in the list (clearing the filter if it hides it)."""
        for attempt in range(2):
            for row in range(self.list.count()):
                if self.list.item(row).data(ROLE) == term_id:
                    self.list.setCurrentRow(row)
                    return
            if attempt == 0 and self.filter.text():
                self.filter.clear()

    def _fill(self, choose: str | None = None) -> None:
        current = self.list.currentItem()
        keep = choose or (current.data(ROLE) if current else None)
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
        self.show_current()

    def show_current(self) -> None:
        term = self.current_term()
        self.occurrences.clear()
        if term is None:
            self.card.clear()
            return
        notes = render_note(term.notes.strip()) if term.notes.strip() else ""
        aliases = ", ".join(term.aliases)
        extra = f"<p><small>{self.tr('Aliases')}: {_esc(aliases)}</small></p>" if aliases else ""
        self.card.setHtml(term_card(term) + extra + (f"<hr>{notes}" if notes else ""))
        found = glossary.find_occurrences(self.session.db, term)
        # The document being read first, then the others in the study's order.
        documents = sorted(found.documents,
                           key=lambda doc: doc.document_id != self.session.document_id)
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
        self.place_activated.emit(*place)

    def show_term(self, term_id: str) -> None:
        """Show the panel on a term's entry."""
        self.show()
        self.raise_()
        self.tabs.setCurrentIndex(0)
        self.select_term(term_id)

    def focus(self) -> None:
        """Show the panel and put the keyboard in its filter."""
        self.show()
        self.raise_()
        self.filter.setFocus()


    # ---- suggestions -----------------------------------------------------------------

    def start_suggesting(self) -> str:
        """Show the Suggestions tab, emptied (the last run's list, of another document
        perhaps, goes while the new one runs); the text that says it is looking."""
        self.show()
        self.raise_()
        self.tabs.setCurrentIndex(1)
        self._found = []
        self.suggestions = []
        self.suggestion_list.clear()
        self.suggestion_status.setText(self.tr("Looking for candidate terms…"))
        return self.suggestion_status.text()

    def set_suggestion_status(self, text: str) -> None:
        """Say how the search for candidates goes (or why it stopped)."""
        self.suggestion_status.setText(text)

    def set_suggestions(self, suggestions: list[glossary.Suggestion]) -> None:
        """Show candidate terms, each with its count and an example."""
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
        if not self._found or not self.session.is_attached:
            return
        from desktop.core.textnorm import fold

        db = self.session.db
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

    def drop_suggestion(self, candidate: str, row: int) -> None:
        """Take `candidate` off the list (unless the glossary's refresh already has) and
        choose the one now at `row`."""
        for index, suggestion in enumerate(self.suggestions):
            if suggestion.candidate == candidate:
                del self.suggestions[index]
                self.suggestion_list.takeItem(index)
                break
        if self.suggestions:
            self.suggestion_list.setCurrentRow(min(row, len(self.suggestions) - 1))

    def clear_suggestions(self) -> None:
        """Forget the last run's candidates (they belong to another document)."""
        self._found = []
        self.suggestions = []
        self.suggestion_list.clear()
        self.suggestion_status.clear()

    def _jump_to_suggestion(self) -> None:
        suggestion = self.current_suggestion()
        if suggestion is None or suggestion.start is None or suggestion.document_id is None:
            return
        self.place_activated.emit(suggestion.document_id, suggestion.start,
                                  suggestion.start + len(suggestion.candidate))


def _esc(text: str) -> str:
    import html

    return html.escape(text)
