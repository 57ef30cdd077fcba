"""The documents panel: the study's library, grouped by collection when it has any."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

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

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt override)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        # As tall as the two lines and no wider than nothing: entries span the list.
        return QSize(0, super().sizeHint(option, index).height() + 6)


class DocumentsDock(QDockWidget):
    """Lists the study's documents in the library's order; activating one opens it.

    When some documents belong to a collection, each group of them is headed by the
    collection's name (documents in none under "No collection"); the headers cannot be
    chosen, so the arrow keys pass over them."""

    document_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documents_dock")
        self.list = QListWidget(self)
        self.list.setObjectName("documents_list")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(_EntryDelegate(self.list))
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.setWidget(self.list)
        self._documents: list[DocumentInfo] = []
        self._attributes: dict[int, Attributes] = {}
        self.progress_line: Callable[[int], str] | None = None  # study progress, if given
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts again after a language switch."""
        self.setWindowTitle(self.tr("Documents"))
        self.set_documents(self._documents, self.current_id(), self._attributes)

    def add_actions(self, actions: Sequence[QAction]) -> None:
        """Offer the window's document actions in the context menu."""
        self.list.addActions(list(actions))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def set_documents(self, documents: Sequence[DocumentInfo], current: int | None,
                      attributes: Mapping[int, Attributes] | None = None) -> None:
        """Fill the list (the documents in the library's order), marking the open one;
        `attributes` gives each document's date and collection."""
        self._documents = list(documents)
        self._attributes = dict(attributes or {})
        grouped = any(a.collection for a in self._attributes.values())
        group: str | None = None
        self.list.blockSignals(True)
        self.list.clear()
        for doc in documents:
            attrs = self._attributes.get(doc.id, Attributes())
            if grouped and attrs.collection != group:
                group = attrs.collection
                self._add_header(group or self.tr("No collection"))
            detail = fill(self.tr("%1 turns · %2 speakers"), str(doc.turn_count),
                          str(doc.speaker_count))
            if attrs.date:
                detail = f"{attrs.date} · {detail}"
            item = QListWidgetItem(f"{doc.title}\n{detail}")
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            line = self.progress_line(doc.id) if self.progress_line is not None else ""
            item.setToolTip(self._tooltip(doc, attrs) + (f"\n{line}" if line else ""))
            self.list.addItem(item)
            if doc.id == current:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
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
