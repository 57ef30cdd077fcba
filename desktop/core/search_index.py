"""Keeps the full-text indexes in step with turns and annotation notes.

Each text is folded first (see `textnorm`: NFKC, simplified Chinese, case-folded) and then
indexed as "gram tokens", because FTS5 itself cannot find words inside Chinese runs:

- `turn_chars` / `annotation_chars` hold "gram tokens" (`gram_tokens`): each run of
  Chinese (Japanese, Korean) characters as its overlapping character pairs plus its last
  character, each run of other letters and digits whole; anything else separates runs.
  A phrase of pairs matches exactly where the folded text holds the query, so a word is
  found even where jieba cut it differently in context (参数 in 模型参数量), and never
  across punctuation (越大 is not in 超越,大胆). Pairs keep the lists FTS5 reads short
  (大前提 reads 大前 and 前提, not every turn with 大); a one-character query is a prefix
  query (大*), which FTS5 answers by merging the lists of the pairs starting with it
  (the notes' table has a prefix index for it; the turns' has none since step 0012: it
  took 40 % of the index and of its writing time).
- `annotation_index` holds the notes' jieba search-mode words (see `segment`). Turns
  have no word index since step 0012: no search read it. A hit's whole-word flag is
  checked against `words_of`, the words of its text cut when asked for.

`turn_chars` is contentless (schema step 0012): FTS5 keeps the index and no copy of the
tokens, so the study holds each turn's text once. FTS5 removes a row from such a table
only when given the tokens it indexed, so `unindex_turns` works them out again from the
turn as it was indexed (a turn rewritten since is found in the connection's
`yandu_turns_indexed`, see `db.connection`); the tokens depend only on the text and on
folding, and a schema step that changes folding marks the index for a full rebuild.

An import works out its turns' tokens as arrays of code points (`turn_tokens_many`, see
`grams`), the same tokens as `gram_text` makes a text at a time, several times quicker.

A search reads only the gram index. An import writes the turn index's FTS5 segments
without merging them as it goes, then `merge_segments` merges them once, so that each
query token is looked up once rather than in every segment the bulk insert wrote.
"""

from __future__ import annotations

import operator
import os
import re
import socket
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core import grams, segment, textnorm

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

# Key in study_meta that schema steps 0003/0004 (the gram tables) set on a study that
# already had text: the indexes are rebuilt before the next search.
STALE_KEY = "search_index_stale"

# Characters written without spaces between words; each one is a token on its own.
# Only letters (category L*/Nl): FTS5's unicode61 tokenizer drops everything else, and the
# tokens here must be exactly the tokens FTS5 sees.
SOLO_CHARS = (
    "\u3005-\u3007\u3021-\u3029"  # 々〆〇, Hangzhou numerals
    "\u3041-\u3096\u309d-\u309f"  # hiragana
    "\u30a1-\u30fa\u30fc-\u30ff"  # katakana
    "\u3105-\u312f\u31a0-\u31bf"  # bopomofo
    "\u3400-\u4dbf\u4e00-\u9fff"  # CJK unified ideographs, extension A
    "\uac00-\ud7a3"  # hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs (NFKC maps most of them away)
    "\U00020000-\U0003134f"  # CJK extensions B-H (𠮷)
)
# A run of solo characters, or a run of other letters and digits ([^\W_] is L* and N*).
_PART = re.compile(f"([{SOLO_CHARS}]+)|((?:(?![{SOLO_CHARS}])[^\\W_])+)")


def gram_parts(folded: str) -> list[tuple[bool, str]]:
    """(is Chinese, text) of each run of already-folded text; anything else separates runs."""
    return [(m.group(1) is not None, m.group()) for m in _PART.finditer(folded)]


def gram_tokens(folded: str) -> list[str]:
    """The gram tokens of already-folded text: pairs and a last character, or whole runs."""
    tokens: list[str] = []
    for chinese, part in gram_parts(folded):
        if chinese:
            tokens += [part[i : i + 2] for i in range(len(part) - 1)]
            tokens.append(part[-1])
        else:
            tokens.append(part)
    return tokens


def gram_text(folded: str) -> str:
    """`gram_tokens(folded)` joined by spaces, built a run at a time (import's hot path)."""
    out: list[str] = []
    for m in _PART.finditer(folded):
        part = m.group()
        if m.group(1) is not None and len(part) > 1:
            out.append(" ".join(map(operator.add, part, part[1:])) + " " + part[-1])
        else:
            out.append(part)
    return " ".join(out)


def token_key(token: str) -> str:
    """A token as FTS5's unicode61 compares it: without diacritics (café = cafe)."""
    if token.isascii():
        return token
    decomposed = unicodedata.normalize("NFD", token)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare)


# What FTS5's unicode61 tokenizer keeps as one token: a run of letters, digits and
# private-use characters (BOUNDARY); anything else separates tokens.
_FTS_TOKEN = re.compile("(?:[^\\W_]|[\ue000-\uf8ff])+")


def fts_tokens(text: str) -> list[str]:
    """The tokens FTS5 makes of text stored in a word index (already folded)."""
    return [token_key(t) for t in _FTS_TOKEN.findall(text)]


def tokens_for(text: str) -> str:
    """The space-joined word tokens (jieba search mode) for `text`."""
    return " ".join(segment.index_tokens(textnorm.fold(text)))


# Stored between a turn's headline and its speech: a token no query can contain (private
# use characters are never query tokens), so no phrase matches across the two.
BOUNDARY = "\ue000"


def _grams(*texts: str) -> str:
    """The gram tokens of the texts, kept apart by BOUNDARY (as `_both` gives them)."""
    return f" {BOUNDARY} ".join(gram_text(textnorm.fold(t)) for t in texts if t)


def _both(*texts: str) -> tuple[str, str]:
    """Word tokens and gram tokens of the texts, the texts kept apart by BOUNDARY."""
    folded = [textnorm.fold(t) for t in texts if t]
    return _words(folded), f" {BOUNDARY} ".join(" ".join(gram_tokens(f)) for f in folded)


def _words(folded: list[str]) -> str:
    return f" {BOUNDARY} ".join(" ".join(segment.index_tokens(f)) for f in folded)


def words_of(*texts: str) -> str:
    """What the word index holds for these texts (a turn's headline and speech, or a
    note): their words as the segmenter cuts them now, kept apart by BOUNDARY."""
    return _words([textnorm.fold(t) for t in texts if t])


def _headlines(db: Database, turn_ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for i in range(0, len(turn_ids), 500):  # SQLite limits bound parameters
        chunk = turn_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.update(db.execute(
            f"SELECT id, headline FROM turns WHERE headline != '' AND id IN ({marks})", chunk
        ).fetchall())
    return found


def turn_tokens(headline: str, speech: str) -> str:
    """What the gram index holds for a turn with this headline and speech (worked out
    before an import locks the study: it needs no study)."""
    return turn_tokens_many([(headline, speech)])[0]


# Below this many characters, folding and cutting each text is quicker than the arrays.
_ARRAYS_FROM = 64


def turn_tokens_many(turns: Iterable[tuple[str, str]]) -> list[str]:
    """`turn_tokens` of each (headline, speech), worked out together: as arrays of code
    points (see `grams`), several times quicker than a text at a time, the same tokens."""
    kept = [[t for t in pair if t] for pair in turns]
    texts = [t for pair in kept for t in pair]
    chars = sum(map(len, texts))
    if chars < _ARRAYS_FROM or not grams.worth_it(chars):
        return [_grams(*pair) for pair in kept]
    done = iter(grams.fold_grams(texts))
    return [f" {BOUNDARY} ".join(_or_folded(next(done), t) for t in pair) for pair in kept]


def _or_folded(found: str | None, text: str) -> str:
    """The arrays' gram tokens of `text`, or (None) its gram tokens folded a text at a time."""
    return gram_text(textnorm.fold(text)) if found is None else found


def write_turn_tokens(db: Database, rows: Iterable[tuple[int, str]]) -> None:
    """Store (turn id, `turn_tokens(...)`) rows in the turn index."""
    db.conn.executemany("INSERT INTO turn_chars (rowid, chars) VALUES (?, ?)", list(rows))


def index_turns(db: Database, turns: Iterable[tuple[int, str]]) -> None:
    """Index stored turns given as (turn id, speech) pairs; their headlines are read from
    the study."""
    pairs = list(turns)
    headlines = _headlines(db, [turn_id for turn_id, _ in pairs])
    tokens = turn_tokens_many((headlines.get(turn_id, ""), text) for turn_id, text in pairs)
    write_turn_tokens(db, [(turn_id, chars) for (turn_id, _), chars
                           in zip(pairs, tokens, strict=True)])


# The gram index of turns as schema step 0012 defines it: contentless, no prefix index.
TURN_CHARS_TABLE = "fts5(chars, content='')"

# The most segments FTS5 lets a level hold before it merges them (its limit is 2,000).
_NEVER_IN_A_STEP = 1999

# FTS5's own merge settings (its defaults), put back after a bulk write.
_AUTOMERGE, _CRISISMERGE = 4, 16

# Turn ids an import reserves start this far above any turn or reservation before it:
# turns split meanwhile take the next ids after the last turn, below the reservation.
_ID_GAP = 1_000_000


@dataclass(frozen=True)
class StagedImport:
    """An import whose turns' index rows are being written ahead of the turns."""

    run_id: int
    first_turn: int  # the id the import's first turn will have; the others follow
    count: int


def begin_staging(db: Database, count: int) -> StagedImport:
    """Reserve turn ids for an import of `count` turns, in a short transaction of its own.

    Until `finish_staging` (or `abandon_staging`), searches leave the reserved ids out, and
    FTS5 only writes segments (see `bulk_turn_writes`); a killed import is taken out of
    the index by the next open of the study (`db.connection.remove_abandoned_imports`).
    """
    from db import ids
    from db.connection import remove_abandoned_imports

    remove_abandoned_imports(db.conn)
    with db.atomic():
        # In a team's study, within this member's range of ids (see `db.ids`).
        low = ids.base_of(db) or 0
        high = low + ids.BLOCK if low else 2**63 - 1
        top = db.execute(
            "SELECT max(coalesce((SELECT max(id) FROM turns WHERE id >= ?1 AND id < ?2), ?1),"
            " coalesce((SELECT max(last_turn) FROM import_runs WHERE last_turn >= ?1 "
            "AND last_turn < ?2), ?1))", [low, high]).fetchone()[0]
        first = top + _ID_GAP
        run_id = db.execute(
            "INSERT INTO import_runs (pid, host, first_turn, last_turn, started_at) "
            "VALUES (?, ?, ?, ?, datetime('now'))",
            [os.getpid(), socket.gethostname(), first, first + max(count, 1) - 1],
        ).lastrowid
        # No merging at all while the rows are written, not even FTS5's "crisis" merge of
        # a level that reaches its limit: at 64 segments it merged them inside one of the
        # short transactions, which then held the write lock for half a second (twice in
        # a 20 MB import). `merge_after_import` merges them, a short step at a time.
        _set_merging(db, automerge=0, crisismerge=_NEVER_IN_A_STEP)
    return StagedImport(run_id, first, count)


def stage_turn_tokens(db: Database, run: StagedImport, rows: list[tuple[int, str]]) -> None:
    """Write some of the import's (turn id, `turn_tokens(...)`) rows to the index, and
    keep their tokens to take them out again should the import die. Call it in a
    transaction of its own, a short one."""
    write_turn_tokens(db, rows)
    db.conn.executemany(
        "INSERT INTO search_staging (turn_id, run_id, chars) VALUES (?, ?, ?)",
        [(turn_id, run.run_id, chars) for turn_id, chars in rows])


def finish_staging(db: Database, run: StagedImport) -> None:
    """The import's turns are written: its index rows are theirs now. In the transaction
    that writes the turns; the kept tokens are dropped afterwards by `drop_staged_tokens`.

    The run's range of reserved ids is emptied (last below first), so searches see the
    turns, and an open of the study after a kill only drops the kept tokens."""
    db.execute("UPDATE import_runs SET last_turn = first_turn - 1 WHERE id = ?", [run.run_id])


def drop_staged_tokens(db: Database, run: StagedImport, rows_per_step: int = 2000) -> None:
    """Drop a finished import's kept tokens, a short transaction a step."""
    while True:
        with db.atomic():
            gone = db.execute(
                "DELETE FROM search_staging WHERE turn_id IN (SELECT turn_id FROM "
                "search_staging WHERE run_id = ? LIMIT ?)", [run.run_id, rows_per_step]
            ).rowcount
            if gone < rows_per_step:
                db.execute("DELETE FROM import_runs WHERE id = ?", [run.run_id])
                return


def abandon_staging(db: Database, run: StagedImport) -> None:
    """Take a failed import's rows out of the index again, in a transaction of its own."""
    from db.connection import restore_merging

    with db.atomic():
        db.execute("INSERT INTO turn_chars (turn_chars, rowid, chars) SELECT 'delete', "
                   "turn_id, chars FROM search_staging WHERE run_id = ?", [run.run_id])
        db.execute("DELETE FROM search_staging WHERE run_id = ?", [run.run_id])
        db.execute("DELETE FROM import_runs WHERE id = ?", [run.run_id])
        restore_merging(db.conn)


def merge_after_import(db: Database, document_id: int, step_pages: int = 400) -> None:
    """Merge the index's segments after a document imported in stages, a step at a time,
    each step a short transaction of its own; then FTS5's settings are put back (unless
    another import is running).

    An import writes its index rows as many segments, without merging (see
    `begin_staging`). What is merged then depends on how much of the index it is:
    - most of it (the first document of a study, or a large one): everything is merged
      into one segment, FTS5's incremental 'optimize', so a query looks up each token
      once; that rewrites about what the import wrote;
    - a small part (one more record of a library): the levels, as FTS5's own automatic
      merging does while writing: any level holding four segments or more is merged into
      the next, until none does. Each row is rewritten once per level, a few times in a
      library of a thousand documents, and the index stays about 1.4 times the text.
      Merging the whole index a budget at a time for each small import instead (an
      optimize begun again by every import and never finished) left a library of 300
      documents with an index 5.5 times its text and took longer.
    """
    from db.connection import restore_merging

    chars = db.execute(
        "SELECT coalesce(sum(length(text)), 0) FROM turns WHERE document_id = ?", [document_id]
    ).fetchone()[0]
    own_pages = chars * _PAGES_PER_1000_CHARS["turn_chars"] // 1000
    study_pages = db.execute("PRAGMA page_count").fetchone()[0]
    # The file holds about 1.2 pages for each of these (the text twice, in the document
    # and its turns, beside the index): this is an import of two fifths of the study or
    # more.
    whole = own_pages * 3 >= study_pages
    rank = -step_pages if whole else step_pages  # negative: merge every level into one
    while True:
        with db.atomic():
            before = db.conn.total_changes
            db.execute("INSERT INTO turn_chars (turn_chars, rank) VALUES ('merge', ?)",
                       [rank])
            if db.conn.total_changes - before < 2:  # nothing left to merge
                break
    with db.atomic():
        restore_merging(db.conn)


def _set_merging(db: Database, automerge: int, crisismerge: int) -> None:
    for table in ("turn_chars",):
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES('automerge', ?)", [automerge])
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES('crisismerge', ?)",
                   [crisismerge])


@contextmanager
def bulk_turn_writes(db: Database, document_id: int) -> Iterator[None]:
    """Write a document's turn index rows inside this block; they are merged once at its end.

    FTS5 merges segments as it writes (four of a level into one of the next), so the bulk
    of a large import is rewritten once per level: a 20 MB import spent a quarter of its
    writing time so. Inside the block FTS5 only writes segments (merging early only when a
    level holds 64), and at the end `merge_segments` merges them in one pass and FTS5's
    settings are put back. Use it inside the import's transaction: if the block fails,
    the settings roll back with everything else.
    """
    _set_merging(db, automerge=0, crisismerge=64)
    yield
    merge_segments(db, document_id)
    _set_merging(db, automerge=_AUTOMERGE, crisismerge=_CRISISMERGE)


# Pages of index a character of turn text takes, doubled for margin (measured: about
# 0.9 pages per 1,000 characters in the gram index without a prefix index).
_PAGES_PER_1000_CHARS = {"turn_chars": 2}


def merge_segments(db: Database, document_id: int) -> None:
    """Merge the turn indexes' segments after a document's turns were indexed.

    FTS5 writes a bulk insert as many segments (a 20 MB import leaves a dozen), and a
    query looks up each of its tokens in every segment: merged, the lookups a search makes
    cost about half. FTS5's 'merge' command with a negative budget merges across levels,
    writing about that many pages; the budget is the size of what was just added, so an
    import costs in proportion to itself (a large study is merged a step at a time, not
    rewritten for each small import); a study of one document ends with one or two
    segments a table (FTS5 leaves the last merge step to a later one).
    """
    chars = db.execute(
        "SELECT coalesce(sum(length(text)), 0) FROM turns WHERE document_id = ?", [document_id]
    ).fetchone()[0]
    for table in ("turn_chars",):
        pages = max(16, chars * _PAGES_PER_1000_CHARS[table] // 1000)
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES('merge', ?)", [-pages])


def unindex_document(db: Database, document_id: int) -> None:
    """Drop a document's turns from the index (before the turns themselves go)."""
    _unindex_chars(db, [r[0] for r in db.execute(
        "SELECT id FROM turns WHERE document_id = ?", [document_id])])


def unindex_turns(db: Database, turn_ids: Iterable[int]) -> None:
    """Drop these turns from the turn index (before they are deleted, or to re-index them
    after an edit)."""
    _unindex_chars(db, list(dict.fromkeys(turn_ids)))


def _indexed_texts(db: Database, ids: list[int]) -> list[tuple[int, str, str]]:
    """(id, headline, text) of each turn as the gram index holds it: as it was before this
    connection rewrote it, else as the study holds it now."""
    rows: dict[int, tuple[str, str]] = {}
    try:
        kept = "temp.yandu_turns_indexed"
        db.execute(f"SELECT 1 FROM {kept} LIMIT 0")
    except sqlite3.Error:
        kept = None
    for i in range(0, len(ids), 500):  # SQLite limits bound parameters
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for table in ("turns", kept):
            if table is None:
                continue
            rows.update((turn_id, (headline, text)) for turn_id, headline, text in db.execute(
                f"SELECT id, headline, text FROM {table} WHERE id IN ({marks})", chunk))
        if kept is not None:
            db.execute(f"DELETE FROM {kept} WHERE id IN ({marks})", chunk)
    return [(turn_id, *rows[turn_id]) for turn_id in ids if turn_id in rows]


def _unindex_chars(db: Database, ids: list[int]) -> None:
    """Remove turns from the contentless gram index by giving FTS5 their tokens again."""
    if not ids:
        return
    held = set(_in_gram_index(db, ids))
    db.conn.executemany(
        "INSERT INTO turn_chars (turn_chars, rowid, chars) VALUES ('delete', ?, ?)",
        [(turn_id, _grams(headline, text)) for turn_id, headline, text
         in _indexed_texts(db, ids) if turn_id in held])


def _in_gram_index(db: Database, ids: list[int]) -> list[int]:
    """Those of the turn ids the gram index holds a row for (a 'delete' of a row it does
    not hold would corrupt it); its docsize table has one row per indexed turn."""
    held: set[int] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        held.update(r[0] for r in db.execute(
            f"SELECT id FROM turn_chars_docsize WHERE id IN ({','.join('?' * len(chunk))})",
            chunk))
    return [i for i in ids if i in held]


def index_annotation(db: Database, annotation_id: str, note: str, quote: str = "") -> None:
    """(Re)index one annotation's note (the quote is found through its turn)."""
    unindex_annotation(db, annotation_id)
    word_tokens, char_text = _both(note)
    db.execute(
        "INSERT INTO annotation_index (annotation_id, tokens) VALUES (?, ?)",
        [annotation_id, word_tokens],
    )
    db.execute(
        "INSERT INTO annotation_chars (annotation_id, chars) VALUES (?, ?)",
        [annotation_id, char_text],
    )


def unindex_annotation(db: Database, annotation_id: str) -> None:
    """Remove one annotation from the index."""
    db.execute("DELETE FROM annotation_index WHERE annotation_id = ?", [annotation_id])
    db.execute("DELETE FROM annotation_chars WHERE annotation_id = ?", [annotation_id])


def reindex_all(db: Database) -> None:
    """Rebuild all indexes from the tables (after the segmenter's dictionary changes)."""
    with db.atomic():
        for table in ("annotation_index", "annotation_chars"):
            db.execute(f"DELETE FROM {table}")
        # Recreated rather than emptied: whatever form an older schema step left it in,
        # it is the contentless table of step 0012 afterwards.
        db.execute("DROP TABLE IF EXISTS turn_chars")
        db.execute(f"CREATE VIRTUAL TABLE turn_chars USING {TURN_CHARS_TABLE}")
        if _has_kept(db):
            db.execute("DELETE FROM temp.yandu_turns_indexed")
        _set_merging(db, automerge=0, crisismerge=64)  # as in `bulk_turn_writes`
        index_turns(db, db.execute("SELECT id, text FROM turns").fetchall())
        # An import running meanwhile keeps its rows (its turns are not written yet).
        db.execute("INSERT INTO turn_chars (rowid, chars) SELECT turn_id, chars "
                   "FROM search_staging")
        for ann_id, note in db.execute("SELECT id, note FROM annotations").fetchall():
            index_annotation(db, ann_id, note)
        # Rebuilt in full: one segment.
        db.execute("INSERT INTO turn_chars(turn_chars) VALUES('optimize')")
        _set_merging(db, automerge=_AUTOMERGE, crisismerge=_CRISISMERGE)
        db.execute("DELETE FROM study_meta WHERE key = ?", [STALE_KEY])


def _has_kept(db: Database) -> bool:
    try:
        db.execute("SELECT 1 FROM temp.yandu_turns_indexed LIMIT 0")
    except sqlite3.Error:
        return False
    return True


def is_stale(db: Database) -> bool:
    """Whether a schema upgrade left the indexes to be filled (see `ensure_current`)."""
    try:
        return db.execute("SELECT 1 FROM study_meta WHERE key = ?",
                          [STALE_KEY]).fetchone() is not None
    except sqlite3.Error:
        return False


def ensure_current(db: Database) -> bool:
    """Fill the indexes if a schema upgrade left them stale; True when it rebuilt them."""
    try:
        stale = db.execute("SELECT 1 FROM study_meta WHERE key = ?", [STALE_KEY]).fetchone()
        if stale is None:
            return False
        reindex_all(db)
    except sqlite3.OperationalError:
        # A locked or read-only study: search what is there rather than fail.
        return False
    return True


def reindex_turns(db: Database, turn_ids: Iterable[int]) -> None:
    """Follow a change of the segmenter's dictionary (glossary words) in these turns.

    Nothing to rewrite since step 0012: the turn index holds character pairs, which no
    dictionary changes, and a hit's whole-word flag cuts its text afresh (`words_of`).
    Kept so that callers need not know how the index is laid out.
    """
    del db, turn_ids
