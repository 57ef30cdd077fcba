"""Transcript import: files in, documents with speakers, sections and turns out.

`parse_bytes` is pure (bytes -> ParsedTranscript); `import_file` / `import_bytes` also
store the result in a study, in one transaction, and report it as an `ImportResult`.
"""

from __future__ import annotations

import importlib.resources
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from desktop.core.errors import YanduError
from desktop.core.importing.model import (
    LayoutReport,
    ParsedSpeaker,
    ParsedTranscript,
    ParsedTurn,
    ParseOptions,
)
from desktop.core.importing.parser import MAX_BYTES, format_of, parse_bytes
from desktop.core.importing.store import Progress, find_duplicate, sha256_of, store

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

__all__ = [
    "MAX_BYTES", "ImportResult", "ParsedSpeaker", "SpeakerSummary", "ParsedTranscript", "ParsedTurn",
    "bundled_sample_path", "import_bytes", "import_file", "parse_bytes", "read_source",
    "title_for",
]

SAMPLE_NAME = "aicc2023-llm-roundtable.zh.txt"
SAMPLE_TITLE = "AICC 2023 大模型创新主题圆桌论坛"


SAMPLE_CHARS = 80  # how much of a speaker's first turn the import summary shows


class SpeakerSummary(NamedTuple):
    """A speaker as reported after an import: (name, role, is_moderator, turns, sample),
    where `sample` is the start of the speaker's first turn (up to SAMPLE_CHARS, one
    line), so a reader can check that the name really is a speaker."""

    name: str
    role: str
    is_moderator: bool
    turn_count: int
    sample: str = ""


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or found already there, when `duplicate`)."""

    document_id: int
    title: str
    encoding: str
    format: str
    duplicate: bool
    speakers: list[SpeakerSummary]
    section_count: int
    turn_count: int
    headline_count: int
    source_name: str = ""
    sections: list[str] = field(default_factory=list)
    kind: str = ""  # the kind of record recognised (see model.KINDS); '' before it was kept
    # What rebuilding the paragraphs changed (LayoutReport's fields), as stored.
    layout: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """A JSON-ready dict (for `yandu import --json`)."""
        data = asdict(self)
        data["speakers"] = [s._asdict() for s in self.speakers]
        data["sections"] = list(self.sections)
        return data


def bundled_sample_path() -> Path:
    """The sample transcript shipped with Yandu."""
    return Path(str(importlib.resources.files("resources") / "samples" / SAMPLE_NAME))


def read_source(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file to import; YanduError for a missing, unreadable or huge file."""
    path = Path(path)
    if not path.exists():
        raise YanduError(f"No such file: {path}.")
    if path.is_dir():
        raise YanduError(f"{path} is a folder; name the transcript files inside it.")
    if not path.is_file():
        raise YanduError(f"{path} is not a regular file.")
    format_of(path.name)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YanduError(f"{path.name} is too large ({size / 2**20:.0f} MB; "
                             f"the limit is {MAX_BYTES // 2**20} MB).")
        return path.read_bytes()
    except PermissionError as exc:
        raise YanduError(f"Cannot read {path}: permission denied.") from exc
    except OSError as exc:
        raise YanduError(f"Cannot read {path}: {exc.strerror or exc}.") from exc


def import_file(db: Database, path: str | os.PathLike[str], *, title: str | None = None,
                progress: Progress | None = None,
                options: ParseOptions | None = None) -> ImportResult:
    """Import the transcript at `path` into the study (read as `options` say, if given)."""
    path = Path(path)
    data = read_source(path)
    result = import_bytes(db, data, path.name, title=title_for(path, title), progress=progress,
                          options=options)
    if not result.duplicate and result.format in TIMED_FORMATS:
        attach_recording_beside(db, result.document_id, path)
    return result


# Subtitles and speech-recognition output are made from a recording, often saved beside them.
TIMED_FORMATS = frozenset({"srt", "vtt", "json"})


def attach_recording_beside(db: Database, document_id: int, path: Path) -> bool:
    """Attach the recording of the same name beside a timed transcript (talk.srt and
    talk.mp3); True when one was. A recording that cannot be read is left alone: the
    transcript stands without it, and the Recording menu can attach another."""
    from desktop.core import media  # only a timed transcript needs it

    beside = media.recording_beside(path)
    if beside is None:
        return False
    try:
        media.attach(db, document_id, beside)
    except YanduError:
        return False
    return True


def title_for(path: str | os.PathLike[str], title: str | None = None) -> str | None:
    """The title to give the file at `path`: `title` if given; the sample's own title."""
    path = Path(path)
    if title is None and path.name == SAMPLE_NAME:
        try:
            if path.resolve() == bundled_sample_path().resolve():
                return SAMPLE_TITLE
        except OSError:
            return None
    return title


def import_bytes(db: Database, data: bytes, name: str, *, title: str | None = None,
                 progress: Progress | None = None,
                 parsed: ParsedTranscript | None = None,
                 options: ParseOptions | None = None) -> ImportResult:
    """Import a transcript given as bytes; `name` (a file name) tells its format.

    `parsed`, when given, is `parse_bytes(data, name, title=title)` done earlier (e.g. to
    check several files before storing any), so the work is not repeated.
    """
    sha = sha256_of(data)
    existing = find_duplicate(db, sha)
    if existing is not None:
        return summarize(db, existing, duplicate=True)
    if parsed is None:
        parsed = parse_bytes(data, name, title=title, options=options)
    doc_id = store(db, parsed, source_name=Path(name).name, sha256=sha, progress=progress)
    return summarize(db, doc_id, duplicate=False)


def summarize(db: Database, document_id: int, *, duplicate: bool = False) -> ImportResult:
    """The ImportResult describing a stored document."""
    row = db.execute(
        "SELECT title, encoding, format, source_name, kind, import_report FROM documents "
        "WHERE id = ?", [document_id]
    ).fetchone()
    if row is None:
        raise YanduError(f"No document with id {document_id}.")
    speakers = [
        SpeakerSummary(name, role, bool(moderator), count, _sample(first or ""))
        for name, role, moderator, count, first in db.execute(
            "SELECT s.name, s.role, s.is_moderator, "
            "(SELECT count(*) FROM turns t WHERE t.speaker_id = s.id), "
            "(SELECT CASE WHEN t.text = '' THEN t.headline ELSE t.text END FROM turns t "
            " WHERE t.speaker_id = s.id ORDER BY t.position LIMIT 1) "
            "FROM speakers s WHERE s.document_id = ? ORDER BY s.position",
            [document_id],
        )
    ]
    sections = [
        r[0] for r in db.execute(
            "SELECT title FROM sections WHERE document_id = ? ORDER BY position", [document_id]
        )
    ]
    turn_count, headline_count = db.execute(
        "SELECT count(*), count(NULLIF(headline, '')) FROM turns WHERE document_id = ?",
        [document_id],
    ).fetchone()
    return ImportResult(
        document_id=document_id, title=row[0], encoding=row[1], format=row[2],
        duplicate=duplicate, speakers=speakers, section_count=len(sections),
        turn_count=turn_count, headline_count=headline_count, source_name=row[3],
        sections=sections, kind=row[4],
        layout={**asdict(LayoutReport()), **json.loads(row[5] or "{}")},
    )


def _sample(speech: str) -> str:
    """The start of a speech on one line: whitespace runs made one space, cut (with an
    ellipsis) after SAMPLE_CHARS characters."""
    line = " ".join(speech.split())
    return line if len(line) <= SAMPLE_CHARS else line[: SAMPLE_CHARS - 1].rstrip() + "…"

