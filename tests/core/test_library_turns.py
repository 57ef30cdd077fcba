"""Reading a document's turns: all of them, or those around a place (the first screen)."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.core import library
from desktop.core.importing import import_file


@pytest.fixture
def sample(memory_db, sample_path):
    return import_file(memory_db, sample_path).document_id


@pytest.mark.parametrize("index", [0, 1, 7, 19, 20])
@pytest.mark.parametrize(("before", "after"), [(0, 0), (2, 3), (50, 50)])
def test_turns_around_a_place_are_the_slice_of_all_turns(memory_db, sample, index, before,
                                                         after) -> None:
    everything = library.turns(memory_db, sample)
    place = everything[index]
    for offset in (place.start, place.text_start + 1, place.end - 1):
        around = library.turns_around(memory_db, sample, offset, before, after)
        assert around == everything[max(0, index - before): index + after + 1]


def test_a_place_before_the_first_turn_starts_at_the_beginning(memory_db, sample) -> None:
    everything = library.turns(memory_db, sample)
    assert library.turns_around(memory_db, sample, -5, 3, 2) == everything[:3]


def test_a_plain_read_only_connection_serves_the_first_screen(tmp_path, sample_path) -> None:
    from db import open_study
    from db.peek import peek_study

    study = tmp_path / "study.sqlite"
    db = open_study(study)
    document_id = import_file(db, sample_path).document_id
    expected = library.turns(db, document_id)[4:9]
    db.close()
    conn = peek_study(study)
    assert isinstance(conn, sqlite3.Connection)
    try:
        assert library.turns_around(conn, document_id, expected[2].start, 2, 2) == expected
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM turns")  # a look, never a write
    finally:
        conn.close()


def test_peek_declines_what_is_not_a_study(tmp_path) -> None:
    from db.peek import peek_study

    (tmp_path / "text.sqlite").write_text("not a database", encoding="utf-8")
    empty = sqlite3.connect(tmp_path / "empty.sqlite")
    empty.execute("CREATE TABLE other (x)")
    empty.close()
    assert peek_study(tmp_path / "missing.sqlite") is None
    assert peek_study(tmp_path / "text.sqlite") is None
    assert peek_study(tmp_path / "empty.sqlite") is None
