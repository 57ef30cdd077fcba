"""Study mode in the window: the review dialog, the due count, progress, continuing.

Made with the main window once its panels and controllers exist; it adds a permanent
label to the status bar and a progress line under each document, and answers the
Study menu's actions. The review core (and fsrs) load on first use.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.ui.actions import ActionId
from desktop.ui.i18n import fill
from desktop.ui.review.reading_tracker import ReadingTracker

SYNC_DELAY_MS = 1500  # after an edit, before the deck follows it


class ReviewController(QObject):
    """Wires study mode into `window` (a MainWindow)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = session = window.session
        self.dialog = None
        self.read_label = QLabel(window)
        self.read_label.setObjectName("read_progress")
        self.due_label = QLabel(window)
        self.due_label.setObjectName("due_count")
        window.statusBar().addPermanentWidget(self.read_label)
        window.statusBar().addPermanentWidget(self.due_label)
        self.tracker = ReadingTracker(session, window.reading)
        self.tracker.marked.connect(lambda _id: self._progressed())
        window.documents_dock.progress_line = self.progress_line
        window.actions[ActionId.REVIEW].triggered.connect(self._when_open(self.open_review))
        window.actions[ActionId.CONTINUE_READING].triggered.connect(
            self._when_open(self.continue_reading))
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(SYNC_DELAY_MS)
        self._sync_timer.timeout.connect(self.sync)
        # Not at once when the study opens: making the cards competes with the first paint.
        session.attached.connect(self._sync_timer.start)
        window.glossary.ready.connect(self.sync)  # a new study's terms are seeded by now
        session.changes_applied.connect(lambda _changes: self._sync_timer.start())
        session.outside_change.connect(self._sync_timer.start)
        session.document_opened.connect(lambda _id: self._sync_timer.start())  # an import
        session.documents_changed.connect(self.show_due_count)
        session.document_opened.connect(lambda _id: self.show_read())

    def _when_open(self, handler):
        return lambda _checked=False: handler() if self.session.is_attached else None

    # ---- the deck ---------------------------------------------------------------------

    def sync(self) -> None:
        """Make the deck follow the study: the cards are made on a worker thread (reading
        only), the few rows that change are written here, on the window's connection (a
        write in flight elsewhere would hide another program's writes meanwhile)."""
        from desktop.core.review import content

        self.session.run_in_background(lambda db, _progress: content.study_cards(db),
                                       self._synced,
                                       lambda exc: self.session.failed.emit(str(exc)),
                                       writes=False)

    def _synced(self, made: list) -> None:
        from desktop.core.review import deck

        try:
            deck.sync(self.session.db, made=made)
            self.show_due_count()
            self.show_read()
            self.window.refresh_documents()
        except sqlite3.ProgrammingError:
            pass  # the window closed (and its study) while the deck was being made
        except sqlite3.Error as exc:  # locked or read-only: said, and tried again later
            self.session.failed.emit(str(exc))

    def due_count(self) -> int:
        from desktop.core.review import deck

        if not self.session.is_attached:
            return 0
        try:
            return deck.due_count(self.session.db)
        except sqlite3.ProgrammingError:
            return 0  # the study was closed with the window

    def show_due_count(self) -> None:
        """The status bar's "N due"."""
        count = self.due_count()
        self.due_label.setText(
            fill(QCoreApplication.translate("Review", "%1 cards due"), str(count)) if count
            else QCoreApplication.translate("Review", "No cards due"))
        self.due_label.setToolTip(
            QCoreApplication.translate("Review", "Study > Review cards (R) reviews them"))

    def _progressed(self) -> None:
        self.show_read()  # the documents panel's tooltips are made when shown

    def show_read(self) -> None:
        """The status bar's "N% read" of the open document (its whole progress on hover)."""
        document_id = self.session.document_id
        line = self.progress_line(document_id) if document_id is not None else ""
        if not line:
            self.read_label.setText("")
            return
        from desktop.core.review import progress

        found = progress.document_progress(self.session.db, document_id)
        self.read_label.setText(fill(QCoreApplication.translate("Review", "%1% read"),
                                     str(found.read_percent)))
        self.read_label.setToolTip(line)

    def progress_line(self, document_id: int) -> str:
        """A document's study so far (read, annotated, reviewed, due), as the documents
        panel and the status bar show it on hover."""
        if not self.session.is_attached:
            return ""
        from desktop.core.review import progress

        try:
            found = progress.document_progress(self.session.db, document_id)
        except sqlite3.ProgrammingError:
            return ""  # the study was closed with the window
        line = fill(QCoreApplication.translate(
            "Review", "%1% read · %2 annotated · %3/%4 reviewed"), str(found.read_percent),
                    str(found.annotated), str(found.reviewed), str(found.cards))
        due = fill(QCoreApplication.translate("Review", " · %1 due"), str(found.due))
        return line + (due if found.due else "")

    # ---- reviewing --------------------------------------------------------------------

    def open_review(self) -> None:
        """Review the due cards (of every document) in the review dialog."""
        from desktop.core.review import content, deck
        from desktop.ui.review.dialog import ReviewDialog

        db = self.session.db
        deck.sync(db)  # what was edited a moment ago is asked as it is now
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = ReviewDialog(self.decks(), lambda chosen: deck.due_cards(db, chosen),
                                   self._grade, lambda card: content.source_of(card.content),
                                   self.window)
        self.dialog.source_wanted.connect(self.open_source)
        self.dialog.finished.connect(lambda _result: self.show_due_count())
        self.dialog.show()
        self.dialog.activateWindow()
        self.dialog.setFocus()

    def decks(self) -> list[tuple[str, object]]:
        """The decks to choose from: every card, the open document's, each term category's,
        each tag's (label, Selection or None)."""
        from db import annotations as annotation_rows
        from desktop.core.glossary import categories
        from desktop.core.review.deck import Selection

        db = self.session.db
        found: list[tuple[str, object]] = [
            (QCoreApplication.translate("Review", "Every card"), None)]
        if self.session.document_id is not None:
            found.append((fill(QCoreApplication.translate("Review", "This document: %1"),
                               self.session.document_title),
                          Selection(document_ids=frozenset({self.session.document_id}))))
        found += [(fill(QCoreApplication.translate("Review", "Terms: %1"), name),
                   Selection(categories=frozenset({name})))
                  for name in categories(db)]
        found += [(fill(QCoreApplication.translate("Review", "Tag: %1"), name),
                   Selection(tags=frozenset({name})))
                  for name, count in annotation_rows.all_tags(db) if count]
        return found

    def _grade(self, card_id: str, rating: int) -> None:
        from desktop.core.review import schedule

        try:
            schedule.grade(self.session.db, card_id, rating)
        except Exception as exc:  # noqa: BLE001 - a locked or read-only study: said
            self.session.failed.emit(str(exc))
        self.show_due_count()

    def open_source(self, document_id: int, start: int, end: int) -> None:
        """Show a card's passage in the transcript, selected; and play it when the
        document's recording is open (a card is best checked by ear)."""
        self.window.navigator.go_to(document_id, start, end if end > start else None)
        player = getattr(self.window, "player", None)
        if player is not None and player.loaded is not None:
            player.play_from(start)

    # ---- reading ----------------------------------------------------------------------

    def continue_reading(self) -> None:
        """Open the open document at its first turn not read yet."""
        from desktop.core.review import progress

        document_id = self.session.document_id
        if document_id is None:
            return
        turn = progress.first_unread(self.session.db, document_id)
        if turn is None:
            self.window.feedback.status(QCoreApplication.translate(
                "Review", "Every turn of this document has been read."),
                                        5000)
            return
        self.window.navigator.go_to_turn(turn.position)  # its speaker's name at the top
        self.window.feedback.status(fill(QCoreApplication.translate(
            "Review", "Continuing at turn %1."), str(turn.number)), 5000)
