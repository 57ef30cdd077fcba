"""Glossary marks kept in step with the study: the glossary prepared (seeded, loaded into
the segmenter, its search index caught up) on a worker after the first paint, the open
document matched (longest match wins), the marks rebuilt after glossary edits, hidden
and shown with one key (G)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction

from desktop.core import glossary, library
from desktop.ui.feedback import Feedback
from desktop.ui.glossary_layer import GlossaryLayer
from desktop.ui.session import Session
from desktop.ui.transcript_view import TranscriptView


class GlossaryMarks(QObject):
    """Owns the glossary layer of the reading view and the matcher it marks with."""

    ready = Signal()  # the glossary is prepared and the open document matched
    terms_changed = Signal()
    term_clicked = Signal(str)  # a marked term clicked in the text (its id)

    def __init__(self, session: Session, view: TranscriptView, toggle: QAction,
                 feedback: Feedback) -> None:
        super().__init__(view)
        self.session, self.view, self.feedback = session, view, feedback
        self.layer = GlossaryLayer()
        self.matcher: glossary.Matcher | None = None
        self.prepared = False
        self._requested = False
        view.add_layer(self.layer)
        # After the first paint, once the study is open (either may come first).
        view.first_painted.connect(self.prepare_later)
        session.attached.connect(self.prepare_later)
        session.document_opened.connect(lambda _id: self.rematch())
        session.document_reloaded.connect(self.rematch)
        session.changes_applied.connect(self._on_changes)
        toggle.setChecked(True)
        toggle.toggled.connect(self.set_marking)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        """A click on a marked term (not the end of a selection) says which term it is."""
        if (event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton
                and self.layer.enabled and not self.view.textCursor().hasSelection()):
            position = self.view.cursorForPosition(event.position().toPoint()).position()
            offset = self.view.offsets.qt_to_doc(position)
            match = None if offset is None else self.layer.match_at(offset)
            if match is not None:
                self.term_clicked.emit(match.term_id)
        return False

    def term_at_cursor(self) -> str | None:
        """The id of the marked term under the text cursor, if any."""
        offset = self.view.cursor_offset()
        match = None if offset is None else self.layer.match_at(offset)
        return match.term_id if match is not None else None

    def prepare_later(self) -> None:
        """Prepare the glossary on a worker thread (once), then mark the open document."""
        if self._requested or not self.session.is_attached or not self.view.painted:
            return
        self._requested = True

        def work(db, _progress) -> glossary.Matcher:
            glossary.prepare(db)
            return glossary.matcher_for(db)

        self.session.run_in_background(work, self._prepared, self._failed)

    def _prepared(self, matcher: glossary.Matcher) -> None:
        self.matcher = matcher
        self.prepared = True
        try:
            self.rematch()
        except sqlite3.ProgrammingError:
            return  # the window closed (and its study) while the glossary was loading
        self.terms_changed.emit()
        self.ready.emit()

    def _failed(self, exc: BaseException) -> None:
        self.feedback.error(str(exc).splitlines()[0] if str(exc) else QCoreApplication.translate(
            "MainWindow", "The glossary could not be loaded."))

    def rebuild(self) -> None:
        """Build the matcher again from the study's terms (after a glossary edit)."""
        self.matcher = glossary.matcher_for(self.session.db)
        self.rematch()
        self.terms_changed.emit()

    def rematch(self) -> None:
        """Find the terms in the open document and redraw the marks."""
        session = self.session
        if self.matcher is None or session.document_id is None:
            self.layer.set_document(None, "", [])
        else:
            self.layer.terms = {t.id: t for t in glossary.list_terms(session.db)}
            self.layer.set_document(self.matcher,
                                    library.document_text(session.db, session.document_id),
                                    [(t.start, t.end) for t in session.turns])
        self.view.refresh_decorations()

    def set_marking(self, on: bool) -> None:
        """Show or hide the glossary marks."""
        self.layer.enabled = bool(on)
        self.view.refresh_decorations()

    def _on_changes(self, changes) -> None:
        if changes.glossary and self.prepared:
            self.rebuild()
