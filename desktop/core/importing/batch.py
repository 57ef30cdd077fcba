"""Importing many files at once: the transcripts in folders, one by one, with a summary.

`transcripts_in` turns the paths a user named (files and folders) into the files to
import; `import_each` imports them one at a time, each in its own transaction, so a file
that cannot be read is refused with its reason and the others still come in. The command
line (`yandu import DIR`) and the window (a dropped folder) both report the `Batch`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from db import StudyError
from desktop.core.errors import YanduError
from desktop.core.importing import ImportResult, import_file
from desktop.core.importing.model import ParseOptions
from desktop.core.importing.parser import FORMATS

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

IMPORTED, DUPLICATE, REFUSED = "imported", "duplicate", "refused"

Progress = Callable[[int, int], None]


def importable_suffixes() -> tuple[str, ...]:
    """The file extensions a folder is searched for ('.txt', '.md', ...), as the parser
    knows them: a file with no extension is not taken from a folder."""
    return tuple(sorted(s for s in FORMATS if s))


def is_hidden(name: str) -> bool:
    """A name a folder walk leaves out: dot files and folders, and the lock files Word
    leaves beside an open document (`~$talk.docx`)."""
    return name.startswith((".", "~$"))


def transcripts_in(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files to import for `paths`: a file as it is, a folder as every transcript
    inside it (recursively; supported extensions only; hidden files and folders left
    out), in a stable order (by name, folder by folder); each file once.

    YanduError for a path that does not exist, or a folder with no transcript in it:
    naming one is more likely a slip than a wish to import nothing.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = list(_walk(path))
            if not inside:
                raise YanduError(f"{path} is a folder with no transcripts in it "
                                 f"(Yandu looks for {', '.join(importable_suffixes())}).")
        elif path.exists():
            inside = [path]
        else:
            raise YanduError(f"No such file or folder: {path}.")
        for file in inside:
            key = _identity(file)
            if key not in seen:
                seen.add(key)
                found.append(file)
    return found


def _walk(folder: Path):
    """The transcripts under `folder`, depth first, names in order."""
    suffixes = set(importable_suffixes())
    try:
        entries = sorted(os.scandir(folder), key=lambda e: (e.name.casefold(), e.name))
    except OSError:
        return  # an unreadable folder holds nothing we can import
    for entry in entries:
        if is_hidden(entry.name):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path))
            elif entry.is_file() and Path(entry.name).suffix.lower() in suffixes:
                yield Path(entry.path)
        except OSError:
            continue


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


@dataclass(frozen=True)
class Outcome:
    """What became of one file: imported, a duplicate of a document already in the
    study (`result` names it), or refused (`reason` says why)."""

    path: Path
    status: str  # IMPORTED, DUPLICATE or REFUSED
    reason: str = ""
    result: ImportResult | None = None

    def as_dict(self) -> dict:
        """A JSON-ready dict (an entry of `yandu import DIR --json`)."""
        return {"status": self.status, "file": str(self.path), "reason": self.reason,
                "result": self.result.as_dict() if self.result is not None else None}


@dataclass
class Batch:
    """The outcome of every file of an import, in order; `cancelled` when it stopped
    early (the files after the last outcome were not tried)."""

    outcomes: list[Outcome] = field(default_factory=list)
    total: int = 0  # how many files there were to import
    cancelled: bool = False

    def with_status(self, status: str) -> list[Outcome]:
        """The outcomes of one status, in order."""
        return [o for o in self.outcomes if o.status == status]

    @property
    def imported(self) -> list[Outcome]:
        return self.with_status(IMPORTED)

    @property
    def duplicates(self) -> list[Outcome]:
        return self.with_status(DUPLICATE)

    @property
    def refused(self) -> list[Outcome]:
        return self.with_status(REFUSED)

    @property
    def results(self) -> list[ImportResult]:
        """The documents imported or found already there, in order."""
        return [o.result for o in self.outcomes if o.result is not None]

    @property
    def succeeded(self) -> bool:
        """Something was imported, or nothing was refused (every file was there already)."""
        return bool(self.imported) or not self.refused


def without_speakers(result: ImportResult) -> bool:
    """A new document in which no speaker was found: every paragraph is narration."""
    return not result.duplicate and result.turn_count > 0 and not result.speakers


def import_each(db: Database, paths: list[Path], *, progress: Progress | None = None,
                stop: Callable[[], bool] | None = None, title: str | None = None,
                options: ParseOptions | None = None) -> Batch:
    """Import `paths` one by one, each in its own transaction; a file that cannot be
    read or parsed is refused with its reason and the rest go on.

    `progress(done, total)` counts 1000 steps a file (the file's own progress within
    them); `stop()` is asked before each file, so stopping never cuts one in half.
    `title` and `options` (a reader's corrections, from the import preview) apply to
    every file: they are given for one.
    """
    batch = Batch(total=len(paths))
    for number, path in enumerate(paths):
        if stop is not None and stop():
            batch.cancelled = True
            break
        step = None
        if progress is not None:
            progress(number * 1000, len(paths) * 1000)

            def step(done: int, total: int, number: int = number) -> None:
                progress(number * 1000 + 1000 * done // max(total, 1), len(paths) * 1000)
        try:
            result = import_file(db, path, progress=step, title=title, options=options)
        except (YanduError, StudyError) as exc:
            batch.outcomes.append(Outcome(path, REFUSED, str(exc) or type(exc).__name__))
            continue
        if result.duplicate:
            reason = (f"already imported as document {result.document_id} "
                      f"({result.title})")
            batch.outcomes.append(Outcome(path, DUPLICATE, reason, result))
        else:
            batch.outcomes.append(Outcome(path, IMPORTED, "", result))
    if progress is not None and not batch.cancelled:
        progress(len(paths) * 1000, len(paths) * 1000)
    return batch
