"""How far each document has been studied: turns read, annotated, cards reviewed.

A turn counts as read once it has been on screen long enough to be read (the window
decides that and calls `mark_read`); "continue where I left off" opens the first turn
not read yet. Plain parameterised SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from desktop.core import library
from desktop.core.clock import now_iso
from desktop.core.review.deck import iso, now

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database


@dataclass(frozen=True)
class Progress:
    """One document's study so far."""

    document_id: int
    turns: int
    read: int
    annotated: int  # turns holding at least one annotation
    cards: int  # live cards made from the document (headlines, annotations)
    reviewed: int  # of those, reviewed at least once
    due: int = 0  # of those, due now

    @property
    def read_percent(self) -> int:
        return round(100 * self.read / self.turns) if self.turns else 0

    def as_dict(self) -> dict:
        return {**asdict(self), "read_percent": self.read_percent}


def mark_read(db: Database, document_id: int, turn_ids: Iterable[int]) -> int:
    """Record these turns of a document as read; how many were not read before."""
    ids = list(dict.fromkeys(turn_ids))
    if not ids:
        return 0
    stamp = now_iso()
    with db.atomic():
        before = db.conn.total_changes
        db.conn.executemany(
            "INSERT OR IGNORE INTO reading_progress (document_id, turn_id, read_at) "
            "VALUES (?, ?, ?)", [(document_id, turn_id, stamp) for turn_id in ids])
        return db.conn.total_changes - before


def read_turn_ids(db: Database, document_id: int) -> set[int]:
    """The ids of a document's turns read so far."""
    return {r[0] for r in db.execute(
        "SELECT turn_id FROM reading_progress WHERE document_id = ?", [document_id])}


def first_unread(db: Database, document_id: int) -> library.Turn | None:
    """The first turn of a document not read yet (None when every turn is read)."""
    read = read_turn_ids(db, document_id)
    return next((t for t in library.turns(db, document_id) if t.id not in read), None)


def document_progress(db: Database, document_id: int) -> Progress:
    """Turns read and annotated, and cards reviewed, of one document."""
    turns = db.execute("SELECT count(*) FROM turns WHERE document_id = ?",
                       [document_id]).fetchone()[0]
    read = db.execute(
        "SELECT count(*) FROM reading_progress p JOIN turns t ON t.id = p.turn_id "
        "AND t.document_id = p.document_id WHERE p.document_id = ?", [document_id]).fetchone()[0]
    annotated = db.execute(
        'SELECT count(DISTINCT t.id) FROM turns t JOIN annotations a ON a.document_id = '
        't.document_id AND a.start < t."end" AND a."end" > t.start WHERE t.document_id = ?',
        [document_id]).fetchone()[0]
    cards, reviewed, due = db.execute(
        "SELECT count(*), count(last_review), coalesce(sum(due <= ?), 0) FROM review_cards "
        "WHERE document_id = ? AND retired_at IS NULL",
        [iso(now()), document_id]).fetchone()
    return Progress(document_id, turns, read, annotated, cards, reviewed, due)


def all_progress(db: Database) -> dict[int, Progress]:
    """Every document's progress, by id."""
    return {d.id: document_progress(db, d.id) for d in library.list_documents(db)}
