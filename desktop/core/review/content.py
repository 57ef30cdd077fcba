"""What each review card says, made from the study: plain values, no schedule.

Card ids come from their source, so a card follows its term, annotation or turn:
`term:<id>:forward`, `term:<id>:reverse`, `annotation:<id>:cloze`, `annotation:<id>:note`,
`annotation:<id>:who`, `turn:<id>:who`. The glossary part is shared with the Anki export
(`term_contents`), so both decks say the same thing of a term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db import annotations as annotation_rows
from desktop.core import library
from desktop.core.glossary.model import Term, complete_pinyin, has_han, make_pinyin
from desktop.core.glossary.selection import sentence_around

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

EXAMPLE_LIMIT = 80
CLOZE_LIMIT = 30  # a highlight longer than this is a passage, not a phrase to recall
GAP = "＿＿＿"
QUOTE_LIMIT = 240

KINDS = ("term", "term_reverse", "cloze", "note", "who")


@dataclass(frozen=True)
class CardContent:
    """One card's text: `front` asked, `back` the answer; `choices` for "who said this?"."""

    id: str
    kind: str
    source_id: str
    document_id: int | None
    front: str
    back: str
    choices: tuple[str, ...] = ()
    #: Where the card comes from: start/end offsets, category, tags, document ids.
    detail: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class TermContent:
    """A glossary term as a card shows it: the Anki export renders these fields as HTML."""

    term: Term
    pinyin: str
    #: The sentence of the first occurrence and the term's place in it, or None.
    example: tuple[str, int, int] | None
    source: str  # "speaker, title" of that occurrence
    document_ids: tuple[int, ...]  # the documents the term occurs in
    #: (document id, start, end) of that occurrence in its document, or None.
    place: tuple[int, int, int] | None = None


# ---- shared with the Anki export ------------------------------------------------------

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


def term_pinyin(term: Term) -> str:
    """The term's pinyin, with readings for characters an older table left unread (𠮷)."""
    if term.pinyin.strip():
        return complete_pinyin(term.pinyin)
    return make_pinyin(term.term) if has_han(term.term) else ""


def passages(db: Database, document_ids: tuple[int, ...] | None = None
             ) -> Iterator[tuple[int, str, str, int]]:
    """(document id, speech, "speaker, title", where the speech starts in the document) for
    every turn of the documents, in order, read a document at a time (a library's text
    is never all in memory at once).

    Examples come from the speech of turns, so a speaker label never leaks into one; a
    document without turns lends its whole text.
    """
    from desktop.core.export import data

    for doc in data.documents(db, document_ids):
        rows = db.execute(
            "SELECT t.text, s.name, t.text_start FROM turns t "
            "LEFT JOIN speakers s ON s.id = t.speaker_id WHERE t.document_id = ? "
            "ORDER BY t.position", [doc.id]).fetchall()
        if not rows:
            yield doc.id, library.document_text(db, doc.id), doc.title, 0
        for text, speaker, at in rows:
            yield doc.id, text, f"{speaker}, {doc.title}" if speaker else doc.title, at


def term_contents(db: Database, document_ids: tuple[int, ...] | None = None,
                  *, only_found: bool = False) -> list[TermContent]:
    """Every glossary term with its first example in the documents (all by default);
    with `only_found`, only the terms that occur in them."""
    from desktop.core.glossary import build_matcher, list_terms

    terms = list_terms(db)
    # Term id -> the passage of its first example and where the example is in it.
    first: dict[str, tuple[tuple[int, str, str, int], int, int]] = {}
    where: dict[str, dict[int, None]] = {}
    if terms:
        matcher = build_matcher(terms)
        for passage in passages(db, document_ids):
            doc_id, text = passage[0], passage[1]
            for match in matcher.find(text):
                if match.term_id not in first:
                    first[match.term_id] = (passage, match.start, match.end)
                where.setdefault(match.term_id, {})[doc_id] = None
    result = []
    for term in terms:
        if only_found and term.id not in first:
            continue
        example, source, place = None, "", None
        if term.id in first:
            (doc_id, text, source, at), start, end = first[term.id]
            example = example_sentence(text, start, end)
            place = (doc_id, at + start, at + end)
        result.append(TermContent(term, term_pinyin(term), example, source,
                                  tuple(where.get(term.id, ())), place))
    return result


# ---- the in-app deck ------------------------------------------------------------------

def _mask(text: str, forms: tuple[str, ...]) -> str:
    """`text` with every spelling of the term hidden (a reverse card must not tell it)."""
    for form in sorted((f for f in forms if f.strip()), key=len, reverse=True):
        text = re.sub(re.escape(form), "～", text, flags=re.IGNORECASE)
    return text


def term_cards(content: TermContent) -> list[CardContent]:
    """Term → pinyin, English, definition; and the reverse when there is something to ask."""
    term = content.term
    detail = {"category": term.category, "document_ids": list(content.document_ids)}
    if content.place is not None:
        detail.update(zip(("document_id", "start", "end"), content.place, strict=True))
    example = ""
    if content.example is not None:
        example = content.example[0] + (f" — {content.source}" if content.source else "")
    back = "\n".join(p for p in (content.pinyin, term.english, term.definition.strip(),
                                  example) if p)
    cards = [CardContent(f"term:{term.id}:forward", "term", term.id, None, term.term,
                         back or "…", detail=detail)]
    asked = "\n".join(p for p in (term.english, _mask(term.definition.strip(), term.forms))
                      if p)
    if asked:
        cards.append(CardContent(f"term:{term.id}:reverse", "term_reverse", term.id, None,
                                 asked, "\n".join(p for p in (term.term, content.pinyin) if p),
                                 detail=detail))
    return cards


def _choices(speakers: list[library.Speaker], answer: library.Speaker) -> tuple[str, ...]:
    """The document's speakers a reader chooses among: those who answer (not the
    moderator), and the one who said it whoever they are."""
    names = [s.name for s in speakers if not s.is_moderator or s.id == answer.id]
    return tuple(names)


def _answer(speaker: library.Speaker) -> str:
    return f"{speaker.name}（{speaker.role}）" if speaker.role else speaker.name


def document_cards(db: Database, document_id: int) -> list[CardContent]:
    """The cards of one document: its headline answers and its annotations."""
    turns = library.turns(db, document_id)
    speakers = {s.id: s for s in library.speakers(db, document_id)}
    ordered = list(speakers.values())
    cards: list[CardContent] = []
    for turn in turns:
        speaker = speakers.get(turn.speaker_id)
        if turn.headline.strip() and speaker is not None and len(ordered) > 1:
            cards.append(CardContent(
                f"turn:{turn.id}:who", "who", str(turn.id), document_id, turn.headline.strip(),
                _answer(speaker), _choices(ordered, speaker),
                {"start": turn.headline_start or turn.text_start,
                 "end": turn.headline_end or turn.text_start, "answer": speaker.name,
                 "turn_id": turn.id}))
    starts = [t.start for t in turns]
    for note in annotation_rows.for_document(db, document_id):
        cards += annotation_cards(note, turns, starts, speakers)
    return cards


def annotation_cards(note, turns: list[library.Turn], starts: list[int],
                     speakers: dict[int, library.Speaker]) -> list[CardContent]:
    """A highlighted phrase as a gap in its sentence; a quote with a note as quote → note;
    a quote spoken by one of several speakers as "who said this?"."""
    index = library.index_at(starts, note.start)
    turn = turns[index] if index >= 0 and note.start < turns[index].end else None
    detail = {"start": note.start, "end": note.end, "tags": list(note.tags)}
    cards: list[CardContent] = []
    quote = note.quote.strip()
    if not quote:
        return cards
    if turn is not None and len(quote) <= CLOZE_LIMIT and note.start >= turn.text_start:
        at = note.start - turn.text_start
        sentence, lo, hi = example_sentence(turn.text, at, at + len(note.quote))
        if sentence.strip() != note.quote.strip():
            cards.append(CardContent(f"annotation:{note.id}:cloze", "cloze", note.id,
                                     note.document_id, sentence[:lo] + GAP + sentence[hi:],
                                     note.quote, detail=detail))
    shown = quote if len(quote) <= QUOTE_LIMIT else quote[:QUOTE_LIMIT] + "…"
    if note.note.strip():
        cards.append(CardContent(f"annotation:{note.id}:note", "note", note.id,
                                 note.document_id, shown, note.note.strip(), detail=detail))
    speaker = speakers.get(turn.speaker_id) if turn is not None else None
    if speaker is not None and len(speakers) > 1:
        cards.append(CardContent(f"annotation:{note.id}:who", "who", note.id, note.document_id,
                                 shown, _answer(speaker), _choices(list(speakers.values()),
                                                                   speaker),
                                 {**detail, "answer": speaker.name}))
    return cards


def study_cards(db: Database) -> list[CardContent]:
    """Every card the study makes today: its terms', then each document's."""
    cards = [card for content in term_contents(db) for card in term_cards(content)]
    for doc in library.list_documents(db):
        cards += document_cards(db, doc.id)
    return cards


def source_of(content: CardContent) -> tuple[int, int, int] | None:
    """(document id, start, end) of the passage a card comes from, or None."""
    detail = content.detail
    document_id = content.document_id if content.document_id is not None else detail.get(
        "document_id")
    if document_id is None or "start" not in detail:
        return None
    return int(document_id), int(detail["start"]), int(detail.get("end", detail["start"]))
