"""Study file problems: each refused with a one-line message, the file left untouched."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import threading
import time
import zipfile
from pathlib import Path

import pytest

from db import StudyError, open_study
from db import connection as connection_module
from db.connection import writing
from db.migrations import MIGRATIONS
from desktop.core.annotations import CreateAnnotation, new_annotation
from desktop.core.commands import History
from tests.reliability.helpers import annotation_rows, integrity, make_study


def _one_line(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message


def _refused(path: Path, match: str) -> str:
    """Open `path`, expect a StudyError matching `match`, and check nothing was written."""
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(StudyError, match=match) as info:
        open_study(path)
    _one_line(str(info.value))
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings
    return str(info.value)


@pytest.mark.parametrize(
    "content",
    [
        b"hello, this is a plain text file\n" * 40,
        bytes(range(256)) * 16,
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 4000,
        b"SQLite format 2\x00" + b"\x00" * 4000,
    ],
    ids=["text", "binary", "png", "almost-magic"],
)
def test_not_an_sqlite_file_is_refused(study_path, content):
    study_path.write_bytes(content)
    _refused(study_path, "not a Yandu study")


def test_a_zip_named_like_a_study_is_refused(study_path):
    with zipfile.ZipFile(study_path, "w") as zf:
        zf.writestr("project.qde", "<xml/>")
    _refused(study_path, "not a Yandu study")


def test_another_programs_database_is_refused_and_not_migrated(study_path):
    conn = sqlite3.connect(study_path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ann', '123')")
    conn.commit()
    conn.close()
    _refused(study_path, "not a Yandu study")


@pytest.mark.parametrize("keep", [10, 60, 100, 0.5, 0.9], ids=lambda k: f"keep-{k}")
def test_truncated_study_is_refused(study_path, keep):
    make_study(study_path, annotations=300)
    data = study_path.read_bytes()
    assert len(data) > 8 * 4096  # several pages, so a cut loses real content
    cut = int(len(data) * keep) if isinstance(keep, float) else keep
    study_path.write_bytes(data[:cut])
    _refused(study_path, "truncated|damaged")


def test_bad_page_size_in_header_is_refused(study_path):
    make_study(study_path)
    data = bytearray(study_path.read_bytes())
    data[16:18] = (1000).to_bytes(2, "big")  # not a power of two
    study_path.write_bytes(bytes(data))
    _refused(study_path, "damaged")


def _table_pages(path: Path, table: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? ORDER BY pagetype = 'leaf' DESC, pageno",
            [table])]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    finally:
        conn.close()


@pytest.mark.parametrize("table", ["annotations", "annotation_tags", "sqlite_master"])
def test_damaged_page_is_detected_on_open(study_path, table):
    make_study(study_path, annotations=300)
    # The schema table always starts on page 1, after the 100-byte file header.
    pages = [1] if table == "sqlite_master" else _table_pages(study_path, table)
    assert pages
    page = pages[0]
    data = bytearray(study_path.read_bytes())
    offset = (page - 1) * 4096 + (100 if page == 1 else 0)
    # Scramble the b-tree page header and its cell pointers.
    data[offset : offset + 64] = bytes((i * 37 + 11) % 256 for i in range(64))
    study_path.write_bytes(bytes(data))
    _refused(study_path, "damaged|malformed")


def test_file_from_newer_yandu_keeps_its_journal_mode(study_path):
    # A newer Yandu's study in the rollback journal: opening must not switch it to WAL.
    make_study(study_path)
    conn = sqlite3.connect(study_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                 "VALUES ('yandu', '9000_future', '2031-01-01')")
    conn.commit()
    conn.close()
    message = _refused(study_path, "newer Yandu")
    assert "9000_future" in message
    assert study_path.read_bytes()[18:20] == b"\x01\x01"  # still the rollback journal


@contextlib.contextmanager
def _unwritable(path: Path):
    """Make a file or folder unwritable, even for root (immutable attribute), then restore."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if not chattr or subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode:
        pytest.skip("running as root on a file system without immutable files")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def _refused_then_viewed(path: Path, unwritable: Path) -> None:
    before = path.read_bytes()
    rows = annotation_rows(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    with _unwritable(unwritable):
        with pytest.raises(StudyError, match="read-only") as info:
            open_study(path)
        _one_line(str(info.value))
        db = open_study(path, read_only=True)
        assert db.execute("SELECT count(*) FROM annotations").fetchone()[0] == len(rows)
        with pytest.raises(StudyError, match="read-only") as info, writing(db):
            History(db).run(CreateAnnotation(new_annotation(db, 1, 0, 3, note="x")))
        _one_line(str(info.value))
        db.close()
        # Viewing may leave SQLite's empty shared-memory and log files beside the study.
        extra = set(p.name for p in path.parent.iterdir()) - set(siblings)
        assert extra <= {path.name + "-wal", path.name + "-shm"}
        wal = path.with_name(path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0
    assert path.read_bytes() == before
    assert annotation_rows(path) == rows


def test_read_only_file_gives_clear_message_and_opens_for_viewing(study_path):
    make_study(study_path, annotations=5)
    _refused_then_viewed(study_path, study_path)


def test_read_only_folder_gives_clear_message_and_opens_for_viewing(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "study.sqlite"
    make_study(path, annotations=5)
    _refused_then_viewed(path, folder)


def test_new_study_in_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    with _unwritable(folder):
        with pytest.raises(StudyError, match="read-only") as info:
            open_study(folder / "new.sqlite")
        _one_line(str(info.value))
    assert list(folder.iterdir()) == []


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setattr(connection_module, "BUSY_TIMEOUT_MS", 300)


def test_write_while_another_program_holds_the_lock(study_path, short_busy_timeout):
    doc = make_study(study_path, annotations=3)
    before = annotation_rows(study_path)
    db = open_study(study_path)  # reading still works under a WAL writer's lock
    other = sqlite3.connect(study_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        history = History(db)
        command = CreateAnnotation(new_annotation(db, doc, 0, 4, note="blocked"))
        started = time.monotonic()
        with pytest.raises(StudyError, match="locked by another program") as info, writing(db):
            history.run(command)
        assert time.monotonic() - started < 3
        _one_line(str(info.value))
        assert "not saved" in str(info.value)
        assert not history.can_undo
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert annotation_rows(study_path) == before
    # Once the other program lets go, the same edit saves.
    History(db).run(command)
    assert len(annotation_rows(study_path)) == len(before) + 1
    db.close()


def test_open_while_another_program_holds_an_exclusive_lock(study_path, short_busy_timeout):
    make_study(study_path, annotations=3)
    before = annotation_rows(study_path)
    other = sqlite3.connect(study_path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE annotations SET note = note")
    other.execute("COMMIT")  # the exclusive lock stays until the connection closes
    try:
        with pytest.raises(StudyError, match="locked by another program") as info:
            open_study(study_path)
        _one_line(str(info.value))
    finally:
        other.close()
    assert annotation_rows(study_path) == before


def test_lock_released_within_the_timeout_lets_the_write_through(study_path):
    doc = make_study(study_path)
    db = open_study(study_path)
    other = sqlite3.connect(study_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
    with writing(db):
        History(db).run(CreateAnnotation(new_annotation(db, doc, 1, 3, note="waited")))
    other.close()
    assert [r[5] for r in annotation_rows(study_path)] == ["waited"]
    db.close()


def test_disk_full_during_a_write(study_path):
    doc = make_study(study_path, annotations=20)
    before = annotation_rows(study_path)
    db = open_study(study_path)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 2}")  # the "disk" has two pages left
    history = History(db)
    big = CreateAnnotation(new_annotation(db, doc, 0, 9, note="长笔记" * 20000))
    with pytest.raises(StudyError, match="full") as info, writing(db):
        history.run(big)
    _one_line(str(info.value))
    assert not history.can_undo
    assert not db.conn.in_transaction
    assert annotation_rows(study_path) == before
    assert integrity(study_path) == ["ok"]
    # Small edits still fit; after space is freed the big one saves too.
    db.execute(f"PRAGMA max_page_count = {pages * 100}")
    with writing(db):
        history.run(big)
    db.close()
    assert len(annotation_rows(study_path)) == len(before) + 1
    assert integrity(study_path) == ["ok"]


def test_disk_full_while_writing_the_upgrade_backup_leaves_study_as_it_was(
        study_path, monkeypatch):
    make_study(study_path, annotations=3)
    before = study_path.read_bytes()
    name = "0997_test_extra"
    MIGRATIONS(name=name)(lambda db: db.execute("CREATE TABLE test_extra (x)"))
    real_connect = sqlite3.connect

    def connect_full(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        if str(target).endswith(".bak"):
            conn.execute("PRAGMA max_page_count = 2")
        return conn

    monkeypatch.setattr(connection_module.sqlite3, "connect", connect_full)
    try:
        with pytest.raises(StudyError, match="backup") as info:
            open_study(study_path)
        _one_line(str(info.value))
    finally:
        MIGRATIONS._migrations[:] = [m for m in MIGRATIONS._migrations if m.name != name]
    assert study_path.read_bytes() == before
    assert not [p for p in study_path.parent.iterdir() if ".bak" in p.name]


def test_upgrade_of_several_steps_is_all_or_nothing(study_path):
    make_study(study_path, annotations=3)
    rows = annotation_rows(study_path)
    names = ["0995_test_ok", "0996_test_broken"]

    def ok(db):
        db.execute("CREATE TABLE test_ok (x)")

    def broken(db):
        db.execute("ALTER TABLE annotations ADD COLUMN test_col TEXT")
        raise sqlite3.OperationalError("simulated failure in the second step")

    MIGRATIONS(name=names[0])(ok)
    MIGRATIONS(name=names[1])(broken)
    try:
        with pytest.raises(StudyError, match="upgrade") as info:
            open_study(study_path)
        _one_line(str(info.value))
    finally:
        MIGRATIONS._migrations[:] = [m for m in MIGRATIONS._migrations if m.name not in names]
    db = open_study(study_path)
    assert "test_ok" not in db.table_names()
    assert "test_col" not in db["annotations"].columns_dict
    assert not {m.name for m in MIGRATIONS.applied(db)} & set(names)
    db.close()
    assert annotation_rows(study_path) == rows
    backups = [p for p in study_path.parent.iterdir() if ".bak" in p.name]
    assert len(backups) == 1 and annotation_rows(backups[0]) == rows


def test_cli_import_into_a_locked_study_says_so_in_one_line(study_path, short_busy_timeout,
                                                             tmp_path, capsys):
    from desktop.cli import main as cli_main

    make_study(study_path)
    source = tmp_path / "talk.txt"
    source.write_text("甲：你好。\n乙：你好。\n", encoding="utf-8")
    other = sqlite3.connect(study_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code = cli_main(["import", str(source), "--db", str(study_path)])
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("yandu: ") and err.count("\n") == 1 and "locked" in err, err
    db = open_study(study_path)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1  # only make_study's
    db.close()


def test_damage_met_after_opening_is_reported_in_one_line(study_path, monkeypatch):
    # Above the size limit the check on open is skipped; damage then surfaces on use.
    from db import health

    make_study(study_path, annotations=300)
    pages = _table_pages(study_path, "annotations")
    data = bytearray(study_path.read_bytes())
    offset = (pages[-1] - 1) * 4096
    data[offset : offset + 64] = bytes((i * 37 + 11) % 256 for i in range(64))
    study_path.write_bytes(bytes(data))
    monkeypatch.setattr(health, "QUICK_CHECK_MAX_BYTES", 0)
    db = open_study(study_path)
    with pytest.raises(StudyError, match="damaged") as info, writing(db):
        db.execute("SELECT note FROM annotations").fetchall()
    _one_line(str(info.value))
    db.close()


def test_disk_full_during_an_import_leaves_no_trace(study_path, tmp_path):
    from desktop.core.importing import import_file

    make_study(study_path, annotations=5)
    before = annotation_rows(study_path)
    source = tmp_path / "talk.txt"
    source.write_text("".join(f"{'甲乙'[i % 2]}：第{i}段发言。\n" for i in range(3000)),
                      encoding="utf-8")
    db = open_study(study_path)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 10}")
    with pytest.raises(StudyError, match="full") as info, writing(db):
        import_file(db, source)
    _one_line(str(info.value))
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM turns").fetchone()[0] == 0
    db.execute(f"PRAGMA max_page_count = {pages * 1000}")
    import_file(db, source)  # with room again, the same import goes through
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    db.close()
    assert annotation_rows(study_path) == before
    assert integrity(study_path) == ["ok"]
