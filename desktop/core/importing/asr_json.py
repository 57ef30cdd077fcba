"""Speech-recognition output saved as JSON, read as a transcript like a subtitle file.

The shapes read (each a list of timed segments; see `subtitles` for how segments become
turns of a reading text):
- Whisper (`--output_format json`) and WhisperX: `{"segments": [{"start": 1.2, "end": 3.4,
  "text": " …", "speaker": "SPEAKER_00", "words": [...]}], "language": "en"}`, times in
  seconds. `speaker` is there only after diarisation; WhisperX also gives each word its
  speaker, which names a segment that has none of its own. A bare list of segments too.
- whisper.cpp (`--output-json`): `{"transcription": [{"offsets": {"from": 0, "to": 3000},
  "text": " …"}]}`, times in milliseconds.
- The Hugging Face speech-recognition pipeline: `{"text": "…", "chunks": [{"timestamp":
  [0.0, 2.5], "text": "…"}]}`, and a diarised `"speakers"` list of the same shape.

Speakers keep the names the recogniser gave them (SPEAKER_00); the reader renames them.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

from desktop.core.errors import YanduError
from desktop.core.importing.labels import clock_ms
from desktop.core.importing.subtitles import Cue, Reading, is_direction_cue, read_cues

_LISTS = ("segments", "speakers", "transcription", "chunks")
_MAX_SECONDS = 10_000_000  # about four months: beyond it a time is not a time


def parse_segments(text: str, name: str) -> Reading:
    """The reading text, turns and marks of a speech-recognition JSON text; YanduError
    when it is not JSON, not such a transcript, or holds no words."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise YanduError(f"{name} is not valid JSON ({exc.msg} at line {exc.lineno}, "
                         f"column {exc.colno}).") from None
    except RecursionError:
        raise YanduError(f"{name} is not a transcript (its JSON is nested too deeply).") from None
    segments = _segments(data)
    if segments is None:
        raise YanduError(f"{name}: not a speech-recognition transcript; Yandu reads Whisper "
                         "and WhisperX JSON (\"segments\" with start, end and text).")
    cues = []
    previous_end = 0
    for segment in segments:
        words = " ".join(str(segment.get("text") or "").split())
        start, end = _times(segment)
        start = previous_end if start is None else start
        end = start if end is None or end < start else end
        previous_end = end
        speaker = _speaker(segment)
        cues.append(Cue(start, end, words, speaker, direction=is_direction_cue(words)))
    if not any(cue.text for cue in cues):
        raise YanduError(f"{name}: the transcript's segments hold no text.")
    return read_cues(cues, name)


def _segments(data: Any) -> list[dict] | None:
    """The timed segments of a decoded JSON document, or None when it has none."""
    if isinstance(data, dict):
        for key in _LISTS:
            found = data.get(key)
            if isinstance(found, list) and _segment_list(found):
                return found
        return None
    if isinstance(data, list) and _segment_list(data):
        return data
    return None


def _segment_list(items: list) -> bool:
    """Every item a segment with text (an empty list is no transcript to import)."""
    return bool(items) and all(isinstance(s, dict) and "text" in s for s in items)


def _ms(value: Any, scale: int) -> int | None:
    """A time as milliseconds: a number of seconds (`scale` 1000) or milliseconds
    (`scale` 1), or a clock string ('00:01:02,500'); None when it is not a sane time."""
    if isinstance(value, str):
        try:
            ms = clock_ms(value.strip())
        except ValueError:
            return None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            return None
        ms = round(value * scale)
    else:
        return None
    return ms if 0 <= ms <= _MAX_SECONDS * 1000 else None


def _times(segment: dict) -> tuple[int | None, int | None]:
    """(start, end) of a segment in milliseconds, each None when missing or unreadable."""
    offsets = segment.get("offsets")
    if isinstance(offsets, dict):  # whisper.cpp
        return _ms(offsets.get("from"), 1), _ms(offsets.get("to"), 1)
    stamp = segment.get("timestamp")
    if isinstance(stamp, list | tuple) and len(stamp) == 2:  # Hugging Face pipeline
        return _ms(stamp[0], 1000), _ms(stamp[1], 1000)
    return _ms(segment.get("start"), 1000), _ms(segment.get("end"), 1000)


def _name(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    name = " ".join(str(value).split())[:80]
    return name or None


def _speaker(segment: dict) -> str | None:
    """The segment's speaker; else the one most of its words are given (WhisperX); else
    None (the previous speaker goes on)."""
    name = _name(segment.get("speaker"))
    if name is not None:
        return name
    words = segment.get("words")
    if not isinstance(words, list):
        return None
    named = Counter(n for w in words if isinstance(w, dict)
                    and (n := _name(w.get("speaker"))) is not None)
    return named.most_common(1)[0][0] if named else None
