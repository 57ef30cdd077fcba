"""Exports of a study's notes, and the one import that comes back (Web Annotation).

Every exporter has the shape `export_<format>(db, options, out, progress=None) -> Path`
and reads the study only. `FORMATS` lists them for the Export dialog and `yandu export`;
`preview_html` gives the dialog's preview. Exports read through their own
connection when run off the GUI thread (sqlite-utils connections are per thread).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from db import open_study
from desktop.core.errors import YanduError
from desktop.core.export.anki import export_anki
from desktop.core.export.html import export_html, render_html
from desktop.core.export.labels import LANGUAGES, check_language
from desktop.core.export.markdown import export_markdown, render_markdown
from desktop.core.export.options import ExportOptions, Progress, safe_filename
from desktop.core.export.preview import preview_html
from desktop.core.export.qdpx import export_qdpx
from desktop.core.export.quotes_csv import export_csv
from desktop.core.export.webannotation import export_webannotation
from desktop.core.export.webannotation_import import ImportReport, import_webannotation

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

Exporter = Callable[..., Path]


#: The choices of ExportOptions a format can heed ("scope" is document_ids).
NOTES_OPTIONS = frozenset({"scope", "speakers", "tags", "transcript", "glossary"})
ANNOTATION_OPTIONS = frozenset({"scope", "speakers", "tags"})


class Format(NamedTuple):
    """An export format: its label for menus, its file suffix, the function that writes it,
    and which options it heeds (the dialog greys out the others)."""

    label: str
    suffix: str
    export: Exporter
    uses: frozenset[str] = NOTES_OPTIONS


FORMATS: dict[str, Format] = {
    "markdown": Format("Markdown notes", ".md", export_markdown),
    "html": Format("HTML page", ".html", export_html),
    "csv": Format("Quote list (CSV)", ".csv", export_csv, ANNOTATION_OPTIONS),
    "qdpx": Format("REFI-QDA project (.qdpx)", ".qdpx", export_qdpx, ANNOTATION_OPTIONS),
    "webannotation": Format("Web Annotation (JSON-LD)", ".jsonld", export_webannotation,
                            ANNOTATION_OPTIONS),
    "anki": Format("Anki deck of the glossary (.apkg)", ".apkg", export_anki,
                   frozenset({"scope"})),
}


def default_filename(db: Database, options: ExportOptions, format_id: str) -> str:
    """A safe file name for an export: the document's title (or the study's) plus suffix."""
    suffix = FORMATS[format_id].suffix
    if format_id == "anki":
        return "yandu-glossary" + suffix
    if options.title:
        return safe_filename(options.title) + suffix
    ids = options.document_ids
    if ids is not None and len(ids) == 1:
        row = db.execute("SELECT title FROM documents WHERE id = ?", [ids[0]]).fetchone()
        if row:
            return safe_filename(row[0]) + suffix
    return "yandu-notes" + suffix


def export(db: Database, format_id: str, options: ExportOptions, out: Path,
           progress: Progress | None = None) -> Path:
    """Run the exporter for `format_id`; `progress` may raise to cancel (no file is left)."""
    if format_id not in FORMATS:
        raise YanduError(f"Unknown export format {format_id!r}; use one of {', '.join(FORMATS)}.")
    check_language(options.language)
    return FORMATS[format_id].export(db, options, Path(out), progress)


def export_study_file(study: str | os.PathLike[str], format_id: str, options: ExportOptions,
                      out: Path, progress: Progress | None = None) -> Path:
    """Export from a study file through a connection of its own: call this on a worker thread.

    sqlite-utils connections belong to the thread that made them, so a background export
    must not borrow the window's.
    """
    db = open_study(study, create=False)
    try:
        return export(db, format_id, options, out, progress)
    finally:
        db.close()


__all__ = [
    "FORMATS", "LANGUAGES", "ExportOptions", "Format", "ImportReport", "Progress", "default_filename",
    "export", "export_anki", "export_study_file", "export_csv", "export_html", "export_markdown", "export_qdpx",
    "export_webannotation", "import_webannotation", "preview_html", "render_html",
    "render_markdown",
    "safe_filename",
]
