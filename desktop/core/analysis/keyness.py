"""Distinctive words: the words one speaker uses markedly more than the others.

Each word's log-likelihood G² (Dunning 1993) compares its count in the speaker's words
(the target) with its count in everyone else's (the reference), over the 2 × 2 table of
the word and all other words in each: with a, b the word's counts and c, d the two
totals, G² = 2 Σ O ln(O/E) over the four cells, E being the count expected if the word
were used alike (c(a+b)/(c+d) for the first). G² ≥ 3.84 means p < 0.05 (one degree of
freedom), 6.63 p < 0.01, 10.83 p < 0.001, 15.13 p < 0.0001. Only words the target uses
more than the reference are listed, strongest first. Beside it, the log ratio (log₂ of
the ratio of relative frequencies, a zero count taken as 0.5) says how much more: 1 is
twice as often.

Stop words are left out: Yandu's glossary list of function words and everyday vocabulary,
and single-character particles; so are numbers. A glossary term is never left out, and
is marked.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from desktop.core.analysis import corpus
from desktop.core.analysis.corpus import NARRATION
from desktop.core.errors import YanduError
from desktop.core.textnorm import fold

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

# G² for p < 0.05 with one degree of freedom: the least a listed word must reach.
CRITICAL_05 = 3.84
MIN_COUNT = 3  # a word the target says fewer times is too rare to judge


@dataclass(frozen=True)
class Keyword:
    """A word the target uses more than the reference."""

    word: str
    count: int  # in the target
    reference_count: int
    log_likelihood: float  # G²
    log_ratio: float  # log₂ of the ratio of relative frequencies
    per_10k: float  # per 10,000 words of the target
    reference_per_10k: float
    is_term: bool = False  # a glossary term (or alias)

    def as_dict(self) -> dict:
        """JSON-ready values."""
        out = asdict(self)
        out["log_likelihood"] = round(self.log_likelihood, 2)
        out["log_ratio"] = round(self.log_ratio, 2)
        out["per_10k"] = round(self.per_10k, 1)
        out["reference_per_10k"] = round(self.reference_per_10k, 1)
        return out


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """Dunning's G² for a word seen `a` times in `c` words and `b` times in `d` words."""
    n = c + d
    if c <= 0 or d <= 0 or a + b == 0 or a > c or b > d:
        return 0.0
    total = 0.0
    for observed, row, column in ((a, a + b, c), (b, a + b, d),
                                  (c - a, n - a - b, c), (d - b, n - a - b, d)):
        if observed:
            total += observed * math.log(observed * n / (row * column))
    return 2 * total


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    """log₂((a/c)/(b/d)), a zero count taken as 0.5 (Hardie's log ratio)."""
    if c <= 0 or d <= 0:
        return 0.0
    return math.log2((max(a, 0.5) / c) / (max(b, 0.5) / d))


def stop_words() -> frozenset[str]:
    """The words left out of keyness: the glossary's stop list (already folded) and
    single-character particles."""
    from desktop.core.glossary.suggestions import FUNCTION_WORDS, stopwords

    return stopwords() | frozenset(FUNCTION_WORDS)


_fold = corpus.fold_word


def _kept(word: str, stop: frozenset[str], terms: frozenset[str]) -> bool:
    key = _fold(word)
    if key in terms:
        return True
    if key in stop or key.isdigit():
        return False
    return not all(ch.isdigit() or ch in ".,%" for ch in key)


def keywords(target: Counter[str], reference: Counter[str] | None = None, *,
             total: Counter[str] | None = None, terms: Iterable[str] = (),
             stop: frozenset[str] | None = None, min_count: int = MIN_COUNT,
             threshold: float = CRITICAL_05, limit: int | None = 100) -> list[Keyword]:
    """The words of `target` used markedly more than in `reference` (counts of words),
    strongest G² first; `terms` are glossary spellings (kept and marked). Instead of
    `reference`, `total` may give the counts of target and reference together."""
    stop = stop_words() if stop is None else stop
    term_keys = frozenset(_fold(t) for t in terms)
    c = sum(target.values())
    if reference is not None:
        d = sum(reference.values())
        other = reference.get
    else:
        assert total is not None
        d = sum(total.values()) - c
        whole = total.get

        def other(word: str, _default: int = 0) -> int:
            return whole(word, 0) - target[word]
    found: list[Keyword] = []
    for word, a in target.items():
        if a < min_count:
            continue
        b = other(word, 0)
        if d and a * d <= b * c:
            continue  # used as much or more by the others
        if not _kept(word, stop, term_keys):
            continue
        g2 = log_likelihood(a, b, c, d)
        if g2 < threshold:
            continue
        found.append(Keyword(word, a, b, g2, log_ratio(a, b, c, d), a * 10_000 / c,
                             b * 10_000 / d if d else 0.0, _fold(word) in term_keys))
    found.sort(key=lambda k: (-k.log_likelihood, -k.count, k.word))
    return found[:limit] if limit is not None else found


def word_counts(documents: list[corpus.Document]) -> dict[str, Counter[str]]:
    """Each speaker's word counts (speakers joined by folded name; narration under "")."""
    counts: dict[str, Counter[str]] = {}
    names: dict[str, str] = {}
    for doc in documents:
        speaker_names = doc.speaker_names()
        for turn, words in zip(doc.turns, corpus.turn_words(doc), strict=True):
            name = speaker_names.get(turn.speaker_id, NARRATION) if turn.speaker_id \
                else NARRATION
            key = fold(name)
            names.setdefault(key, name)
            counts.setdefault(names[key], Counter()).update(words)
    return counts


def speaker_keywords(db: Database, speaker: str, document_ids: list[int] | None = None, *,
                     limit: int | None = 100, include_narration: bool = False
                     ) -> list[Keyword]:
    """The words `speaker` uses markedly more than the other speakers of these documents
    (every document when None); YanduError when no such speaker speaks there."""
    from desktop.core.glossary.store import list_terms

    documents = corpus.load(db, document_ids)
    counts = word_counts(documents)
    key = fold(speaker.strip())
    target_name = next((n for n in counts if n and fold(n) == key), None)
    if target_name is None:
        raise YanduError(f"No speaker named {speaker!r} speaks there; see `yandu speakers DOC`.")
    reference: Counter[str] = Counter()
    for name, words in counts.items():
        if name != target_name and (name or include_narration):
            reference.update(words)
    terms = [form for term in list_terms(db) for form in term.forms]
    return keywords(counts[target_name], reference, terms=terms, limit=limit)


class Keyness:
    """Every speaker's word counts in some documents, read once; each speaker's
    distinctive words worked out when first asked for (against all the other speakers,
    narration left out)."""

    def __init__(self, db: Database, document_ids: list[int] | None = None) -> None:
        from desktop.core.glossary.store import list_terms

        self.counts = word_counts(corpus.load(db, document_ids))
        self.counts.pop(NARRATION, None)
        self.total: Counter[str] = Counter()
        for words in self.counts.values():
            self.total.update(words)
        self.terms = [form for term in list_terms(db) for form in term.forms]
        self._found: dict[tuple[str, int | None], list[Keyword]] = {}

    @property
    def speakers(self) -> list[str]:
        """The speakers, in order of first appearance."""
        return list(self.counts)

    def keywords(self, speaker: str, *, limit: int | None = 100) -> list[Keyword]:
        """The distinctive words of `speaker` (a name from `speakers`)."""
        key = (speaker, limit)
        if key not in self._found:
            self._found[key] = keywords(self.counts.get(speaker, Counter()), total=self.total,
                                        terms=self.terms, limit=limit)
        return self._found[key]


def all_speaker_keywords(db: Database, document_ids: list[int] | None = None, *,
                         limit: int | None = 100) -> dict[str, list[Keyword]]:
    """Every speaker's distinctive words (narration left out), by speaker name."""
    table = Keyness(db, document_ids)
    return {name: table.keywords(name, limit=limit) for name in table.speakers}
