"""The turn edits themselves: give, split, join, make a heading, remove a section."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db import ids
from desktop.core import speakers
from desktop.core.commands import Changes, StaleStep
from desktop.core.errors import YanduError
from desktop.core.importing.structure import colour_for, section_title
from desktop.core.importing.text import strip_span
from desktop.core.turn_edits.sections import (
    drop_section,
    follow_moderators,
    moderator_sections,
    number_sections,
    open_section,
)
from desktop.core.turn_edits.state import (
    State,
    index_turns,
    insert_row,
    restore,
    snapshot,
    table_columns,
    unindex_turns,
)
from desktop.core.turn_edits.turns import (
    Turn,
    describe_numbers,
    opens_section,
    shift_positions,
    text_between,
    turn_count,
    turn_numbered,
    turns_between,
)

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database


@dataclass(frozen=True)
class Target:
    """Who turns are given to: a speaker of the document (id, or name with case and
    spacing ignored), a new speaker of that name when `create`, or narration (None)."""

    speaker: int | str | None
    create: bool = False


NARRATION = Target(None)


@dataclass
class TurnEdit:
    """Base of the turn commands: change once, then write the recorded states back."""

    document_id: int
    text: str = field(default="Edit turns", kw_only=True)
    #: What the step did, in a line (for the command line and the status bar).
    done: str = field(default="", init=False)
    _touched: set[int] = field(default_factory=set, init=False, repr=False)
    _moderated: dict[int, str] | None = field(default=None, init=False, repr=False)
    _before: State | None = field(default=None, init=False, repr=False)
    _after: State | None = field(default=None, init=False, repr=False)

    def _change(self, db: Database) -> None:
        """Check the request, call `_record` with the turns it will write, then write."""
        raise NotImplementedError

    def _record(self, db: Database, turn_ids: Iterable[int]) -> None:
        """Take the state before the change (call it before writing anything)."""
        self._touched = set(turn_ids)
        self._before = snapshot(db, self.document_id, self._touched)
        self._moderated = moderator_sections(db, self.document_id)

    def apply(self, db: Database) -> Changes:
        """Make the change (the first time) or write its result back (redo)."""
        if self._after is None:
            self._change(db)
            assert self._before is not None and self._moderated is not None
            follow_moderators(db, self.document_id, self._moderated)
            self._after = snapshot(db, self.document_id, self._touched)
        else:
            assert self._before is not None
            self._write(db, self._after, self._before)
        return Changes(speakers=True, document_ids=frozenset({self.document_id}))

    def revert(self, db: Database) -> Changes:
        """Put the turns, speakers and sections back exactly as they were."""
        if self._before is None or self._after is None:
            return Changes()
        self._write(db, self._before, self._after)
        return Changes(speakers=True, document_ids=frozenset({self.document_id}))

    def _write(self, db: Database, target: State, expected: State) -> None:
        if snapshot(db, self.document_id, self._touched) != expected:
            raise StaleStep("The turns of this document were changed in another window or "
                            "program meanwhile; nothing was changed here.")
        restore(db, target, expected)


def _existing_speaker(db: Database, document_id: int, target: Target) -> int | None:
    """The id of the document's speaker `target` names; None when it names a new one to
    make (`create`). YanduError when it names no one and may not make one."""
    ref = target.speaker
    assert ref is not None
    try:
        return speakers.find_speaker(db, document_id, ref).id
    except YanduError:
        if isinstance(ref, int):
            raise
        if ref.strip().isdigit():  # a speaker's id, typed as text
            try:
                return speakers.find_speaker(db, document_id, int(ref)).id
            except YanduError:
                pass
        if not target.create:
            raise
    name = " ".join(ref.split())
    if not name:
        raise YanduError("A speaker's name cannot be empty.")
    if len(name) > 100:
        raise YanduError("A speaker's name is at most 100 characters.")
    return None


def _make_speaker(db: Database, document_id: int, name: str) -> int:
    """A new speaker, after the others, with the next colour of the importer's palette."""
    position = db.execute("SELECT coalesce(max(position) + 1, 0) FROM speakers "
                          "WHERE document_id = ?", [document_id]).fetchone()[0]
    return db.execute(
        "INSERT INTO speakers (id, document_id, position, name, colour) "
        "VALUES (?, ?, ?, ?, ?)",
        [ids.next_id(db, "speakers"), document_id, position, " ".join(name.split()), colour_for(position)]).lastrowid


class _Resolved:
    """A `Target` looked up before anything is written, made real after."""

    def __init__(self, db: Database, document_id: int, target: Target) -> None:
        self.document_id = document_id
        self.target = target
        self.id = None if target.speaker is None else _existing_speaker(db, document_id, target)
        self.is_new = target.speaker is not None and self.id is None

    def make(self, db: Database) -> int | None:
        if self.is_new:
            self.id = _make_speaker(db, self.document_id, str(self.target.speaker))
            self.is_new = False
        return self.id

    def name(self, db: Database) -> str:
        if self.target.speaker is None:
            return ""
        if self.id is None:
            return " ".join(str(self.target.speaker).split())
        return db.execute("SELECT name FROM speakers WHERE id = ?", [self.id]).fetchone()[0]


def _narration_span(db: Database, document_id: int, turn: Turn, fmt: str) -> tuple[int, int]:
    """The speech of a labelled turn that becomes narration: all of its span, label line
    included (a subtitle cue's number and timing line left out), as `MakeNarration` does."""
    if not turn.label:
        return turn.text_start, turn.text_end  # a continued turn: its speech is all of it
    piece = text_between(db, document_id, turn.start, turn.end)
    if fmt in ("srt", "vtt"):
        found = piece.rfind(turn.label, 0, turn.text_start - turn.start)
        return (turn.start + found if found >= 0 else turn.text_start), turn.text_end
    lo, hi = strip_span(piece, 0, len(piece))
    return turn.start + lo, turn.start + hi


def _who(name: str) -> str:
    return f"{name}'s" if name else "narration"


@dataclass
class GiveTurns(TurnEdit):
    """Give turns to another speaker of the document, to a new speaker, or to narration.

    A labelled turn that becomes narration reads as all of its span, its label line
    included, as narration has no label; the speaker it leaves stays in the document, even
    with no turns left (merge it or make it narration to remove it).
    """

    numbers: Sequence[int] = ()
    to: Target = NARRATION
    text: str = field(default="Give turns", kw_only=True)

    def __post_init__(self) -> None:
        self.numbers = tuple(self.numbers)
        if self.numbers:
            self.text = f"Give {describe_numbers(self.numbers)}"

    def _change(self, db: Database) -> None:
        doc = self.document_id
        count = turn_count(db, doc)
        missing = [n for n in self.numbers if not 1 <= n <= count]
        if not self.numbers or missing:
            raise YanduError(f"No turn {missing[0] if missing else 0}: the document has "
                             f"turns 1–{count}.")
        wanted = set(self.numbers)
        turns = [t for t in turns_between(db, doc, min(wanted), max(wanted)) if t.number in wanted]
        target = _Resolved(db, doc, self.to)
        changing = [t for t in turns if target.is_new or t.speaker_id != target.id]
        if not changing:
            what = describe_numbers(self.numbers)
            verb = "is" if len(turns) == 1 else "are"
            owner = _who(target.name(db))
            raise YanduError(f"{what[0].upper()}{what[1:]} {verb} already {owner}.")
        self._record(db, [t.id for t in changing])
        speaker_id = target.make(db)
        fmt = db.execute("SELECT format FROM documents WHERE id = ?", [doc]).fetchone()[0]
        if speaker_id is None:
            spans = [(t, _narration_span(db, doc, t, fmt)) for t in changing]
            db.conn.executemany(
                "UPDATE turns SET speaker_id = NULL, label = '', headline = '', "
                "headline_start = 0, headline_end = 0, text_start = ?, text_end = ?, "
                "text = (SELECT substr(d.text, ? + 1, ? - ?) FROM documents d WHERE d.id = ?) "
                "WHERE id = ?",
                [(lo, hi, lo, hi, lo, doc, t.id) for t, (lo, hi) in spans])
            index_turns(db, [t.id for t in changing])
        else:
            db.conn.executemany("UPDATE turns SET speaker_id = ? WHERE id = ?",
                                [(speaker_id, t.id) for t in changing])
        what = describe_numbers([t.number for t in changing])
        verb = "is" if len(changing) == 1 else "are"
        self.done = f"{what[0].upper()}{what[1:]} {verb} {_who(target.name(db))} now."


@dataclass
class SplitTurn(TurnEdit):
    """Split a turn at a document offset inside its speech: the first part keeps the turn,
    the second becomes a new turn right after it (the turns after move down one), spoken
    by the same speaker unless `to` says otherwise."""

    number: int = 0
    offset: int = 0
    to: Target | None = None
    text: str = field(default="Split turn", kw_only=True)

    def __post_init__(self) -> None:
        self.text = f"Split turn {self.number}"

    def _change(self, db: Database) -> None:
        doc, n = self.document_id, self.number
        turn = turn_numbered(db, doc, n)
        if not turn.text_start <= self.offset <= turn.text_end:
            raise YanduError(f"Offset {self.offset} is not in the speech of turn {n} "
                             f"({turn.text_start}–{turn.text_end}); split it inside.")
        piece = text_between(db, doc, turn.text_start, turn.text_end)
        cut = self.offset - turn.text_start
        first, second = strip_span(piece, 0, cut), strip_span(piece, cut, len(piece))
        if first[0] == first[1] or second[0] == second[1]:
            raise YanduError(f"Turn {n} cannot be split at the very start or end of its "
                             "speech: one part would be empty.")
        target = None if self.to is None else _Resolved(db, doc, self.to)
        self._record(db, [turn.id])
        speaker_id = turn.speaker_id if target is None else target.make(db)
        shift_positions(db, doc, turn.position, 1)
        columns = table_columns(db, "turns")
        row = dict(zip(columns, db.execute("SELECT * FROM turns WHERE id = ?",
                                           [turn.id]).fetchone(), strict=True))
        row.update(position=turn.position + 1, speaker_id=speaker_id, start=self.offset,
                   label="", headline="", headline_start=0, headline_end=0,
                   text_start=turn.text_start + second[0], text_end=turn.text_start + second[1],
                   text=piece[second[0] : second[1]], cue_start_ms=None)
        row["id"] = ids.next_id(db, "turns")
        new_id = insert_row(db, "turns", row)
        db.execute('UPDATE turns SET "end" = ?, text_start = ?, text_end = ?, text = ?, '
                   "cue_end_ms = NULL WHERE id = ?",
                   [self.offset, turn.text_start + first[0], turn.text_start + first[1],
                    piece[first[0] : first[1]], turn.id])
        self._touched.add(new_id)
        index_turns(db, [turn.id, new_id])
        who = "" if target is None else f", {_who(target.name(db))}"
        self.done = (f"Turn {n} is split: turn {n + 1}{who} begins "
                     f"“{_begin(piece[second[0] : second[1]])}”.")


def _begin(text: str, limit: int = 20) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass
class JoinTurns(TurnEdit):
    """Join a turn with the next one (or with every turn up to `last`): one turn spanning
    them all, spoken by the first turn's speaker, in the first turn's section."""

    number: int = 0
    last: int | None = None
    text: str = field(default="Join turns", kw_only=True)

    def __post_init__(self) -> None:
        if self.last is None:
            self.last = self.number + 1
        self.text = (f"Join turns {self.number} and {self.last}"
                     if self.last == self.number + 1 else f"Join turns {self.number}–{self.last}")

    def _change(self, db: Database) -> None:
        doc, n, last = self.document_id, self.number, self.last
        assert last is not None
        count = turn_count(db, doc)
        if not 1 <= n <= count:
            raise YanduError(f"No turn {n}: the document has turns 1–{count}.")
        if n == count:
            raise YanduError(f"Turn {n} is the last turn: there is none after it to join.")
        if last <= n or last > count:
            raise YanduError(f"Turns {n}–{last} cannot be joined: the document has turns "
                             f"1–{count}.")
        turns = turns_between(db, doc, n, last)
        first, rest = turns[0], turns[1:]
        self._record(db, [t.id for t in turns])
        # A turn's speech is one stretch of the document, text_start..text_end: the joined
        # speech runs from the first turn's to the last one's, so the label lines of the
        # turns after the first (`张家俊：`) fall inside it and read as part of it.
        piece = text_between(db, doc, first.text_start, rest[-1].text_end)
        lo, hi = strip_span(piece, 0, len(piece))
        # A section one of the later turns opened ends with them: its turns join the first's.
        for section_id in dict.fromkeys(t.section_id for t in rest):
            if section_id is not None and section_id != first.section_id:
                db.execute("UPDATE turns SET section_id = ? WHERE section_id = ?",
                           [first.section_id, section_id])
                db.execute("DELETE FROM sections WHERE id = ?", [section_id])
        cue_end = db.execute("SELECT cue_end_ms FROM turns WHERE id = ?",
                             [rest[-1].id]).fetchone()[0]
        unindex_turns(db, [t.id for t in rest])
        db.conn.executemany("DELETE FROM turns WHERE id = ?", [(t.id,) for t in rest])
        shift_positions(db, doc, rest[-1].position, -len(rest))
        db.execute('UPDATE turns SET "end" = ?, text_start = ?, text_end = ?, text = ?, '
                   "cue_end_ms = ? WHERE id = ?",
                   [rest[-1].end, first.text_start + lo, first.text_start + hi,
                    piece[lo:hi], cue_end, first.id])
        index_turns(db, [first.id])
        number_sections(db, doc)
        self.done = f"Turns {n}–{last} are one turn now: turn {n}."


def heading_title(text: str, fallback: str = "") -> str:
    """A section's title from the turn that opens it: its first line, shortened to 200
    characters as the importer shortens a question."""
    for line in text.splitlines():
        if line.strip():
            return section_title(line)
    return fallback


@dataclass
class MakeHeading(TurnEdit):
    """Make a turn open a new section (the turn stays), up to where the next one begins;
    titled `title`, else by the turn's first line."""

    number: int = 0
    title: str = ""
    text: str = field(default="Make section heading", kw_only=True)

    def __post_init__(self) -> None:
        self.text = f"Make turn {self.number} a section heading"

    def _change(self, db: Database) -> None:
        doc, n = self.document_id, self.number
        turn = turn_numbered(db, doc, n)
        if opens_section(db, doc, turn):
            raise YanduError(f"Turn {n} already opens a section.")
        speech, headline = db.execute("SELECT text, headline FROM turns WHERE id = ?",
                                      [turn.id]).fetchone()
        title = section_title(self.title) if self.title.strip() else heading_title(
            speech, heading_title(headline, f"Turn {n}"))
        self._record(db, [])
        open_section(db, doc, turn, title)
        number_sections(db, doc)
        number = db.execute("SELECT s.position + 1 FROM sections s JOIN turns t "
                            "ON t.section_id = s.id WHERE t.id = ?", [turn.id]).fetchone()[0]
        self.done = f"Turn {n} opens section {number} now: “{_begin(title, 40)}”."


@dataclass
class RemoveSection(TurnEdit):
    """Remove a section (numbered from 1): its turns join the section before it, or none
    when it is the first. The turns themselves stay."""

    section: int = 0
    text: str = field(default="Remove section", kw_only=True)

    def __post_init__(self) -> None:
        self.text = f"Remove section {self.section}"

    def _change(self, db: Database) -> None:
        doc, n = self.document_id, self.section
        turn_count(db, doc)
        ids = [r[0] for r in db.execute(
            "SELECT id FROM sections WHERE document_id = ? ORDER BY position", [doc])]
        if not ids:
            raise YanduError("The document has no sections.")
        if not 1 <= n <= len(ids):
            raise YanduError(f"No section {n}: the document has sections 1–{len(ids)}.")
        self._record(db, [])
        drop_section(db, doc, ids[n - 1])
        number_sections(db, doc)
        self.done = (f"Section {n} is gone; its turns are in section {n - 1}." if n > 1
                     else "Section 1 is gone; its turns open the document, in no section.")


def section_of_turn(db: Database, document_id: int, number: int) -> int | None:
    """The number of the section holding turn `number`, or None."""
    turn = turn_numbered(db, document_id, number)
    if turn.section_id is None:
        return None
    return db.execute("SELECT position + 1 FROM sections WHERE id = ?",
                      [turn.section_id]).fetchone()[0]
