"""Recordings attached to documents, and the times of turns in them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from db import open_study
from desktop.core import library, media
from desktop.core.citations import SourceMarks
from desktop.core.commands import History
from desktop.core.errors import YanduError
from desktop.core.importing import import_bytes
from tests.media_audio import write_wav

TALK = """杨静：各位好，今天我们聊大模型。
陈虞君：我们希望让大模型的长文本能力在企业应用上产生价值。
张家俊：我们在做多模态大模型，可以更容易地落地行业场景，这是一段更长的发言，多说几句。
杨静：谢谢。下一个问题。
陈虞君：算力不足时，小模型也能解决一部分问题。
"""

SRT = """1
00:00:01,000 --> 00:00:03,500
杨静：各位好。

2
00:00:04,000 --> 00:00:07,000
陈虞君：我们希望产生价值。
"""


@pytest.fixture
def study(tmp_path):
    db = open_study(tmp_path / "study.sqlite", create=True)
    result = import_bytes(db, TALK.encode(), "talk.txt")
    yield db, result.document_id
    db.close()


def test_attach_keeps_path_size_duration_and_hash(study, tmp_path):
    db, doc = study
    wav = write_wav(tmp_path / "talk.wav", 3.0)
    rec = media.attach(db, doc, wav)
    assert rec.path == "talk.wav"  # beside the study: relative
    assert rec.absolute_path == str(wav.resolve())
    assert rec.kind == "audio" and rec.size == wav.stat().st_size
    assert rec.duration_ms == 3000
    assert len(rec.sha256) == 64
    assert media.locate(db, rec) == tmp_path / "talk.wav"


def test_a_recording_elsewhere_keeps_its_absolute_path(study, tmp_path_factory):
    db, doc = study
    wav = write_wav(tmp_path_factory.mktemp("elsewhere") / "a.wav", 1.0)
    assert media.attach(db, doc, wav).path == str(wav.resolve())


@pytest.mark.parametrize(("name", "content", "says"), [
    ("talk.wav", b"not a wave file at all", "not a wav recording"),
    ("talk.mp3", b"", "empty"),
    ("talk.txt", b"RIFF", "not a recording Yandu can play"),
    ("talk.mkv", b"\x00" * 64, "not a mkv recording"),
])
def test_a_bad_file_is_refused_in_one_line(study, tmp_path, name, content, says):
    db, doc = study
    bad = tmp_path / name
    bad.write_bytes(content)
    with pytest.raises(YanduError, match=says) as caught:
        media.attach(db, doc, bad)
    assert "\n" not in str(caught.value)
    assert media.recording(db, doc) is None


def test_a_missing_file_is_refused(study, tmp_path):
    db, doc = study
    with pytest.raises(YanduError, match="No file"):
        media.attach(db, doc, tmp_path / "gone.mp3")


def test_a_moved_file_is_found_again_once_named(study, tmp_path, tmp_path_factory):
    db, doc = study
    folder = tmp_path_factory.mktemp("recordings")
    wav = write_wav(folder / "talk.wav", 2.0)
    rec = media.attach(db, doc, wav)
    moved = tmp_path_factory.mktemp("moved") / "renamed.wav"
    shutil.move(wav, moved)
    assert media.locate(db, rec) is None
    other = write_wav(tmp_path / "other.wav", 1.0)
    with pytest.raises(YanduError, match="not the recording that was attached"):
        media.relocate(db, doc, other)
    found = media.relocate(db, doc, moved)
    assert media.locate(db, found) == moved.resolve()
    assert found.sha256 == rec.sha256


def test_a_recording_moved_beside_the_study_is_found_without_asking(study, tmp_path,
                                                                   tmp_path_factory):
    db, doc = study
    wav = write_wav(tmp_path_factory.mktemp("away") / "talk.wav", 1.0)
    rec = media.attach(db, doc, wav)
    shutil.move(wav, tmp_path / "talk.wav")
    assert media.locate(db, rec) == tmp_path / "talk.wav"


def test_attach_and_detach_are_undoable(study, tmp_path):
    db, doc = study
    history = History(db)
    wav = write_wav(tmp_path / "talk.wav", 1.0)
    history.run(media.AttachRecording(doc, wav))
    assert media.recording(db, doc).name == "talk.wav"
    history.run(media.AttachRecording(doc, None))
    assert media.recording(db, doc) is None
    history.undo()
    assert media.recording(db, doc).name == "talk.wav"
    history.undo()
    assert media.recording(db, doc) is None
    history.redo()
    assert media.recording(db, doc).name == "talk.wav"


def test_no_times_without_a_recording_or_stamps(study):
    db, doc = study
    assert media.document_times(db, doc) == [None] * 5
    assert not media.has_times(db, doc)


def test_a_recording_spreads_estimates_over_its_length(study, tmp_path):
    db, doc = study
    media.attach(db, doc, write_wav(tmp_path / "talk.wav", 20.0))
    times = media.document_times(db, doc)
    assert [t.kind for t in times] == ["estimated"] * 5
    starts = [t.start_ms for t in times]
    assert starts[0] == 0 and starts == sorted(starts)
    assert times[-1].end_ms == 20_000
    # The long third turn takes longer than the short fourth one.
    assert starts[3] - starts[2] > starts[4] - starts[3]


def test_stamps_anchor_estimates_and_undo(study, tmp_path):
    db, doc = study
    media.attach(db, doc, write_wav(tmp_path / "talk.wav", 60.0))
    turns = library.turns(db, doc)
    history = History(db)
    history.run(media.StampTurn(doc, turns[1].id, 10_000))
    history.run(media.StampTurn(doc, turns[3].id, 30_000))
    times = media.document_times(db, doc)
    assert [t.kind for t in times] == ["estimated", "stamp", "estimated", "stamp", "estimated"]
    assert times[1].start_ms == 10_000 and times[3].start_ms == 30_000
    assert 10_000 < times[2].start_ms < 30_000
    assert times[1].end_ms == times[2].start_ms
    history.undo()
    assert media.document_times(db, doc)[3].kind == "estimated"
    history.redo()
    assert media.stamps(db, doc) == {turns[1].id: 10_000, turns[3].id: 30_000}
    # Restamping keeps the step before for undo.
    history.run(media.StampTurn(doc, turns[1].id, 12_000))
    history.undo()
    assert media.stamps(db, doc)[turns[1].id] == 10_000


def test_citations_carry_the_kind_of_time(study, tmp_path):
    db, doc = study
    media.attach(db, doc, write_wav(tmp_path / "talk.wav", 60.0))
    turns = library.turns(db, doc)
    History(db).run(media.StampTurn(doc, turns[2].id, 75_000))
    marks = SourceMarks.load(db, doc)
    stamped = marks.cite(turns[2].text_start, turns[2].text_end, turns[2])
    assert (stamped.start_ms, stamped.time_kind) == (75_000, "stamp")
    assert stamped.text() == "[01:15]"
    guessed = marks.cite(turns[1].text_start, turns[1].text_end, turns[1])
    assert guessed.time_kind == "estimated" and guessed.text().startswith("[~")


def test_cue_times_are_used_as_they_are(tmp_path):
    db = open_study(tmp_path / "study.sqlite", create=True)
    doc = import_bytes(db, SRT.encode(), "talk.srt").document_id
    times = media.document_times(db, doc)
    assert [(t.start_ms, t.end_ms, t.kind) for t in times] == [
        (1000, 3500, "cue"), (4000, 7000, "cue")]
    media.attach(db, doc, write_wav(tmp_path / "talk.wav", 8.0))
    assert [t.kind for t in media.document_times(db, doc)] == ["cue", "cue"]
    db.close()


def test_inline_stamps_are_cue_times(tmp_path):
    db = open_study(tmp_path / "study.sqlite", create=True)
    text = ("说话人1 00:00:05\n各位好，今天聊聊算力。\n\n说话人2 00:01:12\n算力很紧张。\n\n"
            "说话人1 00:02:00\n好的。\n\n说话人2 00:02:30\n对。\n")
    doc = import_bytes(db, text.encode(), "talk.txt").document_id
    times = media.document_times(db, doc)
    assert [(t.start_ms, t.kind) for t in times if t] == [
        (5000, "cue"), (72_000, "cue"), (120_000, "cue"), (150_000, "cue")]
    db.close()


def test_turn_at_and_time_at():
    starts = [0, 1000, 5000]
    assert [media.turn_at(starts, ms) for ms in (-1, 0, 999, 1000, 9999)] == [-1, 0, 0, 1, 2]


def test_recording_beside_a_transcript(tmp_path):
    source = tmp_path / "talk.srt"
    source.write_text(SRT, encoding="utf-8")
    assert media.recording_beside(source) is None
    write_wav(tmp_path / "talk.wav", 1.0)
    assert media.recording_beside(source) == tmp_path / "talk.wav"
    assert Path(media.recording_beside(source)).suffix == ".wav"


def test_a_subtitle_file_imported_with_its_recording_beside_it_gets_it(study, tmp_path):
    from desktop.core.importing import import_file

    db, _ = study

    srt = tmp_path / "talk.srt"
    srt.write_text("1\n00:00:00,500 --> 00:00:02,000\n甲：你好。\n\n"
                   "2\n00:00:02,500 --> 00:00:03,500\n乙：你好。\n", encoding="utf-8")
    write_wav(tmp_path / "talk.wav", 4.0)
    doc = import_file(db, srt).document_id
    attached = media.recording(db, doc)
    assert attached is not None and Path(attached.absolute_path).name == "talk.wav"
    # A text transcript is not assumed to go with a recording of its name.
    text = tmp_path / "notes.txt"
    text.write_text("甲：你好。\n\n乙：再见。\n", encoding="utf-8")
    write_wav(tmp_path / "notes.wav", 1.0)
    assert media.recording(db, import_file(db, text).document_id) is None
    # A broken recording beside a subtitle file leaves the import as it is.
    other = tmp_path / "other.vtt"
    other.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\n甲：好。\n", encoding="utf-8")
    (tmp_path / "other.mp3").write_bytes(b"not audio at all")
    doc = import_file(db, other).document_id
    assert media.recording(db, doc) is None and library.turns(db, doc)
