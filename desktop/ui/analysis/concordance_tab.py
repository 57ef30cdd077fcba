"""The Concordance tab: every match of a search on a line of its own, the match aligned
between its left and right context; sorted by the words left or right of it, by
speaker, document or position; filtered by speaker; copied or exported (CSV, Markdown);
Enter shows the passage in the reading view.

The first screen of lines comes at once; the rest follows from the event loop, so a
common word in a long transcript shows its first lines without waiting for all."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from desktop.core.analysis import concordance as kwic
from desktop.ui.analysis.common import Scope, Tab, button_row
from desktop.ui.analysis.tables import RowsTable, markdown_of, save_table_as

LEFT, HIT, RIGHT = 0, 1, 2


class _ElideLeft(QStyledItemDelegate):
    """Cuts a long left context at its far end, keeping the words next to the match."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class ConcordanceTab(Tab):
    """Keyword in context, full size."""

    passage_chosen = Signal(int, int, int)  # document id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[kwic.Line] = []
        self.shown: list[kwic.Line] = []
        self.complete = True
        self.query_label = QLabel(self)
        self.query = QLineEdit(self)
        self.query.setObjectName("analysis_concordance_query")
        self.query.setClearButtonEnabled(True)
        self.query_label.setBuddy(self.query)
        self.query.returnPressed.connect(self.run_query)
        self.sort_label = QLabel(self)
        self.sort = QComboBox(self)
        self.sort_label.setBuddy(self.sort)
        self.sort.currentIndexChanged.connect(self._show)
        self.speaker_label = QLabel(self)
        self.speaker = QComboBox(self)
        self.speaker_label.setBuddy(self.speaker)
        self.speaker.currentIndexChanged.connect(self._show)
        self.count = QLabel(self)
        self.table = RowsTable(self, sortable=False)
        self.table.setObjectName("analysis_concordance_table")
        self.table.setItemDelegateForColumn(LEFT, _ElideLeft(self.table))
        self.table.activated.connect(lambda _index: self.jump())
        self.copy_markdown = QPushButton(self)
        self.copy_markdown.clicked.connect(
            lambda: QApplication.clipboard().setText(markdown_of(self.table)))
        self.export_table = QPushButton(self)
        self.export_table.clicked.connect(lambda: save_table_as(
            self, self.table, f"concordance-{self.query.text().strip()}"))
        top = QHBoxLayout()
        for label, widget, stretch in ((self.query_label, self.query, 3),
                                       (self.sort_label, self.sort, 1),
                                       (self.speaker_label, self.speaker, 1)):
            top.addWidget(label)
            top.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        bottom = button_row(self.copy_markdown, self.export_table)
        bottom.insertWidget(0, self.count)
        layout.addLayout(bottom)
        self.setFocusProxy(self.query)
        self.retranslate()

    def retranslate(self) -> None:
        self.query_label.setText(self.tr("&Words:"))
        self.query.setPlaceholderText(self.tr("A word or phrase; Enter lists every match"))
        self.sort_label.setText(self.tr("S&ort:"))
        self.speaker_label.setText(self.tr("S&peaker:"))
        self.copy_markdown.setText(self.tr("Copy as &Markdown"))
        self.export_table.setText(self.tr("Export &table…"))
        current = self.sort.currentIndex()
        self.sort.blockSignals(True)
        self.sort.clear()
        for key, text in (("position", self.tr("In reading order")),
                          ("left", self.tr("By the words to the left")),
                          ("right", self.tr("By the words to the right")),
                          ("speaker", self.tr("By speaker")),
                          ("document", self.tr("By document"))):
            self.sort.addItem(text, key)
        self.sort.setCurrentIndex(max(current, 0))
        self.sort.blockSignals(False)
        self._fill_speakers()
        self._show()

    def fill(self, scope: Scope) -> None:
        self.run_query()

    def show_word(self, word: str, speaker: str = "") -> None:
        """List the concordance of `word`, filtered to `speaker` (all when "")."""
        self.query.setText(word)
        self.run_query()
        index = self.speaker.findData(speaker)
        self.speaker.setCurrentIndex(max(index, 0))
        self.table.setFocus()

    def run_query(self) -> None:
        """List the matches of the words typed: the first screen now, the rest after."""
        self.stale = False
        text = self.query.text().strip()
        if self.scope is None or not text:
            self.lines, self.complete = [], True
            self._fill_speakers()
            self._show()
            return
        scope = self.scope
        document_id = scope.document_ids[0] if scope.document_ids and len(
            scope.document_ids) == 1 else None
        self.lines = kwic.concordance(scope.db, text, document_id=document_id,
                                      limit=kwic.FIRST_SCREEN)
        self.complete = len(self.lines) < kwic.FIRST_SCREEN
        self._fill_speakers()
        self._show()
        if not self.complete:
            QTimer.singleShot(0, self, lambda: self._finish(text, document_id))

    def _finish(self, text: str, document_id: int | None) -> None:
        if self.scope is None or self.query.text().strip() != text:
            return  # another search was asked for meanwhile
        run = self.scope.run_in_background
        if run is None:
            self._finished(text, kwic.concordance(self.scope.db, text,
                                                  document_id=document_id))
            return
        run(lambda db, _progress: kwic.concordance(db, text, document_id=document_id),
            lambda lines: self._finished(text, lines), writes=False)

    def _finished(self, text: str, lines: list[kwic.Line]) -> None:
        if self.query.text().strip() != text:
            return  # another search was asked for meanwhile
        row = self.table.currentIndex().row()
        self.lines = lines
        self.complete = True
        self._fill_speakers()
        self._show()
        if row >= 0:
            self.table.selectRow(min(row, len(self.shown) - 1))

    def _fill_speakers(self) -> None:
        chosen = self.speaker.currentData()
        names = list(dict.fromkeys(line.speaker for line in self.lines))
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItem(self.tr("Everyone"), "")
        for name in names:
            self.speaker.addItem(name or self.tr("(narration)"), name)
        index = self.speaker.findData(chosen) if chosen else 0
        self.speaker.setCurrentIndex(max(index, 0))
        self.speaker.blockSignals(False)

    def _show(self) -> None:
        if not hasattr(self, "table"):
            return
        speaker = self.speaker.currentData()
        lines = [x for x in self.lines if x.speaker == speaker] if speaker else self.lines
        key = self.sort.currentData() or "position"
        if key != "position" and self.complete:
            lines = kwic.sort_lines(lines, key)
        self.shown = lines
        header = [self.tr("Left"), self.tr("Match"), self.tr("Right"), self.tr("Speaker"),
                  self.tr("Turn"), self.tr("Document")]
        rows = [[x.left, x.hit, x.right, x.speaker or self.tr("(narration)"), x.turn_number,
                 x.document_title] for x in lines]
        self.table.set_rows(header, rows, aligns={LEFT: Qt.AlignmentFlag.AlignRight,
                                                  HIT: Qt.AlignmentFlag.AlignHCenter},
                            bold_columns={HIT})
        width = self.table.fontMetrics().horizontalAdvance("中") * 22
        self.table.setColumnWidth(LEFT, width)
        self.table.setColumnWidth(RIGHT, width)
        if not self.query.text().strip():
            self.count.setText(self.tr("Type words and press Enter."))
        elif not self.complete:
            self.count.setText(self.tr("The first %n line(s); the rest are coming…", "",
                                       len(lines)))
        else:
            self.count.setText(self.tr("%n line(s)", "", len(lines)))

    def jump(self) -> None:
        """Show the current line's passage in the reading view."""
        row = self.table.current_source_row()
        if 0 <= row < len(self.shown):
            line = self.shown[row]
            self.passage_chosen.emit(line.document_id, line.start, line.end)
