"""The compact gram index (schema step 0011): no copy of the text, the same hits.

The turns' character-pair index keeps no content of its own. These tests prove that it
finds every two-character word the old index (with its copy of the tokens) found on the
bundled sample, and exactly the turns a brute-force scan of the folded text finds; that
edits, undo and deletes leave it exactly as a fresh build would be; and that a study
with the old index is converted and stays searchable.
"""

from __future__ import annotations

import sqlite3

import pytest

from db import open_study
from desktop.core import search, search_index, textnorm
from desktop.core.commands import History
from desktop.core.importing import bundled_sample_path, import_file
from desktop.core.turn_edits import JoinTurns, SplitTurn


@pytest.fixture
def sample(memory_db, sample_path):
    result = import_file(memory_db, sample_path)
    return memory_db, result.document_id


def _pairs_by_turn(db) -> dict[int, set[str]]:
    """Each turn's two-character Chinese strings (inside one run), from its folded text."""
    found: dict[int, set[str]] = {}
    for turn_id, headline, text in db.execute("SELECT id, headline, text FROM turns"):
        pairs: set[str] = set()
        for part_text in (headline, text):
            for chinese, part in search_index.gram_parts(textnorm.fold(part_text)):
                if chinese:
                    pairs.update(part[i : i + 2] for i in range(len(part) - 1))
        found[turn_id] = pairs
    return found


def _instances(db, table: str = "turn_chars") -> list[tuple]:
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{table} "
               f"USING fts5vocab(main, {table}, instance)")
    return db.execute(f"SELECT term, doc, col, offset FROM temp.v_{table} "
                      "ORDER BY term, doc, col, offset").fetchall()


def test_the_gram_index_keeps_no_copy_of_the_text(sample):
    db, _ = sample
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert "turn_chars_content" not in names and "turn_index" not in names
    assert db.execute("SELECT count(*) FROM turn_chars").fetchone()[0] == db.execute(
        "SELECT count(*) FROM turns").fetchone()[0]


def test_every_two_character_word_is_found_as_by_the_old_index_and_a_scan(sample):
    db, _ = sample
    # The old index: the same gram tokens in a table that keeps its content.
    db.execute("CREATE VIRTUAL TABLE temp.old_chars USING fts5(chars, prefix='1')")
    for turn_id, headline, text in db.execute("SELECT id, headline, text FROM turns").fetchall():
        db.execute("INSERT INTO temp.old_chars (rowid, chars) VALUES (?, ?)",
                   [turn_id, search_index.turn_tokens(headline, text)])
    by_turn = _pairs_by_turn(db)
    words = set().union(*by_turn.values())
    assert len(words) > 1000
    for word in sorted(words):
        expected = {t for t, pairs in by_turn.items() if word in pairs}
        expr = f'"{word}"'
        compact = {r[0] for r in db.execute(
            "SELECT rowid FROM turn_chars WHERE turn_chars MATCH ?", [expr])}
        old = {r[0] for r in db.execute(
            "SELECT rowid FROM temp.old_chars WHERE old_chars MATCH ?", [expr])}
        assert compact == old == expected, word
    # And through search itself, with offsets, for a few.
    for word in sorted(words)[:: max(1, len(words) // 40)]:
        hits = search.search(db, word, limit=10_000)
        assert {h.turn_id for h in hits} == {t for t, p in by_turn.items() if word in p}
        text = db.execute("SELECT text FROM documents").fetchone()[0]
        for hit in hits:
            for start, end in hit.matches:
                assert textnorm.fold(text[start:end]) == word


def _fresh(db) -> list[tuple]:
    """The gram index a fresh build of the study's turns gives."""
    fresh = sqlite3.connect(":memory:")
    fresh.execute(f"CREATE VIRTUAL TABLE turn_chars USING {search_index.TURN_CHARS_TABLE}")
    fresh.executemany("INSERT INTO turn_chars (rowid, chars) VALUES (?, ?)",
                      [(i, search_index.turn_tokens(h, t)) for i, h, t
                       in db.execute("SELECT id, headline, text FROM turns")])
    try:
        return _instances(fresh)
    finally:
        fresh.close()


def test_edits_and_undo_leave_the_index_as_a_fresh_build(sample):
    db, doc_id = sample
    from desktop.core import library

    history = History(db)
    turn = library.turns(db, doc_id)[6]
    history.run(SplitTurn(doc_id, 7, turn.text_start + turn.text.index("\n\n") + 2))
    assert _instances(db) == _fresh(db)
    history.run(JoinTurns(doc_id, 5, last=7))
    assert _instances(db) == _fresh(db)
    history.undo()
    assert _instances(db) == _fresh(db)
    history.undo()
    assert _instances(db) == _fresh(db)
    history.redo()
    assert _instances(db) == _fresh(db)
    db.execute("INSERT INTO turn_chars (turn_chars) VALUES ('integrity-check')")


def test_unindexing_a_document_removes_every_token(sample):
    db, doc_id = sample
    search_index.unindex_document(db, doc_id)
    assert _instances(db) == []


def _old_study(path) -> None:
    """A study as the steps before 0011 left it: the gram index with its copy of the
    tokens and a prefix index, and the turns' word index."""
    db = open_study(path)
    import_file(db, bundled_sample_path())
    db.execute("DROP TABLE turn_chars")
    db.execute("DROP TABLE search_staging")
    db.execute("DROP TABLE import_runs")
    db.execute("CREATE VIRTUAL TABLE turn_chars USING fts5(chars, prefix='1')")
    db.execute("CREATE VIRTUAL TABLE turn_index USING fts5(tokens)")
    for turn_id, headline, text in db.execute("SELECT id, headline, text FROM turns").fetchall():
        db.execute("INSERT INTO turn_chars (rowid, chars) VALUES (?, ?)",
                   [turn_id, search_index.turn_tokens(headline, text)])
        db.execute("INSERT INTO turn_index (rowid, tokens) VALUES (?, ?)",
                   [turn_id, search_index.words_of(headline, text)])
    db.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_compact_search_index'")
    db.close()


def test_a_study_with_the_old_index_is_converted_and_stays_searchable(study_path):
    _old_study(study_path)
    raw = sqlite3.connect(study_path)
    assert raw.execute("SELECT count(*) FROM turn_chars_content").fetchone()[0] > 0
    before = {r[0] for r in raw.execute(
        "SELECT rowid FROM turn_chars WHERE turn_chars MATCH '\"模型\"'")}
    raw.close()
    db = open_study(study_path)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert "turn_chars_content" not in names and "turn_index" not in names
    hits = search.search(db, "模型", limit=10_000)
    assert {h.turn_id for h in hits} == before and before
    assert _instances(db) == _fresh(db)
    db.close()


def test_a_new_study_gives_back_the_pages_an_import_freed(study_path):
    db = open_study(study_path)
    assert db.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
    import_file(db, bundled_sample_path())
    assert db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    db.close()


def test_gram_text_is_the_gram_tokens_joined(sample):
    db, _ = sample
    for (text,) in db.execute("SELECT text FROM turns"):
        folded = textnorm.fold(text + " GPT4 a 𠮷𠮷，大")
        assert search_index.gram_text(folded) == " ".join(search_index.gram_tokens(folded))
