"""The concordance (keyword in context): one line per match of a search, the match
aligned between its left and right context, sortable as corpus tools sort one.

Lines come from `search.search` (turns only, reading order) and its highlights, so the
concordance finds exactly what the Search panel finds (Chinese inside longer words,
traditional and full-width forms, phrases). Context stays inside the turn's speech.

Sort keys: "left" (the word just before the match, then the one before it...), "right"
(the words after it, in order), "speaker", "document", "position" (reading order). The
words of a context are cut by the segmenter only when a sort by them is asked for.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core import search as search_module
from desktop.core.analysis import corpus
from desktop.core.errors import YanduError
from desktop.core.textnorm import fold

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

SORTS = ("position", "left", "right", "speaker", "document")
CONTEXT = 40  # code points of context each side
SORT_CONTEXT = 12  # code points next to the match whose words make a sort key
SORT_WORDS = 4  # words next to the match that make a sort key
FIRST_SCREEN = 200  # lines asked for first, before the rest
_ONE_LINE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u2028": " ", "\u2029": " "})


@dataclass(frozen=True)
class Line:
    """One concordance line: documents.text[start:end] is `hit`."""

    document_id: int
    document_title: str
    turn_id: int
    turn_number: int
    speaker: str  # "" for narration
    start: int
    end: int
    left: str
    hit: str
    right: str

    @functools.cached_property
    def left_words(self) -> tuple[str, ...]:
        """The words just left of the match, nearest first, folded."""
        return _left_key(corpus.words(self.left[-SORT_CONTEXT:]))

    @functools.cached_property
    def right_words(self) -> tuple[str, ...]:
        """The words just right of the match, in order, folded."""
        return _right_key(corpus.words(self.right[:SORT_CONTEXT]))

    def as_dict(self) -> dict:
        """JSON-ready values."""
        return {"document_id": self.document_id, "document_title": self.document_title,
                "turn_id": self.turn_id, "turn_number": self.turn_number,
                "speaker": self.speaker, "start": self.start, "end": self.end,
                "left": self.left, "hit": self.hit, "right": self.right}


def concordance(db: Database, query: str, *, document_id: int | None = None,
                speaker: str | None = None, limit: int | None = None,
                context: int = CONTEXT) -> list[Line]:
    """The lines for `query` in reading order (at most `limit`; all when None)."""
    hits = search_module.search(db, query, document_id=document_id, speaker=speaker,
                                kinds=("turn",), limit=limit if limit else 10_000_000,
                                order="text")
    lines: list[Line] = []
    for hit in hits:
        lines.extend(_lines_of(hit, context))
        if limit and len(lines) >= limit:
            return lines[:limit]
    return lines


def _lines_of(hit: search_module.SearchHit, context: int) -> Iterable[Line]:
    speech_start = hit.speech_start
    if speech_start is None or hit.source is None:
        return
    text = hit.source.text
    for start, end in hit.matches:
        local_start, local_end = start - speech_start, end - speech_start
        if local_start < 0 or local_end > len(text):
            continue  # a match in the headline
        left = text[max(0, local_start - context):local_start].translate(_ONE_LINE)
        right = text[local_end:local_end + context].translate(_ONE_LINE)
        yield Line(hit.document_id, hit.document_title, hit.turn_id or 0,
                   hit.turn_number or 0, hit.speaker or "", start, end, left,
                   text[local_start:local_end], right)


def _left_key(words: list[str]) -> tuple[str, ...]:
    return tuple(map(corpus.fold_word, words[:-SORT_WORDS - 1:-1]))


def _right_key(words: list[str]) -> tuple[str, ...]:
    return tuple(map(corpus.fold_word, words[:SORT_WORDS]))


def _prepare(lines: list[Line], by: str) -> None:
    """Cut the contexts a sort needs in a few calls of the segmenter, not one per line."""
    if by == "left":
        todo = [x for x in lines if "left_words" not in x.__dict__]
        cut = corpus.words_of_many([x.left[-SORT_CONTEXT:] for x in todo])
        for line, words in zip(todo, cut, strict=True):
            line.__dict__["left_words"] = _left_key(words)
    elif by == "right":
        todo = [x for x in lines if "right_words" not in x.__dict__]
        cut = corpus.words_of_many([x.right[:SORT_CONTEXT] for x in todo])
        for line, words in zip(todo, cut, strict=True):
            line.__dict__["right_words"] = _right_key(words)


def sort_key(name: str):
    """The key function of sort `name` (one of SORTS); reading order breaks ties."""
    if name not in SORTS:
        raise YanduError(f"Sort by one of {', '.join(SORTS)}, not {name!r}.")

    def position(line: Line) -> tuple:
        return (line.document_id, line.start)

    keys = {
        "position": position,
        "left": lambda line: (line.left_words, position(line)),
        "right": lambda line: (fold(line.hit), line.right_words, position(line)),
        "speaker": lambda line: (fold(line.speaker), position(line)),
        "document": lambda line: (line.document_title, position(line)),
    }
    return keys[name]


def sort_lines(lines: list[Line], by: str = "position", *, reverse: bool = False
               ) -> list[Line]:
    """The lines sorted by `by` (one of SORTS)."""
    key = sort_key(by)
    _prepare(lines, by)
    return sorted(lines, key=key, reverse=reverse)


def filter_speaker(lines: list[Line], speaker: str | None) -> list[Line]:
    """Only the lines of `speaker` (folded comparison); all when None."""
    if not speaker:
        return list(lines)
    key = fold(speaker.strip())
    return [line for line in lines if fold(line.speaker) == key]


HEADER = ("document", "turn", "speaker", "left", "hit", "right", "start", "end")


def rows(lines: Iterable[Line]) -> list[tuple]:
    """Table rows (see HEADER) for CSV and Markdown."""
    return [(line.document_title, line.turn_number, line.speaker, line.left, line.hit,
             line.right, line.start, line.end) for line in lines]
