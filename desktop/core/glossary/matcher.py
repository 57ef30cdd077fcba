"""Find every glossary term and alias in a text: Aho–Corasick over folded text.

Matching runs on folded text (NFKC, simplified Chinese, case-folded), so 張量並行 finds
张量并行 and chatgpt finds ChatGPT; offsets are mapped back to code points of the original.
Overlaps are resolved leftmost-longest: at each position the longest spelling wins and the
scan continues after it. A Latin edge of a spelling must sit on a word boundary, so ToB is
not found inside "ToBe" nor AI inside "AICC"; a trailing plural "s" is allowed (LLMs).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from desktop.core.glossary.model import Term
from desktop.core.textnorm import fold_with_map


@dataclass(frozen=True)
class Match:
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


class Matcher:
    """A compiled set of spellings (terms and aliases) -> term ids."""

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
            self._automaton.add_word(key, (len(key), term_id, _kind(key[0]), _kind(key[-1])))
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
        # Longest acceptable spelling starting at each folded position.
        best: dict[int, tuple[int, str]] = {}
        kind = _kind
        for end_index, (length, term_id, left, right) in self._automaton.iter(ftext):
            start = end_index - length + 1
            if left and start > 0 and kind(ftext[start - 1]) == left:
                continue
            stop = end_index + 1
            # A Latin word may not continue past the spelling, except by a plural "s" (LLMs).
            if (right and stop < size and kind(ftext[stop]) == right
                    and not (right == 1 and length >= 2 and ftext[stop] == "s"
                             and (stop + 1 == size or kind(ftext[stop + 1]) != 1))):
                continue
            current = best.get(start)
            if current is None or length > current[0]:
                best[start] = (length, term_id)
        matches: list[Match] = []
        cursor = 0
        for start in sorted(best):
            if start < cursor:
                continue
            length, term_id = best[start]
            cursor = start + length
            src_start = folded.source_offset(start, len(text))
            src_end = folded.source_offset(cursor, len(text))
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
