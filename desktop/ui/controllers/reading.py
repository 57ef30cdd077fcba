"""The transcript in the middle of the window: the reading view and the compare view, the
open document shown at the reader's place, and that place (with the filter) kept per
document in the settings."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget

from desktop.core import library
from desktop.core.citations import SourceMarks
from desktop.core.errors import YanduError
from desktop.ui.controllers.speaker_filter import SpeakerFilter
from desktop.ui.session import Session
from desktop.ui.settings import read_bool, read_int, read_ints
from desktop.ui.transcript_margin import margin_labels
from desktop.ui.transcript_view import TranscriptView

if TYPE_CHECKING:
    from desktop.ui.compare_empty import CompareEmpty
    from desktop.ui.compare_view import CompareView

READING, COMPARE = 0, 1  # kept in the settings: the view a window reopens with
# The stack's pages: the reading view first; the compare view, the page shown instead of
# it when there are no questions, and the Analysis view are added when first shown.
FIRST_SCREEN_TURNS = 150  # read each side of the reader's place for the first paint


def _key(document_id: int) -> str:
    return f"documents/{document_id}"


class ReadingController(QObject):
    """Shows the session's open document in the reading view (and, on demand, the
    compare view), where the reader left it."""

    turn_activated = Signal(int)  # a turn chosen in the compare view (its index)
    moderator_wanted = Signal()  # the empty compare view asks for a moderator to be chosen

    def __init__(self, session: Session, stack: QStackedWidget, view: TranscriptView,
                 speaker_filter: SpeakerFilter, settings: QSettings) -> None:
        super().__init__(stack)
        self.session, self.stack, self.view = session, stack, view
        self.filter, self.settings = speaker_filter, settings
        self._compare: CompareView | None = None  # made when first shown
        self._empty: CompareEmpty | None = None  # shown instead when there are no questions
        self._compare_stale = True
        self._analysis: QWidget | None = None  # the Analysis view, once made
        self._analysis_page: QScrollArea | None = None  # the page of the stack it is on
        session.document_closing.connect(self.save_place)
        session.document_opened.connect(self._show_opened)
        session.document_reloaded.connect(self._show_reloaded)
        speaker_filter.changed.connect(self._hide_compare_columns)

    # ---- the open document -------------------------------------------------------------

    def show_first_screen(self, conn: sqlite3.Connection) -> str | None:
        """Show the last document at the reader's place from a read-only look at the
        study (`db.peek`) before it is opened; its title, or None if there is nothing to
        show (the opening that follows says what is wrong, if anything is)."""
        document_id = read_int(self.settings, "document")
        if document_id is None:
            return None
        top = read_int(self.settings, f"{_key(document_id)}/top") or 0
        try:
            info = library.find_document(conn, document_id)
            turns = library.turns_around(conn, document_id, top, FIRST_SCREEN_TURNS,
                                         FIRST_SCREEN_TURNS)
            speakers = library.speakers(conn, document_id)
            sections = library.sections(conn, document_id)
        except (sqlite3.Error, YanduError):
            return None
        try:  # a study not yet upgraded has no marks: the margin waits for the opening
            marks = SourceMarks.load(conn, document_id, with_times=False)
        except sqlite3.Error:
            marks = SourceMarks([])
        self._restore_filter(document_id)
        self.view.load(turns, speakers, sections, near_offset=top)
        self.view.set_references(margin_labels(marks, turns))
        self.view.scroll_to_offset(top, top=True)
        return info.title

    def _restore_filter(self, document_id: int) -> None:
        key = _key(document_id)
        self.view.hidden_speakers = set(read_ints(self.settings, f"{key}/hidden_speakers"))
        self.view.show_narration = read_bool(self.settings, f"{key}/narration", True)

    def _show_opened(self, document_id: int) -> None:
        self._restore_filter(document_id)
        top = read_int(self.settings, f"{_key(document_id)}/top")
        self._load(near_offset=top)
        if top is not None:
            self.view.scroll_to_offset(top, top=True)

    def _show_reloaded(self) -> None:
        top = self.view.top_offset() if self.view.turns else None
        self._load(near_offset=top)
        if top is not None:
            self.view.scroll_to_offset(top, top=True)

    def _load(self, near_offset: int | None) -> None:
        """Write the open document into the view, around `near_offset` first."""
        s = self.session
        self.view.load(s.turns, s.speakers, s.sections, near_offset=near_offset)
        self.view.set_references(margin_labels(s.marks, s.turns))
        self._compare_stale = True
        if self.showing_compare:  # questions may have come (a moderator chosen) or gone
            self._show_compare_page()
        self.filter.fill_panel()

    def save_place(self, document_id: int | None = None) -> None:
        """Remember a document's filter and scroll position (the open one by default)."""
        document_id = self.session.document_id if document_id is None else document_id
        if document_id is None:
            return
        key = _key(document_id)
        self.settings.setValue(f"{key}/hidden_speakers",
                               ",".join(str(i) for i in sorted(self.view.hidden_speakers)))
        self.settings.setValue(f"{key}/narration", self.view.show_narration)
        top = self.view.top_offset()
        if top is not None:
            self.settings.setValue(f"{key}/top", top)

    def refresh_language(self) -> None:
        """Write the document again in the new interface language (its headers)."""
        if self.session.turns:
            self._show_reloaded()

    # ---- the two views ---------------------------------------------------------------

    @property
    def compare(self) -> CompareView:
        """The compare view (every answer to a question side by side), made when first
        needed: most sessions start and stay in the reading view."""
        if self._compare is None:
            from desktop.ui.compare_view import CompareView

            self._compare = CompareView(self.stack)
            self._compare.setFont(self.view.font())
            self.stack.addWidget(self._compare)
            self._compare.turn_activated.connect(self.turn_activated)
        return self._compare

    @property
    def showing_compare(self) -> bool:
        """Whether the compare view (or the page shown instead of it) is the one shown."""
        current = self.stack.currentWidget()
        return current is not self.view and (
            current is self._compare or current is self._empty)

    @property
    def analysis(self) -> QWidget | None:
        """The Analysis view, once it was shown."""
        return self._analysis

    @property
    def showing_analysis(self) -> bool:
        """Whether the Analysis view is the one shown."""
        return (self._analysis_page is not None
                and self.stack.currentWidget() is self._analysis_page)

    def switch_view(self) -> None:
        """Toggle between the reading view and the compare view (or, for a transcript
        without questions, what the compare view would need)."""
        if not self.showing_compare:
            turn = self.view.current_turn()
            self._show_compare_page()
            if self.stack.currentWidget() is self._compare and turn >= 0:
                self.compare.select_turn(turn)
            self.stack.currentWidget().setFocus()
        else:
            self.show_reading()
            self.view.setFocus()

    def _show_compare_page(self) -> None:
        """The grid, or the page that says why there is none."""
        self._refresh_compare()
        if self.session.sections:
            self.stack.setCurrentWidget(self.compare)
        else:
            self.stack.setCurrentWidget(self._empty_page())

    def _empty_page(self) -> CompareEmpty:
        if self._empty is None:
            from desktop.ui.compare_empty import CompareEmpty

            self._empty = CompareEmpty(self.stack)
            self.stack.addWidget(self._empty)
            self._empty.back_requested.connect(self.switch_view)
            self._empty.moderator_requested.connect(self.moderator_wanted)
        return self._empty

    def show_reading(self) -> None:
        """Make sure the reading view is the one shown."""
        if self.stack.currentWidget() is not self.view:
            self.stack.setCurrentWidget(self.view)

    def switch_analysis(self, make: Callable[[], QWidget]) -> None:
        """Show the Analysis view (made by `make` the first time), or, when it is shown,
        go back to the reading view."""
        if self.showing_analysis:
            self.show_reading()
            self.view.setFocus()
            return
        if self._analysis is None:
            self._analysis = make()
            # On a scrolling page: its tables and charts would otherwise make the window
            # wider than a 1024-pixel screen with the side panels open.
            self._analysis_page = QScrollArea(self.stack)
            self._analysis_page.setWidgetResizable(True)
            self._analysis_page.setFrameShape(QFrame.Shape.NoFrame)
            self._analysis_page.setWidget(self._analysis)
            self.stack.addWidget(self._analysis_page)
        self.stack.setCurrentWidget(self._analysis_page)
        self._analysis.setFocus()

    def focus(self) -> None:
        """Put the keyboard focus on the transcript, whichever view is shown."""
        if self.showing_analysis:
            self._analysis.setFocus()
            return
        self.stack.currentWidget().setFocus()

    def _refresh_compare(self) -> None:
        if self._compare_stale:
            s = self.session
            self.compare.load(s.turns, s.speakers, s.sections)
            self._compare_stale = False
            self._hide_compare_columns()

    def _hide_compare_columns(self) -> None:
        """The compare view follows the speaker filter: hidden speakers lose their column."""
        if self._compare is None or self._compare_stale:
            return
        for column, speaker in enumerate(self._compare.compare_model.columns, start=1):
            self._compare.setColumnHidden(column, speaker.id in self.view.hidden_speakers)
        self._compare.fit_rows()

    def zoom(self, steps: int) -> None:
        """Make the transcript text larger or smaller."""
        font = self.view.font()
        font.setPointSizeF(min(36.0, max(7.0, font.pointSizeF() + steps)))
        self.set_font_size(font.pointSizeF())

    def set_font_size(self, points: float) -> None:
        """The transcript's text size, in both views."""
        font = self.view.font()
        font.setPointSizeF(points)
        self.view.setFont(font)
        if self._compare is not None:
            self._compare.setFont(font)
