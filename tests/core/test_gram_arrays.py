"""The gram tokens built as arrays (an import's) are exactly those folded a text at a time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import grams, search_index, textnorm
from desktop.core.importing import bundled_sample_path, parse_bytes

# Chinese, traditional and simplified, runs of letters and digits, characters that fold
# to several (ß, ㍿, ﬁ) or to a letter (Ｇ, ①), punctuation kept whole (…), separators
# and the joining character itself, private use, outside the BMP, combining marks.
TRICKY = list("中文議员大模型㍿ﬁßＧＰＴ４①…，,。 \n\t_-a1Z\u0301\ue000\uf900\u3005ー𠮷\x00\x01")


def _reference(headline: str, speech: str) -> str:
    """The definition: each text folded, cut into gram tokens, kept apart by BOUNDARY."""
    return f" {search_index.BOUNDARY} ".join(
        " ".join(search_index.gram_tokens(textnorm.fold(t))) for t in (headline, speech) if t)


@pytest.fixture(autouse=True)
def _arrays_at_once(monkeypatch):
    monkeypatch.setattr(grams, "LOAD_AFTER", 0)  # numpy may not be loaded yet


_texts = st.lists(st.sampled_from(TRICKY) | st.characters(blacklist_categories=("Cs",)),
                  max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_texts, _texts), max_size=8))
def test_turn_tokens_many_match_the_definition(turns):
    assert search_index.turn_tokens_many(turns) == [_reference(h, s) for h, s in turns]
    assert [search_index.turn_tokens(h, s) for h, s in turns] == [
        _reference(h, s) for h, s in turns]


@settings(max_examples=300, deadline=None)
@given(st.lists(_texts, max_size=10))
def test_fold_grams_match_or_leave_a_text_out(texts):
    for text, found in zip(texts, grams.fold_grams(texts), strict=True):
        if found is None:
            assert any(len(textnorm.fold(ch)) != 1 for ch in text)
        else:
            assert found == " ".join(search_index.gram_tokens(textnorm.fold(text)))


def test_chunks_and_long_texts_match(monkeypatch):
    monkeypatch.setattr(grams, "CHUNK_CHARS", 50)
    texts = ["大模型参数量GPT4很大" * 7, "", "ß大", "中" * 200, "a b", "議員：好" * 30]
    pairs = list(zip(texts, reversed(texts), strict=True))
    assert search_index.turn_tokens_many(pairs) == [_reference(h, s) for h, s in pairs]


def test_the_sample_is_tokenised_as_before():
    parsed = parse_bytes(bundled_sample_path().read_bytes(), "sample.txt")
    pairs = [(parsed.headline(t), parsed.turn_text(t)) for t in parsed.turns]
    assert search_index.turn_tokens_many(pairs) == [_reference(h, s) for h, s in pairs]


def test_texts_the_arrays_cannot_do_are_folded_one_by_one():
    texts = ["大ß模型", "模型參數㍿", "模型參數"]
    assert grams.fold_grams(texts) == [None, None, "模型 型参 参数 数"]
    pairs = [(t, "議員") for t in texts]
    assert search_index.turn_tokens_many(pairs) == [_reference(h, s) for h, s in pairs]


def test_long_texts_are_cut_at_newlines_with_the_same_tokens(monkeypatch):
    monkeypatch.setattr(grams, "CHUNK_CHARS", 40)
    texts = ["大模型，参数量\n" * 30, "GPT4很大" * 20, "\n\n好\n" + "中文" * 50 + "\nab", "ß\n" * 30,
             "短"]
    assert grams.fold_grams(texts) == [
        None if "ß" in t else " ".join(search_index.gram_tokens(textnorm.fold(t)))
        for t in texts]
    assert grams.fold_grams(texts[:1]) == [" ".join(search_index.gram_tokens(
        textnorm.fold(texts[0])))]


def test_a_small_import_does_not_load_numpy_for_the_arrays(monkeypatch):
    import sys

    monkeypatch.setattr(grams, "LOAD_AFTER", 1000)
    monkeypatch.setattr(grams, "_np", None)
    monkeypatch.setattr(grams, "_cut", 0)
    monkeypatch.delitem(sys.modules, "numpy", raising=False)
    assert not grams.worth_it(600)
    assert grams.worth_it(600)
