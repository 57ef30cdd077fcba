"""Speech-recognition JSON (Whisper, WhisperX, whisper.cpp, Hugging Face) read as a transcript."""

from __future__ import annotations

import json

import pytest

from desktop.core.errors import YanduError
from desktop.core.importing import import_bytes, parse_bytes
from tests.core.test_import_cues import assert_marks, check_reading, said

# `whisper talk.mp3 --output_format json`: segments with token ids and scores, no speakers.
WHISPER = {
    "text": " Hello and welcome to the show. Today we talk about compute. After the break, data.",
    "segments": [
        {"id": 0, "seek": 0, "start": 0.0, "end": 2.48, "text": " Hello and welcome to the show.",
         "tokens": [50364, 2425, 293, 2928, 281, 264, 855, 13, 50488], "temperature": 0.0,
         "avg_logprob": -0.21, "compression_ratio": 1.32, "no_speech_prob": 0.012},
        {"id": 1, "seek": 0, "start": 2.48, "end": 5.2, "text": " Today we talk about compute.",
         "tokens": [50488, 2692, 321, 751, 466, 14722, 13, 50624], "temperature": 0.0,
         "avg_logprob": -0.21, "compression_ratio": 1.32, "no_speech_prob": 0.012},
        {"id": 2, "seek": 1500, "start": 17.0, "end": 19.64, "text": " After the break, data.",
         "tokens": [50364, 2381, 264, 1821, 11, 1412, 13, 50496], "temperature": 0.0,
         "avg_logprob": -0.3, "compression_ratio": 1.1, "no_speech_prob": 0.02},
    ],
    "language": "en",
}

# WhisperX after alignment and diarisation: speakers on segments and words; numbers and
# some punctuation get no word times; one segment left without a speaker of its own.
WHISPERX = {
    "segments": [
        {"start": 0.031, "end": 3.52, "text": " So let's start with the budget.",
         "words": [{"word": "So", "start": 0.031, "end": 0.21, "score": 0.91,
                    "speaker": "SPEAKER_00"},
                   {"word": "let's", "start": 0.25, "end": 0.52, "score": 0.88,
                    "speaker": "SPEAKER_00"},
                   {"word": "start", "start": 0.56, "end": 1.0, "score": 0.95,
                    "speaker": "SPEAKER_00"}],
         "speaker": "SPEAKER_00"},
        {"start": 3.9, "end": 6.1, "text": " Thanks. The numbers for 2024 are in",
         "words": [{"word": "Thanks.", "start": 3.9, "end": 4.3, "score": 0.9,
                    "speaker": "SPEAKER_01"},
                   {"word": "2024"},
                   {"word": "in", "start": 5.8, "end": 6.1, "score": 0.7,
                    "speaker": "SPEAKER_01"}],
         "speaker": "SPEAKER_01"},
        {"start": 6.1, "end": 8.0, "text": " the second table.",
         "words": [{"word": "the", "start": 6.1, "end": 6.3, "score": 0.8,
                    "speaker": "SPEAKER_01"},
                   {"word": "second", "start": 6.3, "end": 6.9, "score": 0.8,
                    "speaker": "SPEAKER_00"},
                   {"word": "table.", "start": 6.9, "end": 7.6, "score": 0.8,
                    "speaker": "SPEAKER_01"}]},
        {"start": 8.4, "end": 9.0, "text": " Go on.", "words": [], "speaker": "SPEAKER_00"},
    ],
    "word_segments": [{"word": "So", "start": 0.031, "end": 0.21, "score": 0.91,
                       "speaker": "SPEAKER_00"}],
    "language": "en",
}


def parse_json(data, name="talk.json"):
    return parse_bytes(json.dumps(data, ensure_ascii=False).encode(), name)


def test_whisper_json_without_speakers_reads_as_paragraphs():
    parsed = parse_json(WHISPER)
    check_reading(parsed)
    assert parsed.format == "json" and parsed.speakers == ()
    assert said(parsed) == [
        (None, "Hello and welcome to the show. Today we talk about compute.", 0, 5200),
        # Nearly twelve seconds of silence: a new paragraph.
        (None, "After the break, data.", 17000, 19640),
    ]
    assert parsed.text == ("Hello and welcome to the show. Today we talk about compute.\n\n"
                           "After the break, data.\n")
    assert_marks(parsed, [(0, "Hello"), (2480, "Today"), (17000, "After the break")])
    assert parsed.title == "talk"


def test_whisperx_json_with_words_and_speakers():
    parsed = parse_json(WHISPERX, "meeting.json")
    check_reading(parsed)
    assert said(parsed) == [
        ("SPEAKER_00", "So let's start with the budget.", 31, 3520),
        # The third segment has no speaker: most of its words are SPEAKER_01's.
        ("SPEAKER_01", "Thanks. The numbers for 2024 are in the second table.", 3900, 8000),
        ("SPEAKER_00", "Go on.", 8400, 9000),
    ]
    assert [s.name for s in parsed.speakers] == ["SPEAKER_00", "SPEAKER_01"]
    assert parsed.text.startswith("SPEAKER_00: So let's start with the budget.\n\n"
                                  "SPEAKER_01: Thanks.")
    assert_marks(parsed, [(31, "So let's"), (3900, "Thanks."), (6100, "the second table."),
                          (8400, "Go on.")])


def test_a_top_level_list_of_chinese_segments():
    segments = [
        {"start": 0.0, "end": 2.0, "text": "大家好，", "speaker": "SPEAKER_00"},
        {"start": 2.0, "end": 4.5, "text": "今天我们讨论算力。", "speaker": "SPEAKER_00"},
        {"start": 5.0, "end": 6.0, "text": "好的。", "speaker": "SPEAKER_01"},
        {"start": 6.0, "end": 7.0, "text": "[音乐]"},
        {"start": 7.5, "end": 9.0, "text": "我先说数据。"},
    ]
    parsed = parse_json(segments, "圆桌.json")
    check_reading(parsed)
    assert said(parsed) == [
        ("SPEAKER_00", "大家好，今天我们讨论算力。", 0, 4500),
        ("SPEAKER_01", "好的。", 5000, 6000),
        (None, "[音乐]", 6000, 7000),
        ("SPEAKER_01", "我先说数据。", 7500, 9000),  # no speaker: the one before goes on
    ]
    assert parsed.text.startswith("SPEAKER_00: 大家好，今天我们讨论算力。\n\n")


def test_whisper_cpp_json():
    data = {
        "systeminfo": "AVX = 1 | NEON = 0",
        "model": {"type": "base", "multilingual": True},
        "params": {"model": "models/ggml-base.bin", "language": "zh", "translate": False},
        "result": {"language": "zh"},
        "transcription": [
            {"timestamps": {"from": "00:00:00,000", "to": "00:00:02,500"},
             "offsets": {"from": 0, "to": 2500}, "text": "我们开始吧"},
            {"timestamps": {"from": "00:00:02,500", "to": "00:00:04,000"},
             "offsets": {"from": 2500, "to": 4000}, "text": "先看预算"},
        ],
    }
    parsed = parse_json(data)
    check_reading(parsed)
    assert said(parsed) == [(None, "我们开始吧先看预算", 0, 4000)]
    assert_marks(parsed, [(0, "我们开始吧"), (2500, "先看预算")])


def test_hugging_face_chunks_and_diarised_speakers():
    chunks = {"text": " Hi. Hello.", "chunks": [
        {"timestamp": [0.0, 1.5], "text": " Hi."},
        {"timestamp": [1.5, None], "text": " Hello."},
    ]}
    parsed = parse_json(chunks)
    check_reading(parsed)
    assert said(parsed) == [(None, "Hi. Hello.", 0, 1500)]
    diarised = {"speakers": [
        {"speaker": "SPEAKER_00", "text": " Hi.", "timestamp": [0.0, 1.5]},
        {"speaker": "SPEAKER_01", "text": " Hello.", "timestamp": [1.5, 2.0]},
    ], "chunks": chunks["chunks"], "text": chunks["text"]}
    parsed = parse_json(diarised)
    check_reading(parsed)
    assert said(parsed) == [("SPEAKER_00", "Hi.", 0, 1500), ("SPEAKER_01", "Hello.", 1500, 2000)]


def test_odd_times_do_not_break_the_import():
    segments = [
        {"start": "00:00:01.000", "end": "00:00:02.000", "text": "One."},
        {"start": None, "end": 3.0, "text": "Two."},  # no start: after the one before
        {"start": 1e400, "end": -1, "text": "Three."},  # infinity, a negative end
        {"start": True, "end": 9e15, "text": "Four."},
    ]
    parsed = parse_json(segments)
    check_reading(parsed)
    assert [(m.time_ms, parsed.text[m.offset :][:5]) for m in parsed.marks] == [
        (1000, "One. "), (2000, "Two. "), (3000, "Three"), (3000, "Four.")]
    assert [(t.cue_start_ms, t.cue_end_ms) for t in parsed.turns] == [(1000, 3000)]


@pytest.mark.parametrize(("data", "message"), [
    (b'{"segments": [{"start": 0, "text": "hi"}', "is not valid JSON"),
    (b"[" * 100_000, "JSON"),
    (b'{"@context": "http://www.w3.org/ns/anno.jsonld", "items": []}',
     "not a speech-recognition transcript"),
    (b'{"segments": []}', "not a speech-recognition transcript"),
    (b'[1, 2, 3]', "not a speech-recognition transcript"),
    (b'"just a string"', "not a speech-recognition transcript"),
    (b'{"segments": [{"start": 0, "end": 1, "text": "  "}]}', "hold no text"),
])
def test_json_that_is_not_a_transcript_is_refused_in_one_line(data, message):
    with pytest.raises(YanduError, match=message) as caught:
        parse_bytes(data, "export.json")
    assert "\n" not in str(caught.value) and str(caught.value).startswith("export.json")


def test_stored_with_its_source_and_marks(memory_db):
    data = json.dumps(WHISPERX).encode()
    result = import_bytes(memory_db, data, "meeting.json")
    assert (result.format, result.kind, result.turn_count) == ("json", "subtitles", 3)
    source = memory_db.execute("SELECT data FROM document_sources WHERE document_id = ?",
                               [result.document_id]).fetchone()[0]
    assert source == data
    assert memory_db.execute("SELECT count(*) FROM source_marks WHERE document_id = ?",
                             [result.document_id]).fetchone()[0] == 4
