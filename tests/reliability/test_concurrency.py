"""Two processes on one study: no corruption, no lost edit, and each notices the other."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time

from db import open_study
from db.watch import StudyWatcher, data_version
from desktop.core.annotations import CreateAnnotation, EditAnnotation, new_annotation
from desktop.core.commands import History
from tests.reliability.helpers import PYTHON, ROOT, annotation_rows, integrity, make_study


def _replay(lines: list[str]) -> tuple[dict[str, tuple], int]:
    model: dict[str, tuple] = {}
    pending = None
    steps = 0
    for line in lines:
        event = json.loads(line)
        assert "error" not in event, event
        if "intent" in event:
            pending = event["intent"]
        elif "ok" in event:
            for kind, value in pending:
                if kind == "del":
                    model.pop(value, None)
                else:
                    model[value[0]] = (*value[:-1], tuple(value[-1]))
            steps += 1
    return model, steps


def test_two_processes_editing_at_once_lose_nothing(study_path):
    document_id = make_study(study_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    steps = 250
    go = study_path.with_name("go")
    procs = [
        subprocess.Popen(
            [PYTHON, "-m", "tests.reliability.workers", "edit", str(study_path),
             str(document_id), str(seed), str(steps), name, str(go), "0.002"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for seed, name in ((1, "window"), (2, "cli"))
    ]
    deadline = time.monotonic() + 60
    while not all(go.with_name(f"go.{n}").exists() for n in ("window", "cli")):
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs)
        time.sleep(0.01)
    go.touch()  # both start their edits together
    models = {}
    for proc, name in zip(procs, ("window", "cli"), strict=True):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        lines = out.splitlines()
        models[name], done = _replay(lines[:-1])
        assert done == steps
        # Each noticed, many times over, that the other was writing meanwhile.
        assert json.loads(lines[-1])["seen_changes"] >= 10, lines[-1]
    assert integrity(study_path) == ["ok"]
    actual = {r[0]: r for r in annotation_rows(study_path)}
    # Each process only touched its own annotations; together they are the whole study.
    assert actual == {**models["window"], **models["cli"]}
    assert models["window"] and models["cli"]


def test_a_writer_waits_for_the_other_instead_of_failing(study_path):
    doc = make_study(study_path)
    first, second = open_study(study_path), open_study(study_path)
    errors: list[BaseException] = []

    def other_window():
        try:
            History(second).run(CreateAnnotation(new_annotation(second, doc, 5, 9, note="B")))
        except BaseException as exc:  # reported below
            errors.append(exc)

    with first.atomic():
        # Read first, as commands do, then let the other window try to save meanwhile.
        first.execute("SELECT count(*) FROM annotations").fetchone()
        thread = threading.Thread(target=other_window)
        thread.start()
        time.sleep(0.2)
        History(first).run(CreateAnnotation(new_annotation(first, doc, 1, 4, note="A")))
    thread.join(10)
    assert not errors, errors
    assert sorted(r[5] for r in annotation_rows(study_path)) == ["A", "B"]
    first.close()
    second.close()


def test_watcher_sees_other_connections_commits_only(study_path):
    doc = make_study(study_path)
    window, other = open_study(study_path), open_study(study_path)
    watcher = StudyWatcher(window)
    assert not watcher.changed()
    History(window).run(CreateAnnotation(new_annotation(window, doc, 0, 3, note="own")))
    assert not watcher.changed()  # the window refreshes its own edits from Changes
    other_history = History(other)
    other_history.run(CreateAnnotation(new_annotation(other, doc, 3, 6, note="theirs")))
    assert watcher.changed()
    assert not watcher.changed()  # reported once
    before = data_version(window)
    other_history.undo()
    assert data_version(window) != before
    window.close()
    other.close()


def test_the_watcher_sees_another_process(study_path):
    doc = make_study(study_path, annotations=2)
    window = open_study(study_path)
    watcher = StudyWatcher(window)
    assert watcher.changed() is False
    code = (
        "from db import open_study\n"
        "from desktop.core.annotations import CreateAnnotation, new_annotation\n"
        "from desktop.core.commands import History\n"
        f"db = open_study({str(study_path)!r})\n"
        f"History(db).run(CreateAnnotation(new_annotation(db, {doc}, 0, 2, note='cli')))\n"
    )
    result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    assert result.returncode == 0, result.stderr
    assert watcher.changed() is True
    assert watcher.changed() is False
    notes = [r[0] for r in window.execute("SELECT note FROM annotations")]
    assert "cli" in notes  # and the window's next read sees the new annotation
    window.close()


def test_stale_edit_from_other_window_is_visible_after_refresh(study_path):
    # Both windows show annotation X; one edits it. The other, after noticing the change
    # and reloading, edits the fresh copy, so neither edit is lost.
    doc = make_study(study_path)
    a, b = open_study(study_path), open_study(study_path)
    watcher_b = StudyWatcher(b)
    history_a, history_b = History(a), History(b)
    created = new_annotation(a, doc, 0, 5, note="first", tags=("数据",))
    history_a.run(CreateAnnotation(created))
    assert watcher_b.changed()
    history_b.clear()
    from db.annotations import get

    history_a.run(EditAnnotation.of(get(a, created.id), note="edited in A"))
    assert watcher_b.changed()
    fresh = get(b, created.id)
    history_b.run(EditAnnotation.of(fresh, tags=("数据", "算力")))
    final = get(a, created.id)
    assert final.note == "edited in A" and final.tags == ("数据", "算力")
    a.close()
    b.close()


def test_opening_the_study_again_in_one_process_keeps_its_locks(study_path):
    # POSIX drops every lock a process holds on a file when it closes any descriptor of
    # that file. The window peeks at the study, then opens it, and a background import
    # opens it again: if any of that read the header through a descriptor it then closed,
    # another process closing its connection would take itself for the last one, fold the
    # write-ahead log into the file and delete it under the window, whose later edits
    # would then be lost.
    from db.health import check_header
    from db.peek import peek_study

    document_id = make_study(study_path)
    peek = peek_study(study_path)
    window = open_study(study_path)
    history = History(window)
    history.run(CreateAnnotation(new_annotation(window, document_id, 0, 2, note="first")))
    check_header(study_path)
    open_study(study_path).close()  # what a background import does
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    reader = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
              "print(c.execute('SELECT count(*) FROM annotations').fetchone()[0]); c.close()")
    out = subprocess.run([PYTHON, "-c", reader, str(study_path)], env=env, text=True,
                         capture_output=True, check=True).stdout
    assert out.strip() == "1"
    assert study_path.with_name(study_path.name + "-wal").exists()
    history.run(CreateAnnotation(new_annotation(window, document_id, 2, 4, note="second")))
    out = subprocess.run([PYTHON, "-c", reader, str(study_path)], env=env, text=True,
                         capture_output=True, check=True).stdout
    assert out.strip() == "2"  # the window's later edit reached the file others read
    window.close()
    peek.close()
    assert integrity(study_path) == ["ok"]
