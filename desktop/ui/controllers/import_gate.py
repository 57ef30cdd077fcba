"""Files on their way into the study: one file is read first, and when its structure is
doubtful (no speaker, a single one, many labels said once) — or when the reader asks —
the import preview shows it before anything is stored. Folders and several files go
straight to the batch import, whose summary lists what to look at."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialog

from desktop.ui.i18n import fill
from desktop.ui.tasks import run_task

if TYPE_CHECKING:
    from desktop.ui.controllers.importing import ImportController
    from desktop.ui.import_preview import ImportPreviewDialog


class ImportGate(QObject):
    """Decides, file by file, whether the reader sees the preview before the import."""

    def __init__(self, importer: ImportController) -> None:
        super().__init__(importer)
        self.importer = importer
        self.dialog: ImportPreviewDialog | None = None  # the preview on screen, if any

    def bring_in(self, paths: list[Path], *, always_preview: bool = False) -> None:
        """Import `paths`; a single file through the preview when it needs one."""
        paths = [Path(p) for p in paths]
        if len(paths) != 1 or paths[0].is_dir():
            if always_preview:
                self.importer.feedback.status(QCoreApplication.translate(
                    "Import", "The preview shows one file at a time; importing them all."),
                    8000)
            self.importer.import_paths(paths)
            return
        path = paths[0]

        def read(_progress):
            from desktop.core.importing import read_source, title_for
            from desktop.core.importing.preview import preview_bytes

            data = read_source(path)
            return data, preview_bytes(data, path.name, title=title_for(path))

        def decide(value) -> None:
            data, preview = value
            if always_preview or preview.doubt:
                self.show_preview(path, data)
            else:
                self.importer.import_paths([path])

        def failed(exc: BaseException) -> None:
            # A file the importer cannot read: the import says why, in its own words.
            self.importer.import_paths([path])

        self.importer.feedback.status(fill(
            QCoreApplication.translate("Import", "Reading %1…"), path.name))
        run_task(read, decide, failed, writes=False)

    def show_preview(self, path: Path, data: bytes) -> None:
        """The preview of `path`; Import stores it as corrected there."""
        from desktop.core.importing import title_for
        from desktop.ui.import_preview import ImportPreviewDialog

        dialog = ImportPreviewDialog(data, path.name, self.importer.dialog_parent,
                                     title=title_for(path))
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.importer.import_paths([path], title=dialog.title(),
                                           options=dialog.options())
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
