"""The benchmark suite starts and produces every figure on a tiny input (no timing asserted)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.bench.__main__ import ORDER, main
from desktop.bench.generate import generate
from desktop.bench.queries import floor_expression, make_queries
from desktop.bench.report import Figure, percentile, table

ROOT = Path(__file__).resolve().parents[2]
TINY = ["--sizes", "0.01,0.02", "--runs", "1", "--queries", "6", "--annotations", "40",
        "--terms", "60"]


def test_generator_is_deterministic_and_not_a_copy_of_the_sample() -> None:
    from desktop.bench.generate import sample_text

    a = generate(60_000, seed=1)
    assert a.text == generate(60_000, seed=1).text
    assert a.text != generate(60_000, seed=2).text
    assert len(a.text.encode("utf-8")) >= 60_000
    assert len(a.speakers) >= 6 and a.turns > 20
    sample_sentences = {s for s in sample_text().replace("\n", "。").split("。") if len(s) > 15}
    generated = [s for s in a.text.replace("\n", "。").split("。") if len(s) > 15]
    copied = sum(1 for s in generated if s in sample_sentences)
    assert copied < len(generated) * 0.05
    # Speakers take turns under their labels; full-width and ASCII punctuation both occur.
    assert sum(a.text.count(f"\n{name}：") + a.text.count(f"\n{name}:")
               for name in a.speakers) >= a.turns * 0.9
    assert "，" in a.text and "," in a.text


def test_queries_are_varied_and_their_floor_expressions_are_quoted() -> None:
    text = generate(80_000, seed=3).text
    queries = make_queries(text, 50)
    assert len(queries) == 50
    assert any(" " in q for q in queries) and any(q.startswith('"') for q in queries)
    quoted = re.compile(r'"(?:[^"]|"")+"(?: "(?:[^"]|"")+")*')
    for q in queries:
        assert quoted.fullmatch(floor_expression(q)), q
    assert floor_expression('"算力 荒" 问题') == '"算力 荒" "问题"'


def test_percentile_and_table() -> None:
    assert percentile([1, 2, 3, 4, 5], 0.5) == 3
    assert percentile([0, 10], 0.95) == pytest.approx(9.5)
    fig = Figure("import", "import", "x", median=3.0, floor=2.0).judge_ratio(1.5)
    assert fig.ratio == 1.5 and fig.passed
    out = table([fig, Figure("open", "open", "x", available=False, note="no window")])
    assert "1.50×" in out and "not available yet" in out and "no window" in out


WINDOW_KEYS = ("start", "open", "toggle", "scroll", "memory")


def test_the_suite_produces_every_figure_on_a_tiny_input(tmp_path) -> None:
    out = tmp_path / "bench.json"
    md = tmp_path / "bench.md"
    code = main([*TINY, "--no-window", "--workdir", str(tmp_path / "work"), "--json", str(out),
                 "--markdown", str(md)])
    assert code == 0
    assert md.read_text(encoding="utf-8").count("\n| ") == len(ORDER)  # one row a figure
    payload = json.loads(out.read_text(encoding="utf-8"))
    keys = [f["key"] for f in payload["figures"]]
    assert keys == ORDER
    for fig in payload["figures"]:
        if fig["key"] in (*WINDOW_KEYS, "seek_turn"):  # measured by the tests below
            assert not fig["available"] and "--no-window" in fig["note"]
            continue
        assert fig["available"], fig
        assert fig["median"] is not None and fig["median"] > 0, fig
        assert fig["passed"] in (True, False), fig
        assert fig["target"], fig
    floors = {f["key"]: f for f in payload["figures"] if f["floor"] is not None}
    assert {"import", "search_median", "glossary"} <= set(floors)
    assert all(f["ratio"] == pytest.approx(f["median"] / f["floor"]) for f in floors.values())
    assert payload["machine"]["python"] and payload["settings"]["runs"] == 1


@pytest.mark.slow
def test_the_window_figures_come_from_the_real_window(tmp_path) -> None:
    from desktop.bench import core_figures as cf
    from desktop.bench import window_figures as wf
    from desktop.bench.generate import cached_file

    source = cached_file(tmp_path / "generated", 60_000)
    imported = cf.measure_import(source, tmp_path, 1)
    figures = wf.window_figures(imported, tmp_path, "tiny", 1)
    assert [f.key for f in figures] == list(WINDOW_KEYS)
    for fig in figures:
        assert fig.available, f"{fig.key}: {fig.note}"
        assert fig.median is not None and fig.median > 0
    start, memory = figures[0], figures[-1]
    assert start.floor and start.floor > 0 and start.ratio is not None
    assert memory.floor and memory.median > memory.floor  # a transcript costs something


def test_bad_sizes_are_one_line_errors() -> None:
    proc = subprocess.run([sys.executable, "-m", "desktop.bench", "--sizes", "big"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "--sizes" in proc.stderr


@pytest.mark.slow
def test_the_seek_figure_comes_from_the_real_player(tmp_path, monkeypatch) -> None:
    from desktop.bench import player_figures as pf
    from desktop.bench import window_figures as wf

    monkeypatch.setattr(pf, "TURNS", 300)
    monkeypatch.setattr(pf, "HOURS", 1)
    (fig,) = pf.player_figure(tmp_path, 1, wf.probe)
    assert fig.available, fig.note
    assert len(fig.samples) == pf.SEEKS_PER_RUN and fig.median > 0  # every seek highlighted


def test_the_library_pass_produces_its_figures_on_a_tiny_library(tmp_path) -> None:
    out = tmp_path / "library.json"
    code = main(["--library", "--library-docs", "3", "--library-mb", "0.06",
                 "--workdir", str(tmp_path / "work"), "--json", str(out)])
    assert code == 0
    figures = json.loads(out.read_text(encoding="utf-8"))["figures"]
    keys = {f["key"] for f in figures}
    assert {"library_import", "library_size", "library_panel", "library_search_p95",
            "library_counts_p95", "library_switch"} <= keys
    assert all(f["median"] is not None for f in figures)
