"""Suggestions of new jargon, dismissing them, occurrences per speaker, prefill."""

from __future__ import annotations

import pytest

from desktop.core.commands import History
from desktop.core.errors import YanduError
from desktop.core.glossary import (
    AddTerm,
    DismissCandidate,
    dismissed,
    find_occurrences,
    find_term,
    list_terms,
    prefill_from_selection,
    suggest,
    term_from_suggestion,
)
from desktop.core.importing import bundled_sample_path, import_file
from desktop.core.textnorm import fold
from tests.core import glossary_fixture as fx

# Fixtures shared by the glossary tests.
clean_segmenter = fx.clean_segmenter
empty_study = fx.empty_study
sample_study = fx.sample_study


@pytest.fixture
def bare_sample(empty_study):
    """The sample in a study without any glossary."""
    import_file(empty_study, bundled_sample_path())
    return empty_study


def test_suggestions_on_the_sample_are_real_jargon(bare_sample):
    found = suggest(bare_sample, limit=30)
    words = [s.candidate for s in found]
    jargon = {"算力", "大模型", "算力荒", "GPT4", "共训", "长文本", "幻觉", "赋能", "源2.0",
              "OpenAI", "预训练", "落地", "共创"}
    assert len(jargon & set(words)) >= 10, words
    everyday = {"我们", "问题", "可以", "需要", "能够", "一个", "非常", "杨静", "韶华", "张家俊"}
    assert not everyday & set(words)
    text = bare_sample.execute("SELECT text FROM documents").fetchone()[0]
    for s in found:
        assert s.count >= 2
        assert fold(s.candidate) in fold(s.example)
        assert fold(text[s.start:s.start + len(s.candidate)]) == fold(s.candidate)


def test_suggestions_leave_out_existing_terms_and_aliases(sample_study):
    taken = {f for t in list_terms(sample_study) for f in t.folded_forms()}
    found = suggest(sample_study, limit=50)
    assert found and not {fold(s.candidate) for s in found} & taken


def test_dismissed_candidates_stay_dismissed_and_undo_brings_them_back(bare_sample):
    history = History(bare_sample)
    first = suggest(bare_sample, limit=5)[0].candidate
    history.run(DismissCandidate(first))
    assert fold(first) in dismissed(bare_sample)
    assert first not in [s.candidate for s in suggest(bare_sample, limit=50)]
    history.undo()
    assert first in [s.candidate for s in suggest(bare_sample, limit=50)]


def test_accepting_a_suggestion_adds_it_and_it_is_no_longer_suggested(bare_sample):
    s = next(x for x in suggest(bare_sample) if x.candidate == "算力荒")
    term = term_from_suggestion(bare_sample, s)
    assert term.term == "算力荒" and s.example in term.notes and "算力荒" in s.example
    History(bare_sample).run(AddTerm(term))
    assert "算力荒" not in [x.candidate for x in suggest(bare_sample, limit=50)]


def test_suggestions_of_one_document_and_of_an_empty_study(bare_sample, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("甲:量子退火机很热门。\n乙:量子退火机确实热门,量子退火机!\n", encoding="utf-8")
    doc = import_file(bare_sample, other).document_id
    words = [s.candidate for s in suggest(bare_sample, document_id=doc)]
    assert any("量子" in w or "退火" in w for w in words)
    assert "算力" not in words
    from db import open_memory_study

    empty = open_memory_study()
    assert suggest(empty) == []
    empty.close()


def test_occurrences_are_grouped_by_document_and_speaker(sample_study):
    term = find_term(sample_study, "算力荒")
    found = find_occurrences(sample_study, term)
    text = sample_study.execute("SELECT text FROM documents").fetchone()[0]
    assert found.count == text.count("算力荒") + text.count("算力紧缺")  # with its alias
    # Counted by hand in the sample: 杨静 asks about 算力荒 and 算力紧缺, 陈虞君 says
    # 算力荒 twice in one turn, 张家俊 has it in his headline.
    assert found.counts_by_speaker() == {"杨静": 2, "陈虞君": 2, "张家俊": 1}
    (doc,) = found.documents
    assert doc.count == found.count and [s.speaker for s in doc.speakers] == ["杨静", "陈虞君",
                                                                            "张家俊"]
    for speaker in doc.speakers:
        for occ in speaker.occurrences:
            assert text[occ.start:occ.end] == occ.matched in ("算力荒", "算力紧缺")
            turn = sample_study.execute(
                'SELECT t.start, t."end", s.name FROM turns t JOIN speakers s '
                "ON s.id = t.speaker_id WHERE t.id = ?", [occ.turn_id]).fetchone()
            assert turn[0] <= occ.start < turn[1] and turn[2] == speaker.speaker
            assert occ.before and occ.after


def test_occurrences_include_aliases(sample_study):
    found = find_occurrences(sample_study, find_term(sample_study, "Llama"))
    assert found.count == 1
    assert found.documents[0].speakers[0].occurrences[0].matched == "LIama"
    assert found.counts_by_speaker() == {"吴韶华": 1}


def test_prefill_from_selection_gives_the_term_and_its_sentence(sample_study):
    text = sample_study.execute("SELECT text FROM documents").fetchone()[0]
    start = text.index("P2P带宽")
    fields = prefill_from_selection(sample_study, 1, start, start + len("P2P带宽"))
    assert fields["term"] == "P2P带宽"
    assert fields["example"].startswith("除此之外") and fields["example"].endswith("。")
    assert "P2P带宽" in fields["example"] and "\n" not in fields["example"]
    assert fields["example"] in fields["notes"] and "《" in fields["notes"]
    with pytest.raises(YanduError):
        prefill_from_selection(sample_study, 1, 5, 5)
    with pytest.raises(YanduError):
        prefill_from_selection(sample_study, 99, 0, 2)
