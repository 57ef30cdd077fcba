"""Rows of annotations and their tags. Plain parameterised SQL, no policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db import ids

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database


COLUMNS = ("id", "document_id", "start", "end", "quote", "note", "colour", "author",
           "created_at", "updated_at")


@dataclass(frozen=True)
class Annotation:
    """One annotation: a passage of a document (code-point offsets), its note and tags."""

    id: str
    document_id: int
    start: int
    end: int
    quote: str
    note: str
    colour: str
    author: str
    created_at: str
    updated_at: str
    tags: tuple[str, ...] = field(default=())

    def row(self) -> dict:
        """The `annotations` row for this annotation (without tags)."""
        return {name: getattr(self, name) for name in COLUMNS}


def _select(db: Database, where: str, params: list) -> list[Annotation]:
    sql = (
        'SELECT id, document_id, start, "end", quote, note, colour, author, created_at, '
        "updated_at FROM annotations " + where
    )
    rows = db.execute(sql, params).fetchall()
    if not rows:
        return []
    tags = tags_by_annotation(db, [r[0] for r in rows])
    return [Annotation(*r, tags=tuple(tags.get(r[0], ()))) for r in rows]


def get(db: Database, annotation_id: str) -> Annotation | None:
    """The annotation with this id, or None."""
    found = _select(db, "WHERE id = ?", [annotation_id])
    return found[0] if found else None


def for_document(db: Database, document_id: int) -> list[Annotation]:
    """A document's annotations in transcript order."""
    return _select(db, 'WHERE document_id = ? ORDER BY start, "end", created_at', [document_id])


def all_annotations(db: Database) -> list[Annotation]:
    """Every annotation of the study, by document then position."""
    return _select(db, 'ORDER BY document_id, start, "end", created_at', [])


def tags_by_annotation(db: Database, ids: list[str]) -> dict[str, list[str]]:
    """Tag names per annotation id, sorted by name."""
    result: dict[str, list[str]] = {}
    # Chunked: SQLite limits the number of bound parameters.
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for ann_id, name in db.execute(
            f"SELECT at.annotation_id, t.name FROM annotation_tags at "
            f"JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id IN ({marks}) "
            f"ORDER BY t.name COLLATE NOCASE",
            chunk,
        ):
            result.setdefault(ann_id, []).append(name)
    return result


def insert(db: Database, annotation: Annotation) -> None:
    """Insert an annotation and its tags."""
    db["annotations"].insert(annotation.row())
    set_tags(db, annotation.id, annotation.tags)


def update(db: Database, annotation: Annotation) -> None:
    """Overwrite an annotation's fields and tags."""
    row = annotation.row()
    db["annotations"].update(annotation.id, row)
    set_tags(db, annotation.id, annotation.tags)


def delete(db: Database, annotation_id: str) -> None:
    """Delete an annotation (its tag links go with it)."""
    db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])


def tag_id(db: Database, name: str) -> int:
    """The id of tag `name`, creating the tag if needed."""
    row = db.execute("SELECT id FROM tags WHERE name = ? COLLATE NOCASE", [name]).fetchone()
    if row:
        return row[0]
    return db.execute("INSERT INTO tags (id, name) VALUES (?, ?)",
                      [ids.tag_id_for(db, name), name]).lastrowid


def set_tags(db: Database, annotation_id: str, names: tuple[str, ...] | list[str]) -> None:
    """Make `names` the tags of the annotation."""
    db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        db.execute(
            "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
            [annotation_id, tag_id(db, name)],
        )


def all_tags(db: Database) -> list[tuple[str, int]]:
    """Every tag with how many annotations carry it, by name."""
    return [
        (name, count)
        for name, count in db.execute(
            "SELECT t.name, count(at.annotation_id) FROM tags t "
            "LEFT JOIN annotation_tags at ON at.tag_id = t.id "
            "GROUP BY t.id ORDER BY t.name COLLATE NOCASE"
        )
    ]
