"""A team on one study: copies that write offline end identical once every file is read.

Syncs run as `yandu sync` processes (several at once where the test says so), each on its
own copy, all sharing one folder, with no network.
"""

from __future__ import annotations

import json
import random
import shutil

import pytest

from db import annotations as rows
from db import open_study
from desktop.core import annotations as notes
from desktop.core import search
from desktop.core.commands import History
from desktop.core.team import conflicts, engine
from desktop.core.team.folder import TeamError
from tests.team.helpers import annotate, cli, dump, make_team, start_sync

pytestmark = pytest.mark.slow


def _sync(path) -> dict:
    return json.loads(cli("sync", "--json", "--db", str(path)).stdout)


def test_two_offline_writers_merge_in_both_orders_to_the_same_study(tmp_path):
    folder, copies, doc = make_team(tmp_path, ["alice", "bob", "carol", "dave"])
    made_a = annotate(copies["alice"], doc, 500, seed=1, tag="甲")
    made_b = annotate(copies["bob"], doc, 500, seed=2, tag="乙")
    # Both edit the speakers and turns too: a rename each, and a turn split by bob.
    from desktop.core.speakers import RenameSpeaker
    from desktop.core.turn_edits.commands import SplitTurn
    from desktop.core.turn_edits.turns import turn_numbered

    db = open_study(copies["alice"])
    History(db).run(RenameSpeaker(doc, speaker="李明", new_name="李明博士"))
    db.conn.close()
    db = open_study(copies["bob"])
    turn = turn_numbered(db, doc, 3)
    History(db).run(SplitTurn(doc, number=3, offset=turn.text_start + 4))
    History(db).run(RenameSpeaker(doc, speaker="陈虞君", new_name="陈老师"))
    db.conn.close()

    assert _sync(copies["alice"])["sent"] > 500
    away = folder / ".alice-away"  # alice's files have not reached dave yet
    (folder / "alice").rename(away)
    assert _sync(copies["bob"])["received"] == 0
    assert _sync(copies["dave"])["files"] == 1  # bob's first
    away.rename(folder / "alice")
    assert _sync(copies["dave"])["files"] == 1  # then alice's
    for user in ("carol", "bob", "alice"):  # carol: alice's first, then bob's
        _sync(copies[user])

    dumps = {user: dump(path) for user, path in copies.items()}
    assert dumps["alice"] == dumps["bob"] == dumps["carol"] == dumps["dave"]
    kept = {row[0] for row in dumps["alice"]["annotations"]}
    expected = {x for i, x in enumerate(made_a) if i % 10 != 5}
    expected |= {x for i, x in enumerate(made_b) if i % 10 != 5}
    assert kept == expected  # nothing lost, nothing deleted brought back
    assert len(kept) == 900
    names = {row[3] for row in dumps["alice"]["speakers"]}
    assert {"李明博士", "陈老师"} <= names
    db = open_study(copies["dave"])
    try:
        assert sum(1 for r in dumps["dave"]["annotations"] if "改过" in r[5]) == 2 * 167 - 34
        # Each copy indexed what it received: notes and the split turns are found.
        assert search.search(db, "乙 改过 3", kinds=("annotation",))
        assert len(search.search(db, "注意力", limit=1000)) == 6
        assert db.execute("SELECT count(*) FROM team_conflicts").fetchone()[0] == 0
    finally:
        db.conn.close()


def test_four_writers_in_random_order_end_identical_and_then_send_nothing(tmp_path):
    users = ["alice", "bob", "carol", "dave"]
    folder, copies, doc = make_team(tmp_path, users)
    rng = random.Random(21)
    shared = annotate(copies["alice"], doc, 20, seed=9, tag="共")
    for user in users:
        _sync(copies[user]) if user == "alice" else None
    for user in users[1:]:
        _sync(copies[user])
    for round_no in range(3):
        for n, user in enumerate(users):
            annotate(copies[user], doc, 30, seed=100 * round_no + n, tag=user)
            db = open_study(copies[user])  # everyone edits the same notes too
            history = History(db)
            for ann_id in rng.sample(shared, 5):
                found = rows.get(db, ann_id)
                if found is not None:
                    history.run(notes.EditAnnotation.of(found, note=f"{user} {round_no}"))
            db.conn.close()
        order = users[:]
        rng.shuffle(order)
        running = [start_sync(copies[user]) for user in order[:2]]  # two at once
        for user in order[2:]:
            _sync(copies[user])
        for process in running:
            assert process.wait(timeout=300) == 0, process.stderr.read()
    for _ in range(2):  # until every copy has read every file
        for user in users:
            _sync(copies[user])
    dumps = [dump(copies[user]) for user in users]
    assert all(d == dumps[0] for d in dumps)
    files = sorted(p.name for p in folder.rglob("*.changeset"))
    again = [_sync(copies[user]) for user in users]
    assert all(r["sent"] == 0 and r["received"] == 0 for r in again)
    assert sorted(p.name for p in folder.rglob("*.changeset")) == files


def test_same_field_edited_by_two_keeps_the_later_everywhere_and_lists_the_other(tmp_path):
    folder, copies, doc = make_team(tmp_path, ["alice", "bob"])
    [ann_id] = annotate(copies["alice"], doc, 1, seed=3, tag="甲")
    engine.sync(copies["alice"])
    engine.sync(copies["bob"])
    ticks = iter(["2027-01-01T10:00:00.000Z", "2027-01-01T10:00:01.000Z"])
    for user, note in (("bob", "bob 的看法"), ("alice", "alice 的看法")):  # alice later
        db = open_study(copies[user])
        History(db).run(notes.EditAnnotation.of(rows.get(db, ann_id), note=note))
        db.execute("UPDATE team_dirty SET at = ?", [next(ticks)])
        db.conn.commit()
        db.conn.close()
    engine.sync(copies["bob"])
    engine.sync(copies["alice"])
    engine.sync(copies["bob"])
    assert dump(copies["alice"]) == dump(copies["bob"])
    for user in ("alice", "bob"):
        db = open_study(copies[user])
        assert rows.get(db, ann_id).note == "alice 的看法"
        [c] = conflicts.open_conflicts(db)
        assert (c.kept_by, c.lost_by, c.lost["note"]) == ("alice", "bob", "bob 的看法")
        db.conn.close()
    # bob puts his side back: it is the latest change now, and is kept everywhere.
    db = open_study(copies["bob"])
    history = History(db)
    [c] = conflicts.open_conflicts(db)
    history.run(conflicts.SettleConflict(c, keep_lost=True))
    assert rows.get(db, ann_id).note == "bob 的看法"
    history.undo()  # undoable
    assert rows.get(db, ann_id).note == "alice 的看法" and conflicts.open_conflicts(db)
    history.redo()
    db.conn.close()
    engine.sync(copies["bob"])
    engine.sync(copies["alice"])
    db = open_study(copies["alice"])
    assert rows.get(db, ann_id).note == "bob 的看法"
    db.conn.close()
    assert dump(copies["alice"]) == dump(copies["bob"])


def test_delete_against_edit_converges(tmp_path):
    folder, copies, doc = make_team(tmp_path, ["alice", "bob", "carol"])
    made = annotate(copies["alice"], doc, 3, seed=4, tag="甲")
    for user in ("alice", "bob", "carol"):
        engine.sync(copies[user])
    db = open_study(copies["alice"])
    History(db).run(notes.DeleteAnnotation(rows.get(db, made[0])))
    db.conn.close()
    db = open_study(copies["bob"])
    History(db).run(notes.EditAnnotation.of(rows.get(db, made[0]), note="我改了", tags=["新"]))
    db.conn.close()
    engine.sync(copies["bob"])
    engine.sync(copies["carol"])  # carol: the edit first, then the delete
    engine.sync(copies["alice"])
    engine.sync(copies["bob"])
    engine.sync(copies["carol"])
    dumps = [dump(copies[u]) for u in ("alice", "bob", "carol")]
    assert dumps[0] == dumps[1] == dumps[2]
    assert made[0] not in {r[0] for r in dumps[0]["annotations"]}
    assert not [r for r in dumps[0]["annotation_tags"] if r[0] == made[0]]
    db = open_study(copies["bob"])  # bob is told, and can put the annotation back
    [c] = conflicts.open_conflicts(db)
    assert c.kind == "deleted" and c.lost["note"] == "我改了"
    History(db).run(conflicts.SettleConflict(c, keep_lost=True))
    db.conn.close()
    engine.sync(copies["bob"])
    engine.sync(copies["alice"])
    assert made[0] in {r[0] for r in dump(copies["alice"])["annotations"]}


def test_a_killed_sync_rolls_back_and_running_it_again_ends_the_same(tmp_path):
    folder, copies, doc = make_team(tmp_path, ["alice", "bob"])
    annotate(copies["alice"], doc, 50, seed=5, tag="甲")
    annotate(copies["bob"], doc, 50, seed=6, tag="乙")
    engine.sync(copies["alice"])
    before = dump(copies["bob"])
    script = ("import os, signal, sys; from pathlib import Path; "
              "from desktop.core.team import engine; "
              "engine.sync(Path(sys.argv[1]), "
              "before_commit=lambda: os.kill(os.getpid(), signal.SIGKILL))")
    import subprocess
    import sys

    from tests.team.helpers import ROOT

    done = subprocess.run([sys.executable, "-c", script, str(copies["bob"])], cwd=ROOT,
                          capture_output=True, timeout=300)
    assert done.returncode == -9
    assert dump(copies["bob"]) == before  # nothing of the sync is left
    assert (folder / "bob" / "1.changeset").exists()  # its file was written, though
    engine.sync(copies["bob"])
    engine.sync(copies["alice"])
    assert dump(copies["alice"]) == dump(copies["bob"])
    assert len(dump(copies["alice"])["annotations"]) == 90


def test_files_seen_twice_and_sync_tools_copies_are_ignored(tmp_path):
    folder, copies, doc = make_team(tmp_path, ["alice", "bob"])
    annotate(copies["alice"], doc, 10, seed=7, tag="甲")
    engine.sync(copies["alice"])
    assert engine.sync(copies["bob"]).files == 1
    first = folder / "alice" / "1.changeset"
    shutil.copy(first, folder / "alice" / "1.sync-conflict-20260101-101010-ABCDEFG.changeset")
    shutil.copy(first, folder / "alice" / "2 (1).changeset")
    shutil.copy(first, folder / "alice" / ".3.changeset.tmp")
    first.touch()  # seen again, newer
    before = dump(copies["bob"])
    report = engine.sync(copies["bob"])
    assert (report.files, report.received) == (0, 0)
    assert dump(copies["bob"]) == before
    # A copy of a file under the next number (a member's folder copied back) is not read
    # as that member's next file: its header names the number it was written as.
    shutil.copy(first, folder / "alice" / "2.changeset")
    assert engine.sync(copies["bob"]).files == 0


def test_a_changeset_from_a_newer_schema_is_refused_before_anything_is_applied(tmp_path):
    folder, copies, doc = make_team(tmp_path, ["alice", "bob", "carol"])
    annotate(copies["alice"], doc, 5, seed=8, tag="甲")
    annotate(copies["carol"], doc, 5, seed=8, tag="丙")
    engine.sync(copies["alice"])
    engine.sync(copies["carol"])
    path = folder / "carol" / "1.changeset"
    head, _, body = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    header["schema"] = "0099_from_the_future"
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)
    annotate(copies["bob"], doc, 2, seed=9, tag="乙")
    before = dump(copies["bob"])
    with pytest.raises(TeamError, match="newer Yandu.*0099_from_the_future"):
        engine.sync(copies["bob"])
    assert dump(copies["bob"]) == before  # alice's file was not applied either
    assert not (folder / "bob" / "1.changeset").exists()  # nor anything sent
    done = cli("sync", "--db", str(copies["bob"]), check=False)
    assert done.returncode == 2 and "newer Yandu" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_file_not_whole_waits_for_the_next_sync(tmp_path):
    folder, copies, doc = make_team(tmp_path, ["alice", "bob"])
    annotate(copies["alice"], doc, 5, seed=10, tag="甲")
    engine.sync(copies["alice"])
    path = folder / "alice" / "1.changeset"
    head, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(head + b"\n" + body[: len(body) // 2] + b"\xff" * 40)
    before = dump(copies["bob"])
    report = _sync(copies["bob"])
    assert (report["files"], report["waiting"]) == (0, 1)
    assert dump(copies["bob"]) == before
    path.write_bytes(head + b"\n" + body)  # the whole file has arrived
    assert _sync(copies["bob"])["files"] == 1
    assert dump(copies["bob"]) == dump(copies["alice"])


def test_a_document_deleted_while_another_member_annotates_it_goes_everywhere(tmp_path):
    from desktop.core.documents import DeleteDocument

    folder, copies, doc = make_team(tmp_path, ["alice", "bob"])
    annotate(copies["alice"], doc, 5, seed=11, tag="甲")
    engine.sync(copies["alice"])
    engine.sync(copies["bob"])
    db = open_study(copies["alice"])
    History(db).run(DeleteDocument(doc, backup=False))
    db.conn.close()
    annotate(copies["bob"], doc, 5, seed=12, tag="乙")  # meanwhile, offline
    engine.sync(copies["bob"])
    engine.sync(copies["alice"])
    engine.sync(copies["bob"])
    a, b = dump(copies["alice"]), dump(copies["bob"])
    assert a == b
    assert not a["documents"] and not a["turns"] and not a["annotations"]
    for path in copies.values():  # nothing of it is left in the search indexes either
        db = open_study(path)
        assert not search.search(db, "笔记") and not search.search(db, "注意力")
        assert db.execute("SELECT count(*) FROM turn_chars_docsize").fetchone()[0] == 0
        db.conn.close()


def test_a_file_that_changes_a_table_not_shared_is_not_followed_there(tmp_path):
    import apsw

    from desktop.core.team import folder as tf

    folder, copies, doc = make_team(tmp_path, ["alice", "bob"])
    scratch = apsw.Connection(":memory:")
    scratch.execute("CREATE TABLE study_meta (key TEXT PRIMARY KEY, value TEXT)")
    scratch.execute("CREATE TABLE team_seen (user TEXT PRIMARY KEY, seq INTEGER NOT NULL)")
    session = apsw.Session(scratch, "main")
    session.attach()
    scratch.execute("INSERT INTO study_meta VALUES ('team_user', 'mallory')")
    scratch.execute("INSERT INTO team_seen VALUES ('alice', 99)")
    header = tf.Header("alice", 1, engine.schema_step(), engine.stamp_now())
    tf.write_changeset(folder / "alice", header, session.changeset())
    assert engine.sync(copies["bob"]).files == 1
    db = open_study(copies["bob"])
    assert engine.team_info(db).user == "bob"
    assert db.execute("SELECT seq FROM team_seen WHERE user = 'alice'").fetchone()[0] == 1
    db.conn.close()
