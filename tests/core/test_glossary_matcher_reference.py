"""The glossary matcher against a plain reference: every spelling tried at every place.

The matcher lets an automaton resolve leftmost-longest over all spellings and re-resolves
only around Latin edges that fail the word-boundary rule; the reference below tries every
spelling at every position of the folded text, so any disagreement is a bug in the
matcher's shortcuts (byte offsets, re-synchronising after a rejected mark, folding maps).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.glossary import Term, build_matcher, matcher
from desktop.core.textnorm import fold_with_map


def _kind(ch: str) -> int:
    if ch.isascii() and ch.isalpha():
        return 1
    if ch.isascii() and ch.isdigit():
        return 2
    return 0


def reference(terms: list[Term], text: str) -> list[tuple[int, int, str, str]]:
    """Leftmost-longest acceptable spellings, found the slow and obvious way."""
    owners: dict[str, str] = {}
    for term in terms:
        for form in term.forms:
            key = fold_with_map(form).text.strip()
            if key and key not in owners:
                owners[key] = term.id
    folded = fold_with_map(text)
    f = folded.text

    def acceptable(key: str, start: int) -> bool:
        end = start + len(key)
        left, right = _kind(key[0]), _kind(key[-1])
        if left and start > 0 and _kind(f[start - 1]) == left:
            return False
        if right and end < len(f) and _kind(f[end]) == right:
            return (right == 1 and len(key) >= 2 and f[end] == "s"
                    and (end + 1 == len(f) or _kind(f[end + 1]) != 1))
        return True

    found: list[tuple[int, int, str, str]] = []
    at = 0
    while at < len(f):
        keys = [k for k in owners if f.startswith(k, at) and acceptable(k, at)]
        if not keys:
            at += 1
            continue
        key = max(keys, key=len)
        end = at + len(key)
        if folded.origin is None:
            start, stop = at, end
        else:
            # A spelling covers every source character it has a folded character of.
            start, stop = folded.origin[at], folded.origin[end - 1] + 1
        found.append((start, stop, owners[key], text[start:stop]))
        at = end
    return found


def _found(terms: list[Term], text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.term_id, m.matched) for m in build_matcher(terms).find(text)]


# Characters chosen to meet every rule: Chinese (some traditional), Latin letters and
# digits of both cases and widths, the plural "s", separators, an astral character (two
# UTF-16 units), characters NFKC expands (… -> "...", ㎇ -> "gb", ﬁ -> "fi").
ALPHABET = "算力荒模型大數据张量并行並a b s A S g 1 2 Ｇ ２ - . … ㎇ ﬁ 𠮷 ⵥ 蝎 中文"
CHARS = sorted(set(ALPHABET.replace(" ", ""))) + [" "]
spellings = st.text(alphabet=CHARS, min_size=1, max_size=4)
texts = st.text(alphabet=CHARS, max_size=60)


@st.composite
def glossaries(draw: st.DrawFn) -> list[Term]:
    forms = draw(st.lists(spellings, min_size=1, max_size=8))
    terms: list[Term] = []
    for i, form in enumerate(forms):
        aliases = tuple(draw(st.lists(spellings, max_size=2)))
        terms.append(Term(id=f"t{i}", term=form, aliases=aliases))
    return terms


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries(), texts)
def test_matcher_agrees_with_the_reference(terms, text):
    assert _found(terms, text) == reference(terms, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries(), st.lists(st.integers(0, 7), max_size=12), st.data())
def test_text_made_of_the_spellings_agrees_with_the_reference(terms, picks, data):
    # Random text rarely holds a spelling; text glued from the spellings themselves puts
    # overlapping, adjacent and Latin-edged occurrences everywhere.
    forms = [f for t in terms for f in t.forms]
    glue = data.draw(st.lists(st.sampled_from(["", " ", "a", "s", "1", "算", "…"]),
                              min_size=len(picks), max_size=len(picks)))
    text = "".join(forms[p % len(forms)] + g for p, g in zip(picks, glue, strict=True))
    assert _found(terms, text) == reference(terms, text)


def test_a_spelling_never_matches_across_two_characters():
    # In UTF-16 中文 is 4E2D 6587: big-endian, its middle bytes spell ⵥ (2D65);
    # little-endian (2D 4E 87 65), they spell 蝎 (U+874E, bytes 4E 87).
    for straddler in ("ⵥ", "蝎"):
        assert _found([Term(id="x", term=straddler)], "中文中文") == []
        terms = [Term(id="x", term=straddler), Term(id="y", term="文")]
        assert _found(terms, "中文") == [(1, 2, "y", "文")]
        # ... nor hides a whole match that starts in the character it straddles into.
        terms = [Term(id="x", term=straddler + "中"), Term(id="y", term="文中")]
        assert _found(terms, "中文中") == [(1, 3, "y", "文中")]


def test_a_rejected_latin_mark_gives_way_to_an_overlapping_chinese_one():
    terms = [Term(id="gpu", term="GPU集群"), Term(id="cluster", term="集群管理"),
             Term(id="admin", term="管理员")]
    # GPU集群 wins at the start, so 集群管理 cannot start inside it; 管理员 follows.
    assert [m[2] for m in _found(terms, "GPU集群管理员")] == ["gpu", "admin"]
    # Inside a longer Latin word GPU集群 is no match: 集群管理 is found instead.
    assert [m[2] for m in _found(terms, "xGPU集群管理员")] == ["cluster"]
    for text in ("GPU集群管理员", "xGPU集群管理员", "AIGPU集群", "GPUs集群管理"):
        assert _found(terms, text) == reference(terms, text)


def test_latin_spellings_next_to_chinese_and_inside_words():
    terms = [Term(id="ai", term="AI"), Term(id="chip", term="AI芯片"),
             Term(id="llm", term="LLM"), Term(id="gpt4", term="GPT-4", aliases=("GPT4",)),
             Term(id="cc", term="aicc")]
    text = "AI芯片,AICC大会;我们的AI,LLMs和LLMsx;GPT45不是GPT4。openai"
    found = _found(terms, text)
    assert [m[3] for m in found] == ["AI芯片", "AICC", "AI", "LLM", "GPT4"]
    assert found == reference(terms, text)


def test_astral_and_expanding_characters_keep_source_offsets():
    terms = [Term(id="gb", term="GB"), Term(id="ji", term="𠮷野家"), Term(id="kk", term="株式会社"),
             Term(id="dots", term="...")]
    text = "𠮷野家的10㎇……㍿数据"
    found = _found(terms, text)
    assert found == reference(terms, text)
    # ㎇ folds to "gb" and ㍿ to 株式会社; the ellipsis stays itself, never "...".
    assert [m[3] for m in found] == ["𠮷野家", "㎇", "㍿"]
    for start, end, _, matched in found:
        assert text[start:end] == matched


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries(), st.lists(st.integers(0, 7), max_size=40), st.data())
def test_a_long_text_read_in_pieces_agrees_with_the_reference(terms, picks, data):
    # A long text is folded and scanned a piece at a time, cut after line ends; pieces of
    # a few characters put every kind of mark next to a cut.
    forms = [f for t in terms for f in t.forms]
    glue = data.draw(st.lists(st.sampled_from(["", "\n", "a\n", "\ns", "1", "算\n", "…"]),
                              min_size=len(picks), max_size=len(picks)))
    text = "".join(forms[p % len(forms)] + g for p, g in zip(picks, glue, strict=True))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(matcher, "_PIECE", 3)
        patch.setattr(matcher, "_END_PIECE", 2)
        assert _found(terms, text) == reference(terms, text)


def test_a_spelling_ending_inside_an_expanded_character_covers_it():
    # ㍿ folds to 株式会社: a mark of part of it covers all of it.
    head, middle = [Term(id="head", term="大株")], [Term(id="middle", term="式会")]
    assert _found(head, "大㍿。") == reference(head, "大㍿。") == [(0, 2, "head", "大㍿")]
    assert _found(middle, "小㍿。") == reference(middle, "小㍿。") == [(1, 2, "middle", "㍿")]
