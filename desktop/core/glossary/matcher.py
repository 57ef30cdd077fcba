"""Find every glossary term and alias in a text: Aho–Corasick over folded text.

Matching runs on folded text (NFKC, simplified Chinese, case-folded), so 張量並行 finds
张量并行 and chatgpt finds ChatGPT; offsets are mapped back to code points of the original.
Overlaps are resolved leftmost-longest: at each position the longest spelling wins and the
scan continues after it. A Latin edge of a spelling must sit on a word boundary, so ToB is
not found inside "ToBe" nor AI inside "AICC"; a trailing plural "s" is allowed (LLMs).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import NamedTuple

import ahocorasick

from desktop.core.glossary.model import Term
from desktop.core.textnorm import fold_with_map


class Match(NamedTuple):
    """One occurrence: text[start:end] (code points) is `matched`, a spelling of `term_id`."""

    start: int
    end: int
    term_id: str
    matched: str


def _kind(ch: str) -> int:
    """0 for characters that never glue onto a word, 1 for Latin letters, 2 for digits."""
    if ch.isascii():
        if ch.isalpha():
            return 1
        if ch.isdigit():
            return 2
    return 0


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _units(text: str) -> str:
    """`text` as UTF-16-BE bytes, one character per byte (see Matcher)."""
    return text.encode("utf-16-be", "surrogatepass").decode("latin-1")


class Matcher:
    """A compiled set of spellings (terms and aliases) -> term ids.

    The automaton runs over UTF-16 bytes rather than characters: pyahocorasick looks up a
    node's children one by one, and thousands of terms give the root thousands of
    children (one per first character); over bytes no node has more than 256, which makes
    a scan of Chinese text with 5,000 terms about nine times faster.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self._automaton = ahocorasick.Automaton()
        owners: dict[str, str] = {}
        for term in terms:
            for form in term.forms:
                key = fold_with_map(form).text.strip()
                # The first term to claim a spelling keeps it (commands keep them unique).
                if key and key not in owners:
                    owners[key] = term.id
        for key, term_id in owners.items():
            units = _units(key)
            self._automaton.add_word(
                units, (len(units), len(key), term_id, _kind(key[0]), _kind(key[-1])))
        self.size = len(owners)
        if owners:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Non-overlapping occurrences in `text`, in order, longest spelling first at a place."""
        if not self.size or not text:
            return []
        folded = fold_with_map(text)
        ftext = folded.text
        size = len(ftext)
        data = _units(ftext)
        # Byte offset -> character offset: two bytes a character, four for astral ones.
        astral = [] if len(data) == 2 * size else [
            2 * m.start() + 2 * k for k, m in enumerate(_ASTRAL.finditer(ftext))]
        # Longest acceptable spelling starting at each folded position.
        best: dict[int, tuple[int, str]] = {}
        get = best.get
        kind = _kind
        for end_byte, (nbytes, length, term_id, left, right) in self._automaton.iter(data):
            first = end_byte - nbytes + 1
            if first & 1:
                continue  # straddles two characters
            start = (first - 2 * bisect.bisect_left(astral, first)) >> 1 if astral else first >> 1
            if left and start > 0 and kind(ftext[start - 1]) == left:
                continue
            # A Latin word may not continue past the spelling, except by a plural "s" (LLMs).
            if right:
                stop = start + length
                if (stop < size and kind(ftext[stop]) == right
                        and not (right == 1 and length >= 2 and ftext[stop] == "s"
                                 and (stop + 1 == size or kind(ftext[stop + 1]) != 1))):
                    continue
            current = get(start)
            if current is None or length > current[0]:
                best[start] = (length, term_id)
        matches: list[Match] = []
        cursor = 0
        origin = folded.origin
        end_of_text = len(text)
        for start in sorted(best):
            if start < cursor:
                continue
            length, term_id = best[start]
            cursor = start + length
            if origin is None:
                src_start, src_end = start, cursor
            else:
                src_start = origin[start]
                src_end = origin[cursor] if cursor < len(origin) else end_of_text
                if src_end <= src_start:  # the spelling ended inside one expanded character
                    src_end = src_start + 1
            matches.append(Match(src_start, src_end, term_id, text[src_start:src_end]))
        return matches

    def find_in_spans(self, text: str, spans: Iterable[tuple[int, int]]) -> list[Match]:
        """Occurrences inside each [start, end) span of `text`, with offsets into `text`."""
        result: list[Match] = []
        for lo, hi in spans:
            for m in self.find(text[lo:hi]):
                result.append(Match(m.start + lo, m.end + lo, m.term_id, m.matched))
        return result


def build_matcher(terms: Iterable[Term]) -> Matcher:
    """A matcher for these terms (build once per glossary change; ≈ 10 ms for 5,000 terms)."""
    return Matcher(terms)
