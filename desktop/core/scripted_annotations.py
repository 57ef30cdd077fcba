"""Scripted annotation: anchor a note on the Nth occurrence of a quote, or on offsets.

Goes through the same `CreateAnnotation` command as the window, so the note is indexed
for search exactly as an annotation made by hand.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from db.annotations import Annotation
from desktop.core import textnorm
from desktop.core.annotations import (
    DEFAULT_COLOUR,
    PALETTE,
    CreateAnnotation,
    new_annotation,
)
from desktop.core.commands import History
from desktop.core.errors import YanduError
from desktop.core.library import document_text

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

COLOUR_NAMES = dict(zip(
    ("yellow", "green", "blue", "red", "purple", "orange", "teal", "brown"), PALETTE,
    strict=True,
))
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def parse_colour(value: str | None) -> str:
    """A colour as stored: '#rrggbb' from a name (yellow, green, ...) or a hex value."""
    if value is None or not value.strip():
        return DEFAULT_COLOUR
    value = value.strip()
    if value.casefold() in COLOUR_NAMES:
        return COLOUR_NAMES[value.casefold()]
    if not value.startswith("#") and _HEX.match("#" + value):
        value = "#" + value
    if not _HEX.match(value):
        names = ", ".join(COLOUR_NAMES)
        raise YanduError(f"Unknown colour {value!r}; use #rrggbb or one of {names}.")
    if len(value) == 4:
        value = "#" + "".join(c * 2 for c in value[1:])
    return value.lower()


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) of `quote` in `text`: exact matches, else folded ones.

    Folding (NFKC, traditional -> simplified, case) lets 数据 find 數據 and ＧＰＴ find GPT;
    offsets are mapped back to the original text.
    """
    if not quote:
        return []
    found = []
    at = text.find(quote)
    while at != -1:
        found.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    if found:
        return found
    folded = textnorm.fold_with_map(text)
    needle = textnorm.fold(quote)
    if not needle:
        return []
    at = folded.text.find(needle)
    while at != -1:
        start = folded.source_offset(at, len(text))
        end = folded.source_offset(at + len(needle) - 1, len(text)) + 1
        found.append((start, end))
        at = folded.text.find(needle, at + 1)
    return found


def locate(db: Database, document_id: int, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """The offsets of the `occurrence`-th (1-based) occurrence of `quote` in a document."""
    if occurrence < 1:
        raise YanduError("--occurrence counts from 1.")
    found = occurrences(document_text(db, document_id), quote)
    if not found:
        raise YanduError(f"The document does not contain {quote!r}.")
    if occurrence > len(found):
        times = "once" if len(found) == 1 else f"{len(found)} times"
        raise YanduError(f"{quote!r} occurs only {times}; --occurrence {occurrence} is too high.")
    return found[occurrence - 1]


def annotate(
    db: Database,
    document_id: int,
    *,
    quote: str | None = None,
    occurrence: int = 1,
    start: int | None = None,
    end: int | None = None,
    note: str = "",
    tags: tuple[str, ...] | list[str] = (),
    colour: str | None = None,
    author: str = "",
    history: History | None = None,
) -> Annotation:
    """Create and store an annotation by quote (Nth occurrence) or by offsets; return it.

    With both a quote and offsets, the offsets must hold that quote.
    """
    if start is not None or end is not None:
        if start is None or end is None:
            raise YanduError("Give both --start and --end.")
        if quote is not None and document_text(db, document_id)[start:end] != quote:
            raise YanduError(f"The text at {start}–{end} is not {quote!r}.")
    elif quote is not None:
        start, end = locate(db, document_id, quote, occurrence)
    else:
        raise YanduError("Say what to annotate: --quote TEXT or --start/--end offsets.")
    annotation = new_annotation(db, document_id, start, end, note=note, tags=tags,
                                colour=parse_colour(colour), author=author)
    (history or History(db)).run(CreateAnnotation(annotation))
    return annotation
