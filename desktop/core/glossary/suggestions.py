"""Suggest candidate jargon from a document or the whole study.

Candidates come from jieba's TF-IDF and TextRank keyword extraction and from words that
recur next to each other (算力 + 荒 -> 算力荒), minus existing terms and aliases, stop
words, speaker names and what the user dismissed. Each comes with its count and the first
sentence it appears in.

A 5 MB transcript takes a few seconds: every word is read for TF-IDF and the recurring
runs, while TextRank (jieba's pure-Python tagger) reads a sample spread over a long text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import resources
from typing import TYPE_CHECKING

from desktop.core import segment
from desktop.core.glossary import store
from desktop.core.glossary.commands import dismissed
from desktop.core.glossary.model import Term, new_term
from desktop.core.glossary.selection import SpeechSpans, example_note, example_sentence
from desktop.core.textnorm import Folded, fold, fold_with_map

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

STOPWORDS_RESOURCE = "stopwords.zh.txt"
_WORDLIKE = re.compile(r"^[\w.+#\-]+$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# A number beside Chinese (2019年, 200平米, 提供1, 约12) is a date, a quantity or a piece
# of a sentence, almost never jargon; a coinage like 200的500 is better added by hand.
_NUMBER_IN_CHINESE = re.compile(r"[0-9](?=.*[\u3400-\u9fff])|[\u3400-\u9fff](?=.*[0-9])")
# Where a long text may be cut: both segmenters start afresh after these characters.
_CUT = re.compile(r"[\n。！？!?]")
CHUNK_CHARS = 20_000  # segmented at a time (≈10 ms), so other threads get their turn
CHUNK_TOKENS = 100_000  # word runs counted at a time
TEXTRANK_SAMPLE_CHARS = 20_000  # tagged for TextRank (≈2 s)
TAG_CHARS = 1_500  # tagged at a time (≈0.15 s)
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


class _Steps:
    """Counts the steps of a long job and reports each to `progress(done, total)`."""

    def __init__(self, total: int, progress: Callable[[int, int], None] | None) -> None:
        self.done, self.total, self.progress = 0, max(total, 1), progress

    def __call__(self) -> None:
        self.done = min(self.done + 1, self.total - 1)  # `total` is an estimate
        if self.progress is not None:
            self.progress(self.done, self.total)

    def finish(self) -> None:
        """Report the job done."""
        if self.progress is not None:
            self.progress(self.total, self.total)


class _FoldedText:
    """A long text folded piece by piece (folding 5 MB in one call holds the interpreter
    for a sixth of a second), for finding where a folded word first occurs."""

    def __init__(self, text: str, checkpoint: Callable[[], None]) -> None:
        self.pieces: list[tuple[int, int, Folded]] = []  # (offset, length, folded)
        offset = 0
        for piece in _chunks(text):
            self.pieces.append((offset, len(piece), fold_with_map(piece)))
            offset += len(piece)
            checkpoint()

    def find(self, key: str) -> tuple[int, int] | None:
        """Where the first occurrence of folded `key` is in the text, or None."""
        for offset, length, folded in self.pieces:  # a piece ends where no word runs on
            at = folded.text.find(key)
            if at >= 0:
                return (offset + folded.source_offset(at, length),
                        offset + folded.source_offset(at + len(key), length))
        return None


def _chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """`text` in pieces of about `size` characters, each ending at a line or sentence end.

    Both segmenters start afresh at these characters, so the pieces' words are the whole
    text's words, and no candidate (letters, digits, .+#-) reaches across a cut.
    """
    pieces: list[str] = []
    start = 0
    while start < len(text):
        cut = _CUT.search(text, start + size)
        end = cut.end() if cut else len(text)
        pieces.append(text[start:end])
        start = end
    return pieces


def _spread_sample(text: str, budget: int = TEXTRANK_SAMPLE_CHARS, pieces: int = 32) -> str:
    """`text` itself when it is short, else `pieces` stretches from all over it, `budget`
    characters in all: the same for the same text (no randomness)."""
    if len(text) <= budget:
        return text
    step, width = len(text) / pieces, budget // pieces
    parts = []
    for k in range(pieces):
        start = int(k * step)
        if start:
            cut = _CUT.search(text, start)
            start = cut.end() if cut else len(text)
        cut = _CUT.search(text, min(start + width, len(text)))
        end = cut.end() if cut else len(text)
        parts.append(text[start:min(end, int((k + 1) * step))].strip("\n"))
    return "\n".join(p for p in parts if p)


def _word_kinds(tokens: list[str], stop: frozenset[str], known: set[str]) -> list[tuple | None]:
    """Per token: None when no compound may contain it, else (length, everyday?, ASCII?)."""
    kinds: dict[str, tuple | None] = {}
    for token in set(tokens):
        folded = fold(token)
        if (not _WORDLIKE.match(token) or folded in FUNCTION_WORDS  # 的大模型: grammar
                or folded in known):  # 大模型训练: a known word with another beside it
            kinds[token] = None
        else:
            kinds[token] = (len(token), folded in stop, token.isascii())
    return [kinds[t] for t in tokens]


def _collocations(tokens: list[str], stop: frozenset[str], known: set[str],
                  minimum: int = 3, checkpoint: Callable[[], None] | None = None) -> Counter:
    """Runs of 2-3 words that recur, joined (算力 + 荒 -> 算力荒), longest kept."""
    kinds = _word_kinds(tokens, stop, known)
    runs: Counter = Counter()
    last = len(tokens)
    for size in (2, 3):
        for begin in range(0, max(last - size + 1, 0), CHUNK_TOKENS):
            for i in range(begin, min(begin + CHUNK_TOKENS, last - size + 1)):
                a, b = kinds[i], kinds[i + 1]
                if a is None or b is None:
                    continue
                length, everyday, ascii_only = a[0] + b[0], a[1] and b[1], a[2] and b[2]
                if size == 3:
                    c = kinds[i + 2]
                    if c is None:
                        continue
                    length += c[0]
                    everyday, ascii_only = everyday and c[1], ascii_only and c[2]
                # 模型训练: everyday words side by side; GPT 4: no Chinese in it
                if not everyday and not ascii_only and 3 <= length <= 7:
                    runs["".join(tokens[i : i + size])] += 1
            if checkpoint is not None:
                checkpoint()
    frequent = {w: n for w, n in runs.items() if n >= minimum}
    # 基础大 inside 基础大模型 (as often) is only a piece of it: for each string, the most
    # often any longer frequent run holding it occurs.
    inside: dict[str, int] = {}
    for outer, count in frequent.items():
        for size in range(3, len(outer)):
            for i in range(len(outer) - size + 1):
                piece = outer[i : i + size]
                if inside.get(piece, 0) < count:
                    inside[piece] = count
    return Counter({w: n for w, n in frequent.items() if inside.get(w, 0) < n})


def _acceptable(word: str, excluded: set[str], names: list[str], stop: frozenset[str]) -> bool:
    key = fold(word)
    if len(key) < 2 or not _WORDLIKE.match(key) or not _HAS_LETTER.search(key):
        return False
    if _NUMBER_IN_CHINESE.search(key):
        return False
    if key in excluded or key in stop:
        return False
    # Parts of speaker names (jieba cuts 吴韶华 into 吴 / 韶华).
    return not any(key in name for name in names)


def suggest(db: Database, *, document_id: int | None = None, limit: int = 30,
            top_k: int = 120, min_count: int = 2,
            progress: Callable[[int, int], None] | None = None) -> list[Suggestion]:
    """Candidate jargon from one document (or the whole study), best first.

    The work goes in steps of at most a few tenths of a second (once jieba's dictionary
    is loaded); after each, `progress(done, total)` is called, so a caller can show how
    far it got, or stop the work by raising.
    """
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

    pieces = _chunks(corpus)
    tag_pieces = _chunks(_spread_sample(corpus), TAG_CHARS)
    token_chunks = 2 + len(corpus) // CHUNK_TOKENS  # a word is about two characters
    step = _Steps(3 * len(pieces) + len(tag_pieces) + token_chunks + 2, progress)

    tokens: list[str] = []
    for piece in pieces:
        tokens.extend(segment.words(piece))
        step()
    scores: dict[str, float] = {}
    methods: dict[str, list[str]] = {}

    def credit(word: str, value: float, method: str) -> None:
        if _acceptable(word, excluded, names, stop):
            scores[word] = scores.get(word, 0.0) + value
            methods.setdefault(word, []).append(method)

    # TF-IDF over every word; TextRank over a sample spread across a long text (jieba's
    # tagger is pure Python, ≈0.1 ms a character; the top words hardly move past it).
    for method in ("tfidf", "textrank"):
        if method == "tfidf":
            found = segment.tfidf_keywords(tokens, top_k)
        else:
            tagged: list = []
            for piece in tag_pieces:
                tagged.extend(segment.tagged_words(piece))
                step()
            found = segment.textrank_keywords(tagged, top_k)
        step()
        if found:
            best = max(w for _, w in found) or 1.0
            for word, weight in found:
                credit(word, weight / best, method)
    pairs = _collocations(tokens, stop, excluded, checkpoint=step)
    if pairs:
        most = max(pairs.values())
        for word, count in pairs.most_common(top_k):
            credit(word, 0.6 * count / most + 0.2, "frequency")

    folded_pieces = []
    for piece in pieces:
        folded_pieces.append(fold(piece))
        step()
    ranked: list[Suggestion] = []
    folded_docs: dict[int, _FoldedText] = {}
    spans: dict[int, SpeechSpans] = {}
    for word, score in scores.items():
        key = fold(word)
        count = sum(piece.count(key) for piece in folded_pieces)
        if count < max(1, min_count):
            continue
        example, where, start = "", None, None
        for doc_id, text in docs:
            folded = folded_docs.get(doc_id)
            if folded is None:  # folded once, not once per candidate
                folded = folded_docs[doc_id] = _FoldedText(text, step)
            span = folded.find(key)
            if span is not None:
                start = span[0]
                if doc_id not in spans:
                    spans[doc_id] = SpeechSpans(db, doc_id)
                example = example_sentence(db, doc_id, text, *span, spans=spans[doc_id])
                where = doc_id
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
    step.finish()
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
