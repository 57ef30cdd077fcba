"""Storing an import: one transaction, duplicates, progress, and losslessness for any input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import library, search_index
from desktop.core.errors import YanduError
from desktop.core.importing import import_bytes, import_file, parse_bytes
from desktop.core.search import search

TALK = "主持人：算力够吗？\n\n张三：\"不够\"\n\n算力荒是普遍问题。\n\n主持人：怎么办？\n\n张三：合作共训。\n"


def count_rows(db) -> dict[str, int]:
    tables = ("documents", "speakers", "sections", "turns", "turn_chars")
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_same_bytes_twice_is_reported_not_duplicated(memory_db, sample_path):
    first = import_file(memory_db, sample_path)
    before = count_rows(memory_db)
    second = import_file(memory_db, sample_path)
    assert not first.duplicate and second.duplicate
    assert second.document_id == first.document_id
    assert second.speakers == first.speakers
    assert count_rows(memory_db) == before
    # The same bytes under another name are still the same transcript.
    assert import_bytes(memory_db, sample_path.read_bytes(), "copy.txt").duplicate


def test_failure_midway_leaves_the_study_unchanged(memory_db, monkeypatch):
    import_bytes(memory_db, "甲：你好？\n乙：好。\n".encode(), "earlier.txt")
    before = count_rows(memory_db)
    calls = []

    def broken_index(db, rows):
        calls.append(list(rows))
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(search_index, "write_turn_tokens", broken_index)
    with pytest.raises(RuntimeError):
        import_bytes(memory_db, TALK.encode(), "talk.txt")
    assert calls
    assert count_rows(memory_db) == before
    assert not memory_db.conn.in_transaction
    monkeypatch.undo()

    # Failing in the last transaction, when the index rows are written and the document,
    # speakers, sections and turns rows too: all of it goes, the index rows included.
    def broken_finish(db, run):
        assert db.execute("SELECT count(*) FROM turns").fetchone()[0] > before["turns"]
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(search_index, "finish_staging", broken_finish)
    with pytest.raises(RuntimeError):
        import_bytes(memory_db, TALK.encode(), "talk.txt")
    assert count_rows(memory_db) == before
    assert memory_db.execute("SELECT count(*) FROM search_staging").fetchone()[0] == 0
    assert search(memory_db, "合作共训") == []
    monkeypatch.undo()
    import_bytes(memory_db, TALK.encode(), "talk.txt")
    assert len(search(memory_db, "合作共训")) == 1


def _merging(db) -> dict[str, int]:
    return dict(db.execute(
        "SELECT k, v FROM turn_chars_config WHERE k IN ('automerge', 'crisismerge')"))


def test_an_import_merges_its_index_once_and_puts_fts5_settings_back(memory_db, monkeypatch):
    seen = []
    write = search_index.write_turn_tokens

    def watched(db, rows):
        seen.append(_merging(db))
        write(db, rows)

    monkeypatch.setattr(search_index, "write_turn_tokens", watched)
    import_bytes(memory_db, TALK.encode(), "talk.txt")
    # Not even a crisis merge while the staged rows are written (each step stays short).
    never = search_index._NEVER_IN_A_STEP
    assert seen and all(s == {"automerge": 0, "crisismerge": never} for s in seen)
    assert _merging(memory_db) == {"automerge": 4, "crisismerge": 16}
    seen.clear()
    search_index.reindex_all(memory_db)  # a rebuild holds merging back the same way
    assert seen == [{"automerge": 0, "crisismerge": 64}]
    assert _merging(memory_db) == {"automerge": 4, "crisismerge": 16}
    # A failed import leaves them as they were, with everything else.
    monkeypatch.setattr(search_index, "write_turn_tokens",
                        lambda db, turns: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        import_bytes(memory_db, "甲：你好？\n乙：好。\n".encode(), "earlier.txt")
    assert _merging(memory_db) == {"automerge": 4, "crisismerge": 16}
    assert len(search(memory_db, "合作共训")) == 1


def test_failure_inside_a_file_study_leaves_the_file_unchanged(study_path, monkeypatch):
    from db import open_study

    db = open_study(study_path)
    import_bytes(db, "甲：你好？\n乙：好。\n".encode(), "earlier.txt")
    before = count_rows(db)
    monkeypatch.setattr(search_index, "write_turn_tokens",
                        lambda db, turns: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        import_bytes(db, TALK.encode(), "talk.txt")
    db.close()
    again = open_study(study_path)
    assert count_rows(again) == before


def test_turns_are_segmented_before_the_study_is_locked(study_path, monkeypatch):
    # Segmenting is most of an import: another connection (the window saving a note) must
    # be able to write meanwhile.
    import sqlite3

    from db import open_study

    db = open_study(study_path)
    other = sqlite3.connect(study_path, timeout=0)
    real = search_index.turn_tokens_many
    saved = []
    cut = []

    def segment_while_someone_saves(turns):
        other.execute("INSERT INTO study_meta (key, value) VALUES (?, 'x')", [f"k{len(saved)}"])
        other.commit()
        saved.append(db.conn.in_transaction)
        tokens = real(turns)
        cut.extend(tokens)
        return tokens

    monkeypatch.setattr(search_index, "turn_tokens_many", segment_while_someone_saves)
    result = import_bytes(db, TALK.encode(), "talk.txt")
    assert saved and not any(saved)
    assert len(cut) == result.turn_count
    other.close()
    db.close()


def test_stored_rows_match_the_parse(memory_db):
    result = import_bytes(memory_db, TALK.encode(), "talk.txt", title="算力对话")
    assert result.title == "算力对话"
    assert (result.turn_count, result.section_count, result.headline_count) == (4, 2, 1)
    turns = library.turns(memory_db, result.document_id)
    assert [t.position for t in turns] == [0, 1, 2, 3]
    assert turns[1].headline == "不够" and turns[1].text == "算力荒是普遍问题。"
    sections = library.sections(memory_db, result.document_id)
    assert [s.title for s in sections] == ["算力够吗？", "怎么办？"]
    assert [t.section_id for t in turns] == [sections[0].id, sections[0].id,
                                             sections[1].id, sections[1].id]
    assert result.as_dict()["speakers"][0] == {
        "name": "主持人", "role": "", "is_moderator": True, "turn_count": 2,
        "sample": "算力够吗？"}


def test_progress_is_reported(memory_db):
    seen = []
    import_bytes(memory_db, TALK.encode(), "talk.txt", progress=lambda d, t: seen.append((d, t)))
    total = seen[0][1]
    assert total > 0 and seen[0] == (0, total) and seen[-1] == (total, total)


def test_progress_in_batches_on_a_long_transcript(memory_db):
    lines = "".join(f"甲：第{i}个问题？\n乙：第{i}个回答。\n" for i in range(700))
    seen = []
    result = import_bytes(memory_db, lines.encode(), "long.txt",
                          progress=lambda d, t: seen.append((d, t)))
    assert result.turn_count == 1400 and result.section_count == 700
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    total = seen[0][1]
    assert {t for _, t in seen} == {total} and seen[-1] == (total, total)
    assert len(seen) >= 5  # segmenting and writing both report, a batch at a time


def assert_lossless(parsed) -> None:
    text = parsed.text
    assert "".join(text[t.start : t.end] for t in parsed.turns) == text
    previous_end = 0
    for turn in parsed.turns:
        assert turn.start == previous_end and turn.start < turn.end
        previous_end = turn.end
        assert turn.start <= turn.text_start <= turn.text_end <= turn.end
        speech = text[turn.text_start : turn.text_end]
        assert speech == speech.strip()
        if turn.headline_end > turn.headline_start:
            assert turn.start <= turn.headline_start < turn.headline_end <= turn.text_start
    assert all(0 <= s.first_turn < len(parsed.turns) for s in parsed.sections)


_LINE_PARTS = st.sampled_from([
    "杨静", "杨静:", "杨静：", "陈虞君:\"标题\"", "“引号”", "王掌柜（笑）：", "THE CHAIR:", "MR. SMITH:",
    "以下是圆桌问答实录整理:", "10:30", "https://x.y/z", "时间：", "注意：", "（笑）", "[Laughter]",
    "# 标题", "**杨静**：", "？", "?", " ", "\u3000", "\t", "\n", "\r\n", "\r", "\n\n", "：", ":",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_LINE_PARTS, st.text(max_size=12)), max_size=40).map("".join))
def test_lossless_for_arbitrary_text(text):
    try:
        parsed = parse_bytes(text.encode("utf-8"), "any.txt")
    except YanduError:
        assert not text.strip() or "\x00" in text or any(
            ord(c) < 32 and c not in "\t\n\r\f" for c in text)
        return
    source = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    if parsed.source is None:
        assert parsed.text == source
    else:  # paragraphs were rebuilt (pages, wraps): the file itself is kept beside them
        assert parsed.source == text.encode("utf-8") and parsed.text != source
    assert_lossless(parsed)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_parse_or_refuse_cleanly(data):
    try:
        parsed = parse_bytes(data, "any.txt")
    except YanduError as exc:
        assert "\n" not in str(exc)
        return
    assert_lossless(parsed)


_PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=8)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_LINE_PARTS, _PRINTABLE), max_size=30).map("".join))
def test_lossless_for_arbitrary_subtitles(text):
    body = "WEBVTT\n\n00:00.000 --> 00:01.000\n" + text
    try:
        parsed = parse_bytes(body.encode("utf-8"), "any.vtt")
    except YanduError as exc:  # cues without a word in them: nothing to read
        assert "hold no text" in str(exc)
        return
    assert_lossless(parsed)


def test_progress_callback_can_cancel_and_nothing_is_kept(memory_db):
    class Cancelled(Exception):
        pass

    lines = "".join(f"甲：第{i}个问题？\n乙：第{i}个回答。\n" for i in range(600)).encode()

    def cancel(done, total):
        if done > 0:
            raise Cancelled

    with pytest.raises(Cancelled):
        import_bytes(memory_db, lines, "long.txt", progress=cancel)
    assert count_rows(memory_db) == dict.fromkeys(count_rows(memory_db), 0)
    assert import_bytes(memory_db, lines, "long.txt").turn_count == 1200


def test_a_text_of_nothing_but_repeated_page_lines_is_read_as_it_is():
    # ":" on each of three pages looks like a running header; taking it out left nothing.
    parsed = parse_bytes(b":\f:\f:", "any.txt")
    assert parsed.text == ":\f:\f:"
    assert_lossless(parsed)
