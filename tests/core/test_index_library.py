"""A study of many small imports keeps a compact index: its segments are merged level by
level after each import, as FTS5's own automatic merging would, not left one per import
(each segment holds its own copy of every character pair it indexes)."""

from __future__ import annotations

import re
import shutil

from db import open_study
from desktop.bench.generate import generate
from desktop.core import search
from desktop.core.importing import import_bytes


def _index_bytes(db) -> int:
    return db.execute("SELECT sum(length(block)) FROM turn_chars_data").fetchone()[0]


def test_many_small_imports_leave_an_index_close_to_one_merged_whole(study_path, tmp_path):
    db = open_study(study_path)
    texts = [generate(25_000, seed=500 + i).text for i in range(70)]
    for i, text in enumerate(texts):
        import_bytes(db, text.encode(), f"sitting-{i:02d}.txt")
    fragmented = _index_bytes(db)
    word = re.search(r"[\u4e00-\u9fff]{2}", texts[-1][200:]).group()
    found = search.search(db, word)
    assert found
    db.close()
    merged_path = tmp_path / "merged.sqlite"
    shutil.copyfile(study_path, merged_path)
    merged = open_study(merged_path)
    merged.execute("INSERT INTO turn_chars (turn_chars) VALUES ('optimize')")
    merged.conn.commit()
    # Levels of at most three segments cost some copies of the commonest pairs; one
    # segment for each import (what is left when the whole index is merged a budget at a
    # time, the merge begun again by every import) took twice the room here.
    assert fragmented <= 1.25 * _index_bytes(merged)
    assert [h.turn_id for h in search.search(merged, word)] == [h.turn_id for h in found]
    merged.close()
