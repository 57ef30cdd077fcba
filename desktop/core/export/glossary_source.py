"""The glossary as exports see it: the terms, and which of them occur in a text.

Backed by the glossary core (its term listing and its matcher, which folds traditional
and full-width forms and respects Latin word edges), behind these small functions so the
exporters need not know how matching works.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.glossary import Term, build_matcher, list_terms

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

__all__ = ["Term", "all_terms", "first_occurrences", "terms_in"]


def all_terms(db: Database) -> list[Term]:
    """Every glossary term, by term."""
    return list_terms(db)


def first_occurrences(terms: list[Term], texts: list[str]) -> dict[str, tuple[int, int, int]]:
    """For each term id found, (text index, start, end) of its first occurrence."""
    if not terms:
        return {}
    matcher = build_matcher(terms)
    found: dict[str, tuple[int, int, int]] = {}
    for index, text in enumerate(texts):
        for match in matcher.find(text):
            if match.term_id not in found:
                found[match.term_id] = (index, match.start, match.end)
        if len(found) == len(terms):
            break
    return found


def terms_in(db: Database, texts: list[str]) -> list[Term]:
    """The glossary terms that occur in any of `texts`, by term."""
    terms = all_terms(db)
    found = first_occurrences(terms, texts)
    return [t for t in terms if t.id in found]
