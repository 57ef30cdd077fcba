"""The documents panel's list: an entry per document, made once per listing.

A library can hold a thousand documents. The entries are made when the library changes;
typing in the filter or choosing an order only hides, shows and reorders them (making a
thousand entries again at each keystroke took a fifth of a second).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole


class _Entry(QListWidgetItem):
    """An entry (or a collection's heading) that sorts by the place it is given."""

    rank = 0

    def __lt__(self, other: QListWidgetItem) -> bool:
        return self.rank < getattr(other, "rank", 0)


class _EntryDelegate(QStyledItemDelegate):
    """Draws a document's entry, its title then its details, one line each: a line too
    long for the panel ends in an ellipsis (the tooltip holds the whole title) instead of
    making the list scroll sideways. Entries are a little taller than Qt measures them:
    it sizes a two-line entry to the text's exact height, and the style's margins then
    leave room for its first line only, so the details were never seen."""

    def __init__(self, tooltip: Callable[[int | None, str], str], parent: QWidget) -> None:
        super().__init__(parent)
        self._tooltip = tooltip
        self._heights: dict[tuple[int, str], int] = {}  # (line breaks, font) -> height

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
        # a few queries, too many to run for every entry of a long list at each listing.
        if event.type() == QEvent.Type.ToolTip:
            text = self._tooltip(index.data(ID_ROLE),
                                 index.data(Qt.ItemDataRole.ToolTipRole) or "")
            QToolTip.showText(event.globalPos(), text, view)
            return True
        return super().helpEvent(event, view, option, index)

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt override)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        # As tall as the two lines and no wider than nothing: entries span the list. Every
        # entry of a line count is as tall as the next in the same font, so each height is
        # measured once (measuring each of a thousand entries took a tenth of a second).
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        key = (text.count("\n"), font.key())
        if key not in self._heights:
            self._heights[key] = super().sizeHint(option, index).height() + 6
        return QSize(0, self._heights[key])


class DocumentList(QListWidget):
    """The entries of the library's documents, some shown, in an order given."""

    def __init__(self, tooltip: Callable[[int | None, str], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("documents_list")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_EntryDelegate(tooltip, self))
        self._entries: dict[int, _Entry] = {}
        self._headings: dict[str, _Entry] = {}
        self._no_match = self._heading("")
        self._current: int | None = None

    def set_entries(self, entries: Sequence[tuple[int, str, str]]) -> None:
        """Make the list's entries: (document id, text, tooltip) of each document."""
        self.blockSignals(True)
        self.clear()
        self._entries, self._headings = {}, {}
        self._no_match = self._heading("")
        for document_id, text, tip in entries:
            entry = _Entry(text)
            entry.setData(ID_ROLE, document_id)
            entry.setToolTip(tip)
            self.addItem(entry)
            self._entries[document_id] = entry
        self.blockSignals(False)
        if self._current is not None:
            self.mark_current(self._current)

    def show_only(self, shown: Sequence[tuple[str | None, int]], no_match: str = "") -> None:
        """Show these entries in this order, each (collection heading or None, document
        id); a document's heading is shown before the first document under it. With
        nothing to show, `no_match` says so (unless it is empty)."""
        wanted: list[_Entry] = [self._no_match] if not shown and no_match else []
        self._no_match.setText(no_match)
        heading = None
        for name, document_id in shown:
            if name is not None and name != heading:
                heading = name
                wanted.append(self._headings.get(name) or self._new_heading(name))
            wanted.append(self._entries[document_id])
        chosen = self.current_id()
        self.setUpdatesEnabled(False)
        self.blockSignals(True)
        # Headings and the no-match line are in the list only while shown, so that the
        # list holds the documents and what is seen of it.
        visible = {id(entry) for entry in wanted}
        for extra in [self._no_match, *self._headings.values()]:
            row = self.row(extra)
            if row >= 0 and id(extra) not in visible:
                self.takeItem(row)
            elif row < 0 and id(extra) in visible:
                self.addItem(extra)
        now = [self.item(row) for row in range(self.count())]
        in_order = [id(e) for e in now if id(e) in visible] == [id(e) for e in wanted]
        if not in_order:
            for rank, entry in enumerate(wanted):
                entry.rank = rank
            for entry in now:
                if id(entry) not in visible:
                    entry.rank = len(wanted)
            self.sortItems()
        for entry in now:
            hide = id(entry) not in visible
            if entry.isHidden() != hide:
                entry.setHidden(hide)
        self.blockSignals(False)
        self.setUpdatesEnabled(True)
        if chosen is not None:
            self.select(chosen)

    def mark_current(self, document_id: int | None) -> None:
        """Show `document_id` as the open document (in bold) and choose it."""
        for entry_id in (self._current, document_id):
            entry = self._entries.get(entry_id) if entry_id is not None else None
            if entry is not None:
                font = entry.font()
                font.setBold(entry_id == document_id)
                entry.setFont(font)
        self._current = document_id
        if document_id is not None:
            self.select(document_id)

    def select(self, document_id: int) -> None:
        """Make a shown document the list's selection."""
        entry = self._entries.get(document_id)
        if entry is not None and not entry.isHidden():
            self.blockSignals(True)
            self.setCurrentItem(entry)
            self.blockSignals(False)

    def current_id(self) -> int | None:
        """The selected document's id."""
        item = self.currentItem()
        value = item.data(ID_ROLE) if item is not None and not item.isHidden() else None
        return int(value) if value is not None else None

    def document_ids(self) -> list[int]:
        """The shown documents' ids, in the order listed."""
        return [int(item.data(ID_ROLE)) for item in (self.item(r) for r in range(self.count()))
                if not item.isHidden() and item.data(ID_ROLE) is not None]

    def choose_first(self) -> None:
        """Choose the first shown document when none is chosen."""
        if self.current_id() is None:
            ids = self.document_ids()
            if ids:
                self.select(ids[0])

    def _new_heading(self, name: str) -> _Entry:
        entry = self._headings[name] = self._heading(name)
        return entry

    def _heading(self, name: str) -> _Entry:
        entry = _Entry(name)
        entry.setFlags(Qt.ItemFlag.NoItemFlags)  # not chosen, passed over by the arrow keys
        # Drawn in the text's colour all the same: a heading, not a greyed-out entry.
        entry.setForeground(self.palette().brush(QPalette.ColorRole.Text))
        font = entry.font()
        font.setBold(True)
        entry.setFont(font)
        entry.setToolTip(name)
        return entry
