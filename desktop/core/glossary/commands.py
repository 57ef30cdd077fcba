"""Adding, editing, removing and resetting terms, as undoable commands.

Each command writes the rows, then brings the segmenter and the search index in step
(`sync.refresh`) with the spellings it touched, and returns Changes(glossary=True).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from desktop.core.clock import now_iso
from desktop.core.commands import Changes, StaleStep
from desktop.core.errors import YanduError
from desktop.core.glossary import store, sync
from desktop.core.glossary.builtin import builtin_fields
from desktop.core.glossary.model import Term, clean_aliases, make_pinyin
from desktop.core.textnorm import fold

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

GLOSSARY = Changes(glossary=True)


class Spellings:
    """Which term owns each folded spelling: checked before a term is stored or changed."""

    def __init__(self, terms: list[Term]) -> None:
        self.owner: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for term in terms:
            self.add(term)

    @classmethod
    def of(cls, db: Database) -> Spellings:
        """The spellings of every term in the study."""
        return cls(store.list_terms(db))

    def add(self, term: Term) -> None:
        """Record `term`'s spellings."""
        self.names[term.id] = term.term
        for form in term.folded_forms():
            self.owner.setdefault(form, term.id)

    def remove(self, term: Term) -> None:
        """Forget `term`'s spellings."""
        for form in term.folded_forms():
            if self.owner.get(form) == term.id:
                del self.owner[form]

    def check(self, term: Term, *, except_id: str | None = None) -> None:
        """Refuse a term that is empty or whose spelling or alias another term already has."""
        if not term.term.strip():
            raise YanduError("A glossary term cannot be empty.")
        if len(term.term) > 200:
            raise YanduError("A glossary term can be at most 200 characters long.")
        for form in sorted(term.folded_forms()):
            owner = self.owner.get(form)
            if owner is not None and owner != except_id:
                raise YanduError(
                    f"{form!r} is already in the glossary, under {self.names[owner]!r}.")


def check_new_spellings(db: Database, term: Term, *, except_id: str | None = None) -> None:
    """Refuse a term that is empty or whose spelling or alias another term already has."""
    Spellings.of(db).check(term, except_id=except_id)


def _expect(db: Database, term_id: str, expected: Term | None) -> None:
    """Refuse a step when the stored term is not what the step was made from: another
    window's newer definition would otherwise be overwritten without a word."""
    if store.get_term(db, term_id) != expected:
        raise StaleStep("This glossary term was changed in another window or program "
                        "meanwhile; nothing was changed here.")


class _TermCommand:
    """Shared apply/revert: write the rows, then refresh the segmenter and index once."""

    def write(self, db: Database, spellings: Spellings | None = None) -> None:
        """Make the row change (no segmenter or index work), checking `spellings`."""
        raise NotImplementedError

    def unwrite(self, db: Database) -> None:
        """Undo the row change."""
        raise NotImplementedError

    def touched(self) -> list[str]:
        """The spellings whose presence this command changes."""
        raise NotImplementedError

    def apply(self, db: Database) -> Changes:
        """Write, then bring the segmenter and the search index in step."""
        self.write(db)
        sync.refresh(db, self.touched())
        return GLOSSARY

    def revert(self, db: Database) -> Changes:
        """Undo the write, then bring the segmenter and the search index in step."""
        self.unwrite(db)
        sync.refresh(db, self.touched())
        return GLOSSARY


@dataclasses.dataclass
class AddTerm(_TermCommand):
    """Store a new term (undo removes it)."""

    term: Term
    text: str = "Add term"

    def write(self, db: Database, spellings: Spellings | None = None) -> None:
        spellings = spellings or Spellings.of(db)
        spellings.check(self.term)
        store.insert(db, self.term)
        spellings.add(self.term)

    def unwrite(self, db: Database) -> None:
        _expect(db, self.term.id, self.term)
        store.delete(db, self.term.id)

    def touched(self) -> list[str]:
        return list(self.term.forms)


@dataclasses.dataclass
class RemoveTerm(_TermCommand):
    """Remove a term; undo puts it back with the same id and times."""

    term: Term
    text: str = "Remove term"

    def write(self, db: Database, spellings: Spellings | None = None) -> None:
        _expect(db, self.term.id, self.term)
        store.delete(db, self.term.id)
        if spellings is not None:
            spellings.remove(self.term)

    def unwrite(self, db: Database) -> None:
        _expect(db, self.term.id, None)
        store.insert(db, self.term)

    def touched(self) -> list[str]:
        return list(self.term.forms)


def _changed_forms(before: Term, after: Term) -> list[str]:
    """Spellings present in one version and not the other (folded comparison)."""
    b, a = {fold(f): f for f in before.forms}, {fold(f): f for f in after.forms}
    return [b[k] for k in b.keys() - a.keys()] + [a[k] for k in a.keys() - b.keys()]


@dataclasses.dataclass
class EditTerm(_TermCommand):
    """Change a term's fields (spelling, aliases, definition, ...); undo restores them."""

    before: Term
    after: Term
    text: str = "Edit term"

    @classmethod
    def of(cls, before: Term, **fields: object) -> EditTerm:
        """The edit that sets the given fields of `before` (None means unchanged)."""
        unknown = set(fields) - {"term", "aliases", "definition", "category", "english",
                                 "pinyin", "notes"}
        if unknown:
            raise TypeError(f"not a term field: {sorted(unknown)}")
        changes: dict = {k: v for k, v in fields.items() if v is not None}
        for name in ("term", "definition", "category", "english", "pinyin", "notes"):
            if name in changes:
                changes[name] = str(changes[name]).strip()
        term = changes.get("term", before.term)
        if "aliases" in changes or "term" in changes:
            changes["aliases"] = clean_aliases(changes.get("aliases", before.aliases), term)
        # Generated pinyin follows a new spelling; pinyin the user typed stays.
        if ("term" in changes and "pinyin" not in changes and term != before.term
                and before.pinyin == make_pinyin(before.term)):
            changes["pinyin"] = make_pinyin(term)
        after = dataclasses.replace(before, updated_at=now_iso(), **changes)
        given = {k for k, v in fields.items() if v is not None}
        return cls(before, after, "Rename term" if given == {"term"} else "Edit term")

    @property
    def changes_anything(self) -> bool:
        """False when the edit would leave every field as it was."""
        return any(getattr(self.before, n) != getattr(self.after, n)
                   for n in ("term", "aliases", "definition", "category", "english",
                             "pinyin", "notes"))

    def write(self, db: Database, spellings: Spellings | None = None) -> None:
        _expect(db, self.before.id, self.before)
        spellings = spellings or Spellings.of(db)
        spellings.check(self.after, except_id=self.after.id)
        store.update(db, self.after)
        spellings.remove(self.before)
        spellings.add(self.after)

    def unwrite(self, db: Database) -> None:
        _expect(db, self.after.id, self.after)
        store.update(db, self.before)

    def touched(self) -> list[str]:
        return _changed_forms(self.before, self.after)


@dataclasses.dataclass
class ResetTerm(EditTerm):
    """Put a built-in term back to its built-in text; undo restores the user's version."""

    text: str = "Reset term"

    @classmethod
    def of(cls, before: Term, **fields: object) -> ResetTerm:  # type: ignore[override]
        """The reset of `before` (a term that came from the built-in glossary)."""
        if not before.builtin_key:
            raise YanduError(f"{before.term!r} is not a built-in term; there is nothing to reset.")
        text = builtin_fields(before.builtin_key)
        text["aliases"] = tuple(text["aliases"])
        return cls(before, dataclasses.replace(before, updated_at=now_iso(), **text))


@dataclasses.dataclass
class Batch:
    """Several term commands as one undoable step (an import): one refresh at the end."""

    steps: list[_TermCommand]
    text: str = "Import terms"

    def _touched(self) -> list[str]:
        return [f for step in self.steps for f in step.touched()]

    def apply(self, db: Database) -> Changes:
        """Write every step (spellings checked against one shared index), then refresh."""
        spellings = Spellings.of(db)
        for step in self.steps:
            step.write(db, spellings)
        sync.refresh(db, self._touched())
        return GLOSSARY

    def revert(self, db: Database) -> Changes:
        for step in reversed(self.steps):
            step.unwrite(db)
        sync.refresh(db, self._touched())
        return GLOSSARY


@dataclasses.dataclass
class DismissCandidate:
    """Dismiss a suggested candidate so suggestions never offer it again (undoable)."""

    candidate: str
    text: str = "Dismiss suggestion"

    def apply(self, db: Database) -> Changes:
        key = fold(self.candidate.strip())
        if not key:
            raise YanduError("Nothing to dismiss.")
        db.execute("INSERT OR REPLACE INTO glossary_dismissed (candidate, dismissed_at) "
                   "VALUES (?, ?)", [key, now_iso()])
        return GLOSSARY

    def revert(self, db: Database) -> Changes:
        db.execute("DELETE FROM glossary_dismissed WHERE candidate = ?",
                   [fold(self.candidate.strip())])
        return GLOSSARY


def dismissed(db: Database) -> set[str]:
    """The folded candidates the user dismissed."""
    return {r[0] for r in db.execute("SELECT candidate FROM glossary_dismissed")}
