"""The text an analysis reads: documents, their speakers, sections and turns, and each
turn's words as the segmenter cuts them (cached per document: a document's text never
changes, only the words a glossary keeps whole)."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core import library, segment

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

# Han characters (CJK unified ideographs, extensions, compatibility ideographs).
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
# Anything that is not a letter or a digit: spaces, punctuation, symbols.
_NOT_ALNUM = re.compile(r"[\W_]+")
# A token that holds a letter or digit is a word; punctuation tokens are not.
_WORDY = re.compile(r"[^\W_]")

NARRATION = ""  # the speaker name of narration (turns without a speaker)


def characters(text: str) -> int:
    """Letters and digits in `text`: each Han character counts as one, as does each
    letter of a Latin word; spaces and punctuation do not count."""
    return len(_NOT_ALNUM.sub("", text))


def han_characters(text: str) -> int:
    """Han characters in `text`."""
    return len(text) - len(_HAN.sub("", text))


def words(text: str) -> list[str]:
    """The words of `text`: jieba's words for Chinese, whole words for Latin text;
    punctuation and spaces are not words."""
    return [w for w in segment.words(text) if _WORDY.search(w)]


def is_word(token: str) -> bool:
    """Whether a segmenter token is a word (holds a letter or a digit)."""
    return _WORDY.search(token) is not None


@dataclass(frozen=True)
class Document:
    """One document as an analysis reads it."""

    info: library.DocumentInfo
    speakers: tuple[library.Speaker, ...]
    sections: tuple[library.Section, ...]
    turns: tuple[library.Turn, ...]

    @property
    def id(self) -> int:
        return self.info.id

    @property
    def title(self) -> str:
        return self.info.title

    def speaker_names(self) -> dict[int, str]:
        """Speaker id -> name."""
        return {s.id: s.name for s in self.speakers}


def load(db: Database, document_ids: list[int] | tuple[int, ...] | None = None
         ) -> list[Document]:
    """The documents (all of the study when `document_ids` is None), in library order."""
    infos = library.list_documents(db)
    if document_ids is not None:
        wanted = set(document_ids)
        infos = [d for d in infos if d.id in wanted]
    return [Document(info, tuple(library.speakers(db, info.id)),
                     tuple(library.sections(db, info.id)), tuple(library.turns(db, info.id)))
            for info in infos]


class _WordCache:
    """Each turn's words for the last few documents, keyed by what they depend on: the
    document (its id, file and import time) and the words the segmenter keeps whole."""

    def __init__(self, documents: int = 4) -> None:
        self.documents = documents
        self._items: OrderedDict[tuple, dict[tuple[int, int], list[str]]] = OrderedDict()
        self._lock = threading.Lock()

    def turn_words(self, document: Document) -> list[list[str]]:
        info = document.info
        key = (info.id, info.source_sha256, info.imported_at, segment.custom_words())
        with self._lock:
            known = self._items.get(key)
            if known is not None:
                self._items.move_to_end(key)
        if known is None:
            known = {}
        out: list[list[str]] = []
        for turn in document.turns:
            place = (turn.text_start, turn.text_end)
            found = known.get(place)
            if found is None:
                found = known[place] = words(turn.text)
            out.append(found)
        with self._lock:
            self._items[key] = known
            self._items.move_to_end(key)
            while len(self._items) > self.documents:
                self._items.popitem(last=False)
        return out


_cache = _WordCache()


def turn_words(document: Document) -> list[list[str]]:
    """The words of each of the document's turns, in turn order (see `words`)."""
    return _cache.turn_words(document)
