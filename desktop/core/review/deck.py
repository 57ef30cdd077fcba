"""The review deck kept in the study: cards follow their sources, and are chosen.

`sync` makes the stored cards what the study says today: new sources add cards (due at
once), edited ones rewrite their text (the schedule stays), deleted ones retire theirs
(`retired_at`; schedule and log kept, so an undone deletion brings the card back as it
was). Plain parameterised SQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop.core.review.content import CardContent, study_cards

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database


def iso(moment: datetime) -> str:
    """A time as the deck stores it: UTC, to the second ('2026-12-06T05:44:25Z')."""
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(stamp: str) -> datetime:
    """A stored time back as an aware UTC datetime."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UTC)


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class Card:
    """A stored card: its content, its schedule (FSRS state) and whether it is retired."""

    content: CardContent
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: str
    last_review: str | None
    retired_at: str | None
    reviews: int = 0

    @property
    def id(self) -> str:
        return self.content.id

    def as_dict(self) -> dict:
        c = self.content
        return {"id": c.id, "kind": c.kind, "document_id": c.document_id, "front": c.front,
                "back": c.back, "choices": list(c.choices), "due": self.due,
                "state": self.state, "stability": self.stability,
                "difficulty": self.difficulty, "last_review": self.last_review,
                "reviews": self.reviews, "retired": self.retired_at is not None}


@dataclass(frozen=True)
class Selection:
    """Which cards to review: documents narrow everything; tags choose annotation cards
    and categories term cards (either, when both are given); kinds narrow by kind."""

    document_ids: frozenset[int] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)
    categories: frozenset[str] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)

    def wants(self, content: CardContent) -> bool:
        detail = content.detail
        if self.kinds and content.kind not in self.kinds:
            return False
        if self.document_ids:
            docs = ({content.document_id} if content.document_id is not None
                    else set(detail.get("document_ids", ())))
            if not docs & self.document_ids:
                return False
        if not (self.tags or self.categories):
            return True
        tags = {t.casefold() for t in detail.get("tags", ())}
        if self.tags and tags & {t.casefold() for t in self.tags}:
            return True
        return bool(self.categories) and detail.get("category", "") in self.categories


@dataclass(frozen=True)
class SyncReport:
    added: int = 0
    updated: int = 0
    retired: int = 0
    restored: int = 0


_COLUMNS = ("id, kind, source_id, document_id, front, back, choices, detail, state, step, "
            "stability, difficulty, due, last_review, retired_at, "
            "(SELECT count(*) FROM review_log l WHERE l.card_id = review_cards.id)")


def _card(row: tuple) -> Card:
    content = CardContent(row[0], row[1], row[2], row[3], row[4], row[5],
                          tuple(json.loads(row[6] or "[]")), json.loads(row[7] or "{}"))
    return Card(content, *row[8:15], reviews=row[15])


def cards(db: Database, *, retired: bool = False) -> list[Card]:
    """The stored cards (the retired ones too with `retired`), in the deck's order."""
    where = "" if retired else "WHERE retired_at IS NULL "
    return [_card(r) for r in db.execute(
        f"SELECT {_COLUMNS} FROM review_cards {where}ORDER BY rowid")]


def get(db: Database, card_id: str) -> Card | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM review_cards WHERE id = ?", [card_id]).fetchone()
    return _card(row) if row else None


def sync(db: Database, at: datetime | None = None,
         made: list[CardContent] | None = None) -> SyncReport:
    """Make the stored deck follow the study (one transaction). `made` is what
    `study_cards(db)` says, when it was read already (on another connection)."""
    stamp = iso(at or now())
    made = study_cards(db) if made is None else made
    stored = {r[0]: r[1:] for r in db.execute(
        "SELECT id, front, back, choices, detail, kind, source_id, document_id, retired_at "
        "FROM review_cards")}
    added = updated = retired = restored = 0
    with db.atomic():
        for content in made:
            values = (content.front, content.back,
                      json.dumps(list(content.choices), ensure_ascii=False),
                      json.dumps(content.detail, ensure_ascii=False, sort_keys=True),
                      content.kind, content.source_id, content.document_id)
            old = stored.pop(content.id, None)
            if old is None:
                db.execute(
                    "INSERT INTO review_cards (id, front, back, choices, detail, kind, "
                    "source_id, document_id, created_at, updated_at, due) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [content.id, *values, stamp, stamp, stamp])
                added += 1
            elif tuple(old[:7]) != values or old[7] is not None:
                updated += tuple(old[:7]) != values
                restored += old[7] is not None
                db.execute(
                    "UPDATE review_cards SET front = ?, back = ?, choices = ?, detail = ?, "
                    "kind = ?, source_id = ?, document_id = ?, updated_at = ?, "
                    "retired_at = NULL WHERE id = ?", [*values, stamp, content.id])
        for card_id, old in stored.items():
            if old[7] is None:
                db.execute("UPDATE review_cards SET retired_at = ? WHERE id = ?",
                           [stamp, card_id])
                retired += 1
    return SyncReport(added, updated, retired, restored)


def chosen(db: Database, selection: Selection | None = None) -> list[Card]:
    """The live cards the selection wants (every live card without one)."""
    found = cards(db)
    return found if selection is None else [c for c in found if selection.wants(c.content)]


def due_cards(db: Database, selection: Selection | None = None,
              at: datetime | None = None) -> list[Card]:
    """The chosen cards due by `at` (now), the longest overdue first."""
    limit = iso(at or now())
    found = [c for c in chosen(db, selection) if c.due <= limit]
    return sorted(found, key=lambda c: c.due)


def due_count(db: Database, at: datetime | None = None) -> int:
    """How many live cards are due (cheap: one query, no sync)."""
    return db.execute("SELECT count(*) FROM review_cards WHERE retired_at IS NULL AND due <= ?",
                      [iso(at or now())]).fetchone()[0]


def log(db: Database, card_id: str) -> list[tuple[int, str, str]]:
    """A card's reviews: (rating, reviewed_at, due_after), oldest first."""
    return [tuple(r) for r in db.execute(
        "SELECT rating, reviewed_at, due_after FROM review_log WHERE card_id = ? ORDER BY id",
        [card_id])]
