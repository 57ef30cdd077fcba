"""The import preview's facts: what would be stored, and when a reader should look first."""

from __future__ import annotations

import json

import pytest

from desktop.core.errors import YanduError
from desktop.core.importing import bundled_sample_path
from desktop.core.importing.model import ParseOptions
from desktop.core.importing.preview import SpeakerPreview, doubt_of, preview_bytes


def test_the_sample_previews_as_it_imports_and_is_not_doubtful():
    preview = preview_bytes(bundled_sample_path().read_bytes(), "sample.txt")
    assert [(s.name, s.turns) for s in preview.speakers] == [
        ("杨静", 5), ("陈虞君", 5), ("张家俊", 5), ("吴韶华", 5)]
    assert preview.speakers[0].is_moderator and preview.speakers[1].role == "循环智能AI负责人"
    assert preview.speakers[1].sample.startswith("循环智能基于ToB") and len(
        preview.speakers[1].sample) <= 80
    assert preview.narration_turns == 1 and len(preview.sections) == 5
    assert preview.doubt == "" and preview.doubt_text() == ""
    screen = preview.first_screen(3)
    assert screen[0][0] is None  # the introduction is narration
    assert screen[1] == ("§", preview.sections[0])  # the first question opens a section
    assert screen[2][0] == "杨静"
    data = json.loads(json.dumps(preview.as_dict(), ensure_ascii=False))
    assert data["turn_count"] == 21 and data["speakers"][0]["name"] == "杨静"


@pytest.mark.parametrize(("text", "doubt"), [
    ("这是一段没有发言人的文字。\n\n第二段也没有。\n", "no-speakers"),
    ("张三：第一段。\n\n张三：第二段。\n", "one-speaker"),
])
def test_a_doubtful_structure_says_why(text, doubt):
    preview = preview_bytes(text.encode("utf-8"), "doubt.txt")
    assert preview.doubt == doubt
    assert preview.doubt_text()


def test_many_speakers_who_speak_once_are_doubtful():
    regulars = (SpeakerPreview("甲", 9, ""), SpeakerPreview("乙", 8, ""))
    once = tuple(SpeakerPreview(f"名{n}", 1, "") for n in range(10))
    assert doubt_of(regulars + once) == "fragments"
    assert doubt_of(regulars + once[:5]) == ""  # a few bit parts are normal
    many_regulars = tuple(SpeakerPreview(f"议员{n}", 3, "") for n in range(12))
    assert doubt_of(many_regulars + once[:6]) == ""  # a big sitting, most speak often


def test_a_chosen_encoding_reads_the_file_as_the_reader_says():
    data = "楊靜：大家好。\n\n陳虞君：你好。\n".encode("big5")
    guessed = preview_bytes(data, "big5.txt")
    chosen = preview_bytes(data, "big5.txt", options=ParseOptions(encoding="Big5"))
    assert chosen.parsed.encoding == "Big5"
    assert [s.name for s in chosen.speakers] == ["楊靜", "陳虞君"]
    assert guessed.parsed.text == chosen.parsed.text or guessed.parsed.encoding != "Big5"
    with pytest.raises(YanduError, match="does not read as UTF-8"):
        preview_bytes(data, "big5.txt", options=ParseOptions(encoding="UTF-8"))
    with pytest.raises(YanduError, match="Unknown encoding"):
        preview_bytes(data, "big5.txt", options=ParseOptions(encoding="EBCDIC"))
