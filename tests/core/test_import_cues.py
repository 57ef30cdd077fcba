"""Subtitle and ASR exports: speaker marks inside cues (voice spans, diarisation labels)."""

from __future__ import annotations

from desktop.core.importing import parse_bytes

# A WhisperX-style SRT: diarised labels with and without brackets and colons.
WHISPERX_SRT = """1
00:00:00,031 --> 00:00:03,520
[SPEAKER_00]: So let's start with the budget.

2
00:00:03,900 --> 00:00:06,100
[SPEAKER_01] Thanks. The numbers are in

3
00:00:06,100 --> 00:00:08,000
[SPEAKER_01] the second table.

4
00:00:08,400 --> 00:00:09,000
SPEAKER_00: Go on.

5
00:00:09,200 --> 00:00:11,000
[Music]

6
00:00:11,500 --> 00:00:12,000
[Music]
"""

# A Teams-style WebVTT: voice spans, closed or not, two voices in one cue, a dialogue dash.
TEAMS_VTT = """WEBVTT

0a1b2c3d-4e5f-6789-abcd-ef0123456789/12-0
00:00:01.000 --> 00:00:03.000
<v Wang Fang>Shall we begin?</v>

0a1b2c3d-4e5f-6789-abcd-ef0123456789/13-0
00:00:03.200 --> 00:00:05.000
<v Li Wei>Yes.</v>
<v Wang Fang>Good.</v>

0a1b2c3d-4e5f-6789-abcd-ef0123456789/14-0
00:00:05.000 --> 00:00:07.000
- <v Li Wei>First, the schedule
is late.

00:00:07.000 --> 00:00:08.000
<v.loud Wang Fang>How late?
"""

# A Zoom-style WebVTT: `Name: words` inside the cue, full-width colons in Chinese.
ZOOM_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:02.500
王芳：我们开始吧。

2
00:00:02.600 --> 00:00:04.000
Li Wei: OK.

3
00:00:04.100 --> 00:00:05.000
王芳: 好。
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


def said(parsed):
    return [(t.speaker, parsed.turn_text(t), t.cue_start_ms) for t in parsed.turns]


def test_diarised_labels_with_and_without_brackets_and_colons():
    parsed = parse_bytes(WHISPERX_SRT.encode(), "meeting.srt")
    check_exact(parsed)
    assert said(parsed) == [
        ("SPEAKER_00", "So let's start with the budget.", 31),
        ("SPEAKER_01", "Thanks. The numbers are in", 3900),
        ("SPEAKER_01", "the second table.", 6100),
        ("SPEAKER_00", "Go on.", 8400),
        # A sound tag in brackets is not a speaker: the last one goes on.
        ("SPEAKER_00", "[Music]", 9200),
        ("SPEAKER_00", "[Music]", 11500),
    ]
    assert [s.name for s in parsed.speakers] == ["SPEAKER_00", "SPEAKER_01"]


def test_voice_spans_one_turn_per_voice():
    parsed = parse_bytes(TEAMS_VTT.encode(), "call.vtt")
    check_exact(parsed)
    assert said(parsed) == [
        ("Wang Fang", "Shall we begin?", 1000),
        ("Li Wei", "Yes.", 3200),
        ("Wang Fang", "Good.", 3200),  # a second voice in the same cue: a turn of its own
        ("Li Wei", "First, the schedule\nis late.", 5000),
        ("Wang Fang", "How late?", 7000),
    ]
    second_voice = parsed.turns[2]
    assert parsed.text[second_voice.start : second_voice.end] == "<v Wang Fang>Good.</v>\n\n"
    assert [t.cue_end_ms for t in parsed.turns[1:3]] == [5000, 5000]
    # The cue identifier and timing line stay in the span of the cue's first turn.
    assert parsed.text[parsed.turns[3].start :].startswith("0a1b2c3d")


def test_name_prefixes_with_ascii_and_full_width_colons():
    parsed = parse_bytes(ZOOM_VTT.encode(), "zoom.vtt")
    check_exact(parsed)
    assert said(parsed) == [
        ("王芳", "我们开始吧。", 1000),
        ("Li Wei", "OK.", 2600),
        ("王芳", "好。", 4100),
    ]


def test_a_voice_line_inside_speech_is_not_a_new_turn_unless_it_opens_the_line():
    vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anna>She said <v Ben> was fine.</v>\n"
    parsed = parse_bytes(vtt.encode(), "inline.vtt")
    check_exact(parsed)
    assert said(parsed) == [("Anna", "She said <v Ben> was fine.", 1000)]


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


def test_rev_style_text():
    parsed = parse_bytes(REV_TXT.encode(), "review.txt")
    check_exact(parsed)
    assert said(parsed) == [
        ("Speaker 1", "Welcome, everyone, to the quarterly review.", 1000),
        ("Speaker 2", "Thanks for having me.\nThe numbers are in.", 5000),
        ("Speaker 1", "Let's look at them.", 3_723_000),
        ("Speaker 2", "Sure.", 3_780_000),
    ]


def test_otter_style_text():
    parsed = parse_bytes(OTTER_TXT.encode(), "meeting.txt")
    check_exact(parsed)
    assert said(parsed) == [
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
    assert said(parsed) == [
        ("Interviewer", "How did the project start?", 1000),
        ("Li Wei", "With a grant.", 7000),
        ("Interviewer", "And then?", 3_723_000),
        ("Li Wei", "We hired two people.", 3_780_000),
    ]
