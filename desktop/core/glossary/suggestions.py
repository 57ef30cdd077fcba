"""Suggest candidate jargon from a document or the whole study.

Candidates come from jieba's TF-IDF and TextRank keyword extraction and from words that
recur next to each other (算力 + 荒 -> 算力荒), minus existing terms and aliases, stop
words, speaker names and what the user dismissed. Each comes with its count and the first
sentence it appears in.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import asdict, dataclass
from importlib import resources
from typing import TYPE_CHECKING

from desktop.core import segment
from desktop.core.glossary import store
from desktop.core.glossary.commands import dismissed
from desktop.core.glossary.model import Term, new_term
from desktop.core.glossary.selection import example_note, sentence_around
from desktop.core.textnorm import Folded, fold, fold_with_map

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

STOPWORDS_RESOURCE = "stopwords.zh.txt"
_WORDLIKE = re.compile(r"^[\w.+#\-]+$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# Single characters and particles that glue onto words without making a compound.
FUNCTION_WORDS = frozenset(
    "的地得了着过是在和与及或而并把被让给对从向往为以于由将会能要可去来到说做用有没不也都就才又还很"
    "更最这那个些等上下中里之其多少每各该此好如若则但即吗呢吧啊我你他她它们一二两几哪谁么"
)


@dataclass(frozen=True)
class Suggestion:
    """A candidate term: how often it occurs, why it was picked, and where to see it."""

    candidate: str
    count: int
    score: float
    methods: tuple[str, ...]
    example: str
    document_id: int | None
    start: int | None  # code points into the document's text, for jumping there

    def as_dict(self) -> dict:
        """A JSON-ready dict."""
        return asdict(self)


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words never suggested (function words and everyday vocabulary)."""
    text = resources.files("resources").joinpath("glossary", STOPWORDS_RESOURCE).read_text(
        encoding="utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        if not line.startswith("#"):
            words.update(fold(w) for w in line.split())
    return frozenset(words)


def _documents(db: Database, document_id: int | None) -> list[tuple[int, str]]:
    sql = "SELECT id, text FROM documents" + (" WHERE id = ?" if document_id else "")
    return db.execute(sql + " ORDER BY id", [document_id] if document_id else []).fetchall()


def _speech(db: Database, document_id: int, text: str) -> str:
    """A document's speech without speaker labels (names would crowd the keywords)."""
    turns = db.execute(
        "SELECT text_start, text_end, headline_start, headline_end FROM turns "
        "WHERE document_id = ? ORDER BY position", [document_id]).fetchall()
    if not turns:
        return text
    parts = []
    for ts, te, hs, he in turns:
        if he > hs:
            parts.append(text[hs:he])
        parts.append(text[ts:te])
    return "\n".join(parts)


def _collocations(text: str, stop: frozenset[str], known: set[str],
                  minimum: int = 3) -> Counter:
    """Runs of 2-3 words that recur, joined (算力 + 荒 -> 算力荒), longest kept."""
    tokens = segment.words(text)
    runs: Counter = Counter()
    for size in (2, 3):
        for i in range(len(tokens) - size + 1):
            parts = tokens[i : i + size]
            if not all(_WORDLIKE.match(p) for p in parts):
                continue
            folded = [fold(p) for p in parts]
            if any(f in FUNCTION_WORDS for f in folded):
                continue  # 的大模型, 算力的: grammar, not a compound
            generic = [f in stop or f in known for f in folded]
            if all(generic) or any(f in known for f in folded):
                continue  # 模型训练, 大模型训练: everyday or known words side by side
            joined = "".join(parts)
            if 3 <= len(joined) <= 7 and not all(p.isascii() for p in parts):
                runs[joined] += 1
    frequent = {w: n for w, n in runs.items() if n >= minimum}
    # 基础大 inside 基础大模型 (as often) is only a piece of it.
    return Counter({w: n for w, n in frequent.items()
                    if not any(w != o and w in o and m >= n for o, m in frequent.items())})


def _acceptable(word: str, excluded: set[str], names: list[str], stop: frozenset[str]) -> bool:
    key = fold(word)
    if len(key) < 2 or not _WORDLIKE.match(key) or not _HAS_LETTER.search(key):
        return False
    if key in excluded or key in stop:
        return False
    # Parts of speaker names (jieba cuts 吴韶华 into 吴 / 韶华).
    return not any(key in name for name in names)


def suggest(db: Database, *, document_id: int | None = None, limit: int = 30,
            top_k: int = 120, min_count: int = 2) -> list[Suggestion]:
    """Candidate jargon from one document (or the whole study), best first."""
    docs = _documents(db, document_id)
    if not docs:
        return []
    speeches = {doc_id: _speech(db, doc_id, text) for doc_id, text in docs}
    corpus = "\n".join(speeches.values())
    stop = stopwords()
    excluded = {f for t in store.list_terms(db) for f in t.folded_forms()} | dismissed(db)
    names = [fold(r[0]) for r in db.execute(
        "SELECT DISTINCT name FROM speakers" + (" WHERE document_id = ?" if document_id else ""),
        [document_id] if document_id else [])]

    scores: dict[str, float] = {}
    methods: dict[str, list[str]] = {}

    def credit(word: str, value: float, method: str) -> None:
        if _acceptable(word, excluded, names, stop):
            scores[word] = scores.get(word, 0.0) + value
            methods.setdefault(word, []).append(method)

    for method in ("tfidf", "textrank"):
        found = segment.keywords(corpus, top_k, method=method)
        if found:
            best = max(w for _, w in found) or 1.0
            for word, weight in found:
                credit(word, weight / best, method)
    pairs = _collocations(corpus, stop, excluded)
    if pairs:
        most = max(pairs.values())
        for word, count in pairs.most_common(top_k):
            credit(word, 0.6 * count / most + 0.2, "frequency")

    folded_corpus = fold(corpus)
    ranked: list[Suggestion] = []
    folded_docs: dict[int, Folded] = {}
    for word, score in scores.items():
        count = folded_corpus.count(fold(word))
        if count < max(1, min_count):
            continue
        example, where, start = "", None, None
        for doc_id, text in docs:
            folded = folded_docs.setdefault(doc_id, fold_with_map(text))
            at = folded.text.find(fold(word))
            if at >= 0:
                start = folded.source_offset(at, len(text))
                end = folded.source_offset(at + len(fold(word)), len(text))
                example, where = sentence_around(text, start, end), doc_id
                break
        ranked.append(Suggestion(word, count, round(score, 4), tuple(methods[word]),
                                 example, where, start))
    ranked.sort(key=lambda s: (-s.score, -s.count, s.candidate))
    # Two spellings of one word (GPT4, gpt4) are one candidate.
    seen: set[str] = set()
    unique = []
    for s in ranked:
        key = fold(s.candidate)
        if key not in seen:
            seen.add(key)
            unique.append(s)
    return unique[:limit]


def term_from_suggestion(db: Database, suggestion: Suggestion) -> Term:
    """The new term that accepting `suggestion` adds (run it with AddTerm), example in notes."""
    notes = ""
    if suggestion.example:
        title = ""
        if suggestion.document_id is not None:
            row = db.execute("SELECT title FROM documents WHERE id = ?",
                             [suggestion.document_id]).fetchone()
            title = row[0] if row else ""
        notes = example_note(suggestion.example, title)
    return new_term(suggestion.candidate, notes=notes)
