"""Text folding for search and matching: NFKC, then traditional -> simplified Chinese.

Folding keeps a map back to the original code points, so a match found in folded text
can be shown and highlighted at its true place in the transcript.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import dataclass

import opencc

_converter_lock = threading.Lock()
_converter: opencc.OpenCC | None = None


def _t2s() -> opencc.OpenCC:
    global _converter
    with _converter_lock:
        if _converter is None:
            # 't2s' folds character variants too (臺/台, 議/议); it is close to 1:1 per character.
            _converter = opencc.OpenCC("t2s")
        return _converter


@functools.lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    folded = _t2s().convert(unicodedata.normalize("NFKC", ch)).casefold()
    if len(folded) > 1 and not any(c.isalnum() for c in folded):
        # NFKC spells … as "...": punctuation that no search or glossary term reads, while
        # the Chinese ellipsis …… would shift every later offset of a transcript.
        return ch
    return folded


class _FoldTable(dict):
    """Code point -> folded text, for str.translate; learns each character on first sight."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        # Never empty, so a folded text of the same length means every position was kept.
        folded = _fold_char(ch) or ch
        if len(folded) != 1:
            _changing.add(ch)
        self[code] = folded
        return folded


# Only ever grow; the GIL keeps each update whole, and two threads learning one
# character store the same value.
_table = _FoldTable()
_changing: set[str] = set()  # characters whose folded form is longer than one


@dataclass(frozen=True)
class Folded:
    """Folded text plus, for each folded code point, the index of its source code point."""

    text: str
    origin: tuple[int, ...] | None  # None when folding kept every position

    def source_offset(self, folded_offset: int, source_length: int) -> int:
        """Map an offset in the folded text back to the source text."""
        if self.origin is None:
            return folded_offset
        if folded_offset >= len(self.origin):
            return source_length
        return self.origin[folded_offset]


def fold(text: str) -> str:
    """Fold `text` for indexing and matching (NFKC, simplified Chinese, case-folded)."""
    return text.translate(_table)  # fold_with_map's text, without working out the map


def fold_with_map(text: str) -> Folded:
    """Fold `text`, keeping a map from folded positions to source positions.

    Every character is folded on its own, never by phrase: OpenCC converting a phrase can
    keep a character (乾隆) that it converts elsewhere (乾燥 -> 干燥), and a query, a
    glossary term and a transcript must all fold a character the same way to find it.
    """
    # Fold each distinct character once, ever, and translate in C: a Python loop over
    # every character costs about 0.5 ms per 1,000 characters, too slow for search.
    folded_text = text.translate(_table)
    if len(folded_text) == len(text):
        return Folded(folded_text, None)
    changing = _changing.intersection(text)
    # Only a few characters change length (… -> ..., ㍿ -> 株式会社): step between them.
    origin: list[int] = []
    previous = 0
    for match in re.finditer(f"[{re.escape(''.join(changing))}]", text):
        index = match.start()
        origin.extend(range(previous, index))
        origin.extend([index] * len(_table[ord(text[index])]))
        previous = index + 1
    origin.extend(range(previous, len(text)))
    return Folded(folded_text, tuple(origin))


def fold_code(code: int) -> str:
    """The fold of one code point, exactly as `fold` folds it within any text."""
    return _table[code]
