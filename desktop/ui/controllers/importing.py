"""Importing transcripts from the window (the menu, dropped files and folders, the
clipboard, the first start's sample), off the GUI thread with progress; and loading the
segmenter in the background.

Several files, or a folder, import as one batch (`desktop.core.importing.batch`): one
progress bar counts the files, Cancel stops after the file in hand (what is imported
stays), and a summary at the end lists what was imported, skipped and refused, and why.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QProgressBar, QPushButton, QStatusBar, QWidget

from desktop.ui.actions import ActionId
from desktop.ui.controllers.import_gate import ImportGate
from desktop.ui.controllers.navigation import Navigator
from desktop.ui.feedback import Feedback
from desktop.ui.i18n import fill
from desktop.ui.session import Session
from desktop.ui.tasks import run_task

if TYPE_CHECKING:  # the importer itself loads on first use
    from desktop.core.importing.model import ParseOptions

TITLE_CHARS = 60  # a title taken from the clipboard's first line is at most this long
LISTED = 12  # files a summary names in each list before it says "and N more"


def named_error(path: Path, exc: BaseException) -> str:
    """The failure to import `path`, naming the file once: most messages already do."""
    message = str(exc) or exc.__class__.__name__
    return message if path.name in message else f"{path.name}: {message}"


def no_speakers_text() -> str:
    """What to say of a new document in which no speaker was found."""
    return QCoreApplication.translate(
        "Import", "No speakers found: every paragraph is narration. Check the labels "
        "(Name: …) in the file, or correct how it is read in File > Import with preview.")


class ImportController(QObject):
    """Imports files into the session's study and opens what was imported."""

    def __init__(self, session: Session, navigator: Navigator, progress: QProgressBar,
                 feedback: Feedback, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.session, self.navigator = session, navigator
        self.progress, self.feedback, self.dialog_parent = progress, feedback, dialog_parent
        self.running = 0  # imports not finished yet
        self._segmenter_requested = False
        self.gate = ImportGate(self)  # one file through the import preview when doubtful
        self._stops: list[threading.Event] = []  # one per batch running
        self.cancel_button = QPushButton(dialog_parent)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        bar = progress.parentWidget()
        if isinstance(bar, QStatusBar):  # right after the progress bar (the window's first)
            bar.insertPermanentWidget(1, self.cancel_button)
        # Closing the window stops a batch after the file in hand, rather than making the
        # window wait for the rest of a folder before it can go.
        dialog_parent.installEventFilter(self)
        # File > New document from clipboard is the registry's action, made by the window.
        paste = dialog_parent.findChild(QAction, ActionId.NEW_FROM_CLIPBOARD.value)
        if paste is not None:
            paste.triggered.connect(lambda _checked=False: self.paste_document())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Stop the batches when the window closes."""
        if event.type() == QEvent.Type.Close:
            for stop in self._stops:
                stop.set()
        return False

    def load_segmenter_later(self) -> None:
        """Load jieba's dictionary in the background (search and notes need it), and the
        Markdown renderer (the first note or glossary card shown would wait for it)."""
        if self._segmenter_requested:
            return
        self._segmenter_requested = True

        def work(_progress) -> None:
            from desktop.core import segment  # even the import stays off the GUI thread

            segment.initialize()
            from desktop.ui.markdown_note import warm_up

            warm_up()

        run_task(work, lambda _result: None, lambda _exc: None)

    def choose(self, preview: bool = False) -> None:
        """Ask for files and import them in the background (one file through the import
        preview when its structure is doubtful, or always with `preview`)."""
        from PySide6.QtWidgets import QFileDialog

        from desktop.core.importing.batch import importable_suffixes

        patterns = " ".join(f"*{s}" for s in importable_suffixes())
        paths, _ = QFileDialog.getOpenFileNames(
            self.dialog_parent, QCoreApplication.translate("MainWindow", "Import transcripts"),
            str(Path.home()),
            fill(QCoreApplication.translate("Import", "Transcripts (%1);;All files (*)"), patterns))
        if paths:
            self.gate.bring_in([Path(p) for p in paths], always_preview=preview)

    # ---- files and folders ---------------------------------------------------------------

    def import_paths(self, paths: list[Path], *, open_last: bool = True,
                     title: str | None = None, options: ParseOptions | None = None) -> None:
        """Import files and folders off the GUI thread, with progress; open the last one
        imported. Several files or a folder are a batch, summed up at the end. `title`
        and `options` are the import preview's, for a single file."""
        if not self._can_import():
            return
        paths = [Path(p) for p in paths]
        batch = len(paths) > 1 or any(p.is_dir() for p in paths)
        stop = threading.Event()

        def work(db, progress):
            from desktop.core.importing.batch import import_each, transcripts_in

            return import_each(db, transcripts_in(paths), progress=progress, stop=stop.is_set,
                               title=title, options=options)

        if batch:
            self._stops.append(stop)
        self._started(fill(QCoreApplication.translate("MainWindow", "Importing %1…"),
                           ", ".join(p.name for p in paths)))
        self.session.run_in_background(
            work, lambda done: self._done(done, paths, batch, open_last, stop),
            lambda exc: self._failed(exc, stop),
            lambda done, total: self._advanced(done, total, batch))

    def cancel(self) -> None:
        """Stop every batch after the file it is importing; what is done stays."""
        if not self._stops:
            return
        for stop in self._stops:
            stop.set()
        self.cancel_button.setEnabled(False)
        self.feedback.status(QCoreApplication.translate("Import",
                                                        "Stopping after the file in hand…"))

    def _can_import(self) -> bool:
        if self.session.study_path is None:
            self.feedback.error(QCoreApplication.translate(
                "MainWindow", "This study is in memory; import needs a study file."))
            return False
        return True

    def _started(self, message: str) -> None:
        self.running += 1
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.feedback.status(message)

    def _advanced(self, done: int, total: int, batch: bool = False) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        files = total // 1000
        if batch and files > 0:
            # Files done of all of them: the bar moves within a file, the count after it.
            self.progress.setFormat(fill(QCoreApplication.translate("Import", "%1 of %2 files"),
                                         str(done // 1000), str(files)))
            if files > 1 and self._stops and not self.cancel_button.isVisible():
                # (Named as it is shown: the interface language may have changed.)
                self.cancel_button.setText(QCoreApplication.translate("Import", "Cancel"))
                self.cancel_button.setToolTip(QCoreApplication.translate(
                    "Import", "Stop the import after the file in hand"))
                self.cancel_button.setVisible(True)
        else:
            self.progress.setFormat("%p%")

    def _finished(self, stop: threading.Event | None = None) -> None:
        self.running -= 1
        if stop in self._stops:
            self._stops.remove(stop)
        if not self._stops:
            self.cancel_button.setVisible(False)
            self.cancel_button.setEnabled(True)
        if not self.running:
            self.progress.setVisible(False)
            self.progress.setFormat("%p%")

    def _done(self, outcome, paths: list[Path], batch: bool, open_last: bool,
              stop: threading.Event) -> None:
        from desktop.core.importing.batch import without_speakers

        self._finished(stop)
        self.session.library_changed()
        results = outcome.results
        if results and open_last:
            self.navigator.open_document(results[-1].document_id)
        if batch:
            self._summarize(outcome, paths)
            return
        if outcome.refused:  # one file, refused: its reason, once, in one line
            [refused] = outcome.refused
            self.feedback.error(named_error(refused.path, Exception(refused.reason)))
            return
        if not results:
            return
        last = results[-1]
        template = (QCoreApplication.translate("MainWindow", "“%1” is already in the study.")
                    if last.duplicate
                    else QCoreApplication.translate("MainWindow", "Imported “%1”."))
        said = fill(template, last.title)
        self.feedback.status(said, 8000)
        if without_speakers(last):
            QMessageBox.information(self.dialog_parent,
                                    QCoreApplication.translate("Import", "Import"),
                                    f"{said}\n\n{no_speakers_text()}")

    def _summarize(self, batch, paths: list[Path]) -> None:
        """The batch's counts in the status bar, and a summary box that lists the files
        refused (with why), the ones already in the study, and those without speakers."""
        from desktop.core.importing.batch import without_speakers

        counts = fill(QCoreApplication.translate(
            "Import", "%1 imported, %2 already in the study, %3 refused."),
            str(len(batch.imported)), str(len(batch.duplicates)), str(len(batch.refused)))
        done = len(batch.outcomes)
        if batch.cancelled:
            head = fill(QCoreApplication.translate(
                "Import", "Import stopped after %1 of %2 files: %3"),
                str(done), str(batch.total), counts)
        else:
            head = fill(QCoreApplication.translate("Import", "Import of %1 files finished: %2"),
                        str(batch.total), counts)
        self.feedback.status(head, 15000)
        parts = [head]
        if batch.refused:
            parts.append(QCoreApplication.translate("Import", "Refused:") + "\n" + _listed(
                [f"{_shown(o.path, paths)}: {_reason(o)}" for o in batch.refused]))
        if batch.duplicates:
            as_ = QCoreApplication.translate("Import", "%1 (as “%2”)")
            parts.append(QCoreApplication.translate("Import", "Already in the study:") + "\n"
                         + _listed([fill(as_, _shown(o.path, paths), o.result.title)
                                    for o in batch.duplicates]))
        empty = [o for o in batch.imported if without_speakers(o.result)]
        if empty:
            parts.append(no_speakers_text() + "\n" + _listed(
                [_shown(o.path, paths) for o in empty]))
        box = QMessageBox.warning if batch.refused else QMessageBox.information
        box(self.dialog_parent, QCoreApplication.translate("Import", "Import"), "\n\n".join(parts))

    def _failed(self, exc: BaseException, stop: threading.Event | None = None) -> None:
        self._finished(stop)
        self.session.library_changed()  # a batch may have imported files before it failed
        self.feedback.error(str(exc) or exc.__class__.__name__)

    # ---- the clipboard ---------------------------------------------------------------------

    def paste_document(self) -> None:
        """File > New document from clipboard: the clipboard's web page (HTML) when it
        has one Yandu can read, else its text, imported under a title the user confirms."""
        if not self.session.is_attached or not self._can_import():
            return
        source = clipboard_source()
        if source is None:
            self.feedback.status(QCoreApplication.translate(
                "Import", "The clipboard holds no text to make a document of."), 8000)
            return
        data, name, plain = source
        from PySide6.QtWidgets import QInputDialog

        title, ok = QInputDialog.getText(
            self.dialog_parent,
            QCoreApplication.translate("Import", "New document from clipboard"),
            QCoreApplication.translate("Import", "Title:"),
            text=first_line(plain) or pasted_title())
        if ok:
            self.import_data(data, name, " ".join(title.split()) or pasted_title())

    def import_data(self, data: bytes, name: str, title: str) -> None:
        """Import bytes as the file `name` would be read, under `title`, and open it."""
        if not self._can_import():
            return

        def work(db, progress):
            from desktop.core.importing import import_bytes

            return import_bytes(db, data, name, title=title, progress=progress)

        def done(result) -> None:
            from desktop.core.importing.batch import DUPLICATE, IMPORTED, Batch, Outcome

            status = DUPLICATE if result.duplicate else IMPORTED
            self._done(Batch([Outcome(Path(name), status, "", result)], 1), [], False,
                       True, None)

        self._started(fill(QCoreApplication.translate("MainWindow", "Importing %1…"), title))
        self.session.run_in_background(work, done, self._failed, self._advanced)


def clipboard_source() -> tuple[bytes, str, str] | None:
    """What the clipboard holds to import: (bytes, file name, plain text), or None.

    HTML (what a browser copies) is read as a web page, `clipboard.html`, when Yandu reads
    those; otherwise the plain text, `clipboard.txt`."""
    from desktop.core.importing.parser import FORMATS

    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return None
    text = mime.text() if mime.hasText() else ""
    html = mime.html() if mime.hasHtml() else ""
    if html.strip() and ".html" in FORMATS:
        if not text.strip():
            from PySide6.QtGui import QTextDocumentFragment

            text = QTextDocumentFragment.fromHtml(html).toPlainText()
        if text.strip():
            head = "" if "charset" in html[:1024].lower() else '<meta charset="utf-8">\n'
            return (head + html).encode("utf-8"), "clipboard.html", text
    if not text.strip():
        return None
    return text.encode("utf-8"), "clipboard.txt", text


def first_line(text: str) -> str:
    """The first line with words on it, spaces made single, cut to TITLE_CHARS."""
    for line in text.splitlines():
        words = " ".join(line.split())
        if words:
            return words[:TITLE_CHARS].rstrip()
    return ""


def pasted_title() -> str:
    """A title for pasted text that has none."""
    return fill(QCoreApplication.translate("Import", "Pasted text %1"),
                datetime.now().strftime("%Y-%m-%d %H:%M"))


def _shown(path: Path, named: list[Path]) -> str:
    """A file as the summary names it: from the folder the user gave, else its name."""
    for root in named:
        if root.is_dir() and path.is_relative_to(root):
            return path.relative_to(root.parent).as_posix()
    return path.name


def _reason(outcome) -> str:
    """A refusal's reason without the file's name in front (the line names the file)."""
    name = outcome.path.name
    return outcome.reason.removeprefix(f"{name}: ")


def _listed(lines: list[str]) -> str:
    """One line each, bulleted; after LISTED of them, how many more."""
    shown = [f"• {line}" for line in lines[:LISTED]]
    if len(lines) > LISTED:
        shown.append(fill(QCoreApplication.translate("Import", "… and %1 more"),
                          str(len(lines) - LISTED)))
    return "\n".join(shown)
