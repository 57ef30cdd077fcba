"""Plain values the parser produces and the store writes: no database, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field


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
