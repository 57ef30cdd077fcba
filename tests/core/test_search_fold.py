"""The fold map that search highlights rely on: same text and offsets as folding each character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import textnorm

TRICKY = list("abc㍿…ﬁß議員议员ＧＰＴ４𠮷\u0301e ,，\uf900") + ["\u2026\u2026"]


def _reference(text: str) -> tuple[str, tuple[int, ...]]:
    parts: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = textnorm._fold_char(ch)
        parts.append(folded)
        origin.extend([index] * len(folded))
    return "".join(parts), tuple(origin)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TRICKY) | st.characters(blacklist_categories=("Cs",)),
                max_size=40).map("".join))
def test_fold_map_matches_folding_each_character(text):
    folded = textnorm.fold_with_map(text)
    expected_text, expected_origin = _reference(text)
    assert folded.text == expected_text
    origin = folded.origin if folded.origin is not None else tuple(range(len(text)))
    assert origin == expected_origin


def test_fold_map_examples():
    folded = textnorm.fold_with_map("大㍿ﬁ好")
    assert folded.text == "大株式会社fi好"
    assert [folded.source_offset(i, 4) for i in range(len(folded.text))] == [0, 1, 1, 1, 1, 2,
                                                                            2, 3]
    # Punctuation that would only grow (… is "..." under NFKC) keeps its single place.
    assert textnorm.fold_with_map("好……").text == "好……"
    assert textnorm.fold_with_map("好……").origin is None
    assert textnorm.fold_with_map("ＧＰＴ４，議員").text == "gpt4,议员"
    assert textnorm.fold_with_map("ＧＰＴ４，議員").origin is None


def test_a_character_folds_the_same_alone_and_among_others():
    # OpenCC keeps 乾 in the phrase 乾隆 but converts it in 乾燥: folding by phrase would
    # give a query, a term and a transcript line different forms of the same word.
    alone = textnorm.fold("乾隆")
    assert textnorm.fold("乾隆，") == alone + ","
    assert textnorm.fold("他說乾隆年間") == "他说" + alone + "年间"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TRICKY) | st.characters(blacklist_categories=("Cs",)),
                max_size=40).map("".join))
def test_fold_is_the_text_of_the_fold_map(text):
    assert textnorm.fold(text) == textnorm.fold_with_map(text).text == _reference(text)[0]
