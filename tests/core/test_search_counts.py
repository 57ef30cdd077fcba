"""Search counts: turns, notes and matches, checked against the texts themselves."""

from __future__ import annotations

import pytest

from desktop.core import textnorm
from desktop.core.importing import bundled_sample_path, import_file
from desktop.core.search import search
from desktop.core.search_counts import count_matches, tally
from tests.core import search_fixture

# The sample in a study, shared with the other search tests.
sample_study = search_fixture.sample_study


def _occurrences(db, word: str, speaker: str | None = None) -> tuple[int, int]:
    """(turns holding `word`, times it occurs) by plain substring counting."""
    sql = ("SELECT t.headline, t.text FROM turns t LEFT JOIN speakers s "
           "ON s.id = t.speaker_id" + (" WHERE s.name = ?" if speaker else ""))
    folded = textnorm.fold(word)
    turns = places = 0
    for headline, text in db.execute(sql, [speaker] if speaker else []).fetchall():
        # Headline and speech apart: a match never runs from one into the other.
        found = textnorm.fold(headline).count(folded) + textnorm.fold(text).count(folded)
        turns += found > 0
        places += found
    return turns, places


@pytest.mark.parametrize("word", ["算力", "模型", "大模型", "数据"])
def test_turns_and_matches_are_the_text_counts(sample_study, word):
    db, doc = sample_study
    turns, places = _occurrences(db, word)
    assert turns and places > turns  # the sample has turns with several
    found = tally(db, word, document_id=doc)
    assert (found.turns, found.notes, found.matches) == (turns, 0, places)
    assert found.hits == len(search(db, word, document_id=doc, limit=100_000))
    assert count_matches(db, word) == places


def test_suanli_in_the_sample_is_nine_turns_thirty_seven_matches(sample_study):
    db, doc = sample_study
    found = tally(db, "算力", document_id=doc)
    assert (found.turns, found.matches) == (9, 37)  # the figures a reader counted


@pytest.mark.parametrize("query", ["算力", "模型 OR 数据", '"大模型"', "算力 -荒", "AI",
                                   "算", "训练数据"])
def test_the_count_agrees_with_the_highlights_of_every_hit(sample_study, query):
    db, doc = sample_study
    hits = search(db, query, document_id=doc, limit=10_000)
    assert hits
    highlighted = sum(len(hit.matches) for hit in hits)
    assert tally(db, query, document_id=doc).matches == highlighted


def test_a_speaker_filter_counts_only_that_speakers_matches(sample_study):
    db, _ = sample_study
    turns, places = _occurrences(db, "算力", speaker="张家俊")
    found = tally(db, "算力", speaker="张家俊")
    assert (found.turns, found.matches) == (turns, places)
    assert 0 < found.matches < tally(db, "算力").matches


def test_a_document_of_several_counts_its_own(tmp_path):
    """Two copies of the sample: each document counts half, the study all (the study-wide
    count reads the index's totals, the per-document one its positions)."""
    from db import open_memory_study

    db = open_memory_study()
    first = import_file(db, bundled_sample_path()).document_id
    copy = tmp_path / "copy.txt"
    # One line more, so that the copy is a document of its own, not the same file again.
    copy.write_text(bundled_sample_path().read_text(encoding="utf-8") + "\n\n结束。\n",
                    encoding="utf-8")
    second = import_file(db, copy).document_id
    try:
        assert first != second
        whole = tally(db, "算力")
        one, other = tally(db, "算力", document_id=first), tally(db, "算力", document_id=second)
        assert (one.turns, one.matches) == (other.turns, other.matches) == (9, 37)
        assert (whole.turns, whole.matches) == (18, 74)
    finally:
        db.close()


def test_notes_are_counted_apart_with_their_matches(tmp_path):
    from db import open_memory_study
    from desktop.core.annotations import CreateAnnotation, new_annotation
    from desktop.core.commands import History

    db = open_memory_study()
    try:
        doc = import_file(db, bundled_sample_path()).document_id
        History(db).run(CreateAnnotation(new_annotation(
            db, doc, 10, 14, note="算力够吗？算力荒说明了什么")))
        found = tally(db, "算力", document_id=doc)
        assert (found.turns, found.notes, found.matches) == (9, 1, 39)
        assert tally(db, "算力", kinds=("turn",)).notes == 0
        assert tally(db, "算力", kinds=("annotation",)).matches == 2
    finally:
        db.close()


def test_nothing_to_count(sample_study):
    db, doc = sample_study
    for query in ("", "   ", "。，", "没有这个词语吧", "-算力"):
        found = tally(db, query, document_id=doc)
        assert (found.turns, found.notes, found.matches) == (0, 0, 0)
    assert tally(db, "算力", speaker="没有这个人").matches == 0
    # Hits only, when the matches are not wanted.
    assert tally(db, "算力", matches=False).matches == 0
    assert tally(db, "算力", matches=False).turns == 9


def test_the_command_line_says_turns_and_matches(tmp_path, capsys):
    from desktop.cli import main
    from desktop.core import segment

    study = str(tmp_path / "study.sqlite")
    before = segment.custom_words()
    try:
        assert main(["import", str(bundled_sample_path()), "--db", study]) == 0
        assert main(["search", "算力", "--db", study, "--doc", "1"]) == 0
        assert capsys.readouterr().out.splitlines()[-1] == "9 turns, 37 matches."
        assert main(["search", "算力", "--db", study, "--limit", "2"]) == 0
        assert capsys.readouterr().out.splitlines()[-1] == (
            "2 of 9 hits shown: 9 turns, 37 matches.")
        turns, places = _occurrences_in(study, "开源")
        assert (turns, places) == (1, 1)
        assert main(["search", "开源", "--db", study]) == 0
        assert capsys.readouterr().out.splitlines()[-1] == "1 turn, 1 match."
    finally:
        segment.remove_words(segment.custom_words() - before)


def _occurrences_in(path: str, word: str) -> tuple[int, int]:
    from db import open_study

    db = open_study(path)
    try:
        return _occurrences(db, word)
    finally:
        db.close()
