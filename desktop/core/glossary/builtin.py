"""The built-in starter glossary shipped in resources/glossary, and seeding a study with it."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import TYPE_CHECKING

from desktop.core.clock import now_iso
from desktop.core.errors import YanduError
from desktop.core.glossary import store
from desktop.core.glossary.model import Term, clean_aliases, make_pinyin, new_term

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

RESOURCE = "builtin.zh.json"
#: study_meta key recording that the study was seeded, so a user's deletions stay deleted.
SEEDED_KEY = "glossary.builtin_seeded"


@functools.lru_cache(maxsize=1)
def _entries() -> dict[str, dict]:
    path = resources.files("resources").joinpath("glossary", RESOURCE)
    data = json.loads(path.read_text(encoding="utf-8"))
    entries: dict[str, dict] = {}
    for item in data["terms"]:
        term = item["term"].strip()
        entries[item["key"]] = {
            "term": term,
            "aliases": clean_aliases(item.get("aliases", ()), term),
            "definition": item.get("definition", "").strip(),
            "category": item.get("category", "").strip(),
            "english": item.get("english", "").strip(),
            "pinyin": item.get("pinyin") or make_pinyin(term),
            "notes": item.get("notes", "").strip(),
        }
    return entries


def builtin_keys() -> list[str]:
    """The keys of every built-in term, in file order."""
    return list(_entries())


def builtin_fields(key: str) -> dict:
    """The built-in text of one entry: term, aliases, definition, category, english, pinyin, notes."""
    try:
        return dict(_entries()[key])
    except KeyError:
        raise YanduError(f"No built-in glossary entry {key!r}.") from None


def builtin_term(key: str) -> Term:
    """A new Term (fresh id and times) holding the built-in text of `key`."""
    return new_term(builtin_key=key, **builtin_fields(key))


def builtin_terms() -> list[Term]:
    """Every built-in entry as a new Term."""
    return [builtin_term(key) for key in builtin_keys()]


def is_seeded(db: Database) -> bool:
    """True once the study has received the built-in glossary."""
    row = db.execute("SELECT value FROM study_meta WHERE key = ?", [SEEDED_KEY]).fetchone()
    return row is not None


def ensure_builtin(db: Database) -> int:
    """Seed the study with the built-in glossary once; return the number of terms added.

    Later calls add nothing, so terms the user removed stay removed. A built-in term whose
    spelling the user already has (e.g. from an import) is skipped rather than doubled.
    """
    if getattr(db, "read_only", False) or is_seeded(db):
        return 0  # a study opened for viewing only is never written
    added: list[Term] = []
    with db.atomic():
        taken: set[str] = set()
        for term in store.list_terms(db):
            taken |= term.folded_forms()
        for term in builtin_terms():
            forms = term.folded_forms()
            if forms & taken:
                continue
            taken |= forms
            store.insert(db, term)
            added.append(term)
        db.execute("INSERT OR REPLACE INTO study_meta (key, value) VALUES (?, ?)",
                   [SEEDED_KEY, now_iso()])
        if added:
            from desktop.core.glossary import sync

            sync.refresh(db, [f for t in added for f in t.forms])
    return len(added)


def removed_builtins(db: Database) -> list[str]:
    """Keys of built-in entries no longer in the study (the user removed them)."""
    present = {r[0] for r in db.execute(
        "SELECT builtin_key FROM glossary_terms WHERE builtin_key IS NOT NULL")}
    return [k for k in builtin_keys() if k not in present]
