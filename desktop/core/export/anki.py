"""An Anki deck (.apkg) of the glossary: term on the front; definition, pinyin, English and
an example sentence from the transcript on the back.

Model and deck ids are fixed and each note's GUID comes from its term's UUID, so importing
a newer export into Anki updates the cards instead of adding duplicates. What a term's
note says is what its in-app review card says (`desktop.core.review.content`).
"""

from __future__ import annotations

import html as html_lib
import re
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import genanki

from desktop.core.export import glossary_source
from desktop.core.export.html import markdown_to_html
from desktop.core.export.options import ExportOptions, Progress, atomic_path, report
from desktop.core.review.content import example_sentence, term_contents

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

__all__ = ["MODEL", "build_notes", "example_sentence", "export_anki", "note_guid"]

# Fixed for ever: changing either makes Anki treat a re-export as a new note type or deck.
MODEL_ID = 1_738_204_511
DECK_ID = 1_738_204_512
DECK_NAME = "Yandu glossary"
FIELDS = ("Term", "Pinyin", "English", "Definition", "Example", "Source")

CARD_CSS = """
.card { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; font-size: 20px; text-align: center;
  color: #1a1a1a; background: #fff; }
.term { font-size: 2em; }
.pinyin { color: #555; }
.english { font-style: italic; }
.definition { text-align: left; margin-top: 1em; }
.example { text-align: left; margin-top: 1em; color: #333; border-left: 3px solid #c9a227;
  padding-left: .6em; }
.source { font-size: .7em; color: #888; text-align: right; }
""".strip()

MODEL = genanki.Model(
    MODEL_ID,
    "Yandu glossary term",
    fields=[{"name": name} for name in FIELDS],
    templates=[{
        "name": "Term",
        "qfmt": '<div class="term">{{Term}}</div>',
        "afmt": '{{FrontSide}}<hr id="answer">'
                '<div class="pinyin">{{Pinyin}}</div><div class="english">{{English}}</div>'
                '<div class="definition">{{Definition}}</div>'
                '{{#Example}}<div class="example">{{Example}}</div>{{/Example}}'
                '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}',
    }],
    css=CARD_CSS,
)


class TermNote(genanki.Note):
    """A note whose modification time is its term's, not the export's.

    Anki updates a note on import only when the incoming one is newer; stamping every
    note with the export time made an unchanged glossary overwrite the user's edits.
    """

    def __init__(self, *args, modified: float, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.modified = modified

    def write_to_db(self, cursor, timestamp: float, deck_id, id_gen):
        """Write the note (and its card) stamped with the term's time."""
        super().write_to_db(cursor, self.modified, deck_id, id_gen)


def modified_time(term: glossary_source.Term) -> float | None:
    """When the term last changed (seconds since the epoch), or None if it does not say."""
    for stamp in (term.updated_at, term.created_at):
        try:
            moment = datetime.fromisoformat(stamp)
        except (TypeError, ValueError):
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.timestamp()
    return None


def note_guid(term_id: str) -> str:
    """The Anki GUID of a term's note."""
    return genanki.guid_for("yandu-glossary", term_id)


def _example_html(sentence: str, start: int, end: int) -> str:
    e = html_lib.escape
    return f"{e(sentence[:start])}<b>{e(sentence[start:end])}</b>{e(sentence[end:])}"


def build_notes(db: Database, options: ExportOptions, progress: Progress | None = None
                ) -> list[genanki.Note]:
    """One note per glossary term (per term found in the chosen documents, if any chosen),
    saying what the in-app review card of the term says (`review.content`)."""
    contents = term_contents(db, options.document_ids,
                             only_found=options.document_ids is not None)
    notes = []
    e = html_lib.escape
    now = time.time()
    for index, content in enumerate(contents):
        term = content.term
        example = _example_html(*content.example) if content.example is not None else ""
        source = e(content.source) if content.example is not None else ""
        definition = markdown_to_html(term.definition) if term.definition.strip() else ""
        notes.append(TermNote(
            model=MODEL,
            fields=[e(term.term), e(content.pinyin), e(term.english), definition, example,
                    source],
            guid=note_guid(term.id),
            tags=[re.sub(r"\s+", "_", term.category.strip())] if term.category.strip() else [],
            modified=modified_time(term) or now,
        ))
        if (index + 1) % 200 == 0:
            report(progress, index + 1, len(contents))
    report(progress, len(contents), len(contents))
    return notes


def export_anki(db: Database, options: ExportOptions, out: Path,
                progress: Progress | None = None) -> Path:
    """Write the glossary as an Anki .apkg to `out`."""
    deck = genanki.Deck(DECK_ID, DECK_NAME)
    notes = build_notes(db, options, progress)
    for note in notes:
        deck.add_note(note)
    # The note type's time too: the newest term's, so an unchanged glossary gives the
    # same file and Anki sees no changed note type.
    stamp = max((n.modified for n in notes), default=0.0) or None
    with atomic_path(Path(out)) as tmp:
        genanki.Package(deck).write_to_file(str(tmp), timestamp=stamp)
    return Path(out)
