"""The study schema, as one ordered list of named migrations.

Each step says what it adds and why. A study records the steps applied to it; a study
that has a step this list does not know was written by a newer Yandu and is refused.
"""

from __future__ import annotations

import json

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("yandu")


@MIGRATIONS(name="0001_initial")
def initial(db: Database) -> None:
    """Documents, their speakers, sections and turns; annotations, tags, glossary, indexes.

    Offsets (`start`, `end`, ...) are code points into `documents.text`, the decoded and
    line-ending-normalised source, which never changes after import. Annotations keep the
    quoted text beside their offsets so an anchor can always be checked. UUIDs and authors
    on annotations and terms let two studies be merged later.
    """
    db.executescript(
        """
        CREATE TABLE study_meta (
            key TEXT PRIMARY KEY,
            value TEXT
        );

        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            source_name TEXT NOT NULL,
            source_sha256 TEXT NOT NULL UNIQUE,
            encoding TEXT NOT NULL,
            format TEXT NOT NULL,
            text TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );

        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL,
            is_moderator INTEGER NOT NULL DEFAULT 0,
            UNIQUE (document_id, name)
        );

        CREATE TABLE sections (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            UNIQUE (document_id, position)
        );

        CREATE TABLE turns (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
            section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            headline TEXT NOT NULL DEFAULT '',
            text_start INTEGER NOT NULL,
            text_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            cue_start_ms INTEGER,
            cue_end_ms INTEGER,
            UNIQUE (document_id, position)
        );
        CREATE INDEX turns_speaker ON turns(speaker_id);
        CREATE INDEX turns_section ON turns(section_id);

        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (start >= 0 AND "end" > start)
        );
        CREATE INDEX annotations_document ON annotations(document_id, start);

        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE
        );

        CREATE TABLE annotation_tags (
            annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (annotation_id, tag_id)
        );
        CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);

        CREATE TABLE glossary_terms (
            id TEXT PRIMARY KEY,
            term TEXT NOT NULL UNIQUE,
            aliases TEXT NOT NULL DEFAULT '[]',
            definition TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            english TEXT NOT NULL DEFAULT '',
            pinyin TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            builtin_key TEXT,
            author TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE glossary_dismissed (
            candidate TEXT PRIMARY KEY,
            dismissed_at TEXT NOT NULL
        );

        -- Full-text search. FTS5 does not segment Chinese, so `tokens` holds the folded
        -- (NFKC, simplified) text segmented by jieba and joined by spaces.
        CREATE VIRTUAL TABLE turn_index USING fts5(tokens);
        CREATE VIRTUAL TABLE annotation_index USING fts5(annotation_id UNINDEXED, tokens);
        """
    )


@MIGRATIONS(name="0002_turn_headline_offsets")
def turn_headline_offsets(db: Database) -> None:
    """Where each turn's headline quote sits in `documents.text` (0, 0 when it has none).

    A headline such as `陈虞君:"提升大模型长文本能力"` is shown apart from the speech; its
    offsets let a selection inside it map back to the document like any other text.
    """
    db.executescript(
        """
        ALTER TABLE turns ADD COLUMN headline_start INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE turns ADD COLUMN headline_end INTEGER NOT NULL DEFAULT 0;
        """
    )


@MIGRATIONS(name="0003_search_chars")
def search_chars(db: Database) -> None:
    """Character-level search tables beside the word-level ones.

    jieba cuts the same characters differently in different contexts, so a word index
    alone misses some turns that contain a query (参数 inside 超参数). These tables hold
    the folded text with every Chinese character as its own token, so a quoted phrase
    of them matches exactly where the text contains it. A study that already has text
    is marked so that the app fills them (segmentation lives above the storage layer).
    """
    db.executescript(
        """
        CREATE VIRTUAL TABLE turn_chars USING fts5(chars);
        CREATE VIRTUAL TABLE annotation_chars USING fts5(annotation_id UNINDEXED, chars);
        INSERT INTO study_meta (key, value)
            SELECT 'search_index_stale', '1'
            WHERE EXISTS (SELECT 1 FROM turns) OR EXISTS (SELECT 1 FROM annotations);
        """
    )


@MIGRATIONS(name="0004_search_char_pairs")
def search_char_pairs(db: Database) -> None:
    """Index Chinese as overlapping character pairs, with a one-character prefix index.

    Single characters made FTS5 read every turn holding a common character (大, 的) to
    answer a phrase such as 大前提; pairs keep those lists short. The tables are
    recreated empty, and a study with text is marked so that the app refills them.
    """
    db.executescript(
        """
        DROP TABLE turn_chars;
        DROP TABLE annotation_chars;
        CREATE VIRTUAL TABLE turn_chars USING fts5(chars, prefix='1');
        CREATE VIRTUAL TABLE annotation_chars USING fts5(annotation_id UNINDEXED, chars,
            prefix='1');
        INSERT OR REPLACE INTO study_meta (key, value)
            SELECT 'search_index_stale', '1'
            WHERE EXISTS (SELECT 1 FROM turns) OR EXISTS (SELECT 1 FROM annotations);
        """
    )


@MIGRATIONS(name="0005_fold_each_character")
def fold_each_character(db: Database) -> None:
    """Refill the search indexes: text is now folded a character at a time.

    Text without full-width punctuation used to be converted to simplified Chinese by
    phrase, which keeps some traditional characters (乾隆) that the same words elsewhere
    lost; the indexes may hold either form. The ellipsis … also stays one character now
    instead of NFKC's "...". A study with text is marked for the app to refill them.
    """
    db.execute(
        """
        INSERT OR REPLACE INTO study_meta (key, value)
            SELECT 'search_index_stale', '1'
            WHERE EXISTS (SELECT 1 FROM turns) OR EXISTS (SELECT 1 FROM annotations)
        """
    )


@MIGRATIONS(name="0006_split_aliases_typed_with_commas")
def split_aliases_typed_with_commas(db: Database) -> None:
    """Split glossary aliases that hold commas into one alias each.

    The term dialog asked for comma-separated aliases but stored what was typed as one
    alias ("数学数据, 中文语料"), which never matched the text. Each part becomes an alias
    of its own, blanks and repeats (and the term itself) left out, in the order typed.
    """
    rows = db.execute(
        "SELECT id, term, aliases FROM glossary_terms "
        "WHERE aliases LIKE '%,%' OR aliases LIKE '%，%'"
    ).fetchall()
    for term_id, term, stored in rows:
        aliases: list[str] = []
        for alias in json.loads(stored or "[]"):
            for part in str(alias).replace("，", ",").split(","):
                part = part.strip()
                if part and part != term.strip() and part not in aliases:
                    aliases.append(part)
        db.execute("UPDATE glossary_terms SET aliases = ? WHERE id = ?",
                   [json.dumps(aliases, ensure_ascii=False), term_id])


@MIGRATIONS(name="0007_split_tags_at_enumeration_commas")
def split_tags_at_enumeration_commas(db: Database) -> None:
    """Split annotation tags that hold a separator into one tag each.

    The tag field split only at commas and semicolons, so 相声、郭德纲 (a Chinese list,
    joined by the enumeration comma 、) was stored as one tag, and `yandu annotate --tag`
    split nothing. Each part becomes a tag of its own (an existing tag of that name where
    there is one), on every annotation that had the joined tag; the joined tag goes.
    The separators are written out here, not imported, so this step never changes.
    """
    separators = "、，,；;"
    joined = db.execute(
        "SELECT id, name FROM tags WHERE "
        + " OR ".join("instr(name, ?) > 0" for _ in separators),
        list(separators),
    ).fetchall()
    for old_id, name in joined:
        for sep in separators:
            name = name.replace(sep, "\n")
        parts = list(dict.fromkeys(p.strip() for p in name.split("\n") if p.strip()))
        if not parts:
            continue  # only separators: nothing to split it into, so it stays as it is
        annotation_ids = [r[0] for r in db.execute(
            "SELECT annotation_id FROM annotation_tags WHERE tag_id = ?", [old_id])]
        db.execute("DELETE FROM annotation_tags WHERE tag_id = ?", [old_id])
        db.execute("DELETE FROM tags WHERE id = ?", [old_id])
        for part in parts:
            found = db.execute("SELECT id FROM tags WHERE name = ? COLLATE NOCASE",
                               [part]).fetchone()
            tag_id = found[0] if found else db.execute(
                "INSERT INTO tags (name) VALUES (?)", [part]).lastrowid
            db.conn.executemany(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                [(annotation_id, tag_id) for annotation_id in annotation_ids])


@MIGRATIONS(name="0008_record_kind_marks_and_sources")
def record_kind_marks_and_sources(db: Database) -> None:
    """The kind of record, its page/line/time references, and the source as it came.

    `documents.text` is the text as Yandu reads it: for a PDF, a web page or a record
    hard-wrapped at a fixed width it is the rebuilt paragraphs, not the file's bytes, so
    those bytes are kept in `document_sources` (only when they differ from the text).
    `source_marks` says where each page, printed line and timed cue begins in the text
    (`at` is a code point offset), so any passage can be cited as the source numbers it.
    `documents.import_report` is JSON: what the import found and changed.
    """
    db.executescript(
        """
        ALTER TABLE documents ADD COLUMN kind TEXT NOT NULL DEFAULT '';
        ALTER TABLE documents ADD COLUMN import_report TEXT NOT NULL DEFAULT '{}';

        CREATE TABLE source_marks (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            page TEXT NOT NULL DEFAULT '',
            line INTEGER,
            time_ms INTEGER
        );
        CREATE INDEX source_marks_document ON source_marks(document_id, at);

        CREATE TABLE document_sources (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            data BLOB NOT NULL
        );
        """
    )


@MIGRATIONS(name="0009_document_collections")
def document_collections(db: Database) -> None:
    """What a reader knows about each document, its collection, and the order of the study.

    `date` (ISO, YYYY-MM-DD), `event`, `source` (where the record was published: a URL or
    a citation; not the imported file, which is `source_name`) and `language` are free
    text, '' when unknown. `collection` names the one collection a document belongs to
    ('' for none): documents with the same name are grouped together. `position` orders
    the documents of the study (lists, exports): existing ones keep the order they were
    imported in, and a trigger puts a newly inserted document last when it gives none.
    """
    db.executescript(
        """
        ALTER TABLE documents ADD COLUMN date TEXT NOT NULL DEFAULT '';
        ALTER TABLE documents ADD COLUMN event TEXT NOT NULL DEFAULT '';
        ALTER TABLE documents ADD COLUMN source TEXT NOT NULL DEFAULT '';
        ALTER TABLE documents ADD COLUMN language TEXT NOT NULL DEFAULT '';
        ALTER TABLE documents ADD COLUMN collection TEXT NOT NULL DEFAULT '';
        ALTER TABLE documents ADD COLUMN position INTEGER;
        UPDATE documents SET position = id;
        CREATE INDEX documents_collection ON documents(collection, position);

        CREATE TRIGGER documents_position_last AFTER INSERT ON documents
        WHEN NEW.position IS NULL
        BEGIN
            UPDATE documents
            SET position = (SELECT coalesce(max(position), 0) + 1 FROM documents)
            WHERE id = NEW.id;
        END;
        """
    )


@MIGRATIONS(name="0010_recordings_and_turn_times")
def recordings_and_turn_times(db: Database) -> None:
    """A document's recording, and the times a listener stamped on its turns.

    `recordings` holds at most one recording per document: its path as the user gave it
    (relative to the study's folder when it lies beside or below it) and the absolute
    path it had, its size, duration (NULL until known) and SHA-256, so a moved file can be
    recognised when it is found again. `turn_stamps` is the start a listener set on a turn
    while playing (kept apart from the imported cue times, which never change).
    """
    db.executescript(
        """
        CREATE TABLE recordings (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            absolute_path TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('audio', 'video')),
            size INTEGER NOT NULL,
            duration_ms INTEGER,
            sha256 TEXT NOT NULL,
            attached_at TEXT NOT NULL
        );

        CREATE TABLE turn_stamps (
            turn_id INTEGER PRIMARY KEY REFERENCES turns(id) ON DELETE CASCADE,
            start_ms INTEGER NOT NULL CHECK (start_ms >= 0)
        );
        """
    )


@MIGRATIONS(name="0011_review_cards_and_reading_progress")
def review_cards_and_reading_progress(db: Database) -> None:
    """The review deck with its schedule and log, and how far each document has been read.

    A card's id is made from its source (`term:<term id>:forward`, `annotation:<id>:cloze`,
    `turn:<turn id>:who`...), so editing the source rewrites the card's text and deleting
    it retires the card (`retired_at`) without losing its schedule or its log. The schedule
    columns are FSRS's card state; `review_log` keeps every grade given (1 Again … 4 Easy),
    so a study carries its reviews when it is copied, merged or exported.
    `reading_progress` holds the turns shown on screen long enough to be read.
    """
    db.executescript(
        """
        CREATE TABLE review_cards (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            source_id TEXT NOT NULL,
            document_id INTEGER,
            front TEXT NOT NULL,
            back TEXT NOT NULL,
            choices TEXT NOT NULL DEFAULT '[]',
            detail TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            retired_at TEXT,
            state INTEGER NOT NULL DEFAULT 1,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,
            last_review TEXT
        );
        CREATE INDEX review_cards_due ON review_cards(due);

        CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            card_id TEXT NOT NULL,
            rating INTEGER NOT NULL,
            reviewed_at TEXT NOT NULL,
            duration_ms INTEGER,
            due_after TEXT NOT NULL
        );
        CREATE INDEX review_log_card ON review_log(card_id, reviewed_at);

        CREATE TABLE reading_progress (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            turn_id INTEGER NOT NULL,
            read_at TEXT NOT NULL,
            PRIMARY KEY (document_id, turn_id)
        );
        """
    )


@MIGRATIONS(name="0012_compact_search_index")
def compact_search_index(db: Database) -> None:
    """Keep no second copy of every turn in the search index; drop the turns' word index.

    `turn_chars` stored its gram tokens as text beside the index (`turn_chars_content`,
    twice the size of the turns themselves), though a search reads only the index. It is
    now contentless: FTS5 keeps the index alone, and a turn's row is removed by giving
    FTS5 its tokens again, worked out from the turn (see `search_index`). The table is
    recreated empty, and a study with turns is marked so that the app refills it before
    the next search. The old table's pages are left free for the next import to reuse.

    The turns' word index (`turn_index`, jieba's words of each turn) goes: no search has
    read it since the gram index came (step 0004), and it held the text once more (its
    content and its index: twice the size of the turns). Whether a hit is a whole word is
    worked out from the hit's text when asked for. The notes' word index stays (notes
    are short).

    An import writes the index rows of its turns in short transactions before the turns
    themselves (so that a save in the window never waits long for it): `import_runs`
    holds each running import and the turn ids it reserved, which every search leaves
    out until the turns arrive in one last short transaction; `search_staging` holds
    the tokens given to the index for each reserved id, so that an import that was
    killed can be taken out of the index again (see `db.connection`).

    The gram index also has no prefix index: that index (every token again, under its first
    character) took 40 % of the table and of the time to write it, and served only
    one-character queries, which FTS5 answers without it by merging the lists of the
    pairs that start with the character (about 10 ms for 的 in a 5 MB study).
    """
    db.executescript(
        """
        DROP TABLE turn_chars;
        DROP TABLE IF EXISTS turn_index;
        CREATE VIRTUAL TABLE turn_chars USING fts5(chars, content='');
        INSERT OR REPLACE INTO study_meta (key, value)
            SELECT 'search_index_stale', '1' WHERE EXISTS (SELECT 1 FROM turns);

        CREATE TABLE import_runs (
            id INTEGER PRIMARY KEY,
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            first_turn INTEGER NOT NULL,
            last_turn INTEGER NOT NULL,
            started_at TEXT NOT NULL
        );
        CREATE TABLE search_staging (
            turn_id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
            chars TEXT NOT NULL
        );
        CREATE INDEX search_staging_run ON search_staging(run_id);
        """
    )


# The tables a team shares (schema step 0013), written out here so that the step never
# changes; `desktop.core.team.tables` says why each table of the study is in or out.
_TEAM_TABLES = (
    "documents", "document_sources", "source_marks", "speakers", "sections", "turns",
    "turn_stamps", "annotations", "tags", "annotation_tags", "glossary_terms",
    "glossary_dismissed", "review_cards", "review_log",
)


def _team_triggers(db: Database, table: str) -> str:
    """The triggers that note each change a member makes to `table`: which row (its key
    as a JSON array) and when, and the row as it was before its first change since the
    last sync. They do nothing in a study that is not a team's, or while a sync writes."""
    info = db.execute(f"SELECT name, pk FROM pragma_table_info('{table}') ORDER BY cid"
                      ).fetchall()
    columns = [name for name, _ in info]
    keys = [name for name, pk in sorted(info, key=lambda c: c[1]) if pk]

    def key(row: str) -> str:
        return "json_array(" + ", ".join(f'{row}."{k}"' for k in keys) + ")"

    old_row = ", ".join(f'OLD."{c}"' for c in columns)
    when = ("WHEN EXISTS (SELECT 1 FROM study_meta WHERE key = 'team_user') "
            "AND NOT EXISTS (SELECT 1 FROM study_meta WHERE key = 'team_applying')")
    now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

    def mark(row: str) -> str:
        return (f"INSERT INTO team_dirty (tbl, pk, at) VALUES ('{table}', {key(row)}, {now}) "
                "ON CONFLICT (tbl, pk) DO UPDATE SET at = excluded.at;")

    keep = (f"INSERT INTO team_old_{table} SELECT {old_row} WHERE NOT EXISTS (SELECT 1 "
            f"FROM team_dirty WHERE tbl = '{table}' AND pk = {key('OLD')});")
    return f"""
        CREATE TABLE team_old_{table} AS SELECT * FROM {table} WHERE 0;
        CREATE TRIGGER team_{table}_insert AFTER INSERT ON {table} {when}
        BEGIN {mark('NEW')} END;
        CREATE TRIGGER team_{table}_update AFTER UPDATE ON {table} {when}
        BEGIN {keep} {mark('OLD')} {mark('NEW')} END;
        CREATE TRIGGER team_{table}_delete AFTER DELETE ON {table} {when}
        BEGIN {keep} {mark('OLD')} END;
    """


@MIGRATIONS(name="0013_team")
def team(db: Database) -> None:
    """A team on one study: what each member changed since its last sync, and conflicts.

    Members keep one study in step through a shared folder (see `desktop.core.team`).
    Triggers on each shared table note, in a team's study, every row a member inserts,
    updates or deletes (`team_dirty`: the row's key as a JSON array and when), and the
    row as it was before its first change since the last sync (`team_old_<table>`); a
    sync turns them into a changeset of SQLite's session extension and empties them.
    `team_stamps` holds (when, by whom) of the value each column of a row holds (col '' for
    the row as it was inserted), for the rows syncs touched, `team_seen` the last file applied from each member, and
    `team_conflicts` the changes that lost to another member's (to keep either side).

    `source_marks` gets a primary key (the session extension leaves out tables without
    one): its rowids are kept. Members allocate new integer ids in ranges of their own
    (`db.ids`), so that two members' new rows never share an id.
    """
    db.executescript(
        """
        CREATE TABLE source_marks_keyed (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            page TEXT NOT NULL DEFAULT '',
            line INTEGER,
            time_ms INTEGER
        );
        INSERT INTO source_marks_keyed (id, document_id, at, page, line, time_ms)
            SELECT rowid, document_id, at, page, line, time_ms FROM source_marks;
        DROP TABLE source_marks;
        ALTER TABLE source_marks_keyed RENAME TO source_marks;
        CREATE INDEX source_marks_document ON source_marks(document_id, at);

        CREATE TABLE team_dirty (
            tbl TEXT NOT NULL,
            pk TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (tbl, pk)
        ) WITHOUT ROWID;
        CREATE TABLE team_stamps (
            tbl TEXT NOT NULL,
            pk TEXT NOT NULL,
            col TEXT NOT NULL,
            at TEXT NOT NULL,
            by TEXT NOT NULL,
            PRIMARY KEY (tbl, pk, col)
        ) WITHOUT ROWID;
        CREATE TABLE team_seen (
            user TEXT PRIMARY KEY,
            seq INTEGER NOT NULL
        );
        CREATE TABLE team_conflicts (
            id INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            pk TEXT NOT NULL,
            kind TEXT NOT NULL,
            kept_by TEXT NOT NULL,
            kept_at TEXT NOT NULL,
            kept TEXT NOT NULL,
            lost_by TEXT NOT NULL,
            lost_at TEXT NOT NULL,
            lost TEXT NOT NULL,
            found_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT NOT NULL DEFAULT ''
        );
        """
    )
    db.executescript("".join(_team_triggers(db, table) for table in _TEAM_TABLES))


@MIGRATIONS(name="0014_documents_listing")
def documents_listing(db: Database) -> None:
    """A covering index for listing the documents (the documents panel, `yandu list`).

    A document's row holds its whole text before its import date and attributes, and
    SQLite reads a column after a long text by walking the text's overflow pages: listing
    1,000 documents read their 200 MB of text (0.1 s and more). The index holds what the
    list shows, so a listing reads the index alone; `library.list_documents` and
    `documents.catalogue` read no other column of `documents` (a test checks their plans).
    """
    db.execute(
        "CREATE INDEX documents_listing ON documents (id, title, source_name, encoding, "
        "format, imported_at, source_sha256, position, date, event, source, language, "
        "collection)")
