"""`python -m desktop.bench --library`: a study of many documents, and how it grows.

Generates `--library-docs` transcripts (default 1,000) sharing `--library-mb` (default
200 MB) of text, plus any real FILEs, imports them as a folder in one batch
(`import_each`, as `yandu import FOLDER` does) and measures, when the study holds 1, 10,
100 and 1,000 documents (the counts up to the total):

- the documents list, filtered and sorted as the panel does (`list_documents` plus the
  filter and sort in Python), against a 50 ms target;
- whole-study search to the first page (100 hits), p95 of the benchmark's 50 queries, in
  reading order and best first, against 50 ms; the counts (`tally`) against 0.3 s;
- switching documents (the turns of one document read), against 0.5 s;
- the study file's size against the text.

With the window (unless `--no-window`), at each count too, in child processes as the main
suite's window figures: start to the first painted window against a bare PySide6 window
(≤ 2×), the peak memory (≤ 300 MB above the bare window), the real documents panel
filtered and sorted until repainted (< 50 ms), and another document opened in the window
until painted (< 0.5 s). Figures only, no timing is asserted anywhere else.
"""

from __future__ import annotations

import time
from pathlib import Path

from desktop.bench.report import Figure, median, percentile

COUNTS = (1, 10, 100, 1000)


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def generate_library(folder: Path, docs: int, total_mb: float) -> list[Path]:
    """`docs` generated transcripts of about total_mb / docs each (cached in `folder`)."""
    from desktop.bench.generate import MB, cached_file

    folder.mkdir(parents=True, exist_ok=True)
    each = max(20_000, int(total_mb * MB / docs))
    files = []
    for i in range(docs):
        path = cached_file(folder / "src", each, seed=10_000 + i)
        target = folder / f"doc-{i:04d}.txt"
        if not target.exists():
            path.rename(target)
        files.append(target)
    return files


def _measure(db, queries: list[str], runs: int) -> dict[str, float]:
    from desktop.core import library
    from desktop.core.search import search
    from desktop.core.search_counts import tally

    docs = library.list_documents(db)

    def panel() -> None:
        listed = library.list_documents(db)
        shown = [d for d in listed if "0" in d.title]  # a typed filter
        shown.sort(key=lambda d: (d.title.casefold(), d.id))

    first, ranked, counts = [], [], []
    for q in queries:
        first.append(median([_timed(lambda q=q: search(db, q)) for _ in range(runs)]))
        ranked.append(median([_timed(lambda q=q: search(db, q, order="relevance"))
                              for _ in range(runs)]))
        counts.append(median([_timed(lambda q=q: tally(db, q)) for _ in range(runs)]))
    middle = docs[len(docs) // 2].id
    return {
        "panel": median([_timed(panel) for _ in range(max(3, runs))]),
        "search_p95": percentile(first, 0.95),
        "ranked_p95": percentile(ranked, 0.95),
        "counts_p95": percentile(counts, 0.95),
        "switch": median([_timed(lambda: library.turns(db, middle))
                          for _ in range(max(3, runs))]),
    }


def _window_at(study: Path, document_id: int, other_id: int, runs: int,
               home: Path) -> dict[str, float | None]:
    """The window's figures on `study`: `runs` starts of Yandu (reopening `document_id`)
    and of a bare window, taking turns."""
    from desktop.bench.window_figures import probe

    probe(["prepare", str(study), str(document_id)], home)
    got: dict[str, list[float]] = {k: [] for k in (
        "bare_start", "bare_rss", "start", "rss", "panel_filter", "panel_sort", "open")}
    for _ in range(runs):
        started, out = probe(["bare"], home)
        got["bare_start"].append(out["painted_at"] - started)
        got["bare_rss"].append(out["peak_rss_mb"])
        started, out = probe(["library", str(study), str(document_id), str(other_id), "1"],
                             home)
        if "error" in out:
            raise RuntimeError(out["error"])
        got["start"].append(out["painted_at"] - started)
        got["rss"].append(out["peak_rss_mb"])
        for key in ("panel_filter", "panel_sort", "open"):
            got[key] += [t for t in out[key] if t is not None]
    return {key: median(values) if values else None for key, values in got.items()}


def _window_figures(at: dict[int, dict], label: str) -> list[Figure]:
    counts = sorted(at)
    last = at[counts[-1]]

    def growth(key: str, unit: float = 1000, suffix: str = " ms") -> str:
        return "; ".join(f"{c}: {at[c][key] * unit:.0f}{suffix}" if at[c].get(key) is not None
                         else f"{c}: —" for c in counts)

    start = Figure("library_start", "start to first painted window", label,
                   median=last["start"], floor=last["bare_start"],
                   floor_label="bare PySide6 window").judge_ratio(2.0)
    start.note = growth("start")
    memory = Figure("library_memory", "peak memory with the library open", label, unit="MB",
                    median=last["rss"], floor=last["bare_rss"],
                    floor_label="bare PySide6 window")
    memory.ratio = memory.median / memory.floor if memory.floor else None
    memory.passed = memory.median - memory.floor <= 300
    memory.target = "≤ 300 MB above floor"
    memory.note = f"{memory.median - memory.floor:.0f} MB above; " + growth("rss", 1, " MB")
    figures = [start, memory]
    for key, name, limit in (
            ("panel_filter", "documents panel in the window: filtered until repainted", 0.05),
            ("panel_sort", "documents panel in the window: sorted until repainted", 0.05),
            ("open", "another document opened in the window until painted", 0.5)):
        if last.get(key) is None:
            continue
        fig = Figure(f"library_window_{key}", name, label, median=last[key]).judge_below(limit)
        fig.note = growth(key)
        figures.append(fig)
    return figures


def run_library(workdir: Path, docs: int, total_mb: float, runs: int,
                real_files: list[Path], say, window: bool = True) -> list[Figure]:
    """Import the library in one batch, measuring at each count; return the figures."""
    from db import open_study
    from desktop.bench.queries import make_queries
    from desktop.core import library, segment
    from desktop.core.importing.batch import import_each

    segment.initialize()
    files = generate_library(workdir / "library", docs, total_mb) + list(real_files)
    study = workdir / "library.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{study}{suffix}").unlink(missing_ok=True)
    db = open_study(study)
    text_bytes = 0
    done = 0
    at: dict[int, dict[str, float]] = {}
    in_window: dict[int, dict] = {}
    window_failed = ""
    if window:
        from desktop.bench.window_figures import compile_bytecode, window_available

        window_failed = window_available() or ""
        if not window_failed:
            compile_bytecode()
        home = workdir / "library-home"
        home.mkdir(exist_ok=True)
    import_seconds = 0.0
    queries: list[str] = []
    try:
        for count in [c for c in COUNTS if c <= len(files)] + (
                [len(files)] if len(files) not in COUNTS else []):
            batch = files[done:count]
            say(f"  library: importing documents {done + 1}-{count} …")
            import_seconds += _timed(lambda b=batch: import_each(db, b))
            text_bytes += sum(p.stat().st_size for p in batch)
            done = count
            if not queries:
                sample = db.execute("SELECT text FROM documents LIMIT 1").fetchone()[0]
                queries = make_queries(sample, 50)
            say(f"  library: measuring at {count} documents …")
            at[count] = _measure(db, queries, runs)
            if window and not window_failed:
                ids = [d.id for d in library.list_documents(db)]
                say(f"  library: the window at {count} documents …")
                try:
                    in_window[count] = _window_at(study, ids[len(ids) // 2], ids[0], runs,
                                                  home)
                except Exception as exc:  # a figure missing, never the whole pass
                    window_failed = f"the window run failed: {exc}"
    finally:
        db.close()
    size = study.stat().st_size
    counts = sorted(at)
    last = counts[-1]
    label = f"library of {last} documents, {text_bytes / 1e6:.0f} MB"
    growth = "; ".join(f"{c}: " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in at[c].items())
                       for c in counts)
    figures = [
        Figure("library_import", "library import, one batch", label, median=import_seconds,
               note=f"{text_bytes / 1e6 / max(import_seconds, 1e-9):.2f} MB/s"),
        Figure("library_size", "library study file size", label, unit="MB",
               median=size / 1e6, floor=text_bytes / 1e6,
               floor_label="the imported files").judge_ratio(4.0),
        Figure("library_panel", "documents panel: list, filter, sort", label,
               median=at[last]["panel"], note=growth).judge_below(0.05),
        Figure("library_search_p95", "whole-study search, first page, p95", label,
               median=at[last]["search_p95"]).judge_below(0.05),
        Figure("library_ranked_p95", "whole-study search best first, first page, p95",
               label, median=at[last]["ranked_p95"]).judge_below(0.05),
        Figure("library_counts_p95", "whole-study search counts, p95", label,
               median=at[last]["counts_p95"]).judge_below(0.3),
        Figure("library_switch", "switching documents (a document's turns read)", label,
               median=at[last]["switch"]).judge_below(0.5),
    ]
    if in_window:
        figures += _window_figures(in_window, label)
    if window_failed:
        say(f"  library: window figures not measured: {window_failed}")
    return figures
