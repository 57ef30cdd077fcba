"""Shared fixtures for the glossary tests (imported by tests/core/test_glossary_*.py)."""

from __future__ import annotations

import pytest

from db import open_memory_study
from desktop.core import search_index
from desktop.core.glossary import sync


@pytest.fixture
def clean_segmenter():
    """Glossary words go into the process-wide segmenter; take them out after each test."""
    sync.unload_from_segmenter()
    yield
    sync.unload_from_segmenter()


@pytest.fixture
def empty_study(clean_segmenter):
    """A migrated in-memory study without the built-in glossary."""
    db = open_memory_study()
    yield db
    db.close()


@pytest.fixture
def sample_study(clean_segmenter):
    """A study seeded with the built-in glossary, then given the bundled sample."""
    from desktop.core.glossary import ensure_builtin
    from desktop.core.importing import bundled_sample_path, import_file

    db = open_memory_study()
    ensure_builtin(db)
    import_file(db, bundled_sample_path())
    yield db
    db.close()


def add_document(db, text: str, *, doc_id: int = 1) -> int:
    """A bare document with one narration turn covering its text."""
    db["documents"].insert({"id": doc_id, "title": f"doc{doc_id}", "source_name": f"d{doc_id}",
                            "source_sha256": f"sha{doc_id}", "encoding": "utf-8",
                            "format": "text", "text": text, "imported_at": "2026-01-01"})
    turn_id = db["turns"].insert({"document_id": doc_id, "position": 0, "start": 0,
                                  "end": len(text), "text_start": 0, "text_end": len(text),
                                  "text": text}).last_pk
    search_index.index_turns(db, [(turn_id, text)])
    return doc_id
