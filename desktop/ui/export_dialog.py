"""File > Export: a dialog with a preview, the export written off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db import StudyError
from desktop.core import library
from desktop.core.errors import YanduError
from desktop.core.export import (
    FORMATS,
    ExportOptions,
    default_filename,
    export_study_file,
    preview_html,
)
from desktop.ui.actions import QT_TRANSLATE_NOOP
from desktop.ui.docks.common import elide
from desktop.ui.i18n import fill, labels_language
from desktop.ui.tasks import run_task

PREVIEW_DELAY_MS = 250
# The formats' names as the core gives them, marked for the translation file; translated
# when shown in the dialog.
FORMAT_NAMES = (
    QT_TRANSLATE_NOOP("ExportDialog", "Markdown notes"),
    QT_TRANSLATE_NOOP("ExportDialog", "HTML page"),
    QT_TRANSLATE_NOOP("ExportDialog", "Quote list (CSV)"),
    QT_TRANSLATE_NOOP("ExportDialog", "REFI-QDA project (.qdpx)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Web Annotation (JSON-LD)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Anki deck of the glossary (.apkg)"),
)



def export_language(window) -> str:
    """The export language matching the interface: "zh" when it is Chinese, else "en"."""
    return labels_language(window.settings.value("language") or None)


_SUFFIXES = {fmt.suffix for fmt in FORMATS.values()}


def path_for_format(text: str, format_id: str) -> str:
    """`text` with the file extension of `format_id`: another format's extension is
    replaced, a missing one added; an extension the user chose for themselves stays."""
    if not text.strip():
        return text
    suffix = FORMATS[format_id].suffix
    path = Path(text)
    if path.suffix.lower() == suffix:
        return text
    if path.suffix.lower() in _SUFFIXES or not path.suffix:
        return str(path.with_name(path.stem + suffix if path.suffix else path.name + suffix))
    return text


def one_line(exc: BaseException) -> str:
    """A failure as one line for the user (never a traceback).

    The lines are joined, not cut at the first: an SQLite damage report, for one, starts
    with "*** in database main ***" and the words that matter follow on the next lines.
    """
    return elide(str(exc), 600) or exc.__class__.__name__


class OfflineBrowser(QTextBrowser):
    """A QTextBrowser that follows no link and loads no resource (images, style sheets)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802 (Qt override)
        """Refuse every resource: exported notes are user-written and may name any URL."""
        return None


class ExportDialog(QDialog):
    """Choose a format, what to include and where; preview; export in the background."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("export_dialog")
        self.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export notes"))
        self.window_ = window
        self.db = window.session.db
        self.document_id: int | None = window.session.document_id
        self.task = None

        self.format = QComboBox(self)
        for format_id, fmt in FORMATS.items():
            self.format.addItem(QCoreApplication.translate("ExportDialog", fmt.label), format_id)
        self.this_document = QRadioButton(QCoreApplication.translate("ExportDialog", "This document"), self)
        self.whole_study = QRadioButton(QCoreApplication.translate("ExportDialog", "Whole study"), self)
        scope = QHBoxLayout()
        scope.addWidget(self.this_document)
        scope.addWidget(self.whole_study)
        if self.document_id is None:
            self.this_document.setEnabled(False)
            self.whole_study.setChecked(True)
        else:
            self.this_document.setChecked(True)
        self.speakers = QListWidget(self)
        self.speakers.setMaximumHeight(120)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(QCoreApplication.translate("ExportDialog", "all tags (or: tag, tag, …)"))
        self.with_transcript = QCheckBox(QCoreApplication.translate("ExportDialog", "Include the full transcript"), self)
        self.with_glossary = QCheckBox(QCoreApplication.translate(
            "ExportDialog", "Include the glossary terms found in the text"), self)
        self.with_glossary.setChecked(True)
        self.path = QLineEdit(self)
        browse = QPushButton(QCoreApplication.translate("ExportDialog", "Choose…"), self)
        browse.clicked.connect(self.choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ExportDialog", "Format"), self.format)
        form.addRow(QCoreApplication.translate("ExportDialog", "Scope"), scope)
        form.addRow(QCoreApplication.translate("ExportDialog", "Speakers"), self.speakers)
        form.addRow(QCoreApplication.translate("ExportDialog", "Tags"), self.tags)
        form.addRow("", self.with_transcript)
        form.addRow("", self.with_glossary)
        form.addRow(QCoreApplication.translate("ExportDialog", "File"), where)
        options = QWidget(self)
        options.setLayout(form)

        self.preview = OfflineBrowser(self)
        self.preview.setObjectName("export_preview")
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(options)
        splitter.addWidget(self.preview)
        splitter.setSizes([380, 520])

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.message = QLabel(self)
        self.message.setObjectName("export_message")
        # A long error (a path, a damage report) wraps instead of running off the edge.
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = self.buttons.addButton(
            QCoreApplication.translate("ExportDialog", "Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(960, 620)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        # A preview nobody sees is not made (the study may be closing under a hidden one).
        self._preview_timer.timeout.connect(lambda: self.isVisible() and self.update_preview())
        self._path_edited = False
        self.path.textEdited.connect(self._mark_path_edited)
        self.format.currentIndexChanged.connect(self._options_changed)
        self.this_document.toggled.connect(self._scope_changed)
        self.speakers.itemChanged.connect(self._options_changed)
        self.tags.textChanged.connect(self._options_changed)
        self.with_transcript.toggled.connect(self._options_changed)
        self.with_glossary.toggled.connect(self._options_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._fill_speakers()
        self._format_changed()
        self._suggest_path()
        self.update_preview()

    # ---- options ------------------------------------------------------------------

    def format_id(self) -> str:
        """The chosen format's id (a key of FORMATS)."""
        return str(self.format.currentData())

    def options(self) -> ExportOptions:
        """The ExportOptions the dialog describes now."""
        ids = ((self.document_id,) if self.this_document.isChecked()
               and self.document_id is not None else None)
        checked, total = [], self.speakers.count()
        for row in range(total):
            item = self.speakers.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                checked.append(item.text())
        # Every speaker ticked means no narrowing (narration stays in).
        speakers = () if len(checked) == total else tuple(checked)
        tags = tuple(dict.fromkeys(t.strip().lstrip("#") for t in
                                   self.tags.text().replace("，", ",").split(",") if t.strip()))
        return ExportOptions(document_ids=ids, speakers=speakers, tags=tags,
                             with_transcript=self.with_transcript.isChecked(),
                             with_glossary=self.with_glossary.isChecked(),
                             language=export_language(self.window_))

    def _format_changed(self) -> None:
        """Grey out the choices the chosen format does not heed."""
        uses = FORMATS[self.format_id()].uses
        widgets = {"scope": (self.whole_study, self.this_document), "speakers": (self.speakers,),
                   "tags": (self.tags,), "transcript": (self.with_transcript,),
                   "glossary": (self.with_glossary,)}
        for option, group in widgets.items():
            for widget in group:
                widget.setEnabled(option in uses and not (
                    widget is self.this_document and self.document_id is None))

    def _fill_speakers(self) -> None:
        if self.this_document.isChecked() and self.document_id is not None:
            names = [s.name for s in library.speakers(self.db, self.document_id)]
        else:
            names = list(dict.fromkeys(
                s.name for d in library.list_documents(self.db)
                for s in library.speakers(self.db, d.id)))
        self.speakers.blockSignals(True)
        self.speakers.clear()
        for name in names:
            item = QListWidgetItem(name, self.speakers)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.speakers.blockSignals(False)

    def _scope_changed(self) -> None:
        self._fill_speakers()
        self._options_changed()

    def _mark_path_edited(self) -> None:
        self._path_edited = True

    def _options_changed(self) -> None:
        self._suggest_path()
        self._preview_timer.start()

    def _suggest_path(self) -> None:
        """Propose default_filename in the last export folder; a path the user chose only
        takes the chosen format's extension, so x.md never receives HTML."""
        if self._path_edited:
            self.path.setText(path_for_format(self.path.text(), self.format_id()))
            return
        folder = str(self.window_.settings.value("export/folder", "") or "") or str(Path.home())
        name = default_filename(self.db, self.options(), self.format_id())
        self.path.setText(str(Path(folder) / name))

    def choose_path(self) -> None:
        """Ask where to write the export."""
        fmt = FORMATS[self.format_id()]
        label = QCoreApplication.translate("ExportDialog", fmt.label)
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("ExportDialog", "Export notes"), self.path.text(),
            f"{label} (*{fmt.suffix})")
        if path:
            if not path.endswith(fmt.suffix):
                path += fmt.suffix
            self.path.setText(path)
            self._path_edited = True

    # ---- preview and export ---------------------------------------------------------

    def update_preview(self) -> None:
        """Show the export as it will read (notes, the quote list's rows or the cards)."""
        try:
            html = preview_html(self.db, self.format_id(), self.options())
        except (YanduError, StudyError) as exc:
            self.preview.setPlainText(one_line(exc))
            return
        self.preview.setHtml(html)

    def start_export(self) -> None:
        """Write the export off the GUI thread, showing progress; errors become one line."""
        if self.task is not None:
            return
        study = self.window_.session.study_path
        if study is None:
            self.message.setText(QCoreApplication.translate("ExportDialog", "This study is in memory; exporting needs a study file."))
            return
        text = self.path.text().strip()
        if not text:
            self.message.setText(QCoreApplication.translate("ExportDialog", "Choose a file to export to."))
            return
        format_id, options = self.format_id(), self.options()
        text = path_for_format(text, format_id)
        self.path.setText(text)
        out = Path(text).expanduser()
        if out.is_file() and not self._may_replace(out):
            self.message.setText(fill(QCoreApplication.translate("ExportDialog", "Not exported: %1 was kept."), str(out)))
            return
        self.message.setText(QCoreApplication.translate("ExportDialog", "Exporting…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.export_button.setEnabled(False)

        def work(progress):
            return export_study_file(study, format_id, options, out, progress)

        self.task = run_task(work, self._done, self._failed, self._progress)

    def _may_replace(self, out: Path) -> bool:
        """Ask before an export replaces a file that exists."""
        answer = QMessageBox.question(
            self, QCoreApplication.translate("ExportDialog", "Replace file"), fill(QCoreApplication.translate("ExportDialog", "%1 already exists. Replace it?"), str(out)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)

    def _done(self, path) -> None:
        self._finished()
        self.window_.settings.setValue("export/folder", str(Path(path).parent))
        self.message.setText(fill(QCoreApplication.translate("ExportDialog", "Exported to %1."), str(path)))
        self.window_.statusBar().showMessage(self.message.text(), 8000)

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        self.message.setText(one_line(exc))


def open_export_dialog(window) -> ExportDialog:
    """File > Export…: show the export dialog."""
    dialog = ExportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
