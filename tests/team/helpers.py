"""A team of copies in temporary folders, and what the tests compare between them."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from db import open_study
from desktop.core import annotations as notes
from desktop.core.commands import History
from desktop.core.importing import import_bytes
from desktop.core.team import engine
from desktop.core.team.tables import SHARED

ROOT = Path(__file__).resolve().parents[2]

LINES = ["主持人：欢迎各位来到今天的圆桌，我们谈谈大模型的长文本能力。",
         "陈虞君：长文本的难点在于注意力的开销，还有数据。",
         "李明：我补充一点，评测也很关键，不然说不清进步在哪里。",
         "主持人：那么算力呢？",
         "陈虞君：算力当然重要，但方法更重要。"] * 6


def make_team(tmp: Path, users: list[str]) -> tuple[Path, dict[str, Path], int]:
    """A study with one document made a team's by users[0]; the others joined. The
    folder, each member's copy, and the document's id."""
    first = tmp / f"{users[0]}.sqlite"
    db = open_study(first)
    doc = import_bytes(db, "\n".join(LINES).encode("utf-8"), "roundtable.txt").document_id
    folder = tmp / "team"
    engine.create(db, folder, users[0])
    db.conn.close()
    copies = {users[0]: first}
    for user in users[1:]:
        copies[user] = tmp / f"{user}.sqlite"
        engine.join(folder, user, copies[user])
    return folder, copies, doc


def dump(path: Path) -> dict[str, list]:
    """Every shared row of a copy, table by table, in a fixed order."""
    db = open_study(path)
    try:
        return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in SHARED}
    finally:
        db.conn.close()


def annotate(path: Path, document_id: int, count: int, seed: int, tag: str) -> list[str]:
    """Make `count` annotations, then edit every third one and delete every tenth; the ids
    of the annotations made."""
    rng = random.Random(seed)
    db = open_study(path)
    try:
        history = History(db)
        text_length = len(db.execute("SELECT text FROM documents WHERE id = ?",
                                     [document_id]).fetchone()[0])
        made = []
        for i in range(count):
            start = rng.randrange(0, text_length - 5)
            x = notes.new_annotation(db, document_id, start, start + rng.randint(1, 5),
                                     note=f"{tag} 笔记 {i}", tags=[tag, f"主题{i % 7}"])
            history.run(notes.CreateAnnotation(x))
            made.append(x.id)
        from db import annotations as rows

        for i, ann_id in enumerate(made):
            if i % 3 == 0:
                history.run(notes.EditAnnotation.of(rows.get(db, ann_id),
                                                    note=f"{tag} 改过 {i}"))
        for i, ann_id in enumerate(made):
            if i % 10 == 5:
                history.run(notes.DeleteAnnotation(rows.get(db, ann_id)))
        return made
    finally:
        db.conn.close()


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run `yandu ARGS` in a process of its own."""
    done = subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def start_sync(path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "desktop", "sync", "--json", "--db",
                             str(path)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
