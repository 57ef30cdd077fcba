"""The Speakers tab: per speaker turns, characters, words, share, average and longest
turn, talk time; a bar chart of the shares and a chart of characters per section."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.analysis import stats as stats_module
from desktop.ui.analysis import charts
from desktop.ui.analysis.common import Scope, Tab, button_row
from desktop.ui.analysis.tables import RowsTable, save_chart_as, save_table_as


def _share(value) -> str:
    return "" if value is None else f"{value:.1%}"


def _time(ms) -> str:
    if not ms:
        return ""
    seconds = int(ms) // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class SpeakersTab(Tab):
    """Who spoke how much."""

    needs_words = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: stats_module.Stats | None = None
        self.summary = QLabel(self)
        self.table = RowsTable(self)
        self.table.setObjectName("analysis_speakers_table")
        # The charts side by side when the view is wide, one above the other when it is
        # narrow, scrolled when they need more height than there is.
        self.charts = QSplitter(Qt.Orientation.Horizontal)
        self.share_view = charts.chart_view(charts.new_chart(""))
        self.section_view = charts.chart_view(charts.new_chart(""))
        self.charts.addWidget(self.share_view)
        self.charts.addWidget(self.section_view)
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(self.charts)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(scroller)
        splitter.setStretchFactor(1, 1)
        self.export_table = QPushButton(self)
        self.export_shares = QPushButton(self)
        self.export_sections = QPushButton(self)
        self.export_table.clicked.connect(lambda: save_table_as(self, self.table, "speakers"))
        self.export_shares.clicked.connect(
            lambda: save_chart_as(self, self.share_view, "speaker-shares"))
        self.export_sections.clicked.connect(
            lambda: save_chart_as(self, self.section_view, "speakers-by-section"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(button_row(self.export_table, self.export_shares,
                                    self.export_sections))
        self.setFocusProxy(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_table.setText(self.tr("Export &table…"))
        self.export_shares.setText(self.tr("Export share c&hart…"))
        self.export_sections.setText(self.tr("Export section cha&rt…"))
        if self.result is not None:
            self.show_result(self.result)

    def fill(self, scope: Scope) -> None:
        self.show_result(stats_module.speaker_stats(scope.db, scope.document_ids))

    def show_result(self, result: stats_module.Stats) -> None:
        """Fill the table and draw the charts."""
        self.result = result
        header = [self.tr("Speaker"), self.tr("Turns"), self.tr("Characters"),
                  self.tr("Words"), self.tr("Share"), self.tr("Average turn"),
                  self.tr("Longest turn"), self.tr("Turn")]
        rows = []
        for s in result.speakers:
            row = [s.name or self.tr("(narration)"), s.turns, s.characters, s.words,
                   None if s.is_narration else s.share, round(s.average_turn, 1),
                   s.longest_turn, s.longest_turn_number or 0]
            if result.has_times:
                row.append(s.talk_ms)
            rows.append(row)
        if result.has_times:
            header.append(self.tr("Talk time"))
        self.table.set_rows(header, rows, formats={4: _share, 8: _time}, tips={
            2: self.tr("Letters and digits: each Han character counts as one"),
            3: self.tr("Words as the segmenter cuts them (jieba for Chinese)"),
            4: self.tr("Share of the speakers' characters (narration left out)"),
            5: self.tr("Characters per turn"),
            6: self.tr("Characters of the longest turn"),
            7: self.tr("The number of the longest turn")})
        self.summary.setText(self.tr("%n turn(s)", "", result.turns) + " · "
                             + self.tr("%n character(s)", "", result.characters) + " · "
                             + self.tr("%n word(s)", "", result.words))
        speakers = [s for s in result.speakers if not s.is_narration]
        share = charts.share_chart([s.name for s in speakers], [s.share for s in speakers],
                                   [s.colour for s in speakers], self.tr("Share of the talk"))
        self.share_view.setChart(share)
        with_sections = [s for s in result.speakers if any(s.sections)]
        sections = charts.sections_chart(
            result.sections,
            [(s.name or self.tr("(narration)"), s.colour, s.sections) for s in with_sections],
            self.tr("Characters per section"))
        self.section_view.setChart(sections)
        self.section_view.setVisible(bool(result.sections))
        self.share_view.setMinimumHeight(charts.height_for(len(speakers)))
        self.section_view.setMinimumHeight(charts.height_for(len(result.sections),
                                                             legend=True))
        self._arrange()
        table_height = self.table.fitted_height(max(120, self.height() // 3))
        self.splitter.setSizes([table_height, max(1, self.height() - table_height)])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        wide = self.width() >= 900
        self.charts.setOrientation(Qt.Orientation.Horizontal if wide
                                   else Qt.Orientation.Vertical)
        heights = [self.share_view.minimumHeight(), self.section_view.minimumHeight()]
        self.charts.setMinimumHeight(max(heights) if wide else sum(heights) + 8)
