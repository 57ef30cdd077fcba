"""The Distinctive words tab: for each speaker, the words they use markedly more than the
others, by log-likelihood, glossary terms in bold; Enter (or a double click) on a word
opens its concordance."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.analysis import keyness
from desktop.ui.analysis.common import Scope, Tab, button_row
from desktop.ui.analysis.tables import RowsTable, save_table_as


class WordsTab(Tab):
    """Distinctive words per speaker."""

    needs_words = True

    word_chosen = Signal(str, str)  # word, speaker

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table_of: keyness.Keyness | None = None
        self.speaker_label = QLabel(self)
        self.speaker = QComboBox(self)
        self.speaker.setObjectName("analysis_words_speaker")
        self.speaker_label.setBuddy(self.speaker)
        self.speaker.currentIndexChanged.connect(self._show_speaker)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = RowsTable(self)
        self.table.setObjectName("analysis_words_table")
        self.empty = QLabel(self)
        self.empty.setVisible(False)
        self.table.activated.connect(lambda _index: self.choose_current())
        self.export_table = QPushButton(self)
        self.export_table.clicked.connect(lambda: save_table_as(
            self, self.table, f"distinctive-words-{self.speaker.currentText()}"))
        top = QHBoxLayout()
        top.addWidget(self.speaker_label)
        top.addWidget(self.speaker, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row(self.export_table))
        self.setFocusProxy(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.speaker_label.setText(self.tr("&Speaker:"))
        self.export_table.setText(self.tr("Export &table…"))
        self.empty.setText(self.tr("No word stands out for this speaker: none is used at "
                                   "least three times and markedly more than by the others."))
        self.note.setText(self.tr(
            "Words this speaker uses markedly more than the others: log-likelihood G² "
            "(≥ 3.84: p < 0.05; ≥ 6.63: p < 0.01; ≥ 10.83: p < 0.001). Log ratio 1 means "
            "twice as often. Stop words are left out; glossary terms are in bold. Press "
            "Enter on a word for its concordance."))
        self._show_speaker()

    def fill(self, scope: Scope) -> None:
        chosen = self.speaker.currentText()
        self.table_of = keyness.Keyness(scope.db, scope.document_ids)
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItems(self.table_of.speakers)
        if chosen in self.table_of.speakers:
            self.speaker.setCurrentText(chosen)
        self.speaker.blockSignals(False)
        self._show_speaker()

    def show_speaker(self, name: str) -> None:
        """Show the words of the speaker so named."""
        self.refresh_if_stale()
        index = self.speaker.findText(name)
        if index >= 0:
            self.speaker.setCurrentIndex(index)

    def _show_speaker(self) -> None:
        name = self.speaker.currentText()
        words = self.table_of.keywords(name, limit=200) if self.table_of and name else []
        header = [self.tr("Word"), self.tr("G²"), self.tr("Log ratio"), self.tr("Count"),
                  self.tr("Others"), self.tr("Per 10,000 words"), self.tr("Others per 10,000")]
        rows = [[k.word, round(k.log_likelihood, 2), round(k.log_ratio, 2), k.count,
                 k.reference_count, round(k.per_10k, 1), round(k.reference_per_10k, 1)]
                for k in words]
        self.table.set_rows(header, rows, bold_rows={i for i, k in enumerate(words)
                                                     if k.is_term},
                            formats={1: lambda v: f"{v:.2f}", 2: lambda v: f"{v:.2f}"},
                            aligns={0: Qt.AlignmentFlag.AlignLeft})
        self.empty.setVisible(not words and self.speaker.count() > 0)

    def current_word(self) -> str | None:
        row = self.table.current_source_row()
        if row < 0:
            return None
        return str(self.table.rows_model.rows[row][0])

    def choose_current(self) -> None:
        """Open the concordance of the current word, for this speaker."""
        word = self.current_word()
        if word:
            self.word_chosen.emit(word, self.speaker.currentText())
