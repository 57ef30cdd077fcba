"""`python -m desktop.bench`: run the performance suite, print the table, write JSON."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from desktop.bench.report import Figure, markdown, table, write_json

# The table, in its order.
ORDER = ["import", "search_median", "search_p95", "search_ranked", "start", "open", "toggle",
         "scroll", "seek_turn", "glossary", "export_markdown", "export_html", "memory",
         "growth_import", "growth_search", "growth_search_ranked", "analysis_cut",
         "analysis_figures", "analysis_concordance", "import_floor_smallest", "import_floor",
         "import_floor_largest", "study_size", "import_small", "save_during_import",
         "cli_list", "cli_show"]


def _sizes(text: str) -> list[float]:
    try:
        sizes = sorted({float(s) for s in text.split(",") if s.strip()})
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"--sizes takes megabytes like 1,5,20: {exc}") from exc
    if not sizes or any(s <= 0 for s in sizes):
        raise argparse.ArgumentTypeError("--sizes takes positive megabytes like 1,5,20")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    """The benchmark's command line."""
    parser = argparse.ArgumentParser(
        prog="python -m desktop.bench",
        description="Yandu's performance suite: generated transcripts (and FILEs), each "
        "figure's median, its floor measured beside it, the ratio and the target.",
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE",
                        help="real transcripts to measure too (import and search)")
    parser.add_argument("--sizes", type=_sizes, default=None,
                        help="generated transcript sizes in MB (default 1,5,20; --quick 0.2,1)")
    parser.add_argument("--runs", type=int, default=None,
                        help="runs per figure; the median counts (default 3; --quick 1)")
    parser.add_argument("--quick", action="store_true",
                        help="a fast pass: small sizes, one run each")
    parser.add_argument("--json", type=Path, default=Path("yandu-bench.json"), metavar="OUT",
                        help="where to write the figures as JSON (default ./yandu-bench.json)")
    parser.add_argument("--markdown", type=Path, default=None, metavar="OUT",
                        help="also write the table as Markdown (for the README)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="folder for generated transcripts and scratch studies, kept "
                        "for the next run (default: a temporary folder, removed at the end)")
    parser.add_argument("--no-window", action="store_true",
                        help="skip the figures that need the window")
    parser.add_argument("--library", action="store_true",
                        help="only the library pass: many documents in one study, figures "
                        "at 1, 10, 100 and 1,000 documents (about 20 minutes at the defaults)")
    parser.add_argument("--library-docs", type=int, default=1000, metavar="N",
                        help="documents in the library pass (default 1000)")
    parser.add_argument("--library-mb", type=float, default=200.0, metavar="MB",
                        help="megabytes of generated text they share (default 200)")
    parser.add_argument("--queries", type=int, default=50, help=argparse.SUPPRESS)
    parser.add_argument("--annotations", type=int, default=10_000, help=argparse.SUPPRESS)
    parser.add_argument("--terms", type=int, default=5000, help=argparse.SUPPRESS)
    return parser


def _primary(sizes: list[float]) -> float:
    """The size most figures are measured on: 5 MB, or the nearest size given."""
    return min(sizes, key=lambda s: (abs(s - 5), -s))


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> list[Figure]:
    """Measure every figure; return them in the issue's order."""
    from desktop.bench import core_figures as cf
    from desktop.bench import player_figures as pf
    from desktop.bench import study_figures as sf
    from desktop.bench import window_figures as wf
    from desktop.bench.generate import MB, cached_file

    sizes = args.sizes or ([0.2, 1.0] if args.quick else [1.0, 5.0, 20.0])
    runs = max(1, args.runs or (1 if args.quick else 3))
    primary = _primary(sizes)
    workdir = args.workdir
    workdir.mkdir(parents=True, exist_ok=True)

    _say(f"yandu bench: sizes {sizes} MB, {runs} run(s), in {workdir}")
    files = {}
    for size in sizes:
        _say(f"  generating {size:g} MB …")
        files[size] = cached_file(workdir / "generated", int(size * MB))
    cf.warm_up(workdir)

    # Sizes take turns run by run, so that a change in the machine's load during the suite
    # touches every size alike and the growth figures compare like with like.
    imports: dict[float, cf.Imported] = {}
    for run_number in range(runs):
        for size in sizes:
            _say(f"  import {size:g} MB, run {run_number + 1} of {runs} …")
            imp = cf.measure_import(files[size], workdir, 1)
            if size in imports:
                imp.times = imports[size].times + imp.times
            imports[size] = imp
    searches = {}
    for size in sizes:
        _say(f"  search {size:g} MB, {args.queries} queries × {runs} …")
        searches[size] = cf.measure_search(imports[size], runs, args.queries)

    main = imports[primary]
    data = f"generated {primary:g} MB"
    figures: list[Figure] = []
    _say("  jieba floor …")
    figures.append(cf.import_figure(main, data, runs))
    figures += cf.search_figures(searches[primary], data)
    if args.no_window:
        figures += wf.skipped(data, "skipped (--no-window)")
        figures += pf.skipped("skipped (--no-window)")
    else:
        _say("  window …")
        # A start is one sample per process and varies most on a shared machine: at least
        # five of each for the median, unless a quick pass was asked for.
        figures += wf.window_figures(main, workdir, data, runs,
                                     starts=runs if args.quick else max(runs, 5))
        _say("  player …")
        figures += pf.player_figure(workdir, runs, wf.probe)
    _say("  glossary …")
    figures.append(cf.glossary_figure(main, data, runs, args.terms))
    _say("  export …")
    figures += cf.export_figures(main, workdir, data, runs, args.annotations)
    _say("  analysis …")
    from desktop.bench.analysis_figures import analysis_figures

    figures += analysis_figures(main, workdir, data, runs, args.annotations, args.terms)
    figures += cf.growth_figures(imports, searches)
    _say("  import floors, study size, a save during the largest import, command line …")
    figures += sf.import_floor_figures(imports, workdir, runs)
    figures.append(sf.study_size_figure(main, data))
    figures.append(sf.save_during_import_figure(files[max(sizes)], workdir))
    figures += sf.cli_figures(main, runs)
    figures.append(sf.small_import_figure(main, workdir, runs))
    figures.sort(key=lambda f: ORDER.index(f.key) if f.key in ORDER else len(ORDER))

    for path in args.files:
        _say(f"  {path.name} …")
        imp = cf.measure_import(path, workdir, runs)
        figures.append(cf.import_figure(imp, path.name, runs))
        figures += cf.search_figures(cf.measure_search(imp, runs, args.queries), path.name)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run the suite; 0 when it ran (misses are reported, not errors), 2 on bad input."""
    parser = build_parser()
    args = parser.parse_args(argv)
    for path in args.files:
        if not path.is_file():
            parser.error(f"no such file: {path}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    scratch = args.workdir is None
    if scratch:
        args.workdir = Path(tempfile.mkdtemp(prefix="yandu-bench-"))
    try:
        if args.library:
            from desktop.bench.library import run_library

            args.workdir.mkdir(parents=True, exist_ok=True)
            figures = run_library(args.workdir, args.library_docs, args.library_mb,
                                  max(1, args.runs or 1), args.files, _say,
                                  window=not args.no_window)
        else:
            figures = run(args)
    finally:
        if scratch:  # studies and generated text: a few hundred MB nobody asked to keep
            shutil.rmtree(args.workdir, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print(table(figures))
    settings = {"sizes_mb": args.sizes or ([0.2, 1.0] if args.quick else [1.0, 5.0, 20.0]),
                "runs": args.runs or (1 if args.quick else 3), "quick": args.quick,
                "files": [str(p) for p in args.files], "seconds": round(elapsed, 1)}
    write_json(args.json, figures, settings)
    if args.markdown:
        args.markdown.write_text(markdown(figures) + "\n", encoding="utf-8")
    print(f"\n{len(figures)} figures in {elapsed:.0f} s; JSON written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
