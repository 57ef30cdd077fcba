"""Prefill a new term from a selection in a document: the text and the sentence around it."""

from __future__ import annotations

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


def sentence_around(text: str, start: int, end: int, *, limit: int = 200) -> str:
    """The sentence of `text` holding text[start:end] (clipped to `limit` code points)."""
    lo = start
    while lo > 0 and not _SENTENCE_END.match(text[lo - 1]) and start - lo < limit:
        lo -= 1
    m = _SENTENCE_END.search(text, end)
    hi = min(m.end() if m else len(text), end + limit)
    return text[lo:hi].strip()


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
    example = sentence_around(text, start, end)
    return {"term": term, "pinyin": make_pinyin(term), "example": example,
            "notes": example_note(example, title), "document_id": document_id,
            "start": start, "end": end}
