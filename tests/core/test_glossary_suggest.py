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


# ---- long documents: the same answers, in steps, in seconds ---------------------------

def _sample_speech(db) -> str:
    from desktop.core.glossary.suggestions import _documents, _speech

    ((doc_id, text),) = _documents(db, None)
    return _speech(db, doc_id, text)


def _collocations_by_definition(tokens, stop, known, minimum=3):
    """Joined runs of 2-3 words, as first written (quadratic): the reference."""
    import re
    from collections import Counter

    from desktop.core.glossary.suggestions import FUNCTION_WORDS

    wordlike = re.compile(r"^[\w.+#\-]+$")
    runs = Counter()
    for size in (2, 3):
        for i in range(len(tokens) - size + 1):
            parts = tokens[i:i + size]
            folded = [fold(p) for p in parts]
            if (not all(wordlike.match(p) for p in parts)
                    or any(f in FUNCTION_WORDS for f in folded)
                    or all(f in stop or f in known for f in folded)
                    or any(f in known for f in folded)):
                continue
            joined = "".join(parts)
            if 3 <= len(joined) <= 7 and not all(p.isascii() for p in parts):
                runs[joined] += 1
    frequent = {w: n for w, n in runs.items() if n >= minimum}
    return Counter({w: n for w, n in frequent.items()
                    if not any(w != o and w in o and m >= n for o, m in frequent.items())})


def test_collocations_are_those_of_the_definition(bare_sample):
    from desktop.core import segment
    from desktop.core.glossary.suggestions import _collocations, stopwords

    tokens = segment.words(_sample_speech(bare_sample))
    known = {"大模型", "浪潮信息"}
    for minimum in (2, 3):
        fast = _collocations(tokens, stopwords(), known, minimum)
        reference = _collocations_by_definition(tokens, stopwords(), known, minimum)
        assert fast == reference and list(fast) == list(reference)  # order breaks ties
        assert fast  # the sample has recurring runs, so the comparison means something
    # A piece as frequent as a longer run is dropped; one more frequent on its own stays.
    made = ["量子", "退火", "机", "。"] * 3 + ["量子", "退火", "。"] * 2
    found = _collocations(made, frozenset(), set())
    assert found == _collocations_by_definition(made, frozenset(), set())
    assert found == {"量子退火机": 3, "量子退火": 5}


def test_tfidf_from_cut_words_is_jiebas_own_extraction(bare_sample):
    from desktop.core import segment

    speech = _sample_speech(bare_sample)
    for text in (speech, speech[: len(speech) // 3]):
        assert segment.tfidf_keywords(segment.words(text), 60) == segment.keywords(text, 60)


def test_textrank_from_words_tagged_piece_by_piece_is_jiebas_own(bare_sample):
    from desktop.core import segment
    from desktop.core.glossary.suggestions import _chunks

    speech = _sample_speech(bare_sample)
    tagged = [w for piece in _chunks(speech, 500) for w in segment.tagged_words(piece)]
    found = segment.textrank_keywords(tagged, 60)
    assert len(found) == 60
    assert found == segment.keywords(speech, 60, method="textrank")


def test_a_long_text_is_cut_where_the_segmenter_starts_afresh(bare_sample):
    from desktop.core import segment
    from desktop.core.glossary.suggestions import _chunks

    speech = _sample_speech(bare_sample)
    pieces = _chunks(speech, 300)
    assert len(pieces) > 5 and "".join(pieces) == speech
    assert all(p[-1] in "\n。！？!?" for p in pieces[:-1])
    words = [w for p in pieces for w in segment.words(p)]
    assert words == segment.words(speech)


def test_the_textrank_sample_is_spread_over_the_text_and_always_the_same():
    from desktop.core.glossary.suggestions import _spread_sample

    lines = [f"第{i}行说了一些关于模型和算力的事情。" for i in range(5000)]
    text = "\n".join(lines)
    assert _spread_sample("短文本。\n还有一行。", 1000) == "短文本。\n还有一行。"
    sample = _spread_sample(text, 2000, pieces=8)
    assert sample == _spread_sample(text, 2000, pieces=8)
    assert 1500 <= len(sample) <= 3000
    assert all(part and part in text for part in sample.split("\n"))
    # From the beginning, the middle and the end of the text.
    assert "第0行" in sample and any(f"第{i}行" in sample for i in range(2500, 2600))
    assert any(f"第{i}行" in sample for i in range(4375, 5000))


def test_progress_is_reported_and_raising_from_it_stops_the_work(bare_sample):
    calls = []
    found = suggest(bare_sample, limit=50, progress=lambda done, total: calls.append((done,
                                                                                      total)))
    assert found == suggest(bare_sample, limit=50)
    assert len(calls) >= 4 and calls[-1][0] == calls[-1][1]
    assert all(0 < d <= t for d, t in calls) and [d for d, _ in calls] == sorted(
        d for d, _ in calls)

    class Stop(Exception):
        pass

    seen = []

    def stop_at_the_second(done, total):
        seen.append(done)
        if len(seen) == 2:
            raise Stop

    with pytest.raises(Stop):
        suggest(bare_sample, progress=stop_at_the_second)
    assert len(seen) == 2


@pytest.mark.slow
def test_suggestions_for_a_two_megabyte_transcript_come_in_many_short_steps(
        tmp_path, clean_segmenter):
    # How fast is the benchmark's business (README: about 5 s for 5 MB); here, that a long
    # text is worked through in steps, each a chance to report and to stop.
    from db import open_study
    from desktop.bench.generate import MB, cached_file

    db = open_study(tmp_path / "study.sqlite")
    doc = import_file(db, cached_file(tmp_path, 2 * MB)).document_id
    steps: list[tuple[int, int]] = []
    found = suggest(db, document_id=doc, progress=lambda d, t: steps.append((d, t)))
    db.close()
    assert len(found) == 30
    assert len(steps) >= 20 and [d for d, _ in steps] == sorted(d for d, _ in steps)


def test_numbers_beside_chinese_are_not_suggested(empty_study):
    # Dates, quantities and pieces of sentences recur in long transcripts; they are not
    # jargon. Latin names with numbers (A100) still are.
    from desktop.core.importing import import_bytes

    turns = []
    for i in range(12):
        turns.append("甲：2019年我们提供1套集群，约12台A100，200平米机房，量子退火机很关键。")
        turns.append(f"乙：2020年得到10块H100显卡，量子退火机的第{i}次实验。")
    import_bytes(empty_study, "\n\n".join(turns).encode(), "numbers.txt")
    words = [s.candidate for s in suggest(empty_study, limit=50)]
    assert "A100" in words and "量子退火机" in words, words
    assert not [w for w in words if any(c.isdigit() for c in w)
                and any("\u4e00" <= c <= "\u9fff" for c in w)], words
