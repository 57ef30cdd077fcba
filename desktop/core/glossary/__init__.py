"""The study's glossary of jargon: terms, the built-in starter set, matching, suggestions.

Public API (Qt-free; the window calls these):
- prepare(db) when a study opens and before importing into it (seeds a new study once,
  loads the terms into the segmenter, re-indexes turns indexed without them)
- values: Term, Match, Suggestion, TermOccurrences
- queries: list_terms, get_term, find_term, require_term, categories
- undoable commands (run through desktop.core.commands.History): AddTerm, EditTerm,
  RemoveTerm, ResetTerm, DismissCandidate, Batch (an import); each returns
  Changes(glossary=True)
- new_term, prefill_from_selection, term_from_suggestion (accepting a suggestion),
  ensure_builtin, builtin_term, removed_builtins
- build_matcher(terms).find(text) -> Marks (a sequence of Match); matcher_for(db)
- load_into_segmenter(db), catch_up(db); find_occurrences(db, term);
  suggest(db, document_id=...)
- import_terms / plan_import / read_term_list / export_terms (term lists)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# Names load from their modules on first use: the window imports this package at start
# and needs none of it (nor the segmenter, OpenCC or the automaton) before its first paint.
# Measured: importing every module here at once costs about 0.15 s (sqlite-utils, numpy,
# the automaton), most of what separates the first paint from a bare window's.
_LAZY = {
    **dict.fromkeys(['builtin_keys', 'builtin_term', 'ensure_builtin', 'is_seeded', 'removed_builtins'], "builtin"),
    **dict.fromkeys(['AddTerm', 'Batch', 'DismissCandidate', 'EditTerm', 'RemoveTerm', 'ResetTerm',
                      'check_new_spellings', 'dismissed'], "commands"),
    **dict.fromkeys(['ImportPlan', 'export_terms', 'import_terms', 'plan_import', 'read_term_list'], "lists"),
    **dict.fromkeys(['Marks', 'Match', 'Matcher', 'build_matcher'], "matcher"),
    **dict.fromkeys(['Term', 'make_pinyin', 'new_term', 'split_alias_field'], "model"),
    **dict.fromkeys(['TermOccurrences', 'find_occurrences'], "occurrences"),
    **dict.fromkeys(['prefill_from_selection'], "selection"),
    **dict.fromkeys(['categories', 'find_term', 'get_term', 'list_terms', 'require_term'], "store"),
    **dict.fromkeys(['Suggestion', 'suggest', 'term_from_suggestion'], "suggestions"),
    **dict.fromkeys(['catch_up', 'load_into_segmenter'], "sync"),
}

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

    from desktop.core.glossary.matcher import Matcher


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # found once, then an ordinary module attribute
    return value


def prepare(db: Database) -> None:
    """Call when a study opens (window and command line) and before importing into it:
    seeds a new study once, loads its terms into the segmenter, and re-indexes turns that
    were indexed without them."""
    from desktop.core.glossary.builtin import ensure_builtin
    from desktop.core.glossary.sync import catch_up, load_into_segmenter

    ensure_builtin(db)
    load_into_segmenter(db)
    catch_up(db)


def matcher_for(db: Database) -> Matcher:
    """A matcher over every term and alias of the study (rebuild after Changes.glossary)."""
    from desktop.core.glossary.matcher import build_matcher
    from desktop.core.glossary.store import list_terms

    return build_matcher(list_terms(db))


__all__ = [
    "AddTerm", "Batch", "DismissCandidate", "EditTerm", "ImportPlan", "Marks", "Match", "Matcher",
    "RemoveTerm", "ResetTerm", "Suggestion", "Term", "TermOccurrences", "build_matcher",
    "builtin_keys", "builtin_term", "categories", "check_new_spellings", "dismissed", "ensure_builtin",
    "export_terms", "find_occurrences", "find_term", "get_term", "import_terms",
    "is_seeded", "list_terms", "load_into_segmenter", "make_pinyin", "matcher_for",
    "new_term", "plan_import", "prepare", "catch_up", "prefill_from_selection", "read_term_list",
    "removed_builtins", "require_term", "split_alias_field", "suggest", "term_from_suggestion",
]
