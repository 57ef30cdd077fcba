"""What an export covers (documents, speakers, tags, transcript) and where it is written."""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from desktop.core.errors import YanduError

#: Called as progress(done, total) while an export runs; may raise to cancel it.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportOptions:
    """The choices of the Export dialog and of `yandu export`.

    `document_ids` None means the whole study. `speakers` and `tags` narrow the annotations
    (and, for `speakers`, the transcript turns) to those names; empty means no narrowing.
    `exported_at` fixes the date written into the output (ISO 8601), for reproducible files.
    `language` ("en" or "zh") is the language of the labels Yandu writes around the notes.
    """

    document_ids: tuple[int, ...] | None = None
    speakers: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    with_transcript: bool = False
    with_glossary: bool = True
    title: str = ""
    exported_at: str = ""
    author: str = ""
    language: str = "en"


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` (if any) how far the export is."""
    if progress is not None:
        progress(done, total)


# Names Windows refuses as file names, whatever the extension.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


def safe_filename(title: str, *, default: str = "yandu-notes", max_length: int = 120) -> str:
    """A file name (without suffix) made from a title, safe on Windows, macOS and Linux.

    Path separators, `..`, control and reserved characters go; reserved device names
    (CON, NUL.txt, ...) get an underscore after the device name; Chinese and other letters stay.
    """
    name = unicodedata.normalize("NFC", title)
    name = _UNSAFE.sub(" ", name)
    name = re.sub(r"\s+", " ", name).strip()
    # Leading dots would hide the file or climb folders ("..").
    name = name.strip(". ")
    if len(name) > max_length:
        name = name[:max_length].rstrip(". ")
    if not name:
        return default
    stem, dot, rest = name.partition(".")
    if stem.upper() in _RESERVED:
        # Windows takes "NUL.txt.html" for the NUL device too: mark the stem itself.
        name = f"{stem}_{dot}{rest}"
    return name


@contextmanager
def atomic_path(out: Path) -> Iterator[Path]:
    """A temporary path beside `out`, moved onto `out` only when the block succeeds.

    A failed or cancelled export therefore never leaves a half-written file behind nor
    destroys an older file of the same name.
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise YanduError(f"The folder {folder} does not exist.")
    if out.is_dir():
        raise YanduError(f"{out} is a folder; name a file to export to.")
    # A fresh name rather than mkstemp: the writer creates the file, so it gets the
    # user's usual permissions (mkstemp's are owner-only).
    tmp = folder / f".{out.name}.{uuid.uuid4().hex[:12]}.part"
    try:
        yield tmp
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise YanduError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_output(out: Path, mode: str = "w", **open_args) -> Iterator[IO]:
    """Open a temporary file beside `out`, moved into place only when writing succeeds."""
    with atomic_path(out) as tmp:
        try:
            with open(tmp, mode, **open_args) as fh:
                yield fh
        except OSError as exc:
            raise YanduError(f"Cannot write {out}: {exc.strerror or exc}.") from exc


def write_text(out: Path, text: str) -> Path:
    """Write `text` to `out` as UTF-8 with Unix line ends, all or nothing."""
    with atomic_output(Path(out), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return Path(out)
