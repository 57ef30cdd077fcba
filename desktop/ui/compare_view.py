"""The compare view: one row per section (question), one column per speaker.

Each cell holds that speaker's answer to that question, headline first. Activating a
cell (click, Enter) asks the window to show that turn in the reading view.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.core.library import Section, Speaker, Turn
from desktop.ui.docks.common import elide

CELL_LIMIT = 300  # characters per cell; the whole answer is in the tooltip and one key away
MIN_COLUMN_CHARS = 10  # an answer column is never narrower than this many CJK characters
MIN_SECTION = 40  # pixels: no column is narrower, whatever the view's width
QUESTION_WIDTH = 200  # pixels: the question column's width when every answer fits beside it
TURNS_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def compare_cells(turns: Sequence[Turn], speakers: Sequence[Speaker],
                  sections: Sequence[Section]) -> tuple[list[Speaker], list[list[list[int]]]]:
    """Columns (non-moderator speakers) and, per section and column, the turn indexes."""
    columns = [s for s in speakers if not s.is_moderator] or list(speakers)
    col_of = {s.id: i for i, s in enumerate(columns)}
    row_of = {s.id: i for i, s in enumerate(sections)}
    cells = [[[] for _ in columns] for _ in sections]
    for index, turn in enumerate(turns):
        row = row_of.get(turn.section_id)
        col = col_of.get(turn.speaker_id)
        if row is not None and col is not None:
            cells[row][col].append(index)
    return columns, cells


class CompareModel(QAbstractTableModel):
    """Sections × speakers; a cell's text is the headline, then the answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.turns: list[Turn] = []
        self.sections: list[Section] = []
        self.columns: list[Speaker] = []
        self.cells: list[list[list[int]]] = []

    def load(self, turns: Sequence[Turn], speakers: Sequence[Speaker],
             sections: Sequence[Section]) -> None:
        """Show a document."""
        self.beginResetModel()
        self.turns = list(turns)
        self.sections = list(sections)
        self.columns, self.cells = compare_cells(turns, speakers, sections)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.sections)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        # Column 0 is the question; then one column per speaker.
        return 0 if parent.isValid() else len(self.columns) + 1

    def turns_of(self, row: int, column: int) -> list[int]:
        """The turn indexes behind a cell (for the question: the turn that asks it)."""
        if column == 0:
            opening = [i for i, t in enumerate(self.turns)
                       if t.section_id == self.sections[row].id]
            return opening[:1]
        return self.cells[row][column - 1]

    def cell_text(self, row: int, column: int, limit: int | None = CELL_LIMIT) -> str:
        """The question, or a speaker's headline (if any) then their answer."""
        if column == 0:
            title = self.sections[row].title
            return title if limit is None else elide(title, limit)
        parts = []
        for index in self.cells[row][column - 1]:
            turn = self.turns[index]
            text = turn.text if limit is None else elide(turn.text, limit)
            parts.append(f"【{turn.headline}】\n{text}" if turn.headline else text)
        return "\n\n".join(parts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        """Cell text, tooltip and the turn indexes behind the cell."""
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return elide(self.cell_text(index.row(), index.column(), None), 2000)
        if role == TURNS_ROLE:
            return list(self.turns_of(index.row(), index.column()))
        if role == Qt.ItemDataRole.FontRole and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        """Speaker names across, numbered questions down."""
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                return self.tr("Question") if role == Qt.ItemDataRole.DisplayRole else None
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section - 1].name
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section - 1].role
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        else:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
        return None


class CellDelegate(QStyledItemDelegate):
    """Paints a cell's headline in bold above the answer (as rich text)."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        text = index.data() or ""
        parts = []
        for chunk in text.split("\n\n"):
            if chunk.startswith("【") and "】\n" in chunk:
                head, body = chunk[1:].split("】\n", 1)
                parts.append(f"<p><b>{html.escape(head)}</b><br>{html.escape(body)}</p>")
            else:
                parts.append(f"<p>{html.escape(chunk)}</p>")
        doc.setHtml("".join(parts))
        doc.setTextWidth(max(option.rect.width(), 60))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex) -> None:
        """Selection background from the style, then the rich text."""
        self.initStyleOption(option, index)
        if index.column() == 0:
            super().paint(painter, option, index)
            return
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter,
                          option.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(0, 0, option.rect.width(), option.rect.height())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = option.state & QStyle.StateFlag.State_Selected
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        """Tall enough for the wrapped answer at the column's width."""
        if index.column() == 0:
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        view = option.widget
        if view is not None:
            option.rect.setWidth(view.columnWidth(index.column()))
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


class CompareView(QTableView):
    """The table itself; Enter or a click on a cell emits `turn_activated`."""

    turn_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_view")
        self.compare_model = CompareModel(self)
        self.setModel(self.compare_model)
        self.setItemDelegate(CellDelegate(self))
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Columns are sized by fit_columns; scrolling sideways moves by whole columns.
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setStretchLastSection(False)
        # Low enough for the question and one answer side by side in a narrow view.
        self.horizontalHeader().setMinimumSectionSize(MIN_SECTION)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignTop
                                                  | Qt.AlignmentFlag.AlignLeft)
        self.clicked.connect(self._activate)
        self.activated.connect(self._activate)
        # Rows follow the columns' widths; coalesce the many resize signals into one fit.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_rows)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._fit_timer.start())

    def min_column_width(self) -> int:
        """The narrowest an answer column gets: MIN_COLUMN_CHARS CJK characters wide in the
        view's font, plus the cell's margins."""
        return self.fontMetrics().horizontalAdvance("中" * MIN_COLUMN_CHARS) + 16

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """The columns follow the font (set by the window, or zoomed)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_fit_timer"):
            self._fit_timer.start()

    def fit_columns(self) -> None:
        """Size the columns to the view's width, so that no answer is ever cut at its edge.

        When the question (at its reading width, QUESTION_WIDTH) and every shown answer
        (at least min_column_width()) fit, the answers share what the question leaves and
        nothing scrolls. When they do not, every column gets the same width: as many as
        fit whole at min_column_width(), and never fewer than the question and one answer
        (narrower than the minimum, then, rather than half an answer). The view then
        scrolls sideways by whole columns, each step showing the next answer whole in
        place of the first column: a reader compares answers, and half a column beside
        whole ones only invites scrolling back and forth to read it."""
        header = self.horizontalHeader()
        columns = [c for c in range(self.compare_model.columnCount())
                   if not header.isSectionHidden(c)]
        if not columns:
            return
        width, minimum = self.viewport().width(), self.min_column_width()
        question = max(QUESTION_WIDTH, minimum)
        answers = len(columns) - 1
        if answers == 0:
            sizes = [width]
        elif question + answers * minimum <= width:
            sizes = [question] + _shares(width - question, answers)
        else:
            shown = min(max(width // minimum, 2), len(columns))
            each = max(width // shown, MIN_SECTION)
            sizes = _shares(width, shown) if shown == len(columns) else [each] * len(columns)
        for column, size in zip(columns, sizes, strict=True):
            header.resizeSection(column, size)

    def fit_rows(self) -> None:
        """Fit the columns to the width, then make each row as tall as its longest wrapped
        answer (small tables only)."""
        self.fit_columns()
        if 0 < self.compare_model.rowCount() <= 300:
            self.resizeRowsToContents()
        self._fit_timer.stop()  # fitting the columns asked for another fit: done

    def load(self, turns: Sequence[Turn], speakers: Sequence[Speaker],
             sections: Sequence[Section]) -> None:
        """Show a document's sections and speakers."""
        self.compare_model.load(turns, speakers, sections)
        self.fit_rows()
        if self.compare_model.rowCount() and self.compare_model.columnCount() > 1:
            self.setCurrentIndex(self.compare_model.index(0, 1))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Rows grow with the wrapped answers when columns change width."""
        super().resizeEvent(event)
        self._fit_timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Enter jumps to the cell's turn (activated is not sent for Enter everywhere)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)

    def select_turn(self, turn_index: int) -> None:
        """Select the cell holding a turn (when switching from the reading view)."""
        model = self.compare_model
        for row, cells in enumerate(model.cells):
            for column, indexes in enumerate(cells, start=1):
                if turn_index in indexes:
                    self.setCurrentIndex(model.index(row, column))
                    self.scrollTo(model.index(row, column))
                    return

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            turns = index.data(TURNS_ROLE) or []
            if turns:
                self.turn_activated.emit(turns[0])


def _shares(width: int, count: int) -> list[int]:
    """`width` cut into `count` parts differing by a pixel at most, adding up to it."""
    return [width // count + (1 if part < width % count else 0) for part in range(count)]
