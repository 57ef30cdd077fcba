"""Keep jieba's dictionary and the search index in step with the glossary.

Every term and alias is added to the segmenter, so 百模大战 stays one word when turns are
indexed and queries are segmented. The segmenter is shared by the whole process: loading
one study's glossary removes the words of the glossary loaded before it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop.core import search_index, segment
from desktop.core.glossary import store
from desktop.core.glossary.matcher import build_matcher
from desktop.core.glossary.model import Term
from desktop.core.textnorm import fold

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

#: study_meta key: the highest turn id indexed with the glossary's words in the segmenter.
INDEXED_KEY = "glossary.indexed_through_turn"

# The segmenter's custom words are the glossary's: only this module adds them, so what
# is loaded is read from the segmenter itself rather than mirrored here (a mirror goes
# stale as soon as anything else takes a word out).
_lock = threading.Lock()


def segmenter_words(forms: Iterable[str]) -> set[str]:
    """The words to add for these spellings: as written and folded (the index is folded)."""
    words: set[str] = set()
    for form in forms:
        form = form.strip()
        if form:
            words.add(form)
            words.add(fold(form).strip())
    words.discard("")
    return words


def load_into_segmenter(db: Database) -> int:
    """Make the segmenter's glossary words exactly this study's terms and aliases."""
    wanted = segmenter_words(store.all_forms(db))
    with _lock:
        loaded = segment.custom_words()
        stale = loaded - wanted
        if stale:
            segment.remove_words(sorted(stale))
        fresh = wanted - loaded
        if fresh:
            segment.add_words(sorted(fresh, key=lambda w: (len(w), w)))
    return len(wanted)


def turns_containing(db: Database, forms: Iterable[str]) -> list[int]:
    """Ids of the turns whose text holds one of these spellings (folded comparison)."""
    terms = [Term(id=str(i), term=f) for i, f in enumerate(set(forms)) if f.strip()]
    if not terms:
        return []
    matcher = build_matcher(terms)
    return [tid for tid, text in db.execute("SELECT id, text FROM turns")
            if matcher.find(text)]


def _mark_indexed(db: Database) -> None:
    """Record that every turn so far is indexed with the glossary's words."""
    top = db.execute("SELECT max(id) FROM turns").fetchone()[0]
    db.execute("INSERT OR REPLACE INTO study_meta (key, value) VALUES (?, ?)",
               [INDEXED_KEY, str(top or 0)])


def refresh(db: Database, changed_forms: Iterable[str]) -> list[int]:
    """After terms change: update the segmenter, then re-index the turns that hold them."""
    changed = [f for f in changed_forms if f.strip()]
    load_into_segmenter(db)
    if not changed:
        return []
    turn_ids = turns_containing(db, changed)
    if turn_ids:
        search_index.reindex_turns(db, turn_ids)
    return turn_ids


def catch_up(db: Database) -> list[int]:
    """Re-index the turns added since the glossary last indexed (e.g. by `yandu import` in a
    process that had not loaded the glossary's words), where they hold a term."""
    if getattr(db, "read_only", False):
        return []
    row = db.execute("SELECT value FROM study_meta WHERE key = ?", [INDEXED_KEY]).fetchone()
    last = int(row[0]) if row and str(row[0]).isdigit() else 0
    rows = db.execute("SELECT id, text FROM turns WHERE id > ?", [last]).fetchall()
    if not rows:
        return []
    terms = store.list_terms(db)
    turn_ids: list[int] = []
    if terms:
        load_into_segmenter(db)
        matcher = build_matcher(terms)
        turn_ids = [tid for tid, text in rows if matcher.find(text)]
    with db.atomic():
        if turn_ids:
            search_index.reindex_turns(db, turn_ids)
        _mark_indexed(db)
    return turn_ids


def unload_from_segmenter() -> None:
    """Take every glossary word back out of the segmenter (a study closes; tests)."""
    with _lock:
        loaded = segment.custom_words()
        if loaded:  # (removing nothing must not load the dictionary)
            segment.remove_words(sorted(loaded))
