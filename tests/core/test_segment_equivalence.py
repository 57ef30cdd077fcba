"""rjieba, on the hot path, must cut exactly as jieba (the reference) does, custom words included."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.bench.generate import generate, sample_text
from desktop.core import segment

GLOSSARY = [
    "算力荒", "百模大战", "智算", "元脑", "数据飞轮", "长文本", "多模态", "降本增效", "循环智能",
    "人工智能",  # already in the dictionary: its frequency changes, not its presence
    "大模型", "ChatGPT", "GPT-4 Turbo", "浪潮信息", "夯实基础", "議員", "场景化落地",
]


@pytest.fixture(scope="module")
def pair():
    """A fresh Rust-port segmenter and a fresh jieba tokenizer, outside the module's globals."""
    return segment._RJiebaBackend(), segment._JiebaBackend()


@pytest.fixture(scope="module")
def generated_lines() -> list[str]:
    # 150 kB of generated text: many speakers, traditional sentences, Latin terms, mixed punctuation.
    return [line for line in generate(150_000, seed=7).text.splitlines() if line]


def _assert_same(pair, lines: list[str]) -> None:
    fast, ref = pair
    for line in lines:
        assert fast.cut(line) == ref.cut(line), line
        assert fast.cut_for_search(line) == ref.cut_for_search(line), line


def test_same_tokens_on_the_sample(pair) -> None:
    lines = sample_text().splitlines()
    _assert_same(pair, lines)
    _assert_same(pair, [sample_text()])  # and as one long string


def test_same_tokens_on_generated_text(pair, generated_lines) -> None:
    assert any("們" in line or "這" in line or "於" in line for line in generated_lines)
    assert any("GPT4" in line or "ChatGPT" in line for line in generated_lines)
    _assert_same(pair, generated_lines)


def test_same_tokens_with_glossary_words_added_and_removed(pair, generated_lines) -> None:
    fast, ref = pair
    probe = "循环智能说算力荒和百模大战之后，智算中心与元脑的数据飞轮让场景化落地降本增效。"
    before = fast.cut(probe)
    try:
        for word in GLOSSARY:
            fast.add_word(word)
            ref.add_word(word)
        assert fast.added == ref.added  # the same frequencies were chosen
        after = fast.cut(probe)
        assert after != before
        for word in ("算力荒", "百模大战", "智算", "元脑", "数据飞轮", "场景化落地"):
            assert word in after
        _assert_same(pair, [probe, *sample_text().splitlines(), *generated_lines[:400]])
        fast.remove_words(GLOSSARY[::2])
        ref.remove_words(GLOSSARY[::2])
        _assert_same(pair, [probe, *sample_text().splitlines(), *generated_lines[:200]])
    finally:
        fast.remove_words(GLOSSARY)
        ref.remove_words(GLOSSARY)
    assert fast.cut(probe) == before == ref.cut(probe)


_ALPHABET = sorted(set(sample_text()) | set("們這於議員體 \t\n１２ＡＢ０.,;:!?\"'()[]《》…—-_%+#&𠮷😀"))
# Pieces where the Rust port's own pre-splitting differs from jieba's (symbol runs, CJK
# extension and compatibility ideographs) next to dictionary words that mix scripts.
_FRAGMENTS = [
    "COVID-19", "GPT-4", "3.5", "50%", "v1.2.3", "a_b", "C++", "C#", "AT&T", "B超", "T恤",
    "卡拉OK", "X光", "的", "了", "患者", "大模型", "算力", ".", "-", "_", "%", "+", "#", "&", "1",
    "a", "。", "，", " ", "\n", "\r\n", "㐀", "鿖", "﨎", "𠮷", "𠀀", ".5", "-1", "2.0", "API",
    "人工智能", "長", "們", "k8s", "x86-64", "5G", "H100",
]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_same_tokens_on_arbitrary_text(pair, text: str) -> None:
    _assert_same(pair, [text])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map("".join))
def test_same_tokens_around_symbols_and_rare_ideographs(pair, text: str) -> None:
    _assert_same(pair, [text])


def test_symbol_runs_split_as_jieba_splits_them(pair) -> None:
    fast, ref = pair
    assert fast.cut("COVID-19患者") == ["COVID", "-", "19", "患者"] == ref.cut("COVID-19患者")
    assert fast.cut("我们㐀㐁说") == ref.cut("我们㐀㐁说") == ["我们", "㐀", "㐁", "说"]
    words = ["GPT-4", "x86-64", "k8s集群"]
    try:
        for word in words:
            fast.add_word(word)
            ref.add_word(word)
        text = "GPT-4在x86-64的k8s集群上跑COVID-19数据"
        assert fast.cut(text) == ref.cut(text)
        assert fast.cut_for_search(text) == ref.cut_for_search(text)
        assert {"GPT-4", "x86-64", "k8s集群"} <= set(fast.cut(text))
    finally:
        fast.remove_words(words)
        ref.remove_words(words)


@pytest.mark.usefixtures("plain_dictionary")  # a glossary loaded earlier may hold 算力荒
def test_custom_words_reach_the_segmenter_in_use() -> None:
    probe = "大家都在谈算力荒的问题"
    assert "算力荒" not in segment.words(probe)
    segment.add_words(["算力荒"])
    try:
        assert "算力荒" in segment.words(probe)
        assert "算力荒" in segment.index_tokens(probe)
        assert "算力荒" in segment.custom_words()
        # jieba itself (keyword extraction, the benchmark's floor) has it too, loaded late.
        assert segment.reference_words(probe) == segment.words(probe)
    finally:
        segment.remove_words(["算力荒"])
    assert "算力荒" not in segment.words(probe)
    assert segment.reference_words(probe) == segment.words(probe)


def test_hot_path_uses_the_rust_port() -> None:
    assert segment.backend_name() == "rjieba"


def test_whitespace_tokens_are_dropped_and_nothing_else() -> None:
    for text in ("大模型 和\t算力\n问题", "大模型和算力问题", "GPT-4　模型\u3000训练 "):
        ref = segment.reference_words(text)
        assert segment.words(text) == [w for w in ref if not w.isspace()]
        assert all(w.strip() for w in segment.index_tokens(text))
    assert " " not in segment.words("大模型 和 算力")
