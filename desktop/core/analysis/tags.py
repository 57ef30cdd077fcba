"""Tags across speakers and documents: how many annotations carry each tag per speaker,
which tags go together, and how many per document; each count keeps the annotations it
counts, so a cell can list them.

An annotation belongs to the speaker of the turn where its passage starts (as search does).
Two tags co-occur where annotations carrying them overlap (one passage shares a character
with the other; an annotation carrying both tags counts too) or share a turn (their
passages touch the same turn): `cooccurrence(..., by="overlap")` or `by="turn"`. A cell
of co-occurrence counts pairs of annotations (or, by turn, turns).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from db import annotations as annotation_rows
from db.annotations import Annotation
from desktop.core.analysis import corpus
from desktop.core.analysis.corpus import NARRATION

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

KINDS = ("speaker", "overlap", "turn", "document")


@dataclass
class Matrix:
    """Counts in rows × columns; each cell's annotations (ids) in reading order."""

    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], dict[str, None]] = field(default_factory=dict)
    counts: dict[tuple[str, str], int] = field(default_factory=dict)

    def count(self, row: str, column: str) -> int:
        return self.counts.get((row, column), 0)

    def annotations(self, row: str, column: str) -> list[str]:
        """The ids of the annotations counted in a cell."""
        return list(self.cells.get((row, column), ()))

    def add(self, row: str, column: str, annotation_ids: Iterable[str], n: int = 1) -> None:
        self.counts[(row, column)] = self.counts.get((row, column), 0) + n
        cell = self.cells.setdefault((row, column), {})
        for ann_id in annotation_ids:
            cell[ann_id] = None  # an ordered set: each annotation once, in order

    def table(self) -> tuple[list[str], list[list]]:
        """(header, rows) with the row name first, for CSV and Markdown."""
        return (["", *self.columns],
                [[r, *(self.count(r, c) for c in self.columns)] for r in self.rows])

    def as_dict(self) -> dict:
        return {"rows": self.rows, "columns": self.columns,
                "counts": [[self.count(r, c) for c in self.columns] for r in self.rows]}


@dataclass
class TagData:
    """A study's (or some documents') annotations with the speaker and turns of each."""

    annotations: dict[str, Annotation]
    speaker_of: dict[str, str]
    turns_of: dict[str, tuple[int, ...]]  # turn ids each passage touches
    speakers: list[str]
    documents: dict[int, str]

    def tags(self) -> list[str]:
        """Every tag in use, sorted (case-insensitively)."""
        return sorted({t for a in self.annotations.values() for t in a.tags}, key=str.casefold)


def load(db: Database, document_ids: list[int] | None = None) -> TagData:
    """The annotations of these documents (all when None) placed on turns and speakers."""
    documents = corpus.load(db, document_ids)
    annotations: dict[str, Annotation] = {}
    speaker_of: dict[str, str] = {}
    turns_of: dict[str, tuple[int, ...]] = {}
    speakers: dict[str, None] = {}
    for doc in documents:
        names = doc.speaker_names()
        for s in doc.speakers:
            speakers.setdefault(s.name)
        starts = [t.start for t in doc.turns]
        for ann in annotation_rows.for_document(db, doc.id):
            annotations[ann.id] = ann
            first = max(0, bisect.bisect_right(starts, ann.start) - 1)
            last = max(0, bisect.bisect_left(starts, ann.end) - 1)
            touched = [t for t in doc.turns[first:last + 1] if t.start < ann.end
                       and ann.start < t.end]
            turns_of[ann.id] = tuple(t.id for t in touched)
            owner = doc.turns[first] if doc.turns and doc.turns[first].start <= ann.start \
                < doc.turns[first].end else None
            speaker_of[ann.id] = (names.get(owner.speaker_id, NARRATION)
                                  if owner is not None and owner.speaker_id else NARRATION)
    names_list = [s for s in speakers]
    if NARRATION in speaker_of.values():
        names_list.append(NARRATION)
    return TagData(annotations, speaker_of, turns_of, names_list,
                   {d.id: d.title for d in documents})


def by_speaker(data: TagData) -> Matrix:
    """Tag × speaker: annotations carrying each tag, per speaker."""
    matrix = Matrix(data.tags(), list(data.speakers))
    for ann in data.annotations.values():
        for tag in ann.tags:
            matrix.add(tag, data.speaker_of[ann.id], [ann.id])
    return matrix


def by_document(data: TagData) -> Matrix:
    """Tag × document (columns are titles)."""
    titles = list(data.documents.values())
    matrix = Matrix(data.tags(), titles)
    for ann in data.annotations.values():
        for tag in ann.tags:
            matrix.add(tag, data.documents[ann.document_id], [ann.id])
    return matrix


def cooccurrence(data: TagData, by: str = "overlap") -> Matrix:
    """Tag × tag: pairs of annotations (the same one included) whose passages overlap
    (`by="overlap"`), or turns where both tags occur (`by="turn"`). Symmetric; the
    diagonal is left empty."""
    tags = data.tags()
    matrix = Matrix(tags, list(tags))
    if by == "turn":
        per_turn: dict[int, dict[str, list[str]]] = {}
        for ann in data.annotations.values():
            for turn_id in data.turns_of.get(ann.id, ()):
                for tag in ann.tags:
                    per_turn.setdefault(turn_id, {}).setdefault(tag, []).append(ann.id)
        for found in per_turn.values():
            for a, b in combinations(sorted(found, key=str.casefold), 2):
                ids = found[a] + found[b]
                matrix.add(a, b, ids)
                matrix.add(b, a, ids)
        return matrix
    if by != "overlap":
        raise ValueError(f"by must be 'overlap' or 'turn', not {by!r}")
    by_doc: dict[int, list[Annotation]] = {}
    for ann in data.annotations.values():
        if ann.tags:
            by_doc.setdefault(ann.document_id, []).append(ann)
    for anns in by_doc.values():
        anns.sort(key=lambda a: (a.start, a.end))
        for i, first in enumerate(anns):
            _pair(matrix, first, first)
            for second in anns[i + 1:]:
                if second.start >= first.end:
                    break  # sorted by start: no later one overlaps `first`
                _pair(matrix, first, second)
    return matrix


def _pair(matrix: Matrix, first: Annotation, second: Annotation) -> None:
    pairs = set()
    for a in first.tags:
        for b in second.tags:
            if a.casefold() != b.casefold():
                pairs.add(tuple(sorted((a, b), key=str.casefold)))
    ids = [first.id] if first.id == second.id else [first.id, second.id]
    for a, b in pairs:
        matrix.add(a, b, ids)
        matrix.add(b, a, ids)


def matrix(data: TagData, kind: str) -> Matrix:
    """The matrix of `kind`: one of KINDS."""
    if kind == "speaker":
        return by_speaker(data)
    if kind == "document":
        return by_document(data)
    if kind in ("overlap", "turn"):
        return cooccurrence(data, kind)
    raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
