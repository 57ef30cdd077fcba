"""Which documents the documents panel shows, and in what order: a typed filter and a
chosen sort over the library's entries.

A study can hold a thousand records (every sitting of a parliament), so the panel must
narrow them as the reader types. Each typed word must occur in the document's title, file
name or one of its attributes, compared folded as search folds text (full-width and
half-width alike, traditional as simplified, any case): 醫療 finds 医疗听证会.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from desktop.core import textnorm
from desktop.core.documents import Attributes
from desktop.core.library import DocumentInfo

LIBRARY, TITLE, DATE, IMPORTED, TURNS = ORDERS = (
    "library", "title", "date", "imported", "turns")


class DocumentFilter:
    """The documents of the study, their folded descriptions worked out once, so that each
    keystroke only compares strings."""

    def __init__(self, documents: Sequence[DocumentInfo],
                 attributes: Mapping[int, Attributes]) -> None:
        self.documents = list(documents)
        self.attributes = {d.id: attributes.get(d.id, Attributes()) for d in self.documents}
        self._folded = {
            d.id: textnorm.fold("\n".join((d.title, d.source_name,
                                           *self.attributes[d.id].as_dict().values())))
            for d in self.documents}

    def shown(self, query: str = "", order: str = LIBRARY) -> list[DocumentInfo]:
        """The documents that match every word of `query`, in `order` (one of ORDERS; the
        library's own order for any other)."""
        words = textnorm.fold(query).split()
        found = [d for d in self.documents
                 if all(word in self._folded[d.id] for word in words)]
        return sort_documents(found, self.attributes, order)


def sort_documents(documents: list[DocumentInfo], attributes: Mapping[int, Attributes],
                   order: str) -> list[DocumentInfo]:
    """`documents` (in the library's order) in `order`: by title; by date, the latest
    first and the undated last; by import, the latest first; by turns, the longest first.
    Ties keep the library's order."""
    if order == TITLE:
        return sorted(documents, key=lambda d: textnorm.fold(d.title))
    if order == DATE:
        dated = [d for d in documents if attributes[d.id].date]
        dated.sort(key=lambda d: attributes[d.id].date, reverse=True)
        return dated + [d for d in documents if not attributes[d.id].date]
    if order == IMPORTED:
        return sorted(documents, key=lambda d: d.imported_at, reverse=True)
    if order == TURNS:
        return sorted(documents, key=lambda d: d.turn_count, reverse=True)
    return list(documents)
