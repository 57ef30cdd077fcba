"""Search on the bundled sample, checked against brute-force substring counts."""

from __future__ import annotations

import re

from desktop.core import segment, textnorm
from desktop.core.search import search
from desktop.core.search_counts import tally
from tests.core import search_fixture

# The sample in a study, shared with the other search tests.
sample_study = search_fixture.sample_study


def _turns(db) -> list[tuple[int, str, str | None]]:
    """(turn id, searchable text, speaker): a turn's headline is searched with its speech."""
    return db.execute(
        "SELECT t.id, t.headline || char(10) || t.text, s.name FROM turns t "
        "LEFT JOIN speakers s ON s.id = t.speaker_id"
    ).fetchall()


def _containing(db, word: str) -> set[int]:
    folded = textnorm.fold(word)
    return {tid for tid, text, _ in _turns(db) if folded in textnorm.fold(text)}


def test_suanli_finds_every_turn_containing_it(sample_study):
    db, _ = sample_study
    expected = _containing(db, "算力")
    assert len(expected) >= 5
    hits = search(db, "算力")
    assert {h.turn_id for h in hits} == expected
    occurrences = sum(text.count("算力") for _, text, _ in _turns(db))
    assert sum(len(h.matches) for h in hits) == occurrences
    text = db.execute("SELECT text FROM documents").fetchone()[0]
    assert all(text[s:e] == "算力" for h in hits for s, e in h.matches)
    assert all("算力" in h.snippet for h in hits)


def test_every_two_character_word_of_the_sample_finds_every_turn_with_it(sample_study):
    db, _ = sample_study
    words = {w for _, text, _ in _turns(db) for w in segment.words(text)
             if len(w) == 2 and re.fullmatch(r"[\u4e00-\u9fff]{2}", w)}
    assert len(words) > 300
    wrong = {}
    for word in sorted(words):
        got = {h.turn_id for h in search(db, word, kinds=("turn",), limit=1000)}
        if got != _containing(db, word):
            wrong[word] = (len(got), len(_containing(db, word)))
    assert wrong == {}


def test_traditional_query_and_speaker_filter_on_the_sample(sample_study):
    db, doc_id = sample_study
    assert {h.turn_id for h in search(db, "數據")} == _containing(db, "数据") != set()
    assert {h.turn_id for h in search(db, "模型參數")} == _containing(db, "模型参数")
    by_moderator = search(db, "算力", speaker="杨静", document_id=doc_id)
    assert by_moderator and {h.speaker for h in by_moderator} == {"杨静"}
    expected = {tid for tid, text, name in _turns(db) if name == "杨静" and "算力" in text}
    assert {h.turn_id for h in by_moderator} == expected
    assert tally(db, "算力", speaker="杨静", matches=False).hits == len(expected)
