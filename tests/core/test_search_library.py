"""Search in a study of several documents: the fast ways of ranking and counting give the
answers of the plain ones (SQL alone, FTS5's bm25 over every hit, the texts themselves)."""

from __future__ import annotations

import random

import pytest

from desktop.core import fts_query, search_counts, textnorm
from desktop.core.search import Filters, search
from desktop.core.search_counts import tally
from tests.core.search_fixture import add_document, add_note

pytestmark = pytest.mark.usefixtures("plain_dictionary")

# Words that overlap (算力 in 计算力 and 算力荒, 哈哈 twice in 哈哈哈), repeat within a turn,
# and stand apart by punctuation; some Latin and a traditional spelling.
PIECES = ["算力", "算力荒", "计算力", "模型", "参数量", "模型参数", "数据", "的", "问题",
          "大模型", "哈哈哈", "哈", "，", "。", "我们有", "GPT4", " gpt ", "數據", "合作伙伴",
          "伙伴", "作伙"]
SPEAKERS = ["甲", "乙", "丙", None]
QUERIES = ["算力", "算力荒", "计算力", "哈哈", "哈", "算", "模型 数据", "算力 -问题",
           "数据 OR 参数", '"模型 参数"', "模型参数量", "合作伙伴", "伙伴 OR 作伙",
           "算力 OR 算力荒", "大 OR 大模型", "gpt4", "gpt", "數據", "哈哈 算力 模型",
           "合作伙伴 -哈", "没有的词"]


def _random_turns(rng: random.Random, n: int) -> list[tuple[str | None, str]]:
    return [(rng.choice(SPEAKERS), "".join(rng.choices(PIECES, k=rng.randint(1, 14))))
            for _ in range(n)]


@pytest.fixture(scope="module")
def library():
    """Six generated documents (one of a single long turn) and a few notes."""
    from db import open_memory_study

    db = open_memory_study()
    rng = random.Random(20)
    docs = [add_document(db, f"文档{i}", _random_turns(rng, rng.randint(20, 90)))
            for i in range(5)]
    docs.append(add_document(db, "长文", [("甲", "".join(rng.choices(PIECES, k=3000)))]))
    for doc in docs[:3]:
        for _ in range(4):
            start = rng.randrange(0, len(doc["text"]) - 5)
            add_note(db, doc["id"], start, start + 3, "".join(rng.choices(PIECES, k=5)))
    yield db, docs
    db.close()


def _scopes(docs: list[dict]) -> list[dict]:
    return [{}, {"document_id": docs[1]["id"]}, {"document_id": docs[-1]["id"]},
            {"speaker": "甲"}, {"document_id": docs[2]["id"], "speaker": "乙"}]


@pytest.mark.parametrize("query", QUERIES)
def test_counted_places_equal_those_counted_in_sql_alone(library, query):
    db, docs = library
    parsed = fts_query.parse(query)
    for scope in _scopes(docs):
        filters = Filters.build(db, scope.get("document_id"), scope.get("speaker"))
        if filters is None:
            continue
        for kind, table in (("turn", "turn_chars"), ("annotation", "annotation_chars")):
            rows_sql, params = search_counts._hit_rows_sql(parsed, filters, kind, table)
            fast = search_counts._count_places(db, parsed, filters, kind, table, rows_sql,
                                               params)
            plain = search_counts._count_places_sql(db, parsed, table, rows_sql, params)
            assert fast is not None and fast == plain, (query, scope, kind)


@pytest.mark.parametrize("query", ["算力", "模型", "哈哈", "数据", "合作伙伴", "伙伴"])
def test_counts_of_one_word_are_its_occurrences_in_the_texts(library, query):
    db, docs = library
    folded = textnorm.fold(query)
    turns = places = 0
    for headline, text in db.execute("SELECT headline, text FROM turns"):
        # Overlapping occurrences count apart (哈哈 twice in 哈哈哈), as the index has them.
        found = sum(_overlapping(textnorm.fold(part), folded) for part in (headline, text))
        turns += found > 0
        places += found
    assert places > turns > 0
    found = tally(db, query, kinds="turn")
    assert (found.turns, found.matches) == (turns, places)


def _overlapping(text: str, word: str) -> int:
    count, at = 0, text.find(word)
    while at >= 0:
        count += 1
        at = text.find(word, at + 1)
    return count


@pytest.mark.parametrize("query", QUERIES)
def test_counts_agree_with_the_highlights_where_no_occurrences_touch(library, query):
    db, docs = library
    for scope in _scopes(docs):
        hits = search(db, query, limit=100_000, **scope)
        found = tally(db, query, **scope)
        assert found.hits == len(hits)
        assert found.turns == sum(1 for hit in hits if hit.kind == "turn")
        # Highlights merge occurrences that overlap or touch; the count does not.
        assert found.matches >= sum(len(hit.matches) for hit in hits)


def _ranked_reference(db, query: str, limit: int, **scope) -> list[tuple]:
    """(kind, key) of the first hits best first, the plain way: bm25 of every hit of each
    kind in SQL, the best `limit` of each (equal scores: turns by id, notes in reading
    order), then all by score and reading order."""
    parsed = fts_query.parse(query)
    filters = Filters.build(db, scope.get("document_id"), scope.get("speaker"))
    if parsed is None or filters is None:
        return []
    found = []
    where, params = filters.sql("turn")
    for tid, score, doc, start in db.execute(
            "SELECT c.rowid, c.score, t.document_id, t.start FROM (SELECT rowid, "
            f"bm25(turn_chars) AS score FROM turn_chars WHERE turn_chars MATCH ?{where} "
            "ORDER BY score, rowid LIMIT ?) c JOIN turns t ON t.id = c.rowid",
            [parsed.chars_expr(), *params, limit]):
        found.append(((score, doc, start, 0), ("turn", tid)))
    where, params = filters.sql("annotation")
    for aid, score, doc, start in db.execute(
            "SELECT c.annotation_id, bm25(annotation_chars) AS score, a.document_id, a.start "
            "FROM annotation_chars c JOIN annotations a ON a.id = c.annotation_id "
            f"WHERE annotation_chars MATCH ?{where} ORDER BY score, a.document_id, a.start, "
            "a.id LIMIT ?", [parsed.chars_expr(), *params, limit]):
        found.append(((score, doc, start, 1), ("annotation", aid)))
    found.sort(key=lambda f: f[0])
    return [key for _, key in found[:limit]]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("limit", [1, 7, 100, 100_000])
def test_best_matches_first_are_those_of_bm25_over_every_hit(library, query, limit):
    db, docs = library
    for scope in _scopes(docs):
        hits = search(db, query, limit=limit, order="relevance", **scope)
        got = [(h.kind, h.turn_id if h.kind == "turn" else h.annotation_id) for h in hits]
        assert got == _ranked_reference(db, query, limit, **scope), (query, scope)
        assert [h.score for h in hits] == list(range(len(hits)))


def test_row_keys_too_large_for_the_arrays_are_counted_in_sql(library, monkeypatch):
    db, docs = library
    expected = {q: tally(db, q) for q in QUERIES}
    monkeypatch.setattr(search_counts, "_KEY_LIMIT", 1)
    assert {q: tally(db, q) for q in QUERIES} == expected


def test_turns_too_long_for_the_arrays_are_counted_in_sql(library, monkeypatch):
    db, docs = library
    expected = {q: tally(db, q) for q in QUERIES}
    # The long document's offsets no longer fit: its grams are counted in SQL.
    monkeypatch.setattr(search_counts, "_OFFSET_BITS", 8)
    assert {q: tally(db, q) for q in QUERIES} == expected
