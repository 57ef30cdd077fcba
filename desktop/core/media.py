"""A document's recording, and the times of its turns in it.

A recording is attached to one document. The study keeps its path (relative to the study's
folder when it lies beside or below it, and the absolute path it had), its size, its
duration and its SHA-256: a file moved since is found again by asking the user where it is
once (`relocate` checks it is the same file and remembers the new place).

No Qt here: the file is checked by its first bytes, hashed, and measured when Python can
(`wave`); the window reports the duration of other formats once it has loaded them
(`set_duration`).

Turn times: a turn's start is the listener's stamp when there is one, else its cue (a
subtitle or ASR cue, an inline `[00:12:34]`), else — once the document has a recording or
a stamp — an estimate spread over the turns between two known times by their length.
"""

from __future__ import annotations

import bisect
import hashlib
import sqlite3
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.clock import now_iso
from desktop.core.commands import Changes, StaleStep
from desktop.core.errors import YanduError

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

    from desktop.core.library import Turn

AUDIO = (".mp3", ".m4a", ".aac", ".wav", ".flac", ".ogg", ".oga", ".opus")
VIDEO = (".mp4", ".m4v", ".mov", ".webm", ".mkv")
SUPPORTED = AUDIO + VIDEO
CUE, STAMP, ESTIMATED = "cue", "stamp", "estimated"  # kinds of turn time
SPEECH_RATE = 4.5  # characters a second, when nothing measured says otherwise
PAUSE_CHARS = 4  # a change of speaker costs about this many characters' time
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Recording:
    """A document's recording, as the study keeps it."""

    document_id: int
    path: str  # relative to the study's folder when it lies beside or below it
    absolute_path: str
    kind: str  # "audio" or "video"
    size: int
    duration_ms: int | None
    sha256: str
    attached_at: str

    @property
    def name(self) -> str:
        return Path(self.path).name

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Probe:
    """What Yandu reads of a media file before attaching it."""

    path: Path
    kind: str
    size: int
    sha256: str
    duration_ms: int | None


@dataclass(frozen=True)
class TurnTime:
    """Where a turn is in the recording; `end_ms` None when nothing says."""

    start_ms: int
    end_ms: int | None
    kind: str  # CUE, STAMP or ESTIMATED


# ---- files ---------------------------------------------------------------------------


def kind_of(path: str | Path) -> str:
    """"audio" or "video" by the file's suffix; YanduError when Yandu plays neither."""
    suffix = Path(path).suffix.lower()
    if suffix in AUDIO:
        return "audio"
    if suffix in VIDEO:
        return "video"
    names = ", ".join(s.lstrip(".") for s in SUPPORTED)
    raise YanduError(f"{Path(path).name}: not a recording Yandu can play ({names}).")


def _looks_right(suffix: str, head: bytes) -> bool:
    """Whether a file's first bytes are what its suffix promises."""
    if suffix == ".wav":
        return head[:4] == b"RIFF" and head[8:12] == b"WAVE"
    if suffix == ".flac":
        return head[:4] == b"fLaC" or head[:3] == b"ID3"
    if suffix in (".ogg", ".oga", ".opus"):
        return head[:4] == b"OggS"
    if suffix in (".webm", ".mkv"):
        return head[:4] == b"\x1a\x45\xdf\xa3"
    if suffix == ".mp3":
        return head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF
                                      and head[1] & 0xE0 == 0xE0)
    if suffix == ".aac":
        return head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF
                                      and head[1] & 0xF6 == 0xF0) or head[4:8] == b"ftyp"
    return head[4:8] == b"ftyp"  # MPEG-4 family: mp4, m4a, m4v, mov


def probe(path: str | Path) -> Probe:
    """Check that `path` is a recording Yandu can play, and hash and measure it.

    A missing, unreadable, empty or mislabelled file is a YanduError in one line."""
    path = Path(path).expanduser()
    kind = kind_of(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(64)
            digest = hashlib.sha256(head)
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        raise YanduError(f"No file {path}.") from None
    except IsADirectoryError:
        raise YanduError(f"{path} is a folder, not a recording.") from None
    except OSError as exc:
        raise YanduError(f"{path.name} cannot be read: {exc.strerror or exc}.") from None
    if size == 0:
        raise YanduError(f"{path.name} is empty: not a recording.")
    if not _looks_right(path.suffix.lower(), head):
        raise YanduError(f"{path.name} is not a {path.suffix.lstrip('.')} recording "
                         "(damaged, or named for another format).")
    return Probe(path.resolve(), kind, size, digest.hexdigest(), _wav_duration(path))


def _wav_duration(path: Path) -> int | None:
    if path.suffix.lower() != ".wav":
        return None
    try:
        with wave.open(str(path), "rb") as w:
            rate = w.getframerate()
            return round(w.getnframes() * 1000 / rate) if rate else None
    except (wave.Error, EOFError, OSError, RuntimeError, ValueError):  # a damaged header
        return None  # a WAV Python cannot read (float samples...): the player measures it


def study_folder(db: Database) -> Path | None:
    """The folder of the study's file (None for a study in memory)."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file).resolve().parent
    return None


def _stored_path(path: Path, folder: Path | None) -> str:
    """`path` relative to the study's folder when it lies beside or below it."""
    if folder is not None:
        try:
            return path.relative_to(folder).as_posix()
        except ValueError:
            pass
    return str(path)


# ---- the study -----------------------------------------------------------------------

_COLUMNS = ("document_id, path, absolute_path, kind, size, duration_ms, sha256, attached_at")


def recording(db: Database, document_id: int) -> Recording | None:
    """The document's recording, or None."""
    row = db.execute(f"SELECT {_COLUMNS} FROM recordings WHERE document_id = ?",
                     [document_id]).fetchone()
    return Recording(*row) if row else None


def attach(db: Database, document_id: int, path: str | Path,
           checked: Probe | None = None) -> Recording:
    """Attach the recording at `path` to a document (replacing any), in one transaction."""
    facts = checked or probe(path)
    folder = study_folder(db)
    with db.atomic():
        _write(db, Recording(document_id, _stored_path(facts.path, folder), str(facts.path),
                             facts.kind, facts.size, facts.duration_ms, facts.sha256,
                             now_iso()))
    return recording(db, document_id)


def _write(db: Database, rec: Recording) -> None:
    db.execute("DELETE FROM recordings WHERE document_id = ?", [rec.document_id])
    db.execute(f"INSERT INTO recordings ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [rec.document_id, rec.path, rec.absolute_path, rec.kind, rec.size,
                rec.duration_ms, rec.sha256, rec.attached_at])


def detach(db: Database, document_id: int) -> Recording | None:
    """Forget a document's recording (the file is left alone); the one it had, or None."""
    old = recording(db, document_id)
    with db.atomic():
        db.execute("DELETE FROM recordings WHERE document_id = ?", [document_id])
    return old


def locate(db: Database, rec: Recording) -> Path | None:
    """Where the recording is now: its stored path (relative to the study first), else
    its absolute path, else a file of its name and size beside the study; None when it
    cannot be found."""
    folder = study_folder(db)
    candidates = []
    stored = Path(rec.path)
    if not stored.is_absolute() and folder is not None:
        candidates.append(folder / stored)
    candidates += [stored, Path(rec.absolute_path)]
    if folder is not None:
        candidates.append(folder / rec.name)
    for candidate in candidates:
        try:
            if candidate.is_file() and candidate.stat().st_size == rec.size:
                return candidate
        except OSError:
            continue
    return None


def relocate(db: Database, document_id: int, path: str | Path) -> Recording:
    """The user found the moved recording at `path`: check it is the same file (by its
    hash) and remember where it is now."""
    rec = recording(db, document_id)
    if rec is None:
        raise YanduError("This document has no recording to find.")
    facts = probe(path)
    if facts.sha256 != rec.sha256:
        raise YanduError(f"{facts.path.name} is not the recording that was attached "
                         f"({rec.name}): its content differs.")
    folder = study_folder(db)
    with db.atomic():
        db.execute("UPDATE recordings SET path = ?, absolute_path = ? WHERE document_id = ?",
                   [_stored_path(facts.path, folder), str(facts.path), document_id])
    return recording(db, document_id)


def set_duration(db: Database, document_id: int, duration_ms: int) -> None:
    """Record the duration the player measured (a fact of the file, not an edit)."""
    if duration_ms <= 0:
        return
    with db.atomic():
        db.execute("UPDATE recordings SET duration_ms = ? WHERE document_id = ? AND "
                   "coalesce(duration_ms, -1) != ?", [duration_ms, document_id, duration_ms])


def recording_beside(source: str | Path) -> Path | None:
    """A recording of the same name beside a transcript file (talk.srt → talk.mp3)."""
    source = Path(source)
    for suffix in SUPPORTED:
        for candidate in (source.with_suffix(suffix), source.with_suffix(suffix.upper())):
            if candidate.is_file():
                return candidate
    return None


class AttachRecording:
    """Attach (or with `path` None, detach) a document's recording, undoably."""

    def __init__(self, document_id: int, path: str | Path | None,
                 checked: Probe | None = None) -> None:
        self.document_id = document_id
        self.facts = checked or (probe(path) if path is not None else None)
        self.text = "Attach recording" if path is not None else "Detach recording"
        self._before: Recording | None = None
        self._after: Recording | None = None

    def apply(self, db: Database) -> Changes:
        self._before = recording(db, self.document_id)
        db.execute("DELETE FROM recordings WHERE document_id = ?", [self.document_id])
        if self.facts is not None:
            if self._after is None:
                facts = self.facts
                self._after = Recording(
                    self.document_id, _stored_path(facts.path, study_folder(db)),
                    str(facts.path), facts.kind, facts.size, facts.duration_ms,
                    facts.sha256, now_iso())
            _write(db, self._after)
        return Changes(documents=True, document_ids=frozenset({self.document_id}))

    def revert(self, db: Database) -> Changes:
        db.execute("DELETE FROM recordings WHERE document_id = ?", [self.document_id])
        if self._before is not None:
            _write(db, self._before)
        return Changes(documents=True, document_ids=frozenset({self.document_id}))


# ---- turn times ----------------------------------------------------------------------


def stamps(db: Database, document_id: int) -> dict[int, int]:
    """The stamped starts of a document's turns, by turn id."""
    return dict(db.execute(
        "SELECT s.turn_id, s.start_ms FROM turn_stamps s JOIN turns t ON t.id = s.turn_id "
        "WHERE t.document_id = ?", [document_id]).fetchall())


class StampTurn:
    """Set a turn's start to a time in the recording (None: remove its stamp), undoably."""

    text = "Stamp turn"

    def __init__(self, document_id: int, turn_id: int, start_ms: int | None) -> None:
        self.document_id, self.turn_id = document_id, turn_id
        self.start_ms = None if start_ms is None else max(0, int(start_ms))
        self._before: int | None = None

    def _set(self, db: Database, value: int | None) -> Changes:
        if db.execute("SELECT 1 FROM turns WHERE id = ? AND document_id = ?",
                      [self.turn_id, self.document_id]).fetchone() is None:
            raise StaleStep("The turn to stamp is no longer in the study.")
        db.execute("DELETE FROM turn_stamps WHERE turn_id = ?", [self.turn_id])
        if value is not None:
            db.execute("INSERT INTO turn_stamps (turn_id, start_ms) VALUES (?, ?)",
                       [self.turn_id, value])
        return Changes(document_ids=frozenset({self.document_id}))

    def apply(self, db: Database) -> Changes:
        row = db.execute("SELECT start_ms FROM turn_stamps WHERE turn_id = ?",
                         [self.turn_id]).fetchone()
        self._before = row[0] if row else None
        return self._set(db, self.start_ms)

    def revert(self, db: Database) -> Changes:
        return self._set(db, self._before)


def _weight(turn: Turn) -> int:
    return max(turn.text_end - turn.text_start, 1) + PAUSE_CHARS


def estimate(turns: Sequence[Turn], known: dict[int, tuple[int, str]],
             duration_ms: int | None, *, spread: bool = True) -> list[TurnTime | None]:
    """Each turn's time: `known` (index → (start, kind)) as given, the others estimated
    from their length between the known ones (after the last, up to the recording's end
    or at the measured speaking rate). With `spread` False, only the known ones."""
    n = len(turns)
    starts: list[int | None] = [None] * n
    kinds: list[str | None] = [None] * n
    for index, (start, kind) in known.items():
        starts[index], kinds[index] = start, kind
    anchors = sorted(known)
    if spread and n and (anchors or duration_ms):
        weights = [_weight(t) for t in turns]
        rate = _rate(anchors, starts, weights)  # characters per ms
        if not anchors:
            _fill(starts, weights, 0, n, 0, duration_ms)
        else:
            first, last = anchors[0], anchors[-1]
            before = sum(weights[:first])
            begin = max(0, round(starts[first] - before / rate))
            _fill(starts, weights, 0, first, begin, starts[first])
            for a, b in zip(anchors, anchors[1:], strict=False):
                if b - a > 1:
                    _fill(starts, weights, a + 1, b, starts[a], starts[b], first_known=True)
            tail = sum(weights[last:])
            end = round(starts[last] + tail / rate)
            if duration_ms and (end > duration_ms or not _has_cues(kinds)):
                end = max(duration_ms, starts[last])
            _fill(starts, weights, last + 1, n, starts[last], end, first_known=True,
                  from_index=last)
        for i in range(n):
            if kinds[i] is None and starts[i] is not None:
                kinds[i] = ESTIMATED
    result: list[TurnTime | None] = []
    for i, turn in enumerate(turns):
        if starts[i] is None:
            result.append(None)
            continue
        end = None
        if kinds[i] == CUE and turn.cue_end_ms is not None and turn.cue_start_ms == starts[i]:
            end = turn.cue_end_ms
        else:
            end = next((s for s in starts[i + 1:i + 50] if s is not None), None)
            if end is None and i == n - 1:
                end = duration_ms
            if end is not None and end < starts[i]:
                end = None
        result.append(TurnTime(starts[i], end, kinds[i]))
    return result


def _has_cues(kinds: list[str | None]) -> bool:
    return any(k == CUE for k in kinds)


def _rate(anchors: list[int], starts: list, weights: list[int]) -> float:
    """Characters per ms, from the first and last known times when they are apart."""
    if len(anchors) >= 2:
        a, b = anchors[0], anchors[-1]
        span = starts[b] - starts[a]
        if span > 0:
            return sum(weights[a:b]) / span
    return SPEECH_RATE / 1000


def _fill(starts: list, weights: list[int], low: int, high: int, t0: int,
          t1: int | None, *, first_known: bool = False, from_index: int | None = None) -> None:
    """Spread the turns [low, high) between times t0 and t1 by their weights. With
    `first_known`, t0 is the start of the turn before `low` (its weight counts)."""
    if t1 is None or high <= low:
        return
    before = from_index if from_index is not None else low - 1
    items = ([before] if first_known and before >= 0 else []) + list(range(low, high))
    total = sum(weights[i] for i in items) or 1
    done = 0
    for i in items:
        if i >= low:
            starts[i] = round(t0 + (t1 - t0) * done / total)
        done += weights[i]


def document_times(db: Database, document_id: int, turns: Sequence[Turn] | None = None,
                   time_marks: Sequence[tuple[int, int]] = ()) -> list[TurnTime | None]:
    """The time of each of a document's turns (None where nothing gives one).

    `time_marks` are (offset, ms) of the document's timed source marks: a turn holding
    one starts at its time. Estimates fill the rest once the document has a recording
    or a stamp."""
    from desktop.core import library

    if turns is None:
        turns = library.turns(db, document_id)
    stamped = stamps(db, document_id)
    rec = recording(db, document_id)
    at = [offset for offset, _ in time_marks]
    known: dict[int, tuple[int, str]] = {}
    for index, turn in enumerate(turns):
        if turn.id in stamped:
            known[index] = (stamped[turn.id], STAMP)
        elif turn.cue_start_ms is not None:
            known[index] = (turn.cue_start_ms, CUE)
        elif at:
            k = bisect.bisect_left(at, turn.start)
            if k < len(at) and at[k] < turn.end:
                known[index] = (time_marks[k][1], CUE)
    spread = rec is not None or bool(stamped)
    return estimate(turns, known, rec.duration_ms if rec else None, spread=spread)


def turn_at(starts: Sequence[int], ms: int) -> int:
    """The index of the turn being spoken at `ms` (the last starting at or before it),
    given the turns' starts in order; -1 before the first."""
    return bisect.bisect_right(starts, ms) - 1


def time_at(times: Sequence[TurnTime | None], turns: Sequence[Turn], index: int,
            offset: int) -> int | None:
    """The time of document offset `offset` inside turn `index`: the turn's start, plus
    the share of its span that lies before the offset."""
    if not 0 <= index < len(times) or times[index] is None:
        return None
    time, turn = times[index], turns[index]
    if time.end_ms is None or offset <= turn.text_start or turn.text_end <= turn.text_start:
        return time.start_ms
    share = min(1.0, (offset - turn.text_start) / (turn.text_end - turn.text_start))
    return round(time.start_ms + (time.end_ms - time.start_ms) * share)



def has_times(db: Database, document_id: int) -> bool:
    """Whether a document has a recording or stamped turns (then its turns get times);
    False in a study from before recordings (read before its upgrade)."""
    try:
        return db.execute(
            "SELECT EXISTS (SELECT 1 FROM recordings WHERE document_id = ?) OR EXISTS ("
            "SELECT 1 FROM turn_stamps s JOIN turns t ON t.id = s.turn_id "
            "WHERE t.document_id = ?)", [document_id, document_id]).fetchone()[0] == 1
    except sqlite3.OperationalError:  # no such table
        return False
