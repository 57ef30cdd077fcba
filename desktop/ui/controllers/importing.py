"""Importing transcripts from the window (the menu, dropped files, the first start's
sample), off the GUI thread with progress; and loading the segmenter in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QProgressBar, QWidget

from db import StudyError
from desktop.core.errors import YanduError
from desktop.ui.controllers.navigation import Navigator
from desktop.ui.feedback import Feedback
from desktop.ui.i18n import fill
from desktop.ui.session import Session
from desktop.ui.tasks import run_task


def named_error(path: Path, exc: BaseException) -> str:
    """The failure to import `path`, naming the file once: most messages already do."""
    message = str(exc) or exc.__class__.__name__
    return message if path.name in message else f"{path.name}: {message}"


class ImportController(QObject):
    """Imports files into the session's study and opens what was imported."""

    def __init__(self, session: Session, navigator: Navigator, progress: QProgressBar,
                 feedback: Feedback, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.session, self.navigator = session, navigator
        self.progress, self.feedback, self.dialog_parent = progress, feedback, dialog_parent
        self.running = 0  # imports not finished yet
        self._segmenter_requested = False

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

    def choose(self) -> None:
        """Ask for files and import them in the background."""
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self.dialog_parent, QCoreApplication.translate("MainWindow", "Import transcripts"), str(Path.home()),
            QCoreApplication.translate("MainWindow", "Transcripts (*.txt *.md *.markdown *.srt *.vtt *.docx);;All files (*)"))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path], *, open_last: bool = True) -> None:
        """Import files off the GUI thread, with progress; open the last one imported."""
        if self.session.study_path is None:
            self.feedback.error(QCoreApplication.translate("MainWindow", "This study is in memory; import needs a study file."))
            return

        def work(db, progress):
            from desktop.core.importing import import_file

            results, errors = [], []
            for number, path in enumerate(paths):
                def step(done, total, number=number):
                    progress(number * 1000 + (1000 * done // max(total, 1)),
                             len(paths) * 1000)
                try:
                    results.append(import_file(db, path, progress=step))
                except (YanduError, StudyError) as exc:
                    errors.append(named_error(path, exc))
            return results, errors

        self.running += 1
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.feedback.status(fill(QCoreApplication.translate("MainWindow", "Importing %1…"), ", ".join(p.name for p in paths)))
        self.session.run_in_background(work, lambda r: self._done(r, open_last), self._failed,
                                       self._advanced)

    def _advanced(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finished(self) -> None:
        self.running -= 1
        if not self.running:
            self.progress.setVisible(False)

    def _done(self, outcome, open_last: bool) -> None:
        self._finished()
        results, errors = outcome
        self.session.library_changed()
        if results:
            last = results[-1]
            template = (QCoreApplication.translate("MainWindow", "“%1” is already in the study.") if last.duplicate
                        else QCoreApplication.translate("MainWindow", "Imported “%1”."))
            self.feedback.status(fill(template, last.title), 8000)
            if open_last:
                self.navigator.open_document(last.document_id)
        if errors:
            self.feedback.error("\n".join(errors))

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        self.feedback.error(str(exc) or exc.__class__.__name__)
