"""A team on one study: each member's copy, kept in step through a shared folder.

Each member works on a copy of the study of its own; a sync sends what the member changed
and applies what the others changed, as changesets of SQLite's session extension (through
apsw: Python's sqlite3 cannot reach it). Nothing is shared but files in a folder the team
already syncs (Syncthing, a cloud drive, a network drive, a git repository):

    FOLDER/team.json          the team: its id, who made it, the schema step it began at
    FOLDER/base.sqlite        the study as it was when the team was made (copied on join)
    FOLDER/<user>/member.json  a member and the first id of its range (`db.ids`)
    FOLDER/<user>/<seq>.changeset  what the member changed between two syncs

A member writes only in its own subfolder, only whole numbered files, and never the live
study. The rules that make every copy end the same:

- Ids: new integer ids are in each member's own range (`db.ids`), tags' ids come from
  their names; annotations, terms and cards already have ids made where they are made.
- What syncs: the tables `tables.SHARED` lists; the search indexes and each member's own
  data do not (`tables.NOT_SHARED` says why each is left out). Each copy re-indexes the
  turns and notes a sync changes.
- Edits: each change carries (when, by whom). Two changes to the same column of a row:
  the later one by (time, user) is kept on every copy, and the other is listed in
  `team_conflicts` for the member to put back if they wish (`conflicts`).
- Deletes win: a delete applies over a concurrent edit, an edit of a row deleted
  elsewhere is dropped (and listed), and rows whose parent was deleted go with it. So no
  marker is kept on the deleted rows: the study's queries stay as they are.
- A file is applied once (`team_seen`), after the files its author had applied, in the
  author's order; copies the sync tools make (`*.sync-conflict-*`) are never read.
- A sync runs in one transaction (BEGIN IMMEDIATE): killed, it leaves the copy as it was.
"""
