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
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import chain, repeat
from typing import NamedTuple, overload

import ahocorasick_rs
import numpy as np

from desktop.core.glossary.model import Term
from desktop.core.textnorm import Folded, fold_with_map


class Match(NamedTuple):
    """One occurrence: text[start:end] (code points) is `matched`, a spelling of `term_id`."""

    start: int
    end: int
    term_id: str
    matched: str


_NO_PLACES = np.empty(0, dtype=np.int64)
_NO_IDS = np.empty(0, dtype=object)
_NO_PLACES.flags.writeable = _NO_IDS.flags.writeable = False  # shared by every empty Marks


class Marks(Sequence[Match]):
    """The occurrences found in one text, held as three array columns: starts, ends (code
    points, int64) and term ids (objects).

    A 5 MB transcript holds tens of thousands; a Match (with the text it covers) is made
    only for the occurrences that are read, and a reader of places alone (a count per
    term, the marks of the turns on screen) reads the columns.
    """

    __slots__ = ("_text", "ends", "starts", "term_ids")

    def __init__(self, text: str = "", starts: np.ndarray = _NO_PLACES,
                 ends: np.ndarray = _NO_PLACES, term_ids: np.ndarray = _NO_IDS) -> None:
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
        start, end = int(self.starts[index]), int(self.ends[index])
        return Match(start, end, self.term_ids[index], self._text[start:end])

    def __iter__(self) -> Iterator[Match]:
        starts, ends = self.starts.tolist(), self.ends.tolist()
        covered = map(self._text.__getitem__, map(slice, starts, ends))
        return map(tuple.__new__, repeat(Match),
                   zip(starts, ends, self.term_ids.tolist(), covered, strict=True))

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
_UNIT_KIND = np.frombuffer(_LOW_KIND[:0x80] + bytes(0x10000 - 0x80), dtype=np.uint8)
_LINE_END = "\n".encode("utf-16-le")
_PLURAL = ord("s")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Runs of ASCII letters, or of digits, in UTF-16-LE.
_LETTERS = re.compile(rb"(?:[A-Za-z]\x00)+")
_DIGITS = re.compile(rb"(?:[0-9]\x00)+")
# A long text is folded and scanned a piece of about this many characters at a time, but
# for a first and a last piece of about _END_PIECE: the scanning thread starts on the first
# one sooner, and the scan of the last one, which nothing overlaps, is short.
_PIECE = 1 << 18
_END_PIECE = 1 << 15
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
    nothing more. The automaton's marks are made an array at once, and the checks, the
    offsets and the term ids are worked out column by column, not a Python step per mark.
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
        self._ids = np.array([owners[k] for k in spellings], dtype=object)
        self._lengths = [len(k) for k in spellings]
        self._edges = [(_kind(k[0]), _kind(k[-1])) for k in spellings]
        # The kind of unit each spelling's edge may not touch; 3, no unit's kind, for none.
        self._left_edge = np.array([left or 3 for left, _ in self._edges], dtype=np.uint8)
        self._right_edge = np.array([right or 3 for _, right in self._edges], dtype=np.uint8)
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
        return _joined(text, self._columns(text, 0))

    def find_in_spans(self, text: str, spans: Iterable[tuple[int, int]]) -> Marks:
        """Occurrences inside each [start, end) span of `text`, with offsets into `text`."""
        return _joined(text, [part for lo, hi in spans for part in self._columns(text[lo:hi], lo)])

    def _columns(self, text: str, offset: int) -> list[_Columns]:
        """The marks of `text`, piece by piece, with `offset` added to their places."""
        if not self.size or not text:
            return []
        # The marks are tens of thousands of small acyclic objects: a garbage collection
        # triggered while they are built would only walk the whole heap for nothing.
        collecting = gc.isenabled()
        gc.disable()
        try:
            found: list[_Columns] = []
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
                    found.append(self._gather(*pending))
                pending = scan, folded, data, offset + lo
            found.append(self._gather(*pending))
            return [part for part in found if len(part.starts)]
        finally:
            if collecting:
                gc.enable()

    def _pieces(self, text: str) -> list[tuple[int, int]]:
        """[start, end) pieces of `text`, each ending after a line end: a short first one,
        then pieces of about _PIECE, leaving a short last one."""
        if len(text) < 4 * _END_PIECE or not self._one_line:
            return [(0, len(text))]
        pieces: list[tuple[int, int]] = []
        lo = 0
        while lo < len(text):
            size = min(_PIECE, len(text) - lo - _END_PIECE) if pieces else _END_PIECE
            newline = text.find("\n", lo + size) if size > 0 else -1
            hi = len(text) if newline < 0 else newline + 1
            pieces.append((lo, hi))
            lo = hi
        return pieces

    def _gather(self, scan: Future | _Done, folded: Folded, data: bytes, lo: int) -> _Columns:
        """The scanned marks of the piece at `lo` (folded to `folded`, `data` as UTF-16),
        as code points of the whole text."""
        marks = scan.result()
        if not marks:
            return _Columns(_NO_PLACES, _NO_PLACES, _NO_IDS)
        table = np.fromiter(chain.from_iterable(marks), np.int64, 3 * len(marks))
        table = table.reshape(-1, 3)
        doubtful = self._doubtful(table, data)
        if doubtful:
            settled = self._settle(marks, doubtful, data)
            if len(settled) > 1:
                table = np.concatenate([
                    table[part] if isinstance(part, slice)
                    else np.array(part, dtype=np.int64).reshape(-1, 3) for part in settled])
        patterns, first, last = table.T
        # Byte offsets -> code unit offsets -> code points of the folded piece.
        first, last = first >> 1, last >> 1
        if len(data) != 2 * len(folded.text):
            first, last = _code_points(first, last, folded.text)
        if folded.origin is not None:
            # A spelling ends after the source character of its last folded one, even one
            # that folding expanded (㎇ -> "gb": a match of "g" still covers all of ㎇).
            origin = np.array(folded.origin, dtype=np.int64)
            first, last = origin[first], origin[last - 1] + 1
        return _Columns(first + lo, last + lo, self._ids[patterns])

    def _doubtful(self, table: np.ndarray, data: bytes) -> list[int]:
        """Indices of the marks (rows of pattern, first byte, end byte) the automaton may
        have got wrong: those at an odd byte, and those whose Latin edge touches a Latin
        word or number of its kind (a letter before "AI", a digit after "源2.0")."""
        patterns, first, last = table.T
        doubtful = first & 1
        if patterns.max() >= self._first_edged:
            # Code units with a line end after the last: the unit "before" offset 0 (index
            # -1) and the one after the end of the text are then that line end, kind 0.
            units = np.frombuffer(data + _LINE_END, dtype="<u2")
            before = _UNIT_KIND[units[(first >> 1) - 1]]
            after = _UNIT_KIND[units[last >> 1]]
            doubtful = (doubtful | (before == self._left_edge[patterns])
                        | (after == self._right_edge[patterns]))
        return np.flatnonzero(doubtful).tolist() if doubtful.any() else []

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

    def _settle(self, marks: list[tuple[int, int, int]], doubtful: list[int], data: bytes
                ) -> list[slice | list[tuple[int, int, int]]]:
        """The automaton's marks with the doubtful ones checked, and redone where wrong: in
        order, runs of the automaton's marks that stand (slices of `marks`) and the marks
        found here in place of the others.

        Doubtful are the marks of a Latin-edged spelling and those at an odd byte. Where
        the automaton stands between two of its marks (the previous one ended at or before
        the cursor, the next starts at or after it), its next mark is the leftmost-longest
        of all spellings from the cursor on; so it is the right one whenever it is whole
        and acceptable. Only after a wrong mark is the text resolved here, a character at
        a time, until the cursor again stands between two of the automaton's marks.
        """
        result: list[slice | list[tuple[int, int, int]]] = []
        done = 0  # marks[:done] are settled
        total = len(marks)
        size = len(data)
        for j in doubtful:
            if j < done:
                continue
            pattern, start, end = marks[j]
            if not start & 1 and self._acceptable(pattern, start, end, data):
                continue
            result.append(slice(done, j))
            redone: list[tuple[int, int, int]] = []
            result.append(redone)
            # No spelling starts between the last settled mark and this one; a mark at
            # an odd byte leaves the character boundary just after it.
            cursor, k = start + (start & 1), j
            while cursor < size:
                run = _inside_word(data, cursor)
                if run:
                    cursor = run  # nothing acceptable starts inside a Latin word or number
                elif found := self._longest_at(data, cursor):
                    redone.append(found)
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
        result.append(slice(done, total))
        return result


class _Columns(NamedTuple):
    """The marks of one piece or span: starts, ends and term ids."""

    starts: np.ndarray
    ends: np.ndarray
    term_ids: np.ndarray


def _joined(text: str, parts: list[_Columns]) -> Marks:
    """The marks of `text`, from those of its pieces or spans in order."""
    if not parts:
        return Marks(text)
    if len(parts) == 1:
        return Marks(text, *parts[0])
    return Marks(text, *(np.concatenate(column) for column in zip(*parts, strict=True)))


def _code_points(starts: np.ndarray, ends: np.ndarray, text: str
                 ) -> tuple[np.ndarray, np.ndarray]:
    """UTF-16 unit offsets into `text` -> code point offsets (it has astral characters)."""
    # Unit offset of each astral character's first unit, in order.
    pairs = np.array([m.start() + k for k, m in enumerate(_ASTRAL.finditer(text))],
                     dtype=np.int64)
    return starts - np.searchsorted(pairs, starts), ends - np.searchsorted(pairs, ends)


def build_matcher(terms: Iterable[Term]) -> Matcher:
    """A matcher for these terms (build once per glossary change; ≈ 20 ms for 5,000 terms)."""
    return Matcher(terms)
