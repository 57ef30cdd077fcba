"""Turns are named by their number in their document, as the window names them, not by id."""

from __future__ import annotations

import json

import pytest

from db import open_study
from desktop.cli import main
from desktop.core import library

SECOND = "甲：今天先谈谈天气。\n\n乙：我想先谈算力荒。\n\n甲：那就谈算力荒。\n"


@pytest.fixture(autouse=True)
def _segmenter_words_restored():
    """`yandu import` teaches the segmenter the study's glossary words; forget them after."""
    from desktop.core import segment

    before = segment.custom_words()
    yield
    segment.remove_words(segment.custom_words() - before)


@pytest.fixture
def study(study_path, sample_path, tmp_path, capsys) -> str:
    """The sample (21 turns), then a short second document: its turn ids run on from 22."""
    second = tmp_path / "second.txt"
    second.write_text(SECOND, encoding="utf-8")
    assert main(["import", str(sample_path), str(second), "--db", str(study_path)]) == 0
    capsys.readouterr()
    return str(study_path)


def _window_numbers(study: str, document_id: int) -> dict[int, int]:
    """Turn id -> the number the window's status bar shows: its index in the document + 1."""
    db = open_study(study)
    try:
        return {t.id: i + 1 for i, t in enumerate(library.turns(db, document_id))}
    finally:
        db.close()


def test_search_prints_the_turns_number_in_its_document(study, capsys):
    assert main(["search", "算力荒", "--doc", "2", "--db", study]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if " · turn " in line]
    numbers = _window_numbers(study, 2)
    assert [line.rsplit(" · ", 1)[1] for line in lines] == ["turn 2", "turn 3"]
    assert set(numbers.values()) == {1, 2, 3} and min(numbers) > 21  # ids are not numbers


def test_search_json_adds_turn_number_and_keeps_turn_id(study, capsys):
    assert main(["search", "算力", "--db", study, "--json", "--limit", "100"]) == 0
    hits = [h for h in json.loads(capsys.readouterr().out) if h["kind"] == "turn"]
    assert {h["document_id"] for h in hits} == {1, 2}
    for hit in hits:
        assert hit["turn_number"] == _window_numbers(study, hit["document_id"])[hit["turn_id"]]


def test_show_json_numbers_each_turn(study, capsys):
    assert main(["show", "2", "--json", "--db", study]) == 0
    turns = json.loads(capsys.readouterr().out)["turns"]
    assert [t["turn_number"] for t in turns] == [1, 2, 3]


def test_glossary_show_json_numbers_the_turn_of_each_occurrence(study, capsys):
    # 算力荒 is a built-in term.
    assert main(["glossary", "show", "算力荒", "--doc", "2", "--json", "--db", study]) == 0
    found = json.loads(capsys.readouterr().out)["occurrences"]["documents"][0]
    occurrences = [o for s in found["speakers"] for o in s["occurrences"]]
    numbers = _window_numbers(study, 2)
    assert sorted(o["turn_number"] for o in occurrences) == [2, 3]
    assert all(o["turn_number"] == numbers[o["turn_id"]] for o in occurrences)


def test_show_json_gives_each_turns_page_line_and_times(study, capsys):
    db = open_study(study)
    try:
        turns = library.turns(db, 2)
        db.execute("INSERT INTO source_marks (document_id, at, page, line) VALUES (2, 0, '7', 1)")
        db.execute("INSERT INTO source_marks (document_id, at, line) VALUES (2, ?, 2)",
                   [turns[1].start])
        db.execute("INSERT INTO source_marks (document_id, at, time_ms) VALUES (2, ?, 65000)",
                   [turns[2].text_start])
        db.conn.commit()
    finally:
        db.close()
    assert main(["show", "2", "--json", "--db", study]) == 0
    shown = json.loads(capsys.readouterr().out)["turns"]
    assert [(t["turn_number"], t["page"], t["line"], t["start_ms"]) for t in shown] == [
        (1, "7", 1, None), (2, "7", 2, None), (3, "7", 2, 65000)]
    assert main(["show", "1", "--json", "--db", study]) == 0
    first = json.loads(capsys.readouterr().out)["turns"][0]
    assert (first["page"], first["line"], first["start_ms"], first["end_ms"]) == (
        None, None, None, None)
