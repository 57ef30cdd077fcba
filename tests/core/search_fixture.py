"""Build small studies for the search tests straight through SQL and the indexer."""

from __future__ import annotations

import hashlib

import pytest
from sqlite_utils import Database

from desktop.core import search_index


def add_document(db: Database, title: str, turns: list[tuple[str | None, str]]) -> dict:
    """Store a document whose turns are (speaker or None, speech); return its ids and offsets.

    The document text is "speaker：speech" paragraphs separated by blank lines, so turn
    offsets into it are real and differ from offsets into the speech.
    """
    parts: list[str] = []
    spans: list[tuple[int, int, int, int]] = []  # start, end, text_start, text_end
    at = 0
    for speaker, speech in turns:
        label = f"{speaker}：" if speaker else ""
        block = label + speech
        spans.append((at, at + len(block), at + len(label), at + len(block)))
        parts.append(block)
        at += len(block) + 2
    text = "\n\n".join(parts)
    doc_id = db.execute(
        "INSERT INTO documents (title, source_name, source_sha256, encoding, format, text, "
        "imported_at) VALUES (?, ?, ?, 'utf-8', 'text', ?, '2026-01-01T00:00:00Z')",
        [title, f"{title}.txt", hashlib.sha256((title + text).encode()).hexdigest(), text],
    ).lastrowid
    speaker_ids: dict[str, int] = {}
    for speaker, _ in turns:
        if speaker and speaker not in speaker_ids:
            speaker_ids[speaker] = db.execute(
                "INSERT INTO speakers (document_id, position, name, colour) VALUES (?, ?, ?, ?)",
                [doc_id, len(speaker_ids), speaker, "#888888"],
            ).lastrowid
    turn_ids: list[int] = []
    for position, ((speaker, speech), (start, end, t_start, t_end)) in enumerate(
        zip(turns, spans, strict=True)
    ):
        turn_ids.append(
            db.execute(
                'INSERT INTO turns (document_id, position, speaker_id, start, "end", '
                "text_start, text_end, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [doc_id, position, speaker_ids.get(speaker or ""), start, end, t_start, t_end,
                 speech],
            ).lastrowid
        )
    search_index.index_turns(db, zip(turn_ids, [speech for _, speech in turns], strict=True))
    return {"id": doc_id, "text": text, "turn_ids": turn_ids, "speaker_ids": speaker_ids}


def add_note(db: Database, document_id: int, start: int, end: int, note: str) -> str:
    """Store and index an annotation over text[start:end] with this note; return its id."""
    from desktop.core.annotations import CreateAnnotation, new_annotation

    annotation = new_annotation(db, document_id, start, end, note=note)
    CreateAnnotation(annotation).apply(db)
    return annotation.id


@pytest.fixture(scope="module")
def sample_study():
    """The bundled sample imported into a study in memory: (db, document id)."""
    from db import open_memory_study
    from desktop.core.importing import bundled_sample_path, import_file

    db = open_memory_study()
    result = import_file(db, bundled_sample_path())
    yield db, result.document_id
    db.close()
