"""Kill -9 in the middle of edits: every confirmed annotation survives, byte for byte.

A worker process keeps creating, editing, deleting, undoing and redoing annotations
through the same commands and History the window uses. It announces each step before
running it and confirms it once committed. It is killed with SIGKILL at random moments;
after every kill the study must open, pass SQLite's integrity checks, and hold exactly
the confirmed annotations (plus, at most, the one step that was in flight).
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import time

import pytest

from db import open_study
from tests.reliability.helpers import annotation_rows, integrity, make_study
from tests.reliability.zygote import Zygote, killed_by_sigkill

KILLS = 60  # at least this many kills ...
MID_STEP_KILLS = 40  # ... and at least this many inside a step (announced, not confirmed)
MAX_KILLS = 200  # the bound, should a loaded machine make mid-step kills rarer


def _row(value: list) -> tuple:
    return (*value[:-1], tuple(value[-1]))


def _applied(model: dict[str, tuple], effects: list) -> dict[str, tuple]:
    after = dict(model)
    for kind, value in effects:
        if kind == "del":
            after.pop(value, None)
        else:
            after[value[0]] = _row(value)
    return after


@pytest.fixture
def zygote():
    z = Zygote()
    yield z
    z.close()


def test_sigkill_during_edits_loses_nothing_confirmed(study_path, zygote):
    document_id = make_study(study_path)
    model: dict[str, tuple] = {}
    rng = random.Random(int(os.environ.get("YANDU_KILL_SEED", "20261127")))
    confirmed = in_flight_kills = landed_in_flight = 0
    started = time.monotonic()
    round_no = 0
    while round_no < KILLS or (in_flight_kills < MID_STEP_KILLS and round_no < MAX_KILLS):
        round_no += 1
        pid = zygote.start(f"edit {study_path} {document_id} {round_no}")
        # Most kills land inside the edit loop; every fifth one anywhere, start-up and
        # the recovery of the previous kill's log included.
        zygote_events = zygote.wait_for("ok") if round_no % 5 else []
        time.sleep(rng.uniform(0, 0.03))
        os.kill(pid, signal.SIGKILL)
        events, status = zygote.finish()
        events = zygote_events + events
        errors = [e["error"] for e in events if "error" in e]
        assert not errors, errors
        assert killed_by_sigkill(status), f"worker ended by itself (status {status})"

        pending = None
        for event in events:
            if "intent" in event:
                pending = event["intent"]
            elif "ok" in event:
                model = _applied(model, pending)
                confirmed += 1
                pending = None

        open_study(study_path).close()  # opens the way the app does (recovers the log)
        assert integrity(study_path) == ["ok"], f"round {round_no}"
        actual = {r[0]: r for r in annotation_rows(study_path)}
        if actual != model:
            # Only the step in flight may have committed without being confirmed.
            assert pending is not None, f"round {round_no}: confirmed state lost"
            assert actual == _applied(model, pending), f"round {round_no}: state corrupted"
            model = actual
            landed_in_flight += 1
        in_flight_kills += pending is not None

    elapsed = time.monotonic() - started
    # The test only proves something if the worker did real work between kills and
    # some kills hit a step in progress.
    assert confirmed >= 2 * KILLS, confirmed
    assert in_flight_kills >= MID_STEP_KILLS, in_flight_kills
    assert len(model) > 5
    print(f"{round_no} kills, {confirmed} confirmed steps, {in_flight_kills} kills mid-step, "
          f"{landed_in_flight} of them committed unconfirmed, {len(model)} annotations, "
          f"{elapsed:.1f} s")


IMPORT_KILLS = 12


def test_sigkill_during_a_large_import_is_all_or_nothing(tmp_path, zygote):
    from tests.reliability.test_bad_inputs import assert_complete

    source = tmp_path / "large.txt"
    source.write_text("".join(
        f"{'甲乙丙'[i % 3]}：第{i}段发言，讨论大模型的算力与数据质量问题。\n" for i in range(12_000)),
        encoding="utf-8")
    template = tmp_path / "empty.sqlite"
    open_study(template).close()

    # A first import, not killed: how long it takes and what a whole document looks like.
    reference = tmp_path / "reference.sqlite"
    reference.write_bytes(template.read_bytes())
    started = time.monotonic()
    zygote.start(f"import {reference} {source}")
    events, status = zygote.finish()
    duration = time.monotonic() - started
    assert status == 0 and "ok" in events[-1], events
    whole_turns = events[-1]["turns"]
    ref = open_study(reference)
    whole_text = ref.execute("SELECT text FROM documents").fetchone()[0]
    ref.close()

    rng = random.Random(99)
    outcomes = {"none": 0, "whole": 0}
    for round_no in range(IMPORT_KILLS):
        study = tmp_path / f"study-{round_no}.sqlite"
        study.write_bytes(template.read_bytes())
        pid = zygote.start(f"import {study} {source}")
        # The last rounds kill around the commit, when the import may just have finished.
        late = round_no >= IMPORT_KILLS - 3
        time.sleep(rng.uniform(0.8, 1.3) * duration if late else rng.uniform(0.05, 0.8) * duration)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        events, status = zygote.finish()
        confirmed = any("ok" in e for e in events)
        assert not any("error" in e for e in events), events

        db = open_study(study)
        docs = db.execute("SELECT id FROM documents").fetchall()
        assert len(docs) in (0, 1)
        if confirmed:
            assert len(docs) == 1, f"round {round_no}: a confirmed import was lost"
        if docs:
            text = assert_complete(db, docs[0][0], whole_turns)
            assert text == whole_text
            outcomes["whole"] += 1
        else:
            for table in ("speakers", "sections", "turns", "turn_chars", "search_staging",
                          "import_runs"):
                if table in db.table_names():
                    assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
            outcomes["none"] += 1
        db.close()
        assert integrity(study) == ["ok"], f"round {round_no}"
    # Most kills must land inside the import for the test to mean anything.
    assert outcomes["none"] >= IMPORT_KILLS // 2, outcomes
    print(f"import of {whole_turns} turns takes {duration:.2f} s; kills: {outcomes}")


def test_sigkill_during_an_upgrade_leaves_the_old_study_and_its_backup(study_path):
    import subprocess

    from db.migrations import MIGRATIONS
    from tests.reliability.helpers import PYTHON, ROOT

    make_study(study_path, annotations=50)
    before = annotation_rows(study_path)
    name = "0989_test_slow_upgrade"
    code = (
        "import time\n"
        "from db.migrations import MIGRATIONS\n"
        f"@MIGRATIONS(name={name!r})\n"
        "def slow(db):\n"
        "    db.execute('ALTER TABLE annotations ADD COLUMN test_col TEXT')\n"
        "    db.execute(\"UPDATE annotations SET note = 'overwritten'\")\n"
        "    print('inside', flush=True)\n"
        "    time.sleep(60)\n"
        "from db import open_study\n"
        f"open_study({str(study_path)!r})\n"
    )
    proc = subprocess.Popen([PYTHON, "-c", code], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        assert proc.stdout.readline().strip() == "inside", proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    backups = [p for p in study_path.parent.iterdir() if p.name.endswith(".bak")]
    assert len(backups) == 1 and name in backups[0].name
    assert annotation_rows(backups[0]) == before

    db = open_study(study_path)  # this Yandu does not know the step: the old study opens
    assert "test_col" not in db["annotations"].columns_dict
    assert name not in {m.name for m in MIGRATIONS.applied(db)}
    db.close()
    assert annotation_rows(study_path) == before
    assert integrity(study_path) == ["ok"]

    MIGRATIONS(name=name)(lambda db: db.execute(
        "ALTER TABLE annotations ADD COLUMN test_col TEXT"))
    try:
        db = open_study(study_path)  # and a Yandu that knows it upgrades it cleanly
        assert "test_col" in db["annotations"].columns_dict
        db.close()
    finally:
        MIGRATIONS._migrations[:] = [m for m in MIGRATIONS._migrations if m.name != name]
    assert len([p for p in study_path.parent.iterdir() if p.name.endswith(".bak")]) == 2
