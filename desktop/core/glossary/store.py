"""Read and write glossary rows. Plain parameterised SQL; the commands hold the policy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.errors import YanduError
from desktop.core.glossary.model import COLUMNS, Term, from_row
from desktop.core.textnorm import fold

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

_SELECT = "SELECT " + ", ".join(f'"{c}"' for c in COLUMNS) + " FROM glossary_terms "


def list_terms(db: Database, *, category: str | None = None) -> list[Term]:
    """Every term of the study, sorted by term (optionally of one category)."""
    if category is not None:
        rows = db.execute(_SELECT + "WHERE category = ? ORDER BY term", [category])
    else:
        rows = db.execute(_SELECT + "ORDER BY term")
    return [from_row(r) for r in rows]


def get_term(db: Database, term_id: str) -> Term | None:
    """The term with this id, or None."""
    row = db.execute(_SELECT + "WHERE id = ?", [term_id]).fetchone()
    return from_row(row) if row else None


def find_term(db: Database, text: str) -> Term | None:
    """The term whose spelling or alias equals `text` once folded (or whose id it is)."""
    text = text.strip()
    by_id = get_term(db, text)
    if by_id is not None:
        return by_id
    key = fold(text)
    if not key:
        return None
    exact = db.execute(_SELECT + "WHERE term = ?", [text]).fetchone()
    if exact:
        return from_row(exact)
    for term in list_terms(db):
        if key in term.folded_forms():
            return term
    return None


def require_term(db: Database, text: str) -> Term:
    """Like find_term, but a missing term is a user error."""
    term = find_term(db, text)
    if term is None:
        raise YanduError(f"No glossary term {text.strip()!r}; see `yandu glossary list`.")
    return term


def categories(db: Database) -> list[str]:
    """The categories in use, sorted."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT category FROM glossary_terms WHERE category != '' ORDER BY category")]


def insert(db: Database, term: Term) -> None:
    """Insert one term row."""
    db["glossary_terms"].insert(term.row())


def update(db: Database, term: Term) -> None:
    """Overwrite one term row (same id)."""
    row = term.row()
    row.pop("id")
    sets = ", ".join(f'"{c}" = ?' for c in row)
    db.execute(f"UPDATE glossary_terms SET {sets} WHERE id = ?", [*row.values(), term.id])


def delete(db: Database, term_id: str) -> None:
    """Delete one term row."""
    db.execute("DELETE FROM glossary_terms WHERE id = ?", [term_id])


def all_forms(db: Database) -> list[str]:
    """Every term and alias of the study as written (for the segmenter's dictionary)."""
    found: dict[str, None] = {}
    for term in list_terms(db):
        for form in term.forms:
            found.setdefault(form, None)
    return list(found)
