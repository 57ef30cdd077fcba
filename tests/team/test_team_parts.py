"""The parts of a team: which tables sync, ids in each member's range, the command line."""

from __future__ import annotations

import json

from db import ids, open_memory_study, open_study
from db.migrations import _TEAM_TABLES
from desktop.core import annotations as notes
from desktop.core.commands import History
from desktop.core.importing import import_bytes
from desktop.core.team import engine
from desktop.core.team.tables import NOT_SHARED, SHARED, is_own_table
from tests.team.helpers import cli, dump, make_team


def test_every_table_is_shared_or_said_why_not():
    db = open_memory_study()
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    unclassified = {t for t in tables
                    if t not in SHARED and t not in NOT_SHARED and not is_own_table(t)}
    assert not unclassified
    assert not set(SHARED) & set(NOT_SHARED)
    assert tuple(SHARED) == _TEAM_TABLES  # the triggers of step 0013 record exactly these


def test_outside_a_team_nothing_is_recorded_and_sqlite_gives_the_ids():
    db = open_memory_study()
    doc = import_bytes(db, "甲：你好。\n乙：再见。\n".encode(), "t.txt").document_id
    assert doc == 1 and ids.next_id(db, "turns") is None
    x = notes.new_annotation(db, doc, 0, 2, tags=["标签"])
    History(db).run(notes.CreateAnnotation(x))
    assert db.execute("SELECT count(*) FROM team_dirty").fetchone()[0] == 0
    assert db.execute("SELECT max(id) FROM tags").fetchone()[0] == 1


def test_members_add_rows_in_their_own_ranges_and_both_arrive(tmp_path):
    folder, copies, doc = make_team(tmp_path, ["alice", "bob"])
    made = {}
    for user, text in (("alice", "甲：第一份。\n乙：好的。\n"), ("bob", "丙：第二份。\n丁：对。\n")):
        db = open_study(copies[user])
        base = ids.base_of(db)
        new = import_bytes(db, text.encode(), f"{user}.txt").document_id
        assert base <= new < base + ids.BLOCK
        turns = [r[0] for r in db.execute("SELECT id FROM turns WHERE document_id = ?",
                                          [new])]
        assert all(base <= t < base + ids.BLOCK for t in turns)
        x = notes.new_annotation(db, new, 0, 2, tags=["共同", user])
        History(db).run(notes.CreateAnnotation(x))
        made[user] = new
        db.conn.close()
    for user in ("alice", "bob", "alice"):
        engine.sync(copies[user])
    assert dump(copies["alice"]) == dump(copies["bob"])
    db = open_study(copies["alice"])
    titles = {r[0] for r in db.execute("SELECT id FROM documents")}
    assert {doc, made["alice"], made["bob"]} <= titles
    # The tag both made is one tag: its id comes from its name.
    assert db.execute("SELECT count(*) FROM tags WHERE name = '共同'").fetchone()[0] == 1
    db.conn.close()


def test_the_command_line_makes_joins_syncs_and_lists(tmp_path):
    study = tmp_path / "mine.sqlite"
    source = tmp_path / "talk.txt"
    source.write_text("主持人：大家好。\n嘉宾：谢谢。\n", encoding="utf-8")
    cli("import", str(source), "--db", str(study))
    folder = tmp_path / "shared"
    done = cli("team", "create", str(folder), "--user", "王小明", "--db", str(study))
    assert "王小明" in done.stdout and (folder / "base.sqlite").exists()
    other = tmp_path / "theirs.sqlite"
    joined = json.loads(cli("team", "join", str(folder), "--user", "李华", "--db", str(other),
                            "--json").stdout)
    assert joined["study"] == str(other)
    cli("annotate", "1", "--quote", "大家好", "--note", "开场", "--db", str(other))
    assert json.loads(cli("sync", "--json", "--db", str(other)).stdout)["sent"] > 0
    assert json.loads(cli("sync", "--json", "--db", str(study)).stdout)["received"] > 0
    found = cli("search", "开场", "--db", str(study))  # the note arrived, and is indexed
    assert "开场" in found.stdout
    assert json.loads(cli("team", "conflicts", "--json", "--db", str(study)).stdout) == []
    assert cli("team", "conflicts", "--db", str(study)).stdout.strip() == "No conflicts."


def test_bad_team_commands_answer_in_one_line(tmp_path):
    study = tmp_path / "s.sqlite"
    cli("import", "-", "--db", str(study), check=False)
    open_study(study).conn.close()
    cases = [
        (("sync", "--db", str(study)), "not a team's study"),
        (("team", "join", str(tmp_path / "none"), "--user", "a", "--db",
          str(tmp_path / "n.sqlite")), "holds no team"),
        (("team", "create", str(tmp_path / "f"), "--user", "../x", "--db", str(study)),
         "cannot be a member's name"),
        (("team", "join", str(tmp_path), "--user", "a"), "--db NEW.sqlite"),
        (("team", "conflicts", "--db", str(study)), "not a team's"),
    ]
    for args, words in cases:
        done = cli(*args, check=False)
        assert done.returncode == 2, args
        assert words in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.count("\n") == 1
    cli("team", "create", str(tmp_path / "f"), "--user", "a", "--db", str(study))
    again = cli("team", "create", str(tmp_path / "g"), "--user", "a", "--db", str(study),
                check=False)
    assert again.returncode == 2 and "already a team's" in again.stderr
    dup = cli("team", "join", str(tmp_path / "f"), "--user", "a", "--db",
              str(tmp_path / "x.sqlite"), check=False)
    assert dup.returncode == 2 and "already has a member named 'a'" in dup.stderr
