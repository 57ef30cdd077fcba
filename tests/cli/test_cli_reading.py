"""`yandu list` and `yandu show` read a current study through a plain read-only connection
(`db.reading`), and fall back to opening it properly when it is not at this schema."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from db import open_study, reading
from db.migrations import MIGRATIONS
from desktop.cli import main

SRT = """1
00:00:01,000 --> 00:00:04,500
主持人：请各位谈谈算力荒。

2
00:00:05,000 --> 00:00:09,000
张三：我们在做张量并行。
"""


def test_current_step_is_the_last_migration():
    assert MIGRATIONS._migrations[-1].name == reading.CURRENT_STEP
    names = [m.name for m in MIGRATIONS._migrations]
    assert names == sorted(names)  # the newest applied step is the greatest name


@pytest.fixture
def study(study_path, sample_path, tmp_path, capsys) -> str:
    srt = tmp_path / "panel.srt"
    srt.write_text(SRT, encoding="utf-8")
    assert main(["import", str(sample_path), str(srt), "--db", str(study_path)]) == 0
    capsys.readouterr()
    return str(study_path)


def test_a_current_study_is_read_without_sqlite_utils(study):
    code = (
        "import sys; from desktop.cli import main\n"
        f"for argv in (['list'], ['show', '1'], ['show', '2', '--json']):\n"
        f"    assert main(argv + ['--db', {study!r}]) == 0\n"
        "loaded = [m for m in ('sqlite_utils', 'desktop.core.segment', 'rjieba', 'numpy')"
        " if m in sys.modules]\n"
        "print('LOADED', loaded, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert "LOADED []" in done.stderr


@pytest.mark.parametrize("argv", [["list", "--json"], ["show", "1"], ["show", "2", "--json"],
                                  ["show", "1", "--json"]])
def test_the_lean_reading_prints_what_the_full_opening_prints(study, argv, capsys,
                                                              monkeypatch):
    assert main([*argv, "--db", study]) == 0
    lean = capsys.readouterr().out
    monkeypatch.setattr(reading, "open_current_for_reading", lambda path: None)
    assert main([*argv, "--db", study]) == 0
    assert capsys.readouterr().out == lean
    if argv[-1] == "--json" and argv[0] == "show" and argv[1] == "2":
        turns = json.loads(lean)["turns"]
        assert [t["start_ms"] for t in turns] == [1000, 5000]  # the cues' times


def _set_last_step(path: str, name: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE _sqlite_migrations SET name = ? WHERE name = ?",
                     [name, reading.CURRENT_STEP])
    conn.close()


def test_a_study_at_another_schema_is_not_read_lean(study):
    conn = reading.open_current_for_reading(study)
    assert conn is not None
    conn.close()
    _set_last_step(study, "0099_from_a_newer_yandu")
    assert reading.open_current_for_reading(study) is None


def test_a_newer_study_is_refused_in_one_line(study, capsys):
    with sqlite3.connect(study) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('yandu', '0099_from_a_newer_yandu', '2030-01-01')")
    conn.close()
    assert main(["list", "--db", study]) == 2
    assert "newer Yandu" in capsys.readouterr().err


def test_not_a_study_is_refused_in_one_line(tmp_path, capsys):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE things (id INTEGER)")
    conn.close()
    assert reading.open_current_for_reading(other) is None
    assert main(["list", "--db", str(other)]) == 2
    assert "not a Yandu study" in capsys.readouterr().err


def test_the_lean_connection_cannot_write(study):
    conn = reading.open_current_for_reading(study)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM documents")
    conn.close()
    assert open_study(study).execute("SELECT count(*) FROM documents").fetchone()[0] == 2
