"""The documents panel: the study's library, grouped by collection when it has any."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QHelpEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core import document_filter
from desktop.core.document_filter import DocumentFilter
from desktop.core.documents import Attributes
from desktop.core.library import DocumentInfo
from desktop.ui.i18n import fill


class _EntryDelegate(QStyledItemDelegate):
    """Draws a document's entry, its title then its details, one line each: a line too
    long for the panel ends in an ellipsis (the tooltip holds the whole title) instead of
    making the list scroll sideways. Entries are a little taller than Qt measures them:
    it sizes a two-line entry to the text's exact height, and the style's margins then
    leave room for its first line only, so the details were never seen."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt override)
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        widget = option.widget
        if widget is None or option.rect.width() <= 0:
            return
        style = widget.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, widget) + 1
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option,
                                    widget).width() - 2 * margin
        # Qt has made the entry's line break a line separator (U+2028) by now.
        option.text = "\u2028".join(
            option.fontMetrics.elidedText(line, Qt.TextElideMode.ElideRight, room)
            for line in option.text.splitlines())

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 (Qt override)
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        # The tooltip is made when it is asked for: the study progress it ends with takes
        # a few queries, too many to run for every entry of a long list at each refill.
        dock = self.parent()
        if event.type() == QEvent.Type.ToolTip and isinstance(dock, DocumentsDock):
            text = dock.tooltip(index.data(Qt.ItemDataRole.UserRole),
                                index.data(Qt.ItemDataRole.ToolTipRole) or "")
            QToolTip.showText(event.globalPos(), text, view)
            return True
        return super().helpEvent(event, view, option, index)

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt override)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        # As tall as the two lines and no wider than nothing: entries span the list.
        return QSize(0, super().sizeHint(option, index).height() + 6)


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
        self.list = QListWidget(body)
        self.list.setObjectName("documents_list")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(_EntryDelegate(self))
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
        names = {document_filter.LIBRARY: self.tr("Library order"),
                 document_filter.TITLE: self.tr("Title"),
                 document_filter.DATE: self.tr("Date, latest first"),
                 document_filter.IMPORTED: self.tr("Imported, latest first"),
                 document_filter.TURNS: self.tr("Most turns first")}
        for order, action in self.order_actions.items():
            action.setText(names[order])
        self.order_actions[self._order].setChecked(True)
        self.order_button.setToolTip(fill(self.tr("Sort the documents (now: %1)"),
                                          names[self._order]))
        self._fill()

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
            self.retranslate()  # the button's tooltip names the order; the list refills
            self.order_changed.emit(order)

    def _enter_list(self) -> None:
        self.list.setFocus()
        if self.list.currentItem() is None:
            for row in range(self.list.count()):
                if self.list.item(row).data(Qt.ItemDataRole.UserRole) is not None:
                    self.list.setCurrentRow(row)
                    break

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
        self._current = current
        self._fill(select=current)

    def _fill(self, *_: object, select: int | None = None) -> None:
        """List the documents the filter shows, in the order chosen; the selection stays
        on the document it was on (`select`, when given: the open one)."""
        attributes = self._filter.attributes
        selected = select if select is not None else self.current_id()
        if selected is None:
            selected = self._current
        shown = self._filter.shown(self.filter_edit.text(), self._order)
        grouped = (self._order == document_filter.LIBRARY
                   and any(a.collection for a in attributes.values()))
        group: str | None = None
        self.list.blockSignals(True)
        self.list.clear()
        if not shown and self._filter.documents:
            self._add_header(fill(self.tr("No document matches “%1”."),
                                  self.filter_edit.text().strip()))
        for doc in shown:
            attrs = attributes[doc.id]
            if grouped and attrs.collection != group:
                group = attrs.collection
                self._add_header(group or self.tr("No collection"))
            detail = fill(self.tr("%1 turns · %2 speakers"), str(doc.turn_count),
                          str(doc.speaker_count))
            if attrs.date:
                detail = f"{attrs.date} · {detail}"
            item = QListWidgetItem(f"{doc.title}\n{detail}")
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            item.setToolTip(self._tooltip(doc, attrs))
            self.list.addItem(item)
            if doc.id == self._current:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if doc.id == selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _add_header(self, name: str) -> None:
        item = QListWidgetItem(name)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # not chosen, passed over by the arrow keys
        # Drawn in the text's colour all the same: a heading, not a greyed-out entry.
        item.setForeground(self.list.palette().brush(QPalette.ColorRole.Text))
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setToolTip(name)
        self.list.addItem(item)

    def _tooltip(self, doc: DocumentInfo, attrs: Attributes) -> str:
        lines = [doc.title, f"{doc.source_name} · {doc.encoding} · {doc.imported_at}"]
        for label, value in ((self.tr("Date"), attrs.date), (self.tr("Event"), attrs.event),
                             (self.tr("Source"), attrs.source),
                             (self.tr("Language"), attrs.language),
                             (self.tr("Collection"), attrs.collection)):
            if value:
                lines.append(fill(self.tr("%1: %2"), label, value))
        return "\n".join(lines)

    def mark_current(self, document_id: int) -> None:
        """Mark `document_id` as the open document (in bold) and choose it."""
        self._current = document_id
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            value = item.data(Qt.ItemDataRole.UserRole)
            if value is None:
                continue
            font = item.font()
            if font.bold() != (value == document_id):
                font.setBold(value == document_id)
                item.setFont(font)
            if value == document_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def tooltip(self, document_id: int | None, described: str) -> str:
        """The whole tooltip of an entry: what `described` says of the document, then its
        study progress (when given a way to tell it)."""
        if document_id is None or self.progress_line is None:
            return described
        line = self.progress_line(int(document_id))
        return f"{described}\n{line}" if line else described

    def current_id(self) -> int | None:
        """The selected document's id."""
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return int(value) if value is not None else None

    def select(self, document_id: int) -> None:
        """Make a document the panel's selection (the open one stays marked)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == document_id:
                self.list.setCurrentRow(row)
                return

    def document_ids(self) -> list[int]:
        """The documents' ids in the order listed."""
        return [int(item.data(Qt.ItemDataRole.UserRole))
                for item in (self.list.item(row) for row in range(self.list.count()))
                if item.data(Qt.ItemDataRole.UserRole) is not None]

    def _activated(self, item: QListWidgetItem) -> None:
        value = item.data(Qt.ItemDataRole.UserRole)
        if value is not None:
            self.document_activated.emit(int(value))
