"""The glossary matcher: aliases, longest match, folding, Latin word edges, scale."""

from __future__ import annotations

import random

import pytest

from desktop.core.glossary import Term, build_matcher
from desktop.core.textnorm import fold


def _terms(*specs: tuple[str, ...]) -> list[Term]:
    return [Term(id=spec[0], term=spec[0], aliases=tuple(spec[1:])) for spec in specs]


def _found(matcher, text: str) -> list[tuple[str, str, int, int]]:
    return [(m.term_id, m.matched, m.start, m.end) for m in matcher.find(text)]


def test_aliases_find_their_term_and_offsets_are_code_points():
    matcher = build_matcher(_terms(("Llama", "LIama", "LLaMA"), ("算力荒", "算力紧缺")))
    text = "𠮷不能一味使用LIama结构;算力紧缺"
    found = _found(matcher, text)
    llama, short = text.index("LIama"), text.index("算力紧缺")
    assert llama == 7  # 𠮷 is one code point (two UTF-16 units)
    assert found == [("Llama", "LIama", llama, llama + 5), ("算力荒", "算力紧缺", short, short + 4)]
    for _, matched, start, end in found:
        assert text[start:end] == matched


def test_longest_match_wins_and_matches_never_overlap():
    matcher = build_matcher(_terms(("算力",), ("算力荒",), ("大模型",), ("基础大模型", "基础模型"),
                                   ("数据飞轮",), ("飞轮效应",)))
    text = "算力荒,基础大模型的算力;数据飞轮效应"
    assert [(t, m) for t, m, _, _ in _found(matcher, text)] == [
        ("算力荒", "算力荒"), ("基础大模型", "基础大模型"), ("算力", "算力"),
        ("数据飞轮", "数据飞轮"),  # leftmost first: 飞轮效应 would overlap it
    ]
    spans = [(s, e) for _, _, s, e in _found(matcher, text)]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_folding_finds_traditional_fullwidth_and_other_case():
    matcher = build_matcher(_terms(("张量并行",), ("GPT-4", "GPT4"), ("P2P带宽",)))
    text = "張量並行需要ＰＴＰ?不,是Ｐ２Ｐ帶寬;gpt4很强"
    found = _found(matcher, text)
    assert [(t, m) for t, m, _, _ in found] == [
        ("张量并行", "張量並行"), ("P2P带宽", "Ｐ２Ｐ帶寬"), ("GPT-4", "gpt4")]
    for _, matched, start, end in found:
        assert text[start:end] == matched


def test_a_traditional_term_is_found_whatever_surrounds_it():
    # Folded a character at a time: the term 乾隆 and the text 乾隆， fold alike.
    matcher = build_matcher(_terms(("乾隆",)))
    assert [m for _, m, _, _ in _found(matcher, "乾隆年間，乾隆皇帝")] == ["乾隆", "乾隆"]


def test_latin_terms_respect_word_edges():
    matcher = build_matcher(_terms(("ToB",), ("AI",), ("LLM",), ("GB",), ("源2.0",), ("B端",)))
    assert _found(matcher, "ToBe or not") == []
    assert _found(matcher, "AICC大会") == []
    assert [m for _, m, _, _ in _found(matcher, "基于ToB的服务,AI驱动")] == ["ToB", "AI"]
    assert [m for _, m, _, _ in _found(matcher, "12GB数据, 几个LLMs")] == ["GB", "LLM"]
    assert _found(matcher, "LLMsx") == []
    assert [m for _, m, _, _ in _found(matcher, "源2.0的实践,源2.01不是")] == ["源2.0"]
    assert [m for _, m, _, _ in _found(matcher, "我们B端的伙伴")] == ["B端"]


def test_no_terms_or_no_text_finds_nothing():
    assert build_matcher([]).find("算力") == []
    assert build_matcher(_terms(("算力",))).find("") == []


def test_expanding_characters_map_back_to_the_source():
    # NFKC turns the one character ㎇ into "GB" and ﬁ into "fi".
    matcher = build_matcher(_terms(("GB",), ("fine-tuning",)))
    text = "10㎇的数据做ﬁne-tuning"
    found = _found(matcher, text)
    assert [(t, m) for t, m, _, _ in found] == [("GB", "㎇"), ("fine-tuning", "ﬁne-tuning")]


@pytest.mark.slow
def test_five_thousand_terms_over_megabytes_of_text_find_every_planted_one():
    rng = random.Random(7)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    terms = [Term(id=str(i), term="".join(rng.choices(han, k=rng.randint(2, 5))))
             for i in range(5000)]
    planted = terms[:50]
    words = []
    for i in range(200_000):
        words.append(planted[i % 50].term if i % 40 == 0 else "".join(rng.choices(han, k=4)))
        if i % 97 == 0:
            words.append("\n")  # line ends, so the text is read in pieces
    text = "。".join(words)
    assert len(text.encode("utf-8")) > 2_500_000
    found = build_matcher(terms).find(text)
    by_id = {t.id: fold(t.term) for t in terms}
    assert all(fold(m.matched) == by_id[m.term_id] for m in found)
    assert list(found.starts) == sorted(found.starts)
    planted_ids = {t.id for t in planted}
    assert sum(1 for m in found if m.term_id in planted_ids) >= 5000


def test_marks_read_like_a_list_of_matches():
    matcher = build_matcher(_terms(("算力",), ("大模型",), ("AI",)))
    text = "大模型的算力,AI算力"
    found = matcher.find(text)
    matches = list(found)
    assert [m.matched for m in matches] == ["大模型", "算力", "AI", "算力"]
    assert len(found) == 4 and found == matches and found[1:] == matches[1:]
    assert found[-1] == matches[-1] and found[-1].term_id == "算力"
    assert list(found.starts) == [m.start for m in matches]
    assert build_matcher([]).find(text) == [] and not matcher.find("")
