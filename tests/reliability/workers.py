"""Child processes for the kill and concurrency tests (run as `python -m ...workers MODE`).

`zygote`: imports Yandu and warms the segmenter once, then for each `edit` or `import`
line on stdin forks a worker, prints `pid N`, waits for it and prints `exit STATUS`. The
test kills the forked worker with SIGKILL; forking a warm process keeps each of the many
kills cheap (a fresh interpreter would spend most of the time importing).

Workers write one JSON line per event to stdout with a single os.write (lines stay under
PIPE_BUF, so a kill never leaves half of one line followed by another):
- {"intent": [effect, ...]} before a step, effects being ["set", row] or ["del", id];
- {"ok": n} once that step's transaction has committed.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time

from db import open_study
from db.annotations import Annotation, all_annotations
from db.watch import StudyWatcher
from desktop.core.annotations import (
    PALETTE,
    CreateAnnotation,
    DeleteAnnotation,
    EditAnnotation,
    new_annotation,
)
from desktop.core.commands import History

TAGS = ("方法", "数据", "算力", "幻觉", "问题", "🙂", "𠮷", "x-y")
NOTE_BITS = ("笔记", "<script>alert(1)</script>", "**粗体**", "\u202eRTL", "emoji 🙂",
             "𠮷野家", "'; DROP TABLE annotations; --", "line\nbreak", "\t", "naïve")


def row_of(annotation: Annotation) -> list:
    """The annotation as the test reads it back: the row's columns, then sorted tags."""
    return [*annotation.row().values(), sorted(annotation.tags)]


def _emit(event: dict) -> None:
    line = (json.dumps(event, ensure_ascii=True) + "\n").encode()
    assert len(line) < 4096, "keep lines atomic on the pipe"
    os.write(1, line)


def _note(rng: random.Random) -> str:
    return " ".join(rng.choice(NOTE_BITS) for _ in range(rng.randint(0, 4)))


def _effects_of(command, undoing: bool) -> list:
    """What running (or undoing) `command` does to the annotations table."""
    if isinstance(command, EditAnnotation):
        return [["set", row_of(command.before if undoing else command.after)]]
    removes = isinstance(command, CreateAnnotation) == undoing
    if removes:
        return [["del", command.annotation.id]]
    return [["set", row_of(command.annotation)]]


def edit_loop(path: str, document_id: int, seed: int, steps: int | None = None,
              prefix: str = "", go: str | None = None, pause: float = 0.0) -> None:
    """Create, edit, delete, undo and redo annotations, announcing each step.

    With `go`, waits for that file to appear before the first step (a start line shared
    with another worker), and at the end reports how often another process's commits
    were noticed. `pause` (seconds) paces the steps like a person: SQLite's busy handler
    sleeps while it waits, so a writer that never pauses can keep the lock for long runs.
    """
    rng = random.Random(seed)
    db = open_study(path)
    history = History(db)
    watcher = StudyWatcher(db)
    seen = 0
    if go is not None:
        open(f"{go}.{prefix}", "w").close()  # ready
        while not os.path.exists(go):
            time.sleep(0.002)
    length = len(db.execute("SELECT text FROM documents WHERE id = ?",
                            [document_id]).fetchone()[0])
    # Only this worker's own annotations are edited (another may work beside it).
    live = {a.id: a for a in all_annotations(db) if a.author == prefix}
    n = 0
    while steps is None or n < steps:
        n += 1
        roll = rng.random()
        if roll < 0.1 and history.can_undo:
            action, command = "undo", history._undo[-1]
        elif roll < 0.15 and history.can_redo:
            action, command = "redo", history._redo[-1]
        elif roll < 0.45 or len(live) < 3:
            start = rng.randrange(0, length - 1)
            end = min(length, start + rng.randint(1, 30))
            annotation = new_annotation(
                db, document_id, start, end, note=_note(rng),
                tags=rng.sample(TAGS, rng.randint(0, 3)), colour=rng.choice(PALETTE),
                author=prefix)
            action, command = "run", CreateAnnotation(annotation)
        elif roll < 0.75:
            before = live[rng.choice(sorted(live))]
            action, command = "run", EditAnnotation.of(
                before, note=_note(rng), tags=rng.sample(TAGS, rng.randint(0, 3)),
                colour=rng.choice(PALETTE))
        else:
            action, command = "run", DeleteAnnotation(live[rng.choice(sorted(live))])
        effects = _effects_of(command, undoing=action == "undo")
        _emit({"intent": effects})
        getattr(history, action)(*([command] if action == "run" else []))
        _emit({"ok": n})
        seen += watcher.changed()
        if pause:
            time.sleep(pause)
        for kind, value in effects:
            if kind == "del":
                live.pop(value, None)
            else:
                live[value[0]] = Annotation(*value[:-1], tags=tuple(value[-1]))
    _emit({"seen_changes": seen})
    db.close()


def import_once(path: str, source: str) -> None:
    """Import one file, then say so."""
    from desktop.core.importing import import_file

    db = open_study(path)
    result = import_file(db, source)
    _emit({"ok": result.document_id, "turns": result.turn_count})
    db.close()


def zygote() -> None:
    """Serve fork requests from stdin until it closes."""
    from desktop.core import search_index

    search_index.tokens_for("预热分词器 warm up the segmenter")
    import desktop.core.importing  # noqa: F401  (loaded once, shared by every fork)

    sys.stdout.write("ready\n")
    sys.stdout.flush()
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                if parts[0] == "edit":
                    edit_loop(parts[1], int(parts[2]), int(parts[3]))
                else:
                    import_once(parts[1], parts[2])
            except BaseException as exc:  # report, never fall back into the serving loop
                _emit({"error": f"{type(exc).__name__}: {exc}"})
                code = 1
            os._exit(code)
        sys.stdout.write(f"pid {pid}\n")
        sys.stdout.flush()
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(f"exit {status}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "zygote":
        zygote()
    elif mode == "edit":
        edit_loop(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]),
                  prefix=sys.argv[6], go=sys.argv[7], pause=float(sys.argv[8]))
    else:
        raise SystemExit(f"unknown mode {mode}")
