"""Turns as the edits see them: found by number (position + 1), their text, their place."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.errors import YanduError

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database


@dataclass(frozen=True)
class Turn:
    """The columns of a turn that say where it is and who speaks it."""

    id: int
    position: int
    speaker_id: int | None
    section_id: int | None
    start: int
    end: int
    label: str
    text_start: int
    text_end: int

    @property
    def number(self) -> int:
        return self.position + 1


COLUMNS = 'id, position, speaker_id, section_id, start, "end", label, text_start, text_end'


def turns_between(db: Database, document_id: int, first: int, last: int) -> list[Turn]:
    """The turns numbered first..last (1-based, inclusive), in order."""
    return [Turn(*row) for row in db.execute(
        f"SELECT {COLUMNS} FROM turns WHERE document_id = ? AND position BETWEEN ? AND ? "
        "ORDER BY position", [document_id, first - 1, last - 1])]


def turn_with_id(db: Database, turn_id: int) -> Turn:
    return Turn(*db.execute(f"SELECT {COLUMNS} FROM turns WHERE id = ?", [turn_id]).fetchone())


def turn_count(db: Database, document_id: int) -> int:
    if db.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is None:
        raise YanduError(f"No document with id {document_id}.")
    return db.execute("SELECT count(*) FROM turns WHERE document_id = ?",
                      [document_id]).fetchone()[0]


def turn_numbered(db: Database, document_id: int, number: int) -> Turn:
    count = turn_count(db, document_id)
    if not 1 <= number <= count:
        raise YanduError(f"No turn {number}: the document has turns 1–{count}.")
    return turns_between(db, document_id, number, number)[0]


def text_between(db: Database, document_id: int, start: int, end: int) -> str:
    return db.execute("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                      [start + 1, max(end - start, 0), document_id]).fetchone()[0]


def opens_section(db: Database, document_id: int, turn: Turn) -> bool:
    """Whether `turn` is the first turn of its section."""
    if turn.section_id is None:
        return False
    before = db.execute("SELECT section_id FROM turns WHERE document_id = ? AND position = ?",
                        [document_id, turn.position - 1]).fetchone()
    return before is None or before[0] != turn.section_id


def parse_numbers(text: str) -> tuple[int, ...]:
    """Turn numbers as typed: "7", "3,5,8", "3-6" (also 3–6 or 3..6), or a mix."""
    numbers: list[int] = []
    for part in re.split(r"[,，\s]+", text.strip()):
        if not part:
            continue
        match = re.fullmatch(r"(\d+)(?:\s*(?:-|–|—|\.\.)\s*(\d+))?", part)
        if match is None:
            raise YanduError(f"{part!r} is not a turn number or range (write 7, 3-6 or 3,5,8).")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first:
            raise YanduError(f"{part!r} runs backwards; write {last}-{first}.")
        numbers.extend(range(first, last + 1))
    if not numbers:
        raise YanduError("Which turns? Give their numbers (7, 3-6 or 3,5,8).")
    return tuple(dict.fromkeys(numbers))


def describe_numbers(numbers: Sequence[int]) -> str:
    """'turn 7', 'turns 7–9' or '3 turns', as a step's name says it."""
    ordered = sorted(set(numbers))
    if len(ordered) == 1:
        return f"turn {ordered[0]}"
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"turns {ordered[0]}–{ordered[-1]}"
    return f"{len(ordered)} turns"


def shift_positions(db: Database, document_id: int, after: int, by: int) -> None:
    """Move the turns after position `after` by `by` places (positions are unique: they
    are parked below zero on the way)."""
    db.execute("UPDATE turns SET position = -1 - position WHERE document_id = ? "
               "AND position > ?", [document_id, after])
    db.execute("UPDATE turns SET position = -1 - position + ? WHERE document_id = ? "
               "AND position < 0", [by, document_id])
