"""Glossary terms in the talk: how often each term (with its aliases) occurs, by speaker
and by document, and where in each document its occurrences fall (a dispersion plot).

Occurrences are the glossary's own marks (the matcher the reading view underlines with:
folded text, longest spelling first: 算力 inside 算力荒 counts for 算力荒), each given to
the speaker of the turn it lies in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

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
    names_by_id = {t.id: t.term for t in terms}
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
        if not len(marks):
            continue
        # Array work: a 5 MB transcript holds tens of thousands of marks.
        turn_starts = np.fromiter((t.start for t in doc.turns), np.int64, len(doc.turns))
        turn_ends = np.fromiter((t.end for t in doc.turns), np.int64, len(doc.turns))
        names = [NARRATION, *dict.fromkeys(speaker_names.values())]
        index_of = {name: i for i, name in enumerate(names)}
        turn_speaker = np.fromiter(
            (index_of[speaker_names.get(t.speaker_id, NARRATION)] if t.speaker_id else 0
             for t in doc.turns), np.int64, len(doc.turns))
        starts = marks.starts
        at = np.searchsorted(turn_starts, starts, side="right") - 1
        inside = (at >= 0) & (starts < turn_ends[np.maximum(at, 0)])
        who = np.where(inside, turn_speaker[np.maximum(at, 0)], 0)
        ids, term_index = np.unique(marks.term_ids.astype(str), return_inverse=True)
        order = np.argsort(term_index, kind="stable")
        bounds = np.searchsorted(term_index[order], np.arange(len(ids) + 1))
        for k, term_id in enumerate(ids.tolist()):
            chosen = order[bounds[k]:bounds[k + 1]]
            row = rows.get(term_id)
            if row is None:
                row = rows[term_id] = TermFrequency(term_id, names_by_id.get(term_id, term_id))
            speakers_here = who[chosen]
            counts = np.bincount(speakers_here, minlength=len(names))
            for i in np.flatnonzero(counts).tolist():
                row.by_speaker[names[i]] += int(counts[i])
            row.count += len(chosen)
            row.by_document[doc.id] += len(chosen)
            row.places[doc.id] = list(zip(starts[chosen].tolist(),
                                          [names[i] for i in speakers_here.tolist()],
                                          strict=True))
    ordered = sorted(rows.values(), key=lambda r: (-r.count, r.term))
    speaker_list = [s for s in speakers if s != NARRATION]
    if any(r.by_speaker.get(NARRATION) for r in ordered):
        speaker_list.append(NARRATION)
    return TermTable(ordered, speaker_list, {d.id: d.title for d in documents}, lengths)
