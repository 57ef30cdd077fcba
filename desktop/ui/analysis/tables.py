"""Tables of the Analysis view: a model over plain rows (sorted by their values, shown
formatted), a table view that copies its selection, and the Save dialogs for tables
(CSV, Markdown) and charts (PNG, SVG)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QTableView,
    QWidget,
)

from desktop.core.analysis import tables as text_tables

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Format = Callable[[Any], str]
_ROOT = QModelIndex()


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


class RowsModel(QAbstractTableModel):
    """Rows of plain values under a header; numbers right-aligned, sorted as numbers.

    `formats` gives a column's display (a share as "33.6%"); `bold_rows` are shown in
    bold (glossary terms among distinctive words); `aligns` overrides an alignment."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.header: list[str] = []
        self.rows: list[Sequence[Any]] = []
        self.formats: dict[int, Format] = {}
        self.aligns: dict[int, Qt.AlignmentFlag] = {}
        self.tips: dict[int, str] = {}
        self.bold_rows: set[int] = set()
        self.bold_columns: set[int] = set()

    def set_rows(self, header: Sequence[str], rows: Sequence[Sequence[Any]], *,
                 formats: dict[int, Format] | None = None,
                 aligns: dict[int, Qt.AlignmentFlag] | None = None,
                 bold_rows: set[int] | None = None, tips: dict[int, str] | None = None,
                 bold_columns: set[int] | None = None) -> None:
        self.beginResetModel()
        self.header, self.rows = list(header), list(rows)
        self.formats, self.aligns = formats or {}, aligns or {}
        self.bold_rows, self.tips = bold_rows or set(), tips or {}
        self.bold_columns = bold_columns or set()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.header)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.formats.get(index.column(), _plain)(value)
        if role == SORT_ROLE:
            return value if isinstance(value, int | float) else str(value or "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.column() in self.aligns:
                return int(self.aligns[index.column()] | Qt.AlignmentFlag.AlignVCenter)
            if isinstance(value, int | float):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (index.row() in self.bold_rows
                                                 or index.column() in self.bold_columns):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in self.tips:
            return self.tips[index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt override)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.header)):
            return self.header[section]
        return super().headerData(section, orientation, role)

    def text_rows(self) -> list[list[str]]:
        """The rows as shown (formatted), for export."""
        return [[self.formats.get(c, _plain)(v) for c, v in enumerate(row)]
                for row in self.rows]


class RowsTable(QTableView):
    """A sortable table over a RowsModel; Ctrl+C copies the selected rows as tab-separated
    text. `source_row(view_row)` maps a row of the view back to the model's rows."""

    def __init__(self, parent: QWidget | None = None, *, sortable: bool = True) -> None:
        super().__init__(parent)
        self.rows_model = RowsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.rows_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(sortable)
        # Rows come in their own order (speakers as they first speak) until a header is
        # clicked: no column is sorted at first.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.setTabKeyNavigation(False)  # Tab moves on to the next control

    def set_rows(self, header: Sequence[str], rows: Sequence[Sequence[Any]], **kwargs) -> None:
        self.rows_model.set_rows(header, rows, **kwargs)
        self.setCurrentIndex(self.model().index(-1, -1))
        self.resizeColumnsToContents()
        for column in range(self.rows_model.columnCount()):
            self.setColumnWidth(column, min(self.columnWidth(column), 420))
        if self.model().rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(self.model().index(0, 0))

    def fitted_height(self, most: int) -> int:
        """The height that shows every row, up to `most` pixels."""
        rows = self.verticalHeader().defaultSectionSize() * self.model().rowCount()
        return min(most, self.horizontalHeader().height() + rows + 2 * self.frameWidth()
                   + self.horizontalScrollBar().sizeHint().height())

    def source_row(self, view_row: int) -> int:
        """The model row shown at `view_row` (after sorting)."""
        return self.proxy.mapToSource(self.proxy.index(view_row, 0)).row()

    def current_source_row(self) -> int:
        """The model row of the current row, or -1."""
        index = self.currentIndex()
        return self.source_row(index.row()) if index.isValid() else -1

    def shown_rows(self) -> list[list[str]]:
        """Every row as shown, in the order shown (for export)."""
        texts = self.rows_model.text_rows()
        return [texts[self.source_row(r)] for r in range(self.proxy.rowCount())]

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        super().keyPressEvent(event)

    def copy_selection(self) -> None:
        """Copy the selected rows (with the header) as tab-separated text."""
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        texts = self.rows_model.text_rows()
        lines = ["\t".join(self.rows_model.header)]
        lines += ["\t".join(texts[self.source_row(r)]) for r in rows]
        QApplication.clipboard().setText("\n".join(lines) + "\n")


def ask_path(parent: QWidget, title: str, name: str, filters: str) -> Path | None:
    """A file name from a Save dialog, or None."""
    path, _ = QFileDialog.getSaveFileName(parent, title, name, filters)
    return Path(path) if path else None


def save_table_as(parent: QWidget, table: RowsTable, name: str) -> Path | None:
    """Ask where, then write the table as shown (CSV, or Markdown for .md)."""
    path = ask_path(parent, QCoreApplication.translate("AnalysisView", "Export table"),
                    f"{name}.csv", QCoreApplication.translate(
                        "AnalysisView", "CSV (*.csv);;Markdown (*.md)"))
    if path is None:
        return None
    if not path.suffix:
        path = path.with_suffix(".csv")
    from desktop.ui.analysis.export import save_table

    save_table(table.rows_model.header, table.shown_rows(), path)
    return path


def save_chart_as(parent: QWidget, chart_view: QWidget, name: str) -> Path | None:
    """Ask where, then write the chart (PNG, or SVG for .svg)."""
    path = ask_path(parent, QCoreApplication.translate("AnalysisView", "Export chart"),
                    f"{name}.png", QCoreApplication.translate(
                        "AnalysisView", "PNG image (*.png);;SVG drawing (*.svg)"))
    if path is None:
        return None
    if not path.suffix:
        path = path.with_suffix(".png")
    from desktop.ui.analysis.export import save_widget

    save_widget(chart_view, path)
    return path


def markdown_of(table: RowsTable) -> str:
    """The table as shown, as a Markdown table."""
    return text_tables.to_markdown(table.rows_model.header, table.shown_rows())
