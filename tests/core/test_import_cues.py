"""Subtitle and ASR exports: cues joined into turns of a reading text, with speakers and times."""

from __future__ import annotations

import pytest

from desktop.core.errors import YanduError
from desktop.core.importing import import_bytes, parse_bytes
from desktop.core.importing.subtitles import GAP_MS, HARD_CHARS, SOFT_CHARS


def check_reading(parsed):
    """The invariants of every import, and those of a reading text built from cues."""
    text = parsed.text
    assert "".join(text[t.start : t.end] for t in parsed.turns) == text
    previous = 0
    for turn in parsed.turns:
        assert turn.start == previous < turn.end
        previous = turn.end
        assert turn.start <= turn.text_start < turn.text_end <= turn.end
        speech = text[turn.text_start : turn.text_end]
        assert speech == speech.strip() and "\n" not in speech
        # A paragraph: `Name: ` or `名字：` then the speech, or the speech alone.
        opening = text[turn.start : turn.text_start]
        if turn.speaker is None:
            assert opening == "" and turn.label == ""
        else:  # the label as written (the speaker may be another spelling of it)
            assert opening in (f"{turn.label}: ", f"{turn.label}：")
        assert text[turn.text_end : turn.end] in ("\n\n", "\n")
        assert turn.cue_start_ms is not None and turn.cue_end_ms is not None
    assert text.endswith("\n") and "\n\n\n" not in text
    offsets = [m.offset for m in parsed.marks]
    assert offsets == sorted(offsets)
    spoken = [(t.text_start, t.text_end) for t in parsed.turns]
    for mark in parsed.marks:
        assert any(start <= mark.offset < end for start, end in spoken)
    assert parsed.kind == "subtitles"


def said(parsed):
    return [(t.speaker, parsed.turn_text(t), t.cue_start_ms, t.cue_end_ms) for t in parsed.turns]


def cue_marks(parsed):
    return [(m.time_ms, parsed.text[m.offset :]) for m in parsed.marks]


def assert_marks(parsed, expected):
    """Each mark's time, and the cue text the reading text has from its offset on."""
    found = cue_marks(parsed)
    assert len(found) == len(expected)
    for (time_ms, rest), (want_ms, want_text) in zip(found, expected, strict=True):
        assert time_ms == want_ms
        assert rest.startswith(want_text), (rest[:40], want_text)


# A Teams meeting transcript: each cue a `<v Name>…</v>` voice span, one speaker over
# many consecutive cues, ids `<guid>/<n>-<i>`, an entity, a pause of 12 s in one speech.
TEAMS_VTT = """WEBVTT

2c0ef2a0-9b8f-4b5c-8f2a-1f3e6a7d9c01/17-0
00:00:03.620 --> 00:00:07.140
<v Wang Fang>Good morning everyone, thanks for</v>

2c0ef2a0-9b8f-4b5c-8f2a-1f3e6a7d9c01/17-1
00:00:07.140 --> 00:00:09.860
<v Wang Fang>joining the weekly R&amp;D review.</v>

2c0ef2a0-9b8f-4b5c-8f2a-1f3e6a7d9c01/18-0
00:00:10.200 --> 00:00:13.010
<v Wang Fang>Li Wei, could you start with the
schedule?</v>

5d1b7e3c-2a4f-4e6d-9c8b-7a6f5e4d3c21/21-0
00:00:13.450 --> 00:00:15.900
<v Li Wei>Sure. We are two weeks late.</v>

5d1b7e3c-2a4f-4e6d-9c8b-7a6f5e4d3c21/21-1
00:00:15.900 --> 00:00:18.300
<v Li Wei>The test rig arrived on Friday.</v>

2c0ef2a0-9b8f-4b5c-8f2a-1f3e6a7d9c01/23-0
00:00:18.500 --> 00:00:19.700
<v Wang Fang>Okay.</v>

2c0ef2a0-9b8f-4b5c-8f2a-1f3e6a7d9c01/24-0
00:00:31.700 --> 00:00:34.000
<v Wang Fang>Anything else on the schedule?</v>
"""


def test_teams_vtt_one_turn_per_speaker_run():
    parsed = parse_bytes(TEAMS_VTT.encode(), "Weekly review.vtt")
    check_reading(parsed)
    assert parsed.format == "vtt" and parsed.source == TEAMS_VTT.encode()
    assert said(parsed) == [
        ("Wang Fang", "Good morning everyone, thanks for joining the weekly R&D review. "
                      "Li Wei, could you start with the schedule?", 3620, 13010),
        ("Li Wei", "Sure. We are two weeks late. The test rig arrived on Friday.", 13450, 18300),
        ("Wang Fang", "Okay.", 18500, 19700),
        # Twelve seconds of silence (19.7 s -> 31.7 s): a new turn of the same speaker.
        ("Wang Fang", "Anything else on the schedule?", 31700, 34000),
    ]
    assert parsed.text == (
        "Wang Fang: Good morning everyone, thanks for joining the weekly R&D review. "
        "Li Wei, could you start with the schedule?\n\n"
        "Li Wei: Sure. We are two weeks late. The test rig arrived on Friday.\n\n"
        "Wang Fang: Okay.\n\n"
        "Wang Fang: Anything else on the schedule?\n"
    )
    assert_marks(parsed, [
        (3620, "Good morning"), (7140, "joining the weekly R&D"), (10200, "Li Wei, could"),
        (13450, "Sure."), (15900, "The test rig"), (18500, "Okay."), (31700, "Anything else"),
    ])
    assert [s.name for s in parsed.speakers] == ["Wang Fang", "Li Wei"]
    # Headers and cue ids are not read.
    assert "WEBVTT" not in parsed.text and "2c0ef2a0" not in parsed.text


# A Zoom recording's transcript: numbered cues, `Name: words` in each cue.
ZOOM_VTT = """WEBVTT

1
00:00:00.630 --> 00:00:04.350
Wang Fang: Okay, let's get started.

2
00:00:04.350 --> 00:00:09.120
Wang Fang: First item is the budget for next quarter.

3
00:00:09.780 --> 00:00:12.900
Li Wei: Thanks. I sent the numbers this morning.

4
00:00:12.900 --> 00:00:15.480
Li Wei: They're in the shared folder.

5
00:00:16.020 --> 00:00:17.220
王芳：收到。

6
00:00:17.300 --> 00:00:18.000
王芳：谢谢。
"""


def test_zoom_vtt_name_prefixes_joined():
    parsed = parse_bytes(ZOOM_VTT.encode(), "GMT20240312-093000_Recording.transcript.vtt")
    check_reading(parsed)
    assert said(parsed) == [
        ("Wang Fang", "Okay, let's get started. First item is the budget for next quarter.",
         630, 9120),
        ("Li Wei", "Thanks. I sent the numbers this morning. They're in the shared folder.",
         9780, 15480),
        ("王芳", "收到。谢谢。", 16020, 18000),
    ]
    # A Chinese name opens its paragraph with a full-width colon.
    assert parsed.text.endswith("\n\n王芳：收到。谢谢。\n")
    assert_marks(parsed, [(630, "Okay,"), (4350, "First item"), (9780, "Thanks."),
                          (12900, "They're"), (16020, "收到。"), (17300, "谢谢。")])
    assert "\n1\n" not in parsed.text and "-->" not in parsed.text


# WhisperX's SRT after diarisation: `[SPEAKER_01]: ` before each cue's words.
WHISPERX_SRT = """1
00:00:00,031 --> 00:00:03,520
[SPEAKER_00]: So let's start with the budget.

2
00:00:03,900 --> 00:00:06,100
[SPEAKER_01]: Thanks. The numbers are in

3
00:00:06,100 --> 00:00:08,000
[SPEAKER_01]: the second table.

4
00:00:08,400 --> 00:00:09,000
SPEAKER_00: Go on.

5
00:00:09,200 --> 00:00:11,000
[Music]

6
00:00:11,500 --> 00:00:12,000
[SPEAKER_01] So, the second table.
"""


def test_whisperx_srt_diarised_labels():
    parsed = parse_bytes(WHISPERX_SRT.encode(), "meeting.srt")
    check_reading(parsed)
    assert said(parsed) == [
        ("SPEAKER_00", "So let's start with the budget.", 31, 3520),
        ("SPEAKER_01", "Thanks. The numbers are in the second table.", 3900, 8000),
        ("SPEAKER_00", "Go on.", 8400, 9000),
        # A cue that is only a sound is narration, not anyone's speech.
        (None, "[Music]", 9200, 11000),
        ("SPEAKER_01", "So, the second table.", 11500, 12000),
    ]
    # The recogniser's names are kept as they are (the reader renames them).
    assert [s.name for s in parsed.speakers] == ["SPEAKER_00", "SPEAKER_01"]
    assert parsed.text.startswith("SPEAKER_00: So let's start")
    assert_marks(parsed, [(31, "So let's"), (3900, "Thanks."), (6100, "the second table."),
                          (8400, "Go on."), (9200, "[Music]"), (11500, "So, the second")])


# A Chinese SRT: a sentence cut over several cues and lines, markup, a dialogue dash.
CHINESE_SRT = """1
00:00:01,000 --> 00:00:03,200
主持人：欢迎大家来到
今天的圆桌论坛。

2
00:00:03,400 --> 00:00:06,000
<i>我们先请张教授</i>谈谈算力。

3
00:00:06,500 --> 00:00:09,000
张教授：谢谢主持人。
我觉得现在用GPT

4
00:00:09,000 --> 00:00:11,000
- 做研究的人越来越多，
- 成本&lt;一年前。

5
00:00:11,500 --> 00:00:12,500
{\\an8}（笑）

6
00:00:12,600 --> 00:00:14,000
所以要合作共训。
"""


def test_chinese_srt_joined_without_spaces():
    parsed = parse_bytes(CHINESE_SRT.encode(), "圆桌.srt")
    check_reading(parsed)
    assert said(parsed) == [
        ("主持人", "欢迎大家来到今天的圆桌论坛。我们先请张教授谈谈算力。", 1000, 6000),
        # Cues join Latin to Chinese with a space; dashes, tags and entities are dropped.
        ("张教授", "谢谢主持人。我觉得现在用GPT 做研究的人越来越多，成本<一年前。", 6500, 11000),
        (None, "（笑）", 11500, 12500),
        ("张教授", "所以要合作共训。", 12600, 14000),  # after the direction, the speaker goes on
    ]
    assert parsed.text.startswith("主持人：欢迎大家来到今天的圆桌论坛。")
    assert_marks(parsed, [(1000, "欢迎大家"), (3400, "我们先请"), (6500, "谢谢主持人"),
                          (9000, "做研究"), (11500, "（笑）"), (12600, "所以要")])
    assert parsed.encoding.startswith("UTF-8")


def test_voice_spans_one_piece_per_voice_in_a_cue():
    vtt = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Wang Fang>Shall we begin?</v>\n\n"
           "00:00:03.200 --> 00:00:05.000\n<v Li Wei>Yes.</v>\n<v Wang Fang>Good.</v>\n\n"
           "00:00:05.000 --> 00:00:07.000\n- <v Li Wei>First, the schedule\nis late.\n\n"
           "00:00:07.000 --> 00:00:08.000\n<v.loud Wang Fang>How late?\n")
    parsed = parse_bytes(vtt.encode(), "call.vtt")
    check_reading(parsed)
    assert said(parsed) == [
        ("Wang Fang", "Shall we begin?", 1000, 3000),
        ("Li Wei", "Yes.", 3200, 5000),
        ("Wang Fang", "Good.", 3200, 5000),  # a second voice in the same cue: its own turn
        ("Li Wei", "First, the schedule is late.", 5000, 7000),
        ("Wang Fang", "How late?", 7000, 8000),
    ]
    assert [m.time_ms for m in parsed.marks] == [1000, 3200, 3200, 5000, 7000]


def test_a_voice_tag_inside_speech_is_markup_not_a_new_turn():
    vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anna>She said <v Ben> was fine.</v>\n"
    parsed = parse_bytes(vtt.encode(), "inline.vtt")
    check_reading(parsed)
    assert said(parsed) == [("Anna", "She said was fine.", 1000, 2000)]


def test_headers_notes_styles_regions_and_ids_are_left_out():
    vtt = ("WEBVTT - a hearing\nKind: captions\nLanguage: en\n\n"
           "STYLE\n::cue { color: yellow }\n\nREGION\nid:fred width:40%\n\n"
           "NOTE recorded at the hearing\n\nintro\n00:00.000 --> 00:03.500 align:start\n"
           "<v THE CHAIR>The Committee will come to order.</v>\n\n"
           "NOTE the next cue was re-timed\nby hand\n\n"
           "second-cue\n00:03.600 --> 00:07.000\n<v.loud Mr. Smith>Thank you, Mr. Chairman.\n\n"
           "00:07.000 --> 00:09.250\nIt is an honour to be here.\n")
    parsed = parse_bytes(vtt.encode(), "hearing.vtt")
    check_reading(parsed)
    assert parsed.text == ("THE CHAIR: The Committee will come to order.\n\n"
                           "Mr. Smith: Thank you, Mr. Chairman. It is an honour to be here.\n")
    assert parsed.source == vtt.encode()


def test_cues_without_blank_lines_and_with_one_inside_a_cue():
    srt = ("1\n00:00:01,000 --> 00:00:02,000\n甲：一\n2\n00:00:02,000 --> 00:00:03,000\n乙：二\n"
           "3\n00:00:03,000 --> 00:00:04,000\n乙：三\n\n还是三\n\n"
           "00:00:04,000 --> 00:00:05,000\n甲：四\n")
    parsed = parse_bytes(srt.encode(), "dense.srt")
    check_reading(parsed)
    assert [(t.speaker, parsed.turn_text(t)) for t in parsed.turns] == [
        ("甲", "一"), ("乙", "二三还是三"), ("甲", "四")]


def test_a_prefix_seen_once_with_an_odd_shape_is_speech():
    srt = ("1\n00:00:01,000 --> 00:00:02,000\nAnna Li: Hello.\n\n"
           "2\n00:00:02,000 --> 00:00:03,000\nLook: there it is.\n\n"
           "3\n00:00:20,000 --> 00:00:21,000\nBen: Where?\n\n"
           "4\n00:00:21,000 --> 00:00:22,000\nBen: I see.\n")
    parsed = parse_bytes(srt.encode(), "clip.srt")
    check_reading(parsed)
    assert [(t.speaker, parsed.turn_text(t)) for t in parsed.turns] == [
        ("Anna Li", "Hello. Look: there it is."), ("Ben", "Where? I see.")]


def test_one_speaker_however_spelt_and_a_role_in_the_label():
    srt = ("1\n00:00:01,000 --> 00:00:02,000\n主持人 杨静：欢迎。\n\n"
           "2\n00:00:02,000 --> 00:00:03,000\n杨静：第一个问题？\n\n"
           "3\n00:00:03,000 --> 00:00:04,000\nLI WEI: Hi.\n\n"
           "4\n00:00:04,000 --> 00:00:05,000\nLi Wei: Again.\n")
    parsed = parse_bytes(srt.encode(), "panel.srt")
    check_reading(parsed)
    assert [(t.speaker, t.label, parsed.turn_text(t)) for t in parsed.turns] == [
        ("杨静", "杨静", "欢迎。第一个问题？"), ("LI WEI", "LI WEI", "Hi. Again.")]
    assert [(s.name, s.role) for s in parsed.speakers] == [("杨静", "主持人"), ("LI WEI", "")]


@pytest.mark.parametrize(("gap", "turns"), [(GAP_MS - 1, 1), (GAP_MS, 2)])
def test_a_long_pause_starts_a_new_turn(gap, turns):
    end = 2000 + gap
    srt = (f"1\n00:00:01,000 --> 00:00:02,000\nAnna: One.\n\n"
           f"2\n{_clock(end)} --> {_clock(end + 1000)}\nAnna: Two.\n")
    parsed = parse_bytes(srt.encode(), "pause.srt")
    check_reading(parsed)
    assert len(parsed.turns) == turns
    assert {t.speaker for t in parsed.turns} == {"Anna"}


def test_a_long_monologue_is_cut_at_sentence_ends():
    sentence = "This is a sentence of the lecture that goes on"
    cues = "".join(
        f"{n + 1}\n{_clock(n * 2000)} --> {_clock(n * 2000 + 2000)}\n"
        f"Lecturer: {sentence}{'.' if n % 5 == 4 else ''}\n\n" for n in range(400))
    parsed = parse_bytes(cues.encode(), "lecture.srt")
    check_reading(parsed)
    assert len(parsed.turns) > 5
    for turn in parsed.turns:
        speech = parsed.turn_text(turn)
        assert len(speech) <= SOFT_CHARS + 5 * (len(sentence) + 2)
        assert speech.endswith(".")
    # A monologue with no sentence end is still cut, at the hard limit.
    flat = cues.replace(".\n", "\n")
    parsed = parse_bytes(flat.encode(), "lecture.srt")
    check_reading(parsed)
    assert max(len(parsed.turn_text(t)) for t in parsed.turns) <= HARD_CHARS + len(sentence) + 1
    assert len(parsed.turns) > 1


def test_subtitles_with_no_speaker_are_paragraphs_of_narration():
    srt = ("1\n00:00:01,000 --> 00:00:02,000\nIt was a dark night.\n\n"
           "2\n00:00:02,000 --> 00:00:03,000\nThe wind was cold.\n\n"
           "3\n00:00:30,000 --> 00:00:31,000\nMorning came.\n")
    parsed = parse_bytes(srt.encode(), "film.srt")
    check_reading(parsed)
    assert parsed.text == "It was a dark night. The wind was cold.\n\nMorning came.\n"
    assert parsed.speakers == ()


def test_subtitles_without_cues_or_words_are_refused():
    with pytest.raises(YanduError, match="no subtitle cues"):
        parse_bytes(b"just some words\n", "empty.srt")
    with pytest.raises(YanduError, match="hold no text"):
        parse_bytes(b"WEBVTT\n\n00:00.000 --> 00:01.000\n<i></i>\n\n", "blank.vtt")


def test_crlf_and_bom_read_the_same():
    data = b"\xef\xbb\xbf" + TEAMS_VTT.replace("\n", "\r\n").encode()
    parsed = parse_bytes(data, "review.vtt")
    assert parsed.text == parse_bytes(TEAMS_VTT.encode(), "review.vtt").text
    assert parsed.source == data


def test_stored_with_its_source_and_marks(memory_db):
    result = import_bytes(memory_db, TEAMS_VTT.encode(), "review.vtt")
    assert result.kind == "subtitles" and result.turn_count == 4
    doc = result.document_id
    text = memory_db.execute("SELECT text FROM documents WHERE id = ?", [doc]).fetchone()[0]
    assert text.startswith("Wang Fang: Good morning")
    source = memory_db.execute("SELECT data FROM document_sources WHERE document_id = ?",
                               [doc]).fetchone()[0]
    assert source == TEAMS_VTT.encode()
    marks = memory_db.execute("SELECT at, time_ms FROM source_marks WHERE document_id = ? "
                              "ORDER BY at", [doc]).fetchall()
    assert [ms for _, ms in marks] == [3620, 7140, 10200, 13450, 15900, 18500, 31700]
    assert text[marks[4][0]:].startswith("The test rig")


def _clock(ms: int) -> str:
    seconds, ms = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02}:{minutes:02}:{seconds:02},{ms:03}"


def two_hour_vtt(cues: int = 2000) -> bytes:
    """A two-hour meeting as Teams exports it: voice spans, runs of cues per speaker."""
    names = ["Wang Fang", "Li Wei", "张家俊", "Speaker 4"]
    out = ["WEBVTT", ""]
    for n in range(cues):
        start = n * 3600
        who = names[(n // 7) % len(names)]
        words = ("我们今天讨论算力和数据的问题，" if "张" in who
                 else "we should look at the numbers again before the next review")
        out += [f"0a1b2c3d/{n}-0", f"{_clock(start).replace(',', '.')} --> "
                f"{_clock(start + 3400).replace(',', '.')}", f"<v {who}>{words} {n}</v>", ""]
    return "\n".join(out).encode()


def test_a_two_hour_file_joins_its_runs_of_cues():
    # (How fast it parses is the benchmark's business: desktop/bench.)
    parsed = parse_bytes(two_hour_vtt(), "two-hours.vtt")
    check_reading(parsed)
    assert len(parsed.marks) == 2000 and len(parsed.turns) == 2000 // 7 + 1
    assert parsed.turns[-1].cue_end_ms == 1999 * 3600 + 3400  # about two hours


# Speech-recognition exports as plain text: the name and a time alone on a line.
REV_TXT = """Speaker 1 (00:01):
Welcome, everyone, to the quarterly review.

Speaker 2 (00:05):
Thanks for having me.
The numbers are in.

Speaker 1 (01:02:03):
Let's look at them.

Speaker 2 (01:03:00):
Sure.
"""

OTTER_TXT = """王芳  0:03
我们开始吧。

Li Wei  0:15
Thanks. Shall I share my screen?

王芳  1:02:03
好的。

Li Wei  1:03:00
OK.
"""


def check_exact(parsed):
    text = parsed.text
    assert "".join(text[t.start : t.end] for t in parsed.turns) == text
    previous = 0
    for turn in parsed.turns:
        assert turn.start == previous < turn.end
        previous = turn.end
        assert turn.start <= turn.text_start <= turn.text_end <= turn.end
        speech = text[turn.text_start : turn.text_end]
        assert speech == speech.strip()
        if turn.label:
            assert turn.label in text[turn.start : turn.text_start]


def stamped(parsed):
    return [(t.speaker, parsed.turn_text(t), t.cue_start_ms) for t in parsed.turns]


def test_rev_style_text():
    parsed = parse_bytes(REV_TXT.encode(), "review.txt")
    check_exact(parsed)
    assert stamped(parsed) == [
        ("Speaker 1", "Welcome, everyone, to the quarterly review.", 1000),
        ("Speaker 2", "Thanks for having me.\nThe numbers are in.", 5000),
        ("Speaker 1", "Let's look at them.", 3_723_000),
        ("Speaker 2", "Sure.", 3_780_000),
    ]


def test_otter_style_text():
    parsed = parse_bytes(OTTER_TXT.encode(), "meeting.txt")
    check_exact(parsed)
    assert stamped(parsed) == [
        ("王芳", "我们开始吧。", 3000),
        ("Li Wei", "Thanks. Shall I share my screen?", 15000),
        ("王芳", "好的。", 3_723_000),
        ("Li Wei", "OK.", 3_780_000),
    ]


REV_COLON_FIRST_TXT = """Interviewer: (00:01)
How did the project start?

Li Wei: (00:07)
With a grant.

Interviewer: (01:02:03)
And then?

Li Wei: (01:03:00)
We hired two people.
"""


def test_rev_style_text_with_the_colon_before_the_time():
    parsed = parse_bytes(REV_COLON_FIRST_TXT.encode(), "interview.txt")
    check_exact(parsed)
    assert stamped(parsed) == [
        ("Interviewer", "How did the project start?", 1000),
        ("Li Wei", "With a grant.", 7000),
        ("Interviewer", "And then?", 3_723_000),
        ("Li Wei", "We hired two people.", 3_780_000),
    ]
