"""The documents panel: the study's library."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core.library import DocumentInfo
from desktop.ui.i18n import fill


class _RoomyDelegate(QStyledItemDelegate):
    """Items a little taller than Qt measures them: it sizes a two-line entry (title and
    details) to the text's exact height, and the style's margins then leave room for its
    first line only, so the details were never seen."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        return super().sizeHint(option, index) + QSize(0, 6)


class DocumentsDock(QDockWidget):
    """Lists the study's documents; activating one opens it."""

    document_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documents_dock")
        self.list = QListWidget(self)
        self.list.setObjectName("documents_list")
        self.list.setWordWrap(True)
        self.list.setItemDelegate(_RoomyDelegate(self.list))
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.setWidget(self.list)
        self._documents: list[DocumentInfo] = []
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts again after a language switch."""
        self.setWindowTitle(self.tr("Documents"))
        self.set_documents(self._documents, self.current_id())

    def set_documents(self, documents: Sequence[DocumentInfo], current: int | None) -> None:
        """Fill the list, marking the open document."""
        self._documents = list(documents)
        self.list.blockSignals(True)
        self.list.clear()
        for doc in documents:
            detail = fill(self.tr("%1 turns · %2 speakers"), str(doc.turn_count),
                          str(doc.speaker_count))
            item = QListWidgetItem(f"{doc.title}\n{detail}")
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            item.setToolTip(f"{doc.source_name} · {doc.encoding} · {doc.imported_at}")
            self.list.addItem(item)
            if doc.id == current:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def current_id(self) -> int | None:
        """The selected document's id."""
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _activated(self, item: QListWidgetItem) -> None:
        self.document_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)))
