"""Sections as turn edits change them: opened at a turn, removed, numbered in order, and
following the moderators' turns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from db import ids
from desktop.core.importing import structure
from desktop.core.turn_edits.turns import Turn, opens_section, turn_with_id

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database


def open_section(db: Database, document_id: int, turn: Turn, title: str) -> int:
    """A new section from `turn` up to where the next section begins; its id."""
    section_id = db.execute(  # numbered by `number_sections`, after the change
        "INSERT INTO sections (id, document_id, position, title) VALUES (?, ?, (SELECT "
        "min(coalesce(min(position), 0), 0) - 1 FROM sections WHERE document_id = ?), ?)",
        [ids.next_id(db, "sections"), document_id, document_id, title]).lastrowid
    following = db.execute(
        "SELECT min(position) FROM turns WHERE document_id = ? AND position > ? "
        "AND section_id IS NOT ?", [document_id, turn.position, turn.section_id]).fetchone()[0]
    db.execute(
        "UPDATE turns SET section_id = ? WHERE document_id = ? AND position >= ? "
        "AND (? IS NULL OR position < ?)",
        [section_id, document_id, turn.position, following, following])
    return section_id


def drop_section(db: Database, document_id: int, section_id: int) -> None:
    """Remove a section: its turns go to the section before it (none before the first)."""
    first = db.execute("SELECT min(position) FROM turns WHERE section_id = ?",
                       [section_id]).fetchone()[0]
    before = None
    if first is not None:
        row = db.execute("SELECT section_id FROM turns WHERE document_id = ? AND position = ?",
                         [document_id, first - 1]).fetchone()
        before = row[0] if row else None
    db.execute("UPDATE turns SET section_id = ? WHERE section_id = ?", [before, section_id])
    db.execute("DELETE FROM sections WHERE id = ?", [section_id])


def number_sections(db: Database, document_id: int) -> None:
    """Number the sections in the order of their first turns; empty ones go."""
    db.execute("DELETE FROM sections WHERE document_id = ? AND id NOT IN "
               "(SELECT DISTINCT section_id FROM turns WHERE document_id = ? "
               "AND section_id IS NOT NULL)", [document_id, document_id])
    order = [r[0] for r in db.execute(
        "SELECT s.id FROM sections s WHERE s.document_id = ? ORDER BY "
        "(SELECT min(position) FROM turns t WHERE t.section_id = s.id)", [document_id])]
    low = db.execute("SELECT min(coalesce(min(position), 0), 0) FROM sections "
                     "WHERE document_id = ?", [document_id]).fetchone()[0]
    db.conn.executemany("UPDATE sections SET position = ? WHERE id = ?",  # parked first
                        [(low - 1 - n, i) for n, i in enumerate(order)])
    db.conn.executemany("UPDATE sections SET position = ? WHERE id = ?",
                        [(n, i) for n, i in enumerate(order)])


# Kinds of record whose sections are their own headings (agenda items, arguments, cues),
# never the questions of a moderator or chair.
RECORD_SECTIONS = frozenset({"parliament", "court", "subtitles"})


def moderator_sections(db: Database, document_id: int) -> dict[int, str]:
    """Opening turn id -> title of the sections the moderators' turns (or a play's act
    headings) make, as the importer and the speaker edits reckon them."""
    kind = db.execute("SELECT kind FROM documents WHERE id = ?", [document_id]).fetchone()
    if kind is not None and kind[0] in RECORD_SECTIONS:
        return {}  # a parliament's chair or a judge opens no sections: its record's do
    found = db.execute("SELECT id, name, is_moderator FROM speakers WHERE document_id = ?",
                       [document_id]).fetchall()
    names = {r[0]: r[1] for r in found}
    moderators = {r[1] for r in found if r[2]}
    # Only the moderators' turns (their questions title the sections) and narration (a
    # play's act headings) are read for their text: in a long transcript most are neither.
    rows = db.execute(
        "SELECT t.id, t.speaker_id, CASE WHEN t.speaker_id IS NULL OR s.is_moderator "
        "THEN t.text ELSE '' END FROM turns t LEFT JOIN speakers s ON s.id = t.speaker_id "
        "WHERE t.document_id = ? ORDER BY t.position", [document_id]).fetchall()
    wanted = structure.sections([(names.get(r[1]), r[2]) for r in rows], moderators)
    return {rows[index][0]: title for index, title in wanted}


def follow_moderators(db: Database, document_id: int, before: dict[int, str]) -> None:
    """Change the sections as far as the edit changed what the moderators' turns make.

    `speakers.recompute_sections` would rebuild every section from the moderators, which
    throws away a heading made by hand (and sections the importer found another way); so
    only the difference is applied: a section the moderators no longer open goes (its
    turns join the one before), one they now open is made, one whose question changed is
    retitled. Where the sections are the moderators' own this comes to the same thing.
    """
    after = moderator_sections(db, document_id)
    if after == before:
        return
    opening = dict(db.execute(
        "SELECT t.id, t.section_id FROM turns t WHERE t.document_id = ? AND t.section_id IS "
        "NOT NULL AND t.position = (SELECT min(position) FROM turns u WHERE u.section_id = "
        "t.section_id)", [document_id]).fetchall())
    for turn_id in before.keys() - after.keys():
        if turn_id in opening:
            drop_section(db, document_id, opening[turn_id])
    for turn_id, title in after.items():
        if turn_id in before:  # a section opened here before: only its question may differ
            if turn_id in opening and before[turn_id] != title:
                db.execute("UPDATE sections SET title = ? WHERE id = ?",
                           [title, opening[turn_id]])
            continue
        turn = turn_with_id(db, turn_id)
        if not opens_section(db, document_id, turn):
            open_section(db, document_id, turn, title)
    number_sections(db, document_id)
