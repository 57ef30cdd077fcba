"""Speaker statistics: turns, characters, words, share of the talk, average and longest
turn, talk time where turns have cue times, and characters per section.

Characters are letters and digits (each Han character one, as in 字数); words are the
segmenter's words (jieba's for Chinese, whole words for Latin text); neither counts
spaces or punctuation. A turn's speech is counted, not its speaker label or headline.
Narration (turns without a speaker) gets a row of its own, named "", and is left out of
the shares: a share is of what the speakers said.

For several documents (a collection, the whole study) speakers are joined by name.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from desktop.core.analysis import corpus
from desktop.core.analysis.corpus import NARRATION, Document
from desktop.core.library import turn_number
from desktop.core.textnorm import fold

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database


@dataclass
class SpeakerStats:
    """What one speaker said (or the narration, named "")."""

    name: str
    colour: str = ""
    is_moderator: bool = False
    turns: int = 0
    characters: int = 0
    han: int = 0
    words: int = 0
    share: float = 0.0  # of the speakers' characters (narration left out)
    word_share: float = 0.0
    longest_turn: int = 0  # characters
    longest_turn_number: int | None = None  # the turn's number, as the window shows it
    longest_turn_document: int | None = None
    talk_ms: int = 0  # summed cue times of the turns that have them
    timed_turns: int = 0
    sections: list[int] = field(default_factory=list)  # characters per section

    @property
    def is_narration(self) -> bool:
        return self.name == NARRATION

    @property
    def average_turn(self) -> float:
        """Characters per turn."""
        return self.characters / self.turns if self.turns else 0.0

    def as_dict(self) -> dict:
        """JSON-ready values."""
        out = asdict(self)
        out["average_turn"] = round(self.average_turn, 1)
        out["share"] = round(self.share, 4)
        out["word_share"] = round(self.word_share, 4)
        return out


@dataclass
class Stats:
    """The statistics of one document or of several."""

    document_ids: list[int]
    titles: list[str]
    speakers: list[SpeakerStats]  # in order of first appearance; narration last
    sections: list[str]  # section titles ("" for turns before the first section)
    turns: int = 0
    characters: int = 0
    words: int = 0
    talk_ms: int = 0

    @property
    def has_times(self) -> bool:
        """Whether any turn has cue times (a subtitle or timed transcript)."""
        return any(s.timed_turns for s in self.speakers)

    def speaker(self, name: str) -> SpeakerStats | None:
        """The row of the speaker so named (folded comparison), or None."""
        key = fold(name.strip())
        return next((s for s in self.speakers if fold(s.name) == key), None)

    def as_dict(self) -> dict:
        """JSON-ready values."""
        return {"document_ids": self.document_ids, "titles": self.titles,
                "turns": self.turns, "characters": self.characters, "words": self.words,
                "talk_ms": self.talk_ms if self.has_times else None,
                "sections": self.sections,
                "speakers": [s.as_dict() for s in self.speakers]}


def speaker_stats(db: Database, document_ids: list[int] | None = None) -> Stats:
    """The statistics of these documents (every document when None)."""
    return stats_of(corpus.load(db, document_ids))


def stats_of(documents: list[Document]) -> Stats:
    """The statistics of documents already read."""
    rows: dict[str, SpeakerStats] = {}
    by_section: dict[int, dict[int, int]] = {}  # id(row) -> section index -> characters
    several = len(documents) > 1
    section_titles: list[str] = []
    for doc in documents:
        names = doc.speaker_names()
        meta = {s.id: s for s in doc.speakers}
        # Sections: the document's own, numbered on after the previous documents'.
        offset = len(section_titles)
        index_of = {s.id: offset + i for i, s in enumerate(doc.sections)}
        section_titles += [f"{doc.title} · {s.title}" if several else s.title
                           for s in doc.sections]
        leading = any(t.section_id is None for t in doc.turns) and doc.sections
        lead_index = None
        if leading:  # turns before the first section: an untitled section of their own
            lead_index = offset
            section_titles.insert(offset, f"{doc.title} · " if several else "")
            index_of = {k: v + 1 for k, v in index_of.items()}
        for speaker in doc.speakers:  # listed even when they never speak
            _row(rows, speaker.name, meta.get(speaker.id))
        for turn, counts in zip(doc.turns, corpus.turn_counts(doc), strict=True):
            name = names.get(turn.speaker_id, NARRATION) if turn.speaker_id else NARRATION
            row = _row(rows, name, meta.get(turn.speaker_id))
            chars = counts.characters
            row.turns += 1
            row.characters += chars
            row.han += counts.han
            row.words += len(counts.words)
            if chars > row.longest_turn:
                row.longest_turn = chars
                row.longest_turn_number = turn_number(turn.position)
                row.longest_turn_document = doc.id
            if turn.cue_start_ms is not None and turn.cue_end_ms is not None:
                row.talk_ms += max(0, turn.cue_end_ms - turn.cue_start_ms)
                row.timed_turns += 1
            section = index_of.get(turn.section_id) if turn.section_id else lead_index
            if section is not None:
                counts = by_section.setdefault(id(row), {})
                counts[section] = counts.get(section, 0) + chars
    ordered = [r for r in rows.values() if not r.is_narration]
    if NARRATION in rows and rows[NARRATION].turns:
        ordered.append(rows[NARRATION])
    spoken_chars = sum(r.characters for r in ordered if not r.is_narration)
    spoken_words = sum(r.words for r in ordered if not r.is_narration)
    for row in ordered:
        counts = by_section.get(id(row), {})
        row.sections = [counts.get(i, 0) for i in range(len(section_titles))]
        if not row.is_narration:
            row.share = row.characters / spoken_chars if spoken_chars else 0.0
            row.word_share = row.words / spoken_words if spoken_words else 0.0
    return Stats(
        document_ids=[d.id for d in documents], titles=[d.title for d in documents],
        speakers=ordered, sections=section_titles,
        turns=sum(r.turns for r in ordered),
        characters=sum(r.characters for r in ordered), words=sum(r.words for r in ordered),
        talk_ms=sum(r.talk_ms for r in ordered))


def _row(rows: dict[str, SpeakerStats], name: str, speaker) -> SpeakerStats:
    key = fold(name) if name else NARRATION
    row = rows.get(key)
    if row is None:
        row = rows[key] = SpeakerStats(name=name)
        if speaker is not None:
            row.colour, row.is_moderator = speaker.colour, speaker.is_moderator
    return row
