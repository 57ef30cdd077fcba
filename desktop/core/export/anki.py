"""An Anki deck (.apkg) of the glossary: term on the front; definition, pinyin, English and
an example sentence from the transcript on the back.

Model and deck ids are fixed and each note's GUID comes from its term's UUID, so importing
a newer export into Anki updates the cards instead of adding duplicates.
"""

from __future__ import annotations

import html as html_lib
import re
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import genanki

from desktop.core import library
from desktop.core.export import data, glossary_source
from desktop.core.export.html import markdown_to_html
from desktop.core.export.options import ExportOptions, Progress, atomic_path, report
from desktop.core.glossary.model import complete_pinyin, has_han, make_pinyin
from desktop.core.glossary.selection import sentence_around

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

# Fixed for ever: changing either makes Anki treat a re-export as a new note type or deck.
MODEL_ID = 1_738_204_511
DECK_ID = 1_738_204_512
DECK_NAME = "Yandu glossary"
FIELDS = ("Term", "Pinyin", "English", "Definition", "Example", "Source")
EXAMPLE_LIMIT = 80

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


# Markdown a transcript line may open with (a heading, quote or list marker): not words.
_LINE_MARKUP = re.compile(r"(^|\n)[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)+")


def _strip_markup(text: str, *, line_start: bool) -> str:
    if not line_start:
        head, newline, rest = text.partition("\n")
        return head + (newline + _strip_markup(rest, line_start=True) if newline else "")
    return _LINE_MARKUP.sub(r"\1", text)


def example_sentence(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence around text[start:end], and the match's place inside it.

    Markdown markers at the start of a line (`# `, `> `, `- `) are left out: on a card
    they are noise, not part of the sentence.
    """
    sentence = sentence_around(text, start, end, limit=EXAMPLE_LIMIT)
    at = max(sentence.find(text[start:end]), 0)
    before = _strip_markup(sentence[:at], line_start=True)
    after = _strip_markup(sentence[at + (end - start):], line_start=False)
    return before + text[start:end] + after, len(before), len(before) + (end - start)


def _example_html(sentence: str, start: int, end: int) -> str:
    e = html_lib.escape
    return f"{e(sentence[:start])}<b>{e(sentence[start:end])}</b>{e(sentence[end:])}"


def _passages(db: Database, options: ExportOptions) -> list[tuple[str, str]]:
    """(speech, "speaker, title") for every turn of the chosen documents, in order.

    Examples come from the speech of turns, so a speaker label never leaks into one; a
    document without turns lends its whole text.
    """
    docs = data.documents(db, options.document_ids)
    wanted = {d.id for d in docs}
    by_doc: dict[int, list[tuple[str, str]]] = {}
    for doc_id, text, speaker, title in db.execute(
        "SELECT t.document_id, t.text, s.name, d.title FROM turns t "
        "JOIN documents d ON d.id = t.document_id "
        "LEFT JOIN speakers s ON s.id = t.speaker_id ORDER BY d.id, t.position"
    ):
        if doc_id in wanted:
            by_doc.setdefault(doc_id, []).append((text, f"{speaker}, {title}" if speaker
                                                  else title))
    passages: list[tuple[str, str]] = []
    for doc in docs:
        passages += by_doc.get(doc.id) or [(library.document_text(db, doc.id), doc.title)]
    return passages


def _pinyin(term: glossary_source.Term) -> str:
    """The term's pinyin, with readings for characters an older table left unread (𠮷)."""
    if term.pinyin.strip():
        return complete_pinyin(term.pinyin)
    return make_pinyin(term.term) if has_han(term.term) else ""


def build_notes(db: Database, options: ExportOptions, progress: Progress | None = None
                ) -> list[genanki.Note]:
    """One note per glossary term (per term found in the chosen documents, if any chosen)."""
    passages = _passages(db, options)
    terms = glossary_source.all_terms(db)
    found = glossary_source.first_occurrences(terms, [text for text, _ in passages])
    if options.document_ids is not None:
        terms = [t for t in terms if t.id in found]
    notes = []
    e = html_lib.escape
    now = time.time()
    for index, term in enumerate(terms):
        example = source = ""
        if term.id in found:
            passage, start, end = found[term.id]
            example = _example_html(*example_sentence(passages[passage][0], start, end))
            source = e(passages[passage][1])
        definition = markdown_to_html(term.definition) if term.definition.strip() else ""
        notes.append(TermNote(
            model=MODEL,
            fields=[e(term.term), e(_pinyin(term)), e(term.english), definition, example,
                    source],
            guid=note_guid(term.id),
            tags=[re.sub(r"\s+", "_", term.category.strip())] if term.category.strip() else [],
            modified=modified_time(term) or now,
        ))
        if (index + 1) % 200 == 0:
            report(progress, index + 1, len(terms))
    report(progress, len(terms), len(terms))
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
