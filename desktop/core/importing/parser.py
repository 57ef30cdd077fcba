"""Source bytes -> ParsedTranscript: decode, split into turns by format, then structure.

Pure: no database, no files. `parse_bytes` is what the importer, tests and benchmarks call.
"""

from __future__ import annotations

import dataclasses
import gc
import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath

from desktop.core.errors import YanduError
from desktop.core.importing import asr_json, corrections, kinds, structure
from desktop.core.importing.decoding import Decoded, decode, decode_as, normalise_newlines
from desktop.core.importing.html import read_html
from desktop.core.importing.layout import rebuild
from desktop.core.importing.model import (
    KINDS,
    ParsedSection,
    ParsedSpeaker,
    ParsedTranscript,
    ParsedTurn,
    ParseOptions,
)
from desktop.core.importing.pdf import extract_pdf
from desktop.core.importing.subtitles import parse_cues
from desktop.core.importing.text import parse_text, speaker_key

MAX_BYTES = 200 * 1024 * 1024
FORMATS = {
    "": "text", ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".srt": "srt", ".vtt": "vtt", ".json": "json", ".docx": "docx", ".pdf": "pdf",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
SUPPORTED = ".txt, .md, .srt, .vtt, .json (Whisper), .docx, .pdf and .html"
_LANGUAGE_SUFFIXES = (".zh", ".en", ".cn", ".tw", ".hk")


def format_of(name: str) -> str:
    """The format of file `name` from its extension; YanduError when unsupported."""
    suffix = PurePath(name).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    if suffix in _LANGUAGE_SUFFIXES or suffix[1:].isdigit():
        return "text"  # 'roundtable.zh', 'hearing.2023': a dot in the name, not a type
    raise YanduError(f"{PurePath(name).name}: unsupported format ({suffix}); "
                     f"Yandu imports {SUPPORTED}.")


def parse_bytes(data: bytes, name: str, *, title: str | None = None,
                options: ParseOptions | None = None) -> ParsedTranscript:
    """Parse the bytes of file `name` into a transcript; YanduError for bad input.

    `options` holds a reader's corrections (the import preview's): an encoding, the kind
    of record, labels that are not speakers, and so on.
    """
    with _no_cycle_collection():
        return _parse_bytes(data, name, title, options)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector for a parse: a parse makes hundreds of thousands of
    small objects (lines, labels, turns) and no reference cycles, so the collector's
    passes over them (about a hundred for 5 MB) find nothing. Put back after, unless
    something else had paused it."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _parse_bytes(data: bytes, name: str, title: str | None,
                 options: ParseOptions | None) -> ParsedTranscript:
    display = PurePath(name).name or name
    if len(data) > MAX_BYTES:
        raise YanduError(f"{display} is too large ({len(data) / 2**20:.0f} MB; "
                         f"the limit is {MAX_BYTES // 2**20} MB).")
    if not data.strip():
        raise YanduError(f"{display} is empty.")
    # A PDF under any name (or none) is read as one.
    fmt = "pdf" if data.startswith(b"%PDF-") else format_of(display)
    if fmt != "docx" and data.startswith(b"PK\x03\x04"):
        if b"word/document.xml" not in data:
            raise YanduError(f"{display} is a binary file (a zip archive), not a transcript.")
        fmt = "docx"  # a Word document under another name: read it as one
    chosen_encoding = options.encoding if options is not None else None
    if fmt == "docx":
        decoded, doc_title = _read_docx(data, display)
    elif fmt == "pdf":
        decoded, doc_title = Decoded(extract_pdf(data, display), "UTF-8"), ""
    elif fmt == "html":
        page = read_html(data, display, encoding=chosen_encoding)
        decoded, doc_title = Decoded(page.text, page.encoding), page.title
    else:
        decoded = (decode_as(data, chosen_encoding, display) if chosen_encoding
                   else decode(data, display))
        doc_title = ""
    text = decoded.text
    if not text.strip():
        raise YanduError(f"{display} is empty (no text in it).")
    if fmt in ("srt", "vtt", "json"):
        # Timed cues: the reading text is built from them; the file's bytes are kept.
        reading = (asr_json.parse_segments if fmt == "json" else parse_cues)(text, display)
        chosen = (title or "").strip() or default_title(display)
        parsed = build(reading.text, decoded.encoding, fmt, chosen, list(reading.turns),
                       options)
        return dataclasses.replace(parsed, marks=reading.marks, source=data)
    # Paragraphs before labels: a record hard-wrapped at a fixed width, its running
    # headers, page numbers and printed line numbers (kept as marks) are undone first.
    # Ordinary text comes back as it is. A web page is already in paragraphs.
    layout = rebuild(text, from_pdf=fmt == "pdf") if fmt != "html" else None
    if layout is not None and not layout.text.strip():
        # Every line was taken for a running header or a page number (":" on each page):
        # what is repeated is the text itself, read as it is.
        layout = None
    reading = layout.text if layout is not None else text
    turns = parse_text(reading)
    if fmt == "markdown":
        heading = re.search(r"^#[ \t]+(.+?)[ \t#]*$", text, flags=re.M)
        doc_title = heading.group(1) if heading else ""
    chosen = (title or "").strip() or doc_title.strip() or default_title(display)
    result = build(reading, decoded.encoding, fmt, chosen, turns, options)
    if layout is not None and (layout.marks or reading is not text):
        result = dataclasses.replace(result, marks=layout.marks, layout=layout.report)
    if fmt in ("docx", "pdf", "html") or reading is not text:
        result = dataclasses.replace(result, source=data)  # the reading text is not the file
    return result


def default_title(name: str) -> str:
    """A title from a file name: 'aicc2023-llm-roundtable.zh.txt' -> 'aicc2023-llm-roundtable'."""
    stem = PurePath(name).stem
    inner = PurePath(stem)
    if inner.suffix.lower() in _LANGUAGE_SUFFIXES:
        stem = inner.stem
    return stem or name


def build(text: str, encoding: str, fmt: str, title: str, turns: list[ParsedTurn],
          options: ParseOptions | None = None) -> ParsedTranscript:
    """Add the kind of record, speakers (roles, colours, moderator) and sections to parsed
    turns; `options` are the reader's corrections (kind, not speakers, merges, moderators)."""
    options = options or ParseOptions()
    if options.kind is not None and options.kind not in KINDS:
        raise ValueError(f"unknown kind of record {options.kind!r}; one of {', '.join(KINDS)}")
    if options.not_speakers:
        turns = corrections.drop_speakers(text, turns, options.not_speakers)
    turns = _canonical(turns)
    pairs, label_roles = _speech_and_roles(text, turns)
    asking = structure.detect_moderators(pairs, label_roles)
    kind = options.kind or kinds.detect(text, fmt, turns, asking)
    prepared, headings, examiners = kinds.prepare(kind, text, fmt, turns)
    if prepared is not turns or options.merge:
        turns = _canonical(corrections.merge_speakers(prepared, options.merge))
        pairs, label_roles = _speech_and_roles(text, turns)
        asking = structure.detect_moderators(pairs, label_roles)
    names = list(dict.fromkeys(t.speaker for t in turns if t.speaker is not None))
    if options.moderators is not None:
        moderators = corrections.chosen(names, options.moderators)
    else:
        moderators = kinds.moderators(kind, names, asking, examiners)
    narration = "\n".join(speech for speaker, speech in pairs if speaker is None)
    speakers = tuple(
        ParsedSpeaker(name=n,
                      role=structure.role_from_narration(
                          n, narration, [o for o in names if o != n])
                      or label_roles.get(n, ""),
                      colour=structure.colour_for(i), is_moderator=n in moderators)
        for i, n in enumerate(names)
    )
    sections = tuple(ParsedSection(i, t)
                     for i, t in kinds.sections(kind, pairs, turns, headings, moderators))
    return ParsedTranscript(text=text, encoding=encoding, format=fmt, title=title,
                            turns=tuple(turns), speakers=speakers, sections=sections, kind=kind)


def _canonical(turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """The turns with each speaker named as first written (MR. SMITH for Mr. Smith too)."""
    names: dict[str, str] = {}  # key -> name as first written
    canonical = []
    for turn in turns:
        if turn.speaker is not None:
            name = names.setdefault(speaker_key(turn.speaker), turn.speaker)
            if name != turn.speaker:
                turn = dataclasses.replace(turn, speaker=name)
        canonical.append(turn)
    return canonical


def _speech_and_roles(text: str, turns: list[ParsedTurn]
                      ) -> tuple[list[tuple[str | None, str]], dict[str, str]]:
    """(speaker, speech) per turn, and the role each speaker's label gives (主持人 杨静)."""
    pairs = [(t.speaker, text[t.text_start : t.text_end]) for t in turns]
    roles: dict[str, str] = {}
    for t in turns:
        if t.speaker is not None and t.role:
            roles.setdefault(t.speaker, t.role)
    return pairs, roles


def _read_docx(data: bytes, name: str) -> tuple[Decoded, str]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    broken = f"{name} is not a readable Word document (.docx); open and re-save it in Word."
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = list(_docx_lines(document))
        doc_title = document.core_properties.title or ""
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError,
            AttributeError, TypeError) as exc:
        raise YanduError(broken) from exc
    except Exception as exc:  # lxml raises its own XMLSyntaxError for damaged parts
        if type(exc).__module__.startswith("lxml"):
            raise YanduError(broken) from exc
        raise
    return Decoded(normalise_newlines("\n".join(paragraphs)), "UTF-8"), doc_title


def _docx_lines(document) -> Iterator[str]:
    """The document's body as lines: each paragraph, and each table row as its cells
    joined by tabs (a two-column table of names and speeches reads as `杨静<TAB>...`)."""
    from docx.table import Table

    if not hasattr(document, "iter_inner_content"):  # python-docx before 1.1
        yield from (p.text for p in document.paragraphs)
        return
    for block in document.iter_inner_content():
        if not isinstance(block, Table):
            yield block.text
            continue
        for row in block.rows:
            cells = []
            for cell in row.cells:
                # A merged cell repeats in every column it spans: keep it once.
                if not cells or cell._tc is not cells[-1][0]:
                    cells.append((cell._tc, " ".join(cell.text.split())))
            yield "\t".join(text for _, text in cells)
