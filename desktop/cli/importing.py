"""`yandu import FILE...` and `yandu show DOC`: bring transcripts in, read them back."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

from desktop import cli
from desktop.core import glossary, library
from desktop.core.citations import SourceMarks
from desktop.core.errors import YanduError
from desktop.core.importing import (
    ImportResult,
    import_bytes,
    parse_bytes,
    read_source,
    title_for,
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the `import` and `show` commands."""
    p = sub.add_parser(
        "import", parents=[common], help="import transcripts (.txt, .md, .srt, .vtt, .docx)",
        description="Import transcripts into the study. Every file is read and checked "
        "before anything is stored, so a bad file leaves the study unchanged. With --json, "
        "one file prints an object, several print a list.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="transcript files")
    cli.any_text(p.add_argument("--title", help="the document's title (only with one FILE)"))
    p.set_defaults(handler=run_import, creates_study=True)

    p = sub.add_parser("show", parents=[common], help="print a transcript turn by turn")
    p.add_argument("document", metavar="DOC", help="document id, title or file name")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's turns")
    p.set_defaults(handler=run_show)


def run_import(args: argparse.Namespace) -> int:
    """Read and parse every file first, then store them one by one."""
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
        return 0
    for result in results:
        _print_result(result)
    return 0


def _print_result(r: ImportResult) -> None:
    if r.duplicate:
        print(f"{r.source_name}: already imported as document {r.document_id} "
              f"({r.title}); not imported again.")
        return
    print(f"Imported {r.source_name} as document {r.document_id}: {r.title}")
    print(f"  {r.format}, {r.encoding}; {plural(r.turn_count, 'turn')}, "
          f"{plural(len(r.speakers), 'speaker')}, {plural(r.section_count, 'section')}, "
          f"{plural(r.headline_count, 'headline')}")
    for s in r.speakers:
        role = f" — {s.role}" if s.role else ""
        mod = " (moderator)" if s.is_moderator else ""
        print(f"  {s.name}{role}{mod}: {plural(s.turn_count, 'turn')}")


def run_show(args: argparse.Namespace) -> int:
    """Print the transcript with sections as headers and each turn under its speaker."""
    db = cli.open_for(args)
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
