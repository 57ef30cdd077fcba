"""The one place that talks to the Chinese segmenter (jieba).

Everything that splits text into words (search index, queries, keyword suggestions,
glossary words) comes through here, so the dictionary and its custom words agree.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

import jieba
import jieba.analyse

jieba.setLogLevel(logging.WARNING)

_lock = threading.RLock()
_ready = threading.Event()
_custom_words: set[str] = set()


def initialize() -> None:
    """Load the dictionary (≈0.7 s). Safe to call from a background thread, and more than once."""
    if _ready.is_set():
        return
    with _lock:
        if not _ready.is_set():
            jieba.initialize()
            _ready.set()


def is_ready() -> bool:
    """True once the dictionary is loaded."""
    return _ready.is_set()


def add_words(words: Iterable[str]) -> None:
    """Keep these words whole when segmenting (glossary terms and aliases)."""
    initialize()
    with _lock:
        for word in words:
            word = word.strip()
            if word and word not in _custom_words:
                jieba.add_word(word, freq=None)
                # add_word alone does not beat a strong split; suggest_freq makes it stick.
                jieba.suggest_freq(word, tune=True)
                _custom_words.add(word)


def remove_words(words: Iterable[str]) -> None:
    """Forget custom words added by `add_words`."""
    initialize()
    with _lock:
        for word in words:
            if word in _custom_words:
                jieba.del_word(word)
                _custom_words.discard(word)


def custom_words() -> frozenset[str]:
    """The custom words currently in the dictionary."""
    return frozenset(_custom_words)


def words(text: str) -> list[str]:
    """Segment `text` into words (precise mode), dropping pure whitespace tokens."""
    initialize()
    return [w for w in jieba.lcut(text) if not w.isspace()]


def index_tokens(text: str) -> list[str]:
    """Tokens for the search index: search mode, so 普遍 is found inside 普遍存在."""
    initialize()
    return [w for w in jieba.lcut_for_search(text) if w.strip()]


def keywords(text: str, top_k: int = 50, *, method: str = "tfidf") -> list[tuple[str, float]]:
    """Keyword candidates with weights, by jieba's TF-IDF or TextRank extraction."""
    initialize()
    if method == "textrank":
        return jieba.analyse.textrank(text, topK=top_k, withWeight=True)
    return jieba.analyse.extract_tags(text, topK=top_k, withWeight=True)
