"""Gram tokens of texts built as arrays of code points (an import's hot path).

`search_index.gram_text(textnorm.fold(text))` makes every token a Python string, about
0.4 µs a character, most of an import's own work. Here the texts are joined, folded and
cut into tokens as numpy arrays, and only the result becomes a string again: the same
string exactly, since each character is folded by `textnorm.fold_code` and classed by the
rule that defines the gram tokens, `search_index._PART` (tests compare the two).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from itertools import accumulate

from desktop.core import textnorm

# What one table lookup tells of a code point: its folded code point (0 for a separator:
# it is never part of a token) and above it its kind. 0 = not seen yet; below _SEPARATOR
# a code point the arrays cannot place (it folds to several characters).
_POINT = (1 << 21) - 1
_SEPARATOR, _WORD, _SOLO = 4, 5, 6  # kinds: a run of letters or digits; Chinese
_SHIFT = 21
_SEVERAL = 1
_LEAST = _SEPARATOR << _SHIFT  # the least a character the arrays can place looks up
_table = None  # uint32 per code point, made on first use (4.4 MB)
_np = None  # numpy, loaded once the arrays are worth it (see `worth_it`)

# Joins the texts, and marks where one text's tokens end in the joined result: neither is
# ever a token character, so neither can stand for one.
_JOIN, _MARK = "\n", 1
_SPACE = 32

# Characters folded and cut in one go: the arrays stay in the processor's cache (twice as
# fast as a million at once), and their memory small however large the import.
CHUNK_CHARS = 1 << 15


# numpy takes about 0.1 s to load. Unless something loaded it already, a process starts
# the arrays once it has cut this many characters a text at a time, or is given as many at
# once: a small import (100 KB into the open window) never waits for numpy, and a large one
# soon wins the time back.
LOAD_AFTER = 200_000
_cut = 0


def worth_it(chars: int) -> bool:
    """Whether to cut these many characters as arrays (else a text at a time)."""
    global _cut
    if _np is not None or "numpy" in sys.modules:
        return True
    _cut += chars
    return _cut >= LOAD_AFTER


def _numpy():
    global _np, _table
    if _np is None:
        import numpy

        _table = numpy.zeros(0x110000, numpy.uint32)
        _np = numpy
    return _np


def _learn(codes) -> None:
    """Fill in the table for these code points, by the definitions themselves."""
    from desktop.core.search_index import _PART

    for code in codes:
        folded = textnorm.fold_code(code)
        if len(folded) != 1:
            _table[code] = _SEVERAL
            continue
        m = _PART.fullmatch(folded)
        kind = _SEPARATOR if m is None else _SOLO if m.group(1) else _WORD
        # One whole store: another thread reads the entry done or not at all.
        _table[code] = (kind << _SHIFT) | (0 if m is None else ord(folded))


def fold_grams(texts: Sequence[str]) -> list[str | None]:
    """`search_index.gram_text(textnorm.fold(t))` of each text; None for a text the arrays
    cannot do (one with a character that folds to several, or an unpaired surrogate)."""
    if len(texts) == 1 and len(texts[0]) <= CHUNK_CHARS:  # a turn at a time
        return _chunk(texts)
    if any(len(t) > CHUNK_CHARS for t in texts):
        return _cut_long(texts)
    return _chunks(texts)


def _chunks(texts: Sequence[str]) -> list[str | None]:
    out: list[str | None] = []
    start = 0
    while start < len(texts):
        end, size = start, 0
        while end < len(texts) and (size < CHUNK_CHARS or end == start):
            size += len(texts[end]) + 1
            end += 1
        out += _chunk(texts[start:end])
        start = end
    return out


def _cut_long(texts: Sequence[str]) -> list[str | None]:
    """The long texts (a transcript with no speakers is one) cut at newlines into pieces
    of about a chunk, so the arrays stay small: a newline separates tokens, so a text's
    tokens are its pieces' tokens in turn."""
    if textnorm.fold("\n") != "\n":
        return _chunks(texts)
    pieces: list[str] = []
    counts: list[int] = []
    for text in texts:
        parts = _pieces(text) if len(text) > CHUNK_CHARS else [text]
        pieces += parts
        counts.append(len(parts))
    done = iter(_chunks(pieces))
    out: list[str | None] = []
    for count in counts:
        found = [next(done) for _ in range(count)]
        out.append(None if None in found else " ".join(f for f in found if f))
    return out


def _pieces(text: str) -> list[str]:
    out = []
    start = 0
    while len(text) - start > CHUNK_CHARS:
        cut = text.rfind("\n", start, start + CHUNK_CHARS)
        if cut < 0:
            cut = text.find("\n", start + CHUNK_CHARS)
            if cut < 0:
                break  # one long line: a chunk of its own
        out.append(text[start:cut])
        start = cut + 1
    out.append(text[start:])
    return out


def _chunk(texts: Sequence[str]) -> list[str | None]:
    np = _numpy()
    try:
        codes = np.frombuffer(_JOIN.join(texts).encode("utf-32-le"), np.uint32)
    except UnicodeEncodeError:  # an unpaired surrogate, which folding refuses too
        return [None] * len(texts)
    if codes.size == 0:
        return [""] * len(texts)
    found = _table.take(codes)
    if found.min() < _LEAST:
        _learn(np.unique(codes[found == 0]).tolist())
        found = _table.take(codes)
        if found.min() < _LEAST:
            several = np.flatnonzero(found < _LEAST)
            ends = list(accumulate(len(t) + 1 for t in texts))
            return _without(texts, np.searchsorted(ends, several, side="right").tolist())
    # Where the texts were joined: separators whatever the joining character folds to.
    joins = [end - 1 for end in accumulate(len(t) + 1 for t in texts[:-1])]
    if joins:
        found[joins] = _LEAST
    points = found & _POINT
    kind = found >> _SHIFT
    solo = kind == _SOLO
    # Three slots a character, 0 where nothing goes, then the zeros dropped: a Chinese
    # character, the next one if it is Chinese too, a space; a run of letters or digits
    # whole, a space after its last (where the kind changes). So each token is followed
    # by one space; the mark goes where a text ends.
    slots = np.zeros((codes.size, 3), np.uint32)
    slots[:, 0] = points
    slots[:-1, 1] = points[1:] * (solo[:-1] & solo[1:])
    closes = kind != _SEPARATOR
    closes[:-1] &= solo[:-1] | (kind[:-1] != kind[1:])
    slots[:, 2] = closes * np.uint32(_SPACE)
    if joins:
        slots[joins, 0] = _MARK
    flat = slots.ravel()
    joined = flat[flat != 0].tobytes().decode("utf-32-le")
    return [part[:-1] for part in joined.split(chr(_MARK))]


def _without(texts: Sequence[str], skipped: list[int]) -> list[str | None]:
    """The chunk's results with the texts at `skipped` left out (None)."""
    skip = set(skipped)
    kept = [t for i, t in enumerate(texts) if i not in skip]
    done = iter(_chunk(kept) if kept else [])
    return [None if i in skip else next(done) for i in range(len(texts))]

