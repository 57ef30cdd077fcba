"""Write a parsed transcript into a study: one transaction, search index included."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

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

    Everything is written in one transaction (a savepoint when the caller already holds
    one): on any failure the study is left exactly as it was. The turns are segmented
    for the index first, before the study is locked: that is most of an import's time,
    and the window (or another program) can go on saving meanwhile.
    """
    total = len(parsed.turns)
    # Progress counts 9 steps a turn for segmenting and 1 for writing.
    steps = 10 * total
    if progress is not None:
        progress(0, steps)
    tokens: list[str] = []
    for position, turn in enumerate(parsed.turns):
        tokens.append(search_index.turn_tokens(parsed.headline(turn), parsed.turn_text(turn)))
        if progress is not None and (position + 1) % _BATCH == 0:
            progress(9 * (position + 1), steps)
    with db.atomic():
        doc_id = db.execute(
            "INSERT INTO documents (title, source_name, source_sha256, encoding, format, text, "
            "imported_at, kind, import_report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [parsed.title, source_name, sha256, parsed.encoding, parsed.format, parsed.text,
             now_iso(), parsed.kind, json.dumps(dataclasses.asdict(parsed.layout))],
        ).lastrowid
        if parsed.source is not None:
            db.execute("INSERT INTO document_sources (document_id, data) VALUES (?, ?)",
                       [doc_id, parsed.source])
        db.conn.executemany(
            "INSERT INTO source_marks (document_id, at, page, line, time_ms) VALUES (?, ?, ?, ?, ?)",
            [(doc_id, m.offset, m.page, m.line, m.time_ms) for m in parsed.marks],
        )
        speaker_ids: dict[str, int] = {}
        for position, speaker in enumerate(parsed.speakers):
            speaker_ids[speaker.name] = db.execute(
                "INSERT INTO speakers (document_id, position, name, role, colour, is_moderator) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [doc_id, position, speaker.name, speaker.role, speaker.colour,
                 int(speaker.is_moderator)],
            ).lastrowid
        section_ids = [
            db.execute(
                "INSERT INTO sections (document_id, position, title) VALUES (?, ?, ?)",
                [doc_id, position, section.title],
            ).lastrowid
            for position, section in enumerate(parsed.sections)
        ]
        section_of = parsed.section_of()
        with search_index.bulk_turn_writes(db, doc_id):
            indexed: list[tuple[int, str]] = []
            for position, turn in enumerate(parsed.turns):
                section = section_of[position]
                turn_id = db.execute(
                    'INSERT INTO turns (document_id, position, speaker_id, section_id, start, "end", '
                    "label, headline, text_start, text_end, text, cue_start_ms, cue_end_ms, "
                    "headline_start, headline_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [doc_id, position,
                     speaker_ids[turn.speaker] if turn.speaker is not None else None,
                     section_ids[section] if section is not None else None,
                     turn.start, turn.end, turn.label, parsed.headline(turn), turn.text_start,
                     turn.text_end, parsed.turn_text(turn), turn.cue_start_ms, turn.cue_end_ms,
                     turn.headline_start, turn.headline_end],
                ).lastrowid
                indexed.append((turn_id, tokens[position]))
                if len(indexed) >= _BATCH:
                    search_index.write_turn_tokens(db, indexed)
                    indexed = []
                    if progress is not None:
                        progress(9 * total + position + 1, steps)
            search_index.write_turn_tokens(db, indexed)
    if not db.conn.in_transaction:
        # Give back the pages the index's merge freed (a study made by this version
        # vacuums incrementally; for an older one this does nothing). Run as a script:
        # the pragma frees one page a step, and only a script steps it to the end.
        db.conn.executescript("PRAGMA incremental_vacuum;")
    if progress is not None:
        progress(steps, steps)
    return doc_id
