"""Analysis figures against independent computations: speaker statistics on the sample,
keyness on texts whose answer is known, concordance lines and their sorts."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import pytest

from desktop.core import segment
from desktop.core.analysis import concordance as kwic
from desktop.core.analysis import keyness, stats, tables
from desktop.core.importing import import_file

SPEAKERS = ("杨静", "陈虞君", "张家俊", "吴韶华")
LABEL = re.compile(rf"^({'|'.join(SPEAKERS)}):(.*)$")


@pytest.fixture
def sample_db(memory_db, sample_path):
    import_file(memory_db, sample_path)
    return memory_db


def _alnum(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _raw_speech(sample_path: Path) -> dict[str, list[str]]:
    """Each speaker's turns read straight from the file: a label line starts a turn; a
    quoted line right after the label is its headline, not speech."""
    turns: dict[str, list[str]] = {"": [""]}
    current = ""
    for line in sample_path.read_text(encoding="utf-8").splitlines():
        m = LABEL.match(line)
        if m:
            current = m.group(1)
            rest = m.group(2)
            turns.setdefault(current, []).append("" if rest.startswith('"') else rest)
        else:
            turns[current][-1] += line
    return turns


def test_character_counts_match_the_file_and_add_up(sample_db, sample_path):
    result = stats.speaker_stats(sample_db)
    raw = _raw_speech(sample_path)
    for name in SPEAKERS:
        row = result.speaker(name)
        assert row.turns == len(raw[name])
        assert row.characters == sum(_alnum(t) for t in raw[name])
        assert row.han == sum(1 for t in raw[name] for ch in t if "\u4e00" <= ch <= "\u9fff")
    narration = result.speaker("")
    assert narration.characters == _alnum(raw[""][0])
    # The speakers' and the narration's characters are the document's speech.
    assert sum(r.characters for r in result.speakers) == result.characters
    assert result.characters == sum(_alnum(t) for ts in raw.values() for t in ts)
    assert math.isclose(sum(r.share for r in result.speakers), 1.0)
    assert narration.share == 0.0


def test_word_counts_equal_jiebas(sample_db):
    from desktop.core import library

    result = stats.speaker_stats(sample_db)
    names = {s.id: s.name for s in library.speakers(sample_db, 1)}
    expected: Counter[str] = Counter()
    for turn in library.turns(sample_db, 1):
        words = [w for w in segment.reference_words(turn.text)
                 if any(ch.isalnum() for ch in w)]
        expected[names.get(turn.speaker_id, "")] += len(words)
    assert {r.name: r.words for r in result.speakers} == dict(expected)
    assert result.words == sum(expected.values())


def test_longest_and_average_turn_and_sections(sample_db):
    from desktop.core import library

    result = stats.speaker_stats(sample_db)
    turns = library.turns(sample_db, 1)
    row = result.speaker("吴韶华")
    theirs = [t for t in turns if t.speaker_id is not None and
              library.speakers(sample_db, 1)[t.speaker_id - 1].name == "吴韶华"]
    longest = max(theirs, key=lambda t: _alnum(t.text))
    assert row.longest_turn == _alnum(longest.text)
    assert row.longest_turn_number == longest.position + 1
    assert row.average_turn == pytest.approx(row.characters / row.turns)
    # Five questions, and the introduction before the first as a section of its own.
    assert len(result.sections) == 6 and result.sections[0] == ""
    assert sum(row.sections) == row.characters
    assert not result.has_times and row.talk_ms == 0


def test_latin_words_are_words_and_talk_time_comes_from_cues(memory_db, tmp_path,
                                                            plain_dictionary):
    srt = tmp_path / "talk.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:04,000\nAlice: Hello there, big world.\n\n"
                   "2\n00:00:05,000 --> 00:00:06,500\nBob: 你好，世界。\n\n"
                   "3\n00:00:07,000 --> 00:00:08,000\nAlice: Again.\n\n"
                   "4\n00:00:09,000 --> 00:00:10,000\nBob: 再见。\n", encoding="utf-8")
    import_file(memory_db, srt)
    result = stats.speaker_stats(memory_db)
    alice, bob = result.speaker("Alice"), result.speaker("Bob")
    assert alice.words == 5 and alice.characters == len("HellotherebigworldAgain")
    assert bob.words == 3 and bob.characters == 6 and bob.han == 6
    assert result.has_times and alice.talk_ms == 4000 and bob.talk_ms == 2500
    assert alice.timed_turns == 2


def test_several_documents_join_speakers_by_name(memory_db, sample_path, tmp_path):
    import_file(memory_db, sample_path)
    other = tmp_path / "other.txt"
    other.write_text("杨静：再问一个问题。\n\n李雷：我来回答。\n", encoding="utf-8")
    import_file(memory_db, other)
    both = stats.speaker_stats(memory_db)
    one = stats.speaker_stats(memory_db, [1])
    assert both.speaker("杨静").turns == one.speaker("杨静").turns + 1
    assert both.speaker("李雷").characters == 4
    assert len(both.titles) == 2


# ---- keyness ---------------------------------------------------------------------------

def _g2_by_entropy(a: int, b: int, c: int, d: int) -> float:
    """G² of the 2 × 2 table written the other way: 2(Σ O ln O − Σ rows − Σ cols + N ln N)."""
    def xlx(x: float) -> float:
        return x * math.log(x) if x > 0 else 0.0

    cells = (a, b, c - a, d - b)
    n = c + d
    return 2 * (sum(map(xlx, cells)) - xlx(a + b) - xlx(n - a - b) - xlx(c) - xlx(d)
                + xlx(n))


@pytest.mark.parametrize("a,b,c,d", [(20, 5, 100, 200), (3, 0, 50, 5000), (7, 70, 1000, 900),
                                      (1, 1, 2, 2)])
def test_log_likelihood_is_dunnings_g2(a, b, c, d):
    assert keyness.log_likelihood(a, b, c, d) == pytest.approx(_g2_by_entropy(a, b, c, d))


def test_known_answer_from_counts():
    # 量子 is the target's word (20 of 100 against 5 of 200); 经典 the reference's.
    target = Counter({"量子": 20, "经典": 10, "计算": 70})
    reference = Counter({"量子": 5, "经典": 60, "计算": 135})
    found = keyness.keywords(target, reference, stop=frozenset(), min_count=1)
    assert [k.word for k in found] == ["量子"]
    k = found[0]
    assert k.log_likelihood == pytest.approx(_g2_by_entropy(20, 5, 100, 200))
    assert k.log_ratio == pytest.approx(math.log2((20 / 100) / (5 / 200)))
    assert k.per_10k == 2000 and k.reference_per_10k == 250


def test_known_answer_from_a_transcript(memory_db, tmp_path):
    from desktop.core import glossary
    from desktop.core.glossary.commands import AddTerm
    from desktop.core.glossary.model import new_term

    glossary.prepare(memory_db)
    AddTerm(new_term("量子纠缠")).apply(memory_db)
    lines = []
    for i in range(30):
        lines.append(f"甲：我们认为量子纠缠很有意思，量子纠缠是第{i}个例子。")
        lines.append(f"乙：我们认为天气很好，晴朗的天气是第{i}个例子。")
    source = tmp_path / "known.txt"
    source.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    import_file(memory_db, source)
    first = keyness.speaker_keywords(memory_db, "甲")
    second = keyness.speaker_keywords(memory_db, "乙")
    assert first[0].word == "量子纠缠" and first[0].is_term and first[0].count == 60
    assert first[0].reference_count == 0
    assert {k.word for k in second[:2]} == {"天气", "晴朗"}
    everyone = {k.word for k in first + second}
    assert not everyone & {"我们", "认为", "是", "的", "很"}  # stop words, and shared words
    assert all(k.log_likelihood >= keyness.CRITICAL_05 for k in first + second)
    with pytest.raises(Exception, match="No speaker"):
        keyness.speaker_keywords(memory_db, "丙")


# ---- concordance ---------------------------------------------------------------------------

def test_concordance_lines_match_the_search(sample_db):
    from desktop.core import library
    from desktop.core.search import search

    lines = kwic.concordance(sample_db, "算力")
    text = library.document_text(sample_db, 1)
    hits = search(sample_db, "算力", kinds=("turn",), limit=1000)
    speech_matches = [m for h in hits for m in h.matches if m[0] >= h.speech_start]
    assert len(lines) == len(speech_matches) == text.count("算力") - _in_headlines(sample_db)
    for line in lines:
        assert text[line.start:line.end] == line.hit == "算力"
        assert text[line.start - len(line.left):line.start].replace("\n", " ") == line.left
    assert [(x.document_id, x.start) for x in lines] == sorted((x.document_id, x.start)
                                                               for x in lines)
    assert kwic.concordance(sample_db, "算力", limit=5) == lines[:5]


def _in_headlines(db) -> int:
    from desktop.core import library

    return sum(t.headline.count("算力") for t in library.turns(db, 1))


def test_concordance_sorts(sample_db):
    lines = kwic.concordance(sample_db, "算力")
    by_left = kwic.sort_lines(lines, "left")
    lefts = [line.left_words for line in by_left]
    assert lefts == sorted(lefts)
    # The key is the word just before the hit, as the segmenter cuts the left context.
    some = next(line for line in by_left if line.left.endswith("充足"))
    assert some.left_words[0] == "充足"
    by_right = kwic.sort_lines(lines, "right")
    assert [x.right_words for x in by_right] == sorted(x.right_words for x in by_right)
    assert by_right[0].right_words <= by_right[-1].right_words
    by_speaker = kwic.sort_lines(lines, "speaker")
    speakers = [x.speaker for x in by_speaker]
    assert speakers == sorted(speakers)
    # Ties keep reading order.
    for name in set(speakers):
        starts = [x.start for x in by_speaker if x.speaker == name]
        assert starts == sorted(starts)
    only = kwic.filter_speaker(lines, "张家俊")
    assert only and all(x.speaker == "张家俊" for x in only)
    with pytest.raises(Exception, match="Sort by"):
        kwic.sort_lines(lines, "colour")


def test_tables_as_csv_and_markdown():
    header = ("word", "note")
    rows = [("算力", 'a "quoted", text'), ("a|b", "line\nbreak")]
    csv_text = tables.to_csv(header, rows)
    assert csv_text.splitlines()[1] == '算力,"a ""quoted"", text"'
    md = tables.to_markdown(header, rows)
    assert md.splitlines()[0] == "| word | note |"
    assert "| a\\|b | line break |" in md


def test_words_cut_together_are_the_words_cut_alone(sample_db):
    from desktop.core import library
    from desktop.core.analysis import corpus

    texts = [t.text for t in library.turns(sample_db, 1)]
    texts += ["COVID-19 和 GPT-4 的 3.5% 增长", "", "hello, world", "私用\ue000字符", "𠮷野家"]
    assert corpus.words_of_many(texts) == [corpus.words(t) for t in texts]
    assert corpus.words_of_many(texts, keep=True) == [corpus.words(t) for t in texts]
