"""Grading a card with FSRS (the `fsrs` package, loaded on the first grade).

Fuzzing is off: a card's next date follows from its log alone, the same in the window,
the terminal and a second copy of the study.
"""

from __future__ import annotations

import functools
import zlib
from datetime import datetime
from typing import TYPE_CHECKING

from db import ids
from desktop.core.errors import YanduError
from desktop.core.review.deck import Card, get, iso, now, parse

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    import fsrs
    from sqlite_utils import Database

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
GRADES = (AGAIN, HARD, GOOD, EASY)


@functools.cache
def scheduler() -> fsrs.Scheduler:
    """FSRS with its default parameters, desired retention 0.9, and no fuzz."""
    import fsrs

    return fsrs.Scheduler(enable_fuzzing=False)


def as_fsrs(card: Card) -> fsrs.Card:
    """The stored schedule as an fsrs.Card."""
    import fsrs

    return fsrs.Card(
        card_id=zlib.crc32(card.id.encode()) or 1, state=fsrs.State(card.state),
        step=card.step, stability=card.stability, difficulty=card.difficulty,
        due=parse(card.due), last_review=parse(card.last_review) if card.last_review else None)


def grade(db: Database, card_id: str, rating: int, at: datetime | None = None,
          duration_ms: int | None = None) -> Card:
    """Grade a card (1 Again, 2 Hard, 3 Good, 4 Easy) at `at` (now): its next schedule is
    stored and the grade logged, in one transaction. The card as it is now is returned."""
    import fsrs

    if rating not in GRADES:
        raise YanduError(f"A grade is 1 (again), 2 (hard), 3 (good) or 4 (easy), not {rating}.")
    card = get(db, card_id)
    if card is None:
        raise YanduError(f"No card {card_id!r}; see `yandu cards`.")
    moment = (at or now()).replace(microsecond=0)
    after, _log = scheduler().review_card(as_fsrs(card), fsrs.Rating(rating), moment)
    due = iso(after.due)
    with db.atomic():
        db.execute(
            "UPDATE review_cards SET state = ?, step = ?, stability = ?, difficulty = ?, "
            "due = ?, last_review = ? WHERE id = ?",
            [int(after.state), after.step, after.stability, after.difficulty, due,
             iso(after.last_review or moment), card_id])
        db.execute(
            "INSERT INTO review_log (id, card_id, rating, reviewed_at, duration_ms, due_after) "
            "VALUES (?, ?, ?, ?, ?, ?)", [ids.next_id(db, "review_log"), card_id, rating, iso(moment), duration_ms, due])
    return get(db, card_id)
