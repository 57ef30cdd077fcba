"""Shared pieces of the reliability tests: a study with a document, and its annotations."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from db import open_study
from desktop.core.annotations import CreateAnnotation, new_annotation
from desktop.core.commands import History

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

# Chinese, astral characters, emoji and line breaks: anchors must survive all of them.
DOC_TEXT = (
    "杨静：各位好，今天讨论大模型的长文本能力与幻觉问题。\n"
    "陈虞君：我认为算力荒会持续一段时间。𠮷野家🙂 and English too.\n"
    "张家俊：数据质量比规模更重要。\n"
) * 20


def add_document(db, text: str = DOC_TEXT, title: str = "圆桌") -> int:
    """Insert a bare document row (no turns): enough to anchor annotations on."""
    return db["documents"].insert(
        {
            "title": title,
            "source_name": f"{title}.txt",
            "source_sha256": hashlib.sha256(text.encode() + title.encode()).hexdigest(),
            "encoding": "utf-8",
            "format": "text",
            "text": text,
            "imported_at": "2026-01-01T00:00:00Z",
        }
    ).last_pk


def make_study(path: Path, annotations: int = 0) -> int:
    """Create a study at `path` with one document and some annotations; return the doc id."""
    db = open_study(path)
    doc = add_document(db)
    history = History(db)
    for i in range(annotations):
        start = (i * 7) % (len(DOC_TEXT) - 10)
        history.run(CreateAnnotation(new_annotation(
            db, doc, start, start + 5, note=f"笔记 {i} <b>x</b>", tags=("甲", f"t{i % 3}"))))
    db.close()
    return doc


def annotation_rows(path: Path) -> list[tuple]:
    """Every annotation row with its tags, read with a plain sqlite3 connection."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute('SELECT * FROM annotations ORDER BY id').fetchall()
        tags = conn.execute(
            "SELECT at.annotation_id, t.name FROM annotation_tags at "
            "JOIN tags t ON t.id = at.tag_id ORDER BY 1, 2"
        ).fetchall()
    finally:
        conn.close()
    by_id: dict[str, list[str]] = {}
    for ann_id, name in tags:
        by_id.setdefault(ann_id, []).append(name)
    return [tuple(r) + (tuple(by_id.get(r[0], ())),) for r in rows]


def integrity(path: Path) -> list[str]:
    """SQLite's full integrity check plus FTS5's own, as a list of messages ('ok' when sound)."""
    conn = sqlite3.connect(path)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        fts_tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'")]
        assert fts_tables, "the study should have full-text tables"
        for table in fts_tables:
            try:
                conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                result.append(f"{table}: {exc}")
    finally:
        conn.close()
    return result


def run_python(code: str, *, user: int | None = None, timeout: float = 60) -> (
        subprocess.CompletedProcess):
    """Run Python code in a fresh interpreter from the project root (as `user` if given)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    kwargs = {}
    if user is not None and os.geteuid() == 0:
        kwargs = {"user": user, "group": user, "extra_groups": []}
        env["HOME"] = "/tmp"
    return subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout, **kwargs)
