"""Write a parsed transcript into a study: one transaction, search index included."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from db import ids
from desktop.core import search_index
from desktop.core.clock import now_iso
from desktop.core.importing.model import ParsedTranscript

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

Progress = Callable[[int, int], None]
_BATCH = 500


def sha256_of(data: bytes) -> str:
    """The hex sha256 of source bytes (how duplicates are recognised)."""
    return hashlib.sha256(data).hexdigest()


def find_duplicate(db: Database, sha256: str) -> int | None:
    """The id of the document imported from the same bytes, or None."""
    row = db.execute("SELECT id FROM documents WHERE source_sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def store(db: Database, parsed: ParsedTranscript, *, source_name: str, sha256: str,
          progress: Progress | None = None) -> int:
    """Insert the document, speakers, sections, turns and their index rows; return its id.

    Nothing of the import is visible until it is all there, and on any failure (or if the
    process is killed) the study is left as it was. The write lock is only ever held
    briefly, so that a save in the window (or `yandu annotate`) never waits long:

    1. the turns are segmented for the index before anything is written (most of an
       import's time);
    2. their index rows are written in short transactions, under turn ids reserved for
       them, which searches leave out until the turns exist (`search_index.begin_staging`);
    3. the document, speakers, sections and turns are written in one last transaction;
    4. the index's new segments are merged, a short transaction a step.

    Inside a transaction the caller holds, all of it is written in that transaction.
    """
    total = len(parsed.turns)
    # Progress counts 9 steps a turn for segmenting and 1 for writing.
    steps = 10 * total
    if progress is not None:
        progress(0, steps)
    tokens: list[str] = []
    # A batch of turns at a time: their tokens are worked out together, as arrays.
    for start in range(0, total, _BATCH):
        tokens += search_index.turn_tokens_many(
            (parsed.headline(t), parsed.turn_text(t)) for t in parsed.turns[start:start + _BATCH])
        if progress is not None:
            progress(9 * len(tokens), steps)
    if db.conn.in_transaction:
        with db.atomic():
            doc_id, turn_ids = _write_rows(db, parsed, source_name, sha256)
            with search_index.bulk_turn_writes(db, doc_id):
                search_index.write_turn_tokens(db, list(zip(turn_ids, tokens, strict=True)))
        _done(progress, steps)
        return doc_id
    run = search_index.begin_staging(db, total)
    try:
        written = 0
        while written < total:
            end = _chunk_end(tokens, written)
            with db.atomic():
                search_index.stage_turn_tokens(
                    db, run, [(run.first_turn + p, tokens[p]) for p in range(written, end)])
            written = end
            # A moment between two transactions: a save waiting for the lock takes it.
            time.sleep(_GAP_SECONDS)
            if progress is not None:
                progress(9 * total + written, steps)
        with db.atomic():
            doc_id, _ = _write_rows(db, parsed, source_name, sha256,
                                    first_turn_id=run.first_turn)
            search_index.finish_staging(db, run)
    except BaseException:
        search_index.abandon_staging(db, run)
        raise
    search_index.drop_staged_tokens(db, run)
    search_index.merge_after_import(db, doc_id)
    _give_back_free_pages(db)
    _done(progress, steps)
    return doc_id


# Index rows written in one short transaction: about this many characters of tokens
# (a transaction of them takes some tens of milliseconds).
_CHUNK_CHARS = 200_000


_GAP_SECONDS = 0.003


def _give_back_free_pages(db: Database, pages_per_step: int = 2000) -> None:
    """Give back the pages the index's merge and the kept tokens freed (a study made by
    this version vacuums incrementally; for an older one this does nothing), a short
    transaction a step. Run as a script: the pragma frees one page a step of its
    statement, and only a script steps it to the end."""
    while db.execute("PRAGMA freelist_count").fetchone()[0] > 0:
        before = db.execute("PRAGMA freelist_count").fetchone()[0]
        db.conn.executescript(f"PRAGMA incremental_vacuum({int(pages_per_step)});")
        time.sleep(_GAP_SECONDS)
        if db.execute("PRAGMA freelist_count").fetchone()[0] >= before:
            return  # not an incrementally vacuumed study


def _chunk_end(tokens: list[str], start: int) -> int:
    size = 0
    end = start
    while end < len(tokens) and (size < _CHUNK_CHARS or end == start):
        size += len(tokens[end])
        end += 1
    return end


def _done(progress: Progress | None, steps: int) -> None:
    if progress is not None:
        progress(steps, steps)


def _write_rows(db: Database, parsed: ParsedTranscript, source_name: str, sha256: str,
                first_turn_id: int | None = None) -> tuple[int, list[int]]:
    """Write the document and its rows (no index); return its id and its turns' ids,
    numbered from `first_turn_id` when given."""
    doc_id = db.execute(
        "INSERT INTO documents (id, title, source_name, source_sha256, encoding, format, "
        "text, imported_at, kind, import_report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [ids.next_id(db, "documents"), parsed.title, source_name, sha256, parsed.encoding, parsed.format, parsed.text,
         now_iso(), parsed.kind, json.dumps(dataclasses.asdict(parsed.layout))],
    ).lastrowid
    if parsed.source is not None:
        db.execute("INSERT INTO document_sources (document_id, data) VALUES (?, ?)",
                   [doc_id, parsed.source])
    db.conn.executemany(
        "INSERT INTO source_marks (id, document_id, at, page, line, time_ms) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(mark_id, doc_id, m.offset, m.page, m.line, m.time_ms) for mark_id, m
         in zip(ids.next_ids(db, "source_marks", len(parsed.marks)), parsed.marks,
                strict=True)],
    )
    speaker_ids: dict[str, int] = {}
    for position, speaker in enumerate(parsed.speakers):
        speaker_ids[speaker.name] = db.execute(
            "INSERT INTO speakers (id, document_id, position, name, role, colour, "
            "is_moderator) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [ids.next_id(db, "speakers"), doc_id, position, speaker.name, speaker.role, speaker.colour,
             int(speaker.is_moderator)],
        ).lastrowid
    section_ids = [
        db.execute(
            "INSERT INTO sections (id, document_id, position, title) VALUES (?, ?, ?, ?)",
            [ids.next_id(db, "sections"), doc_id, position, section.title],
        ).lastrowid
        for position, section in enumerate(parsed.sections)
    ]
    section_of = parsed.section_of()
    if first_turn_id is None:  # the next ids, as SQLite gives them
        first_turn_id = ids.next_id(db, "turns") or db.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM turns").fetchone()[0]
    turn_ids = [first_turn_id + position for position in range(len(parsed.turns))]
    rows = []
    for position, turn in enumerate(parsed.turns):
        section = section_of[position]
        rows.append((
            turn_ids[position], doc_id, position,
            speaker_ids[turn.speaker] if turn.speaker is not None else None,
            section_ids[section] if section is not None else None,
            turn.start, turn.end, turn.label, parsed.headline(turn), turn.text_start,
            turn.text_end, parsed.turn_text(turn), turn.cue_start_ms, turn.cue_end_ms,
            turn.headline_start, turn.headline_end))
    db.conn.executemany(
        'INSERT INTO turns (id, document_id, position, speaker_id, section_id, start, "end", '
        "label, headline, text_start, text_end, text, cue_start_ms, cue_end_ms, "
        "headline_start, headline_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows)
    return doc_id, turn_ids
