"""Window figures: the real window, offscreen, in child processes (see `window_probe`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from desktop.bench.report import Figure, median, unavailable

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 180

_TARGETS = {
    "start": ("start to first painted window (last document reopened)", "≤ 2 × floor"),
    "open": ("open the transcript in the window until painted", "< 1 s"),
    "toggle": ("toggle one speaker until repainted", "< 100 ms"),
    "scroll": ("scroll from top to end until painted", "< 100 ms"),
    "memory": ("peak memory with the transcript open", "≤ 300 MB above floor"),
}


def skipped(data: str, why: str) -> list[Figure]:
    """Every window figure, marked as not measured, saying why."""
    return [unavailable(key, label, data, target, why)
            for key, (label, target) in _TARGETS.items()]


def window_available() -> str | None:
    """None when Yandu's window can be driven here; else why not."""
    try:
        import desktop.ui.app  # noqa: F401
        import desktop.ui.main_window  # noqa: F401
        from desktop.ui.app import build_window, run_app  # noqa: F401
    except Exception as exc:  # the window is another part of Yandu, perhaps not there yet
        return f"the window cannot be loaded ({type(exc).__name__}: {exc})"
    return None


class ProbeError(RuntimeError):
    """A child process of the window benchmark failed."""


def _child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),  # settings of the benchmark's own, never the user's
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p),
    })
    env.pop("YANDU_DB", None)
    return env


def probe(args: list[str], home: Path) -> tuple[float, dict]:
    """Run the probe with `args`; (monotonic time it was started, its JSON result)."""
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "desktop.bench.window_probe", *args],
        cwd=ROOT, env=_child_env(home), capture_output=True, text=True, timeout=TIMEOUT_S,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise ProbeError(f"window probe {args[0]} failed (exit {proc.returncode}): {tail}")
    return started, json.loads(lines[-1])


def _study_with_two_documents(imp, workdir: Path) -> tuple[Path, int]:
    """A copy of the benchmark study with the sample added (so there is another to open)."""
    from db import open_study
    from desktop.core.importing import bundled_sample_path, import_file

    study = workdir / "window.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{study}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(imp.study, study)
    db = open_study(study)
    try:
        other = import_file(db, bundled_sample_path()).document_id
    finally:
        db.close()
    return study, other


def _times(values: list) -> list[float]:
    return [v for v in values if isinstance(v, int | float)]


def compile_bytecode() -> None:
    """Compile Yandu's modules once, as an installed copy has them. A checkout run where
    PYTHONDONTWRITEBYTECODE is set would otherwise compile every changed module again at
    each start, and time Python's compiler rather than Yandu."""
    import compileall

    for package in ("db", "desktop"):
        compileall.compile_dir(ROOT / package, quiet=1)


def window_figures(imp, workdir: Path, data: str, runs: int,
                   starts: int | None = None) -> list[Figure]:
    """Start-up, open, toggle, scroll and memory, measured on Yandu's real window: `starts`
    starts of Yandu and of a bare window, taking turns (default `runs`), each Yandu run
    timing `runs` of the rest."""
    why = window_available()
    if why:
        return skipped(data, why)
    compile_bytecode()
    home = workdir / "home"
    home.mkdir(exist_ok=True)
    try:
        study, other = _study_with_two_documents(imp, workdir)
        probe(["prepare", str(study), str(imp.document_id)], home)
        bare_start: list[float] = []
        bare_rss: list[float] = []
        sessions: list[dict] = []
        for _ in range(starts or runs):
            started, out = probe(["bare"], home)
            bare_start.append(out["painted_at"] - started)
            bare_rss.append(out["peak_rss_mb"])
            started, out = probe(["session", str(study), str(imp.document_id), str(other),
                                  str(runs)], home)
            if "error" in out:
                raise ProbeError(out["error"])
            out["start"] = out["painted_at"] - started
            sessions.append(out)
    except (ProbeError, subprocess.TimeoutExpired, OSError, KeyError, TypeError) as exc:
        return skipped(data, f"the window run failed: {exc}")

    starts = [s["start"] for s in sessions]
    start = Figure("start", _TARGETS["start"][0], data, median=median(starts), samples=starts,
                   floor=median(bare_start), floor_samples=bare_start,
                   floor_label="bare PySide6 window").judge_ratio(2)
    # The dictionary must start loading after the first paint (never delay it).
    leads = [s["painted_at"] - s["segmenter_started_at"] for s in sessions
             if s.get("segmenter_started_at") is not None]
    early = [lead for lead in leads if lead > 0]
    reopened = all(s.get("document_at_paint") == imp.document_id for s in sessions)
    if early:
        start.note = (f"the segmenter started loading {max(early) * 1000:.0f} ms BEFORE the "
                      "first paint")
    elif leads:
        start.note = (f"the segmenter started loading after the first paint (at least "
                      f"{-max(leads) * 1000:.1f} ms after)")
    else:
        start.note = "the segmenter did not load in the first second"
    if not reopened:
        start.note += "; the last document was NOT reopened"
    if early or not reopened:
        start.passed = False

    figures = [start]
    for key, field, limit in (("open", "open", 1.0), ("toggle", "toggle", 0.1),
                              ("scroll", "scroll_to_end", 0.1)):
        samples = [t for s in sessions for t in _times(s[field])]
        missing = sum(len(s[field]) for s in sessions) - len(samples)
        if not samples:
            why = "no repaint seen" if missing else "the transcript fits the window unscrolled"
            figures.append(unavailable(key, _TARGETS[key][0], data, _TARGETS[key][1], why))
            continue
        fig = Figure(key, _TARGETS[key][0], data, median=median(samples), samples=samples)
        fig.judge_below(limit)
        fig.note = f"slowest {max(samples) * 1000:.0f} ms" + (
            f"; {missing} run(s) saw no repaint" if missing else "")
        figures.append(fig)

    rss = [s["peak_rss_mb"] for s in sessions]
    memory = Figure("memory", _TARGETS["memory"][0], data, unit="MB", median=median(rss),
                    samples=rss, floor=median(bare_rss), floor_samples=bare_rss,
                    floor_label="bare PySide6 window")
    memory.ratio = memory.median / memory.floor if memory.floor else None
    memory.passed = memory.median - memory.floor <= 300
    memory.target = _TARGETS["memory"][1]
    memory.note = f"{memory.median - memory.floor:.0f} MB above the bare window"
    figures.append(memory)
    return figures
