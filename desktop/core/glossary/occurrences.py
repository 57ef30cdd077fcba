"""Where a term appears across the study: by document, then by speaker, with context."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from desktop.core.glossary.matcher import build_matcher
from desktop.core.glossary.model import Term
from desktop.core.library import index_at, turn_number

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

CONTEXT = 24  # code points of context on each side


@dataclass(frozen=True)
class Occurrence:
    """One place a term (or alias) is written: documents.text[start:end] of one document."""

    document_id: int
    turn_id: int | None
    speaker_id: int | None
    speaker: str
    start: int
    end: int
    matched: str
    before: str
    after: str
    turn_number: int | None = None  # as the window numbers turns; `turn_id` is a database id


@dataclass(frozen=True)
class SpeakerOccurrences:
    """A speaker's occurrences of the term in one document ('' is narration)."""

    speaker_id: int | None
    speaker: str
    count: int
    occurrences: tuple[Occurrence, ...]


@dataclass(frozen=True)
class DocumentOccurrences:
    """The occurrences in one document, grouped by speaker in order of appearance."""

    document_id: int
    title: str
    count: int
    speakers: tuple[SpeakerOccurrences, ...]


@dataclass(frozen=True)
class TermOccurrences:
    """Every occurrence of one term across the study."""

    term_id: str
    term: str
    count: int
    documents: tuple[DocumentOccurrences, ...] = field(default=())

    def counts_by_speaker(self) -> dict[str, int]:
        """Occurrences per speaker name over the whole study ('' is narration)."""
        counts: dict[str, int] = {}
        for doc in self.documents:
            for sp in doc.speakers:
                counts[sp.speaker] = counts.get(sp.speaker, 0) + sp.count
        return counts

    def as_dict(self) -> dict:
        """A JSON-ready dict."""
        return asdict(self)


def _clip(text: str) -> str:
    return " ".join(text.split())


def find_occurrences(db: Database, term: Term, *, document_id: int | None = None
                     ) -> TermOccurrences:
    """Every place `term` or one of its aliases appears (also inside longer terms)."""
    matcher = build_matcher([term])
    docs = db.execute(
        "SELECT id, title, text FROM documents" + (" WHERE id = ?" if document_id else "")
        + " ORDER BY id", [document_id] if document_id else []).fetchall()
    groups: list[DocumentOccurrences] = []
    total = 0
    for doc_id, title, text in docs:
        matches = matcher.find(text)
        if not matches:
            continue
        turns = db.execute(
            'SELECT t.id, t.start, t."end", t.speaker_id, coalesce(s.name, \'\'), '
            "coalesce(s.position, -1), t.position FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id "
            "WHERE t.document_id = ? ORDER BY t.start", [doc_id]).fetchall()
        starts = [t[1] for t in turns]
        by_speaker: dict[int | None, list[Occurrence]] = {}
        names: dict[int | None, tuple[str, int]] = {None: ("", 1 << 30)}
        for m in matches:
            i = index_at(starts, m.start)
            turn = turns[i] if i >= 0 and turns[i][1] <= m.start < turns[i][2] else None
            speaker_id = turn[3] if turn else None
            if turn and speaker_id is not None:
                names[speaker_id] = (turn[4], turn[5])
            by_speaker.setdefault(speaker_id, []).append(Occurrence(
                document_id=doc_id, turn_id=turn[0] if turn else None, speaker_id=speaker_id,
                speaker=names[speaker_id][0] if speaker_id in names else "",
                start=m.start, end=m.end, matched=m.matched,
                before=_clip(text[max(0, m.start - CONTEXT): m.start]),
                after=_clip(text[m.end: m.end + CONTEXT]),
                turn_number=turn_number(turn[6]) if turn else None))
        speakers = tuple(
            SpeakerOccurrences(sid, names[sid][0], len(occ), tuple(occ))
            for sid, occ in sorted(by_speaker.items(), key=lambda kv: names[kv[0]][1]))
        groups.append(DocumentOccurrences(doc_id, title, len(matches), speakers))
        total += len(matches)
    return TermOccurrences(term.id, term.term, total, tuple(groups))
