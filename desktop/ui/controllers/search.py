"""Search in the window: running a query, the Search panel's hits, and F3 through the
matches of the text."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, QObject

from desktop.core.citations import SourceMarks
from desktop.core.errors import YanduError
from desktop.ui.controllers.navigation import Navigator
from desktop.ui.decorations import SearchLayer
from desktop.ui.docks.search import SearchDock
from desktop.ui.feedback import Feedback
from desktop.ui.i18n import fill, labels_language
from desktop.ui.session import Session

SEARCH_PAGE = 200  # hits listed in the Search panel at once



class SearchController(QObject):
    """The current search: its hits, the matches underlined, and where F3 is."""

    def __init__(self, session: Session, navigator: Navigator, layer: SearchLayer,
                 dock: SearchDock, feedback: Feedback) -> None:
        super().__init__(dock)
        self.session, self.navigator, self.layer = session, navigator, layer
        self.dock, self.feedback = dock, feedback
        self.view = navigator.view
        self.hits: list = []
        self.hit_row = -1  # the search hit last shown
        self.hit_stop = -1  # which of its matches
        # (query, scope, order, total) while hits beyond those held remain to be fetched
        self._search_more: tuple | None = None
        self._search_scope: int | None = None  # the document searched in; None: all
        self._match_total: int | None = None  # matches F3 visits, when no notes were hit
        self._counting: object | None = None  # the search whose counts are being made
        self._marked_page = 0  # the page of hits whose matches are underlined (± one)
        self._stop_selection: tuple[int, int] | None = None  # the selection F3 made
        self.refilling_index = False  # the indexes are being filled after an upgrade
        self._marks: dict[int, SourceMarks] = {}  # page/line/time marks of the hits' documents
        dock.query_changed.connect(self.run_search)
        dock.hit_activated.connect(self.jump_to_hit)
        # After the panel has run the query (its own slot comes first): to the text.
        dock.field.returnPressed.connect(self._enter_pressed)
        session.attached.connect(self._on_attached)
        session.document_opened.connect(self._follow_document)
        session.changes_applied.connect(self._on_changes)

    def _on_attached(self) -> None:
        self.refill_index_if_stale()
        self.dock.search_again()  # a query typed while the study was opening

    def _enter_pressed(self) -> None:
        """Enter in the search box goes to the first match and hands the keyboard to the
        text, so the next key is a command (F3, A, J...), not more of the query."""
        if not self.hits:
            return
        if self.hit_row < 0:
            self.jump_to_hit(0)
        self.view.setFocus()

    def _on_changes(self, changes) -> None:
        if changes.documents or changes.speakers:
            self.dock.search_again()  # hits are labelled with speakers and titles

    def focus_search(self) -> None:
        """Put the cursor in the search field (selecting what is there)."""
        self.dock.show()
        self.dock.raise_()
        self.dock.field.setFocus()
        self.dock.field.selectAll()

    def refill_index_if_stale(self) -> None:
        """Fill the search indexes in the background when an upgrade left them stale (a
        new way of indexing), instead of at the first search, which would wait for it."""
        from desktop.core import search_index

        path = self.session.study_path
        if path is None or not path.exists() or not search_index.is_stale(self.session.db):
            return
        self.refilling_index = True
        self.feedback.status(QCoreApplication.translate("MainWindow", "Bringing the search index up to date…"))
        self.session.run_in_background(lambda db, _progress: search_index.ensure_current(db),
                                       self._index_refilled, self._index_refilled)

    def _index_refilled(self, outcome) -> None:
        self.refilling_index = False
        from desktop.core import search_index

        if isinstance(outcome, BaseException):
            self.feedback.error(str(outcome) or outcome.__class__.__name__)
        elif not search_index.is_stale(self.session.db):
            self.feedback.status(QCoreApplication.translate("MainWindow", "The search index is up to date."), 5000)
        # else: the study was busy; the first search brings the index up to date instead
        self.dock.search_again()

    def run_search(self, query: str, whole_study: bool) -> None:
        """Search the open document, hits in reading order (F3 walks the text); or the
        whole study, best matches first (the order of documents says nothing there).

        The reader stays where they are: typing pauses run the search, and jumping at
        each pause would pull the text away while the query is still being typed and
        while the list is being read as a concordance. The previous search's selection
        goes, so that what stays selected is never a match of another query. F3 then goes
        to the first match after the cursor (Shift+F3 the last before it), as in an
        editor; Enter in the search box to the first in the list.
        """
        if self.session.db is None:
            return  # typed before the study was open; the search box keeps the query
        self._marks.clear()  # documents may have come or gone since the last search
        if self.refilling_index:
            # The refill's end runs the search again (`_index_refilled`).
            self.dock.set_message(QCoreApplication.translate("MainWindow",
                "The search index is being brought up to date…"))
            return
        self.hits, self.hit_row, self.hit_stop = [], -1, -1
        self._search_more = self._search_scope = self._match_total = self._counting = None
        self._clear_search_selection()
        self.layer.ranges = []
        if not query:
            self.dock.set_hits([], str)
            self.view.refresh_decorations()
            return
        from desktop.core.search import search
        from desktop.core.search_counts import Tally, tally

        scope = None if whole_study else self.session.document_id
        order = "relevance" if whole_study else "text"
        try:
            self.hits = search(self.session.db, query, limit=SEARCH_PAGE, document_id=scope,
                               order=order)
            if len(self.hits) < SEARCH_PAGE:
                # Every hit is here with its matches: count the highlights F3 steps to.
                turns = sum(1 for hit in self.hits if hit.kind == "turn")
                counts = Tally(turns, len(self.hits) - turns,
                               sum(len(hit.matches) for hit in self.hits))
            else:
                # A full page may hide more: the index counts them all on a worker thread
                # (a common word takes seconds in a library of a thousand documents).
                counts = None
        except YanduError as exc:
            self.dock.set_message(str(exc))
            return
        self._search_scope = scope
        if counts is None:
            self._search_more = (query, scope, order, None)  # how many is not known yet
            self.dock.set_hits(self.hits, self._describe_hit, counting=True)
            self.mark_search_matches()
            self._counting = counting = object()
            self.session.run_in_background(
                lambda db, _progress: tally(db, query, document_id=scope),
                lambda found: self._counted(counting, found),
                lambda _exc: self._counting is counting and self.dock.show_tally(None),
                writes=False)
            return
        self._match_total = counts.matches if not counts.notes else None
        if counts.hits > len(self.hits):
            self._search_more = (query, scope, order, counts.hits)
        self.dock.set_hits(self.hits, self._describe_hit, counts.hits, tally=counts)
        self.mark_search_matches()

    def _counted(self, counting: object, counts) -> None:
        """The counts of a search whose first page was full, once worked out (if no other
        search came since)."""
        if counting is not self._counting:
            return
        self._match_total = counts.matches if not counts.notes else None
        if self._search_more is not None:  # (else F3 has fetched every hit already)
            more = counts.hits > len(self.hits)
            self._search_more = (*self._search_more[:3], counts.hits) if more else None
        self.dock.show_tally(counts)

    def _follow_document(self, _document_id: int) -> None:
        """Another document is open: a search of the document is run again on this one (its
        hits, and F3, belong to the text being read); a search of the whole study keeps
        its hits and underlines this document's matches."""
        if self._search_scope is not None:
            self.dock.search_again()
        else:
            self.mark_search_matches()

    def _clear_search_selection(self) -> None:
        cursor = self.view.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.view.setTextCursor(cursor)

    def mark_search_matches(self) -> None:
        """Underline the open document's matches of the current search: those of the
        page of hits F3 is in and of the pages on either side (the whole list of a
        common word would be tens of thousands, each read from its turn's text)."""
        page = max(self.hit_row, 0) // SEARCH_PAGE
        self._marked_page = page
        near = self.hits[max(page - 1, 0) * SEARCH_PAGE:(page + 2) * SEARCH_PAGE]
        self.layer.ranges = [m for hit in near
                                    if hit.kind == "turn" and hit.document_id == self.session.document_id
                                    for m in hit.matches]
        self.view.refresh_decorations()

    def _describe_hit(self, hit) -> str:
        who = hit.speaker or QCoreApplication.translate("MainWindow", "Narration")
        if hit.kind == "annotation":
            who = fill(QCoreApplication.translate("MainWindow", "Note · %1"), who)
        reference = self._reference(hit)
        if reference:
            who = f"{who} · {reference}"
        title = getattr(hit, "document_title", "")
        if title and hit.document_id != self.session.document_id:
            return f"{who} · {title}"
        return who

    def _reference(self, hit) -> str:
        """Where a turn's hit is in its record ("p. 23, l. 4", "[12:34]"); '' without marks."""
        start = getattr(hit, "speech_start", None)
        if start is None or self.session.db is None:
            return ""
        marks = self._marks.get(hit.document_id)
        if marks is None:
            marks = self._marks[hit.document_id] = SourceMarks.load(self.session.db,
                                                                    hit.document_id)
        citation = dataclasses.replace(marks.cite(start, start + 1), turn_number=None)
        return citation.text(labels_language(self.session.settings.value("language") or None))

    def _load_more_hits(self, everything: bool = False) -> bool:
        """Fetch the next page of hits after those held (or all the rest); False when
        there are no more. The search runs again with a larger limit: in reading order
        FTS5 stops after the limit, so a page costs little more than the first."""
        if self._search_more is None or self.session.db is None:
            return False
        from desktop.core.search import search

        query, scope, order, total = self._search_more  # total None: not counted yet
        limit = (total or 10**9) if everything else len(self.hits) + SEARCH_PAGE
        try:
            found = search(self.session.db, query, limit=max(limit, len(self.hits) + 1),
                           document_id=scope, order=order)
        except YanduError as exc:
            self.feedback.status(str(exc), 5000)
            return False
        more = found[len(self.hits):]
        if len(found) < limit or not more or (total is not None and len(found) >= total):
            self._search_more = None  # the index has no more (or changed since)
        if not more:
            return False
        self.hits.extend(more)  # underlined once F3 reaches their page (`jump_to_hit`)
        return True

    def _hit_stops(self, row: int) -> list[tuple[int, int]]:
        """The places F3 stops at in hit `row`: each highlighted match of a turn, in
        reading order (its headline, above the speech, first); a note's passage."""
        hit = self.hits[row]
        if hit.kind == "annotation":
            if hit.document_id != self.session.document_id:
                return [(-1, -1)]  # its document opens first, then its passage is found
            annotation = self.session.annotation(hit.annotation_id)
            return [(annotation.start, annotation.end)] if annotation is not None else []
        return list(hit.matches or ())

    def jump_to_hit(self, row: int, stop: int = 0) -> None:
        """Show a search hit in the reading view, its match number `stop` (-1: the last)
        selected."""
        if not 0 <= row < len(self.hits):
            return
        hit = self.hits[row]
        if row != self.hit_row:
            self.navigator.jumps.record(self.navigator.here())
        self.hit_row = row
        if hit.document_id != self.session.document_id:
            # Opened first: a note's passage is found among that document's annotations.
            if not self.session.open_document(hit.document_id):
                return
        elif row // SEARCH_PAGE != self._marked_page:
            self.mark_search_matches()
        stops = self._hit_stops(row)
        if not stops:
            self.navigator.reading.show_reading()
            return
        self.hit_stop = stop % len(stops)
        start, end = stops[self.hit_stop]
        self.navigator.go_to(hit.document_id, start, end, record=False)
        cursor = self.view.textCursor()
        self._stop_selection = (cursor.selectionStart(), cursor.selectionEnd())
        if row < self.dock.results.count():
            self.dock.results.setCurrentRow(row)
        else:
            self.dock.results.setCurrentRow(-1)  # a hit past the listed page
        if self._match_total:
            number = sum(len(self._hit_stops(r)) for r in range(row)) + self.hit_stop + 1
            self.feedback.status(fill(QCoreApplication.translate("MainWindow", "Match %1 of %2"), str(number),
                                      str(self._match_total)), 4000)

    def step_hit(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) match of the search: every match of each
        hit in turn, in reading order within the hit; in the open document, from the
        cursor when the reader has moved. Past the last match back to the first (and
        before the first on to the last), saying so."""
        if not self.hits:
            self.focus_search()
            return
        row, stop = self.hit_row, self.hit_stop
        if self._from_cursor():
            found = self._step_from_cursor(direction)
            if found is not None:
                if not found and direction > 0:
                    self._step_to(len(self.hits), 0, direction)  # wraps to the first, saying so
                elif not found:
                    self._wrap_to_last()
                return
        if row < 0:
            # Nothing visited yet: F3 starts at the first match, Shift+F3 at the last.
            if direction > 0:
                self._step_to(0, 0, direction)
            else:
                self._wrap_to_last(say=False)
            return
        stops = self._hit_stops(row) if row < len(self.hits) else []
        if 0 <= stop + direction < len(stops):
            self.jump_to_hit(row, stop + direction)
        elif direction > 0:
            self._step_to(row + 1, 0, direction)
        elif row > 0:
            self._step_to(row - 1, -1, direction)
        else:
            self._wrap_to_last()

    def _from_cursor(self) -> bool:
        """Whether F3 goes on from the text cursor, as in an editor: in a search of the
        open document (reading order) when the reader has not yet stepped, or has moved
        or selected since the last step."""
        if self._search_scope != self.session.document_id or self.session.document_id is None:
            return False
        cursor = self.view.textCursor()
        return self.hit_row < 0 or self._stop_selection != (
            cursor.selectionStart(), cursor.selectionEnd())

    def _step_from_cursor(self, direction: int) -> bool | None:
        """Go to the first match after the cursor (or selection), or the last before it;
        False when no match lies that way (the caller wraps), None when the cursor is
        nowhere in the text."""
        cursor = self.view.textCursor()
        start = self.view.offsets.qt_to_doc(cursor.selectionStart())
        end = self.view.offsets.qt_to_doc(cursor.selectionEnd(), forward=False)
        if start is None or end is None:
            return None
        after = end if cursor.hasSelection() else start
        turns = {turn.id: turn for turn in self.session.turns}
        last_turn = turns.get(self.hits[-1].turn_id) if self.hits else None
        if self._search_more is not None and (last_turn is None or last_turn.end <= after):
            self._load_more_hits(everything=True)  # the cursor lies past the hits held
        best: tuple[int, int] | None = None
        for row, hit in enumerate(self.hits):
            turn = turns.get(hit.turn_id) if hit.kind == "turn" else None
            if turn is not None and direction > 0 and turn.end <= after:
                continue  # every match of this turn lies before the cursor
            if turn is not None and direction < 0 and turn.start >= start:
                break  # and of this one after it: so of every later hit too
            for index, (at, _end) in enumerate(self._hit_stops(row)):
                if direction > 0 and at >= after:
                    self.jump_to_hit(row, index)
                    return True
                if direction < 0 and at < start:
                    best = (row, index)
        if best is None:
            return False
        self.jump_to_hit(*best)
        return True

    def _step_to(self, row: int, stop: int, direction: int) -> None:
        """Go to match `stop` of hit `row`, or of the nearest hit in `direction` that has
        one; past the end, fetch further pages, then wrap to the first match."""
        wrapped = False
        while True:
            if row >= len(self.hits) and not self._load_more_hits():
                if wrapped:
                    return  # no hit has a match to show
                row, wrapped = 0, True
            if row < 0:
                self._wrap_to_last()
                return
            if self._hit_stops(row):
                self.jump_to_hit(row, stop)
                if wrapped:  # after the jump, whose cursor move shows the turn there
                    self.feedback.status(QCoreApplication.translate("MainWindow",
                        "Passed the last match: back to the first."), 4000)
                return
            row += direction

    def _wrap_to_last(self, say: bool = True) -> None:
        """Go to the last match of the search (fetching every hit not yet held)."""
        self._load_more_hits(everything=True)
        for row in range(len(self.hits) - 1, -1, -1):
            if self._hit_stops(row):
                self.jump_to_hit(row, -1)
                if say:
                    self.feedback.status(QCoreApplication.translate("MainWindow",
                        "Passed the first match: on to the last."), 4000)
                return
