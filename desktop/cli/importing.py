"""`yandu import PATH...` and `yandu show DOC`: bring transcripts in (files, folders,
standard input), read them back."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import textwrap
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import cli
from desktop.core import glossary, library
from desktop.core.citations import SourceMarks
from desktop.core.errors import YanduError

if TYPE_CHECKING:  # hints only: the importer loads when a command uses it
    from desktop.core.importing import ImportResult
    from desktop.core.importing.batch import Batch, Outcome
    from desktop.core.importing.preview import ImportPreview

# The importer's names, loaded on first use by `_load` (`yandu show` starts without the
# importer). Module attributes, so that they can be replaced as any other.
_IMPORTER = {
    "desktop.core.importing": ("MAX_BYTES", "import_bytes", "parse_bytes", "read_source",
                               "title_for"),
    "desktop.core.importing.batch": ("DUPLICATE", "IMPORTED", "import_each", "transcripts_in",
                                     "without_speakers"),
    "desktop.core.importing.parser": ("FORMATS", "default_title", "format_of"),
    "desktop.core.importing.preview": ("summarize",),
}
MAX_BYTES = import_bytes = parse_bytes = read_source = title_for = None
DUPLICATE = IMPORTED = import_each = transcripts_in = without_speakers = None
FORMATS = default_title = format_of = summarize = None


def _load() -> None:
    """Fill in the importer's names that are not set yet."""
    import importlib

    names = globals()
    for module, wanted in _IMPORTER.items():
        if any(names[n] is None for n in wanted):
            loaded = importlib.import_module(module)
            for n in wanted:
                if names[n] is None:
                    names[n] = getattr(loaded, n)


NO_SPEAKERS = ("No speakers found: every paragraph is narration. Check the labels "
               "(Name: …) with yandu import FILE --dry-run, or correct how it is read in "
               "the window's import preview (File > Import with preview).")
EXIT_NOTHING_IMPORTED = 1  # a folder import in which every file was refused
SAMPLE_SHOWN = 40  # characters of a speaker's sample in the plain summary
STDIN = "-"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the `import` and `show` commands."""
    p = sub.add_parser(
        "import", parents=[common],
        help="import transcripts: files, folders of them, or - for standard input",
        description="Import transcripts into the study. Files named one by one are all "
        "read and checked before anything is stored, so a bad file leaves the study "
        "unchanged; with --json one file prints an object, several print a list. A folder "
        "brings in every transcript inside it (hidden files and folders left out), each on "
        "its own: a file that cannot be read is listed as refused with its reason, and "
        "--json prints one entry per file. - reads standard input.",
    )
    p.add_argument("files", nargs="+", metavar="PATH",
                   help="transcript files, folders of them, or - for standard input")
    cli.any_text(p.add_argument("--title",
                                help="the document's title (only with one FILE, or -)"))
    # The formats' names come from the importer, loaded only when `import` may be the
    # command (`yandu show` starts without it).
    names = ", ".join(_format_names()) if cli.loads_all_commands() else "…"
    p.add_argument("--format", metavar="FORMAT",
                   help="how to read standard input: " + names
                   + " (default: text, or HTML when it starts with <!doctype html> or <html>)")
    p.add_argument("--dry-run", action="store_true",
                   help="store nothing: say how each file would be read (its kind, "
                   "speakers with a sample line each, sections, and whether to look first)")
    p.set_defaults(handler=run_import, creates_study=True)

    p = sub.add_parser("show", parents=[common], help="print a transcript turn by turn")
    p.add_argument("document", metavar="DOC", help="document id, title or file name")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's turns")
    p.set_defaults(handler=run_show)


def run_import(args: argparse.Namespace) -> int:
    """Standard input, folders (file by file), or files (all checked, then stored)."""
    _load()
    if STDIN in args.files:
        if len(args.files) != 1:
            raise YanduError("Standard input (-) is imported on its own: name no other "
                             "PATH with it.")
        return _import_stdin(args)
    if args.format is not None:
        raise YanduError("--format is for standard input (-); a file's extension says "
                         "how to read it.")
    if args.dry_run:
        return _dry_run(args)
    if any(Path(name).is_dir() for name in args.files):
        if args.title is not None:
            raise YanduError("--title needs exactly one FILE, not a folder.")
        return _import_folders(args)
    if args.title is not None and len(args.files) != 1:
        raise YanduError("--title needs exactly one FILE.")
    sources = []
    for name in args.files:
        data = read_source(name)
        parsed = parse_bytes(data, Path(name).name, title=title_for(name, args.title))
        sources.append((name, data, parsed))  # every file is checked before any is stored
    db = cli.open_for(args)
    # Glossary terms go into the segmenter before indexing, so the new turns' words match
    # what the window and search expect (百模大战 stays one word).
    glossary.prepare(db)
    results = [
        import_bytes(db, data, Path(name).name, parsed=parsed) for name, data, parsed in sources
    ]
    if args.json:
        payload = [r.as_dict() for r in results]
        cli.print_json(payload[0] if len(payload) == 1 else payload)
        _warn_without_speakers(results, sys.stderr, named=len(results) > 1)
        return 0
    for result in results:
        _print_result(result)
    _warn_without_speakers(results, sys.stdout, named=len(results) > 1)
    return 0


# ---- standard input ---------------------------------------------------------------------


def _format_names() -> list[str]:
    """What --format accepts: each extension the parser reads and each format's name."""
    return sorted(_format_suffixes())


def _format_suffixes() -> dict[str, str]:
    """--format's words -> the extension that makes the parser read that way."""
    _load()
    words: dict[str, str] = {}
    for suffix, fmt in FORMATS.items():
        if suffix:
            words.setdefault(suffix[1:], suffix)
            words.setdefault(fmt, suffix)
    return words


def _stdin_suffix(data: bytes, fmt: str | None) -> str:
    """The extension to read standard input by: --format's, else HTML's for a page."""
    if fmt is None:
        head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return ".html" if head.startswith((b"<!doctype html", b"<html")) else ".txt"
    suffix = _format_suffixes().get(fmt.strip().lower().lstrip("."))
    if suffix is None:
        raise YanduError(f"Unknown --format {fmt!r}; Yandu reads "
                         f"{', '.join(_format_names())}.")
    return suffix


def _read_stdin() -> bytes:
    _load()
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise YanduError("There is no standard input to read.")
    if sys.stdin.isatty():
        print("Reading a transcript from standard input; end it with Ctrl+D.",
              file=sys.stderr)
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise YanduError(f"Standard input is too large (the limit is "
                         f"{MAX_BYTES // 2**20} MB).")
    return data


def _about_stdin(message: str, name: str) -> str:
    """A parser's message about file `name` said of standard input."""
    if message.startswith(name):
        return "Standard input" + message[len(name):]
    return message.replace(name, "standard input")


def pasted_title() -> str:
    """The title of a transcript read from standard input without --title."""
    return f"Pasted text {datetime.now().strftime('%Y-%m-%d %H:%M')}"


def _import_stdin(args: argparse.Namespace) -> int:
    """Read standard input whole, check it, then store it; a bad one stores nothing."""
    _load()
    data = _read_stdin()
    name = "stdin" + _stdin_suffix(data, args.format)
    try:
        format_of(name)
        parsed = parse_bytes(data, name, title=args.title)
    except YanduError as exc:
        raise YanduError(_about_stdin(str(exc), name)) from exc
    if args.title is None and parsed.title == default_title(name):
        # Nothing in the text named it (a Markdown heading, a page's title).
        parsed = dataclasses.replace(parsed, title=pasted_title())
    if args.dry_run:
        _print_preview(summarize(parsed), name, args.json)
        return 0
    db = cli.open_for(args)
    glossary.prepare(db)
    result = import_bytes(db, data, name, parsed=parsed)
    if args.json:
        cli.print_json(result.as_dict())
        _warn_without_speakers([result], sys.stderr)
        return 0
    _print_result(result)
    _warn_without_speakers([result], sys.stdout)
    return 0


# ---- dry run ----------------------------------------------------------------------------


def _dry_run(args: argparse.Namespace) -> int:
    """How each file would be read, storing nothing (the study is not even opened)."""
    _load()
    if any(Path(name).is_dir() for name in args.files):
        paths = transcripts_in(args.files)
    else:
        paths = [Path(name) for name in args.files]
    if args.title is not None and len(paths) != 1:
        raise YanduError("--title needs exactly one FILE.")
    entries = []
    for path in paths:
        try:
            parsed = parse_bytes(read_source(path), path.name,
                                 title=title_for(path, args.title))
        except YanduError as exc:
            if len(paths) == 1:
                raise
            entries.append({"file": str(path), "status": "refused", "reason": str(exc)})
            if not args.json:
                print(f"{path}: refused: {exc}")
            continue
        preview = summarize(parsed)
        entries.append({"file": str(path), "status": "readable", "preview": preview.as_dict()})
        if not args.json:
            _print_preview(preview, str(path), False)
    if args.json:
        cli.print_json(entries[0]["preview"] if len(paths) == 1 else entries)
    readable = sum(1 for e in entries if e["status"] == "readable")
    return 0 if readable or not entries else EXIT_NOTHING_IMPORTED


def _print_preview(preview: ImportPreview, name: str, as_json: bool) -> None:
    if as_json:
        cli.print_json(preview.as_dict())
        return
    parsed = preview.parsed
    print(f"{name} would be imported as: {parsed.title}")
    print(f"  {parsed.kind}, {parsed.format}, {parsed.encoding}; "
          f"{plural(len(parsed.turns), 'turn')} ({preview.narration_turns} narration), "
          f"{plural(len(preview.speakers), 'speaker')}, "
          f"{plural(len(preview.sections), 'section')}")
    for s in preview.speakers:
        mod = " (moderator)" if s.is_moderator else ""
        print(f"  {s.name}{mod}: {plural(s.turns, 'turn')} — {s.sample[:SAMPLE_SHOWN]}")
    if preview.doubt:
        print(f"  Look before importing: {preview.doubt_text()}")


# ---- folders ----------------------------------------------------------------------------


def _import_folders(args: argparse.Namespace) -> int:
    """Import every transcript of the folders (and files) named, each on its own."""
    _load()
    paths = transcripts_in(args.files)
    db = cli.open_for(args)
    glossary.prepare(db)
    report = _progress_line(len(paths)) if sys.stderr.isatty() else None
    batch = import_each(db, paths, progress=report)
    if report is not None:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
    fresh = [o.result for o in batch.imported]
    if args.json:
        cli.print_json([o.as_dict() for o in batch.outcomes])
        _warn_without_speakers(fresh, sys.stderr, named=True)
    else:
        _print_batch(batch)
        _warn_without_speakers(fresh, sys.stdout, named=True)
    return 0 if batch.succeeded else EXIT_NOTHING_IMPORTED


def _progress_line(total: int):
    """A progress report for a terminal: 'Importing 3 of 12…' on one line, rewritten."""
    shown = [-1]

    def report(done: int, _steps: int) -> None:
        number = min(done // 1000 + 1, total)
        if number != shown[0]:
            shown[0] = number
            print(f"\rImporting {number} of {total}…", end="", file=sys.stderr, flush=True)
    return report


def _print_batch(batch: Batch) -> None:
    _load()
    for outcome in batch.outcomes:
        r = outcome.result
        if outcome.status == IMPORTED and r is not None:
            print(f"imported   {outcome.path}: document {r.document_id}, {r.title} "
                  f"({plural(len(r.speakers), 'speaker')}, {plural(r.turn_count, 'turn')})")
        elif outcome.status == DUPLICATE:
            print(f"duplicate  {outcome.path}: {outcome.reason}; not imported again")
        else:
            print(f"refused    {outcome.path}: {_reason(outcome)}")
    counts = [f"{len(batch.imported)} imported",
              f"{len(batch.duplicates)} already in the study",
              f"{len(batch.refused)} refused"]
    print(f"{', '.join(counts)} ({plural(batch.total, 'file')}).")


def _reason(outcome: Outcome) -> str:
    """A refusal's reason without the file's name in front (the line names the file)."""
    name = outcome.path.name
    reason = outcome.reason
    if reason.startswith(f"{name}: "):
        return reason[len(name) + 2:]
    return reason


# ---- what was imported ------------------------------------------------------------------


def _warn_without_speakers(results, stream, *, named: bool = False) -> None:
    """Say plainly, after the summary, which new documents have no speaker at all."""
    _load()
    for r in results:
        if without_speakers(r):
            where = f" in {r.source_name}" if named else ""
            print(NO_SPEAKERS.replace("No speakers found", f"No speakers found{where}", 1),
                  file=stream)


def _print_result(r: ImportResult) -> None:
    if r.duplicate:
        print(f"{r.source_name}: already imported as document {r.document_id} "
              f"({r.title}); not imported again.")
        return
    print(f"Imported {r.source_name} as document {r.document_id}: {r.title}")
    kind = f"kind: {r.kind}; " if r.kind else ""
    print(f"  {kind}{r.format}, {r.encoding}; {plural(r.turn_count, 'turn')}, "
          f"{plural(len(r.speakers), 'speaker')}, {plural(r.section_count, 'section')}, "
          f"{plural(r.headline_count, 'headline')}")
    for s in r.speakers:
        role = f" — {s.role}" if s.role else ""
        mod = " (moderator)" if s.is_moderator else ""
        sample = f" “{_shorter(s.sample)}”" if s.sample else ""
        print(f"  {s.name}{role}{mod}: {plural(s.turn_count, 'turn')}{sample}")


def _shorter(text: str) -> str:
    return text if len(text) <= SAMPLE_SHOWN else text[: SAMPLE_SHOWN - 1].rstrip() + "…"


def run_show(args: argparse.Namespace) -> int:
    """Print the transcript with sections as headers and each turn under its speaker."""
    db = cli.open_for_reading(args)
    doc = library.find_document(db, args.document)
    speakers = {s.id: s for s in library.speakers(db, doc.id)}
    wanted = None
    if args.speaker is not None:
        wanted = _speaker_named(speakers.values(), args.speaker).id
    sections = {s.id: s for s in library.sections(db, doc.id)}
    turns = [t for t in library.turns(db, doc.id) if wanted is None or t.speaker_id == wanted]
    if args.json:
        marks = SourceMarks.load(db, doc.id)
        cited = {t.id: marks.cite(t.text_start, t.text_end, t) for t in turns}
        cli.print_json({
            "document": doc.as_dict(),
            "sections": [{"id": s.id, "position": s.position, "title": s.title}
                         for s in sections.values()],
            "turns": [{
                "position": t.position,
                "turn_number": t.number,
                "speaker": speakers[t.speaker_id].name if t.speaker_id in speakers else None,
                "section": sections[t.section_id].position if t.section_id in sections
                else None,
                "headline": t.headline, "text": t.text, "text_start": t.text_start,
                "text_end": t.text_end, "cue_start_ms": t.cue_start_ms,
                "cue_end_ms": t.cue_end_ms,
                # Where the turn is in the record: its page, first printed line, times.
                "page": cited[t.id].page or None, "line": cited[t.id].line,
                "start_ms": cited[t.id].start_ms, "end_ms": cited[t.id].end_ms,
                # How the start is known: "cue", "stamp", "estimated" (or null: not at all).
                "time_kind": cited[t.id].time_kind,
            } for t in turns],
        })
        return 0
    print(f"# {doc.title}")
    current = None
    for t in turns:
        if t.section_id is not None and t.section_id != current:
            current = t.section_id
            section = sections[t.section_id]
            print(f"\n## {section.position + 1}. {section.title}")
        print()
        if t.speaker_id is None:
            print(_indent(t.text, "  "))
            continue
        s = speakers[t.speaker_id]
        cue = f" [{_clock(t.cue_start_ms)}]" if t.cue_start_ms is not None else ""
        print(f"{s.name}{cue}:" + (f" “{t.headline}”" if t.headline else ""))
        if t.text:
            print(_indent(t.text, "    "))
    return 0


def _speaker_named(speakers, name: str) -> library.Speaker:
    wanted = " ".join(name.split()).casefold()
    for s in speakers:
        if s.name.casefold() == wanted:
            return s
    names = ", ".join(s.name for s in speakers) or "none"
    raise YanduError(f"No speaker {name!r} in this document (speakers: {names}).")


def _indent(text: str, prefix: str) -> str:
    return textwrap.indent(text, prefix, lambda line: True)


def _clock(ms: int) -> str:
    seconds, _ = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:d}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:d}:{seconds:02d}"


def plural(n: int, noun: str) -> str:
    """'1 turn', '5 turns'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
