"""Which tables of a study a team shares, and why the others stay with each member.

Schema step 0013 installs the triggers that record changes on exactly `SHARED` (a test
checks that every table of the schema is in one of the two lists below).
"""

from __future__ import annotations

# In the order a changeset lists them (parents before children).
SHARED = (
    "documents", "document_sources", "source_marks", "speakers", "sections", "turns",
    "turn_stamps", "annotations", "tags", "annotation_tags", "glossary_terms",
    "glossary_dismissed", "review_cards", "review_log",
)

# Tables whose conflicts a member is shown (the others are settled silently: their rows
# are made the same way on every copy, or a later change always supersedes them).
SHOWN = frozenset({"documents", "speakers", "sections", "turns", "annotations",
                   "glossary_terms"})

NOT_SHARED = {
    "study_meta": "each copy's own settings, the team's included",
    "recordings": "a recording's path is on one member's machine; each attaches its own",
    "reading_progress": "how far this member has read",
    "import_runs": "imports running on this copy",
    "search_staging": "imports running on this copy",
    "turn_chars": "search index: each copy indexes the turns a sync changes",
    "annotation_index": "search index: each copy indexes the notes a sync changes",
    "annotation_chars": "search index: each copy indexes the notes a sync changes",
    "team_dirty": "this copy's changes since its last sync",
    "team_stamps": "this copy's record of the changes it holds",
    "team_seen": "the files this copy has applied",
    "team_conflicts": "the conflicts this copy met",
    "_sqlite_migrations": "the schema steps applied to this copy",
}


def is_own_table(name: str) -> bool:
    """Tables a copy keeps for itself that are not named above: FTS5's shadow tables and
    the rows kept before a change (`team_old_<table>`)."""
    return name.startswith(("team_old_", "sqlite_")) or any(
        name.startswith(f"{fts}_") for fts in ("turn_chars", "annotation_index",
                                                 "annotation_chars"))
