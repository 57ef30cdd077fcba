"""What an import would store, before anything is stored: the import preview's facts.

Pure: bytes and a reader's corrections (ParseOptions) in, a summary out. The window's
preview shows it and re-reads the file as the reader corrects it; `yandu import
--dry-run --json` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.importing.model import ParsedTranscript, ParseOptions
from desktop.core.importing.parser import parse_bytes

SAMPLE_CHARS = 80
FIRST_SCREEN_TURNS = 40
# Speakers said once among many: labels that are likely fragments, fields or headings.
MANY_SPEAKERS = 12


@dataclass(frozen=True)
class SpeakerPreview:
    """A speaker as the import found them: how often they speak and a line of theirs."""

    name: str
    turns: int
    sample: str
    role: str = ""
    is_moderator: bool = False

    def as_dict(self) -> dict:
        return {"name": self.name, "turns": self.turns, "sample": self.sample,
                "role": self.role, "is_moderator": self.is_moderator}


@dataclass(frozen=True)
class ImportPreview:
    """A parsed transcript summarised for a reader to check."""

    parsed: ParsedTranscript
    speakers: tuple[SpeakerPreview, ...]
    narration_turns: int
    # Why the structure is doubtful: '' when it looks right, else one of DOUBTS.
    doubt: str

    @property
    def once(self) -> int:
        """How many speakers speak only once."""
        return sum(1 for s in self.speakers if s.turns <= 1)

    def doubt_text(self) -> str:
        """The doubt in a sentence (English; the window says it in its own words)."""
        if self.doubt == "no-speakers":
            return "No speakers found: every paragraph is narration."
        if self.doubt == "one-speaker":
            return f"Only one speaker found ({self.speakers[0].name})."
        if self.doubt == "fragments":
            return (f"{self.once} of {len(self.speakers)} speakers speak only once: "
                    "some labels may be fragments, headings or form fields.")
        return ""

    @property
    def sections(self) -> list[str]:
        return [s.title for s in self.parsed.sections]

    def first_screen(self, turns: int = FIRST_SCREEN_TURNS) -> list[tuple[str | None, str]]:
        """(speaker or None for narration, speech) of the first turns, as they will read;
        a section's title comes before the turn that opens it, as ('§', title)."""
        opening = {s.first_turn: s.title for s in self.parsed.sections}
        out: list[tuple[str | None, str]] = []
        for index, turn in enumerate(self.parsed.turns[:turns]):
            if index in opening:
                out.append(("§", opening[index]))
            out.append((turn.speaker, self.parsed.turn_text(turn)))
        return out

    def as_dict(self) -> dict:
        """JSON-ready: what `yandu import --dry-run --json` prints."""
        parsed = self.parsed
        return {
            "title": parsed.title, "format": parsed.format, "encoding": parsed.encoding,
            "kind": parsed.kind, "turn_count": len(parsed.turns),
            "narration_turns": self.narration_turns,
            "speakers": [s.as_dict() for s in self.speakers], "sections": self.sections,
            "layout": {"paragraphs_joined": parsed.layout.paragraphs_joined,
                       "headers_removed": parsed.layout.headers_removed,
                       "line_numbers_removed": parsed.layout.line_numbers_removed},
            "doubt": self.doubt, "doubt_text": self.doubt_text(),
        }


def sample_line(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The start of a speech on one line, cut with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def summarize(parsed: ParsedTranscript) -> ImportPreview:
    """The preview of an already parsed transcript."""
    counts: dict[str, int] = {}
    samples: dict[str, str] = {}
    narration = 0
    for turn in parsed.turns:
        if turn.speaker is None:
            narration += 1
            continue
        counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
        speech = parsed.turn_text(turn)
        if turn.speaker not in samples or (not samples[turn.speaker] and speech.strip()):
            samples[turn.speaker] = sample_line(speech)
    speakers = tuple(
        SpeakerPreview(s.name, counts.get(s.name, 0), samples.get(s.name, ""), s.role,
                       s.is_moderator)
        for s in parsed.speakers)
    return ImportPreview(parsed, speakers, narration, doubt_of(speakers))


DOUBTS = ("no-speakers", "one-speaker", "fragments")


def doubt_of(speakers: tuple[SpeakerPreview, ...]) -> str:
    """Why a reader should look before importing ('' when the structure looks right):
    no speaker at all, a single one, or many speakers half of whom speak once (labels
    that are fragments of sentences, form fields or headings)."""
    if not speakers:
        return "no-speakers"
    if len(speakers) == 1:
        return "one-speaker"
    once = sum(1 for s in speakers if s.turns <= 1)
    if len(speakers) >= MANY_SPEAKERS and once * 2 >= len(speakers):
        return "fragments"
    return ""


def preview_bytes(data: bytes, name: str, *, title: str | None = None,
                  options: ParseOptions | None = None) -> ImportPreview:
    """Parse without storing and summarise; YanduError for bad input, as an import."""
    return summarize(parse_bytes(data, name, title=title, options=options))
