"""SubRip, WebVTT and Word transcripts: speakers, cue times, exact offsets."""

from __future__ import annotations

import io

import docx
import pytest

from desktop.core import library
from desktop.core.errors import YanduError
from desktop.core.importing import import_bytes, parse_bytes

SRT = """1
00:00:01,000 --> 00:00:04,200
主持人：欢迎来到今天的圆桌。

2
00:00:04,500 --> 00:00:08,000
[张家俊]: 谢谢主持人。
我先简单介绍一下。

3
00:00:08,100 --> 00:00:10,000
算力是重要因素。

4
00:01:02,003 --> 00:01:05,000
主持人：下一个问题？
"""

VTT = """WEBVTT
Kind: captions
Language: en

NOTE recorded at the hearing

intro
00:00.000 --> 00:03.500 align:start
<v THE CHAIR>The Committee will come to order.</v>

00:03.600 --> 00:07.000
<v.loud Mr. Smith>Thank you, Mr. Chairman.

00:07.000 --> 00:09.250
It is an honour to be here.

01:00:00.000 --> 01:00:02.000
MS. JONES: Does the gentleman yield?
"""


def check_exact(parsed):
    assert "".join(parsed.text[t.start : t.end] for t in parsed.turns) == parsed.text
    for turn in parsed.turns:
        assert turn.start <= turn.text_start <= turn.text_end <= turn.end


def test_srt_cues_become_turns_with_times_and_speakers():
    parsed = parse_bytes(SRT.encode("utf-8"), "talk.srt")
    check_exact(parsed)
    assert parsed.format == "srt" and parsed.kind == "subtitles"
    said = [(t.speaker, parsed.turn_text(t), t.cue_start_ms, t.cue_end_ms) for t in parsed.turns]
    assert said == [
        ("主持人", "欢迎来到今天的圆桌。", 1000, 4200),
        # No label on the third cue: the previous speaker goes on, in the same turn.
        ("张家俊", "谢谢主持人。我先简单介绍一下。算力是重要因素。", 4500, 10000),
        ("主持人", "下一个问题？", 62003, 65000),
    ]


def test_vtt_voice_tags_and_prefixes():
    parsed = parse_bytes(VTT.encode("utf-8"), "hearing.vtt")
    check_exact(parsed)
    assert parsed.format == "vtt"
    said = [(t.speaker, parsed.turn_text(t), t.cue_start_ms) for t in parsed.turns]
    assert said == [
        ("THE CHAIR", "The Committee will come to order.", 0),
        ("Mr. Smith", "Thank you, Mr. Chairman. It is an honour to be here.", 3600),
        ("MS. JONES", "Does the gentleman yield?", 3_600_000),
    ]
    # The header and the NOTE block are not in the reading text; the file is kept whole.
    assert parsed.text.startswith("THE CHAIR: The Committee")
    assert parsed.source == VTT.encode("utf-8")


def test_vtt_crlf_and_bom():
    data = b"\xef\xbb\xbf" + VTT.replace("\n", "\r\n").encode("utf-8")
    parsed = parse_bytes(data, "hearing.vtt")
    assert parsed.text == parse_bytes(VTT.encode("utf-8"), "hearing.vtt").text
    assert parsed.source == data
    assert len(parsed.turns) == 3


def test_subtitles_without_cues_are_refused():
    with pytest.raises(YanduError, match="no subtitle cues"):
        parse_bytes(b"just some words\n", "empty.srt")


def make_docx(paragraphs: list[str], title: str = "") -> bytes:
    document = docx.Document()
    if title:
        document.core_properties.title = title
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_joined_by_newlines(memory_db):
    paragraphs = [
        "近日，主持人杨静与循环智能AI负责人陈虞君展开对话。",
        "杨静：大模型怎么落地？",
        "陈虞君：“携手合作伙伴”",
        "我们和行业专家一起教大模型。",
        "杨静：算力呢？",
        "陈虞君：尽量少用。",
    ]
    data = make_docx(paragraphs, title="落地对话")
    parsed = parse_bytes(data, "dialogue.docx")
    check_exact(parsed)
    assert parsed.text == "\n".join(paragraphs)
    assert parsed.format == "docx"
    assert parsed.title == "落地对话"
    assert [(s.name, s.role, s.is_moderator) for s in parsed.speakers] == [
        ("杨静", "主持人", True), ("陈虞君", "循环智能AI负责人", False)]
    assert parsed.headline(parsed.turns[2]) == "携手合作伙伴"
    result = import_bytes(memory_db, data, "dialogue.docx")
    assert result.format == "docx" and result.section_count == 2
    assert library.turns(memory_db, result.document_id)[2].text == "我们和行业专家一起教大模型。"


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04 not really a zip", b"plain text pretending", b"PK\x05\x06" + b"\x00" * 18],
)
def test_broken_docx_is_refused(data):
    with pytest.raises(YanduError, match="not a readable Word document"):
        parse_bytes(data, "broken.docx")


def test_zip_without_a_word_document_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(YanduError, match="not a readable Word document"):
        parse_bytes(buffer.getvalue(), "fake.docx")


def test_srt_without_blank_lines_between_cues():
    srt = "1\n00:00:01,000 --> 00:00:02,000\n甲：一\n2\n00:00:02,000 --> 00:00:03,000\n乙：二\n"
    parsed = parse_bytes(srt.encode(), "dense.srt")
    check_exact(parsed)
    assert [(t.speaker, parsed.turn_text(t)) for t in parsed.turns] == [("甲", "一"), ("乙", "二")]
    assert parsed.text == "甲：一\n\n乙：二\n"


def test_vtt_cue_identifiers_and_notes_stay_out_of_the_speech():
    vtt = ("WEBVTT\n\nopening\n00:00.000 --> 00:01.000\n<v Anna>Hello.\n\n"
           "NOTE the next cue was re-timed\n\nsecond-cue\n00:01.000 --> 00:02.000\n"
           "<v Ben>Hi.\n")
    parsed = parse_bytes(vtt.encode(), "ids.vtt")
    check_exact(parsed)
    assert [(t.speaker, parsed.turn_text(t)) for t in parsed.turns] == [
        ("Anna", "Hello."), ("Ben", "Hi.")]
    assert parsed.text == "Anna: Hello.\n\nBen: Hi.\n"


def test_word_document_under_a_text_name_is_read_as_word():
    parsed = parse_bytes(make_docx(["甲：你好？", "乙：你好。"]), "saved-as.txt")
    assert parsed.format == "docx"
    assert [s.name for s in parsed.speakers] == ["甲", "乙"]


def test_docx_table_of_names_and_speeches():
    document = docx.Document()
    document.add_paragraph("圆桌实录")
    table = document.add_table(rows=0, cols=2)
    for who, said in [("主持人", "算力够吗？"), ("张三", "不够。"), ("主持人", "怎么办？"),
                      ("张三", "合作共训。")]:
        row = table.add_row().cells
        row[0].text, row[1].text = who, said
    document.add_paragraph("（完）")
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = parse_bytes(buffer.getvalue(), "table.docx")
    check_exact(parsed)
    assert parsed.text.startswith("圆桌实录\n主持人\t算力够吗？\n")
    assert [(t.speaker, parsed.turn_text(t)) for t in parsed.turns] == [
        (None, "圆桌实录"), ("主持人", "算力够吗？"), ("张三", "不够。"), ("主持人", "怎么办？"),
        ("张三", "合作共训。"), (None, "（完）")]
    assert len(parsed.sections) == 2
