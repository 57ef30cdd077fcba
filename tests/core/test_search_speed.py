"""Search stays fast on a 5 MB transcript: p95 under 50 ms, each query run once (cold)."""

from __future__ import annotations

import time

import pytest


@pytest.mark.slow
def test_p95_latency_on_five_megabytes(tmp_path):
    from db import open_study
    from desktop.bench.generate import MB, cached_file
    from desktop.bench.queries import make_queries
    from desktop.core.importing import import_file
    from desktop.core.search import search

    source = cached_file(tmp_path, 5 * MB)
    db = open_study(tmp_path / "study.sqlite")
    import_file(db, source)
    queries = make_queries(source.read_text(encoding="utf-8"), 50)
    search(db, "预热")  # loads the segmenter and the prepared statements once
    times = []
    for query in queries:
        start = time.perf_counter()
        hits = search(db, query)
        times.append(time.perf_counter() - start)
        assert all(h.matches for h in hits), query
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    assert p95 < 0.050, f"p95 {p95 * 1000:.1f} ms; slowest {times[-3:]}"
