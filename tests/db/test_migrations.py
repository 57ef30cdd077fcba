"""Opening, creating and upgrading study files."""

from __future__ import annotations

import json
import sqlite3

import pytest

from db import StudyError, open_study
from db.annotations import tags_by_annotation
from db.migrations import MIGRATIONS


def test_new_study_is_created_with_every_migration(study_path):
    db = open_study(study_path)
    applied = [m.name for m in MIGRATIONS.applied(db)]
    assert applied == [m.name for m in MIGRATIONS._migrations]
    assert applied[0] == "0001_initial"
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_reopening_applies_nothing_and_writes_no_backup(study_path):
    open_study(study_path).close()
    open_study(study_path).close()
    assert [p.name for p in study_path.parent.iterdir() if ".bak" in p.name] == []


def test_file_from_newer_yandu_is_refused_untouched(study_path):
    db = open_study(study_path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "yandu", "name": "9999_future", "applied_at": "2030-01-01"}
    )
    db.close()
    before = study_path.read_bytes()
    with pytest.raises(StudyError, match="newer Yandu"):
        open_study(study_path)
    assert study_path.read_bytes() == before


def test_not_sqlite_is_refused(study_path):
    study_path.write_bytes(b"hello, this is not a database at all" * 10)
    with pytest.raises(StudyError, match="not a Yandu study"):
        open_study(study_path)


def test_folder_is_refused(tmp_path):
    with pytest.raises(StudyError, match="folder"):
        open_study(tmp_path)


def test_older_study_is_upgraded_after_a_backup(study_path, monkeypatch):
    # An "older" study: the initial step only, then a newer step appears in the list.
    open_study(study_path).close()
    extra_name = "0999_test_extra"

    def extra(db):
        db.execute("CREATE TABLE test_extra (x INTEGER)")

    MIGRATIONS(name=extra_name)(extra)
    try:
        db = open_study(study_path)
        assert "test_extra" in db.table_names()
        backups = [p for p in study_path.parent.iterdir() if ".bak" in p.name]
        assert len(backups) == 1 and extra_name in backups[0].name
        old = sqlite3.connect(backups[0])
        assert "test_extra" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
        old.close()
    finally:
        MIGRATIONS._migrations[:] = [m for m in MIGRATIONS._migrations if m.name != extra_name]


def test_failed_migration_leaves_study_as_it_was(study_path):
    db = open_study(study_path)
    db["study_meta"].insert({"key": "marker", "value": "kept"})
    db.close()
    name = "0998_test_broken"

    def broken(db):
        db.execute("CREATE TABLE half_done (x INTEGER)")
        raise sqlite3.OperationalError("simulated failure")

    MIGRATIONS(name=name)(broken)
    try:
        with pytest.raises(StudyError, match="upgrade"):
            open_study(study_path)
    finally:
        MIGRATIONS._migrations[:] = [m for m in MIGRATIONS._migrations if m.name != name]
    db = open_study(study_path)
    assert "half_done" not in db.table_names()
    assert db["study_meta"].get("marker")["value"] == "kept"


def test_aliases_typed_with_commas_are_split_on_upgrade(study_path):
    # A study written before step 0006, with aliases as the term dialog used to store them.
    db = open_study(study_path)
    rows = [("t1", "中文数据", '["数学数据, 中文语料", "语料"]'),
            ("t2", "算力荒", '["算力紧缺，缺卡, 算力荒,", "缺卡"]'),
            ("t3", "张量并行", '["TP"]')]
    for term_id, term, aliases in rows:
        db.execute("INSERT INTO glossary_terms (id, term, aliases, created_at, updated_at) "
                   "VALUES (?, ?, ?, '2026-01-01', '2026-01-01')", [term_id, term, aliases])
    db.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_split_aliases_typed_with_commas'")
    db.close()

    db = open_study(study_path)
    stored = dict(db.execute("SELECT id, aliases FROM glossary_terms").fetchall())
    assert json.loads(stored["t1"]) == ["数学数据", "中文语料", "语料"]
    assert json.loads(stored["t2"]) == ["算力紧缺", "缺卡"]  # the term itself and repeats left out
    assert json.loads(stored["t3"]) == ["TP"]


def test_tags_joined_by_separators_are_split_on_upgrade(study_path):
    # A study written before step 0007: tags as the tag field and `annotate --tag` stored them.
    db = open_study(study_path)
    db.execute("INSERT INTO documents (id, title, source_name, source_sha256, encoding, format, "
               "text, imported_at) VALUES (1, 't', 't.txt', 'x', 'utf-8', 'text', '甲：你好。', "
               "'2026-01-01')")
    tags = {"a1": ["相声、郭德纲", "曲艺"], "a2": ["相声、曲艺", "Ai, 数据"], "a3": ["ai"],
            "a4": ["、"]}
    for ann_id, names in tags.items():
        db.execute("INSERT INTO annotations (id, document_id, start, \"end\", quote, colour, "
                   "created_at, updated_at) VALUES (?, 1, 2, 4, '你好', '#ffd54f', "
                   "'2026-01-01', '2026-01-01')", [ann_id])
        for name in names:
            found = db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
            tag_id = found[0] if found else db.execute(
                "INSERT INTO tags (name) VALUES (?)", [name]).lastrowid
            db.execute("INSERT INTO annotation_tags VALUES (?, ?)", [ann_id, tag_id])
    db.execute("DELETE FROM _sqlite_migrations "
               "WHERE name = '0007_split_tags_at_enumeration_commas'")
    db.close()

    db = open_study(study_path)
    stored = {ann_id: sorted(names)
              for ann_id, names in tags_by_annotation(db, list(tags)).items()}
    # "Ai" is the tag "ai" that a3 already had (tag names ignore case).
    assert stored == {"a1": sorted(["曲艺", "相声", "郭德纲"]),
                      "a2": sorted(["ai", "曲艺", "数据", "相声"]), "a3": ["ai"], "a4": ["、"]}
    names = sorted(r[0] for r in db.execute("SELECT name FROM tags"))
    assert names == sorted(["曲艺", "相声", "郭德纲", "ai", "数据", "、"])  # no joined tag left
