"""Benchmark figures as values: median, floor, ratio, target, verdict; table and JSON."""

from __future__ import annotations

import json
import platform
import statistics
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Figure:
    """One measured figure of the suite, with its floor and its target."""

    key: str
    label: str
    data: str  # what it ran on, e.g. "generated 5 MB"
    unit: str = "s"
    median: float | None = None
    floor: float | None = None
    floor_label: str = ""
    ratio: float | None = None
    target: str = ""
    passed: bool | None = None  # None: no verdict (not measured, or no target)
    samples: list[float] = field(default_factory=list)
    floor_samples: list[float] = field(default_factory=list)
    note: str = ""
    available: bool = True

    def judge_ratio(self, limit: float) -> Figure:
        """Set ratio = median / floor and pass when it is at most `limit`."""
        if self.median is not None and self.floor:
            self.ratio = self.median / self.floor
            self.passed = self.ratio <= limit
        self.target = f"≤ {limit:g} × floor"
        return self

    def judge_below(self, limit: float, unit_label: str = "") -> Figure:
        """Pass when the median is below `limit` (in the figure's unit)."""
        if self.median is not None:
            self.passed = self.median < limit
        self.target = f"< {limit:g} {unit_label or self.unit}"
        return self

    def as_dict(self) -> dict:
        """A JSON-ready dict."""
        return asdict(self)


def unavailable(key: str, label: str, data: str, target: str, why: str) -> Figure:
    """A figure that could not be measured in this checkout, saying why."""
    return Figure(key, label, data, target=target, note=why, available=False)


def median(values: list[float]) -> float:
    """The median of `values`."""
    return statistics.median(values)


def percentile(values: list[float], q: float) -> float:
    """The `q` quantile (0..1) of `values`, by linear interpolation."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = q * (len(ordered) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        if value < 0.01:
            return f"{value * 1000:.2f} ms"
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.3g} {unit}".strip()


def table(figures: list[Figure]) -> str:
    """The figures as a plain-text table."""
    rows = [("figure", "data", "median", "floor", "ratio", "target", "result")]
    for f in figures:
        if not f.available:
            verdict = _absent(f)
        elif f.passed is None:
            verdict = "—"
        else:
            verdict = "pass" if f.passed else "MISS"
        floor = _fmt(f.floor, f.unit) if f.floor is not None else "—"
        if f.floor_label and f.floor is not None:
            floor = f"{floor} ({f.floor_label})"
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "—"
        rows.append((f.label, f.data, _fmt(f.median, f.unit), floor, ratio, f.target, verdict))
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    notes = [f"- {f.label}: {f.note}" for f in figures if f.note]
    return "\n".join(lines + ([""] + notes if notes else []))


def _absent(f: Figure) -> str:
    return "skipped" if f.note.startswith("skipped") else "not available yet"


def markdown(figures: list[Figure]) -> str:
    """The figures as a Markdown table (for the README)."""
    lines = ["| figure | data | median | floor | ratio | target | result |",
             "|---|---|---|---|---|---|---|"]
    for f in figures:
        verdict = (_absent(f) if not f.available else
                   "—" if f.passed is None else "pass" if f.passed else "**miss**")
        floor = f"{_fmt(f.floor, f.unit)} ({f.floor_label})" if f.floor is not None else "—"
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "—"
        lines.append(f"| {f.label} | {f.data} | {_fmt(f.median, f.unit)} | {floor} | {ratio} "
                     f"| {f.target} | {verdict} |")
    return "\n".join(lines)


def _width(text: str) -> int:
    # East Asian wide characters take two columns in a terminal.
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def machine() -> dict:
    """What the figures were measured on."""
    import os
    import sqlite3

    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "sqlite": sqlite3.sqlite_version,
    }


def write_json(path: Path, figures: list[Figure], settings: dict) -> None:
    """Write the figures and the settings they were measured with as JSON."""
    payload = {"machine": machine(), "settings": settings,
               "figures": [f.as_dict() for f in figures]}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
