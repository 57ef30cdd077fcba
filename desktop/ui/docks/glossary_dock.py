"""The Glossary panel: terms with a filter, the chosen term's card and where it occurs.

Adding a term from the selection (T) opens `TermDialog` prefilled with the selected text
and the sentence around it; adding and removing run as undoable commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import glossary
from desktop.core.errors import YanduError
from desktop.core.glossary.commands import check_new_spellings
from desktop.core.textnorm import fold
from desktop.ui.actions import ActionId
from desktop.ui.docks.common import elide
from desktop.ui.glossary_layer import term_card
from desktop.ui.markdown_note import render_note

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

ROLE = Qt.ItemDataRole.UserRole


class TermDialog(QDialog):
    """A small editor for a new term; `on_accept(values)` returns False to stay open."""

    LINE_FIELDS = ("term", "aliases", "pinyin", "english", "category")
    TEXT_FIELDS = ("definition", "notes")

    def __init__(self, parent: QWidget, values: dict, on_accept) -> None:
        super().__init__(parent)
        self.setObjectName("term_dialog")
        self.setWindowTitle(self.tr("Add glossary term"))
        self.on_accept = on_accept
        self._fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout()
        labels = {"term": self.tr("&Term"), "aliases": self.tr("&Aliases (comma-separated)"),
                  "pinyin": self.tr("&Pinyin"), "english": self.tr("&English"),
                  "category": self.tr("&Category"), "definition": self.tr("&Definition"),
                  "notes": self.tr("&Notes")}
        for name in self.LINE_FIELDS + self.TEXT_FIELDS:
            if name in self.LINE_FIELDS:
                widget: QLineEdit | QPlainTextEdit = QLineEdit(str(values.get(name, "")), self)
            else:
                widget = QPlainTextEdit(str(values.get(name, "")), self)
                widget.setTabChangesFocus(True)
                widget.setMaximumHeight(90)
            widget.setObjectName(f"term_{name}")
            self._fields[name] = widget
            form.addRow(labels[name], widget)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def field(self, name: str) -> QLineEdit | QPlainTextEdit:
        """The editor widget of a field."""
        return self._fields[name]

    def values(self) -> dict[str, str]:
        """The fields as typed."""
        return {name: (w.text() if isinstance(w, QLineEdit) else w.toPlainText()).strip()
                for name, w in self._fields.items()}

    def show_error(self, message: str) -> None:
        """Say in the dialog why the term was not added."""
        self.error.setText(message)
        self.error.setVisible(True)

    def accept(self) -> None:
        """Add the term; stay open (with the reason) if that fails."""
        if self.on_accept(self.values()):
            super().accept()


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
        self.occurrences.setHeaderHidden(True)
        split = QSplitter(Qt.Orientation.Vertical, body)
        for widget in (self.list, self.card, self.occurrences):
            split.addWidget(widget)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter)
        layout.addWidget(split)
        self.setWidget(body)
        self.retranslate_ui()

        self.filter.textChanged.connect(self._fill)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.occurrences.itemActivated.connect(self._jump)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def retranslate_ui(self) -> None:
        """Texts in the interface language."""
        self.setWindowTitle(self.tr("Glossary"))
        self.filter.setPlaceholderText(self.tr("Filter terms"))

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
        for doc in found.documents:
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
        """Open the term editor prefilled from the selected text (None if nothing is)."""
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
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = TermDialog(window, values, self._add)
        self.dialog.show()
        self.dialog.field("english").setFocus()
        return self.dialog

    def _add(self, values: dict[str, str]) -> bool:
        try:
            term = glossary.new_term(
                values["term"], aliases=values["aliases"].replace("，", ","),
                definition=values["definition"], category=values["category"],
                english=values["english"], pinyin=values["pinyin"] or None,
                notes=values["notes"])
            check_new_spellings(self.window.db, term)
        except YanduError as exc:
            if self.dialog is not None:
                self.dialog.show_error(str(exc))
            return False
        if not self.window.run_command(glossary.AddTerm(term)):
            return False
        self.select_term(term.id)
        return True

    def remove_current(self) -> None:
        """Remove the chosen term (undoable)."""
        term = self.current_term()
        if term is None:
            self.window.show_error(self.tr("Choose a term in the Glossary panel first."))
            return
        self.window.run_command(glossary.RemoveTerm(term))

    def focus(self) -> None:
        """Show the panel and put the keyboard in its filter."""
        self.show()
        self.raise_()
        self.filter.setFocus()


def _esc(text: str) -> str:
    import html

    return html.escape(text)


def install_dock(window: MainWindow, controller) -> GlossaryDock:
    """Add the Glossary panel and connect its actions."""
    dock = GlossaryDock(window)
    window.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    controller.terms_changed.connect(
        lambda: dock.set_terms(sorted(glossary.list_terms(window.db),
                                      key=lambda t: fold(t.term))))
    actions = window.actions
    actions[ActionId.ADD_TERM].triggered.connect(lambda _=False: dock.open_add_term())
    actions[ActionId.REMOVE_TERM].triggered.connect(lambda _=False: dock.remove_current())
    actions[ActionId.FOCUS_GLOSSARY].triggered.connect(lambda _=False: dock.focus())
    dock.list.addActions([actions[ActionId.REMOVE_TERM]])
    window.view.addAction(actions[ActionId.ADD_TERM])
    return dock
