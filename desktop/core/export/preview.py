"""What the Export dialog shows before writing: the file's content as it will read.

Notes (Markdown, HTML) and Web Annotation preview as the notes page; the quote list as
its first rows; the Anki deck as its first cards; a REFI-QDA project as what it holds
(sources, selections, codes). Long lists are cut: a preview answers "is this what I
want?", not "all of it".
"""

from __future__ import annotations

import html as html_lib
import re
from typing import TYPE_CHECKING

from desktop.core.export import anki, data, quotes_csv
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
    if format_id == "qdpx":
        return _project(db, options)
    return render_html(db, options)


def _count(n: int, what: str) -> str:
    """"1 code", "2 codes"."""
    return f"{n:,} {what}" if n == 1 else f"{n:,} {what}s"


def _project(db: Database, options: ExportOptions) -> str:
    """What a REFI-QDA project will hold: its sources with their selections (the
    annotations, and each speaker's turns), its cases (the speakers), its codes (the tags)
    with how many selections each codes, and the notes."""
    from desktop.core.export.qdpx import speaker_cases

    docs = data.load(db, options)
    cases = speaker_cases(docs, options)
    codes: dict[str, list] = {}  # a tag folded -> [its name, selections coded]
    for doc in docs:
        for item in doc.annotations:
            for tag in item.annotation.tags:
                codes.setdefault(tag.casefold(), [tag, 0])[1] += 1
    annotated = sum(len(doc.annotations) for doc in docs)
    turns = sum(len(case.turns) for case in cases)
    notes = sum(1 for doc in docs for item in doc.annotations if item.annotation.note)
    said = ", ".join((_count(len(docs), "source"),
                      f"{_count(annotated + turns, 'selection')} ({annotated:,} annotated, "
                      f"{turns:,} of speakers' turns)",
                      _count(len(cases), "case"), _count(len(codes), "code"),
                      _count(notes, "note")))
    sources = _rows(["source", "annotated selections"],
                    [[d.meta.title, len(d.annotations)] for d in docs])
    people = _rows(["case", "role", "turns"],
                   [[c.name, c.role, len(c.turns)] for c in cases])
    coded = _rows(["code", "selections"], [codes[k] for k in sorted(codes)])
    return (f"<!DOCTYPE html><html><body><p>A REFI-QDA project: {html_lib.escape(said)}.</p>"
            f"{sources}{people}{coded}</body></html>")


def _text(fragment: str) -> str:
    """The words of an HTML fragment (a card field)."""
    return html_lib.unescape(_TAGS.sub("", fragment))


def _table(columns: list[str], rows: list[list]) -> str:
    return (f"<!DOCTYPE html><html><body><p>{_count(len(rows), 'row')}</p>"
            f"{_rows(columns, rows)}</body></html>")


def _rows(columns: list[str], rows: list[list]) -> str:
    """An HTML table of the first PREVIEW_ROWS rows, saying how many more there are."""
    e = html_lib.escape
    head = "".join(f"<th>{e(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>"
                   for row in rows[:PREVIEW_ROWS])
    more = (f"<p>… {len(rows) - PREVIEW_ROWS:,} more</p>" if len(rows) > PREVIEW_ROWS
            else "")
    return (f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"
            f"{more}")
