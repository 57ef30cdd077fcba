"""Search order and paging: reading order, found by reading the index in turn order;
whole-word flags as the word index says; highlights worked out on demand equal eager ones."""

from __future__ import annotations

import random
import sqlite3

import pytest

from desktop.core import fts_query, kwic, library, search_index, search_matches, segment
from desktop.core.search import SearchHit, search
from desktop.core.search_counts import tally
from tests.core.search_fixture import add_document, add_note

pytestmark = pytest.mark.usefixtures("plain_dictionary")

PIECES = ["算力", "算力荒", "模型", "参数量", "模型参数", "数据", "的", "问题", "大模型", "，",
          "。", "我们有", "计算力"]
QUERIES = ["算力", "参数", "模型", "模型 数据", "算力 -问题", "数据 OR 参数", '"模型 参数"',
           "计算", "问题"]


def _random_turns(rng: random.Random, n: int) -> list[tuple[str | None, str]]:
    return [(rng.choice(["甲", "乙", None]), "".join(rng.choices(PIECES, k=rng.randint(2, 9))))
            for _ in range(n)]


@pytest.fixture
def corpus(memory_db):
    rng = random.Random(7)
    docs = [add_document(memory_db, f"文档{i}", _random_turns(rng, 120)) for i in range(3)]
    return memory_db, docs


def _word_index(db) -> sqlite3.Connection:
    """An FTS5 table of each turn's words as jieba cuts them (what the study's word index
    held before step 0011): FTS5's own matching of the words, to check `whole_word`."""
    index = sqlite3.connect(":memory:")
    index.execute("CREATE VIRTUAL TABLE words USING fts5(tokens)")
    index.executemany("INSERT INTO words (rowid, tokens) VALUES (?, ?)",
                      [(i, search_index.words_of(h, t))
                       for i, h, t in db.execute("SELECT id, headline, text FROM turns")])
    return index


def _reference(db, query: str, limit: int, document_id=None, speakers=None) -> list:
    """(turn id, whole word) in reading order, computed the slow, obvious way: every
    match of the gram index, flagged by a match of the word index (FTS5 itself)."""
    parsed = fts_query.parse(query)
    grams = [r for (r,) in db.execute(
        "SELECT rowid FROM turn_chars WHERE turn_chars MATCH ?", [parsed.chars_expr()])]
    words_expr = parsed.words_expr()
    words = {r for (r,) in _word_index(db).execute(
        "SELECT rowid FROM words WHERE words MATCH ?", [words_expr])} if words_expr else set()
    place = {tid: (doc, start, who) for tid, doc, start, who in db.execute(
        "SELECT t.id, t.document_id, t.start, s.name FROM turns t "
        "LEFT JOIN speakers s ON s.id = t.speaker_id")}
    kept = [t for t in grams
            if (document_id is None or place[t][0] == document_id)
            and (speakers is None or place[t][2] in speakers)]
    kept.sort(key=lambda t: (place[t][0], place[t][1]))
    return [(t, t in words) for t in kept[:limit]]


@pytest.mark.parametrize("query", QUERIES)
def test_order_and_whole_word_flags_match_a_slow_reference(corpus, query):
    db, docs = corpus
    for limit in (1, 7, 40, 1000):
        got = [(h.turn_id, h.whole_word) for h in search(db, query, limit=limit)]
        assert got == _reference(db, query, limit), (query, limit)
    middle = docs[1]["id"]
    got = [(h.turn_id, h.whole_word) for h in search(db, query, document_id=middle, limit=30)]
    assert got == _reference(db, query, 30, document_id=middle)
    got = [(h.turn_id, h.whole_word) for h in search(db, query, speaker="乙", limit=30)]
    assert got == _reference(db, query, 30, speakers={"乙"})
    assert tally(db, query, matches=False).hits == len(_reference(db, query, 10**6))


def test_the_corpus_has_whole_and_part_words(corpus):
    db, _ = corpus
    flags = [h.whole_word for h in search(db, "算力", limit=1000)]
    assert True in flags and False in flags


def test_a_smaller_page_is_the_start_of_a_larger_one(corpus):
    db, _ = corpus
    full = [(h.kind, h.turn_id) for h in search(db, "模型", limit=1000)]
    assert len(full) > 50
    for limit in (1, 2, 10, 33, len(full) - 1):
        assert [(h.kind, h.turn_id) for h in search(db, "模型", limit=limit)] == full[:limit]
    assert [h.score for h in search(db, "模型", limit=5)] == [0.0, 1.0, 2.0, 3.0, 4.0]


def test_part_word_hits_keep_their_place_in_the_text(memory_db):
    # The premise: jieba keeps 有算力的 together, so 算力 is only part of a word there.
    assert "算力" not in segment.index_tokens("我们有算力的优势")
    doc = add_document(memory_db, "d", [(None, "我们有算力的优势"), (None, "算力很重要"),
                                        (None, "我们有算力的优势"), (None, "谈谈算力")])
    ids = doc["turn_ids"]
    hits = search(memory_db, "算力")
    assert [(h.turn_id, h.whole_word) for h in hits] == [
        (ids[0], False), (ids[1], True), (ids[2], False), (ids[3], True)]
    assert [h.turn_id for h in search(memory_db, "算力", limit=2)] == ids[:2]


def test_whole_word_flags_of_latin_words_phrases_headlines_and_notes(memory_db):
    doc = add_document(memory_db, "d", [("甲", "The café serves COVID-19 data"),
                                        (None, "GPT-4o 和 gpt 4 不同"), (None, "模型参数量")])
    memory_db.execute("UPDATE turns SET headline = ? WHERE id = ?", ["数据 来源", doc["turn_ids"][2]])
    search_index.reindex_all(memory_db)
    add_note(memory_db, doc["id"], 0, 2, "笔记：模型参数很多")
    for query in ("cafe", "café", "covid-19", "19", "gpt 4", '"gpt 4"', "4o", "数据", "来源 参数",
                  "模型 参数", '"模型 参数"', "gpt-4o", "serves data"):
        got = [(h.kind, h.turn_id or h.annotation_id, h.whole_word)
               for h in search(memory_db, query)]
        expected = _reference(memory_db, query, 100)
        assert [(t, w) for kind, t, w in got if kind == "turn"] == expected, query
        notes = [w for kind, _, w in got if kind == "annotation"]
        assert notes == _note_flags(memory_db, query), query


def _note_flags(db, query: str) -> list[bool]:
    parsed = fts_query.parse(query)
    found = [a for (a,) in db.execute(
        "SELECT annotation_id FROM annotation_chars WHERE annotation_chars MATCH ?",
        [parsed.chars_expr()])]
    words_expr = parsed.words_expr()
    whole = {a for (a,) in db.execute(
        "SELECT annotation_id FROM annotation_index WHERE annotation_index MATCH ?",
        [words_expr])} if words_expr else set()
    return [a in whole for a in found]


def test_notes_sit_at_their_place_among_the_turns(memory_db):
    first = add_document(memory_db, "一", [("甲", "数据很多"), ("乙", "更多数据")])
    second = add_document(memory_db, "二", [("甲", "数据")])
    text = first["text"]
    late = add_note(memory_db, first["id"], text.index("更多"), text.index("更多") + 2, "数据来源")
    early = add_note(memory_db, first["id"], 0, 1, "数据口径")
    other = add_note(memory_db, second["id"], 0, 1, "数据")
    hits = search(memory_db, "数据")
    assert all(h.whole_word for h in hits)  # the premise: one group, reading order only
    # Turn 2 of 一 starts at 8, its note at 10; the early note starts where turn 1 does.
    assert [(h.kind, h.turn_id or h.annotation_id) for h in hits] == [
        ("turn", first["turn_ids"][0]), ("annotation", early),
        ("turn", first["turn_ids"][1]), ("annotation", late),
        ("turn", second["turn_ids"][0]), ("annotation", other),
    ]
    assert tally(memory_db, "数据", matches=False).hits == 6


def test_highlights_worked_out_on_demand_equal_the_eager_ones(corpus):
    db, docs = corpus
    parsed = fts_query.parse("模型 数据")
    hits = search(db, "模型 数据", limit=1000)
    assert hits
    texts = {tid: (text, start) for tid, text, start in db.execute(
        "SELECT id, text, text_start FROM turns")}
    for hit in hits:
        text, start = texts[hit.turn_id]
        local = search_matches.find_matches(text, parsed.positive_terms())
        assert hit.matches == tuple((s + start, e + start) for s, e in local)
        assert (hit.snippet, hit.snippet_matches) == kwic.snippet(text, local)
        assert hit.matches is hit.matches  # worked out once, then kept


def test_as_dict_keeps_its_keys_and_their_order(panel_db):
    data = search(panel_db, "算力")[0].as_dict()
    assert list(data) == ["kind", "document_id", "document_title", "turn_id", "annotation_id",
                          "speaker", "score", "matches", "snippet", "snippet_matches",
                          "whole_word", "turn_number"]
    assert isinstance(data["matches"][0], list) and isinstance(data["score"], float)


@pytest.fixture
def panel_db(memory_db):
    add_document(memory_db, "圆桌", [("杨静", "算力紧缺"), ("陈虞君", "算力荒")])
    return memory_db


def test_hits_compare_by_what_was_found_not_by_their_excerpt(panel_db):
    first, again = search(panel_db, "算力")[0], search(panel_db, "算力")[0]
    assert first == again and first.snippet == again.snippet
    assert isinstance(first, SearchHit) and "source" not in repr(first)


def _segments(db, table: str) -> int:
    return db.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0]


def test_merge_segments_leaves_one_segment_and_the_same_hits(memory_db):
    rng = random.Random(3)
    doc = add_document(memory_db, "d", _random_turns(rng, 10))
    for _ in range(6):  # each commit writes the pending rows as a segment of their own
        more = add_document(memory_db, "d", _random_turns(rng, 10))
        memory_db.conn.commit()
    assert _segments(memory_db, "turn_chars") > 1
    before = [(h.turn_id, h.whole_word, h.matches) for h in search(memory_db, "模型", limit=500)]
    search_index.merge_segments(memory_db, more["id"])
    search_index.merge_segments(memory_db, doc["id"])
    assert _segments(memory_db, "turn_chars") == 1
    assert [(h.turn_id, h.whole_word, h.matches)
            for h in search(memory_db, "模型", limit=500)] == before


def test_a_document_filter_reads_only_that_documents_turns(corpus):
    db, docs = corpus
    for doc in docs:
        hits = search(db, "数据", document_id=doc["id"], limit=1000)
        assert hits and {h.document_id for h in hits} == {doc["id"]}
        assert len(hits) == tally(db, "数据", document_id=doc["id"], matches=False).hits
    assert search(db, "数据", document_id=10**6) == []


def _bm25_reference(db, query: str, limit: int, document_id=None) -> list:
    """Turn ids best first, as FTS5 ranks the gram index (reading order among equals)."""
    parsed = fts_query.parse(query)
    rows = db.execute(
        "SELECT c.rowid, bm25(turn_chars), t.document_id, t.start FROM turn_chars c "
        "JOIN turns t ON t.id = c.rowid WHERE turn_chars MATCH ?", [parsed.chars_expr()]
    ).fetchall()
    rows = [r for r in rows if document_id is None or r[2] == document_id]
    rows.sort(key=lambda r: (r[1], r[2], r[3]))
    return [r[0] for r in rows[:limit]]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("limit", [1, 7, 500])
def test_best_matches_first_follows_bm25_over_the_gram_index(corpus, query, limit) -> None:
    db, docs = corpus
    hits = search(db, query, kinds="turn", limit=limit, order="relevance")
    assert [h.turn_id for h in hits] == _bm25_reference(db, query, limit)
    assert [h.score for h in hits] == [float(i) for i in range(len(hits))]
    one = docs[1]["id"]
    hits = search(db, query, kinds="turn", limit=limit, order="relevance", document_id=one)
    assert [h.turn_id for h in hits] == _bm25_reference(db, query, limit, one)


@pytest.mark.parametrize("query", QUERIES)
def test_both_orders_find_the_same_hits(corpus, query) -> None:
    db, _docs = corpus
    in_text = search(db, query, limit=10_000)
    best = search(db, query, limit=10_000, order="relevance")
    assert sorted(h.turn_id for h in best) == sorted(h.turn_id for h in in_text)
    assert len(best) == tally(db, query, matches=False).hits


def test_notes_take_their_rank_among_the_turns(corpus) -> None:
    db, docs = corpus
    doc = docs[0]["id"]
    long_note = add_note(db, doc, 0, 2, "这一段谈到很多别的事情，顺便提到算力荒，然后又说了别的。" * 3)
    short_note = add_note(db, doc, 4, 6, "算力荒")
    hits = search(db, "算力荒", limit=10_000, order="relevance")
    notes = [h.annotation_id for h in hits if h.kind == "annotation"]
    assert notes == [short_note, long_note]  # the note that says little else comes first
    expr = fts_query.parse("算力荒").chars_expr()
    score = dict(db.execute("SELECT rowid, bm25(turn_chars) FROM turn_chars "
                            "WHERE turn_chars MATCH ?", [expr]).fetchall())
    score.update(db.execute("SELECT annotation_id, bm25(annotation_chars) FROM annotation_chars "
                            "WHERE annotation_chars MATCH ?", [expr]).fetchall())
    keys = [score[h.turn_id if h.kind == "turn" else h.annotation_id] for h in hits]
    assert keys == sorted(keys)  # turns and notes together, by FTS5's bm25


def test_an_unknown_order_is_refused() -> None:
    with pytest.raises(ValueError):
        search(None, "算力", order="best")


def test_a_turn_hit_carries_the_turns_number_in_its_document(panel_db):
    """The number the window shows ("Turn 2"), not the database id, which runs on across
    documents; a note has none."""
    second = add_document(panel_db, "第二场", [("甲", "开场"), ("乙", "算力很贵"), ("甲", "算力荒")])
    hits = search(panel_db, "算力", document_id=second["id"])
    numbers = {t.id: i + 1 for i, t in enumerate(library.turns(panel_db, second["id"]))}
    assert [h.turn_number for h in hits] == [2, 3]
    assert [numbers[h.turn_id] for h in hits] == [2, 3]
    assert all(h.turn_id > 3 for h in hits)
    assert [t.number for t in library.turns(panel_db, second["id"])] == [1, 2, 3]
