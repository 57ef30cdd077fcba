"""Keyword-in-context snippets: window, ellipses, match offsets inside the excerpt."""

from __future__ import annotations

from desktop.core.kwic import ELLIPSIS, mark, snippet


def test_short_text_is_shown_whole_without_ellipses():
    text = "算力荒是普遍的问题"
    excerpt, spans = snippet(text, [(0, 2)])
    assert excerpt == text and spans == ((0, 2),)


def test_long_text_is_cut_around_the_first_match():
    text = "甲" * 100 + "算力" + "乙" * 100 + "算力"
    excerpt, spans = snippet(text, [(100, 102), (202, 204)], context=10)
    assert excerpt == ELLIPSIS + "甲" * 10 + "算力" + "乙" * 10 + ELLIPSIS
    assert spans == ((11, 13),)  # the second match lies outside the window


def test_matches_across_the_window_edge_are_clipped_and_newlines_flattened():
    text = "字" * 20 + "算力\n" + "数据中心很多" + "尾" * 20
    excerpt, spans = snippet(text, [(20, 22), (25, 31)], context=5)
    assert excerpt == ELLIPSIS + "字" * 5 + "算力 数据中心" + ELLIPSIS
    assert [excerpt[s:e] for s, e in spans] == ["算力", "中心"]  # clipped at the cut


def test_astral_characters_count_as_one():
    text = "𠮷" * 40 + "算力" + "𠮷" * 40
    excerpt, spans = snippet(text, [(40, 42)], context=3)
    assert excerpt == ELLIPSIS + "𠮷𠮷𠮷算力𠮷𠮷𠮷" + ELLIPSIS
    assert [excerpt[s:e] for s, e in spans] == ["算力"]


def test_without_matches_the_beginning_is_shown():
    excerpt, spans = snippet("字" * 100, [], context=5)
    assert excerpt == "字" * 10 + ELLIPSIS and spans == ()


def test_mark_wraps_each_span():
    assert mark("现在算力荒,算力", ((2, 4), (6, 8))) == "现在【算力】荒,【算力】"
    assert mark("abc", ()) == "abc"
