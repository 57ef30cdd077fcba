"""Find every glossary term and alias in a text: Aho–Corasick over folded text.

Matching runs on folded text (NFKC, simplified Chinese, case-folded), so 張量並行 finds
张量并行 and chatgpt finds ChatGPT; offsets are mapped back to code points of the original.
Overlaps are resolved leftmost-longest: at each position the longest spelling wins and the
scan continues after it. A Latin edge of a spelling must sit on a word boundary, so ToB is
not found inside "ToBe" nor AI inside "AICC"; a trailing plural "s" is allowed (LLMs).
"""

from __future__ import annotations

import gc
import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import compress, count, repeat
from operator import add, and_, eq, itemgetter, le, or_, rshift, sub
from typing import NamedTuple, overload

import ahocorasick_rs

from desktop.core.glossary.model import Term
from desktop.core.textnorm import Folded, fold_with_map


class Match(NamedTuple):
    """One occurrence: text[start:end] (code points) is `matched`, a spelling of `term_id`."""

    start: int
    end: int
    term_id: str
    matched: str


class Marks(Sequence[Match]):
    """The occurrences found in one text, held as three columns: starts, ends, term ids.

    A 5 MB transcript holds tens of thousands; a Match (with the text it covers) is made
    only for the occurrences that are read, and a reader of places alone (a count per
    term, the marks of the turns on screen) reads the columns.
    """

    __slots__ = ("_text", "ends", "starts", "term_ids")

    def __init__(self, text: str = "", starts: Sequence[int] = (), ends: Sequence[int] = (),
                 term_ids: Sequence[str] = ()) -> None:
        self._text = text
        self.starts = starts
        self.ends = ends
        self.term_ids = term_ids

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Match: ...
    @overload
    def __getitem__(self, index: slice) -> Marks: ...

    def __getitem__(self, index: int | slice) -> Match | Marks:
        if isinstance(index, slice):
            return Marks(self._text, self.starts[index], self.ends[index],
                         self.term_ids[index])
        start, end = self.starts[index], self.ends[index]
        return Match(start, end, self.term_ids[index], self._text[start:end])

    def __iter__(self) -> Iterator[Match]:
        covered = map(self._text.__getitem__, map(slice, self.starts, self.ends))
        return map(tuple.__new__, repeat(Match),
                   zip(self.starts, self.ends, self.term_ids, covered, strict=True))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(map(tuple.__eq__, self, other))

    __hash__ = None  # type: ignore[assignment]  # equal to a list, so unhashable like one

    def __repr__(self) -> str:
        return f"Marks({list(self)!r})"


def _kind(ch: str) -> int:
    """0 for characters that never glue onto a word, 1 for Latin letters, 2 for digits."""
    if ch.isascii():
        if ch.isalpha():
            return 1
        if ch.isdigit():
            return 2
    return 0


# The kind of an ASCII character by the low byte of its UTF-16 unit (the high byte is 0).
_LOW_KIND = bytes(_kind(chr(b)) if b < 0x80 else 0 for b in range(256))
# The kind of every UTF-16 code unit (all are 0 but ASCII letters and digits).
_UNIT_KIND = bytes(_LOW_KIND[:0x80]) + bytes(0x10000 - 0x80)
_PLURAL = ord("s")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Runs of ASCII letters, or of digits, in UTF-16-LE.
_LETTERS = re.compile(rb"(?:[A-Za-z]\x00)+")
_DIGITS = re.compile(rb"(?:[0-9]\x00)+")
_pattern, _first, _last = itemgetter(0), itemgetter(1), itemgetter(2)
# A long text is folded and scanned a piece of about this many characters at a time.
_PIECE = 1 << 16
_scanner_lock = threading.Lock()
_scanner: ThreadPoolExecutor | None = None


class _Done(NamedTuple):
    """A scan run on the calling thread, read like the Future of one run elsewhere."""

    marks: list[tuple[int, int, int]]

    def result(self) -> list[tuple[int, int, int]]:
        return self.marks


def _scanning_thread() -> ThreadPoolExecutor:
    """The thread that runs the automaton over pieces of a long text (started once)."""
    global _scanner
    with _scanner_lock:
        if _scanner is None:
            _scanner = ThreadPoolExecutor(1, thread_name_prefix="glossary-scan")
        return _scanner


def _units(text: str) -> bytes:
    """`text` as UTF-16-LE: two bytes a code unit, four for a character past U+FFFF."""
    return text.encode("utf-16-le", "surrogatepass")


def _unit_kind(data: bytes, at: int) -> int:
    """The kind of the code unit at byte `at` (even) of UTF-16-LE `data`."""
    return 0 if data[at + 1] else _LOW_KIND[data[at]]


def _inside_word(data: bytes, at: int) -> int:
    """The end of the ASCII word or number that byte `at` is inside of (not at its start),
    else 0. A spelling starting there would continue it, so none is acceptable."""
    if at < 2 or data[at + 1] or data[at - 1]:
        return 0
    kind = _LOW_KIND[data[at]]
    if not kind or _LOW_KIND[data[at - 2]] != kind:
        return 0
    return (_LETTERS if kind == 1 else _DIGITS).match(data, at).end()


def _head(unit: bytes) -> bytes:
    """The first character of UTF-16-LE `unit` (a surrogate pair is one character)."""
    return unit[:4] if 0xD8 <= unit[1] <= 0xDB else unit[:2]


class Matcher:
    """A compiled set of spellings (terms and aliases) -> term ids.

    The automaton (Rust's aho-corasick, a contiguous NFA: ≈ 2 MB for 5,000 terms where
    its DFA takes ≈ 34 MB for a scan under 10 % faster) runs over the UTF-16 bytes of the
    folded text and resolves leftmost-longest itself, so a byte offset halved is a code
    unit offset. A spelling can also match across two characters, starting at an odd
    byte (蝎 = 4E 87 inside 中文 = 2D 4E 87 65): such marks are rare and are redone
    below, as are the marks of a spelling with a Latin edge that fails the word-boundary
    rule. Spellings without a Latin edge (nearly all Chinese ones) at an even byte need
    nothing more. The marks' offsets and term ids are then worked out column by column
    with C-level maps, not a Python step per mark, and returned as `Marks`.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        owners: dict[str, str] = {}
        for term in terms:
            for form in term.forms:
                key = fold_with_map(form).text.strip()
                # The first term to claim a spelling keeps it (commands keep them unique).
                if key and key not in owners:
                    owners[key] = term.id
        # Spellings with a Latin edge go last, so a mark needs a check iff its index >= this.
        plain = [k for k in owners if not (_kind(k[0]) or _kind(k[-1]))]
        edged = [k for k in owners if _kind(k[0]) or _kind(k[-1])]
        spellings = plain + edged
        encoded = [_units(k) for k in spellings]
        self._first_edged = len(plain)
        self._ids = [owners[k] for k in spellings]
        self._lengths = [len(k) for k in spellings]
        self._edges = [(_kind(k[0]), _kind(k[-1])) for k in spellings]
        # The kind of unit each spelling's edge may not touch; 3, no unit's kind, for none.
        self._left_edge = [left or 3 for left, _ in self._edges]
        self._right_edge = [right or 3 for _, right in self._edges]
        self._index = {b: i for i, b in enumerate(encoded)}
        # First character (as bytes) -> byte lengths of the spellings it starts, longest first.
        by_head: dict[bytes, set[int]] = {}
        for b in encoded:
            by_head.setdefault(_head(b), set()).add(len(b))
        self._byte_lengths = {h: sorted(n, reverse=True) for h, n in by_head.items()}
        self.size = len(spellings)
        # Pieces of a long text end at line ends, which no spelling may then contain.
        self._one_line = not any("\n" in k for k in spellings)
        self._automaton = ahocorasick_rs.BytesAhoCorasick(
            encoded, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA) if encoded else None

    def find(self, text: str) -> Marks:
        """Non-overlapping occurrences in `text`, in order, longest spelling first at a place.

        A long text is cut into pieces at line ends. The automaton releases the GIL, so
        one piece is scanned on its own thread while the next is folded here, and the
        marks of the one before are gathered.
        """
        if not self.size or not text:
            return Marks(text)
        # The marks are tens of thousands of small acyclic objects: a garbage collection
        # triggered while they are built would only walk the whole heap for nothing.
        collecting = gc.isenabled()
        gc.disable()
        try:
            starts: list[int] = []
            ends: list[int] = []
            term_ids: list[str] = []
            pieces = self._pieces(text)
            pending = None
            for lo, hi in pieces:
                folded = fold_with_map(text[lo:hi])
                data = _units(folded.text)
                if len(pieces) == 1:
                    scan: Future | _Done = _Done(self._automaton.find_matches_as_indexes(data))
                else:
                    scan = _scanning_thread().submit(self._automaton.find_matches_as_indexes,
                                                     data)
                if pending is not None:
                    self._gather(*pending, starts, ends, term_ids)
                pending = scan, folded, data, lo
            self._gather(*pending, starts, ends, term_ids)
            return Marks(text, starts, ends, term_ids)
        finally:
            if collecting:
                gc.enable()

    def find_in_spans(self, text: str, spans: Iterable[tuple[int, int]]) -> Marks:
        """Occurrences inside each [start, end) span of `text`, with offsets into `text`."""
        starts: list[int] = []
        ends: list[int] = []
        term_ids: list[str] = []
        for lo, hi in spans:
            found = self.find(text[lo:hi])
            starts += map(add, found.starts, repeat(lo))
            ends += map(add, found.ends, repeat(lo))
            term_ids += found.term_ids
        return Marks(text, starts, ends, term_ids)

    def _pieces(self, text: str) -> list[tuple[int, int]]:
        """[start, end) pieces of `text`, each about _PIECE long and ending after a line end."""
        if len(text) < 2 * _PIECE or not self._one_line:
            return [(0, len(text))]
        pieces = []
        lo = 0
        while lo < len(text):
            newline = text.find("\n", lo + _PIECE)
            hi = len(text) if newline < 0 or len(text) - newline < _PIECE else newline + 1
            pieces.append((lo, hi))
            lo = hi
        return pieces

    def _gather(self, scan: Future | _Done, folded: Folded, data: bytes, lo: int,
                starts: list[int], ends: list[int], term_ids: list[str]) -> None:
        """Add the scanned marks of the piece at `lo` (folded to `folded`, `data` as UTF-16)
        to the columns, as code points of the whole text."""
        marks = scan.result()
        if not marks:
            return
        patterns, first, last = zip(*marks, strict=True)
        straddling = any(map(and_, first, repeat(1)))
        if straddling or max(patterns) >= self._first_edged:
            settled = self._settle(marks, patterns, first, straddling, data)
            if not settled:
                return
            if settled is not marks:
                patterns, first, last = zip(*settled, strict=True)
        # Byte offsets -> code unit offsets -> code points of the folded piece.
        first = map(rshift, first, repeat(1))
        last = map(rshift, last, repeat(1))
        if len(data) != 2 * len(folded.text):
            first, last = _code_points(list(first), list(last), folded.text)
        if folded.origin is not None:
            # A spelling ends after the source character of its last folded one, even one
            # that folding expanded (㎇ -> "gb": a match of "g" still covers all of ㎇).
            origin = folded.origin
            first = _pick(origin, list(first))
            last = map(add, _pick(origin, list(map(sub, last, repeat(1)))), repeat(1))
        if lo:
            first = map(add, first, repeat(lo))
            last = map(add, last, repeat(lo))
        starts += first
        ends += last
        term_ids += _pick(self._ids, patterns)

    # -- marks the automaton cannot settle ----------------------------------------------

    def _acceptable(self, pattern: int, start: int, end: int, data: bytes) -> bool:
        """Whether the spelling at data[start:end] sits on word boundaries where it must."""
        left, right = self._edges[pattern]
        if left and start and _unit_kind(data, start - 2) == left:
            return False
        if right and end < len(data) and _unit_kind(data, end) == right:
            # A Latin word may not continue past the spelling, except by a plural "s".
            return (right == 1 and self._lengths[pattern] >= 2
                    and data[end] == _PLURAL and not data[end + 1]
                    and (end + 2 == len(data) or _unit_kind(data, end + 2) != 1))
        return True

    def _longest_at(self, data: bytes, at: int) -> tuple[int, int, int] | None:
        """The longest acceptable spelling starting at byte `at`, as (pattern, start, end)."""
        lengths = self._byte_lengths.get(_head(data[at:at + 4]))
        if lengths is None:
            return None
        size = len(data)
        for length in lengths:
            end = at + length
            if end > size:
                continue
            pattern = self._index.get(data[at:end])
            if pattern is not None and (pattern < self._first_edged
                                        or self._acceptable(pattern, at, end, data)):
                return pattern, at, end
        return None

    def _touching(self, marks: list[tuple[int, int, int]], patterns: Sequence[int],
                  data: bytes) -> list[int]:
        """Indices of the marks whose Latin edge touches a Latin word or number of its kind
        (a letter before "AI", a digit after "源2.0"): those alone may break the rule.

        Most Latin-edged marks have Chinese or punctuation around them; the test runs as
        C-level maps over all of them rather than a Python step per mark.
        """
        edged = list(compress(count(), map(le, repeat(self._first_edged), patterns)))
        if not edged:
            return []
        edged_marks = _pick(marks, edged)
        edged_patterns = list(map(_pattern, edged_marks))
        # Code units, with a line end after the last: the unit "before" offset 0 (index
        # -1) and the one after the end of the text are then that line end.
        units = memoryview(data + "\n".encode("utf-16-le")).cast("H")
        kind_of = _UNIT_KIND.__getitem__
        before = map(kind_of, map(units.__getitem__, map(sub, map(rshift, map(
            _first, edged_marks), repeat(1)), repeat(1))))
        after = map(kind_of, map(units.__getitem__, map(rshift, map(_last, edged_marks),
                                                        repeat(1))))
        touching = map(or_, map(eq, before, map(self._left_edge.__getitem__, edged_patterns)),
                       map(eq, after, map(self._right_edge.__getitem__, edged_patterns)))
        return list(compress(edged, touching))

    def _settle(self, marks: list[tuple[int, int, int]], patterns: Sequence[int],
                starts: Sequence[int], straddling: bool, data: bytes
                ) -> list[tuple[int, int, int]]:
        """The automaton's marks with the doubtful ones checked, and redone where wrong.

        Doubtful are the marks of a Latin-edged spelling and those at an odd byte. Where
        the automaton stands between two of its marks (the previous one ended at or before
        the cursor, the next starts at or after it), its next mark is the leftmost-longest
        of all spellings from the cursor on; so it is the right one whenever it is whole
        and acceptable. Only after a wrong mark is the text resolved here, a character at
        a time, until the cursor again stands between two of the automaton's marks.
        """
        doubtful: Iterable[int] = self._touching(marks, patterns, data)
        if straddling:
            odd = compress(count(), map(and_, starts, repeat(1)))
            doubtful = sorted(set(doubtful).union(odd))
        result: list[tuple[int, int, int]] = []
        done = 0  # marks[:done] are settled
        total = len(marks)
        size = len(data)
        for j in doubtful:
            if j < done:
                continue
            pattern, start, end = marks[j]
            if not start & 1 and self._acceptable(pattern, start, end, data):
                continue
            result.extend(marks[done:j])
            # No spelling starts between the last settled mark and this one; a mark at
            # an odd byte leaves the character boundary just after it.
            cursor, k = start + (start & 1), j
            while cursor < size:
                run = _inside_word(data, cursor)
                if run:
                    cursor = run  # nothing acceptable starts inside a Latin word or number
                elif found := self._longest_at(data, cursor):
                    result.append(found)
                    cursor = found[2]
                else:
                    cursor += 2  # a low surrogate starts no spelling: stepping by units is safe
                while k < total and marks[k][1] < cursor:
                    k += 1
                if marks[k - 1][2] <= cursor:
                    break
            else:
                k = total
            done = k
        if not done:
            return marks
        result.extend(marks[done:])
        return result


def _pick(values: Sequence, indices: Sequence[int]) -> Sequence:
    """values[i] for each i of `indices`, looked up in one call."""
    if len(indices) > 1:
        return itemgetter(*indices)(values)
    return [values[i] for i in indices]


def _code_points(starts: list[int], ends: list[int], text: str
                 ) -> tuple[list[int], list[int]]:
    """UTF-16 unit offsets into `text` -> code point offsets (it has astral characters)."""
    # Unit offset of each astral character's first unit, in order.
    pairs = [m.start() + k for k, m in enumerate(_ASTRAL.finditer(text))]
    return (list(map(sub, starts, map(bisect_left, repeat(pairs), starts))),
            list(map(sub, ends, map(bisect_left, repeat(pairs), ends))))


def build_matcher(terms: Iterable[Term]) -> Matcher:
    """A matcher for these terms (build once per glossary change; ≈ 20 ms for 5,000 terms)."""
    return Matcher(terms)
