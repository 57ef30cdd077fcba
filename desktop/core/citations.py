"""Where a passage is in its source: turn number, page, printed line, time.

A reader citing a transcript names what the record itself numbers: the page and line of a
court record ("p. 23, l. 4–9"), the page of a parliamentary one ("第 12 页"), the time
in a recording ("[12:34]"), else the turn ("turn 7"). The import stores those references
as marks at offsets of the text (`source_marks`); a passage's citation is read from the
last marks at or before its first and last characters.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

    from desktop.core.library import Turn
    from desktop.core.media import TurnTime


@dataclass(frozen=True)
class Citation:
    """The references of one passage; a field is None (or '') when the source has none."""

    turn_number: int | None = None
    page: str = ""
    page_end: str = ""  # the page of the passage's last character, when it runs on
    line: int | None = None
    line_end: int | None = None
    start_ms: int | None = None
    end_ms: int | None = None
    time_kind: str | None = None  # "cue", "stamp" or "estimated" (see core.media)

    def as_dict(self) -> dict:
        return asdict(self)

    def text(self, language: str = "en") -> str:
        """The citation as a reader writes it, in English or Chinese ("" when there is none).

        The most precise reference the source gives comes first; the turn number is given
        only when there is nothing else, since page, line and time already place a quote.
        English follows court usage: "p. 23, l. 4–9", across pages "pp. 23:20–24:3".
        """
        # Exports and the window share the labels' languages (imported here: the export
        # package itself reads citations).
        from desktop.core.export.labels import check_language

        zh = check_language(language) == "zh"
        parts = []
        place = self._zh_place() if zh else self._en_place()
        if place:
            parts.append(place)
        if self.start_ms is not None:
            # An estimated time is marked as such: it places the quote, roughly.
            approx = "~" if self.time_kind == "estimated" else ""
            parts.append(f"[{approx}{clock(self.start_ms)}]")
        if not parts and self.turn_number is not None:
            parts.append(f"第 {self.turn_number} 次发言" if zh else f"turn {self.turn_number}")
        return ("，" if zh else ", ").join(parts)

    def _en_place(self) -> str:
        if self.page and self.page_end:
            if self.line is not None and self.line_end is not None:
                return f"pp. {self.page}:{self.line}–{self.page_end}:{self.line_end}"
            return f"pp. {self.page}–{self.page_end}"
        parts = [f"p. {self.page}"] if self.page else []
        if self.line is not None:
            end = f"–{self.line_end}" if self.line_end is not None else ""
            parts.append(f"l. {self.line}{end}")
        return ", ".join(parts)

    def _zh_place(self) -> str:
        page = f"第 {self.page} 页" if self.page else ""
        if self.page and self.page_end:
            end = f"第 {self.page_end} 页"
            if self.line is not None and self.line_end is not None:
                return f"{page}第 {self.line} 行至{end}第 {self.line_end} 行"
            return f"{page}至{end}"
        if self.line is None:
            return page
        end = f"–{self.line_end}" if self.line_end is not None else ""
        return f"{page}第 {self.line}{end} 行"


def clock(ms: int) -> str:
    """A time in a recording as a reader writes it: 12:34, or 1:02:03 past the hour."""
    seconds = max(ms, 0) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


class SourceMarks:
    """A document's marks, ready to cite any passage of it (load once per document)."""

    def __init__(self, rows: list[tuple[int, str, int | None, int | None]],
                 turn_times: dict[int, TurnTime] | None = None) -> None:
        # rows: (at, page, line, time_ms) in text order; each kind is looked up on its own,
        # since a time mark says nothing about the page and a page mark nothing of lines.
        self._pages = [(at, page) for at, page, _, _ in rows if page]
        self._page_at = [at for at, _ in self._pages]
        self._lines = [(at, line) for at, _, line, _ in rows if line is not None]
        self._line_at = [at for at, _ in self._lines]
        self._times = [(at, ms) for at, _, _, ms in rows if ms is not None]
        self._time_at = [at for at, _ in self._times]
        # Turn id → its time, once the document has a recording or stamps (core.media).
        self.turn_times = turn_times or {}

    @classmethod
    def load(cls, db: Database, document_id: int, turns: list[Turn] | None = None, *,
             with_times: bool = True) -> SourceMarks:
        """The document's marks, and its turns' times when it has a recording or stamps
        (`turns`, when the caller has them, saves reading them again). Without `with_times`,
        the marks alone: the window's first screen, painted before the study is opened,
        leaves working out the times (every turn read) to the opening."""
        from desktop.core import media

        rows = [tuple(r) for r in db.execute(
            "SELECT at, page, line, time_ms FROM source_marks WHERE document_id = ? ORDER BY at",
            [document_id])]
        times = None
        if with_times and media.has_times(db, document_id):
            from desktop.core import library

            turns = library.turns(db, document_id) if turns is None else turns
            found = media.document_times(
                db, document_id, turns, [(at, ms) for at, _, _, ms in rows if ms is not None])
            times = {t.id: time for t, time in zip(turns, found, strict=True) if time}
        return cls(rows, times)

    def __bool__(self) -> bool:
        return bool(self._pages or self._lines or self._times or self.turn_times)

    @staticmethod
    def _last(at: list[int], values: list, offset: int):
        index = bisect.bisect_right(at, offset) - 1
        return values[index][1] if index >= 0 else None

    def cite(self, start: int, end: int, turn: Turn | None = None) -> Citation:
        """The citation of the text [start, end); `turn`, the turn holding it, gives its
        number and, when the source has no time marks, the turn's own times."""
        last = max(start, end - 1)
        page = self._last(self._page_at, self._pages, start) or ""
        page_end = self._last(self._page_at, self._pages, last) or ""
        line = self._last(self._line_at, self._lines, start)
        line_end = self._last(self._line_at, self._lines, last)
        start_ms = self._last(self._time_at, self._times, start)
        end_ms = None
        timed = self.turn_times.get(turn.id) if turn is not None else None
        if timed is not None and (start_ms is None or timed.kind == "stamp"):
            start_ms, end_ms = timed.start_ms, timed.end_ms  # a listener's stamp comes first
        elif turn is not None and start_ms in (None, turn.cue_start_ms):
            start_ms, end_ms = turn.cue_start_ms, turn.cue_end_ms
        kind = (timed.kind if timed is not None and timed.start_ms == start_ms
                else "cue" if start_ms is not None else None)
        return Citation(turn_number=turn.number if turn is not None else None,
                        page=page, page_end=page_end if page_end != page else "",
                        line=line, line_end=line_end if line_end != line else None,
                        start_ms=start_ms, end_ms=end_ms, time_kind=kind)
