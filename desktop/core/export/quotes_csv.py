"""The quote list: one CSV row per annotation, UTF-8 with a BOM so spreadsheets read Chinese."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.citations import Citation, clock
from desktop.core.export import data
from desktop.core.export.options import ExportOptions, Progress, atomic_output, report

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

# New columns go at the end, so spreadsheets and scripts that read by position still work.
COLUMNS = ("document", "section", "speaker", "quote", "note", "tags", "start", "end",
           "id", "author", "created", "modified", "colour", "turn", "page", "line", "time",
           "citation", "time_end", "time_kind")
TAG_SEPARATOR = "; "


def spreadsheet_safe(value: str) -> str:
    """Text a spreadsheet will not run as a formula (a leading =, +, -, @ is quoted with ')."""
    if value[:1] in ("=", "+", "@", "\t", "\r") or (
        value[:1] == "-" and value[1:2] not in (" ", "")
    ):
        return "'" + value
    return value


def rows(db: Database, options: ExportOptions, progress: Progress | None = None
         ) -> list[list[str | int]]:
    """The CSV rows (without the header) in document and transcript order."""
    docs = data.load(db, options)
    total = sum(len(d.annotations) for d in docs)
    out: list[list[str | int]] = []
    for doc in docs:
        for item in doc.annotations:
            ann = item.annotation
            out.append([
                spreadsheet_safe(doc.meta.title), spreadsheet_safe(item.section_title),
                spreadsheet_safe(item.speaker_name), spreadsheet_safe(ann.quote),
                spreadsheet_safe(ann.note), spreadsheet_safe(TAG_SEPARATOR.join(ann.tags)),
                ann.start, ann.end, ann.id, spreadsheet_safe(ann.author), ann.created_at,
                ann.updated_at, ann.colour, *_citation_cells(item.citation),
                spreadsheet_safe(item.citation.text(options.language)),
                *_time_end_cells(item.citation),
            ])
            if len(out) % 500 == 0:
                report(progress, len(out), total)
    report(progress, total, total)
    return out


def _citation_cells(citation: Citation) -> list[str | int]:
    """turn, page, line (4 or 4–9) and time (12:34) of a quote; '' where the source has none."""
    line = "" if citation.line is None else str(citation.line)
    if citation.line_end is not None:
        line += f"–{citation.line_end}"
    page = citation.page + (f"–{citation.page_end}" if citation.page_end else "")
    time = "" if citation.start_ms is None else clock(citation.start_ms)
    return [citation.turn_number or "", page, line, time]


def _time_end_cells(citation: Citation) -> list[str]:
    """Where the quote's turn ends in the recording (12:51), and how its time is known:
    "cue" (the source's), "stamp" (set while listening) or "estimated"."""
    end = "" if citation.end_ms is None else clock(citation.end_ms)
    return [end, citation.time_kind or "" if citation.start_ms is not None else ""]


def export_csv(db: Database, options: ExportOptions, out: Path,
               progress: Progress | None = None) -> Path:
    """Write the quote list to `out` (UTF-8 with BOM, CRLF rows as spreadsheets expect)."""
    body = rows(db, options, progress)
    with atomic_output(Path(out), "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(body)
    return Path(out)
