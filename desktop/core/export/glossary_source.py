"""The glossary as exports see it: the terms, and which of them occur in a text.

Kept behind these two functions so the glossary core's own matcher can replace the
plain table read and substring scan here without touching any exporter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import ahocorasick
from sqlite_utils import Database


@dataclass(frozen=True)
class Term:
    """A glossary term with what a reader or a flash card shows."""

    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str
    english: str
    pinyin: str
    category: str

    @property
    def spellings(self) -> tuple[str, ...]:
        """The term and its aliases, the ways it can appear in a transcript."""
        return tuple(dict.fromkeys(s for s in (self.term, *self.aliases) if s.strip()))


def _aliases(raw: str) -> tuple[str, ...]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def all_terms(db: Database) -> list[Term]:
    """Every glossary term, by term."""
    return [
        Term(r[0], r[1], _aliases(r[2]), r[3], r[4], r[5], r[6])
        for r in db.execute(
            "SELECT id, term, aliases, definition, english, pinyin, category "
            "FROM glossary_terms ORDER BY term"
        )
    ]


def first_occurrences(terms: list[Term], texts: list[str]) -> dict[str, tuple[int, int, int]]:
    """For each term id found, (text index, start, end) of its first occurrence.

    One Aho-Corasick pass per text, so thousands of terms cost no more than a few.
    """
    if not terms:
        return {}
    automaton = ahocorasick.Automaton()
    owners: dict[str, list[str]] = {}
    for term in terms:
        for spelling in term.spellings:
            owners.setdefault(spelling, []).append(term.id)
    for spelling, ids in owners.items():
        automaton.add_word(spelling, (spelling, ids))
    automaton.make_automaton()
    found: dict[str, tuple[int, int, int]] = {}
    for index, text in enumerate(texts):
        for end_index, (spelling, ids) in automaton.iter(text):
            start = end_index - len(spelling) + 1
            for term_id in ids:
                best = found.get(term_id)
                if best is None or (index, start) < best[:2]:
                    found[term_id] = (index, start, end_index + 1)
    return found


def terms_in(db: Database, texts: list[str]) -> list[Term]:
    """The glossary terms that occur in any of `texts`, by term."""
    terms = all_terms(db)
    found = first_occurrences(terms, texts)
    return [t for t in terms if t.id in found]
