"""SubRip (.srt) and WebVTT (.vtt) files read as a transcript: cues joined into turns.

A subtitle file cuts speech into cues of a line or two, often mid-sentence, so its text
is not what a reader wants to study. The cues are read here (blocks with a timing line
`start --> end`; headers, cue ids and NOTE, STYLE and REGION blocks are left out) and a
*reading text* is built from them: consecutive cues of one speaker become one turn, a
paragraph of its own, `Name: words` (`名字：words` for a Chinese or Japanese name), or
just the words when no speaker is known; paragraphs are separated by a blank line. Cue
texts lose their markup (`<v>`, `<i>`, `<b>`, `<c>`, inline times), dialogue dashes and
entities, and are joined with no space between Chinese or Japanese characters and one
space otherwise. The file's bytes are kept beside the reading text (the parser stores
them) and every cue leaves a `SourceMark` with its time where its words begin, so a
player can follow the reading text cue by cue.

Speakers come from `<v Name>` voice spans (a cue with a voice on each line gives a piece
per voice), diarisation labels (`[SPEAKER_01]`, `SPEAKER_01:`) or a `Name:` / `Name：` /
`[Name]:` prefix; a cue without one continues the previous speaker. A cue that is
wholly a sound or stage direction (`[Music]`, `（笑）`) is narration of its own; the
speaker before it goes on after it, in a new turn.

One speaker's turn ends when someone else speaks, after a pause of `GAP_MS` or more
between two cues (so a long monologue still reads as paragraphs and one turn is never
the whole hour), and when it grows long: at the next sentence end past `SOFT_CHARS`, or
anywhere past `HARD_CHARS`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.errors import YanduError
from desktop.core.importing.labels import clock_ms, match_label
from desktop.core.importing.model import ParsedTurn, SourceMark
from desktop.core.importing.text import speaker_key

# A pause this long between two cues of one speaker starts a new turn. Speakers pause
# for breath or a slide within a second or three; ten seconds of silence is a new thought
# (or the end of a question nobody answered), and keeps paragraphs to a readable size.
GAP_MS = 10_000
# A turn longer than this ends at the next cue that ends a sentence (about a minute of
# English, four of Chinese), and in any case once it passes HARD_CHARS.
SOFT_CHARS = 1_500
HARD_CHARS = 3_000

_TIMING = re.compile(
    r"^[ \t]*(?P<start>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})[ \t]+-->[ \t]+"
    r"(?P<end>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})(?:[ \t].*)?$"
)
_VOICE = re.compile(r"^(?:[ \t]*-[ \t]*)?<v(?:\.[\w.-]+)?[ \t]+(?P<name>[^>]+?)[ \t]*>")
# WebVTT blocks that are not cues: comments, styles, regions.
_NOT_CUE = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t]|$)")
_BRACKET_NAME = re.compile(r"^\[(?P<name>[^\]\n]{1,40})\][ \t]*[:：][ \t]*")
# Diarisation labels (WhisperX, pyannote): `[SPEAKER_01]`, `SPEAKER_01:`, `[SPEAKER_01]:`.
# Without brackets a colon is needed; bracketed, it may be left out (`[Music]` stays a
# direction: only the SPEAKER_nn shape is read as a speaker without a colon).
_DIARISED = re.compile(
    r"^[ \t]*(?:\[(?P<bracketed>SPEAKER[_ ]?\d{1,3})\](?:[ \t]*[:：])?"
    r"|(?P<bare>SPEAKER[_ ]?\d{1,3})[ \t]*[:：])[ \t]*",
    re.IGNORECASE,
)
# Cue markup: tags (`<i>`, `</v>`, `<c.yellow>`, `<font color=…>`), inline times
# (`<00:00:01.500>`) and SubStation overrides some SRT files carry (`{\an8}`).
_MARKUP = re.compile(r"</?[A-Za-z][^<>\n]*>|<(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}>|\{\\[^{}\n]*\}")
_DASH = re.compile(r"^[-‐–—][ \t]+")  # a dialogue dash opening a line
# A cue that is wholly a direction: `[Music]`, `(laughs)`, `（笑）`, `[Applause] [Laughter]`.
_DIRECTION = re.compile(
    r"^(?:(?:\[[^\[\]]+\]|\([^()]+\)|（[^（）]+）|【[^【】]+】|〔[^〔〕]+〕)[ ]?)+$"
)
# Chinese and Japanese script and punctuation, joined without spaces.
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)
_NO_SPACE_BEFORE = frozenset(",;:!?)]}%、，。！？；：）」』》…")
_SENTENCE_END = re.compile(r"[.?!。？！…][\"'”’」』)）]*$")


@dataclass(frozen=True)
class Cue:
    """One timed piece of speech as the reading text needs it.

    `speaker` None means the cue names no one: the previous speaker goes on (narration
    when no one has spoken yet). A `direction` is narration, even when labelled; its
    label still names who goes on after it.
    """

    start_ms: int
    end_ms: int
    text: str  # the words: markup dropped, entities decoded, lines joined, spaces collapsed
    speaker: str | None = None
    role: str = ""  # a role the label itself gives (`主持人 杨静：`)
    direction: bool = False


@dataclass(frozen=True)
class Reading:
    """The reading text built from timed cues, its turns and a mark per cue."""

    text: str
    turns: tuple[ParsedTurn, ...]
    marks: tuple[SourceMark, ...]


def join_words(left: str, right: str) -> str:
    """`left` and `right` as one run of text: no space between Chinese (or Japanese)
    characters, nor before closing punctuation; one space otherwise."""
    if not left or not right:
        return left or right
    if (_CJK.match(left[-1]) and _CJK.match(right[0])) or right[0] in _NO_SPACE_BEFORE:
        return left + right
    return left + " " + right


def is_direction_cue(words: str) -> bool:
    """A cue that is wholly a sound or stage direction: `[Music]`, `(laughs)`, `（笑）`."""
    return bool(_DIRECTION.match(words))


def clean_line(raw: str) -> str:
    """A line of a cue as words: markup and a leading dialogue dash dropped, entities
    (`&amp;`) decoded, runs of spaces collapsed."""
    line = " ".join(html.unescape(_MARKUP.sub("", raw)).split())
    return _DASH.sub("", line)


def _label_for(name: str) -> str:
    """How a speaker's paragraph opens: `名字：` for a Chinese or Japanese name, else `Name: `."""
    return f"{name}：" if _CJK.search(name) else f"{name}: "


@dataclass
class _Paragraph:
    """A turn of the reading text while its cues are being added."""

    speaker: str | None
    key: tuple[str | None, bool]  # (speaker key, direction): what a cue must share to join
    role: str
    start: int  # where the paragraph (its label) begins in the reading text
    text_start: int  # where its speech begins
    first_ms: int
    last_ms: int = 0
    words: str = ""

    def goes_on_with(self, key: tuple[str | None, bool], start_ms: int, last_end_ms: int) -> bool:
        """Whether a cue of `key` starting at `start_ms` joins this paragraph."""
        if key != self.key or start_ms - last_end_ms >= GAP_MS:
            return False
        size = len(self.words)
        return size < HARD_CHARS and (size < SOFT_CHARS or not _SENTENCE_END.search(self.words))

    def text(self) -> str:
        """The paragraph as the reading text has it, without the blank line after it."""
        return ("" if self.speaker is None else _label_for(self.speaker)) + self.words

    def turn(self, end: int) -> ParsedTurn:
        return ParsedTurn(self.start, end, self.speaker, self.speaker or "", self.text_start,
                          self.text_start + len(self.words), cue_start_ms=self.first_ms,
                          cue_end_ms=self.last_ms, role=self.role)


def read_cues(cues: Iterable[Cue], name: str) -> Reading:
    """The reading text of timed cues, in order: a paragraph per turn (see the module).

    YanduError when no cue has any words.
    """
    paragraphs: list[_Paragraph] = []
    marks: list[SourceMark] = []
    size = 0  # where the open paragraph's speech begins in the reading text
    speaker: str | None = None  # who goes on when a cue names no one
    role = ""
    last_end_ms = 0
    for cue in cues:
        if cue.speaker is not None:
            if speaker is None or speaker_key(cue.speaker) != speaker_key(speaker):
                role = ""
            speaker, role = cue.speaker, cue.role or role
        if not cue.text:
            continue
        who = None if cue.direction else speaker
        key = (None if who is None else speaker_key(who), cue.direction)
        if not paragraphs or not paragraphs[-1].goes_on_with(key, cue.start_ms, last_end_ms):
            if paragraphs:
                size += len(paragraphs[-1].words) + 2  # the blank line between paragraphs
            label = "" if who is None else _label_for(who)
            paragraphs.append(_Paragraph(who, key, role if who is not None else "", size,
                                         size + len(label), cue.start_ms))
            size += len(label)
        current = paragraphs[-1]
        joined = join_words(current.words, cue.text)
        at = current.text_start + len(joined) - len(cue.text)
        marks.append(SourceMark(at, time_ms=cue.start_ms))
        current.words, current.last_ms = joined, cue.end_ms
        last_end_ms = max(cue.end_ms, cue.start_ms)
    if not paragraphs:
        raise YanduError(f"{name}: the subtitle cues hold no text.")
    text = "\n\n".join(p.text() for p in paragraphs) + "\n"
    ends = [p.start for p in paragraphs[1:]] + [len(text)]
    return Reading(text, tuple(p.turn(end) for p, end in zip(paragraphs, ends, strict=True)),
                   tuple(marks))


def _cue_blocks(text: str) -> list[tuple[int, int, list[str]]]:
    """(start ms, end ms, payload lines) for every cue of an .srt or .vtt text.

    A cue's payload runs from its timing line to the next cue (less the next cue's id
    line) or to a NOTE, STYLE or REGION block, blank lines inside it included: files that
    leave out the blank lines between cues, or put one inside a cue, read correctly.
    """
    lines = text.split("\n")
    timings = []  # (line index, start ms, end ms)
    for index, line in enumerate(lines):
        if "-->" in line:
            timing = _TIMING.match(line)
            if timing is not None:
                timings.append((index, clock_ms(timing["start"]), clock_ms(timing["end"])))
    cues = []
    for number, (index, start_ms, end_ms) in enumerate(timings):
        stop = timings[number + 1][0] if number + 1 < len(timings) else len(lines)
        payload = lines[index + 1 : stop]
        if number + 1 < len(timings) and payload:
            # The next cue's id: an SRT number, or a WebVTT identifier after a blank line.
            above = payload[-1].strip()
            if above and (above.isdigit() or (len(payload) >= 2 and not payload[-2].strip())):
                payload = payload[:-1]
        for at, line in enumerate(payload):
            if at and not payload[at - 1].strip() and _NOT_CUE.match(line):
                payload = payload[:at]
                break
        cues.append((start_ms, end_ms, payload))
    return cues


def _voices(lines: list[str]) -> list[list[str]]:
    """A cue's lines in pieces: each line after the first that opens a voice
    (`<v Ben>…`) starts a piece of its own."""
    pieces = [[]]
    for at, line in enumerate(lines):
        if at and _VOICE.match(line):
            pieces.append([])
        pieces[-1].append(line)
    return pieces


def _speaker(first: str) -> tuple[str | None, str, bool, str]:
    """(speaker, the words after the label, certain?, role) for a cue's first line; the
    words are the whole line, cleaned, when it names no one."""
    voice = _VOICE.match(first)
    if voice:
        name = " ".join(html.unescape(voice["name"]).split())
        return name or None, clean_line(first[voice.end():]), True, ""
    line = clean_line(first)
    diarised = _DIARISED.match(line)
    if diarised:
        return diarised["bracketed"] or diarised["bare"], line[diarised.end():], True, ""
    bracket = _BRACKET_NAME.match(line)
    if bracket and bracket["name"].strip():
        return bracket["name"].strip(), line[bracket.end():], True, ""
    found = match_label(line)
    if found is not None and found.time_ms is None:
        return found.name, line[found.rest_start:].strip(), found.strong, found.role
    return None, line, False, ""


def parse_cues(text: str, name: str) -> Reading:
    """The reading text, turns and marks of an .srt or .vtt text (newlines normalised);
    YanduError when it has no cues or none with words.

    A cue holding several voices (`<v Anna>Hi</v>` then `<v Ben>Hello</v>` on the next
    line) gives a piece per voice, each with the cue's times.
    """
    blocks = _cue_blocks(text)
    if not blocks:
        raise YanduError(f"{name}: no subtitle cues found (expected lines like "
                         "'00:00:01,000 --> 00:00:04,000').")
    pieces = []  # (start ms, end ms, speaker, words of the first line, certain, role, lines)
    for start_ms, end_ms, lines in blocks:
        for voice in _voices(lines):
            who, rest, certain, role = _speaker(voice[0]) if voice else (None, "", False, "")
            pieces.append((start_ms, end_ms, who, rest, certain, role, voice))
    # A `Name:` prefix seen once with an unusual shape (`Look: there it is`) is speech.
    counts: dict[str, int] = {}
    for _, _, who, _, _, _, _ in pieces:
        if who is not None:
            counts[who] = counts.get(who, 0) + 1
    cues = []
    for start_ms, end_ms, who, words, certain, role, lines in pieces:
        if who is not None and not (certain or counts[who] >= 2):
            # Not a label after all: the first line is speech as written.
            who, role, words = None, "", clean_line(lines[0])
        for line in lines[1:]:
            words = join_words(words, clean_line(line))
        cues.append(Cue(start_ms, end_ms, words, who, role, is_direction_cue(words)))
    return read_cues(cues, name)
