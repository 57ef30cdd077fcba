"""The documents panel: the study's library."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

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
    """Lists the study's documents; activating one opens it."""

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
        self.progress_line: Callable[[int], str] | None = None  # study progress, if given
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
            line = self.progress_line(doc.id) if self.progress_line is not None else ""
            item.setToolTip(f"{doc.title}\n{doc.source_name} · {doc.encoding} · "
                            f"{doc.imported_at}" + (f"\n{line}" if line else ""))
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
