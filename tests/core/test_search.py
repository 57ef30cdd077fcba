"""Search: recall of short Chinese words, folding, phrases, filters, ranking, offsets, notes."""

from __future__ import annotations

import json

import pytest

from desktop.core import search_index, segment
from desktop.core.annotations import DeleteAnnotation, EditAnnotation
from desktop.core.search import SearchHit, search
from desktop.core.search_counts import tally
from tests.core.search_fixture import add_document, add_note

pytestmark = pytest.mark.usefixtures("plain_dictionary")


def _texts_at(doc: dict, hit: SearchHit) -> list[str]:
    return [doc["text"][s:e] for s, e in hit.matches]


def _turn_ids(hits: list[SearchHit]) -> set[int]:
    return {h.turn_id for h in hits if h.kind == "turn"}


PANEL = [
    ("杨静", "现在大家都面临算力紧缺的问题。"),
    ("陈虞君", "我们有算力的优势,但是算力荒是普遍的问题。"),
    ("张家俊", "计算力和数据同样重要。"),
    ("吴韶华", "模型参数量和数据量增大时,精度会提升。"),
    ("杨静", "下一个问题是关于落地。"),
]


@pytest.fixture
def panel(memory_db):
    return memory_db, add_document(memory_db, "圆桌", PANEL)


def test_two_character_word_finds_every_turn_that_contains_it(panel):
    db, doc = panel
    # The premise: jieba does not cut 算力 out of 有算力的, so a word index alone misses it.
    assert "算力" not in segment.index_tokens("我们有算力的优势")
    hits = search(db, "算力")
    expected = {tid for tid, (_, speech) in zip(doc["turn_ids"], PANEL, strict=True)
                if "算力" in speech}
    assert _turn_ids(hits) == expected == set(doc["turn_ids"][:3])
    for hit in hits:
        assert hit.matches and all(t == "算力" for t in _texts_at(doc, hit))
    assert tally(db, "算力", matches=False).hits == 3


def test_hits_say_whether_they_are_whole_words_and_come_in_reading_order(panel):
    db, doc = panel
    hits = search(db, "参数")
    assert [h.turn_id for h in hits] == [doc["turn_ids"][3]]
    assert hits[0].whole_word is False  # jieba cut 参 / 数量 here
    hits = search(db, "算力")
    assert [h.turn_id for h in hits] == doc["turn_ids"][:3]  # reading order, whatever the flag
    assert True in [h.whole_word for h in hits]
    scores = [h.score for h in hits]
    assert scores == sorted(scores)


def test_hits_come_in_reading_order(memory_db):
    doc = add_document(memory_db, "d", [
        (None, "今天天气很好,我们聊一聊别的事情,顺便说到数据。"),
        (None, "数据,数据,还是数据。"),
    ])
    hits = search(memory_db, "数据")
    assert [h.turn_id for h in hits] == doc["turn_ids"]  # not by how often it occurs
    assert len(hits[1].matches) == 3
    assert [h.score for h in hits] == [0.0, 1.0]


def test_phrases_in_quotes_with_or_without_the_space(panel):
    db, doc = panel
    target = {doc["turn_ids"][1]}
    assert _turn_ids(search(db, '"算力 荒"')) == target
    assert _turn_ids(search(db, '"算力荒"')) == target
    assert _turn_ids(search(db, "算力荒")) == target
    hit = search(db, '"算力 荒"')[0]
    assert _texts_at(doc, hit) == ["算力荒"]


def test_nfkc_full_width_and_compatibility_ideographs(memory_db):
    doc = add_document(memory_db, "d", [
        (None, "追赶GPT4的过程"),
        (None, "超越ＧＰＴ４的能力"),
        (None, "一\uf900字"),  # CJK compatibility ideograph 豈 (U+F900)
        (None, "GPT40 不是同一个词"),
    ])
    ids = doc["turn_ids"]
    for query in ("GPT4", "ＧＰＴ４", "gpt4"):
        hits = search(memory_db, query)
        assert _turn_ids(hits) == {ids[0], ids[1]}, query
    full_width = next(h for h in search(memory_db, "gpt4") if h.turn_id == ids[1])
    assert _texts_at(doc, full_width) == ["ＧＰＴ４"]
    hits = search(memory_db, "\u8c48")  # the unified ideograph 豈
    assert _turn_ids(hits) == {ids[2]} and _texts_at(doc, hits[0]) == ["\uf900"]


def test_simplified_and_traditional_fold_both_ways(memory_db):
    doc = add_document(memory_db, "d", [(None, "多位議員提出質詢"), (None, "这位议员表示同意")])
    for query in ("议员", "議員"):
        hits = search(memory_db, query)
        assert _turn_ids(hits) == set(doc["turn_ids"]), query
        assert {t for h in hits for t in _texts_at(doc, h)} == {"议员", "議員"}


def test_a_traditional_word_is_found_with_or_without_punctuation_around_it(memory_db):
    # OpenCC converting by phrase keeps 乾 in 乾隆 but not in 乾隆，: every form must meet.
    doc = add_document(memory_db, "d", [(None, "乾隆年間的檔案"), (None, "他說：乾隆，就是這樣。")])
    for query in ("乾隆", "乾隆年間", "干隆"):
        assert _turn_ids(search(memory_db, query)) >= {doc["turn_ids"][0]}, query
    assert _turn_ids(search(memory_db, "乾隆")) == set(doc["turn_ids"])


def test_the_per_character_fold_step_refills_the_indexes_of_a_study_with_text(panel):
    from db.migrations import fold_each_character

    db, _ = panel
    fold_each_character(db)
    assert db.execute("SELECT count(*) FROM study_meta WHERE key = ?",
                      [search_index.STALE_KEY]).fetchone()[0] == 1
    assert len(search(db, "算力")) == 3
    assert search_index.ensure_current(db) is False


def test_offsets_land_on_the_source_characters_when_folding_changes_lengths(memory_db):
    speech = "𠮷野家㍿的報告……說到株式会社和ﬁle"
    doc = add_document(memory_db, "d", [("甲", speech)])
    checks = {"𠮷野家": "𠮷野家", "株式": "㍿", "株式会社": "株式会社", "报告": "報告",
              "说到": "說到", "file": "ﬁle"}
    for query, shown in checks.items():
        hits = search(memory_db, query)
        assert len(hits) == 1, query
        texts = _texts_at(doc, hits[0])
        assert shown in texts, (query, texts)
        snip = hits[0].snippet
        assert any(snip[s:e] == shown for s, e in hits[0].snippet_matches), (query, snip)
    # 株式 is found twice: inside ㍿ and at 株式会社.
    assert _texts_at(doc, search(memory_db, "株式")[0]) == ["㍿", "株式"]


def test_latin_words_match_whole_tokens_only(memory_db):
    add_document(memory_db, "d", [(None, "GPT4o 发布了"), (None, "and then NEAR the end")])
    assert search(memory_db, "gpt4") == []
    assert len(search(memory_db, "gpt4o")) == 1
    assert len(search(memory_db, "NEAR")) == 1
    assert len(search(memory_db, "the end")) == 1


def test_filter_by_document_and_speaker(panel):
    db, doc = panel
    other = add_document(db, "另一场", [("杨静", "算力的问题"), ("李四", "算力成本")])
    assert len(search(db, "算力")) == 5
    assert {h.document_id for h in search(db, "算力", document_id=other["id"])} == {other["id"]}
    by_speaker = search(db, "问题", speaker="杨静")
    assert {h.speaker for h in by_speaker} == {"杨静"}
    assert _turn_ids(by_speaker) == {doc["turn_ids"][0], doc["turn_ids"][4], other["turn_ids"][0]}
    both = search(db, "问题", speaker="杨静", document_id=doc["id"])
    assert _turn_ids(both) == {doc["turn_ids"][0], doc["turn_ids"][4]}
    assert search(db, "算力", speaker="无此人") == []
    assert search(db, "算力", speaker="李四", document_id=doc["id"]) == []
    assert tally(db, "问题", speaker="杨静", matches=False).hits == 3


def test_or_not_and_minus(panel):
    db, doc = panel
    ids = doc["turn_ids"]
    assert _turn_ids(search(db, "算力 问题")) == {ids[0], ids[1]}
    assert _turn_ids(search(db, "算力 AND 问题")) == {ids[0], ids[1]}
    assert _turn_ids(search(db, "落地 OR 计算力")) == {ids[2], ids[4]}
    assert _turn_ids(search(db, "问题 -算力")) == {ids[4]}
    assert _turn_ids(search(db, "问题 NOT 算力")) == {ids[4]}
    assert search(db, "-算力") == []  # nothing to look for, only something to leave out


def test_snippet_marks_the_match_and_cuts_with_ellipses(memory_db):
    before, after = "前" * 50, "后" * 50
    doc = add_document(memory_db, "d", [(None, before + "算力" + after)])
    hit = search(memory_db, "算力")[0]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert [hit.snippet[s:e] for s, e in hit.snippet_matches] == ["算力"]
    assert len(hit.snippet) == 30 + 2 + 30 + 2
    assert _texts_at(doc, hit) == ["算力"]


def test_annotation_notes_are_searched_too(panel):
    db, doc = panel
    text = doc["text"]
    start = text.index("算力荒")
    ann_id = add_note(db, doc["id"], start, start + 3, "这里说的**供给不足**很关键")
    hits = search(db, "供给")
    assert [(h.kind, h.annotation_id, h.turn_id) for h in hits] == [("annotation", ann_id, None)]
    note_hit = hits[0]
    assert note_hit.speaker == "陈虞君" and note_hit.document_title == "圆桌"
    note = "这里说的**供给不足**很关键"
    assert [note[s:e] for s, e in note_hit.matches] == ["供给"]
    assert search(db, "供给", kinds=("turn",)) == []
    assert search(db, "供给", speaker="陈虞君")[0].annotation_id == ann_id
    assert search(db, "供给", speaker="杨静") == []
    assert {h.kind for h in search(db, "算力", kinds=("annotation",))} == set()


def test_editing_and_deleting_a_note_updates_the_index(panel):
    db, doc = panel
    ann_id = add_note(db, doc["id"], 0, 2, "旧的想法")
    from db import annotations as rows

    old = rows.get(db, ann_id)
    EditAnnotation(old, old.__class__(**{**old.row(), "note": "新的念頭", "tags": ()})).apply(db)
    assert search(db, "旧的想法") == []
    assert [h.annotation_id for h in search(db, "念头")] == [ann_id]
    DeleteAnnotation(rows.get(db, ann_id)).apply(db)
    assert search(db, "念头") == []


def test_limit_count_and_json(panel):
    db, _ = panel
    assert len(search(db, "问题", limit=2)) == 2
    assert search(db, "问题", limit=0) == []
    assert tally(db, "问题", matches=False).hits == len(search(db, "问题", limit=1000)) == 3
    data = [h.as_dict() for h in search(db, "问题")]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert set(data[0]) >= {"kind", "document_id", "document_title", "turn_id", "annotation_id",
                            "speaker", "score", "matches", "snippet", "snippet_matches"}


def test_unindex_document_and_reindex_all(panel):
    db, doc = panel
    search_index.unindex_document(db, doc["id"])
    assert search(db, "算力") == []
    search_index.reindex_all(db)
    assert len(search(db, "算力")) == 3


def test_a_study_upgraded_with_text_is_filled_before_the_first_search(panel):
    db, _ = panel
    # What schema step 0003 leaves on a study that already had turns: empty character
    # tables and a mark saying so.
    db.execute("INSERT INTO turn_chars (turn_chars) VALUES ('delete-all')")
    db.execute("INSERT INTO study_meta (key, value) VALUES (?, '1')", [search_index.STALE_KEY])
    assert len(search(db, "算力")) == 3
    assert db.execute("SELECT count(*) FROM study_meta WHERE key = ?",
                      [search_index.STALE_KEY]).fetchone()[0] == 0
    assert search_index.ensure_current(db) is False


def test_schema_step_marks_only_studies_with_text(memory_db):
    from db.migrations import search_char_pairs

    search_char_pairs(memory_db)  # run again: drops and recreates the gram tables
    assert memory_db.execute("SELECT count(*) FROM study_meta").fetchone()[0] == 0
    add_document(memory_db, "d", [(None, "算力")])
    search_char_pairs(memory_db)
    assert memory_db.execute("SELECT count(*) FROM turn_chars").fetchone()[0] == 0
    assert search(memory_db, "算力")[0].matches == ((0, 2),)


def test_single_characters_and_mixed_latin_chinese_terms(memory_db):
    texts = ["我的", "的确", "的", "GPT4的能力", "GPT4 的确如此", "用gpt4", "a的b", "没有"]
    doc = add_document(memory_db, "d", [(None, t) for t in texts])
    by_text = dict(zip(doc["turn_ids"], texts, strict=True))

    def found(query: str) -> set[str]:
        return {by_text[h.turn_id] for h in search(memory_db, query)}

    assert found("的") == {t for t in texts if "的" in t}
    assert found("gpt4的") == {"GPT4的能力", "GPT4 的确如此"}
    assert found("gpt4的能") == {"GPT4的能力"}
    assert found("a的b") == {"a的b"}
    assert found("用gpt4") == {"用gpt4"}
    assert found("的确") == {"的确", "GPT4 的确如此"}
    assert found("确") == {"的确", "GPT4 的确如此"}


def test_overlapping_occurrences_are_all_highlighted(memory_db):
    doc = add_document(memory_db, "d", [(None, "哈哈哈,好的"), (None, "他说哈哈")])
    hits = {h.turn_id: h for h in search(memory_db, "哈哈")}
    first, second = doc["turn_ids"]
    assert set(hits) == {first, second}
    assert [doc["text"][s:e] for s, e in hits[first].matches] == ["哈哈哈"]
    assert [doc["text"][s:e] for s, e in hits[second].matches] == ["哈哈"]


def test_latin_diacritics_match_as_fts5_compares_them(memory_db):
    doc = add_document(memory_db, "d", [(None, "一杯Café au lait"), (None, "cafe 和 naïve")])
    for query in ("cafe", "café", "CAFÉ"):
        hits = search(memory_db, query)
        assert {h.turn_id for h in hits} == set(doc["turn_ids"]), query
        assert {doc["text"][s:e] for h in hits for s, e in h.matches} == {"Café", "cafe"}
    hits = search(memory_db, "naive")
    assert [doc["text"][s:e] for s, e in hits[0].matches] == ["naïve"]


def test_large_pages_and_kinds_given_as_one_string(memory_db):
    add_document(memory_db, "d", [(None, f"第{i}次说到算力") for i in range(1200)])
    hits = search(memory_db, "算力", limit=5000, kinds="turn")
    assert len(hits) == 1200 == tally(memory_db, "算力", kinds="turn", matches=False).hits
    assert all(h.kind == "turn" and h.matches for h in hits)


def test_reindex_turns_follows_new_custom_words_and_recall_does_not_depend_on_them(memory_db):
    doc = add_document(memory_db, "d", [(None, "我们讨论算力荒漠化的问题")])
    assert search(memory_db, "算力")[0].whole_word is True
    segment.add_words(["讨论算力"])
    try:
        assert "算力" not in segment.index_tokens("我们讨论算力荒漠化的问题")  # the premise
        search_index.reindex_turns(memory_db, doc["turn_ids"])
        assert search(memory_db, "讨论算力")[0].whole_word is True
        hit = search(memory_db, "算力")[0]  # still found, now as part of a word
        assert hit.whole_word is False and hit.matches == ((4, 6),)
    finally:
        segment.remove_words(["讨论算力"])


def test_punctuation_separates_and_query_spaces_only_mark_words(memory_db):
    doc = add_document(memory_db, "d", [(None, "跟随无法超越,大胆创新"), (None, "模型越大越好"),
                                        (None, "算力，荒漠"), (None, "算力荒")])
    ids = doc["turn_ids"]
    assert _turn_ids(search(memory_db, "越大")) == {ids[1]}  # not across 超越,大胆
    assert _turn_ids(search(memory_db, '"算力 荒"')) == {ids[3]}  # the space marks words
    hits = search(memory_db, "算力，荒")  # punctuation typed: punctuation wanted
    assert _turn_ids(hits) == {ids[2]}
    assert _texts_at(doc, hits[0]) == ["算力，荒"]


def test_headlines_are_searched_with_their_turn(memory_db):
    doc = add_document(memory_db, "d", [("甲", "正文里只谈数据。")])
    memory_db.execute("UPDATE turns SET headline = ?, headline_start = 0, headline_end = 5",
                      ["提升长文本"])
    memory_db.execute("UPDATE documents SET text = ? WHERE id = ?",
                      ["提升长文本\n" + doc["text"], doc["id"]])
    memory_db.execute("UPDATE turns SET text_start = text_start + 6")
    search_index.reindex_all(memory_db)
    text = "提升长文本\n" + doc["text"]
    hits = search(memory_db, "长文本")
    assert [h.turn_id for h in hits] == doc["turn_ids"]
    assert [text[s:e] for s, e in hits[0].matches] == ["长文本"]
    assert hits[0].snippet == "提升长文本"
    both = search(memory_db, "长文本 数据")[0]
    assert [text[s:e] for s, e in both.matches] == ["长文本", "数据"]
    assert both.snippet == "正文里只谈数据。"  # the speech comes first when it matched
    assert search(memory_db, "文本正文") == []  # never across headline and speech
