"""Chinese-aware full-text search over turns and annotation notes.

A hit is any turn (its speech or its headline) or annotation note whose folded text
contains the query: every group of terms (a bare word or a quoted phrase; `a OR b` is one
group) and none of the excluded ones. Folding (NFKC, simplified Chinese, case) makes
ＧＰＴ４ find GPT4 and 議員 find 议员. Chinese is matched character for character, never
across punctuation; spaces in a query only mark words ("算力 荒" finds 算力荒); Latin
words match whole (gpt4 does not find gpt4o).

Ranking: hits where every term is a whole word as jieba cuts it come first, then those
where a term is only part of a word (参数 in 模型参数量); each group is ordered by FTS5's
bm25 over the gram index (see `search_index`). `SearchHit.score` is that bm25 value as
FTS5 gives it (negative, lower is better) for whole-word hits, and 1 / (1 - bm25)
(between 0 and 1) for the others, so that sorting by score gives the order of results.

Only the returned page is read back and highlighted; match offsets are found on the
folded text and mapped back through the fold map, so they land on the right characters
even when folding changed lengths (㍿ -> 株式会社) or the text has astral characters.
"""

from __future__ import annotations

import bisect
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from desktop.core import fts_query, kwic, search_index, search_matches, textnorm
from desktop.core.fts_query import Query

log = logging.getLogger(__name__)

KINDS = ("turn", "annotation")


@dataclass(frozen=True)
class SearchHit:
    """One search result: a turn or an annotation note, where it matched, and an excerpt."""

    kind: str  # "turn" | "annotation"
    document_id: int
    document_title: str
    turn_id: int | None
    annotation_id: str | None
    speaker: str | None
    score: float  # lower is better: bm25 for whole-word hits, 0 < score <= 1 after them
    # (start, end) code points into documents.text (turns) or into the note (annotations)
    matches: tuple[tuple[int, int], ...]
    snippet: str
    snippet_matches: tuple[tuple[int, int], ...]
    whole_word: bool = True  # every term matched as a whole jieba word

    def as_dict(self) -> dict:
        """The hit as plain JSON-ready values."""
        data = asdict(self)
        data["matches"] = [list(m) for m in self.matches]
        data["snippet_matches"] = [list(m) for m in self.snippet_matches]
        return data


@dataclass(frozen=True)
class _Candidate:
    key: int | str  # turn id or annotation id
    whole_word: bool
    bm25: float

    @property
    def score(self) -> float:
        return self.bm25 if self.whole_word else 1.0 / (1.0 - self.bm25)


@dataclass(frozen=True)
class _Source:
    """The FTS tables of one kind of hit and how they point at their rows."""

    words: str
    chars: str
    key: str  # the column holding the row key in both tables


_TURNS = _Source("turn_index", "turn_chars", "rowid")
_NOTES = _Source("annotation_index", "annotation_chars", "annotation_id")


def search(
    db: Database,
    query: str,
    *,
    document_id: int | None = None,
    speaker: str | None = None,
    kinds: Iterable[str] = KINDS,
    limit: int = 100,
) -> list[SearchHit]:
    """The best `limit` hits for `query`, best first; never raises for any query text."""
    parsed = fts_query.parse(query or "")
    if parsed is None or limit <= 0:
        return []
    search_index.ensure_current(db)
    filters = _Filters.build(db, document_id, speaker)
    if filters is None:
        return []
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    found: list[tuple[str, _Candidate]] = []
    for kind, source in (("turn", _TURNS), ("annotation", _NOTES)):
        if kind in kinds:
            found += [
                (kind, c) for c in _candidates(db, source, parsed, filters.sql(kind), limit)
            ]
    found.sort(key=lambda item: item[1].score)
    found = found[:limit]
    turns = _turn_hits(db, parsed, [c for kind, c in found if kind == "turn"])
    notes = _annotation_hits(db, parsed, [c for kind, c in found if kind == "annotation"])
    by_key = {("turn", h.turn_id): h for h in turns}
    by_key.update({("annotation", h.annotation_id): h for h in notes})
    return [by_key[(kind, c.key)] for kind, c in found if (kind, c.key) in by_key]


def count(
    db: Database,
    query: str,
    *,
    document_id: int | None = None,
    speaker: str | None = None,
    kinds: Iterable[str] = KINDS,
) -> int:
    """How many turns and notes `search` would find with no limit."""
    parsed = fts_query.parse(query or "")
    if parsed is None:
        return 0
    search_index.ensure_current(db)
    filters = _Filters.build(db, document_id, speaker)
    if filters is None:
        return 0
    total = 0
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    for kind, source in (("turn", _TURNS), ("annotation", _NOTES)):
        if kind not in kinds:
            continue
        where, params = filters.sql(kind)
        sql = (
            f"SELECT count(*) FROM {source.chars} WHERE {source.chars} MATCH ?{where}"
        )
        rows = _run(db, sql, [parsed.chars_expr(), *params])
        total += rows[0][0] if rows else 0
    return total


@dataclass(frozen=True)
class _Filters:
    document_id: int | None
    speaker_ids: tuple[int, ...] | None

    @classmethod
    def build(cls, db: Database, document_id: int | None, speaker: str | None) -> _Filters | None:
        """The filters, or None when they can match nothing (no such speaker)."""
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
        return cls(document_id, speaker_ids)

    def sql(self, kind: str) -> tuple[str, list]:
        """Extra WHERE conditions (each starting with AND) on the FTS row key, and params."""
        where: list[str] = []
        params: list = []
        # The unary + keeps SQLite from feeding each id into the FTS5 table as a lookup
        # (one full-text query per id: seconds instead of milliseconds).
        key = "+rowid" if kind == "turn" else "+annotation_id"
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


def _run(db: Database, sql: str, params: Sequence) -> list[tuple]:
    try:
        return db.execute(sql, list(params)).fetchall()
    except sqlite3.OperationalError as exc:
        # The expressions are built from quoted tokens only, so this is not expected; a
        # query must still never break the caller.
        log.warning("search query failed: %s", exc)
        return []


def _candidates(
    db: Database, source: _Source, query: Query, filters: tuple[str, list], limit: int
) -> list[_Candidate]:
    """The best `limit` rows: whole-word hits first, each group by bm25 over grams."""
    where, params = filters
    words_expr = query.words_expr()
    whole = "0"
    whole_params: list[str] = []
    if words_expr is not None:
        # Evaluated once into a temporary index, then a lookup per gram hit.
        whole = (f"+{source.key} IN "
                 f"(SELECT {source.key} FROM {source.words} WHERE {source.words} MATCH ?)")
        whole_params = [words_expr]
    sql = (
        f"SELECT {source.key}, bm25({source.chars}) AS score, {whole} AS whole "
        f"FROM {source.chars} WHERE {source.chars} MATCH ?{where} "
        "ORDER BY whole DESC, score LIMIT ?"
    )
    rows = _run(db, sql, [*whole_params, query.chars_expr(), *params, limit])
    return [_Candidate(key, bool(whole_hit), score) for key, score, whole_hit in rows]


def _rows_by_id(db: Database, sql: str, ids: list) -> dict:
    """Rows keyed by their first column, `{marks}` in `sql` filled chunk by chunk."""
    rows: dict = {}
    for i in range(0, len(ids), 500):  # SQLite limits the number of bound parameters
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows.update((row[0], row) for row in db.execute(sql.format(marks=marks), chunk))
    return rows


def _turn_hits(db: Database, query: Query, found: list[_Candidate]) -> list[SearchHit]:
    if not found:
        return []
    by_id = _rows_by_id(
        db,
        "SELECT t.id, t.document_id, d.title, s.name, t.text, t.text_start, t.headline, "
        "t.headline_start FROM turns t JOIN documents d ON d.id = t.document_id "
        "LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.id IN ({marks})",
        [c.key for c in found],
    )
    terms = query.positive_terms()
    hits = []
    for c in found:
        row = by_id.get(c.key)
        if row is None:  # an index row without its turn: skip rather than fail
            continue
        turn_id, doc_id, title, speaker, text, text_start, headline, headline_start = row
        local = search_matches.find_matches(text, terms)
        in_headline = search_matches.find_matches(headline, terms) if headline else ()
        # The excerpt comes from the speech, or from the headline when only it matched.
        excerpt, excerpt_matches = (
            kwic.snippet(headline, in_headline) if in_headline and not local
            else kwic.snippet(text, local)
        )
        matches = sorted([(s + headline_start, e + headline_start) for s, e in in_headline]
                         + [(s + text_start, e + text_start) for s, e in local])
        hits.append(
            SearchHit(
                kind="turn",
                document_id=doc_id,
                document_title=title,
                turn_id=turn_id,
                annotation_id=None,
                speaker=speaker,
                score=c.score,
                matches=tuple(matches),
                snippet=excerpt,
                snippet_matches=excerpt_matches,
                whole_word=c.whole_word,
            )
        )
    return hits


def _annotation_hits(db: Database, query: Query, found: list[_Candidate]) -> list[SearchHit]:
    if not found:
        return []
    by_id = _rows_by_id(
        db,
        "SELECT a.id, a.document_id, d.title, a.start, a.note FROM annotations a "
        "JOIN documents d ON d.id = a.document_id WHERE a.id IN ({marks})",
        [c.key for c in found],
    )
    speakers = _speakers_at(db, {(row[1], row[3]) for row in by_id.values()})
    terms = query.positive_terms()
    hits = []
    for c in found:
        row = by_id.get(c.key)
        if row is None:
            continue
        ann_id, doc_id, title, start, note = row
        local = search_matches.find_matches(note, terms)
        excerpt, excerpt_matches = kwic.snippet(note, local)
        hits.append(
            SearchHit(
                kind="annotation",
                document_id=doc_id,
                document_title=title,
                turn_id=None,
                annotation_id=ann_id,
                speaker=speakers.get((doc_id, start)),
                score=c.score,
                matches=local,
                snippet=excerpt,
                snippet_matches=excerpt_matches,
                whole_word=c.whole_word,
            )
        )
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
            i = bisect.bisect_right(starts, offset) - 1
            if i >= 0 and offset < rows[i][1] and rows[i][2] is not None:
                result[(d, offset)] = rows[i][2]
    return result
