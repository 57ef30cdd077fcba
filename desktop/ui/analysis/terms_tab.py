"""The Terms tab: how often each glossary term occurs, by speaker (and by document), and a
dispersion plot of where its occurrences fall: one row per term, or one row per speaker
for the current term."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.analysis.terms import TermTable, term_frequencies
from desktop.ui.analysis import charts
from desktop.ui.analysis.common import Scope, Tab, button_row
from desktop.ui.analysis.tables import RowsTable, save_chart_as, save_table_as

PLOTTED_TERMS = 12  # rows of the dispersion plot, one per term
PER_TERM, PER_SPEAKER = 0, 1


class TermsTab(Tab):
    """Glossary terms by speaker and document, and where they fall."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: TermTable | None = None
        self.colours: dict[str, str] = {}
        self.table = RowsTable(self)
        self.table.setObjectName("analysis_terms_table")
        self.rows_label = QLabel(self)
        self.rows_kind = QComboBox(self)
        self.rows_label.setBuddy(self.rows_kind)
        self.rows_kind.currentIndexChanged.connect(self._plot)
        self.plot = charts.chart_view(charts.new_chart(""))
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._plot() if self.rows_kind.currentIndex() == PER_SPEAKER else None)
        self.export_table = QPushButton(self)
        self.export_plot = QPushButton(self)
        self.export_table.clicked.connect(lambda: save_table_as(self, self.table, "terms"))
        self.export_plot.clicked.connect(lambda: save_chart_as(self, self.plot, "dispersion"))
        plot_box = QWidget(self)
        plot_layout = QVBoxLayout(plot_box)
        plot_layout.setContentsMargins(0, 0, 0, 0)
        choose = QHBoxLayout()
        choose.addWidget(self.rows_label)
        choose.addWidget(self.rows_kind, 1)
        plot_layout.addLayout(choose)
        scroller = QScrollArea(plot_box)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(self.plot)
        plot_layout.addWidget(scroller, 1)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(plot_box)
        splitter.setSizes([2, 3])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter, 1)
        layout.addLayout(button_row(self.export_table, self.export_plot))
        self.setFocusProxy(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_table.setText(self.tr("Export &table…"))
        self.export_plot.setText(self.tr("Export &plot…"))
        self.rows_label.setText(self.tr("&Dispersion:"))
        current = self.rows_kind.currentIndex()
        self.rows_kind.blockSignals(True)
        self.rows_kind.clear()
        self.rows_kind.addItems([self.tr("One row per term (the most frequent)"),
                                 self.tr("One row per speaker (the current term)")])
        self.rows_kind.setCurrentIndex(max(current, 0))
        self.rows_kind.blockSignals(False)
        if self.result is not None:
            self.show_result(self.result)

    def fill(self, scope: Scope) -> None:
        from desktop.core import library

        self.colours = {s.name: s.colour for doc_id in (scope.document_ids or [])
                        for s in library.speakers(scope.db, doc_id)}
        self.show_result(term_frequencies(scope.db, scope.document_ids))

    def show_result(self, result: TermTable) -> None:
        self.result = result
        speakers = result.speakers
        several = len(result.documents) > 1
        header = [self.tr("Term"), self.tr("Total")]
        header += [s or self.tr("(narration)") for s in speakers]
        if several:
            header += list(result.documents.values())
        rows = []
        for term in result.terms:
            row = [term.term, term.count] + [term.by_speaker.get(s, 0) for s in speakers]
            if several:
                row += [term.by_document.get(d, 0) for d in result.documents]
            rows.append(row)
        self.table.set_rows(header, rows)
        self._plot()

    def _positions(self, places: dict[int, list[tuple[int, str]]], speaker: str | None = None
                   ) -> list[float]:
        """Places as shares of the documents laid end to end."""
        result = self.result
        assert result is not None
        total = sum(result.lengths.values()) or 1
        before, out = 0, []
        for doc_id, length in result.lengths.items():
            for offset, who in places.get(doc_id, ()):
                if speaker is None or who == speaker:
                    out.append((before + offset) / total)
            before += length
        return out

    def _plot(self) -> None:
        result = self.result
        if result is None:
            return
        if self.rows_kind.currentIndex() == PER_SPEAKER:
            row = self.table.current_source_row()
            term = result.terms[row] if 0 <= row < len(result.terms) else None
            rows = [] if term is None else [
                (s or self.tr("(narration)"), self.colours.get(s, ""),
                 self._positions(term.places, s)) for s in result.speakers]
            title = self.tr("Where %1 falls, by speaker").replace(
                "%1", term.term if term else "—")
        else:
            rows = [(t.term, "", self._positions(t.places))
                    for t in result.terms[:PLOTTED_TERMS]]
            title = self.tr("Where the most frequent terms fall")
        self.plot.setChart(charts.dispersion_chart(rows, title))
        self.plot.setMinimumHeight(charts.height_for(len(rows)))
