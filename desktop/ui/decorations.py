"""Layers drawn over the transcript: annotation highlights now, glossary marks later.

A layer turns document ranges (code points) into extra selections and answers hover
questions. The transcript view asks every registered layer, in order, and joins the
answers, so a new layer is added with `TranscriptView.add_layer` and nothing else.
"""

from __future__ import annotations

import bisect
import html as _html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from db.annotations import Annotation

if TYPE_CHECKING:
    from desktop.ui.transcript_view import TranscriptView


class DecorationLayer(Protocol):
    """Something drawn over the transcript text."""

    def selections(self, view: TranscriptView) -> list[QTextEdit.ExtraSelection]:
        """The extra selections to draw, in view positions."""
        ...

    def tooltip(self, view: TranscriptView, offset: int) -> str:
        """Rich text shown when the mouse rests on document offset `offset` ('' if none)."""
        ...


def make_selection(view: TranscriptView, start: int, end: int,
                   fmt: QTextCharFormat) -> QTextEdit.ExtraSelection | None:
    """An extra selection over document range [start, end), or None if it is not shown."""
    span = view.offsets.doc_range_to_qt(start, end)
    if span is None:
        return None
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    selection.format = fmt
    return selection


def make_selections(view: TranscriptView, start: int, end: int,
                    fmt: QTextCharFormat) -> list[QTextEdit.ExtraSelection]:
    """Extra selections over document range [start, end), one per turn it spans."""
    result = []
    for qt_start, qt_end in view.offsets.doc_range_pieces(start, end):
        cursor = QTextCursor(view.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        result.append(selection)
    return result


def overlap_depths(ranges: Sequence[tuple[int, int]]) -> list[int]:
    """For ranges sorted by start, how many earlier ranges each one starts inside of."""
    depths: list[int] = []
    open_ends: list[int] = []
    for start, end in ranges:
        open_ends = [e for e in open_ends if e > start]
        depths.append(len(open_ends))
        open_ends.append(end)
    return depths


@dataclass
class AnnotationLayer:
    """Highlights in each annotation's colour; overlaps blend and get an underline."""

    annotations: Sequence[Annotation] = ()
    current_id: str | None = None
    render_note: object = None  # callable(markdown) -> html, set by the window

    def __post_init__(self) -> None:
        self.set_annotations(self.annotations)

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Replace the annotations drawn (already in transcript order)."""
        self.annotations = list(annotations)
        self._starts = [a.start for a in self.annotations]
        self._longest = max((a.end - a.start for a in self.annotations), default=0)
        self._depths = overlap_depths([(a.start, a.end) for a in self.annotations])

    def selections(self, view: TranscriptView) -> list[QTextEdit.ExtraSelection]:
        """Translucent backgrounds (so overlaps mix) and an underline per extra layer,
        for the annotations near the screen."""
        low, high = view.visible_range()
        first = bisect.bisect_left(self._starts, low - self._longest)
        last = bisect.bisect_left(self._starts, high)
        result = []
        for index in range(first, last):
            annotation, depth = self.annotations[index], self._depths[index]
            if annotation.end <= low:
                continue
            colour = QColor(annotation.colour)
            if not colour.isValid():
                colour = QColor("#ffd54f")
            fmt = QTextCharFormat()
            fill = QColor(colour)
            fill.setAlpha(200 if annotation.id == self.current_id else 110)
            fmt.setBackground(fill)
            if depth:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(colour.darker(160))
            result.extend(make_selections(view, annotation.start, annotation.end, fmt))
        return result

    def at(self, offset: int) -> list[Annotation]:
        """The annotations covering document offset `offset`: those starting at most the
        longest annotation's length before it (found by bisection), then checked."""
        first = bisect.bisect_left(self._starts, offset - self._longest)
        last = bisect.bisect_right(self._starts, offset)
        return [a for a in self.annotations[first:last] if a.start <= offset < a.end]

    def tooltip(self, view: TranscriptView, offset: int) -> str:
        """The notes of the annotations under the mouse, rendered."""
        parts = []
        for annotation in self.at(offset):
            note = annotation.note.strip()
            html = self.render_note(note) if (note and callable(self.render_note)) else ""
            tags = _html.escape(" ".join(f"#{t}" for t in annotation.tags))
            swatch = (f"<span style='background:{_html.escape(annotation.colour)}'>&nbsp;&nbsp;&nbsp;</span> ")
            parts.append(swatch + (html or "<i>—</i>") + (f"<p><small>{tags}</small></p>"
                                                          if tags else ""))
        return "<hr>".join(parts)


@dataclass
class SearchLayer:
    """The current search's matches in the open document: underlined, bold, in the
    highlight colour, so they show through annotation highlights."""

    ranges: Sequence[tuple[int, int]] = ()

    def selections(self, view: TranscriptView) -> list[QTextEdit.ExtraSelection]:
        """One extra selection per match."""
        colour = view.palette().color(view.palette().ColorRole.Highlight)
        fmt = QTextCharFormat()
        fmt.setFontWeight(700)
        fmt.setForeground(colour)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(colour)
        result = []
        for start, end in self.ranges:
            selection = make_selection(view, start, end, fmt)
            if selection is not None:
                result.append(selection)
        return result

    def tooltip(self, view: TranscriptView, offset: int) -> str:
        """Search matches need no hover text."""
        return ""
