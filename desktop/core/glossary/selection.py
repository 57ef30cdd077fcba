"""Prefill a new term from a selection in a document: the text and the sentence around it."""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import TYPE_CHECKING

from desktop.core.errors import YanduError
from desktop.core.glossary.model import make_pinyin

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

# Where a sentence ends: Chinese and Western end marks, and line breaks.
_SENTENCE_END = re.compile(r"[。！？!?；;…\n]")
EXAMPLE_PREFIX = "例句："


# Closing mark -> its opening mark: a term may keep a pair it holds, e.g. GPT-4(o).
_PAIRS = {")": "(", "）": "（", "]": "[", "】": "【", "」": "「", "』": "『", "》": "《",
          "”": "“", "’": "‘", '"': '"', "'": "'"}
_OPENERS = {opening: closing for closing, opening in _PAIRS.items()}
_KEPT = set("%#&@")  # punctuation that belongs to a word (5%, C#, R&D)


def _loose(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P") and ch not in _KEPT


def selected_term(selected: str) -> str:
    """The term a selection means: spaces evened, and the punctuation a quick drag picks up
    around a word (、 。 ， quotes around it) taken off; pairs inside the term are kept."""
    term = " ".join(selected.split())
    while term:
        if len(term) >= 2 and _PAIRS.get(term[-1]) == term[0]:
            term = term[1:-1].strip()  # “数据飞轮” -> 数据飞轮
        elif _loose(term[-1]) and _PAIRS.get(term[-1], "\n") not in term[:-1]:
            term = term[:-1].rstrip()
        elif _loose(term[0]) and _OPENERS.get(term[0], "\n") not in term[1:]:
            term = term[1:].lstrip()
        else:
            break
    return term


def sentence_around(text: str, start: int, end: int, *, limit: int = 200,
                    within: tuple[int, int] | None = None) -> str:
    """The sentence of `text` holding text[start:end] (clipped to `limit` code points),
    not reaching outside text[within[0]:within[1]] when given (see `SpeechSpans`)."""
    floor, ceiling = within if within is not None else (0, len(text))
    lo = start
    while lo > floor and not _SENTENCE_END.match(text[lo - 1]) and start - lo < limit:
        lo -= 1
    m = _SENTENCE_END.search(text, end, ceiling)
    hi = min(m.end() if m else ceiling, end + limit)
    return text[lo:hi].strip()


class SpeechSpans:
    """Where each turn's speech and headline lie in a document's text.

    The text keeps the speaker labels as imported ("甲：..."), and a label stays there
    after the speaker is renamed or merged into another; an example sentence taken from
    the text must stop at the speech, or it quotes a name the study no longer has.
    """

    def __init__(self, db: Database, document_id: int) -> None:
        self._turns = db.execute(
            'SELECT start, "end", text_start, text_end, headline_start, headline_end '
            "FROM turns WHERE document_id = ? ORDER BY start", [document_id]).fetchall()
        self._starts = [turn[0] for turn in self._turns]

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        """The speech (or headline) that holds text[start:end], or None when it lies
        outside any one of them (narration before the first turn, across turns)."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0:
            return None
        _, _, text_start, text_end, headline_start, headline_end = self._turns[i]
        for lo, hi in ((headline_start, headline_end), (text_start, text_end)):
            if lo < hi and lo <= start and end <= hi:
                return lo, hi
        return None


def example_sentence(db: Database, document_id: int, text: str, start: int, end: int, *,
                     spans: SpeechSpans | None = None, limit: int = 200) -> str:
    """The sentence of a document's `text` holding text[start:end], without the speaker
    label its line starts with; pass `spans` when taking many from one document."""
    spans = spans or SpeechSpans(db, document_id)
    return sentence_around(text, start, end, limit=limit, within=spans.around(start, end))


def example_note(sentence: str, title: str = "") -> str:
    """The example as stored in a term's notes: a Markdown quote with its source."""
    line = f"> {EXAMPLE_PREFIX}{sentence}"
    return f"{line}\n> ——《{title}》" if title else line


def prefill_from_selection(db: Database, document_id: int, start: int, end: int) -> dict:
    """Fields for the term editor from text[start:end] of a document.

    The example sentence goes into `notes` (as a Markdown quote naming the document),
    and is also returned alone as `example`.
    """
    row = db.execute("SELECT title, text FROM documents WHERE id = ?", [document_id]).fetchone()
    if row is None:
        raise YanduError(f"No document with id {document_id}.")
    title, text = row
    if not 0 <= start < end <= len(text):
        raise YanduError(f"The selection {start}–{end} is outside the document.")
    term = selected_term(text[start:end])
    if not term:
        raise YanduError("The selection holds no word; select the word to add.")
    if len(term) > 200:
        raise YanduError("The selection is too long for a glossary term (200 characters at most).")
    example = example_sentence(db, document_id, text, start, end)
    return {"term": term, "pinyin": make_pinyin(term), "example": example,
            "notes": example_note(example, title), "document_id": document_id,
            "start": start, "end": end}
