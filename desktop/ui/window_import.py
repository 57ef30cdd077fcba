"""The window's background work: importing files (menu, drag and drop) and the segmenter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from db import StudyError
from desktop.core.errors import YanduError
from desktop.ui.tasks import run_task


def named_error(path: Path, exc: BaseException) -> str:
    """The failure to import `path`, naming the file once: most messages already do."""
    message = str(exc) or exc.__class__.__name__
    return message if path.name in message else f"{path.name}: {message}"


class ImportMixin:
    """Import and background loading for MainWindow."""

    def load_segmenter_later(self) -> None:
        """Load jieba's dictionary in the background (search and notes need it)."""
        if getattr(self, "_segmenter_requested", False):
            return
        self._segmenter_requested = True

        def work(_progress) -> None:
            from desktop.core import segment  # even the import stays off the GUI thread

            segment.initialize()

        run_task(work, lambda _result: None, lambda _exc: None)

    def choose_import(self) -> None:
        """Ask for files and import them in the background."""
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, QCoreApplication.translate("MainWindow", "Import transcripts"), str(Path.home()),
            QCoreApplication.translate("MainWindow", "Transcripts (*.txt *.md *.markdown *.srt *.vtt *.docx);;All files (*)"))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path], *, open_last: bool = True) -> None:
        """Import files off the GUI thread, with progress; open the last one imported."""
        if self.study_path is None:
            self.show_error(QCoreApplication.translate("MainWindow", "This study is in memory; import needs a study file."))
            return
        study_path = self.study_path

        def work(progress):
            from db import open_study
            from desktop.core.importing import import_file

            db = open_study(study_path)
            results, errors = [], []
            try:
                for number, path in enumerate(paths):
                    def step(done, total, number=number):
                        progress(number * 1000 + (1000 * done // max(total, 1)),
                                 len(paths) * 1000)
                    try:
                        results.append(import_file(db, path, progress=step))
                    except (YanduError, StudyError) as exc:
                        errors.append(named_error(path, exc))
            finally:
                db.close()
            return results, errors

        self._importing += 1
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Importing %1…").replace(
            "%1", ", ".join(p.name for p in paths)))
        run_task(work, lambda r: self._import_done(r, open_last), self._import_failed,
                 self._import_progress)

    def _import_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _import_finished(self) -> None:
        self._importing -= 1
        if not self._importing:
            self.progress.setVisible(False)

    def _import_done(self, outcome, open_last: bool) -> None:
        self._import_finished()
        results, errors = outcome
        self.refresh_documents()
        self._data_version = self._read_data_version()
        if results:
            last = results[-1]
            if last.duplicate:
                message = QCoreApplication.translate("MainWindow", "“%1” is already in the study.").replace("%1", last.title)
            else:
                message = QCoreApplication.translate("MainWindow", "Imported “%1”.").replace("%1", last.title)
            self.statusBar().showMessage(message, 8000)
            if open_last:
                self.jumps.record(self.here())
                self.open_document(last.document_id)
        if errors:
            self.show_error("\n".join(errors))

    def _import_failed(self, exc: BaseException) -> None:
        self._import_finished()
        self.show_error(str(exc) or exc.__class__.__name__)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        """Accept files dragged onto the window (once its study is open)."""
        if self.db is None:
            return
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        """Import the dropped files."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
