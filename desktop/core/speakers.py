"""Editing a document's speakers, as undoable commands (run them through `History`).

Rename, merge one speaker into another, set a role or a colour, make a speaker the
moderator (or not), or turn a wrongly detected speaker back into narration. Every
command snapshots the document's speakers, sections and turns before and after its
first application; undo and redo restore those snapshots exactly (same row ids), so a
step can be undone and redone any number of times. Sections are recomputed whenever the
moderators or the turns' speakers change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.core import search_index
from desktop.core.commands import Changes
from desktop.core.errors import YanduError
from desktop.core.importing.text import speaker_key, strip_span

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_TURN_COLUMNS = ("id", "speaker_id", "section_id", "label", "headline", "headline_start",
                 "headline_end", "text_start", "text_end", "text")


@dataclass(frozen=True)
class _State:
    """A document's speakers, sections and the speaker-dependent columns of its turns."""

    speakers: tuple[tuple, ...]
    sections: tuple[tuple, ...]
    turns: tuple[tuple, ...]


def _snapshot(db: Database, document_id: int) -> _State:
    return _State(
        speakers=tuple(db.execute(
            "SELECT id, position, name, role, colour, is_moderator FROM speakers "
            "WHERE document_id = ? ORDER BY id", [document_id]).fetchall()),
        sections=tuple(db.execute(
            "SELECT id, position, title FROM sections WHERE document_id = ? ORDER BY id",
            [document_id]).fetchall()),
        turns=tuple(db.execute(
            f"SELECT {', '.join(_TURN_COLUMNS)} FROM turns WHERE document_id = ? "
            "ORDER BY position", [document_id]).fetchall()),
    )


def _restore(db: Database, document_id: int, state: _State, current: _State) -> None:
    db.execute("DELETE FROM sections WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM speakers WHERE document_id = ?", [document_id])
    db.conn.executemany(
        "INSERT INTO speakers (id, document_id, position, name, role, colour, is_moderator) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(r[0], document_id, *r[1:]) for r in state.speakers],
    )
    db.conn.executemany(
        "INSERT INTO sections (id, document_id, position, title) VALUES (?, ?, ?, ?)",
        [(r[0], document_id, *r[1:]) for r in state.sections],
    )
    assignments = ", ".join(f"{c} = ?" for c in _TURN_COLUMNS[1:])
    db.conn.executemany(
        f"UPDATE turns SET {assignments} WHERE id = ?",
        [(*r[1:], r[0]) for r in state.turns],
    )
    if [r[-1] for r in state.turns] != [r[-1] for r in current.turns]:
        _reindex(db, document_id)


def _reindex(db: Database, document_id: int) -> None:
    search_index.unindex_document(db, document_id)
    search_index.index_turns(db, db.execute(
        "SELECT id, text FROM turns WHERE document_id = ? ORDER BY position", [document_id]
    ).fetchall())


@dataclass(frozen=True)
class _Speaker:
    id: int
    position: int
    name: str
    role: str
    colour: str
    is_moderator: bool


def _speakers(db: Database, document_id: int) -> list[_Speaker]:
    if db.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is None:
        raise YanduError(f"No document with id {document_id}.")
    return [
        _Speaker(r[0], r[1], r[2], r[3], r[4], bool(r[5]))
        for r in db.execute(
            "SELECT id, position, name, role, colour, is_moderator FROM speakers "
            "WHERE document_id = ? ORDER BY position", [document_id])
    ]


def find_speaker(db: Database, document_id: int, ref: int | str) -> _Speaker:
    """A speaker of the document by id or by name (case and spacing ignored)."""
    speakers = _speakers(db, document_id)
    if isinstance(ref, int):
        for s in speakers:
            if s.id == ref:
                return s
        raise YanduError(f"No speaker with id {ref} in this document.")
    exact = [s for s in speakers if s.name == ref.strip()]
    loose = [s for s in speakers if speaker_key(s.name) == speaker_key(ref)]
    found = exact or loose
    if len(found) == 1:
        return found[0]
    names = ", ".join(s.name for s in speakers) or "none"
    raise YanduError(f"No speaker {ref!r} in this document (speakers: {names}).")


@dataclass
class SpeakerEdit:
    """Base of the speaker commands: snapshot, change, and restore on undo/redo."""

    document_id: int
    text: str = field(default="Edit speakers", kw_only=True)
    _before: _State | None = field(default=None, init=False, repr=False)
    _after: _State | None = field(default=None, init=False, repr=False)

    def _change(self, db: Database) -> None:
        raise NotImplementedError

    def apply(self, db: Database) -> Changes:
        """Make the change (the first time) or restore its result (redo)."""
        if self._after is None:
            # (Imported here: the turn edits use this module's speakers in turn.)
            from desktop.core.turn_edits.sections import follow_moderators, moderator_sections

            before = _snapshot(db, self.document_id)
            sections = moderator_sections(db, self.document_id)
            self._change(db)
            # The sections the moderators make follow the change; headings made by hand
            # and a record's own (acts, agenda items, arguments) stay.
            follow_moderators(db, self.document_id, sections)
            self._before, self._after = before, _snapshot(db, self.document_id)
        else:
            assert self._before is not None
            _restore(db, self.document_id, self._after, self._before)
        return Changes(speakers=True, document_ids=frozenset({self.document_id}))

    def revert(self, db: Database) -> Changes:
        """Put back the speakers, sections and turns exactly as they were."""
        if self._before is None or self._after is None:
            return Changes()
        _restore(db, self.document_id, self._before, self._after)
        return Changes(speakers=True, document_ids=frozenset({self.document_id}))


@dataclass
class RenameSpeaker(SpeakerEdit):
    """Give a speaker a new name (to join two speakers, merge them instead)."""

    speaker: int | str = ""
    new_name: str = ""
    text: str = field(default="Rename speaker", kw_only=True)

    def _change(self, db: Database) -> None:
        who = find_speaker(db, self.document_id, self.speaker)
        name = " ".join(self.new_name.split())
        if not name:
            raise YanduError("A speaker's name cannot be empty.")
        if len(name) > 100:
            raise YanduError("A speaker's name is at most 100 characters.")
        for other in _speakers(db, self.document_id):
            if other.id != who.id and speaker_key(other.name) == speaker_key(name):
                raise YanduError(f"{other.name!r} is already a speaker of this document; "
                                 f"merge {who.name!r} into it instead.")
        db.execute("UPDATE speakers SET name = ? WHERE id = ?", [name, who.id])


@dataclass
class MergeSpeakers(SpeakerEdit):
    """Give all of one speaker's turns to another and drop the first (e.g. a misspelling)."""

    source: int | str = ""
    target: int | str = ""
    text: str = field(default="Merge speakers", kw_only=True)

    def _change(self, db: Database) -> None:
        source = find_speaker(db, self.document_id, self.source)
        target = find_speaker(db, self.document_id, self.target)
        if source.id == target.id:
            raise YanduError(f"Cannot merge {source.name!r} into itself.")
        db.execute("UPDATE turns SET speaker_id = ? WHERE speaker_id = ?", [target.id, source.id])
        db.execute(
            "UPDATE speakers SET position = ?, role = ?, is_moderator = ? WHERE id = ?",
            [min(source.position, target.position), target.role or source.role,
             int(source.is_moderator or target.is_moderator), target.id],
        )
        db.execute("DELETE FROM speakers WHERE id = ?", [source.id])


@dataclass
class SetRole(SpeakerEdit):
    """Set (or clear, with '') a speaker's role."""

    speaker: int | str = ""
    role: str = ""
    text: str = field(default="Set speaker role", kw_only=True)

    def _change(self, db: Database) -> None:
        who = find_speaker(db, self.document_id, self.speaker)
        role = " ".join(self.role.split())
        if len(role) > 200:
            raise YanduError("A role is at most 200 characters.")
        db.execute("UPDATE speakers SET role = ? WHERE id = ?", [role, who.id])


@dataclass
class SetColour(SpeakerEdit):
    """Set a speaker's colour (#RRGGBB)."""

    speaker: int | str = ""
    colour: str = ""
    text: str = field(default="Set speaker colour", kw_only=True)

    def _change(self, db: Database) -> None:
        who = find_speaker(db, self.document_id, self.speaker)
        colour = self.colour.strip()
        if not _COLOUR.match(colour):
            raise YanduError(f"{self.colour!r} is not a colour; write it as #RRGGBB.")
        db.execute("UPDATE speakers SET colour = ? WHERE id = ?", [colour.lower(), who.id])


@dataclass
class SetModerator(SpeakerEdit):
    """Make a speaker a moderator (or not); `exclusive` makes them the only one."""

    speaker: int | str = ""
    on: bool = True
    exclusive: bool = False
    text: str = field(default="Set moderator", kw_only=True)

    def _change(self, db: Database) -> None:
        who = find_speaker(db, self.document_id, self.speaker)
        if self.on and self.exclusive:
            db.execute("UPDATE speakers SET is_moderator = 0 WHERE document_id = ?",
                       [self.document_id])
        db.execute("UPDATE speakers SET is_moderator = ? WHERE id = ?", [int(self.on), who.id])


@dataclass
class MakeNarration(SpeakerEdit):
    """A wrongly detected speaker: their turns become narration, label line included."""

    speaker: int | str = ""
    text: str = field(default="Make narration", kw_only=True)

    def _change(self, db: Database) -> None:
        who = find_speaker(db, self.document_id, self.speaker)
        doc_text, fmt = db.execute("SELECT text, format FROM documents WHERE id = ?",
                                   [self.document_id]).fetchone()
        updates = []
        for turn_id, start, end, label, text_start, text_end in db.execute(
            'SELECT id, start, "end", label, text_start, text_end FROM turns '
            "WHERE speaker_id = ?", [who.id]
        ).fetchall():
            if not label:
                pass  # a continued turn: its speech is already all of its text
            elif fmt in ("srt", "vtt"):
                # Keep the cue number and timing line out: the text starts at the label.
                found = doc_text.rfind(label, start, text_start)
                text_start = found if found >= 0 else text_start
            else:
                text_start, text_end = strip_span(doc_text, start, end)
            updates.append((text_start, text_end, doc_text[text_start:text_end], turn_id))
        db.conn.executemany(
            "UPDATE turns SET speaker_id = NULL, label = '', headline = '', headline_start = 0, "
            "headline_end = 0, text_start = ?, text_end = ?, text = ? WHERE id = ?", updates)
        db.execute("DELETE FROM speakers WHERE id = ?", [who.id])
        _reindex(db, self.document_id)

