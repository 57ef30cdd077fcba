"""Listing the documents reads the listing index, never the rows with their texts."""

from __future__ import annotations

import re

from db import open_memory_study
from desktop.core import documents, library


class _Planned:
    """A study whose execute notes each statement's query plan (the steps' texts)."""

    def __init__(self, db) -> None:
        self.db, self.steps = db, []

    def execute(self, sql, args=()):
        self.steps += [r[3] for r in self.db.execute(f"EXPLAIN QUERY PLAN {sql}", args)]
        return self.db.execute(sql, args)


def test_the_listings_read_the_documents_through_their_covering_index(sample_path):
    from desktop.core.importing import import_file

    db = open_memory_study()
    import_file(db, sample_path)
    planned = _Planned(db)
    listed = library.list_documents(planned)
    entries = documents.catalogue(planned)
    assert [d.title for d in listed] == [e.info.title for e in entries] != []
    # Every step that reads `documents` (aliased d in the listing) reads the index alone.
    reads = [s for s in planned.steps if re.search(r"\b(SCAN|SEARCH) (d|documents)\b", s)]
    assert reads
    assert all("COVERING INDEX documents_listing" in s for s in reads), reads
