"""Plain values the parser produces and the store writes: no database, no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# The kinds of record Yandu recognises; each gives the transcript its own structure.
# panel/interview: moderator questions make sections; play: acts and scenes;
# parliament: agenda headings and question numbers (the chair is not a questioner);
# court: argument headings, Q./A. examination; subtitles: timed cues; plain: no speakers.
KINDS = ("panel", "interview", "play", "parliament", "court", "subtitles", "plain")


@dataclass(frozen=True)
class ParsedTurn:
    """One turn as found in the text; offsets are code points into the document text.

    `start`/`end` is the full source span (label line included); the spans of all turns,
    in order, cover the text exactly. `text_start`/`text_end` is the speech itself and
    `headline_start`/`headline_end` the headline quote without its marks (empty if none).
    """

    start: int
    end: int
    speaker: str | None
    label: str
    text_start: int
    text_end: int
    headline_start: int = 0
    headline_end: int = 0
    cue_start_ms: int | None = None
    cue_end_ms: int | None = None
    role: str = ""  # a role the label itself gives (`主持人 杨静：`), else ''


@dataclass(frozen=True)
class SourceMark:
    """A reference of the source (page, printed line number, time) and where it falls.

    `offset` is a code point in the reading text: the place where that page, line or
    timed cue begins. Citations of a passage look up the last mark at or before it.
    """

    offset: int
    page: str = ""  # the page as printed ('23', 'iv'); '' when the source has no pages
    line: int | None = None  # the printed line number (court records number every line)
    time_ms: int | None = None  # the time in the recording (subtitle cues, stamps)


@dataclass(frozen=True)
class LayoutReport:
    """What rebuilding the text's paragraphs changed (reported after an import)."""

    paragraphs_joined: int = 0  # lines joined back into the paragraph a fixed width broke
    headers_removed: int = 0  # running headers, footers and page numbers left out
    line_numbers_removed: int = 0  # printed line numbers taken out of the text (kept as marks)


@dataclass(frozen=True)
class ParseOptions:
    """A reader's corrections to how a transcript is read (the import preview sets them).

    Every field left at its default lets the importer decide.
    """

    kind: str | None = None  # one of KINDS: read the record as this kind
    encoding: str | None = None  # decode the bytes with this codec
    not_speakers: frozenset[str] = frozenset()  # labels that name no one: their lines go on
    # the turn before them (or are narration when nothing comes before)
    merge: Mapping[str, str] = field(default_factory=dict)  # label -> the speaker it also names
    moderators: frozenset[str] | None = None  # the moderator(s) or chair, as the reader chose


@dataclass(frozen=True)
class ParsedSpeaker:
    """A speaker of the transcript, in order of first appearance."""

    name: str
    role: str = ""
    colour: str = ""
    is_moderator: bool = False


@dataclass(frozen=True)
class ParsedSection:
    """A moderator question: the index of the turn that opens it and its title."""

    first_turn: int
    title: str


@dataclass(frozen=True)
class ParsedTranscript:
    """A whole transcript: decoded text, how it was read, and its structure."""

    text: str
    encoding: str
    format: str
    title: str
    turns: tuple[ParsedTurn, ...]
    speakers: tuple[ParsedSpeaker, ...]
    sections: tuple[ParsedSection, ...] = field(default=())
    kind: str = "plain"  # one of KINDS
    marks: tuple[SourceMark, ...] = field(default=())
    # The source as it came, when the reading text is not simply its decoded text (a PDF,
    # a web page, a Word file, rebuilt paragraphs, joined subtitle cues): kept so nothing
    # of the original is lost. None when `text` is the decoded source itself.
    source: bytes | None = None
    layout: LayoutReport = field(default_factory=LayoutReport)

    def turn_text(self, turn: ParsedTurn) -> str:
        """The speech of `turn` (an exact substring of the text)."""
        return self.text[turn.text_start : turn.text_end]

    def headline(self, turn: ParsedTurn) -> str:
        """The headline of `turn` without its quote marks, or ''."""
        return self.text[turn.headline_start : turn.headline_end]

    def section_of(self) -> list[int | None]:
        """For each turn, the index of its section (None before the first one)."""
        result: list[int | None] = []
        current: int | None = None
        starts = {s.first_turn: i for i, s in enumerate(self.sections)}
        for index in range(len(self.turns)):
            current = starts.get(index, current)
            result.append(current)
        return result
