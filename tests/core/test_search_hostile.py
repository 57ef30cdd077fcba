"""Any text a user types is a valid query: results or none, never an exception.

And a property the whole design rests on: on Chinese text, a hit is exactly a turn whose
folded text (punctuation aside) contains the folded query.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import textnorm
from desktop.core.fts_query import parse
from desktop.core.search import SearchHit, search
from desktop.core.search_counts import tally
from tests.core.search_fixture import add_document

HOSTILE = [
    "", " ", "\t\n", '"', '""', '"""', '"算力', '算力"', 'a"b"c"', "AND", "OR", "NOT", "NEAR",
    "算力 AND", "OR 算力", "算力 OR OR 问题", "NOT NOT", "NEAR(算力 问题)", "NEAR(算力 问题, 2)",
    "*", "算*", "-", "--", "-算力", "- 算力", ":", "tokens:算力", "chars: 算力", "{tokens}: 算力",
    "^", "^算力", "(", ")", "(算力", "算力)", "((()))", "+", "算力 + 问题", "'", "`", "\\",
    "\x00", "算\x00力", "\ud800", "😀", "💥算力💥", "👨\u200d👩\u200d👧", "\u200b", "\ufeff算力",
    "%", "_", "_%", "; DROP TABLE turns; --", "' OR 1=1 --", "\"' OR '1'='1", "算力" * 500,
    " ".join(["算力"] * 300), " OR ".join(["问题"] * 300), "(" * 200 + "算力" + ")" * 200,
    "\u202e算力", "\U0010ffff", "𠮷", "ＧＰＴ４", "㍿", "ﬁ",
]


@pytest.fixture(scope="module")
def study():
    from db import open_memory_study

    db = open_memory_study()
    add_document(db, "d", [
        ("甲", "现在大家都面临算力紧缺的问题。"),
        ("乙", "AND OR NOT NEAR 这些词也会出现在文字里:tokens:chars。"),
        ("甲", "𠮷野家㍿的ＧＰＴ４报告"),
    ])
    yield db
    db.close()


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_never_raise(study, query):
    hits = search(study, query)
    assert isinstance(hits, list) and all(isinstance(h, SearchHit) for h in hits)
    assert tally(study, query, matches=False).hits >= len(hits)
    assert isinstance(search(study, query, speaker=query, document_id=1), list)


def test_operator_words_and_syntax_are_plain_text(study):
    assert [h.speaker for h in search(study, "NEAR")] == ["乙"]
    assert [h.speaker for h in search(study, "tokens:chars")] == ["乙"]
    assert len(search(study, "算力*")) == len(search(study, "算力")) == 1
    assert len(search(study, '"算力')) == 1  # an unbalanced quote runs to the end
    assert search(study, "算力 AND") == search(study, "算力")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_text_is_a_safe_query(study, query):
    hits = search(study, query, limit=5)
    assert len(hits) <= 5
    for hit in hits:
        assert hit.matches and hit.snippet


SYMBOLS = list("算力荒问题議员议員數数据模型大,。 、!?\"")
QUERY_SYMBOLS = list("算力荒问题議员议員數数据模型大 ")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet=SYMBOLS, min_size=1, max_size=25), min_size=1, max_size=8),
    st.text(alphabet=QUERY_SYMBOLS, min_size=1, max_size=5),
)
def test_hits_are_exactly_the_turns_containing_the_folded_query(turns, query):
    from db import open_memory_study

    # Spaces in a query only separate words; punctuation in the text separates runs.
    needle = textnorm.fold(query).replace(" ", "")
    if not needle:
        return
    db = open_memory_study()
    try:
        doc = add_document(db, "d", [(None, t) for t in turns])
        hits = search(db, f'"{query}"', limit=100)
        expected = {tid for tid, t in zip(doc["turn_ids"], turns, strict=True)
                    if needle in textnorm.fold(t)}
        assert {h.turn_id for h in hits} == expected
        for hit in hits:
            assert hit.matches
            assert all(needle in textnorm.fold(doc["text"][s:e]) for s, e in hit.matches)
    finally:
        db.close()


def test_parse_quotes_every_phrase():
    query = parse('a"b OR "c d" -e NEAR(f*)')
    assert query is not None
    expr = query.chars_expr()
    # Outside the quoted phrases only operators and parentheses remain.
    assert re.sub(r'"(?:[^"]|"")*"', "", expr).replace("AND", "").replace("OR", "").replace(
        "NOT", "").strip(" ()") == ""


MIXED = list("算力荒議员议員數数据模型大的 ,，。…㍿ＧＰＴ４gpt4aéeÉ-_\"'") + ["𠮷", "\u0301"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet=MIXED, min_size=1, max_size=20), min_size=1, max_size=6),
    st.data(),
)
def test_every_hit_shows_where_it_matched(turns, data):
    from db import open_memory_study

    db = open_memory_study()
    try:
        add_document(db, "d", [(None, t) for t in turns])
        source = data.draw(st.sampled_from(turns))
        start = data.draw(st.integers(0, len(source) - 1))
        query = source[start: start + data.draw(st.integers(1, 6))]
        hits = search(db, query)
        assert all(h.matches for h in hits), (query, [h.snippet for h in hits])
        assert tally(db, query, matches=False).hits == len(hits)
    finally:
        db.close()


def test_pasted_walls_of_words_stay_quick(study):
    from desktop.core.fts_query import MAX_TERMS

    many = parse(" ".join(f"词{i}" for i in range(5000)))
    assert many is not None and len(many.groups) == MAX_TERMS
    assert len(parse(" ".join(["算力"] * 5000)).groups) == 1
    assert len(parse("算力 OR 算力 OR 问题").groups[0]) == 2
    assert [h.speaker for h in search(study, " ".join(["算力"] * 20000))] == ["甲"]
