"""Managing the study's documents, as undoable commands (run them through `History`).

Rename a document, set its attributes (date, event, source, language) and collection,
move it up or down in the study's order, delete it, or import a changed file as a new
version of it, its annotations carried over where their quoted text is still found.

Deleting keeps every row the document owns, ids and all, so that undo puts back exactly
what was there and whatever refers to those ids (a citation of annotation 5d3f…, a
search hit's turn) still finds it. The rows are found through the schema's foreign keys
(a table added later that hangs off a document is kept too), together with the search
index rows of its turns and notes. Before a document with annotations is deleted, a copy
of the study file is written beside it, as a schema upgrade writes one.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
import sqlite3
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from db import annotations as annotation_rows
from db.annotations import Annotation
from desktop.core import library
from desktop.core.commands import Changes, StaleStep
from desktop.core.errors import YanduError

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

    from desktop.core.importing import ImportResult, ParsedTranscript

#: The attributes a reader may give a document; all free text, '' when unknown.
ATTRIBUTES = ("date", "event", "source", "language", "collection")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Put before the title of the version a re-import keeps (see `ReimportDocument`): in
#: front, so that a list too narrow for the whole title still tells the two apart.
OLD_MARK = "(old) "


# ---- attributes and the study's order ------------------------------------------------


@dataclass(frozen=True)
class Attributes:
    """What a reader knows about a document, and the collection it belongs to."""

    date: str = ""  # ISO, YYYY-MM-DD
    event: str = ""
    source: str = ""  # where the record was published (a URL, a citation)
    language: str = ""
    collection: str = ""

    def as_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Entry:
    """A document as the library lists it: its facts, attributes, place and notes."""

    info: library.DocumentInfo
    attributes: Attributes
    position: int
    annotation_count: int

    @property
    def id(self) -> int:
        return self.info.id

    def as_dict(self) -> dict:
        """A JSON-ready dict (for `yandu list --json`)."""
        return {**self.info.as_dict(), **self.attributes.as_dict(), "position": self.position,
                "annotation_count": self.annotation_count}


def check_date(text: str) -> str:
    """`text` as a stored date: '' or a real day written YYYY-MM-DD; YanduError otherwise."""
    text = text.strip()
    if not text:
        return ""
    try:
        if _ISO_DATE.fullmatch(text):
            return _dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise YanduError(f"{text!r} is not a date written YYYY-MM-DD (such as 2023-07-28).")


def clean_attributes(values: Mapping[str, str]) -> dict[str, str]:
    """Attribute values as stored: trimmed, on one line, the date checked; YanduError for
    an attribute that does not exist or a date that is not one."""
    cleaned: dict[str, str] = {}
    for name, value in values.items():
        if name not in ATTRIBUTES:
            raise YanduError(f"A document has no attribute {name!r}; it has "
                             f"{', '.join(ATTRIBUTES)}.")
        value = " ".join(str(value).split())
        cleaned[name] = check_date(value) if name == "date" else value
    return cleaned


# The attributes' columns of `documents`, to read them and to write them, in that order.
_ATTRIBUTE_COLUMNS = ", ".join(f'"{name}"' for name in ATTRIBUTES)
_SET_ATTRIBUTES = ", ".join(f'"{name}" = ?' for name in ATTRIBUTES)


def _exists(db: Database, document_id: int) -> bool:
    return db.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone() is not None


def _need(db: Database, document_id: int) -> None:
    if not _exists(db, document_id):
        raise YanduError(f"No document with id {document_id}.")


def _write_attributes(db: Database, document_id: int, attributes: Attributes) -> None:
    db.execute(f"UPDATE documents SET {_SET_ATTRIBUTES} WHERE id = ?",
               [*(getattr(attributes, name) for name in ATTRIBUTES), document_id])


def attributes_of(db: Database, document_id: int) -> Attributes:
    """A document's attributes; YanduError when there is no such document."""
    row = db.execute(f"SELECT {_ATTRIBUTE_COLUMNS} FROM documents WHERE id = ?",
                     [document_id]).fetchone()
    if row is None:
        raise YanduError(f"No document with id {document_id}.")
    return Attributes(*row)


def catalogue(db: Database, *, collection: str | None = None) -> list[Entry]:
    """Every document of the study (or of one collection) in the order the library shows
    them: grouped by collection, the groups in the order of their first document."""
    infos = {d.id: d for d in library.list_documents(db)}
    rows = db.execute(
        f"SELECT id, position, {_ATTRIBUTE_COLUMNS}, (SELECT count(*) FROM annotations a "
        "WHERE a.document_id = documents.id) FROM documents ORDER BY position, id").fetchall()
    entries = [Entry(infos[r[0]], Attributes(*r[2:7]), r[1] or 0, r[7])
               for r in rows if r[0] in infos]
    entries = in_library_order(entries)
    if collection is not None:
        wanted = " ".join(collection.split()).casefold()
        entries = [e for e in entries if e.attributes.collection.casefold() == wanted]
    return entries


def in_library_order(entries: Iterable[Entry]) -> list[Entry]:
    """`entries` (in position order) grouped by collection, each group where its first
    document is; documents without a collection are a group of their own."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.attributes.collection, []).append(entry)
    return [entry for group in groups.values() for entry in group]


def collections(db: Database) -> list[str]:
    """The names of the study's collections, in the library's order."""
    return list(dict.fromkeys(e.attributes.collection for e in catalogue(db)
                              if e.attributes.collection))


def _positions(db: Database) -> dict[int, int]:
    return dict(db.execute("SELECT id, position FROM documents").fetchall())


def _set_positions(db: Database, positions: Mapping[int, int]) -> None:
    db.conn.executemany("UPDATE documents SET position = ? WHERE id = ?",
                        [(position, doc_id) for doc_id, position in positions.items()])


def _numbered(order: list[int]) -> dict[int, int]:
    return {doc_id: number for number, doc_id in enumerate(order, start=1)}


def moved(entries: list[Entry], document_id: int, step: int) -> list[int] | None:
    """The library's order (document ids) after moving a document one place up (`step`
    -1) or down (+1) within its collection; the first or last of a collection moves its
    whole collection past the next one instead. None when it cannot move that way."""
    groups: list[list[int]] = []
    names: list[str] = []
    for entry in entries:
        if not names or names[-1] != entry.attributes.collection:
            names.append(entry.attributes.collection)
            groups.append([])
        groups[-1].append(entry.id)
    for g, group in enumerate(groups):
        if document_id in group:
            i = group.index(document_id)
            if 0 <= i + step < len(group):
                group[i], group[i + step] = group[i + step], group[i]
            elif 0 <= g + step < len(groups):
                groups[g], groups[g + step] = groups[g + step], groups[g]
            else:
                return None
            return [doc_id for members in groups for doc_id in members]
    raise YanduError(f"No document with id {document_id}.")


# ---- simple edits ------------------------------------------------------------------------


def _title(db: Database, document_id: int) -> str:
    row = db.execute("SELECT title FROM documents WHERE id = ?", [document_id]).fetchone()
    if row is None:
        raise YanduError(f"No document with id {document_id}.")
    return row[0]


def _stale(what: str = "This document") -> StaleStep:
    return StaleStep(f"{what} was changed in another window or program meanwhile; "
                     "nothing was changed here.")


@dataclass
class RenameDocument:
    """Give a document another title."""

    document_id: int
    title: str
    text: str = "Rename document"
    before: str | None = None

    def __post_init__(self) -> None:
        self.title = " ".join(self.title.split())
        if not self.title:
            raise YanduError("A document's title cannot be empty.")

    def apply(self, db: Database) -> Changes:
        current = _title(db, self.document_id)
        if self.before is None:
            self.before = current
        elif current != self.before:
            raise _stale()
        return self._write(db, self.title)

    def revert(self, db: Database) -> Changes:
        if _title(db, self.document_id) != self.title:
            raise _stale()
        return self._write(db, self.before or "")

    def _write(self, db: Database, title: str) -> Changes:
        db.execute("UPDATE documents SET title = ? WHERE id = ?", [title, self.document_id])
        return Changes(documents=True)


@dataclass
class SetAttributes:
    """Change some of a document's attributes (date, event, source, language, collection)."""

    document_id: int
    values: Mapping[str, str]
    text: str = "Set document properties"
    before: Attributes | None = None
    after: Attributes | None = None

    def __post_init__(self) -> None:
        self.values = clean_attributes(self.values)

    @property
    def changes_anything(self) -> bool:
        """False when every value given is already the document's (known once applied)."""
        return self.before != self.after

    def apply(self, db: Database) -> Changes:
        current = attributes_of(db, self.document_id)
        if self.before is None:
            values = dict(self.values)
            if values.get("collection"):  # an existing collection however it is typed
                named = {c.casefold(): c for c in collections(db)}
                values["collection"] = named.get(values["collection"].casefold(),
                                                 values["collection"])
            self.before = current
            self.after = dataclasses.replace(current, **values)
        elif current != self.before:
            raise _stale()
        return self._write(db, self.after)

    def revert(self, db: Database) -> Changes:
        if attributes_of(db, self.document_id) != self.after:
            raise _stale()
        return self._write(db, self.before)

    def _write(self, db: Database, attributes: Attributes | None) -> Changes:
        assert attributes is not None
        _write_attributes(db, self.document_id, attributes)
        return Changes(documents=True)


@dataclass
class MoveDocument:
    """Move a document one place up (`step` -1) or down (+1) in the library's order."""

    document_id: int
    step: int
    text: str = "Move document"
    before: dict[int, int] | None = None
    after: dict[int, int] | None = None

    def apply(self, db: Database) -> Changes:
        current = _positions(db)
        if self.before is None:
            _need(db, self.document_id)
            order = moved(catalogue(db), self.document_id, self.step)
            if order is None:
                where = "first" if self.step < 0 else "last"
                raise YanduError(f"The document is already the {where} of the study.")
            self.before, self.after = current, _numbered(order)
        elif current != self.before:
            raise _stale("The order of the documents")
        _set_positions(db, self.after or {})
        return Changes(documents=True)

    def revert(self, db: Database) -> Changes:
        if _positions(db) != self.after:
            raise _stale("The order of the documents")
        _set_positions(db, self.before or {})
        return Changes(documents=True)


# ---- a document's rows, kept and put back ---------------------------------------------


@dataclass(frozen=True)
class _Table:
    """Rows of one table, their values in the order of `columns`. `rowid` is the index of
    the column that holds each row's rowid ('rowid' itself when it is no column of the
    table), None for a table without rowids."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    rowid: int | None = None

    def rowids(self) -> set:
        return set() if self.rowid is None else {row[self.rowid] for row in self.rows}

    def values(self, column: str) -> list:
        i = self.columns.index(column)
        return list(dict.fromkeys(row[i] for row in self.rows))


@dataclass(frozen=True)
class DocumentRows:
    """Every row a document owns, to put it back exactly as it was."""

    document_id: int
    tables: tuple[_Table, ...]  # parents before the rows that refer to them
    index: tuple[_Table, ...]  # its search index rows
    # Rows outside the document that would lose a reference to one of its rows (ON
    # DELETE SET NULL): (table, rowid, column, value) to set again.
    references: tuple[tuple[str, int, str, object], ...] = ()

    def count(self, table: str) -> int:
        """How many rows of `table` the document owns."""
        return next((len(t.rows) for t in self.tables if t.name == table), 0)


@dataclass(frozen=True)
class _Key:
    child: str
    column: str
    parent: str
    parent_column: str
    on_delete: str


# The search index rows of a document's notes: (index table, its key, the table that key
# is of). The turns' index is contentless (no row of it can be read back): its rows are
# dropped with `search_index.unindex_document` and made again from the turns on undo.
_INDEXES = (("annotation_index", "annotation_id", "annotations"),
            ("annotation_chars", "annotation_id", "annotations"))
_CHUNK = 500  # SQLite limits the number of bound parameters


def _tables(db: Database) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]


def _keys(db: Database) -> list[_Key]:
    keys = []
    for table in _tables(db):
        for row in db.execute(f"PRAGMA foreign_key_list({_ident(table)})"):
            keys.append(_Key(table, row[3], row[2], row[4] or "rowid", row[6].upper()))
    return keys


def _layout(db: Database, table: str) -> tuple[tuple[str, ...], int | None]:
    """The columns to read of a table's rows, and which of them is the rowid (see
    `_Table`): 'rowid' comes first unless an INTEGER PRIMARY KEY is the rowid."""
    info = db.execute(f"PRAGMA table_info({_ident(table)})").fetchall()
    columns = tuple(r[1] for r in info)
    keys = [r for r in info if r[5]]
    if len(keys) == 1 and keys[0][2].upper() == "INTEGER":
        return columns, columns.index(keys[0][1])
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    if "WITHOUT ROWID" in " ".join((sql or "").upper().split()):
        return columns, None
    return ("rowid", *columns), 0


def _select_in(db: Database, sql: str, values: list) -> list[tuple]:
    """Run `sql`, whose {marks} takes the values, in chunks SQLite accepts."""
    rows: list[tuple] = []
    for i in range(0, len(values), _CHUNK):
        chunk = values[i : i + _CHUNK]
        rows += db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk).fetchall()
    return rows


# The SQL below names tables and columns read from the study's own schema (sqlite_master,
# PRAGMA foreign_key_list and table_info), each quoted by `_ident`; values are always bound.


def _ident(name: str) -> str:
    """A table's or column's name, quoted for SQL ("rowid" still names the rowid)."""
    return '"' + name.replace('"', '""') + '"'


def _select_sql(table: str, columns: Iterable[str], column: str) -> str:
    """SELECT `columns` of the rows of `table` whose `column` is one of {marks}."""
    return (f"SELECT {', '.join(_ident(c) for c in columns)} FROM {_ident(table)} "
            f"WHERE {_ident(column)} IN ({{marks}})")


def _delete_sql(table: str, column: str) -> str:
    """DELETE the rows of `table` whose `column` is one of {marks}."""
    return f"DELETE FROM {_ident(table)} WHERE {_ident(column)} IN ({{marks}})"


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return (f"INSERT INTO {_ident(table)} ({', '.join(_ident(c) for c in columns)}) "
            f"VALUES ({','.join('?' * len(columns))})")


def _update_sql(table: str, column: str) -> str:
    return f"UPDATE {_ident(table)} SET {_ident(column)} = ? WHERE rowid = ?"


def capture(db: Database, document_id: int) -> DocumentRows:
    """Read every row the document owns: its own, the rows that refer to it with ON
    DELETE CASCADE and so on down (speakers, turns, annotations, their tags, marks), and
    the search rows of its turns and notes."""
    keys = _keys(db)
    found: dict[str, _Table] = {}

    def add(table: str, column: str, values: list) -> bool:
        columns, rowid = _layout(db, table)
        rows = _select_in(db, _select_sql(table, columns, column), values)
        known = set(found[table].rows) if table in found else set()
        new = [r for r in rows if r not in known]
        if not new:
            return False
        everything = sorted((*known, *new),
                            key=repr if rowid is None else (lambda r: r[rowid]))
        found[table] = _Table(table, columns, tuple(everything), rowid)
        return True

    if not add("documents", "id", [document_id]):
        raise YanduError(f"No document with id {document_id}.")
    queue = ["documents"]
    while queue:
        parent = queue.pop(0)
        for key in keys:
            if (key.parent == parent and key.on_delete == "CASCADE" and key.child != parent
                    and add(key.child, key.column, found[parent].values(key.parent_column))
                    and key.child not in queue):
                queue.append(key.child)

    references = []
    for key in keys:
        if key.parent not in found or key.on_delete != "SET NULL":
            continue
        own = found[key.child].rowids() if key.child in found else set()
        for rowid, value in _select_in(
                db, _select_sql(key.child, ("rowid", key.column), key.column),
                found[key.parent].values(key.parent_column)):
            if rowid not in own:
                references.append((key.child, rowid, key.column, value))

    index = []
    present = set(_tables(db))
    for name, key, owner in _INDEXES:
        if name in present and owner in found:
            columns = _layout(db, name)[0]  # its rowid first
            rows = _select_in(db, _select_sql(name, columns, key), found[owner].values("id"))
            index.append(_Table(name, columns, tuple(sorted(rows)), 0))
    return DocumentRows(document_id, _parents_first(found, keys), tuple(index),
                        tuple(references))


def _parents_first(found: dict[str, _Table], keys: list[_Key]) -> tuple[_Table, ...]:
    """The tables in an order that inserts every row after the rows it refers to."""
    waiting = {name: {k.parent for k in keys if k.child == name and k.parent in found
                      and k.parent != name} for name in found}
    order: list[str] = []
    while waiting:
        ready = sorted(name for name, parents in waiting.items() if not parents - set(order))
        if not ready:  # a cycle: keep the rest as found (foreign keys are checked at the end)
            ready = sorted(waiting)
        for name in ready:
            order.append(name)
            del waiting[name]
    return tuple(found[name] for name in order)


def remove(db: Database, rows: DocumentRows) -> None:
    """Delete the document whose rows these are, with everything it owns."""
    from desktop.core import search_index  # the segmenter: `yandu list` does without it

    search_index.unindex_document(db, rows.document_id)
    for table in rows.index:
        if table.rows:
            _select_in(db, _delete_sql(table.name, "rowid"), [r[0] for r in table.rows])
    db.execute("DELETE FROM documents WHERE id = ?", [rows.document_id])


def restore(db: Database, rows: DocumentRows) -> None:
    """Put a removed document back: every row with its ids, then its search rows.
    StaleStep when something of it is there again (another import took its ids)."""
    if _exists(db, rows.document_id):
        raise _taken()
    try:
        for table in (*rows.tables, *rows.index):
            if table.rows:
                db.conn.executemany(_insert_sql(table.name, table.columns), table.rows)
        for name, rowid, column, value in rows.references:
            db.execute(_update_sql(name, column), [value, rowid])
        from desktop.core import search_index

        search_index.index_turns(db, db.execute(
            "SELECT id, text FROM turns WHERE document_id = ?", [rows.document_id]).fetchall())
    except sqlite3.IntegrityError as exc:
        raise _taken() from exc


def _taken() -> StaleStep:
    return StaleStep("The document cannot be put back: what it held was taken meanwhile "
                     "(by an import since?); nothing was changed.")


def write_backup(db: Database, reason: str) -> Path | None:
    """A copy of the study file beside it, named as a schema upgrade names its copy
    (`study.sqlite.before-<reason>-<time>.bak`), of the study as last saved; None for
    a study that is not a file. YanduError when it cannot be written."""
    from db.connection import _backup_before_migrating, study_path_of

    path = study_path_of(db)
    if path is None:
        return None
    try:
        return _backup_before_migrating(Path(path), [reason])
    except (sqlite3.Error, OSError) as exc:
        raise YanduError(f"Cannot write a backup of {path}, so nothing was deleted: "
                         f"{exc}.") from exc


@dataclass
class DeleteDocument:
    """Delete a document with its speakers, sections, turns, annotations and search rows;
    undo puts all of it back with the same ids.

    With `backup`, a document that has annotations is first copied to disk with the whole
    study (`backup_path`); undo is kept only while the window is open, the copy stays.
    """

    document_id: int
    backup: bool = True
    text: str = "Delete document"
    backup_path: Path | None = None
    rows: DocumentRows | None = None

    def apply(self, db: Database) -> Changes:
        rows = capture(db, self.document_id)
        if self.backup and self.backup_path is None and rows.count("annotations"):
            self.backup_path = write_backup(db, f"delete-document-{self.document_id}")
        remove(db, rows)
        self.rows = rows
        return Changes(documents=True)

    def revert(self, db: Database) -> Changes:
        assert self.rows is not None
        restore(db, self.rows)
        return Changes(documents=True, speakers=True, annotations=True,
                       document_ids=frozenset({self.document_id}))


def annotation_count(db: Database, document_id: int) -> int:
    """How many annotations a document has."""
    return db.execute("SELECT count(*) FROM annotations WHERE document_id = ?",
                      [document_id]).fetchone()[0]


# ---- re-import -------------------------------------------------------------------------


def find_quote(text: str, quote: str, near: int) -> tuple[int, int] | None:
    """Where `quote` is in `text`, the occurrence nearest to offset `near`: exact matches
    first; when there is none, one that differs only in whitespace (a line broken
    elsewhere, spaces added or dropped). None when it is not in the text at all."""
    best: tuple[int, int] | None = None

    def consider(start: int, end: int) -> None:
        nonlocal best
        if best is None or abs(start - near) < abs(best[0] - near):
            best = (start, end)

    if not quote:
        return None
    i = text.find(quote)
    while i != -1:
        consider(i, i + len(quote))
        i = text.find(quote, i + 1)
    if best is not None:
        return best
    bare = "".join(quote.split())
    if not bare:
        return None
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    squeezed = "".join(text[i] for i in kept)
    j = squeezed.find(bare)
    while j != -1:
        consider(kept[j], kept[j + len(bare) - 1] + 1)
        j = squeezed.find(bare, j + 1)
    return best


def carry_over(annotations: list[Annotation], old_text: str, new_text: str
               ) -> tuple[list[tuple[Annotation, int, int]], list[Annotation]]:
    """Where each annotation of the old text goes in the new one: (annotation, start,
    end) for those whose quote is found (nearest to the same relative place), and the
    annotations whose quote is not found."""
    carried, left = [], []
    scale = len(new_text) / max(len(old_text), 1)
    for annotation in annotations:
        place = find_quote(new_text, annotation.quote, round(annotation.start * scale))
        if place is None:
            left.append(annotation)
        else:
            carried.append((annotation, *place))
    return carried, left


@dataclass
class ReimportDocument:
    """Import a changed file as a new version of a document, in one step.

    The new version takes the document's title, attributes and collection and the place
    right after it; each annotation is carried over where its quote is found in the new
    text (`carried`: old and new annotation), the others are listed in `left`. The old
    version stays, its title marked with `old_mark`, unless `replace`: then it is deleted
    (after a backup, when it has annotations), the new version takes its place, and the
    carried annotations keep their ids. File bytes identical to a document already in the
    study are refused. Undo removes the new version and puts the old one back as it was.
    """

    document_id: int
    data: bytes
    name: str
    replace: bool = False
    parsed: ParsedTranscript | None = None
    old_mark: str = OLD_MARK
    backup: bool = True
    text: str = "Re-import document"
    result: ImportResult | None = None
    carried: list[tuple[Annotation, Annotation]] = field(default_factory=list)
    left: list[Annotation] = field(default_factory=list)
    backup_path: Path | None = None
    _title: str = ""
    _old_rows: DocumentRows | None = None
    _new_rows: DocumentRows | None = None
    _positions: tuple[dict[int, int], dict[int, int]] = ({}, {})

    @property
    def new_document_id(self) -> int | None:
        return self.result.document_id if self.result is not None else None

    @property
    def old_title(self) -> str:
        """The title the kept old version has now (its own when replaced)."""
        return self._title if self.replace else self.old_mark + self._title

    def apply(self, db: Database) -> Changes:
        if self._new_rows is None:
            self._first(db)
        else:
            self._again(db)
        return Changes(documents=True, speakers=True, annotations=True,
                       document_ids=frozenset({self.new_document_id}))

    def _first(self, db: Database) -> None:
        from desktop.core.importing import import_bytes, parse_bytes
        from desktop.core.importing.store import find_duplicate, sha256_of

        self._title = _title(db, self.document_id)
        twin = find_duplicate(db, sha256_of(self.data))
        if twin is not None:
            raise YanduError(f"{Path(self.name).name} is the same file as document {twin} "
                             f"({_title(db, twin)}); nothing was imported.")
        attributes = attributes_of(db, self.document_id)
        old_text = library.document_text(db, self.document_id)
        old_annotations = annotation_rows.for_document(db, self.document_id)
        before = _positions(db)
        order = [e.id for e in catalogue(db)]
        parsed = self.parsed or parse_bytes(self.data, Path(self.name).name, title=self._title)
        parsed = dataclasses.replace(parsed, title=self._title)
        self.result = import_bytes(db, self.data, Path(self.name).name, parsed=parsed)
        new_id = self.result.document_id
        new_text = library.document_text(db, new_id)
        places, self.left = carry_over(old_annotations, old_text, new_text)
        if self.replace:
            rows = capture(db, self.document_id)
            if self.backup and rows.count("annotations"):
                self.backup_path = write_backup(db, f"replace-document-{self.document_id}")
            remove(db, rows)
            self._old_rows = rows
        else:
            db.execute("UPDATE documents SET title = ? WHERE id = ?",
                       [self.old_title, self.document_id])
        _write_attributes(db, new_id, attributes)
        self.carried = []
        from desktop.core import search_index

        for old, start, end in places:
            new = dataclasses.replace(
                old, id=old.id if self.replace else str(uuid.uuid4()), document_id=new_id,
                start=start, end=end, quote=new_text[start:end])
            annotation_rows.insert(db, new)
            search_index.index_annotation(db, new.id, new.note)
            self.carried.append((old, new))
        at = order.index(self.document_id)
        order[at : at + 1] = [new_id] if self.replace else [self.document_id, new_id]
        after = _numbered(order)
        _set_positions(db, after)
        self._positions = (before, after)
        self._new_rows = capture(db, new_id)

    def _again(self, db: Database) -> None:
        assert self._new_rows is not None
        if _exists(db, self._new_rows.document_id):
            raise _taken()
        if self.replace:
            rows = capture(db, self.document_id)
            remove(db, rows)
            self._old_rows = rows
        elif _title(db, self.document_id) != self._title:
            raise _stale()
        else:
            db.execute("UPDATE documents SET title = ? WHERE id = ?",
                       [self.old_title, self.document_id])
        restore(db, self._new_rows)
        _set_positions(db, self._positions[1])

    def revert(self, db: Database) -> Changes:
        assert self._new_rows is not None
        new_id = self._new_rows.document_id
        if not _exists(db, new_id):
            raise _stale("The new version")
        self._new_rows = capture(db, new_id)
        if self.replace:
            assert self._old_rows is not None
            remove(db, self._new_rows)
            restore(db, self._old_rows)
        else:
            if _title(db, self.document_id) != self.old_title:
                raise _stale()
            remove(db, self._new_rows)
            db.execute("UPDATE documents SET title = ? WHERE id = ?",
                       [self._title, self.document_id])
        before = self._positions[0]
        _set_positions(db, {doc_id: p for doc_id, p in before.items() if doc_id != new_id})
        return Changes(documents=True, speakers=True, annotations=True,
                       document_ids=frozenset({self.document_id}))
