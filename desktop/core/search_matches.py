"""Where a query occurs in one text: code-point offsets for highlights and snippets.

The offsets are found on the folded text (see `textnorm`) with the same token rules as
the index (see `search_index`), then mapped back through the fold map, so they land on
the right characters even when folding changed lengths (㍿ -> 株式会社) and count astral
characters (𠮷) as one, as Python does.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence

from desktop.core import search_index, textnorm
from desktop.core.fts_query import Term


def find_matches(text: str, terms: Sequence[Term]) -> tuple[tuple[int, int], ...]:
    """(start, end) code points in `text` where any of the terms occurs, as search matches."""
    folded = _fold_cache.get(text)
    haystack = folded.text
    if _ACCENTED.search(haystack) is not None:
        # FTS5 finds "cafe" in "café": compare without diacritics (same length, same offsets).
        haystack = haystack.translate(_bare_latin())
    found: set[tuple[int, int]] = set()
    for term in terms:
        pattern = _term_pattern(term)
        # Search again from one past each match's start, so overlapping occurrences
        # (哈哈 twice in 哈哈哈) are found as FTS5 counts them; a plain pattern lets the
        # regex engine skip ahead to its first character.
        at = 0
        while (m := pattern.search(haystack, at)) is not None:
            found.add(m.span())
            at = m.start() + 1
    # An end maps through the last folded character, so a match that ends inside the
    # expansion of one source character (㍿ -> 株式会社) still covers that character.
    return _merge(
        sorted(
            (folded.source_offset(s, len(text)), folded.source_offset(e - 1, len(text)) + 1)
            for s, e in found
        )
    )


class _FoldCache:
    """Recently folded turn texts, up to a total length: a search box asks again and
    again for the same turns while the user types (算, 算力, 算力荒), and folding a long
    turn costs far more than finding the query in it."""

    def __init__(self, max_chars: int = 1_000_000) -> None:
        self.max_chars = max_chars
        self._items: OrderedDict[str, textnorm.Folded] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    def get(self, text: str) -> textnorm.Folded:
        """The folded form of `text` with its map, from the cache when possible."""
        with self._lock:
            found = self._items.get(text)
            if found is not None:
                self._items.move_to_end(text)
                return found
        folded = textnorm.fold_with_map(text)
        if len(text) <= self.max_chars // 10:
            with self._lock:
                if text not in self._items:
                    self._items[text] = folded
                    self._chars += len(text)
                while self._chars > self.max_chars:
                    old, _ = self._items.popitem(last=False)
                    self._chars -= len(old)
        return folded


_fold_cache = _FoldCache()


# A letter or digit that is not a solo character: what a Latin run must not touch.
_RUN_CHAR = f"(?![{search_index.SOLO_CHARS}])[^\\W_]"
# Latin letters with diacritics.
_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")


@functools.cache
def _bare_latin() -> dict[int, str]:
    """Latin letters with diacritics -> the plain letter, where that is one character."""
    table: dict[int, str] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        bare = search_index.token_key(chr(code))
        if len(bare) == 1 and bare != chr(code):
            table[code] = bare
    return table


@functools.lru_cache(maxsize=256)
def _term_pattern(term: Term) -> re.Pattern[str]:
    """A regex finding the term in folded text, as the gram index matches it."""
    pattern = ""
    previous_chinese: bool | None = None
    for chinese, part in term.parts:
        if previous_chinese is not None:
            # Two Chinese runs are two only where something stood between them.
            pattern += "[\\W_]+" if chinese and previous_chinese else "[\\W_]*"
        if chinese:
            pattern += re.escape(part)
        else:
            key = re.escape(search_index.token_key(part))
            pattern += f"(?<!{_RUN_CHAR}){key}(?!{_RUN_CHAR})"
        previous_chinese = chinese
    return re.compile(pattern)


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


