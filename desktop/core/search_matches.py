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
    found: set[tuple[int, int]] = set()
    slow: list[Term] = []
    accented = _ACCENTED.search(folded.text) is not None
    for term in terms:
        pattern = _term_pattern(term)
        if pattern is None or (accented and _has_latin(term)):
            # FTS5 matches "cafe" in "café": compare diacritic-free tokens instead.
            slow.append(term)
            continue
        # Search again from one past each match's start, so overlapping occurrences
        # (哈哈 twice in 哈哈哈) are found as FTS5 counts them; a plain pattern lets the
        # regex engine skip ahead to its first character.
        at = 0
        while (m := pattern.search(folded.text, at)) is not None:
            found.add(m.span())
            at = m.start() + 1
    if slow:
        found.update(_token_matches(folded.text, slow))
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


# A letter or digit that is not a solo character: what a Latin token must not touch.
_RUN_CHAR = f"(?![{search_index.SOLO_CHARS}])[^\\W_]"
_SOLO_ONE = re.compile(f"[{search_index.SOLO_CHARS}]")


# Latin letters with diacritics, precomposed or combining.
_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]")


def _has_latin(term: Term) -> bool:
    return any(not _SOLO_ONE.fullmatch(token) for token in term.chars)


@functools.lru_cache(maxsize=256)
def _term_pattern(term: Term) -> re.Pattern[str] | None:
    """A regex finding the term's token phrase in folded text, or None (diacritics)."""
    parts = []
    for token in term.chars:
        if _SOLO_ONE.fullmatch(token):
            parts.append(re.escape(token))
        elif token.isascii():
            parts.append(f"(?<!{_RUN_CHAR}){re.escape(token)}(?!{_RUN_CHAR})")
        else:
            return None  # FTS5 ignores diacritics here; compare token by token instead
    # Tokens may be separated by anything that is not a token.
    return re.compile("[\\W_]*".join(parts))


def _token_matches(folded: str, terms: Sequence[Term]) -> set[tuple[int, int]]:
    """Phrase matches by comparing token keys (slower; exact for any token)."""
    spans = list(search_index.char_token_spans(folded))
    keys = [k for k, _, _ in spans]
    found: set[tuple[int, int]] = set()
    for term in terms:
        wanted = list(term.keys())
        size = len(wanted)
        at = 0
        while True:
            try:
                i = keys.index(wanted[0], at)
            except ValueError:
                break
            if keys[i : i + size] == wanted:
                found.add((spans[i][1], spans[i + size - 1][2]))
            at = i + 1
    return found


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


