"""Document edits from the window: rename, properties, move up and down, delete (after a
question saying how many annotations go with it), and re-import a changed file.

Each runs an undoable command from desktop.core.documents through the session, on the
document selected in the documents panel when the panel has the keyboard, else on the
open document.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from desktop.core import document_filter, documents
from desktop.core.commands import Changes
from desktop.core.errors import YanduError
from desktop.core.library import DocumentInfo
from desktop.ui import actions as registry
from desktop.ui.actions import ActionId
from desktop.ui.controllers.navigation import Navigator
from desktop.ui.docks.common import elide
from desktop.ui.docks.documents import DocumentsDock
from desktop.ui.feedback import Feedback
from desktop.ui.i18n import fill
from desktop.ui.session import Session
from desktop.ui.tasks import run_task

QT_TRANSLATE_NOOP = registry.QT_TRANSLATE_NOOP
# The names of the document steps in the Edit menu ("Undo Delete document").
COMMAND_NAMES = (
    QT_TRANSLATE_NOOP("Commands", "Rename document"),
    QT_TRANSLATE_NOOP("Commands", "Set document properties"),
    QT_TRANSLATE_NOOP("Commands", "Move document"),
    QT_TRANSLATE_NOOP("Commands", "Delete document"),
    QT_TRANSLATE_NOOP("Commands", "Re-import document"),
)
ACTIONS = (ActionId.RENAME_DOCUMENT, ActionId.DOCUMENT_PROPERTIES, ActionId.REIMPORT_DOCUMENT,
           ActionId.MOVE_DOCUMENT_UP, ActionId.MOVE_DOCUMENT_DOWN, ActionId.DELETE_DOCUMENT)
SHOWN_LEFT = 12  # annotations named in the re-import's message; the rest are counted
ORDER_KEY = "documents/order"  # the panel's sort, kept between sessions


class DocumentsController(QObject):
    """The document panel's list and the edits of the documents in it."""

    def __init__(self, session: Session, navigator: Navigator, dock: DocumentsDock,
                 actions: dict[ActionId, QAction], feedback: Feedback,
                 dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.session, self.navigator, self.dock = session, navigator, dock
        self.feedback, self.parent_widget = feedback, dialog_parent
        self.dialog = None  # the properties dialog, while it is open
        self.reimporting = False
        self._order: list[int] = []  # the documents as last listed
        self._previous: list[int] = []  # and as listed before that
        for action_id, handler in (
                (ActionId.RENAME_DOCUMENT, self.rename),
                (ActionId.DOCUMENT_PROPERTIES, self.edit_properties),
                (ActionId.REIMPORT_DOCUMENT, self.choose_reimport),
                (ActionId.MOVE_DOCUMENT_UP, lambda: self.move(-1)),
                (ActionId.MOVE_DOCUMENT_DOWN, lambda: self.move(1)),
                (ActionId.DELETE_DOCUMENT, self.delete)):
            actions[action_id].triggered.connect(
                lambda _=False, handler=handler: handler() if session.is_attached else None)
        dock.add_actions([actions[a] for a in ACTIONS])
        dock.set_order(str(session.settings.value(ORDER_KEY, document_filter.LIBRARY)))
        dock.order_changed.connect(lambda order: session.settings.setValue(ORDER_KEY, order))
        session.changes_applied.connect(self._after_change)

    # ---- the list ---------------------------------------------------------------------

    def refresh(self) -> None:
        """List the documents in the library's order, with their dates and collections;
        the open document's title follows a rename."""
        session = self.session
        entries = documents.catalogue(session.db) if session.db is not None else []
        order = [e.id for e in entries]
        if order != self._order:
            self._previous, self._order = self._order, order
        self.dock.set_documents([e.info for e in entries], session.document_id,
                                {e.id: e.attributes for e in entries})
        for entry in entries:
            if entry.id == session.document_id:
                session.document_title = entry.info.title

    def target(self) -> DocumentInfo | None:
        """The document an action means: the panel's selection when the panel has the
        keyboard, else the open document; None (and said) when there is neither."""
        wanted = self.session.document_id
        if QApplication.focusWidget() is self.dock.list and self.dock.current_id() is not None:
            wanted = self.dock.current_id()
        found = next((d for d in self.session.documents() if d.id == wanted), None)
        if found is None:
            self.feedback.status(QCoreApplication.translate(
                "Documents", "Choose a document in the documents panel (Ctrl+1)."), 6000)
        return found

    def _after_change(self, changes: Changes) -> None:
        """Open another document when the open one was deleted."""
        session = self.session
        if not changes.documents or session.document_id is None:
            return
        ids = [d.id for d in session.documents()]
        if session.document_id in ids:
            return
        gone = session.document_id
        order = next((o for o in (self._order, self._previous) if gone in o), [gone])
        at = order.index(gone)
        # The next one in the list as it was, else the one before.
        after = [i for i in order[at + 1:] + order[:at][::-1] if i in ids]
        if after:
            session.open_document(after[0])
            return
        session.reload_document()  # nothing left: an empty page
        session.document_id = None
        session.document_title = ""
        session.library_changed()

    # ---- rename, properties, order -----------------------------------------------------

    def rename(self) -> None:
        """Ask for a document's new title."""
        doc = self.target()
        if doc is None:
            return
        title, ok = QInputDialog.getText(
            self.parent_widget, QCoreApplication.translate("Documents", "Rename document"),
            fill(QCoreApplication.translate("Documents", "New title for “%1”:"), doc.title),
            QLineEdit.EchoMode.Normal, doc.title)
        title = " ".join(title.split())
        if ok and title and title != doc.title:
            self.session.run(documents.RenameDocument(doc.id, title))

    def edit_properties(self) -> None:
        """Open the properties dialog of a document (date, event, source, language,
        collection)."""
        from desktop.ui.docks.document_properties import DocumentPropertiesDialog

        doc = self.target()
        if doc is None:
            return
        db = self.session.db
        dialog = DocumentPropertiesDialog(doc.title, documents.attributes_of(db, doc.id),
                                          documents.collections(db), self.parent_widget)
        dialog.accepted.connect(lambda: self._save_properties(doc.id, dialog.values()))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _save_properties(self, document_id: int, values: dict[str, str]) -> None:
        try:
            command = documents.SetAttributes(document_id, values)
            current = documents.attributes_of(self.session.db, document_id)
        except YanduError as exc:  # a date the dialog let through, a document gone
            self.feedback.error(str(exc))
            return
        if dataclasses.replace(current, **command.values) != current:
            self.session.run(command)

    def move(self, step: int) -> None:
        """Move a document one place up or down the list (within its collection; the
        first or last of a collection moves the collection)."""
        doc = self.target()
        if doc is None:
            return
        # A move changes the library's order: show that order, or the move is not seen.
        self.dock.set_order(document_filter.LIBRARY)
        if documents.moved(documents.catalogue(self.session.db), doc.id, step) is None:
            self.feedback.status(QCoreApplication.translate(
                "Documents", "The document is already at the top of the list.") if step < 0
                else QCoreApplication.translate(
                    "Documents", "The document is already at the bottom of the list."), 4000)
            return
        if self.session.run(documents.MoveDocument(doc.id, step)):
            self.dock.select(doc.id)

    # ---- delete ------------------------------------------------------------------------

    def delete(self) -> None:
        """Delete a document after asking, saying how many annotations go with it."""
        doc = self.target()
        if doc is None:
            return
        count = documents.annotation_count(self.session.db, doc.id)
        if count == 1:
            question = fill(QCoreApplication.translate(
                "Documents", "Delete “%1” and its annotation?"), doc.title)
        elif count:
            question = fill(QCoreApplication.translate(
                "Documents", "Delete “%1” and its %2 annotations?"), doc.title, str(count))
        else:
            question = fill(QCoreApplication.translate("Documents", "Delete “%1”?"), doc.title)
        more = QCoreApplication.translate(
            "Documents", "A copy of the study as it is now is saved beside it first. Undo "
            "(Ctrl+Z) brings the document back while this window is open.") if count else (
            QCoreApplication.translate(
                "Documents", "It has no annotations. Undo (Ctrl+Z) brings it back while this "
                "window is open."))
        answer = QMessageBox.question(
            self.parent_widget, QCoreApplication.translate("Documents", "Delete document"),
            f"{question}\n\n{more}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        command = documents.DeleteDocument(doc.id)
        if not self.session.run(command):
            return
        if command.backup_path is not None:
            said = fill(QCoreApplication.translate(
                "Documents", "Deleted “%1”. The study as it was is kept in %2; Undo brings "
                "the document back."), doc.title, str(command.backup_path))
        else:
            said = fill(QCoreApplication.translate(
                "Documents", "Deleted “%1”; Undo brings it back."), doc.title)
        self.feedback.status_after(said, 20000)

    # ---- re-import ---------------------------------------------------------------------

    def choose_reimport(self) -> None:
        """Ask for the changed file of a document and import it as its new version."""
        doc = self.target()
        if doc is None:
            return
        from desktop.core.importing.batch import importable_suffixes

        patterns = " ".join(f"*{s}" for s in importable_suffixes())
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
            fill(QCoreApplication.translate("Documents", "Re-import “%1” from"), doc.title),
            str(Path.home()),
            fill(QCoreApplication.translate("Import", "Transcripts (%1);;All files (*)"), patterns))
        if path:
            self.reimport(doc.id, Path(path))

    def reimport(self, document_id: int, path: Path) -> None:
        """Read and parse `path` in the background, then store it as the new version of
        the document (one undoable step) and open it."""
        def work(_progress):
            from desktop.core.importing import parse_bytes, read_source

            data = read_source(path)
            return data, parse_bytes(data, path.name)

        self.reimporting = True
        self.feedback.status(fill(QCoreApplication.translate("Documents", "Reading %1…"),
                                  path.name))
        run_task(work, lambda result: self._store(document_id, path, *result),
                 self._failed, writes=False)

    def _failed(self, exc: BaseException) -> None:
        self.reimporting = False
        self.feedback.error(str(exc) or exc.__class__.__name__)

    def _store(self, document_id: int, path: Path, data: bytes, parsed) -> None:
        self.reimporting = False
        if not self.session.is_attached:
            return
        command = documents.ReimportDocument(
            document_id, data, path.name, parsed=parsed,
            old_mark=QCoreApplication.translate("Documents", "(old) "))
        if not self.session.run(command):
            return
        self.navigator.open_document(command.new_document_id)
        carried, left = len(command.carried), command.left
        summary = fill(QCoreApplication.translate(
            "Documents", "The new version of “%1” is open; the old one is now “%2”."),
            self.session.document_title, command.old_title)
        self.feedback.status_after(f"{summary} " + fill(QCoreApplication.translate(
            "Documents", "Annotations carried over: %1."), str(carried)), 15000)
        if not left:
            return
        lines = [fill(QCoreApplication.translate("Documents", "• “%1”%2"), elide(a.quote, 40),
                      f" — {elide(a.note, 60)}" if a.note.strip() else "")
                 for a in left[:SHOWN_LEFT]]
        if len(left) > SHOWN_LEFT:
            lines.append(fill(QCoreApplication.translate("Documents", "… and %1 more."),
                              str(len(left) - SHOWN_LEFT)))
        said = fill(QCoreApplication.translate(
            "Documents", "%1 of %2 annotations were carried over. These were not, their text "
            "is not in the new version (they stay on the old one):"),
            str(carried), str(carried + len(left)))
        QMessageBox.information(
            self.parent_widget, QCoreApplication.translate("Documents", "Re-import document"),
            "\n".join([summary, "", said, *lines]))
