"""Glossary marks in the reading view: a dotted underline under every term, a hover card.

`install_glossary(window)` wires it up: the study's glossary is prepared (seeded, loaded
into the segmenter, search index caught up) on a worker thread after the first paint,
then the open document is matched (longest match wins) and marked; the marks follow
glossary edits and one key (G) hides or shows them.
"""

from __future__ import annotations

import bisect
import html as _html
import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from desktop.core import glossary
from desktop.ui.actions import ActionId
from desktop.ui.decorations import make_selections
from desktop.ui.markdown_note import render_note
from desktop.ui.tasks import run_task

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.transcript_view import TranscriptView


def term_card(term: glossary.Term) -> str:
    """A term as hover HTML: the term, pinyin, English, then the definition (sanitised)."""
    head = f"<b>{_html.escape(term.term)}</b>"
    if term.pinyin:
        head += f" <span>{_html.escape(term.pinyin)}</span>"
    if term.english:
        head += f" — <i>{_html.escape(term.english)}</i>"
    body = render_note(term.definition.strip()) if term.definition.strip() else ""
    return f"<p>{head}</p>{body}"


class GlossaryLayer:
    """Dotted underlines under the glossary terms of the open document.

    Terms are found turn by turn when a turn is drawn or hovered, and remembered: opening
    a 5 MB transcript costs nothing here, scrolling costs the turns that come into view.
    """

    def __init__(self) -> None:
        self.enabled = True
        self.terms: dict[str, glossary.Term] = {}
        self.set_document(None, "", [])

    def set_document(self, matcher: glossary.Matcher | None, text: str,
                     turns: list[tuple[int, int]]) -> None:
        """Match `text` with `matcher`, within each turn's [start, end) (in text order)."""
        self._matcher = matcher if matcher is not None and matcher.size else None
        self._text = text
        self._turns = turns
        self._turn_starts = [start for start, _end in turns]
        self._found: dict[int, glossary.Marks] = {}

    def _turn_matches(self, index: int) -> glossary.Marks:
        found = self._found.get(index)
        if found is None:
            found = self._found[index] = self._matcher.find_in_spans(
                self._text, [self._turns[index]])
        return found

    def matches_between(self, low: int, high: int) -> list[glossary.Match]:
        """The matches of the turns overlapping document offsets [low, high), in order."""
        if self._matcher is None or not self._turns:
            return []
        first = max(0, bisect.bisect_right(self._turn_starts, low) - 1)
        last = bisect.bisect_left(self._turn_starts, high)
        result: list[glossary.Match] = []
        for index in range(first, max(last, first + 1)):
            result += [m for m in self._turn_matches(index) if m.end > low and m.start < high]
        return result

    def match_at(self, offset: int) -> glossary.Match | None:
        """The match covering document offset `offset`, if any."""
        for match in self.matches_between(offset, offset + 1):
            if match.start <= offset < match.end:
                return match
        return None

    def selections(self, view: TranscriptView) -> list[QTextEdit.ExtraSelection]:
        """A quiet dotted underline per match near the screen (no background, so
        annotation highlights stay readable over it)."""
        if not self.enabled or self._matcher is None:
            return []
        low, high = view.visible_range()
        colour = QColor(view.palette().color(view.palette().ColorRole.Text))
        colour.setAlpha(140)
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(colour)
        result: list[QTextEdit.ExtraSelection] = []
        for match in self.matches_between(low, high):
            result.extend(make_selections(view, match.start, match.end, fmt))
        return result

    def tooltip(self, view: TranscriptView, offset: int) -> str:
        """The term under the mouse: term, pinyin, English and definition."""
        if not self.enabled:
            return ""
        match = self.match_at(offset)
        term = self.terms.get(match.term_id) if match else None
        return term_card(term) if term else ""


class GlossaryController(QObject):
    """Keeps the layer in step with the study: prepare, match, rebuild after edits."""

    ready = Signal()  # the glossary is prepared and the open document matched
    terms_changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.layer = GlossaryLayer()
        self.matcher: glossary.Matcher | None = None
        self.prepared = False
        self._requested = False
        self._version = -1
        window.view.add_layer(self.layer)
        # After the first paint, once the study is open (either may come first).
        window.view.first_painted.connect(self.prepare_later)
        window.study_attached.connect(self.prepare_later)
        window.document_opened.connect(lambda _id: self.rematch())
        window.changes_applied.connect(self._on_changes)
        toggle = window.actions[ActionId.TOGGLE_GLOSSARY]
        toggle.setChecked(True)
        toggle.toggled.connect(self.set_marking)
        window.view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        """A click on a marked term shows its entry in the Glossary panel, if the panel is
        open (without taking the keyboard from the text; Shift+G opens a closed panel)."""
        if (event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton):
            self._show_entry_at(event.position().toPoint())
        return False

    def _show_entry_at(self, point) -> None:
        view = self.window.view
        dock = getattr(self.window, "glossary_dock", None)
        if dock is None or not dock.isVisible() or not self.layer.enabled:
            return
        if view.textCursor().hasSelection():
            return  # a selection was made, not a click on a word
        offset = view.offsets.qt_to_doc(view.cursorForPosition(point).position())
        match = None if offset is None else self.layer.match_at(offset)
        if match is not None:
            dock.select_term(match.term_id)

    def prepare_later(self) -> None:
        """Prepare the glossary on a worker thread (once), then mark the open document."""
        if self._requested or self.window.db is None or not self.window.view.painted:
            return
        self._requested = True
        path = self.window.study_path
        if path is None or not path.exists():
            glossary.prepare(self.window.db)
            self._prepared(glossary.matcher_for(self.window.db))
            return

        def work(_progress) -> glossary.Matcher:
            from db import open_study

            db = open_study(path)  # sqlite connections belong to their thread
            try:
                glossary.prepare(db)
                return glossary.matcher_for(db)
            finally:
                db.close()

        self._version = self.window._data_version
        run_task(work, self._prepared, self._failed)

    def _settle(self) -> None:
        # Our own writes on the worker's connection must not look like another program's
        # (which would clear the undo history); unless the poll has already seen them.
        if self.window._data_version == self._version:
            self.window._data_version = self.window._read_data_version()

    def _prepared(self, matcher: glossary.Matcher) -> None:
        self.matcher = matcher
        self.prepared = True
        try:
            self._settle()
            self.rematch()
        except sqlite3.ProgrammingError:
            return  # the window closed (and its study) while the glossary was loading
        self.terms_changed.emit()
        self.ready.emit()

    def _failed(self, exc: BaseException) -> None:
        try:
            self._settle()
        except sqlite3.ProgrammingError:
            return  # the window closed (and its study) while the glossary was loading
        self.window.show_error(str(exc).splitlines()[0] if str(exc) else
                               "The glossary could not be loaded.")

    def rebuild(self) -> None:
        """Build the matcher again from the study's terms (after a glossary edit)."""
        self.matcher = glossary.matcher_for(self.window.db)
        self.rematch()
        self.terms_changed.emit()

    def rematch(self) -> None:
        """Find the terms in the open document and redraw the marks."""
        document_id = self.window.document_id
        row = None
        if self.matcher is not None and document_id is not None:
            row = self.window.db.execute("SELECT text FROM documents WHERE id = ?",
                                         [document_id]).fetchone()
        if row is None:
            self.layer.set_document(None, "", [])
        else:
            self.layer.terms = {t.id: t for t in glossary.list_terms(self.window.db)}
            self.layer.set_document(self.matcher, row[0],
                                    [(t.start, t.end) for t in self.window.turns])
        self.window.view.refresh_decorations()

    def set_marking(self, on: bool) -> None:
        """Show or hide the glossary marks."""
        self.layer.enabled = bool(on)
        self.window.view.refresh_decorations()

    def _on_changes(self, changes) -> None:
        if changes.glossary and self.prepared:
            self.rebuild()


def install_glossary(window: MainWindow) -> GlossaryController:
    """Add the glossary marks (and their toggle key) and the Glossary panel to a window."""
    from desktop.ui.docks.glossary_dock import install_dock  # the dock imports this module
    from desktop.ui.glossary_lists import install_term_lists

    controller = GlossaryController(window)
    window.glossary_dock = install_dock(window, controller)
    install_term_lists(window)
    return controller
