"""The one place that talks to the Chinese segmenter.

Everything that splits text into words (search index, queries, keyword suggestions,
glossary words) comes through here, so the dictionary and its custom words agree.

jieba is the reference segmenter. On the hot path (`words`, `index_tokens`) Yandu uses
rjieba, a binding of jieba's Rust port with the same dictionary and the same algorithm:
the same tokens, about ten times faster, and less memory (57 MB against 85 MB). A test
(tests/core/test_segment_equivalence.py) proves the tokens identical, custom words
included. Setting YANDU_SEGMENTER=jieba makes the reference do all the work. jieba itself
is loaded only when keyword extraction (`keywords`) first needs it.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Iterable
from typing import Any

_lock = threading.RLock()
_ready = threading.Event()
# Custom words in the order they were added; both segmenters replay them in this order.
_custom_words: dict[str, None] = {}
_backend: _Backend | None = None
_keyword_backend: _JiebaBackend | None = None

BACKEND_ENV = "YANDU_SEGMENTER"


class _Backend:
    """A segmenter with its own dictionary and the custom words added to it."""

    name = ""

    def __init__(self) -> None:
        # word -> the frequency it was given, so it can be restored or replayed exactly
        self.added: dict[str, int] = {}

    def cut(self, text: str) -> list[str]:
        """Precise-mode tokens, HMM on for unknown words."""
        raise NotImplementedError

    def cut_for_search(self, text: str) -> list[str]:
        """Search-mode tokens: a long word's dictionary sub-words, then the word itself."""
        raise NotImplementedError

    def add_word(self, word: str) -> None:
        """Keep `word` whole: give it the frequency that just beats its best split."""
        raise NotImplementedError

    def remove_words(self, words: list[str]) -> None:
        """Undo `add_word` for these words, restoring the dictionary as it was."""
        raise NotImplementedError


# Where the Rust port's output differs from jieba's, and how Yandu makes it equal
# (each case is pinned by tests/core/test_segment_equivalence.py):
# 1. jieba's Han blocks hold U+4E00-U+9FD5 only; the port's also hold CJK extension A,
#    U+9FD6-U+9FFF, compatibility and astral ideographs, which jieba yields one by one.
# 2. In a run of letters, digits and +#&._%- that no dictionary word covers, jieba's HMM
#    splits at every such symbol except a decimal point (COVID-19 -> COVID, -, 19); the port
#    keeps the run whole.
# Text with neither (nearly all Chinese text) goes to the port as it is; a stretch of
# block characters holding either is cut as jieba cuts it, block by block, with the symbol
# runs re-split by jieba's own rule. Stretches end at characters outside both segmenters'
# blocks, where both start afresh, so the pieces' tokens join up to the whole text's.
_WIDE_HAN = "\\u3400-\\u4dbf\\u9fd6-\\u9fff\\uf900-\\ufaff\\U00020000-\\U0002ffff"
_TRIGGER = rf"[{_WIDE_HAN}]|[a-zA-Z0-9][+#&._%\-]|[+#&._%\-][a-zA-Z0-9+#&._%\-]"
_NEEDS_CARE = re.compile(_TRIGGER)
_BLOCKISH = rf"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-{_WIDE_HAN}]"
_BLOCKISH_RUN = re.compile(rf"{_BLOCKISH}+")
_IS_BLOCKISH = re.compile(_BLOCKISH)
_JIEBA_BLOCK = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)")  # jieba.re_han_default
_JIEBA_SKIP = re.compile(r"(\r\n|\s)")  # jieba.re_skip_default
_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")  # jieba.finalseg.re_skip
_SPACE = re.compile(r"\s")  # the same characters as str.isspace
_SYMBOL_RUN = re.compile(r"[a-zA-Z0-9+#&._%\-]+")


def _hmm_split(run: str) -> list[str]:
    return [piece for piece in _HMM_SKIP.split(run) if piece]


class _RJiebaBackend(_Backend):
    """jieba's Rust port (rjieba): the hot path."""

    name = "rjieba"

    def __init__(self) -> None:
        super().__init__()
        import rjieba

        self._new = rjieba.Jieba
        self._jieba = rjieba.Jieba()

    def cut(self, text: str) -> list[str]:
        """Precise-mode tokens, HMM on for unknown words."""
        if _NEEDS_CARE.search(text) is None:
            return self._jieba.cut(text, True)
        return self._by_stretches(text, self._jieba.cut, self._careful_cut)

    def cut_for_search(self, text: str) -> list[str]:
        """Search-mode tokens."""
        if _NEEDS_CARE.search(text) is None:
            return self._jieba.cut_for_search(text, True)
        return self._by_stretches(text, self._jieba.cut_for_search, self._careful_search)

    @staticmethod
    def _by_stretches(text: str, fast, careful) -> list[str]:
        out: list[str] = []
        pos = 0
        while (match := _NEEDS_CARE.search(text, pos)) is not None:
            start = match.start()
            while start > pos and _IS_BLOCKISH.match(text, start - 1):
                start -= 1  # back to the start of the stretch (stretches are short)
            end = _BLOCKISH_RUN.match(text, match.start()).end()
            if start > pos:
                out.extend(fast(text[pos:start], True))
            out.extend(careful(text[start:end]))
            pos = end
        if pos < len(text):
            out.extend(fast(text[pos:], True))
        return out

    def _careful_search(self, text: str) -> list[str]:
        # jieba's search mode: before each word longer than 2, its dictionary 2- and 3-grams.
        has_word = self._jieba.has_word
        out: list[str] = []
        for word in self._careful_cut(text):
            if len(word) > 2:
                out.extend(g for i in range(len(word) - 1) if has_word(g := word[i:i + 2]))
                if len(word) > 3:
                    out.extend(g for i in range(len(word) - 2) if has_word(g := word[i:i + 3]))
            out.append(word)
        return out

    def _careful_cut(self, text: str) -> list[str]:
        out: list[str] = []
        for block in _JIEBA_BLOCK.split(text):
            if not block:
                continue
            if _JIEBA_BLOCK.match(block):
                out.extend(self._fix_symbol_runs(self._jieba.cut(block, True)))
                continue
            for piece in _JIEBA_SKIP.split(block):
                if _JIEBA_SKIP.match(piece):
                    out.append(piece)
                else:
                    out.extend(piece)  # jieba yields characters outside its blocks one by one
        return out

    def _fix_symbol_runs(self, tokens: list[str]) -> list[str]:
        # A run of consecutive symbol-run tokens that are not dictionary words came from one
        # HMM stretch; where the port left a piece jieba would split, split the stretch
        # as jieba does.
        out: list[str] = []
        run: list[str] = []

        def flush() -> None:
            if run:
                if all(_hmm_split(t) == [t] for t in run):
                    out.extend(run)
                else:
                    out.extend(_hmm_split("".join(run)))
                run.clear()

        for token in tokens:
            if _SYMBOL_RUN.fullmatch(token) and (
                len(token) == 1 or not self._jieba.has_word(token)
            ):
                run.append(token)
            else:
                flush()
                out.append(token)
        flush()
        return out

    def add_word(self, word: str) -> None:
        """Keep `word` whole: give it the frequency that just beats its best split."""
        freq = self._jieba.suggest_freq(word)
        self._jieba.add_word(word, freq, None)
        self.added[word] = freq

    def remove_words(self, words: list[str]) -> None:
        """Forget these words: rebuild the dictionary and replay the other custom words."""
        # The Rust port cannot delete a word or report its old frequency; a fresh
        # dictionary (≈0.1 s) with the remaining words at their recorded frequencies
        # gives exactly the state as if the words had never been added.
        if not any(word in self.added for word in words):
            return
        for word in words:
            self.added.pop(word, None)
        fresh = self._new()
        for other, freq in self.added.items():
            fresh.add_word(other, freq, None)
        self._jieba = fresh


class _JiebaBackend(_Backend):
    """The reference segmenter (jieba, pure Python)."""

    name = "jieba"

    def __init__(self, tokenizer: Any | None = None) -> None:
        super().__init__()
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.tokenizer = tokenizer if tokenizer is not None else jieba.Tokenizer()
        self.tokenizer.initialize()
        self._previous: dict[str, int | None] = {}

    def cut(self, text: str) -> list[str]:
        """Precise-mode tokens, HMM on for unknown words."""
        return self.tokenizer.lcut(text)

    def cut_for_search(self, text: str) -> list[str]:
        """Search-mode tokens."""
        return self.tokenizer.lcut_for_search(text)

    def add_word(self, word: str) -> None:
        """Keep `word` whole: give it the frequency that just beats its best split."""
        tok = self.tokenizer
        freq = tok.suggest_freq(word, tune=False)
        old = tok.FREQ.get(word)
        tok.add_word(word, freq)
        # jieba adds the new frequency to the total without taking the old one off;
        # the Rust port replaces it. Replace here too, so both score paths alike.
        tok.total -= old or 0
        self._previous.setdefault(word, old)
        self.added[word] = freq

    def remove_words(self, words: list[str]) -> None:
        """Forget these words, restoring their dictionary frequencies (or absence)."""
        tok = self.tokenizer
        for word in words:
            if word not in self.added:
                continue
            freq = self.added.pop(word)
            old = self._previous.pop(word, None)
            tok.FREQ[word] = old or 0  # 0 keeps it out of the word graph, like no entry
            tok.total += (old or 0) - freq


def backend_name() -> str:
    """The segmenter in use on the hot path: "rjieba" or "jieba"."""
    return _get_backend().name


def _make_backend() -> _Backend:
    choice = os.environ.get(BACKEND_ENV, "").strip().lower()
    if choice == "jieba":
        return _keyword_segmenter()
    try:
        return _RJiebaBackend()
    except ImportError:  # an install without the binding still works, only slower
        return _keyword_segmenter()


def _get_backend() -> _Backend:
    if _backend is None:
        initialize()
    assert _backend is not None
    return _backend


def _keyword_segmenter() -> _JiebaBackend:
    """jieba's default tokenizer (keyword extraction uses it), with the custom words."""
    global _keyword_backend
    with _lock:
        if _keyword_backend is None:
            import jieba

            backend = _JiebaBackend(jieba.dt)
            for word in _custom_words:
                backend.add_word(word)
            _keyword_backend = backend
        return _keyword_backend


def initialize() -> None:
    """Load the dictionary (≈0.2 s). Safe to call from a background thread, and more than once.

    Building the Rust port's dictionary holds the GIL for ≈0.1 s even on a worker thread,
    so a window should start it after its first paint, not before.
    """
    global _backend
    if _ready.is_set():
        return
    with _lock:
        if not _ready.is_set():
            backend = _make_backend()
            for word in _custom_words:
                if word not in backend.added:
                    backend.add_word(word)
            _backend = backend
            _ready.set()


def is_ready() -> bool:
    """True once the dictionary is loaded."""
    return _ready.is_set()


def _backends() -> list[_Backend]:
    found: list[_Backend] = []
    for backend in (_backend, _keyword_backend):
        if backend is not None and all(backend is not b for b in found):
            found.append(backend)
    return found


def add_words(words: Iterable[str]) -> None:
    """Keep these words whole when segmenting (glossary terms and aliases)."""
    initialize()
    with _lock:
        for word in words:
            word = word.strip()
            if word and word not in _custom_words:
                for backend in _backends():
                    backend.add_word(word)
                _custom_words[word] = None


def remove_words(words: Iterable[str]) -> None:
    """Forget custom words added by `add_words`."""
    initialize()
    with _lock:
        gone = [word for word in dict.fromkeys(words) if word in _custom_words]
        if not gone:
            return
        for backend in _backends():
            backend.remove_words(gone)
        for word in gone:
            del _custom_words[word]


def custom_words() -> frozenset[str]:
    """The custom words currently in the dictionary."""
    return frozenset(_custom_words)


def words(text: str) -> list[str]:
    """Segment `text` into words (precise mode), dropping pure whitespace tokens."""
    backend = _get_backend()
    with _lock:  # the Rust dictionary must not change while it is being read
        tokens = backend.cut(text)
    if _SPACE.search(text) is None:  # most turns: no whitespace token to drop
        return tokens
    return [w for w in tokens if not w.isspace()]


def index_tokens(text: str) -> list[str]:
    """Tokens for the search index: search mode, so 普遍 is found inside 普遍存在."""
    backend = _get_backend()
    with _lock:
        tokens = backend.cut_for_search(text)
    if _SPACE.search(text) is None:
        return tokens
    return [w for w in tokens if w.strip()]


def reference_words(text: str) -> list[str]:
    """Segment `text` with jieba itself (`jieba.lcut`, custom words included): the reference."""
    backend = _keyword_segmenter()
    with _lock:
        return backend.cut(text)


def load_reference() -> None:
    """Load jieba's own dictionary now (keyword extraction and `reference_words` need it)."""
    _keyword_segmenter()


def keywords(text: str, top_k: int = 50, *, method: str = "tfidf") -> list[tuple[str, float]]:
    """Keyword candidates with weights, by jieba's TF-IDF or TextRank extraction."""
    initialize()
    _keyword_segmenter()
    import jieba.analyse

    if method == "textrank":
        return jieba.analyse.textrank(text, topK=top_k, withWeight=True)
    return jieba.analyse.extract_tags(text, topK=top_k, withWeight=True)


def tfidf_keywords(tokens: Iterable[str], top_k: int = 50) -> list[tuple[str, float]]:
    """`keywords(text, top_k)` (jieba's TF-IDF) from `words(text)`, already cut.

    jieba's extraction cuts the text again in pure Python (≈20 s for 5 MB); the tokens
    are the same, so this scores them with jieba's own IDF table and stop words instead.
    """
    import jieba.analyse

    extractor = jieba.analyse.default_tfidf
    stop, idf, median = extractor.stop_words, extractor.idf_freq, extractor.median_idf
    freq: dict[str, float] = {}
    for word in tokens:
        if len(word.strip()) >= 2 and word.lower() not in stop:
            freq[word] = freq.get(word, 0.0) + 1.0
    total = sum(freq.values())
    for word in freq:  # the same arithmetic as jieba, so the same weights and order
        freq[word] *= idf.get(word, median) / total
    return sorted(freq.items(), key=lambda item: item[1], reverse=True)[:top_k]


def tagged_words(text: str) -> list[Any]:
    """Words with jieba's part-of-speech tags (`jieba.posseg`): TextRank's input.

    Tagging is pure Python (≈0.1 ms a character); a caller tags a long text piece by piece,
    cut where `words` starts afresh, and hands the joined list to `textrank_keywords`.
    """
    _keyword_segmenter()
    import jieba.posseg

    with _lock:
        return jieba.posseg.dt.lcut(text)


class _Tagged:
    """Stands in for jieba's tagger: gives back words already tagged."""

    def __init__(self, tagged: list[Any]) -> None:
        self.tagged = tagged

    def cut(self, _text: str) -> list[Any]:
        """The tagged words, whatever the text."""
        return self.tagged


def textrank_keywords(tagged: list[Any], top_k: int = 50) -> list[tuple[str, float]]:
    """`keywords(text, top_k, method="textrank")` from `tagged_words(text)`, jieba's own ranking."""
    import copy

    import jieba.analyse

    ranker = copy.copy(jieba.analyse.default_textrank)  # its stop words and settings
    ranker.tokenizer = _Tagged(tagged)
    return ranker.textrank("", topK=top_k, withWeight=True)
