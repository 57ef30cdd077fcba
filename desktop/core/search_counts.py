"""How many turns, notes and matches a search finds, read from the gram index alone.

A search hit is a turn or a note; each holds one or more matches (the highlighted
occurrences). `tally` counts both, by kind (hits alone with `matches=False`). Matches are
counted from the index's token positions (FTS5's `fts5vocab` instance rows), never from
the hits' texts: for a common word in a 20 MB study the texts are megabytes to fold, the
positions a few milliseconds to count. The positions of each gram come out of SQLite as
one list and are set against each other as numpy arrays (see `_count_places`): in a
study of 1,000 documents a common two-word query has a few hundred thousand of them.

A match here is one place where a term occurs, as the gram index finds it: a phrase of n
gram tokens is found where its tokens stand at n positions in a row. Places are counted
once whichever terms start there. Highlights (`SearchHit.matches`) merge occurrences
that overlap or touch (哈哈 twice in 哈哈哈 is one highlight; so are 算力 and 荒 in 算力荒
for the query `算力 荒`), so for such text the count here can be larger than the
highlights; elsewhere the two agree. The window and `yandu search` therefore count the
highlights themselves when every hit is in hand, and ask here only when there are more.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core import fts_query, search_index
from desktop.core.fts_query import Query, Term
from desktop.core.search import KINDS, Filters, has_notes, run_query

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Tally:
    """What a search finds in all: turns, notes, and matches inside them."""

    turns: int = 0
    notes: int = 0
    matches: int = 0

    @property
    def hits(self) -> int:
        """Turns and notes together: how many hits `search` would list with no limit."""
        return self.turns + self.notes


# The gram tables and the row key their hits are found by.
_TABLES = {"turn": "turn_chars", "annotation": "annotation_chars"}


def tally(
    db: Database,
    query: str,
    *,
    document_id: int | None = None,
    speaker: str | None = None,
    kinds: Iterable[str] = KINDS,
    matches: bool = True,
) -> Tally:
    """Turns, notes and (unless `matches` is false) matches `search` would find with no
    limit; never raises for any query text."""
    parsed = fts_query.parse(query or "")
    if parsed is None:
        return Tally()
    search_index.ensure_current(db)
    if document_id is not None and db.execute(
            "SELECT 1 FROM documents WHERE id != ? LIMIT 1", [document_id]).fetchone() is None:
        # The study's only document: every row is in it, and no filter is cheaper.
        document_id = None
    filters = Filters.build(db, document_id, speaker)
    if filters is None:
        return Tally()
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    found = {"turn": (0, 0), "annotation": (0, 0)}
    for kind, table in _TABLES.items():
        if kind not in kinds or (kind == "annotation" and not has_notes(db)):
            continue
        found[kind] = _count_kind(db, parsed, filters, kind, table, matches)
    return Tally(found["turn"][0], found["annotation"][0],
                 found["turn"][1] + found["annotation"][1])


def count_matches(db: Database, query: str, **filters: object) -> int:
    """How many matches (occurrences) `search` would highlight in all its hits."""
    return tally(db, query, **filters).matches  # type: ignore[arg-type]


def _hit_rows_sql(parsed: Query, filters: Filters, kind: str, table: str) -> tuple[str, list]:
    """SELECT of the FTS rowids of the hits of one kind, and its params."""
    where, params = filters.sql(kind)  # the rows `search` would list
    return (f"SELECT rowid FROM {table} WHERE {table} MATCH ?{where}",
            [parsed.chars_expr(), *params])


def _count_kind(db: Database, parsed: Query, filters: Filters, kind: str, table: str,
                with_matches: bool) -> tuple[int, int]:
    rows_sql, rows_params = _hit_rows_sql(parsed, filters, kind, table)
    hits = run_query(db, f"SELECT count(*) FROM ({rows_sql})", rows_params)
    hit_count = hits[0][0] if hits else 0
    if not with_matches or hit_count == 0:
        return hit_count, 0
    if _every_place_counts(parsed, filters, kind):
        # Every place of the one term lies in a hit: the index's own totals say how many.
        term = parsed.groups[0][0]
        sql, params = _term_total(_vocab_table(db, table, "row"), term)
        rows = run_query(db, sql, params)
        return hit_count, (rows[0][0] or 0) if rows else 0
    found = _count_places(db, parsed, filters, kind, table, rows_sql, rows_params)
    if found is None:
        found = _count_places_sql(db, parsed, table, rows_sql, rows_params)
    return hit_count, found


def _count_places(db: Database, parsed: Query, filters: Filters, kind: str, table: str,
                  rows_sql: str, rows_params: list) -> int | None:
    """The places of the query's terms in its hits, the index's positions set against
    each other as arrays; None when the row keys do not fit them (then `_count_places_sql`).

    Each place is one number, its row key times 2^24 plus its token offset; a term's
    places are those of its first gram that every further gram follows at its distance.
    Reading a gram's positions costs a fraction of a microsecond each in SQLite, setting
    them against each other less; the same sets in SQL (INTERSECT, UNION, IN) built
    temporary B-trees of every position and took several times longer. A term of one
    gram that no other term can start alongside needs no offsets: only its rows are read
    (or, when every place is a hit, the index's total), the shorter list.
    """
    import numpy as np  # only a count of matches needs it

    # Row keys in order: the least and the greatest are read straight off the index.
    least, greatest = db.execute(f"SELECT (SELECT min(rowid) FROM {table}), "
                                 f"(SELECT max(rowid) FROM {table})").fetchone()
    if least is not None and (least < 0 or greatest >= _KEY_LIMIT):
        return None
    vocab = _vocab_table(db, table, "instance")
    every_place_is_a_hit = _every_place_is_a_hit(parsed, filters, kind)
    hit_rows = None
    if not every_place_is_a_hit:
        # Only places in the hits' rows (a turn holding one term of "a b" but not the
        # other is no hit, and its places are no matches).
        rows = run_query(db, f"SELECT group_concat(rowid) FROM ({rows_sql})", rows_params)
        hit_rows = _numbers(rows[0][0] if rows else None)
    lists: dict[tuple[str, bool, int], np.ndarray | None] = {}

    def positions(gram: str, prefix: bool, shift: int) -> np.ndarray | None:
        key = (gram, prefix, shift)
        if key not in lists:
            lists[key] = _gram_places(db, vocab, gram, prefix, shift)
        return lists[key]

    terms = parsed.positive_terms()
    alone_total = 0
    per_term = []
    for term in terms:
        if len(term.grams) == 1 and not any(_may_start_together(term, other)
                                            for other in terms if other is not term):
            if every_place_is_a_hit:
                sql, params = _term_total(_vocab_table(db, table, "row"), term)
                rows = run_query(db, sql, params)
                alone_total += (rows[0][0] or 0) if rows else 0
            else:
                alone_total += int(np.count_nonzero(np.isin(
                    _gram_rows(db, vocab, term.grams[0], term.prefix), hit_rows)))
            continue
        last = len(term.grams) - 1
        places = None
        for i, gram in enumerate(term.grams):
            found = positions(gram, term.prefix and i == last, i)
            if found is None:
                return None
            places = found if places is None else places[np.isin(places, found,
                                                                   assume_unique=True)]
            if not len(places):
                break
        if hit_rows is not None:
            places = places[np.isin(places >> _OFFSET_BITS, hit_rows)]
        per_term.append(places)
    if len(per_term) <= 1:
        return alone_total + sum(len(places) for places in per_term)
    # A place where two terms start counts once (sorted and compared: numpy's `unique`
    # hashes, several times slower here).
    places = np.sort(np.concatenate(per_term))
    return alone_total + int(len(places) and 1 + np.count_nonzero(places[1:] != places[:-1]))


def _may_start_together(term: Term, other: Term) -> bool:
    """Whether two terms can start at one place: their first grams can be one token (the
    same token, or a one-character prefix and a token it starts)."""
    first, second = (search_index.token_key(t.grams[0]) for t in (term, other))
    if first == second:
        return True
    if term.prefix and len(term.grams) == 1 and second.startswith(first[0]):
        return True
    return other.prefix and len(other.grams) == 1 and first.startswith(second[0])


# A place's number (see `_count_places`): the row key above the offset's bits. Row keys
# (turn ids, which an import starts a million above the last) must stay below the limit,
# offsets (tokens into a turn) below 2^23, 8 million: a gram's place shifted back before
# its row's start then reads as an offset of 2^23 or more in the row before, where no
# place is.
_OFFSET_BITS = 24
_KEY_LIMIT = 1 << (63 - _OFFSET_BITS)


def _gram_places(db: Database, vocab: str, gram: str, prefix: bool, shift: int):
    """The places (row key * 2^24 + offset - shift) of one gram token from an "instance"
    vocab table, or of any token starting with it (`prefix`); None if an offset does not
    fit."""
    rows = run_query(db, f"SELECT group_concat((doc << {_OFFSET_BITS}) + offset - ?), "
                         f"max(offset) FROM {vocab} WHERE {_PREFIX if prefix else _GRAM}",
                     [shift, *_gram_params(gram, prefix)])
    if not rows or rows[0][0] is None:
        return _numbers(None)
    text, last = rows[0]
    if (last | shift) >> (_OFFSET_BITS - 1):
        return None
    return _numbers(text)


def _gram_rows(db: Database, vocab: str, gram: str, prefix: bool):
    """The row key of each place of one gram token (or of any token starting with it,
    `prefix`) from an "instance" vocab table: a row once for each place in it."""
    rows = run_query(db, f"SELECT group_concat(doc) FROM {vocab} WHERE "
                         f"{_PREFIX if prefix else _GRAM}", _gram_params(gram, prefix))
    return _numbers(rows[0][0] if rows else None)


# The condition on a vocab table's term for one gram, or for any token it starts.
_GRAM = "term = ?"
_PREFIX = "term >= ? AND term < ?"


def _gram_params(gram: str, prefix: bool) -> list[str]:
    """The params of `_GRAM` (or `_PREFIX`, a one-character prefix) for one gram."""
    key = search_index.token_key(gram)
    return [key, chr(ord(key[0]) + 1)] if prefix else [key]


def _numbers(text: str | None):
    """A comma-separated list of integers (SQLite's group_concat) as an int64 array."""
    import numpy as np

    if not text:
        return np.empty(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def _every_place_is_a_hit(parsed: Query, filters: Filters, kind: str) -> bool:
    """Whether every place of a positive term lies in a hit: one group of terms (any of
    them makes a hit), nothing left out, no filter, no turns of a running import."""
    return (len(parsed.groups) == 1 and not parsed.excluded
            and filters.document_id is None and filters.speaker_ids is None
            and not (kind == "turn" and filters.staged))


def _count_places_sql(db: Database, parsed: Query, table: str, rows_sql: str,
                      rows_params: list) -> int:
    """The places of the query's terms in its hits, counted in SQL alone."""
    vocab = _vocab_table(db, table, "instance")
    places: list[str] = []
    params: list = []
    for term in parsed.positive_terms():
        sql, term_params = _term_places(vocab, term)
        places.append(sql)
        params += term_params
    # Each term's places (row, column, first token) in SQLite, united so that a place
    # where two terms start counts once, and kept only in the hits' rows (a turn holding
    # one term of "a b" but not the other is no hit, and its places are no matches).
    sql = (f"SELECT count(*) FROM ({' UNION '.join(places)}) "
           f"WHERE doc IN ({rows_sql})")
    rows = run_query(db, sql, [*params, *rows_params])
    return rows[0][0] if rows else 0


def _vocab_table(db: Database, table: str, kind: str) -> str:
    """A temporary fts5vocab table over `table`: "instance" lists every token position,
    "row" gives each token's number of rows and of places."""
    name = f"temp.yandu_{table}_{kind}"
    # Temporary: nothing is written to the study, and a read-only study can count too.
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} "
               f"USING fts5vocab(main, {table}, {kind})")
    return name


def _every_place_counts(parsed: Query, filters: Filters, kind: str) -> bool:
    """Whether the query is one term of one token (算力, a Latin word, one character) with
    nothing to leave out, no filter and no running import: then every place of that token
    is a match."""
    return (len(parsed.groups) == 1 and len(parsed.groups[0]) == 1
            and len(parsed.groups[0][0].grams) == 1
            and _every_place_is_a_hit(parsed, filters, kind))


def _term_total(vocab: str, term: Term) -> tuple[str, list]:
    """SELECT of the number of places of a one-token term from a "row" vocab table."""
    key = search_index.token_key(term.grams[0])
    if term.prefix:
        return (f"SELECT sum(cnt) FROM {vocab} WHERE term >= ? AND term < ?",
                [key, chr(ord(key[0]) + 1)])
    return f"SELECT sum(cnt) FROM {vocab} WHERE term = ?", [key]


def _term_places(vocab: str, term: Term) -> tuple[str, list]:
    """SELECT (doc, col, offset) of each place where `term` starts, and its params."""
    selects: list[str] = []
    params: list = []
    last = len(term.grams) - 1
    for i, gram in enumerate(term.grams):
        key = search_index.token_key(gram)
        if term.prefix and i == last:
            # One character at the end: the first character of any token (a pair, or a
            # run's last character), as the prefix index finds it.
            condition = "term >= ? AND term < ?"
            params += [key, chr(ord(key[0]) + 1)]
        else:
            condition = "term = ?"
            params.append(key)
        selects.append(f"SELECT doc, col, offset - {i} FROM {vocab} WHERE {condition}")
    # A subquery of its own: compound SELECTs bind left to right, so a bare INTERSECT
    # inside the UNION would apply to the union so far.
    return f"SELECT * FROM ({' INTERSECT '.join(selects)})", params
