"""The import preview: how a file will read, corrected by the reader before it is stored.

The file is read again (off nothing: a parse is pure and fast) each time the reader
changes something: the kind of record, the encoding, a label that is not a speaker, two
labels of one person, the moderator or chair. The rows of the speaker table come from
the reading without the reader's speaker corrections, so an unticked speaker stays in
the table to be ticked again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import YanduError
from desktop.core.importing.decoding import CHOICES
from desktop.core.importing.model import KINDS, ParseOptions
from desktop.core.importing.preview import ImportPreview, preview_bytes
from desktop.ui.i18n import fill

REFRESH_MS = 150
NAME, TURNS, MODERATOR, SAME_AS, SAMPLE = range(5)


def kind_name(kind: str) -> str:
    """A kind of record as the window names it, in the interface language."""
    names = {
        "panel": QCoreApplication.translate("ImportPreview", "Panel or roundtable"),
        "interview": QCoreApplication.translate("ImportPreview", "Interview"),
        "play": QCoreApplication.translate("ImportPreview", "Play"),
        "parliament": QCoreApplication.translate("ImportPreview", "Parliament or council"),
        "court": QCoreApplication.translate("ImportPreview", "Court or hearing"),
        "subtitles": QCoreApplication.translate("ImportPreview",
                                                "Subtitles or recognised speech"),
        "plain": QCoreApplication.translate("ImportPreview", "Plain text (no speakers)"),
    }
    return names.get(kind, kind)


def doubt_text(preview: ImportPreview) -> str:
    """Why the reader should look before importing, in the interface language."""
    if preview.doubt == "no-speakers":
        return QCoreApplication.translate(
            "ImportPreview", "No speakers found: every paragraph is narration. Check the "
            "kind of record and the encoding, or import it as plain text.")
    if preview.doubt == "one-speaker":
        return fill(QCoreApplication.translate(
            "ImportPreview", "Only one speaker found (%1)."), preview.speakers[0].name)
    if preview.doubt == "fragments":
        return fill(QCoreApplication.translate(
            "ImportPreview", "%1 of %2 speakers speak only once: some labels may be "
            "fragments, headings or form fields. Untick those that name no one."),
            str(preview.once), str(len(preview.speakers)))
    return ""


class ImportPreviewDialog(QDialog):
    """Shows a file as it will be imported; `options()` and `title()` are the reader's."""

    def __init__(self, data: bytes, name: str, parent: QWidget | None = None,
                 title: str | None = None) -> None:
        super().__init__(parent)
        self.data, self.name = data, name
        self.setWindowTitle(fill(self.tr("Import preview — %1"), name))
        self.preview: ImportPreview | None = None
        self._rows_for: tuple[str | None, str | None] | None = None  # kind, encoding
        self._moderators_chosen = False
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

        self.title_edit = QLineEdit(title or "")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("As recognised"), None)
        for kind in KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.encoding = QComboBox()
        self.encoding.addItem(self.tr("As guessed"), None)
        for label, _codec in CHOICES:
            self.encoding.addItem(label, label)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Kind of record:"), self.kind)
        form.addRow(self.tr("&Encoding:"), self.encoding)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Speaker"), self.tr("Turns"), self.tr("Moderator or chair"),
            self.tr("Same person as"), self.tr("First words")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(SAMPLE, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Speakers found"))
        self.merge_button = QPushButton(self.tr("Same &person as…"))
        self.merge_button.clicked.connect(self.merge_current)
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setAccessibleName(self.tr("The text as it will read"))
        self.summary = QLabel()
        self.doubt = QLabel(wordWrap=True)
        self.doubt.setStyleSheet("font-weight: bold")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr(
            "Untick a label that names no one (Space); its lines join the turn before.")))
        left_layout.addWidget(self.table)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.merge_button)
        buttons_row.addStretch()
        left_layout.addLayout(buttons_row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.text)
        splitter.setSizes([520, 420])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.doubt)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(980, 640)

        self.kind.currentIndexChanged.connect(self._schedule)
        self.encoding.currentIndexChanged.connect(self._schedule)
        self.table.itemChanged.connect(self._item_changed)
        self.refresh()

    # ---- the reader's corrections ---------------------------------------------------

    def title(self) -> str | None:
        return self.title_edit.text().strip() or None

    def options(self) -> ParseOptions:
        """The corrections made so far."""
        not_speakers, merge, moderators = set(), {}, set()
        for row in range(self.table.rowCount()):
            name = self.table.item(row, NAME).data(Qt.ItemDataRole.UserRole)
            if self.table.item(row, NAME).checkState() != Qt.CheckState.Checked:
                not_speakers.add(name)
                continue
            same_as = self.table.item(row, SAME_AS).data(Qt.ItemDataRole.UserRole)
            if same_as:
                merge[name] = same_as
            if self.table.item(row, MODERATOR).checkState() == Qt.CheckState.Checked:
                moderators.add(merge.get(name, name))
        return ParseOptions(kind=self.kind.currentData(), encoding=self.encoding.currentData(),
                            not_speakers=frozenset(not_speakers), merge=merge,
                            moderators=frozenset(moderators) if self._moderators_chosen
                            else None)

    def merge_current(self) -> None:
        """Say that the current row's label names the same person as another label."""
        row = self.table.currentRow()
        if row < 0:
            return
        name = self.table.item(row, NAME).data(Qt.ItemDataRole.UserRole)
        others = [self.table.item(r, NAME).data(Qt.ItemDataRole.UserRole)
                  for r in range(self.table.rowCount()) if r != row]
        nobody = self.tr("(nobody else)")
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Same person"), fill(self.tr("%1 is the same person as:"), name),
            [nobody, *others], 0, False)
        if ok:
            item = self.table.item(row, SAME_AS)
            item.setData(Qt.ItemDataRole.UserRole, None if chosen == nobody else chosen)
            item.setText("" if chosen == nobody else chosen)
            self._schedule()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == MODERATOR:
            self._moderators_chosen = True
        self._schedule()

    def _schedule(self) -> None:
        self._timer.start()

    # ---- reading the file again -------------------------------------------------------

    def refresh(self) -> None:
        """Read the file with the corrections made so far and show the result."""
        options = self.options()
        try:
            preview = preview_bytes(self.data, self.name, options=options)
        except YanduError as exc:
            self.preview = None
            self.doubt.setText(str(exc))
            self.import_button.setEnabled(False)
            return
        self.import_button.setEnabled(True)
        key = (options.kind, options.encoding)
        if self._rows_for != key:
            # New rows: the speakers as read without the reader's speaker corrections.
            base = preview if not (options.not_speakers or options.merge) else preview_bytes(
                self.data, self.name, options=ParseOptions(kind=options.kind,
                                                           encoding=options.encoding))
            self._fill_rows(base)
            self._rows_for = key
        self.preview = preview
        self._show(preview)

    def _fill_rows(self, base: ImportPreview) -> None:
        """One row per speaker of `base`; the reader's choices for a name that is still
        there (not a speaker, same person as, moderator) are kept."""
        kept = {}
        for row in range(self.table.rowCount()):
            name = self.table.item(row, NAME).data(Qt.ItemDataRole.UserRole)
            kept[name] = (self.table.item(row, NAME).checkState(),
                          self.table.item(row, MODERATOR).checkState(),
                          self.table.item(row, SAME_AS).data(Qt.ItemDataRole.UserRole))
        moderators_chosen = self._moderators_chosen
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for speaker in base.speakers:
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = QTableWidgetItem(speaker.name)
            name.setData(Qt.ItemDataRole.UserRole, speaker.name)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked)
            moderator = QTableWidgetItem()
            moderator.setFlags(moderator.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            moderator.setCheckState(Qt.CheckState.Checked if speaker.is_moderator
                                    else Qt.CheckState.Unchecked)
            same_as = QTableWidgetItem()
            if speaker.name in kept:
                checked, moderated, other = kept[speaker.name]
                name.setCheckState(checked)
                if moderators_chosen:
                    moderator.setCheckState(moderated)
                same_as.setData(Qt.ItemDataRole.UserRole, other)
                same_as.setText(other or "")
            for column, item in ((NAME, name), (TURNS, QTableWidgetItem()),
                                 (MODERATOR, moderator), (SAME_AS, same_as),
                                 (SAMPLE, QTableWidgetItem(speaker.sample))):
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._moderators_chosen = moderators_chosen and bool(kept)
        self.table.resizeColumnsToContents()
        if self.table.rowCount():
            self.table.setCurrentCell(0, NAME)

    def _show(self, preview: ImportPreview) -> None:
        counts = {s.name: s.turns for s in preview.speakers}
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            name = self.table.item(row, NAME).data(Qt.ItemDataRole.UserRole)
            self.table.item(row, TURNS).setText(str(counts.get(name, 0)))
        self.table.blockSignals(False)
        parsed = preview.parsed
        self.title_edit.setPlaceholderText(parsed.title)  # left empty, the title is this
        self.summary.setText(fill(
            self.tr("%1 · %2 speakers · %3 turns (%4 narration) · %5 sections · %6"),
            kind_name(parsed.kind), str(len(preview.speakers)), str(len(parsed.turns)),
            str(preview.narration_turns), str(len(preview.sections)), parsed.encoding))
        self.doubt.setText(doubt_text(preview))
        self.doubt.setVisible(bool(preview.doubt))
        lines = []
        for speaker, speech in preview.first_screen():
            if speaker == "§":
                lines.append(f"§ {speech}")
            elif speaker is None:
                lines.append(speech)  # narration reads as it is, without a name
            else:
                lines.append(f"{speaker}：{speech}")
        self.text.setPlainText("\n\n".join(lines))
