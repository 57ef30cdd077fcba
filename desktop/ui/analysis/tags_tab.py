"""The Tags tab: tag × speaker counts, tags that go together (annotations that overlap, or
share a turn), tags by document. Choosing a cell lists its annotations; Enter on one
shows its passage."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.analysis import tags as tag_analysis
from desktop.ui.analysis.common import Scope, Tab, button_row
from desktop.ui.analysis.tables import RowsTable, save_table_as

KINDS = ("speaker", "overlap", "turn", "document")


class TagsTab(Tab):
    """Tags by speaker, together, and by document."""

    passage_chosen = Signal(int, int, int)  # document id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: tag_analysis.TagData | None = None
        self.matrix: tag_analysis.Matrix | None = None
        self.kind_label = QLabel(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("analysis_tags_kind")
        self.kind_label.setBuddy(self.kind)
        self.kind.currentIndexChanged.connect(self._show)
        self.table = RowsTable(self)
        self.table.setObjectName("analysis_tags_table")
        self.table.setSelectionBehavior(RowsTable.SelectionBehavior.SelectItems)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._list_cell())
        # Enter on a count goes down to its annotations; Enter on one shows its passage.
        self.table.activated.connect(lambda _index: self.annotations.setFocus())
        self.cell_label = QLabel(self)
        self.annotations = QListWidget(self)
        self.annotations.setObjectName("analysis_tags_annotations")
        self.annotations.setWordWrap(True)
        self.annotations.itemActivated.connect(self._jump)
        self.cell_label.setBuddy(self.annotations)
        self.export_table = QPushButton(self)
        self.export_table.clicked.connect(lambda: save_table_as(
            self, self.table, f"tags-{self.kind.currentData() or 'speaker'}"))
        top = QHBoxLayout()
        top.addWidget(self.kind_label)
        top.addWidget(self.kind, 1)
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.cell_label)
        below_layout.addWidget(self.annotations, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(below)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(button_row(self.export_table))
        self.setFocusProxy(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.kind_label.setText(self.tr("&Count:"))
        self.export_table.setText(self.tr("Export &table…"))
        current = self.kind.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        for key, text in (("speaker", self.tr("Tags by speaker")),
                          ("overlap", self.tr("Tags together: annotations that overlap")),
                          ("turn", self.tr("Tags together: annotations in the same turn")),
                          ("document", self.tr("Tags by document"))):
            self.kind.addItem(text, key)
        self.kind.setCurrentIndex(max(current, 0))
        self.kind.blockSignals(False)
        self._show()

    def fill(self, scope: Scope) -> None:
        self.data = tag_analysis.load(scope.db, scope.document_ids)
        self._show()

    def _show(self) -> None:
        if not hasattr(self, "table"):
            return
        if self.data is None:
            self.table.set_rows([], [])
            return
        self.matrix = tag_analysis.matrix(self.data, self.kind.currentData() or "speaker")
        columns = [c or self.tr("(narration)") for c in self.matrix.columns]
        rows = [[r, *(self.matrix.count(r, c) or None for c in self.matrix.columns)]
                for r in self.matrix.rows]
        self.table.set_rows([self.tr("Tag"), *columns], rows,
                            formats={i: (lambda v: "" if v is None else str(v))
                                     for i in range(1, len(columns) + 1)})
        if not self.matrix.rows:
            self.cell_label.setText(self.tr("No annotation has a tag here yet."))
        self._list_cell()

    def _list_cell(self) -> None:
        self.annotations.clear()
        matrix, data = self.matrix, self.data
        index = self.table.currentIndex()
        if matrix is None or data is None or not index.isValid() or index.column() == 0:
            if matrix is not None and matrix.rows:
                self.cell_label.setText(self.tr("&Annotations (choose a count above):"))
            return
        row = matrix.rows[self.table.source_row(index.row())]
        column = matrix.columns[index.column() - 1]
        ids = matrix.annotations(row, column)
        self.cell_label.setText(self.tr("&Annotations of %1 × %2: %n", "", len(ids))
                                .replace("%1", row).replace(
                                    "%2", column or self.tr("(narration)")))
        for ann_id in ids:
            ann = data.annotations[ann_id]
            text = f"「{' '.join(ann.quote.split())[:80]}」"
            if ann.note.strip():
                text += f" — {' '.join(ann.note.split())[:80]}"
            who = data.speaker_of.get(ann_id) or self.tr("(narration)")
            item = QListWidgetItem(f"{who}: {text}  [{', '.join(ann.tags)}]")
            item.setData(Qt.ItemDataRole.UserRole, ann_id)
            self.annotations.addItem(item)
        if self.annotations.count():
            self.annotations.setCurrentRow(0)

    def _jump(self, item: QListWidgetItem) -> None:
        if self.data is None:
            return
        ann = self.data.annotations.get(item.data(Qt.ItemDataRole.UserRole))
        if ann is not None:
            self.passage_chosen.emit(ann.document_id, ann.start, ann.end)
