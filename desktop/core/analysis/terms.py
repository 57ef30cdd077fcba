"""Glossary terms in the talk: how often each term (with its aliases) occurs, by speaker
and by document, and where in each document its occurrences fall (a dispersion plot).

Occurrences are the glossary's own marks (the matcher the reading view underlines with:
folded text, longest spelling first: 算力 inside 算力荒 counts for 算力荒), each given to
the speaker of the turn it lies in.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.core.analysis import corpus
from desktop.core.analysis.corpus import NARRATION

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

    from desktop.core.glossary.model import Term


@dataclass
class TermFrequency:
    """One term's occurrences."""

    term_id: str
    term: str
    count: int = 0
    by_speaker: Counter[str] = field(default_factory=Counter)  # narration under ""
    by_document: Counter[int] = field(default_factory=Counter)
    # Per document: (offset, speaker) of each occurrence in reading order.
    places: dict[int, list[tuple[int, str]]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """JSON-ready values."""
        return {"term_id": self.term_id, "term": self.term, "count": self.count,
                "by_speaker": dict(self.by_speaker),
                "by_document": {str(k): v for k, v in self.by_document.items()},
                "places": {str(k): [list(p) for p in v] for k, v in self.places.items()}}


@dataclass
class TermTable:
    """Every term that occurs, most frequent first, and what the places are out of."""

    terms: list[TermFrequency]
    speakers: list[str]  # in order of first appearance; narration last if it has terms
    documents: dict[int, str]  # id -> title
    lengths: dict[int, int]  # id -> length of the document's text (code points)

    def term(self, name: str) -> TermFrequency | None:
        """The row of the term so spelled, or None."""
        return next((t for t in self.terms if t.term == name), None)


def term_frequencies(db: Database, document_ids: list[int] | None = None,
                     terms: list[Term] | None = None) -> TermTable:
    """Counts and places of the study's glossary terms (or `terms`) in these documents."""
    from desktop.core.glossary.matcher import build_matcher
    from desktop.core.glossary.store import list_terms
    from desktop.core.library import document_text

    terms = list_terms(db) if terms is None else terms
    names = {t.id: t.term for t in terms}
    documents = corpus.load(db, document_ids)
    rows: dict[str, TermFrequency] = {}
    speakers: dict[str, None] = {}
    lengths: dict[int, int] = {}
    matcher = build_matcher(terms) if terms else None
    for doc in documents:
        text = document_text(db, doc.id)
        lengths[doc.id] = len(text)
        speaker_names = doc.speaker_names()
        for s in doc.speakers:
            speakers.setdefault(s.name)
        if matcher is None:
            continue
        marks = matcher.find(text)
        starts = [t.start for t in doc.turns]
        turn_speakers = [speaker_names.get(t.speaker_id, NARRATION) if t.speaker_id
                         else NARRATION for t in doc.turns]
        ends = [t.end for t in doc.turns]
        for start, term_id in zip(marks.starts.tolist(), marks.term_ids.tolist(),
                                  strict=True):
            i = bisect.bisect_right(starts, start) - 1
            speaker = turn_speakers[i] if i >= 0 and start < ends[i] else NARRATION
            row = rows.get(term_id)
            if row is None:
                row = rows[term_id] = TermFrequency(term_id, names.get(term_id, term_id))
            row.count += 1
            row.by_speaker[speaker] += 1
            row.by_document[doc.id] += 1
            row.places.setdefault(doc.id, []).append((start, speaker))
    ordered = sorted(rows.values(), key=lambda r: (-r.count, r.term))
    speaker_list = [s for s in speakers if s != NARRATION]
    if any(r.by_speaker.get(NARRATION) for r in ordered):
        speaker_list.append(NARRATION)
    return TermTable(ordered, speaker_list, {d.id: d.title for d in documents}, lengths)
