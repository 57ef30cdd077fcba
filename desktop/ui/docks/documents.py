"""The documents panel: the study's library, grouped by collection when it has any."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import document_filter
from desktop.core.document_filter import DocumentFilter
from desktop.core.documents import Attributes
from desktop.core.library import DocumentInfo
from desktop.ui.docks.document_list import DocumentList
from desktop.ui.i18n import fill


class _FilterEdit(QLineEdit):
    """The panel's filter: Down or Return goes on to the list, Escape empties it."""

    def __init__(self, to_list: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._to_list = to_list

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._to_list()
        elif event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        else:
            super().keyPressEvent(event)


class DocumentsDock(QDockWidget):
    """Lists the study's documents; activating one opens it. A filter above the list
    narrows them as the reader types, and the documents can be sorted by title, date,
    import or length instead of the library's order.

    In the library's order, when some documents belong to a collection, each group of
    them is headed by the collection's name (documents in none under "No collection");
    the headers cannot be chosen, so the arrow keys pass over them."""

    document_activated = Signal(int)
    order_changed = Signal(str)  # one of document_filter.ORDERS, chosen by the reader

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documents_dock")
        body = QWidget(self)
        self.filter_edit = _FilterEdit(self._enter_list, body)
        self.filter_edit.setObjectName("documents_filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._fill)
        # The sort is a small button with a menu: the panel is narrow at 1024 pixels,
        # and the filter needs the room.
        self.order_button = QToolButton(body)
        self.order_button.setObjectName("documents_order")
        self.order_button.setText("⇅")
        self.order_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.order_button)
        group = QActionGroup(menu)
        self.order_actions: dict[str, QAction] = {}
        for order in document_filter.ORDERS:
            action = menu.addAction("")
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _=False, order=order: self._order_chosen(order))
            self.order_actions[order] = action
        self.order_button.setMenu(menu)
        self.list = DocumentList(self.tooltip, body)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        row = QHBoxLayout()
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.order_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        # Shift+Tab from the list reaches the filter; the sort comes after the list.
        QWidget.setTabOrder(self.filter_edit, self.list)
        QWidget.setTabOrder(self.list, self.order_button)
        self.setFocusProxy(self.list)
        self._filter = DocumentFilter([], {})
        self._order = document_filter.LIBRARY
        self._current: int | None = None
        self.progress_line: Callable[[int], str] | None = None  # study progress, if given
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts again after a language switch."""
        self.setWindowTitle(self.tr("Documents"))
        self.filter_edit.setPlaceholderText(self.tr("Filter documents"))
        self.filter_edit.setToolTip(self.tr(
            "Shows the documents whose title, file name, date, event, source, language or "
            "collection holds every word typed. Escape empties it."))
        for order, action in self.order_actions.items():
            action.setText(self._order_name(order))
        self._name_order()
        # The entries' texts ("12 turns · 3 speakers", "No collection") are made again.
        self.set_documents(self._filter.documents, self._current, self._filter.attributes)

    def _order_name(self, order: str) -> str:
        return {document_filter.LIBRARY: self.tr("Library order"),
                document_filter.TITLE: self.tr("Title"),
                document_filter.DATE: self.tr("Date, latest first"),
                document_filter.IMPORTED: self.tr("Imported, latest first"),
                document_filter.TURNS: self.tr("Most turns first")}[order]

    def _name_order(self) -> None:
        self.order_actions[self._order].setChecked(True)
        self.order_button.setToolTip(fill(self.tr("Sort the documents (now: %1)"),
                                          self._order_name(self._order)))

    @property
    def order(self) -> str:
        """How the list is sorted: one of document_filter.ORDERS."""
        return self._order

    def set_order(self, order: str) -> None:
        """Sort the list by `order` (the library's order for one that is not known)."""
        if order not in document_filter.ORDERS:
            order = document_filter.LIBRARY
        self._order_chosen(order)

    def _order_chosen(self, order: str) -> None:
        self.order_actions[order].setChecked(True)
        if order != self._order:
            self._order = order
            self._name_order()
            self._fill()
            self.order_changed.emit(order)

    def _enter_list(self) -> None:
        self.list.setFocus()
        self.list.choose_first()

    def add_actions(self, actions: Sequence[QAction]) -> None:
        """Offer the window's document actions in the context menu."""
        self.list.addActions(list(actions))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def set_documents(self, documents: Sequence[DocumentInfo], current: int | None,
                      attributes: Mapping[int, Attributes] | None = None) -> None:
        """List `documents` (given in the library's order) as the filter and the order
        chosen show them, marking the open one; `attributes` gives each document's date
        and collection."""
        self._filter = DocumentFilter(documents, attributes or {})
        counts = self.tr("%1 turns · %2 speakers")
        entries = []
        for doc in self._filter.documents:
            attrs = self._filter.attributes[doc.id]
            detail = fill(counts, str(doc.turn_count), str(doc.speaker_count))
            if attrs.date:
                detail = f"{attrs.date} · {detail}"
            entries.append((doc.id, f"{doc.title}\n{detail}", self._tooltip(doc, attrs)))
        self.list.set_entries(entries)
        self._fill()
        self.mark_current(current)

    def _fill(self, *_: object) -> None:
        """Show the documents the filter lets through, in the order chosen."""
        attributes = self._filter.attributes
        grouped = (self._order == document_filter.LIBRARY
                   and any(a.collection for a in attributes.values()))
        none = self.tr("No collection")
        shown = [((attributes[d.id].collection or none) if grouped else None, d.id)
                 for d in self._filter.shown(self.filter_edit.text(), self._order)]
        no_match = fill(self.tr("No document matches “%1”."),
                        self.filter_edit.text().strip()) if self._filter.documents else ""
        self.list.show_only(shown, no_match)

    def _tooltip(self, doc: DocumentInfo, attrs: Attributes) -> str:
        lines = [doc.title, f"{doc.source_name} · {doc.encoding} · {doc.imported_at}"]
        for label, value in ((self.tr("Date"), attrs.date), (self.tr("Event"), attrs.event),
                             (self.tr("Source"), attrs.source),
                             (self.tr("Language"), attrs.language),
                             (self.tr("Collection"), attrs.collection)):
            if value:
                lines.append(fill(self.tr("%1: %2"), label, value))
        return "\n".join(lines)

    def mark_current(self, document_id: int | None) -> None:
        """Mark `document_id` as the open document (in bold) and choose it."""
        self._current = document_id
        self.list.mark_current(document_id)

    def tooltip(self, document_id: int | None, described: str) -> str:
        """The whole tooltip of an entry: what `described` says of the document, then its
        study progress (when given a way to tell it)."""
        if document_id is None or self.progress_line is None:
            return described
        line = self.progress_line(int(document_id))
        return f"{described}\n{line}" if line else described

    def current_id(self) -> int | None:
        """The selected document's id."""
        return self.list.current_id()

    def select(self, document_id: int) -> None:
        """Make a document the panel's selection (the open one stays marked)."""
        self.list.select(document_id)

    def document_ids(self) -> list[int]:
        """The shown documents' ids in the order listed."""
        return self.list.document_ids()

    def _activated(self, item: QListWidgetItem) -> None:
        value = item.data(Qt.ItemDataRole.UserRole)
        if value is not None:
            self.document_activated.emit(int(value))
