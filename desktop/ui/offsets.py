"""Code-point <-> UTF-16 offsets, and the map between document offsets and view positions.

Annotations store code-point offsets into `documents.text`; Qt counts UTF-16 units. A
character outside the BMP (𠮷, emoji) is one code point but two Qt positions, so every
conversion between the two goes through this module. No Qt here: it is plain arithmetic.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field


def utf16_len(text: str) -> int:
    """The length of `text` in UTF-16 code units (what Qt counts)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def has_astral(text: str) -> bool:
    """True when `text` holds a character outside the BMP."""
    return _ASTRAL.search(text) is not None


def code_points_in(text: str, units: int) -> int:
    """How many code points of `text` the first `units` UTF-16 units cover (rounding down)."""
    count = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if count + width > units:
            return index
        count += width
    return len(text)


@dataclass
class TurnSpan:
    """Where one turn's speech sits in the document (code points) and in the view (Qt)."""

    index: int
    doc_start: int
    text: str
    qt_start: int
    first_block: int
    last_block: int
    astral: bool = False
    qt_length: int = 0

    @property
    def doc_end(self) -> int:
        return self.doc_start + len(self.text)

    @property
    def qt_end(self) -> int:
        return self.qt_start + self.qt_length


@dataclass
class OffsetMap:
    """Maps document code-point offsets to view positions and back, turn by turn."""

    spans: list[TurnSpan] = field(default_factory=list)
    _doc_starts: list[int] = field(default_factory=list)
    _qt_starts: list[int] = field(default_factory=list)
    _first_blocks: list[int] = field(default_factory=list)
    #: Headlines shown beside speakers' names: a second, sparser map consulted for
    #: offsets that fall outside every speech.
    headlines: OffsetMap | None = None

    def add(self, span: TurnSpan) -> None:
        """Append the next turn (turns come in document order)."""
        span.astral = has_astral(span.text)
        span.qt_length = utf16_len(span.text) if span.astral else len(span.text)
        self.spans.append(span)
        self._doc_starts.append(span.doc_start)
        self._qt_starts.append(span.qt_start)
        self._first_blocks.append(span.first_block)

    def span_of_turn(self, index: int) -> TurnSpan | None:
        """The span of turn `index`, when that turn is in the map."""
        if not self.spans:
            return None
        i = index - self.spans[0].index  # spans hold consecutive turns
        return self.spans[i] if 0 <= i < len(self.spans) else None

    def span_at_doc(self, offset: int) -> TurnSpan | None:
        """The turn whose speech contains (or ends at) document offset `offset`."""
        i = bisect.bisect_right(self._doc_starts, offset) - 1
        if i < 0:
            return None
        span = self.spans[i]
        return span if offset <= span.doc_end else None

    def span_at_qt(self, position: int) -> TurnSpan | None:
        """The turn whose speech contains (or ends at) view position `position`."""
        i = bisect.bisect_right(self._qt_starts, position) - 1
        if i < 0:
            return None
        span = self.spans[i]
        return span if position <= span.qt_end else None

    def doc_to_qt(self, offset: int, *, forward: bool = True) -> int | None:
        """The view position of document offset `offset`.

        An offset between turns (in a label) snaps to the next turn's start when `forward`,
        else to the previous turn's end; None when there is nothing on that side.
        """
        span = self.span_at_doc(offset)
        if span is None and self.headlines is not None:
            span = self.headlines.span_at_doc(offset)
        if span is None:
            i = bisect.bisect_right(self._doc_starts, offset)
            if forward:
                return self.spans[i].qt_start if i < len(self.spans) else None
            return self.spans[i - 1].qt_end if i > 0 else None
        inside = offset - span.doc_start
        if span.astral:
            return span.qt_start + utf16_len(span.text[:inside])
        return span.qt_start + inside

    def qt_to_doc(self, position: int, *, forward: bool = True) -> int | None:
        """The document offset of view position `position`; positions in labels snap like
        `doc_to_qt` does."""
        span = self.span_at_qt(position)
        if span is None and self.headlines is not None:
            span = self.headlines.span_at_qt(position)
        if span is None:
            i = bisect.bisect_right(self._qt_starts, position)
            if forward:
                return self.spans[i].doc_start if i < len(self.spans) else None
            return self.spans[i - 1].doc_end if i > 0 else None
        inside = position - span.qt_start
        if span.astral:
            return span.doc_start + code_points_in(span.text, inside)
        return span.doc_start + inside

    def doc_range_to_qt(self, start: int, end: int) -> tuple[int, int] | None:
        """The view range of document range [start, end), or None if it shows nothing."""
        qt_start = self.doc_to_qt(start, forward=True)
        qt_end = self.doc_to_qt(end, forward=False)
        if qt_start is None or qt_end is None or qt_end <= qt_start:
            return None
        return qt_start, qt_end

    def doc_range_pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        """The view ranges of document range [start, end), one per turn it touches, so that
        speaker labels between turns are left out."""
        first = bisect.bisect_right(self._doc_starts, start) - 1
        pieces = []
        for span in self.spans[max(first, 0):]:
            if span.doc_start >= end:
                break
            lo, hi = max(start, span.doc_start), min(end, span.doc_end)
            if lo < hi:
                qt = self.doc_range_to_qt(lo, hi)
                if qt is not None:
                    pieces.append(qt)
        if self.headlines is not None:
            pieces.extend(self.headlines.doc_range_pieces(start, end))
        return pieces

    def qt_range_to_doc(self, start: int, end: int) -> tuple[int, int] | None:
        """The document range of a view selection, trimmed to turn text; None if empty."""
        doc_start = self.qt_to_doc(start, forward=True)
        doc_end = self.qt_to_doc(end, forward=False)
        if doc_start is None or doc_end is None or doc_end <= doc_start:
            return None
        return doc_start, doc_end

    def span_index_at_block(self, block_number: int) -> int:
        """The index of the last turn starting at or before a view block (-1 if none)."""
        return bisect.bisect_right(self._first_blocks, block_number) - 1

    def span_at_block(self, block_number: int) -> TurnSpan | None:
        """The turn a view block belongs to (label, speech or spacer), or None."""
        i = bisect.bisect_right(self._first_blocks, block_number) - 1
        if i < 0:
            return None
        span = self.spans[i]
        return span if block_number <= span.last_block else None
