"""The text an analysis reads: documents, their speakers, sections and turns, and each
turn's words as the segmenter cuts them (cached per document: a document's text never
changes, only the words a glossary keeps whole)."""

from __future__ import annotations

import functools
import re
import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from desktop.core import library, segment
from desktop.core.textnorm import fold

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

# Han characters (CJK unified ideographs, extensions, compatibility ideographs).
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
# Anything that is not a letter or a digit: spaces, punctuation, symbols.
_NOT_ALNUM = re.compile(r"[\W_]+")
# A token that holds a letter or digit is a word; punctuation tokens are not.
_WORDY = re.compile(r"[^\W_]")

NARRATION = ""  # the speaker name of narration (turns without a speaker)


def characters(text: str) -> int:
    """Letters and digits in `text`: each Han character counts as one, as does each
    letter of a Latin word; spaces and punctuation do not count."""
    return len(_NOT_ALNUM.sub("", text))


def han_characters(text: str) -> int:
    """Han characters in `text`."""
    return len(text) - len(_HAN.sub("", text))


@functools.cache
def _character_kinds() -> np.ndarray:
    """For every code point: 1 if it is a letter or digit (str.isalnum), 2 more if it is a
    Han character. Made once (about 0.1 s)."""
    kinds = np.zeros(0x110000, dtype=np.uint8)
    every = "".join(map(chr, range(0x110000))).encode("utf-32-le", "surrogatepass")
    points = np.frombuffer(every, dtype=np.uint32)
    text = every.decode("utf-32-le", "surrogatepass")
    del every
    alnum = np.fromiter(map(str.isalnum, text), dtype=bool, count=len(text))
    kinds[points[alnum]] = 1
    for match in _HAN_RANGES:
        lo, hi = match
        kinds[lo:hi + 1] |= 2
    return kinds


_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))


def count_characters(texts: list[str]) -> tuple[list[int], list[int]]:
    """`characters` and `han_characters` of each text, counted together (array work)."""
    if not texts:
        return [], []
    joined = "".join(texts).encode("utf-32-le", "surrogatepass")
    kinds = _character_kinds()[np.frombuffer(joined, dtype=np.uint32)]
    ends = np.cumsum([len(t) for t in texts])
    starts = ends - [len(t) for t in texts]
    out = []
    for bit in (1, 2):
        running = np.concatenate(([0], np.cumsum((kinds & bit) != 0)))
        out.append((running[ends] - running[starts]).tolist())
    return out[0], out[1]


def words(text: str) -> list[str]:
    """The words of `text`: jieba's words for Chinese, whole words for Latin text;
    punctuation and spaces are not words."""
    return list(filter(_WORDY.search, segment.words(text)))


# Joins texts to be cut in one call of the segmenter: a private-use character, which both
# segmenters yield as a token of its own and after which they start afresh, so each
# text's words are the words it has alone.
_JOIN = "\ue000"
BATCH_CHARS = 200_000  # cut at a time, so that a search typed meanwhile gets its turn


def words_of_many(texts: list[str], *, keep: bool = False) -> list[list[str]]:
    """`[words(t) for t in texts]`, cut in a few calls rather than one per text; `keep`
    interns the words (for words kept and counted again and again)."""
    out: list[list[str]] = []
    batch: list[str] = []
    size = 0
    for text in texts:
        if _JOIN in text:  # cannot be joined: cut alone
            out += _cut_joined(batch, keep)
            batch, size = [], 0
            out.append(words(text))
            continue
        batch.append(text)
        size += len(text)
        if size >= BATCH_CHARS:
            out += _cut_joined(batch, keep)
            batch, size = [], 0
    out += _cut_joined(batch, keep)
    return out


def _cut_joined(texts: list[str], keep: bool) -> list[list[str]]:
    if not texts:
        return []
    tokens = segment.words(_JOIN.join(texts))
    # C-level loops: find each joint, keep the words between (filter, map), no Python
    # step per token (a million tokens for 5 MB).
    wordy, find = _WORDY.search, tokens.index
    out: list[list[str]] = []
    start = 0
    for _ in range(len(texts) - 1):
        end = find(_JOIN, start)
        out.append(_kept(tokens[start:end], wordy, keep))
        start = end + 1
    out.append(_kept(tokens[start:], wordy, keep))
    return out


def _kept(tokens: list[str], wordy, keep: bool) -> list[str]:
    if keep:
        # One string per distinct word, its hash worked out once: counting a million
        # words then costs a fraction of what fresh strings cost.
        return list(map(sys.intern, filter(wordy, tokens)))
    return list(filter(wordy, tokens))


# Words repeat: folded once each (sort keys, keyness compare folded words).
fold_word = functools.lru_cache(maxsize=262_144)(fold)


def is_word(token: str) -> bool:
    """Whether a segmenter token is a word (holds a letter or a digit)."""
    return _WORDY.search(token) is not None


@dataclass(frozen=True)
class Document:
    """One document as an analysis reads it."""

    info: library.DocumentInfo
    speakers: tuple[library.Speaker, ...]
    sections: tuple[library.Section, ...]
    turns: tuple[library.Turn, ...]

    @property
    def id(self) -> int:
        return self.info.id

    @property
    def title(self) -> str:
        return self.info.title

    def speaker_names(self) -> dict[int, str]:
        """Speaker id -> name."""
        return {s.id: s.name for s in self.speakers}


def load(db: Database, document_ids: list[int] | tuple[int, ...] | None = None
         ) -> list[Document]:
    """The documents (all of the study when `document_ids` is None), in library order.

    A document's turns are read once and kept while its speakers and sections stay as
    they are (a merge, a rename, a new moderator change them): every tab of the Analysis
    view reads the same turns."""
    infos = library.list_documents(db)
    if document_ids is not None:
        wanted = set(document_ids)
        infos = [d for d in infos if d.id in wanted]
    documents = []
    for info in infos:
        speakers = tuple(library.speakers(db, info.id))
        sections = tuple(library.sections(db, info.id))
        key = (info, speakers, sections)
        with _documents_lock:
            found = _documents.get(key)
            if found is not None:
                _documents.move_to_end(key)
        if found is None:
            found = Document(info, speakers, sections, tuple(library.turns(db, info.id)))
            with _documents_lock:
                _documents[key] = found
                while len(_documents) > 4:
                    _documents.popitem(last=False)
        documents.append(found)
    return documents


_documents: OrderedDict[tuple, Document] = OrderedDict()
_documents_lock = threading.Lock()


@dataclass(frozen=True)
class TurnCounts:
    """A turn's words, and its characters (letters and digits) and Han characters."""

    words: list[str]
    characters: int
    han: int


class _WordCache:
    """Each turn's words and counts for the last few documents, keyed by what they depend
    on: the document (its id, file and import time) and the words the segmenter keeps
    whole (a document's text never changes)."""

    def __init__(self, documents: int = 4) -> None:
        self.documents = documents
        self._items: OrderedDict[tuple, dict[tuple[int, int], TurnCounts]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(info: library.DocumentInfo) -> tuple:
        return (info.id, info.source_sha256, info.imported_at, segment.custom_words())

    def has(self, info: library.DocumentInfo) -> bool:
        """Whether every turn of the document is cut already."""
        with self._lock:
            known = self._items.get(self.key(info))
            return known is not None and len(known) >= info.turn_count

    def turn_counts(self, document: Document) -> list[TurnCounts]:
        key = self.key(document.info)
        with self._lock:
            known = self._items.get(key)
            if known is not None:
                self._items.move_to_end(key)
        if known is None:
            known = {}
        missing = [t for t in document.turns if (t.text_start, t.text_end) not in known]
        if missing:
            texts = [t.text for t in missing]
            chars, han = count_characters(texts)
            for turn, found, c, h in zip(missing, words_of_many(texts, keep=True), chars, han,
                                         strict=True):
                known[(turn.text_start, turn.text_end)] = TurnCounts(found, c, h)
        with self._lock:
            self._items[key] = known
            self._items.move_to_end(key)
            while len(self._items) > self.documents:
                self._items.popitem(last=False)
        return [known[(t.text_start, t.text_end)] for t in document.turns]


_cache = _WordCache()


def turn_counts(document: Document) -> list[TurnCounts]:
    """The words and counts of each of the document's turns, in turn order (see `words`,
    `characters`, `han_characters`)."""
    return _cache.turn_counts(document)


def turn_words(document: Document) -> list[list[str]]:
    """The words of each of the document's turns, in turn order (see `words`)."""
    return [counts.words for counts in _cache.turn_counts(document)]


def is_cut(db: Database, document_ids: list[int] | None = None) -> bool:
    """Whether these documents' words are cut already (counting them is then quick)."""
    infos = library.list_documents(db)
    wanted = None if document_ids is None else set(document_ids)
    return all(_cache.has(info) for info in infos if wanted is None or info.id in wanted)


def cut(db: Database, document_ids: list[int] | None = None) -> None:
    """Cut these documents' words now (the slow part of a first count), e.g. on a worker
    thread with a connection of its own, so that counting later is quick."""
    for document in load(db, document_ids):
        _cache.turn_counts(document)


def forget() -> None:
    """Drop every cached word (for measuring a first count)."""
    global _cache
    _cache = _WordCache()
    with _documents_lock:
        _documents.clear()
