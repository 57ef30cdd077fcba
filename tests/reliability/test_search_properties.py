"""Search on a real study (the sample, hostile notes): any query returns, writes nothing,
and every match it reports lies inside the text it points at."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import open_study
from desktop.core.annotations import CreateAnnotation, new_annotation
from desktop.core.commands import History
from desktop.core.importing import import_file
from desktop.core.search import search
from desktop.core.search_counts import tally
from tests.conftest import SAMPLE

HOSTILE_NOTES = [
    "<script>alert('x')</script> 算力",
    "[点我](javascript:alert(1)) 幻觉",
    '<img src="http://example.com/t.png"> 数据',
    "'; DROP TABLE annotations; -- 模型",
    'NEAR("算力" "问题", 1) OR * AND NOT "',
]

# Pieces a person might type, FTS5 syntax included, glued together at random.
PIECES = st.sampled_from([
    "算力", "大模型", "幻觉", "长文本", "杨静", "問題", "AND", "OR", "NOT", "NEAR", "NEAR(",
    '"', "'", "(", ")", "*", "^", "-", "+", ":", "tokens:", "chars:", "{", "}", "\\", "\x00",
    "\u202e", "𠮷", "😀", "ＧＰＴ", " ", "  ", "\n", "%", "_", "[", "]", "@", "#", "$", ";",
])
QUERIES = st.one_of(
    st.lists(PIECES, max_size=12).map("".join),
    st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=8).map(" ".join),
    st.text(max_size=40),
)


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "study.sqlite"
    db = open_study(path)
    doc = import_file(db, SAMPLE).document_id
    history = History(db)
    for i, note in enumerate(HOSTILE_NOTES):
        history.run(CreateAnnotation(new_annotation(db, doc, 100 + 40 * i, 110 + 40 * i,
                                                    note=note)))
    db.close()
    db = open_study(path)
    yield db
    db.close()


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES, speaker=st.one_of(st.none(), st.sampled_from(["杨静", "陈虞君"]),
                                        st.text(max_size=6)))
def test_any_query_returns_in_range_and_writes_nothing(study, query, speaker):
    before = study.conn.total_changes
    hits = search(study, query, speaker=speaker, limit=20)
    assert tally(study, query, speaker=speaker, matches=False).hits >= len(hits)
    assert study.conn.total_changes == before  # searching never writes to the study
    for hit in hits:
        if hit.kind == "turn":
            text = study.execute("SELECT text FROM documents WHERE id = ?",
                                 [hit.document_id]).fetchone()[0]
        else:
            text = study.execute("SELECT note FROM annotations WHERE id = ?",
                                 [hit.annotation_id]).fetchone()[0]
        assert hit.matches
        for start, end in hit.matches:
            assert 0 <= start < end <= len(text)
        for start, end in hit.snippet_matches:
            assert 0 <= start < end <= len(hit.snippet)


def test_hostile_notes_are_found_as_plain_text(study):
    hits = search(study, "DROP TABLE", kinds=("annotation",))
    assert len(hits) == 1 and "DROP TABLE" in hits[0].snippet
    assert study.execute("SELECT count(*) FROM annotations").fetchone()[0] == len(HOSTILE_NOTES)


def test_search_works_on_a_study_opened_read_only(study, tmp_path):
    from db.connection import backup_study

    copy = backup_study(study, tmp_path / "copy.sqlite")
    viewer = open_study(copy, read_only=True)
    try:
        assert search(viewer, "算力")
        assert search(viewer, '"unbalanced AND (') is not None
    finally:
        viewer.close()
