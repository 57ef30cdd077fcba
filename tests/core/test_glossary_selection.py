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
