"""File > Print and File > Export to PDF: the notes as the HTML export renders them,
through Qt's printing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from db import StudyError
from desktop.core.errors import YanduError
from desktop.core.export import ExportOptions, default_filename, render_html
from desktop.ui.export_dialog import export_language, one_line
from desktop.ui.i18n import fill


def notes_html(window) -> str:
    """The notes of the open document (or of the whole study) as HTML, for printing."""
    ids = (window.session.document_id,) if window.session.document_id is not None else None
    return render_html(window.session.db, ExportOptions(document_ids=ids,
                                                        language=export_language(window)))


def notes_document(html: str) -> QTextDocument:
    """A QTextDocument of the notes; it loads no remote resource."""
    document = QTextDocument()
    document.setHtml(html)
    return document


def write_pdf(html: str, path: Path) -> Path:
    """Print `html` to a PDF file at `path`."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    notes_document(html).print_(printer)
    if not Path(path).is_file():
        raise YanduError(f"Cannot write {path}.")
    return Path(path)




def print_notes(window) -> None:
    """File > Print…: print the notes through the system's print dialog."""
    try:
        html = notes_html(window)
    except (YanduError, StudyError) as exc:
        window.feedback.error(one_line(exc))
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        notes_document(html).print_(printer)


def export_pdf(window) -> None:
    """File > Export to PDF…: print the notes to a chosen PDF file."""
    try:
        html = notes_html(window)
        ids = (window.session.document_id,) if window.session.document_id is not None else None
        stem = Path(default_filename(window.session.db, ExportOptions(document_ids=ids),
                                     "html")).stem
    except (YanduError, StudyError) as exc:
        window.feedback.error(one_line(exc))
        return
    folder = str(window.settings.value("export/folder", "") or "") or str(Path.home())
    path, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("ExportDialog", "Export to PDF"),
        str(Path(folder) / f"{stem}.pdf"), "PDF (*.pdf)")
    if not path:
        return
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    try:
        write_pdf(html, Path(path))
    except (YanduError, OSError) as exc:
        window.feedback.error(one_line(exc))
        return
    window.settings.setValue("export/folder", str(Path(path).parent))
    window.feedback.status(fill(QCoreApplication.translate("ExportDialog", "Exported to %1."), path), 8000)
