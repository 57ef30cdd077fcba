"""Creating, editing and deleting annotations, as undoable commands.

Anchors are code-point offsets into the document's immutable text plus the quoted
text; `check_anchor` confirms the two still agree.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from db import annotations as rows
from db.annotations import Annotation
from desktop.core import search_index
from desktop.core.clock import now_iso
from desktop.core.commands import Changes, StaleStep
from desktop.core.errors import YanduError
from desktop.core.library import document_text

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

DEFAULT_COLOUR = "#ffd54f"
PALETTE = ("#ffd54f", "#81c784", "#64b5f6", "#e57373", "#ba68c8", "#ffb74d", "#4db6ac", "#a1887f")

# What a user types between tags: commas (also full-width), the enumeration comma 、 that
# Chinese lists use (相声、郭德纲), and semicolons. A tag never holds one of them.
TAG_SEPARATORS = re.compile(r"[,，、;；]")


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as stored: each value split where a user separates tags (, ， 、 ; ；), trimmed,
    blanks and repeats left out, in the order typed; `clean_tags([text])` reads a tag field."""
    parts = (part.strip() for tag in tags for part in TAG_SEPARATORS.split(tag))
    return tuple(dict.fromkeys(part for part in parts if part))


def new_annotation(
    db: Database,
    document_id: int,
    start: int,
    end: int,
    *,
    note: str = "",
    tags: tuple[str, ...] | list[str] = (),
    colour: str = DEFAULT_COLOUR,
    author: str = "",
) -> Annotation:
    """Build (not store) an annotation over text[start:end] of a document, checking the range."""
    text = document_text(db, document_id)
    if not 0 <= start < end <= len(text):
        raise YanduError(
            f"The passage {start}–{end} is outside the document (length {len(text)})."
        )
    stamp = now_iso()
    return Annotation(
        id=str(uuid.uuid4()),
        document_id=document_id,
        start=start,
        end=end,
        quote=text[start:end],
        note=note,
        colour=colour,
        author=author,
        created_at=stamp,
        updated_at=stamp,
        tags=clean_tags(tags),
    )


def check_anchor(db: Database, annotation: Annotation) -> bool:
    """True when the stored offsets still point at the quoted text."""
    text = document_text(db, annotation.document_id)
    return text[annotation.start : annotation.end] == annotation.quote


def _expect(db: Database, annotation_id: str, expected: Annotation | None) -> None:
    """Refuse a step when the stored annotation is not what the step was made from: a
    second window's newer note would otherwise be overwritten without a word."""
    stored = rows.get(db, annotation_id)
    if _version(stored) != _version(expected):
        raise StaleStep("This annotation was changed in another window or program "
                        "meanwhile; nothing was changed here.")


def _version(annotation: Annotation | None) -> tuple | None:
    if annotation is None:
        return None
    # Tags are read back sorted by name, whatever order they were written in.
    return (annotation.note, annotation.colour, annotation.updated_at,
            sorted(tag.casefold() for tag in annotation.tags))


def _store(db: Database, annotation: Annotation) -> Changes:
    rows.insert(db, annotation)
    search_index.index_annotation(db, annotation.id, annotation.note)
    return Changes(annotations=True, document_ids=frozenset({annotation.document_id}))


def _remove(db: Database, annotation: Annotation) -> Changes:
    search_index.unindex_annotation(db, annotation.id)
    rows.delete(db, annotation.id)
    return Changes(annotations=True, document_ids=frozenset({annotation.document_id}))


def _overwrite(db: Database, annotation: Annotation) -> Changes:
    rows.update(db, annotation)
    search_index.index_annotation(db, annotation.id, annotation.note)
    return Changes(annotations=True, document_ids=frozenset({annotation.document_id}))


@dataclasses.dataclass
class CreateAnnotation:
    """Store a new annotation."""

    annotation: Annotation
    text: str = "Create annotation"

    def apply(self, db: Database) -> Changes:
        return _store(db, self.annotation)

    def revert(self, db: Database) -> Changes:
        _expect(db, self.annotation.id, self.annotation)
        return _remove(db, self.annotation)


@dataclasses.dataclass
class DeleteAnnotation:
    """Delete an annotation; undo puts it back with the same id, times and tags."""

    annotation: Annotation
    text: str = "Delete annotation"

    def apply(self, db: Database) -> Changes:
        _expect(db, self.annotation.id, self.annotation)
        return _remove(db, self.annotation)

    def revert(self, db: Database) -> Changes:
        _expect(db, self.annotation.id, None)
        return _store(db, self.annotation)


@dataclasses.dataclass
class EditAnnotation:
    """Change an annotation's note, tags or colour (the anchor never changes)."""

    before: Annotation
    after: Annotation
    text: str = "Edit annotation"

    @classmethod
    def of(
        cls,
        before: Annotation,
        *,
        note: str | None = None,
        tags: tuple[str, ...] | list[str] | None = None,
        colour: str | None = None,
    ) -> EditAnnotation:
        """The edit that changes the given fields of `before`, named for what it changes."""
        changes: dict = {}
        if note is not None and note != before.note:
            changes["note"] = note
        if tags is not None:
            clean = clean_tags(tags)
            if clean != before.tags:
                changes["tags"] = clean
        if colour is not None and colour != before.colour:
            changes["colour"] = colour
        after = dataclasses.replace(before, updated_at=now_iso(), **changes)
        if set(changes) == {"tags"}:
            label = "Retag annotation"
        elif set(changes) == {"colour"}:
            label = "Recolour annotation"
        else:
            label = "Edit annotation"
        return cls(before, after, label)

    @property
    def changes_anything(self) -> bool:
        return (self.before.note, self.before.tags, self.before.colour) != (
            self.after.note,
            self.after.tags,
            self.after.colour,
        )

    def apply(self, db: Database) -> Changes:
        _expect(db, self.after.id, self.before)
        return _overwrite(db, self.after)

    def revert(self, db: Database) -> Changes:
        _expect(db, self.before.id, self.after)
        return _overwrite(db, self.before)
