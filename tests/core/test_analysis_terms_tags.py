"""Glossary term frequencies and dispersion, and tag matrices, against direct counts."""

from __future__ import annotations

from collections import Counter

import pytest

from desktop.core.analysis import tags as tag_analysis
from desktop.core.analysis.terms import term_frequencies
from desktop.core.importing import import_file


@pytest.fixture
def sample_db(memory_db, sample_path):
    from desktop.core import glossary

    glossary.prepare(memory_db)
    import_file(memory_db, sample_path)
    return memory_db


def test_term_counts_are_the_reading_views_marks_by_turn(sample_db):
    from desktop.core import library
    from desktop.core.glossary import matcher_for

    table = term_frequencies(sample_db)
    assert table.terms and table.terms == sorted(table.terms, key=lambda t: (-t.count, t.term))
    text = library.document_text(sample_db, 1)
    names = {s.id: s.name for s in library.speakers(sample_db, 1)}
    turns = library.turns(sample_db, 1)
    expected: dict[str, Counter] = {}
    for mark in matcher_for(sample_db).find(text):
        owner = next((t for t in turns if t.start <= mark.start < t.end), None)
        name = names.get(owner.speaker_id, "") if owner and owner.speaker_id else ""
        expected.setdefault(mark.term_id, Counter())[name] += 1
    assert {t.term_id: dict(t.by_speaker) for t in table.terms} == {
        k: dict(v) for k, v in expected.items()}
    for row in table.terms:
        assert sum(row.by_speaker.values()) == row.count == row.by_document[1]
        places = [p for p, _ in row.places[1]]
        assert places == sorted(places) and all(0 <= p < table.lengths[1] for p in places)
    # 算力 inside 算力荒 counts for 算力荒, as the reading view underlines it.
    assert table.term("算力").count == 24 and table.term("算力荒") is not None
    assert table.speakers[:4] == ["杨静", "陈虞君", "张家俊", "吴韶华"]


def _annotate(db, quote, tags, occurrence=0):
    from db import annotations as rows
    from desktop.core import library
    from desktop.core.annotations import new_annotation

    text = library.document_text(db, 1)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    ann = new_annotation(db, 1, start, start + len(quote), tags=tags)
    rows.insert(db, ann)
    return ann


def test_tags_by_speaker_document_and_together(sample_db):
    a = _annotate(sample_db, "循环智能基于ToB的服务经验", ["业务", "ToB"])  # 陈虞君
    b = _annotate(sample_db, "基于ToB的服务", ["经验"])  # inside a: overlaps it
    c = _annotate(sample_db, "我们暂时还没有成立工程实体", ["业务"])  # 张家俊
    d = _annotate(sample_db, "我们的业务也是基于", ["经验"])  # 陈虞君, same turn as a
    data = tag_analysis.load(sample_db)
    assert data.speaker_of == {a.id: "陈虞君", b.id: "陈虞君", c.id: "张家俊", d.id: "陈虞君"}
    by_speaker = tag_analysis.by_speaker(data)
    assert by_speaker.count("业务", "陈虞君") == 1 and by_speaker.count("业务", "张家俊") == 1
    assert by_speaker.count("经验", "陈虞君") == 2
    assert by_speaker.annotations("经验", "陈虞君") == [b.id, d.id] or \
        sorted(by_speaker.annotations("经验", "陈虞君")) == sorted([b.id, d.id])
    # Every annotation is counted once per tag it carries.
    assert sum(by_speaker.counts.values()) == sum(len(x.tags) for x in (a, b, c, d))

    overlap = tag_analysis.cooccurrence(data, "overlap")
    assert overlap.count("业务", "ToB") == 1  # the same annotation carries both
    assert overlap.count("经验", "业务") == overlap.count("业务", "经验") == 1  # a and b
    assert overlap.count("经验", "ToB") == 1
    assert overlap.count("业务", "业务") == 0
    assert set(overlap.annotations("业务", "经验")) == {a.id, b.id}

    same_turn = tag_analysis.cooccurrence(data, "turn")
    assert same_turn.count("业务", "经验") == 1  # one turn holds a, b and d
    assert set(same_turn.annotations("业务", "经验")) == {a.id, b.id, d.id}

    by_document = tag_analysis.by_document(data)
    title = data.documents[1]
    assert Counter({t: by_document.count(t, title) for t in by_document.rows}) == Counter(
        {"ToB": 1, "业务": 2, "经验": 2})
    header, rows = by_speaker.table()
    assert header[0] == "" and rows[0][0] == by_speaker.rows[0]


def test_a_passage_over_two_turns_shares_both(sample_db):
    from desktop.core import library

    turns = library.turns(sample_db, 1)
    text = library.document_text(sample_db, 1)
    # From the end of turn 2 into turn 3.
    start, end = turns[2].end - 5, turns[3].start + 8
    from db import annotations as rows
    from desktop.core.annotations import new_annotation

    ann = new_annotation(sample_db, 1, start, end, tags=["跨"])
    rows.insert(sample_db, ann)
    data = tag_analysis.load(sample_db)
    assert data.turns_of[ann.id] == (turns[2].id, turns[3].id)
    assert text[start:end] == ann.quote
