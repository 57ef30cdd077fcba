"""A term taken from a selection: the punctuation a quick drag picks up is left behind."""

from __future__ import annotations

import pytest

from desktop.core.errors import YanduError
from desktop.core.glossary.selection import prefill_from_selection, selected_term


@pytest.mark.parametrize(("selected", "term"), [
    ("分布式训练算法、", "分布式训练算法"),
    ("，数据飞轮。", "数据飞轮"),
    ("“数据飞轮”", "数据飞轮"),
    ("（算力荒）", "算力荒"),
    ("...AI...", "AI"),
    (" 张量\n并行 ", "张量 并行"),
    ("GPT-4(o)，", "GPT-4(o)"),  # a pair inside the term stays
    ("「大模型」的", "「大模型」的"),
    ("C#。", "C#"),
    ("5%", "5%"),
])
def test_selection_loses_only_the_punctuation_around_the_word(selected, term):
    assert selected_term(selected) == term


def test_a_selection_of_punctuation_alone_is_refused(memory_db):
    text = "杨静：算力荒、数据飞轮。"
    memory_db["documents"].insert(
        {"id": 1, "title": "t", "source_name": "t.txt", "source_sha256": "x",
         "encoding": "utf-8", "format": "text", "text": text, "imported_at": "2026-01-01"})
    start = text.index("算力荒")
    fields = prefill_from_selection(memory_db, 1, start, start + 4)
    assert fields["term"] == "算力荒" and fields["pinyin"] == "suàn lì huāng"
    comma = text.index("、")
    with pytest.raises(YanduError, match="no word"):
        prefill_from_selection(memory_db, 1, comma, comma + 1)


TRANSCRIPT = "甲：我们先谈算力荒。它很要紧\n\n乙：算力荒？我看还好。\n\n丙：“数据飞轮”\n\n数据飞轮转起来了。\n"


@pytest.fixture
def merged(memory_db, tmp_path):
    """A transcript whose speaker 甲 was merged into 乙, as the Speakers panel does."""
    from desktop.core.commands import History
    from desktop.core.importing import import_file
    from desktop.core.speakers import MergeSpeakers

    source = tmp_path / "t.txt"
    source.write_text(TRANSCRIPT, encoding="utf-8")
    doc = import_file(memory_db, source).document_id
    History(memory_db).run(MergeSpeakers(doc, "甲", "乙"))
    names = [r[0] for r in memory_db.execute("SELECT name FROM speakers")]
    assert "甲" not in names  # the label 甲： is still in the document's text
    return memory_db, doc


@pytest.mark.parametrize(("word", "nth", "example"), [
    ("算力荒", 0, "我们先谈算力荒。"),  # the merged speaker's label is left out
    ("算力荒", 1, "算力荒？"),
    ("要紧", 0, "它很要紧"),  # the speech ends, not the line: no label of the next turn
    ("数据飞轮", 1, "数据飞轮转起来了。"),
])
def test_the_example_sentence_is_taken_from_the_speech_without_a_label(merged, word, nth,
                                                                        example):
    db, doc = merged
    text = db.execute("SELECT text FROM documents WHERE id = ?", [doc]).fetchone()[0]
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    fields = prefill_from_selection(db, doc, start, start + len(word))
    assert fields["example"] == example
    assert "甲" not in fields["notes"]


def test_suggested_examples_leave_the_labels_out(merged):
    from desktop.core.glossary import suggest

    db, doc = merged
    found = suggest(db, document_id=doc, min_count=1, limit=100)
    assert found and all(s.example for s in found)
    assert not any(s.example.startswith(("甲", "乙", "丙")) for s in found)
