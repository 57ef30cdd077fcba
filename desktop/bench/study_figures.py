"""Figures of a study as a library grows: import against its floor, study size, a save
during an import, a small import into an open study, the command line's start."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from desktop.bench.core_figures import Imported, _remove_study, timed
from desktop.bench.report import Figure, median, percentile

ROOT = Path(__file__).resolve().parents[2]


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def import_floor(text: str, workdir: Path) -> float:
    """The least an indexed Chinese import does: rjieba.cut_for_search over the
    paragraphs (through `segment.index_tokens`, the one module that talks to the
    segmenter), and the tokens inserted into a bare FTS5 table in a new file (one
    transaction)."""
    from desktop.core import segment

    path = workdir / "floor.sqlite"
    _remove_study(path)
    start = time.perf_counter()
    rows = [(" ".join(segment.index_tokens(p)),) for p in _paragraphs(text)]
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(tokens)")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO t (tokens) VALUES (?)", rows)
        conn.execute("COMMIT")
    finally:
        conn.close()
    elapsed = time.perf_counter() - start
    _remove_study(path)
    return elapsed


def import_floor_figures(imports: dict[float, Imported], workdir: Path, runs: int
                         ) -> list[Figure]:
    """Import time against the floor at the smallest, the main and the largest size."""
    from desktop.core import segment

    segment.initialize()  # the dictionary loads outside the timing
    floors = {s: [import_floor(imp.text, workdir) for _ in range(runs)]
              for s, imp in imports.items()}
    sizes = sorted(imports)
    main = min(sizes, key=lambda s: (abs(s - 5), -s))
    picked = {"import_floor_smallest": sizes[0], "import_floor": main,
              "import_floor_largest": sizes[-1]}
    note = "; ".join(f"{s:g} MB: {median(imports[s].times):.2f} s against "
                     f"{median(floors[s]):.2f} s" for s in sizes)
    figures = []
    for key, size in picked.items():
        fig = Figure(key, "import against the indexed floor", f"generated {size:g} MB",
                     median=median(imports[size].times), samples=imports[size].times,
                     floor=median(floors[size]), floor_samples=floors[size],
                     floor_label="rjieba.cut_for_search + raw FTS5 insert", note=note)
        figures.append(fig.judge_ratio(2.0))
    return figures


def study_size_figure(imp: Imported, data: str) -> Figure:
    """The study file's size after the import, against the size of the imported file."""
    conn = sqlite3.connect(imp.study)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        parts = dict(conn.execute(
            "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 4"))
    except sqlite3.OperationalError:
        parts = {}
    finally:
        conn.close()
    size = imp.study.stat().st_size
    text = imp.source.stat().st_size
    fig = Figure("study_size", "study file size after the import", data, unit="MB",
                 median=size / 1e6, floor=text / 1e6, floor_label="the imported file",
                 note="largest parts: " + ", ".join(f"{k} {v / 1e6:.1f} MB"
                                                   for k, v in parts.items()))
    return fig.judge_ratio(4.0)


def small_import_figure(imp: Imported, workdir: Path, runs: int) -> Figure:
    """A 100 KB transcript imported into the study already holding the main one."""
    from db import open_study
    from desktop.bench.generate import generate
    from desktop.core.importing import import_bytes

    times = []
    for run in range(runs):
        data = generate(100_000, seed=900 + run).text.encode("utf-8")
        db = open_study(imp.study)
        try:
            times.append(timed(lambda s=db, d=data, r=run: import_bytes(s, d, f"small-{r}.txt")))
        finally:
            db.close()
    fig = Figure("import_small", "100 KB transcript into a study already open (core)",
                 "generated 0.1 MB into the main study", median=median(times), samples=times,
                 note="the import itself, without the window's repaint")
    return fig.judge_below(0.1)


def save_during_import_figure(source: Path, workdir: Path) -> Figure:
    """How long a save (a note's row written and committed) takes while `source` is
    imported by another connection: the longest of the saves made meanwhile."""
    from db import open_study
    from desktop.core.importing import import_file

    study = workdir / "save-during-import.sqlite"
    _remove_study(study)
    open_study(study).close()
    waits: list[float] = []
    done = threading.Event()
    failures: list[BaseException] = []

    def run() -> None:
        db = open_study(study)
        try:
            import_file(db, source)
        except BaseException as exc:
            failures.append(exc)
        finally:
            db.close()
            done.set()

    saver = open_study(study)
    thread = threading.Thread(target=run)
    thread.start()
    try:
        n = 0
        while not done.is_set():
            start = time.perf_counter()
            with saver.atomic():
                saver.execute("INSERT OR REPLACE INTO study_meta (key, value) VALUES (?, ?)",
                              ["bench-save", str(n)])
            waits.append(time.perf_counter() - start)
            n += 1
            time.sleep(0.02)
    finally:
        thread.join()
        saver.close()
    _remove_study(study)
    if failures:
        raise failures[0]
    fig = Figure("save_during_import", "a save while a transcript is imported (longest)",
                 f"{source.stat().st_size / 1e6:.0f} MB import", median=max(waits),
                 samples=waits,
                 note=f"{len(waits)} saves; p95 {percentile(waits, 0.95) * 1000:.0f} ms, "
                 f"median {median(waits) * 1000:.1f} ms")
    return fig.judge_below(0.2)


def _run_seconds(args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.perf_counter() - start


def cli_figures(imp: Imported, runs: int) -> list[Figure]:
    """`yandu list` and `yandu show` against a bare `python -c "import sqlite3"`, taking
    turns (at least five of each)."""
    py = sys.executable
    commands = {
        "cli_list": [py, "-m", "desktop", "list", "--db", str(imp.study)],
        "cli_show": [py, "-m", "desktop", "show", str(imp.document_id), "--db", str(imp.study)],
    }
    bare = [py, "-c", "import sqlite3"]
    times: dict[str, list[float]] = {k: [] for k in commands}
    floors: list[float] = []
    for _ in range(max(5, runs)):
        floors.append(_run_seconds(bare))
        for key, args in commands.items():
            times[key].append(_run_seconds(args))
    labels = {"cli_list": "yandu list, start to exit", "cli_show": "yandu show, start to exit"}
    return [Figure(key, labels[key], "the main study", median=median(times[key]),
                   samples=times[key], floor=median(floors), floor_samples=floors,
                   floor_label='python -c "import sqlite3"').judge_ratio(5.0)
            for key in commands]
