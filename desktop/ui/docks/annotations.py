"""The annotations panel: the open document's annotations in transcript order."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QGridLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.annotations import Annotation
from desktop.ui.docks.common import elide, swatch_icon
from desktop.ui.i18n import fill
from desktop.ui.markdown_note import first_lines

ALL = ""


class AnnotationsDock(QDockWidget):
    """Quote, first lines of the note, tags and colour; filterable by tag and speaker."""

    annotation_activated = Signal(str)
    current_annotation_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotations_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        # One filter a row: side by side they held a narrow panel wider than its column
        # (or were cut off).
        filters = QGridLayout()
        self.tag_label = QLabel(body)
        self.tag_filter = QComboBox(body)
        self.tag_filter.setObjectName("tag_filter")
        self.speaker_label = QLabel(body)
        self.speaker_filter = QComboBox(body)
        self.speaker_filter.setObjectName("speaker_filter")
        self.tag_label.setBuddy(self.tag_filter)
        self.speaker_label.setBuddy(self.speaker_filter)
        for row, (label, combo) in enumerate(((self.tag_label, self.tag_filter),
                                              (self.speaker_label, self.speaker_filter))):
            # The box shortens with the panel (its list still shows whole names).
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            filters.addWidget(label, row, 0)
            filters.addWidget(combo, row, 1)
        filters.setColumnStretch(1, 1)
        self.list = QListWidget(body)
        self.list.setObjectName("annotations_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        # Thousands of wrapped rows: lay them out in batches (measured: 16 s -> 0.13 s).
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.list.currentItemChanged.connect(self._current_changed)
        self.empty_label = QLabel(body)
        self.empty_label.setWordWrap(True)
        layout.addLayout(filters)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_label)
        self.setWidget(body)
        self._rows: list[tuple[Annotation, str, int]] = []
        self.tag_filter.currentIndexChanged.connect(self._refill)
        self.speaker_filter.currentIndexChanged.connect(self._refill)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the texts again after a language switch."""
        self.setWindowTitle(self.tr("Annotations"))
        self.tag_label.setText(self.tr("&Tag:"))
        self.speaker_label.setText(self.tr("S&peaker:"))
        self.empty_label.setText(self.tr("Select text in the transcript and press A to "
                                         "annotate it."))
        self.set_annotations(self._rows)

    def add_actions(self, actions: Sequence[QAction]) -> None:
        """Offer the window's annotation actions in the context menu."""
        self.list.addActions(list(actions))

    def set_annotations(self, rows: Sequence[tuple[Annotation, str, int, str]]) -> None:
        """(annotation, speaker name, turn number, reference) in transcript order; the
        name is '' for narration, the number 0 outside any turn; the reference is where
        the record puts the quote ("p. 23, l. 4–9", "[12:34]"), '' when it says nothing."""
        self._rows = list(rows)
        tags = sorted({t for a, *_ in self._rows for t in a.tags}, key=str.casefold)
        speakers = list(dict.fromkeys(name for _, name, *_ in self._rows if name))
        self._fill_combo(self.tag_filter, self.tr("All tags"), tags)
        self._fill_combo(self.speaker_filter, self.tr("All speakers"), speakers)
        self._refill()

    def _fill_combo(self, combo: QComboBox, all_text: str, values: list[str]) -> None:
        current = combo.currentData() or ALL
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, ALL)
        for value in values:
            combo.addItem(value, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _refill(self) -> None:
        tag = self.tag_filter.currentData() or ALL
        speaker = self.speaker_filter.currentData() or ALL
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for annotation, name, number, reference in self._rows:
            if tag and tag not in annotation.tags:
                continue
            if speaker and name != speaker:
                continue
            who = name or self.tr("Narration")
            place = fill(self.tr("%1 · turn %2"), who, str(number)) if number else who
            if reference:
                place += f" · {reference}"
            lines = [place, f"“{elide(annotation.quote, 70)}”"]
            note = first_lines(annotation.note)
            if note:
                lines.append(note)
            if annotation.tags:
                lines.append(" ".join(f"#{t}" for t in annotation.tags))
            item = QListWidgetItem(swatch_icon(annotation.colour), "\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, annotation.id)
            self.list.addItem(item)
            if annotation.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty_label.setVisible(not self._rows)

    def visible_ids(self) -> list[str]:
        """The ids listed after filtering, in order."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())]

    def current_id(self) -> str | None:
        """The selected annotation's id."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select(self, annotation_id: str | None) -> None:
        """Select an annotation's row without emitting activation."""
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == annotation_id:
                self.list.setCurrentRow(i)
                self.list.scrollToItem(self.list.item(i))
                break
        else:
            self.list.clearSelection()
        self.list.blockSignals(False)

    def _activated(self, item: QListWidgetItem) -> None:
        self.annotation_activated.emit(item.data(Qt.ItemDataRole.UserRole))

    def _current_changed(self, item: QListWidgetItem | None, _previous) -> None:
        if item is not None:
            self.current_annotation_changed.emit(item.data(Qt.ItemDataRole.UserRole))
