"""A table (a header and rows of plain values) written as CSV or as a Markdown table."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence


def to_csv(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """CSV text (RFC 4180, CRLF line ends, as spreadsheets expect)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def to_markdown(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown (GitHub) table; cells on one line, | escaped."""
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |",
             "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
