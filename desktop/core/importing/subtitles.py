"""SubRip (.srt) and WebVTT (.vtt) cues as turns, with their times and speakers.

Cue offsets into the file's text are needed (the transcript stays lossless and
annotations anchor to it), which the usual subtitle libraries do not give, so the block
structure is read here: blocks are separated by blank lines; a cue block has a timing
line `start --> end`. Headers, NOTE, STYLE and REGION blocks stay inside the span of a
neighbouring turn, outside its speech. Speakers come from `<v Name>` voice tags (a cue
with a voice on each line gives a turn per voice), diarisation labels (`[SPEAKER_01]`,
`SPEAKER_01:`) or a `Name:` / `Name：` / `[Name]:` prefix; an unlabelled cue continues the
previous speaker.

Each cue stays a turn of its own: the document text is the file's text, and a turn's
speech is one stretch of it, so two cues joined into one turn would carry the timing line
between them in their speech.
"""

from __future__ import annotations

import re

from desktop.core.errors import YanduError
from desktop.core.importing.labels import clock_ms, match_label
from desktop.core.importing.model import ParsedTurn
from desktop.core.importing.text import strip_span

_TIMING = re.compile(
    r"^[ \t]*(?P<start>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})[ \t]+-->[ \t]+"
    r"(?P<end>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})(?:[ \t].*)?$"
)
_VOICE = re.compile(r"^(?:[ \t]*-[ \t]*)?<v(?:\.[\w.-]+)?[ \t]+(?P<name>[^>]+?)[ \t]*>")
_CLOSE_VOICE = re.compile(r"</v>[ \t]*$")
_BRACKET_NAME = re.compile(r"^\[(?P<name>[^\]\n]{1,40})\][ \t]*[:：][ \t]*")
# Diarisation labels (WhisperX, pyannote): `[SPEAKER_01]`, `SPEAKER_01:`, `[SPEAKER_01]:`.
# Without brackets a colon is needed; bracketed, it may be left out (`[Music]` stays speech:
# only the SPEAKER_nn shape is read as a speaker without a colon).
_DIARISED = re.compile(
    r"^[ \t]*(?:\[(?P<bracketed>SPEAKER[_ ]?\d{1,3})\](?:[ \t]*[:：])?"
    r"|(?P<bare>SPEAKER[_ ]?\d{1,3})[ \t]*[:：])[ \t]*",
    re.IGNORECASE,
)


def _cues(text: str) -> list[tuple[int, int, int, int, int]]:
    """(cue start, payload start, payload end, start ms, end ms) for every timing line.

    A cue starts at its numeric id line when one sits just above the timing line, else at
    the timing line; its payload runs to the next cue, so files that leave out the blank
    lines between cues read correctly too.
    """
    lines = []  # (start, end without newline, end with newline)
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        lines.append((pos, end, end if nl < 0 else nl + 1))
        pos = end + 1 if nl >= 0 else len(text)
    def blank(index: int) -> bool:
        return index < 0 or not text[lines[index][0] : lines[index][1]].strip()

    found = []  # (cue start, payload start, start ms, end ms)
    for index, (start, end, after) in enumerate(lines):
        timing = _TIMING.match(text[start:end])
        if timing is None:
            continue
        cue_start = start
        above = index - 1
        if not blank(above) and (not found or found[-1][1] <= lines[above][0]):
            label = text[lines[above][0] : lines[above][1]].strip()
            # An SRT number, or a WebVTT cue identifier (a line of its own after a blank).
            if label.isdigit() or blank(above - 1):
                cue_start = lines[above][0]
        found.append((cue_start, after, clock_ms(timing["start"]), clock_ms(timing["end"]),
                      index))
    cues = []
    for number, (cue_start, payload, start_ms, end_ms, index) in enumerate(found):
        next_start = found[number + 1][0] if number + 1 < len(found) else len(text)
        # The payload ends at the first blank line (NOTE blocks and ids stay outside it).
        payload_end = payload
        line = index + 1
        while line < len(lines) and lines[line][0] < next_start and not blank(line):
            payload_end = lines[line][1]
            line += 1
        cues.append((cue_start, payload, max(payload, payload_end), start_ms, end_ms))
    return cues


def parse_cues(text: str, name: str) -> list[ParsedTurn]:
    """The cues of an .srt or .vtt text as turns; YanduError when it has none.

    A cue holding several voices (`<v Anna>Hi</v>` then `<v Ben>Hello</v>` on the next
    line) gives one turn per voice, each with the cue's times.
    """
    cues = _cues(text)
    if not cues:
        raise YanduError(f"{name}: no subtitle cues found (expected lines like "
                         "'00:00:01,000 --> 00:00:04,000').")
    # (span start, span end, payload start, payload end, start ms, end ms) per voice.
    pieces = []
    for number, (b_start, p_start, p_end, start_ms, end_ms) in enumerate(cues):
        start = 0 if number == 0 else b_start
        end = cues[number + 1][0] if number + 1 < len(cues) else len(text)
        splits = _voice_lines(text, p_start, p_end)
        bounds = [start, *splits, end]
        payloads = [p_start, *splits, p_end]
        for i in range(len(bounds) - 1):
            pieces.append((bounds[i], bounds[i + 1], payloads[i], payloads[i + 1],
                           start_ms, end_ms))
    found = [_speaker(text, p_start, p_end) for _, _, p_start, p_end, _, _ in pieces]
    # A `Name:` prefix seen once with an unusual shape (`Look: there it is`) is speech.
    counts: dict[str, int] = {}
    for who, _, _, _ in found:
        if who is not None:
            counts[who] = counts.get(who, 0) + 1
    turns: list[ParsedTurn] = []
    speaker: str | None = None
    for number, (start, end, p_start, p_end, start_ms, end_ms) in enumerate(pieces):
        who, label, text_start, certain = found[number]
        if who is not None and (certain or counts[who] >= 2):
            speaker = who
        else:
            label, text_start = "", p_start
        text_start, text_end = strip_span(text, text_start, p_end)
        closing = _CLOSE_VOICE.search(text, text_start, text_end)
        if closing and closing.end() == text_end:
            text_end = strip_span(text, text_start, closing.start())[1]
        if text_end <= text_start:
            text_start = text_end = max(text_start, p_start)
        turns.append(ParsedTurn(start, end, speaker, label, text_start, text_end,
                                cue_start_ms=start_ms, cue_end_ms=end_ms))
    return turns


def _voice_lines(text: str, start: int, end: int) -> list[int]:
    """Where lines after the first of a cue's payload open a new voice (`<v Ben>...`)."""
    splits = []
    nl = text.find("\n", start, end)
    while nl >= 0:
        line = nl + 1
        nl = text.find("\n", line, end)
        if line < end and _VOICE.match(text[line : nl if nl >= 0 else end]):
            splits.append(line)
    return splits


def _speaker(text: str, start: int, end: int) -> tuple[str | None, str, int, bool]:
    """(speaker, label as written, where the speech starts, certain?) for a cue's payload."""
    nl = text.find("\n", start, end)
    first = text[start : nl if nl >= 0 else end]
    voice = _VOICE.match(first)
    if voice:
        return " ".join(voice["name"].split()), voice.group(0), start + voice.end(), True
    diarised = _DIARISED.match(first)
    if diarised:
        label = diarised["bracketed"] or diarised["bare"]
        return label, label, start + diarised.end(), True
    bracket = _BRACKET_NAME.match(first)
    if bracket and bracket["name"].strip():
        label = bracket["name"].strip()
        return label, label, start + bracket.end(), True
    found = match_label(first)
    if found is not None and found.time_ms is None:
        return found.name, found.label, start + found.rest_start, found.strong
    return None, "", start, False
