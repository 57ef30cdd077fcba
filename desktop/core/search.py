"""Chinese-aware full-text search over turns and annotation notes.

A hit is any turn (its speech or its headline) or annotation note whose folded text
contains the query: every group of terms (a bare word or a quoted phrase; `a OR b` is one
group) and none of the excluded ones. Folding (NFKC, simplified Chinese, case) makes
ＧＰＴ４ find GPT4 and 議員 find 议员. Chinese is matched character for character, never
across punctuation; spaces in a query only mark words ("算力 荒" finds 算力荒); Latin
words match whole (gpt4 does not find gpt4o).

Order, two kinds (`order=`):
- "text" (the default): reading order — documents in the order they were added, then by
  place in the document (a note at the start of its passage, after a turn that starts at
  the same place), as a concordance lists its lines and as Next result (F3) steps through
  the text. Turn ids are given in reading order at import, so the gram index is read in
  rowid order and FTS5 stops after `limit` hits, whatever the size of the study.
- "relevance": best matches first, by FTS5's bm25 over the gram index (turns and notes
  together), then reading order among equals. Ranking reads every posting of the query's
  grams, so its cost grows with how often they occur; the window uses it for a search of
  the whole study, where the order of documents says nothing.
`SearchHit.score` is the hit's place in the order (0 for the first); `whole_word` says
whether every term is a whole word as jieba cuts it (参数 in 模型参数量 is not).

Highlights, the excerpt and the whole-word flag of a hit are worked out when first asked
for (`matches`, `snippet`, `snippet_matches`, `whole_word`), so a page of results costs
only what is shown. Offsets are found on the folded text and mapped back through the fold
map, so they land on the right characters even when folding changed lengths (㍿ ->
株式会社) or the text has astral characters.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.core import fts_query, kwic, search_index, search_matches, textnorm
from desktop.core.fts_query import Query
from desktop.core.library import index_at, turn_number

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)

KINDS = ("turn", "annotation")
ORDERS = ("text", "relevance")

_Span = tuple[int, int]


class _Text:
    """The text a hit was found in, to work out its highlights and excerpt on demand.

    A turn's speech is kept as the UTF-8 bytes SQLite holds and decoded when first asked
    for: on a page of common-word hits, decoding the long turns they sit in cost more
    than finding them.
    """

    __slots__ = ("query", "_raw", "_text", "text_start", "headline", "headline_start")

    def __init__(self, query: Query, text: str | bytes, text_start: int = 0,
                 headline: str = "", headline_start: int = 0) -> None:
        self.query = query
        self._raw = text if isinstance(text, bytes) else None
        self._text = text if isinstance(text, str) else None
        self.text_start = text_start  # where the text starts in documents.text (0: a note)
        self.headline = headline
        self.headline_start = headline_start

    @property
    def text(self) -> str:
        """The speech, or the note."""
        if self._text is None:
            self._text = self._raw.decode("utf-8", "replace")
            self._raw = None
        return self._text


@dataclass(frozen=True)
class SearchHit:
    """One search result: a turn or an annotation note, where it matched, and an excerpt."""

    kind: str  # "turn" | "annotation"
    document_id: int
    document_title: str
    turn_id: int | None
    annotation_id: str | None
    speaker: str | None
    score: float  # the hit's place in the results: 0 for the first, lower is earlier
    source: _Text | None = field(default=None, repr=False, compare=False)
    # The turn's number in its document as the window shows it (`turn_id` is a database
    # id, running on across documents); None for a note.
    turn_number: int | None = None

    @classmethod
    def _make(cls, **fields: object) -> SearchHit:
        """A hit from all its field values, without the frozen dataclass's `__init__`,
        which sets each field through `object.__setattr__`: on a page of 100 hits that
        cost more than finding them."""
        hit = object.__new__(cls)
        hit.__dict__.update(fields)
        return hit

    @functools.cached_property
    def _found(self) -> tuple[tuple[_Span, ...], tuple[_Span, ...]]:
        """The matches in the speech (or note) and in the headline, local offsets."""
        if self.source is None:
            return (), ()
        src = self.source
        terms = src.query.positive_terms()
        local = search_matches.find_matches(src.text, terms)
        in_headline = search_matches.find_matches(src.headline, terms) if src.headline else ()
        return local, in_headline

    @functools.cached_property
    def whole_word(self) -> bool:
        """Whether every term is a whole word as jieba cuts the text (the word index
        matches the hit), not only part of one (参数 in 模型参数量)."""
        if self.source is None:
            return False
        src = self.source
        # The words the index holds for this text, cut afresh: the same words, since the
        # index is re-cut whenever the segmenter's dictionary changes.
        return src.query.words_match(search_index.words_of(src.headline, src.text))

    @property
    def speech_start(self) -> int | None:
        """Where the turn's speech starts in documents.text (None for a note)."""
        return self.source.text_start if self.kind == "turn" and self.source else None

    @functools.cached_property
    def matches(self) -> tuple[_Span, ...]:
        """(start, end) code points into documents.text (turns) or into the note (annotations)."""
        local, in_headline = self._found
        if self.source is None or self.kind != "turn":
            return local
        src = self.source
        return tuple(sorted([(s + src.headline_start, e + src.headline_start)
                             for s, e in in_headline]
                            + [(s + src.text_start, e + src.text_start) for s, e in local]))

    @functools.cached_property
    def _excerpt(self) -> tuple[str, tuple[_Span, ...]]:
        if self.source is None:
            return "", ()
        local, in_headline = self._found
        # The excerpt comes from the speech, or from the headline when only it matched.
        if in_headline and not local:
            return kwic.snippet(self.source.headline, in_headline)
        return kwic.snippet(self.source.text, local)

    @property
    def snippet(self) -> str:
        """A one-line excerpt around the first match (see `kwic.snippet`)."""
        return self._excerpt[0]

    @property
    def snippet_matches(self) -> tuple[_Span, ...]:
        """(start, end) code points of the matches inside `snippet`."""
        return self._excerpt[1]

    def as_dict(self) -> dict:
        """The hit as plain JSON-ready values."""
        return {
            "kind": self.kind,
            "document_id": self.document_id,
            "document_title": self.document_title,
            "turn_id": self.turn_id,
            "annotation_id": self.annotation_id,
            "speaker": self.speaker,
            "score": self.score,
            "matches": [list(m) for m in self.matches],
            "snippet": self.snippet,
            "snippet_matches": [list(m) for m in self.snippet_matches],
            "whole_word": self.whole_word,
            "turn_number": self.turn_number,
        }


@dataclass(frozen=True)
class _Source:
    """The gram table of one kind of hit (the word tables are not read by a search)."""

    chars: str
    key: str  # the column holding the row key


_TURNS = _Source("turn_chars", "rowid")
_NOTES = _Source("annotation_chars", "annotation_id")


# A hit before it is numbered, behind its sort key: (bm25 for "relevance", else 0;
# document id, offset where the turn or the noted passage starts, 0 for a turn and 1 for
# a note): the order of results.
_Found = tuple[tuple[float, int, int, int], SearchHit]


def search(
    db: Database,
    query: str,
    *,
    document_id: int | None = None,
    speaker: str | None = None,
    kinds: Iterable[str] = KINDS,
    limit: int = 100,
    order: str = "text",
) -> list[SearchHit]:
    """The first `limit` hits for `query` in `order` ("text": reading order, "relevance":
    best first); never raises for any query text."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}, not {order!r}")
    parsed = fts_query.parse(query or "")
    if parsed is None or limit <= 0:
        return []
    ranked = order == "relevance"
    search_index.ensure_current(db)
    filters = Filters.build(db, document_id, speaker)
    if filters is None:
        return []
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    found: list[_Found] = []
    if "turn" in kinds:
        found += _turn_hits(db, parsed, _turn_candidates(db, parsed, filters, limit, ranked))
    if "annotation" in kinds and has_notes(db):
        found += _annotation_hits(db, parsed,
                                  _note_candidates(db, parsed, filters, limit, ranked))
    found.sort(key=lambda f: f[0])
    hits = [hit for _, hit in found[:limit]]
    for rank, hit in enumerate(hits):
        hit.__dict__["score"] = float(rank)  # numbered before anyone else sees the hit
    return hits


@dataclass(frozen=True)
class Filters:
    """Where a search looks: one document and some of its speakers, or everywhere."""

    document_id: int | None
    speaker_ids: tuple[int, ...] | None
    # Turn ids of the document's first and last turns: every turn of it lies between.
    turn_range: tuple[int, int] | None = None
    # Turn ids reserved by imports still running: their index rows are written, their
    # turns not yet (see `search_index.begin_staging`), so they are no hits yet.
    staged: tuple[tuple[int, int], ...] = ()

    @classmethod
    def build(cls, db: Database, document_id: int | None, speaker: str | None) -> Filters | None:
        """The filters, or None when they can match nothing (no such speaker or document)."""
        speaker_ids = None
        if speaker is not None:
            wanted = textnorm.fold(fts_query.clean(speaker)).strip()
            sql = "SELECT id, name FROM speakers"
            params: list = []
            if document_id is not None:
                sql += " WHERE document_id = ?"
                params.append(document_id)
            speaker_ids = tuple(
                sid for sid, name in db.execute(sql, params) if textnorm.fold(name) == wanted
            )
            if not speaker_ids:
                return None
        turn_range = None
        if document_id is not None:
            # Turn ids follow the turns' order (they are stored in order at import, and a
            # turn keeps its id through edits), so the first turn has the least; a turn
            # split off later has a newer id than the last turn's, so the greatest is
            # looked up (the document's part of the position index, read once).
            row = db.execute(
                "SELECT (SELECT id FROM turns WHERE document_id = ? ORDER BY position "
                "LIMIT 1), (SELECT max(id) FROM turns WHERE document_id = ?)",
                [document_id, document_id]).fetchone()
            if row[0] is not None and row[1] is not None:
                turn_range = (min(row), max(row))
        return cls(document_id, speaker_ids, turn_range, _staged(db))

    def sql(self, kind: str) -> tuple[str, list]:
        """Extra WHERE conditions (each starting with AND) on the FTS row key, and params."""
        where: list[str] = []
        params: list = []
        # The unary + keeps SQLite from feeding each id into the FTS5 table as a lookup
        # (one full-text query per id: seconds instead of milliseconds).
        key = "+rowid" if kind == "turn" else "+annotation_id"
        if kind == "turn":
            for first, last in self.staged:
                where.append(f"{key} NOT BETWEEN ? AND ?")
                params += [first, last]
        if self.document_id is not None:
            table = "turns" if kind == "turn" else "annotations"
            where.append(f"{key} IN (SELECT id FROM {table} WHERE document_id = ?)")
            params.append(self.document_id)
        if self.speaker_ids is not None:
            marks = ",".join("?" * len(self.speaker_ids))
            if kind == "turn":
                where.append(f"{key} IN (SELECT id FROM turns WHERE speaker_id IN ({marks}))")
            else:
                # A note belongs to the speaker of the turn where its passage starts.
                where.append(
                    f"{key} IN (SELECT a.id FROM annotations a JOIN turns t "
                    'ON t.document_id = a.document_id AND t.start <= a.start AND a.start < t."end" '
                    f"WHERE t.speaker_id IN ({marks}))"
                )
            params += self.speaker_ids
        return "".join(f" AND {w}" for w in where), params

    def turn_sql(self) -> tuple[str, list]:
        """Conditions on the gram index's rowid (a turn id) that still let FTS5 stop after
        the first rows in order.

        Checked row by row (a primary-key lookup each) rather than as an IN list, which
        SQLite would build in full before the first row; the document's id range lets
        FTS5 skip the other documents' postings.
        """
        where: list[str] = []
        params: list = []
        checks: list[str] = []
        if self.turn_range is not None:
            where.append("rowid BETWEEN ? AND ?")
            params += self.turn_range
        for first, last in self.staged:
            where.append("rowid NOT BETWEEN ? AND ?")
            params += [first, last]
        if self.document_id is not None:
            checks.append("t.document_id = ?")
            params.append(self.document_id)
        if self.speaker_ids is not None:
            checks.append(f"t.speaker_id IN ({','.join('?' * len(self.speaker_ids))})")
            params += self.speaker_ids
        if checks:
            where.append("EXISTS (SELECT 1 FROM turns t WHERE t.id = turn_chars.rowid AND "
                         + " AND ".join(checks) + ")")
        return "".join(f" AND {w}" for w in where), params


def _staged(db: Database) -> tuple[tuple[int, int], ...]:
    """The turn id ranges imports still running have reserved (usually none)."""
    try:
        return tuple(db.execute("SELECT first_turn, last_turn FROM import_runs "
                                "WHERE last_turn >= first_turn").fetchall())
    except sqlite3.OperationalError:
        return ()  # a study from before schema step 0012, read-only


def run_query(db: Database, sql: str, params: Sequence) -> list[tuple]:
    """The rows of a search statement built here, or none if SQLite refuses it."""
    try:
        return db.execute(sql, list(params)).fetchall()
    except sqlite3.OperationalError as exc:
        # The expressions are built from quoted tokens only, so this is not expected; a
        # query must still never break the caller.
        log.warning("search query failed: %s", exc)
        return []


def has_notes(db: Database) -> bool:
    """Whether the study has any annotation (most have none while being read first)."""
    return db.execute("SELECT 1 FROM annotations LIMIT 1").fetchone() is not None


def _turn_candidates(db: Database, query: Query, filters: Filters, limit: int,
                     ranked: bool) -> list[tuple[int, float]]:
    """The first `limit` turns holding the query, as (turn id, bm25 or 0), in reading
    order or, `ranked`, best first."""
    where, params = filters.turn_sql()
    source = _TURNS
    # Ranked, bm25 is worked out for every hit (about 1.5 µs each: its row's length is
    # looked up too) and SQLite keeps the best `limit`. FTS5's own `ORDER BY rank` sorts
    # in a statement of its own and took a third longer on 65,000 hits.
    score = f"bm25({source.chars})" if ranked else "0"
    sql = (f"SELECT rowid, {score} FROM {source.chars} WHERE {source.chars} MATCH ?{where} "
           f"ORDER BY {'2, 1' if ranked else 'rowid'} LIMIT ?")
    return run_query(db, sql, [query.chars_expr(), *params, limit])


def _note_candidates(db: Database, query: Query, filters: Filters, limit: int,
                     ranked: bool) -> list[tuple[str, float]]:
    """The first `limit` notes holding the query, as (annotation id, bm25 or 0), in
    reading order or, `ranked`, best first."""
    where, params = filters.sql("annotation")
    source = _NOTES
    score = f"bm25({source.chars})" if ranked else "0"
    sql = (
        f"SELECT {source.chars}.{source.key}, {score} FROM {source.chars} "
        f"JOIN annotations a ON a.id = {source.chars}.{source.key} "
        f"WHERE {source.chars} MATCH ?{where} "
        f"ORDER BY {'2, ' if ranked else ''}a.document_id, a.start, a.id LIMIT ?"
    )
    return run_query(db, sql, [query.chars_expr(), *params, limit])


def _is_utf8(db: Database) -> bool:
    """Whether the study stores text as UTF-8 (SQLite's default; set when it is created)."""
    return db.execute("PRAGMA encoding").fetchone()[0] == "UTF-8"


def _rows_by_id(db: Database, sql: str, ids: list) -> dict:
    """Rows keyed by their first column, `{marks}` in `sql` filled chunk by chunk."""
    rows: dict = {}
    for i in range(0, len(ids), 500):  # SQLite limits the number of bound parameters
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows.update((row[0], row) for row in db.execute(sql.format(marks=marks), chunk))
    return rows


def _turn_hits(db: Database, query: Query, found: list[tuple[int, float]]) -> list[_Found]:
    if not found:
        return []
    scores = dict(found)
    by_id = _rows_by_id(
        db,
        "SELECT t.id, t.document_id, d.title, s.name, t.start, t.position, "
        # Bytes, decoded only if the hit's highlights are asked for (see `_Text`); a
        # study is UTF-8 unless made elsewhere, and then the text comes as text.
        + ("CAST(t.text AS BLOB)" if _is_utf8(db) else "t.text") + ", t.text_start, "
        "t.headline, t.headline_start FROM turns t JOIN documents d ON d.id = t.document_id "
        "LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.id IN ({marks})",
        list(scores),
    )
    hits = []
    for key, score in found:
        row = by_id.get(key)
        if row is None:  # an index row without its turn: skip rather than fail
            continue
        (turn_id, doc_id, title, speaker, start, position, text, text_start, headline,
         headline_start) = row
        hit = SearchHit._make(
            kind="turn", document_id=doc_id, document_title=title, turn_id=turn_id,
            annotation_id=None, speaker=speaker, score=0.0,
            source=_Text(query, text, text_start, headline, headline_start),
            turn_number=turn_number(position))
        hits.append(((score, doc_id, start, 0), hit))
    return hits


def _annotation_hits(db: Database, query: Query,
                     found: list[tuple[str, float]]) -> list[_Found]:
    if not found:
        return []
    scores = dict(found)
    by_id = _rows_by_id(
        db,
        "SELECT a.id, a.document_id, d.title, a.start, a.note FROM annotations a "
        "JOIN documents d ON d.id = a.document_id WHERE a.id IN ({marks})",
        list(scores),
    )
    speakers = _speakers_at(db, {(row[1], row[3]) for row in by_id.values()})
    hits = []
    for key, score in found:
        row = by_id.get(key)
        if row is None:
            continue
        ann_id, doc_id, title, start, note = row
        hit = SearchHit._make(
            kind="annotation", document_id=doc_id, document_title=title, turn_id=None,
            annotation_id=ann_id, speaker=speakers.get((doc_id, start)), score=0.0,
            source=_Text(query, note), turn_number=None)
        hits.append(((score, doc_id, start, 1), hit))
    return hits


def _speakers_at(db: Database, places: set[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """The speaker of the turn at each (document id, offset)."""
    result: dict[tuple[int, int], str] = {}
    for doc_id in {d for d, _ in places}:
        rows = db.execute(
            'SELECT t.start, t."end", s.name FROM turns t '
            "LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? "
            "ORDER BY t.start",
            [doc_id],
        ).fetchall()
        starts = [r[0] for r in rows]
        for d, offset in places:
            if d != doc_id:
                continue
            i = index_at(starts, offset)
            if i >= 0 and offset < rows[i][1] and rows[i][2] is not None:
                result[(d, offset)] = rows[i][2]
    return result
