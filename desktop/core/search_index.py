"""Keeps the full-text index in step with turns and annotation notes.

The FTS5 tables hold folded text (see `textnorm`) segmented by jieba (see `segment`),
tokens joined by spaces, because FTS5 itself cannot find words inside Chinese runs.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from desktop.core import segment, textnorm


def tokens_for(text: str) -> str:
    """The space-joined index tokens for `text`."""
    return " ".join(segment.index_tokens(textnorm.fold(text)))


def index_turns(db: Database, turns: Iterable[tuple[int, str]]) -> None:
    """Index (turn id, text) pairs; call inside the import transaction."""
    db.conn.executemany(
        "INSERT INTO turn_index (rowid, tokens) VALUES (?, ?)",
        ((turn_id, tokens_for(text)) for turn_id, text in turns),
    )


def unindex_document(db: Database, document_id: int) -> None:
    """Drop a document's turns from the index (before the turns themselves go)."""
    db.execute(
        "DELETE FROM turn_index WHERE rowid IN (SELECT id FROM turns WHERE document_id = ?)",
        [document_id],
    )


def index_annotation(db: Database, annotation_id: str, note: str, quote: str = "") -> None:
    """(Re)index one annotation's note and tags-free text."""
    unindex_annotation(db, annotation_id)
    db.execute(
        "INSERT INTO annotation_index (annotation_id, tokens) VALUES (?, ?)",
        [annotation_id, tokens_for(note)],
    )


def unindex_annotation(db: Database, annotation_id: str) -> None:
    """Remove one annotation from the index."""
    db.execute("DELETE FROM annotation_index WHERE annotation_id = ?", [annotation_id])


def reindex_all(db: Database) -> None:
    """Rebuild both indexes from the tables (after the segmenter's dictionary changes)."""
    with db.atomic():
        db.execute("DELETE FROM turn_index")
        db.execute("DELETE FROM annotation_index")
        index_turns(db, db.execute("SELECT id, text FROM turns"))
        for ann_id, note in db.execute("SELECT id, note FROM annotations").fetchall():
            index_annotation(db, ann_id, note)
