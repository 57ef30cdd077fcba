"""Glossary marks in the reading view: a dotted underline under every term, a hover card.

The marks are found turn by turn as turns are drawn or hovered (`GlossaryLayer`); the
controller in `controllers/glossary.py` keeps the layer in step with the study.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from desktop.core import glossary
from desktop.core.library import index_at
from desktop.ui.decorations import make_selections
from desktop.ui.term_card import term_card

if TYPE_CHECKING:
    from desktop.ui.transcript_view import TranscriptView


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
        first = max(0, index_at(self._turn_starts, low))
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
