"""What the Export dialog shows before writing: the file's content as it will read.

Notes (Markdown, HTML) and the formats that carry annotations (REFI-QDA, Web Annotation)
preview as the notes page; the quote list as its first rows; the Anki deck as its first
cards. Long lists are cut: a preview answers "is this what I want?", not "all of it".
"""

from __future__ import annotations

import html as html_lib
import re
from typing import TYPE_CHECKING

from desktop.core.export import anki, quotes_csv
from desktop.core.export.html import render_html
from desktop.core.export.options import ExportOptions

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

PREVIEW_ROWS = 100
_TAGS = re.compile(r"<[^>]+>")


def preview_html(db: Database, format_id: str, options: ExportOptions) -> str:
    """An HTML page previewing the export of `format_id` with these options."""
    if format_id == "csv":
        return _table(list(quotes_csv.COLUMNS), quotes_csv.rows(db, options))
    if format_id == "anki":
        cards = [[_text(field) for field in note.fields[:5]]
                 for note in anki.build_notes(db, options)]
        return _table(["term", "pinyin", "english", "definition", "example"], cards)
    return render_html(db, options)


def _text(fragment: str) -> str:
    """The words of an HTML fragment (a card field)."""
    return html_lib.unescape(_TAGS.sub("", fragment))


def _table(columns: list[str], rows: list[list]) -> str:
    e = html_lib.escape
    head = "".join(f"<th>{e(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>"
                   for row in rows[:PREVIEW_ROWS])
    more = (f"<p>… {len(rows) - PREVIEW_ROWS:,} more</p>" if len(rows) > PREVIEW_ROWS
            else "")
    return (f"<!DOCTYPE html><html><body><p>{len(rows):,} rows</p>"
            f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"
            f"{more}</body></html>")
