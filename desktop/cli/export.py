"""`yandu export`, `yandu annotate` and `yandu import-annotations`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db import open_study
from desktop import cli
from desktop.core import library
from desktop.core.annotations import clean_tags
from desktop.core.errors import YanduError
from desktop.core.export import FORMATS, LANGUAGES, ExportOptions, default_filename, export
from desktop.core.export.webannotation_import import import_webannotation
from desktop.core.scripted_annotations import annotate


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the export and annotation commands."""
    p = sub.add_parser("export", parents=[common], help="export notes (Markdown, HTML, CSV, "
                       "REFI-QDA, Web Annotation) or the glossary (Anki)")
    p.add_argument("--doc", action="append", metavar="DOC",
                   help="a document (id or title); repeat for several; default: whole study")
    p.add_argument("--format", "-f", required=True, choices=list(FORMATS),
                   help="the output format")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="the file to write (or a folder for a name made from the title)")
    p.add_argument("--speaker", action="append", default=[], metavar="NAME",
                   help="only annotations (and turns) of this speaker; repeatable")
    cli.any_text(p.add_argument("--tag", action="append", default=[], metavar="TAG",
                                help="only annotations with this tag; repeatable"))
    p.add_argument("--with-transcript", action="store_true",
                   help="include the full transcript (Markdown and HTML)")
    p.add_argument("--no-glossary", action="store_true",
                   help="leave out the glossary appendix (Markdown and HTML)")
    cli.any_text(p.add_argument("--title", default="", help="the title of the export"))
    p.add_argument("--language", choices=list(LANGUAGES), default="en",
                   help="the language of the labels around the notes (default: en)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing file at the default name")
    p.set_defaults(handler=run_export)

    p = sub.add_parser("annotate", parents=[common],
                       help="annotate a passage of a document from the command line")
    p.add_argument("doc", metavar="DOC", help="the document (id or title)")
    cli.any_text(p.add_argument("--quote",
                                help="the passage to annotate, as it appears in the text"))
    p.add_argument("--occurrence", type=int, default=1, metavar="N",
                   help="annotate the Nth occurrence of the quote (default 1)")
    p.add_argument("--start", type=int, help="start offset (code points)")
    p.add_argument("--end", type=int, help="end offset (code points, exclusive)")
    cli.any_text(p.add_argument("--note", default="", metavar="MARKDOWN",
                                help="the note, in Markdown"))
    cli.any_text(p.add_argument("--tag", action="append", default=[], metavar="TAG",
                                help="a tag; repeatable"))
    p.add_argument("--color", "--colour", dest="colour", metavar="COLOR",
                   help="#rrggbb or yellow, green, blue, red, purple, orange, teal, brown")
    cli.any_text(p.add_argument("--author", default="", help="who wrote the note"))
    p.set_defaults(handler=run_annotate)

    p = sub.add_parser("import-annotations", parents=[common],
                       help="merge a W3C Web Annotation JSON file into the study")
    p.add_argument("file", metavar="FILE", help="the .jsonld / .json file")
    p.add_argument("--doc", metavar="DOC",
                   help="attach every annotation to this document instead of matching by "
                        "source")
    p.set_defaults(handler=run_import_annotations)


def _open(args: argparse.Namespace):
    # Exporting or annotating never makes sense on a new, empty study: a mistyped --db
    # must say so rather than leave an empty file behind.
    return open_study(args.db, create=False)


def _output_path(args: argparse.Namespace, db, options: ExportOptions) -> Path:
    name = default_filename(db, options, args.format)
    if args.output is None:
        out = Path.cwd() / name
    else:
        out = Path(args.output).expanduser()
        if out.is_dir():
            out = out / name
        else:
            return out  # a file the user named: theirs to replace
    if out.exists() and not args.force:
        raise YanduError(f"{out} already exists; use -o FILE to choose a name or --force.")
    return out


def run_export(args: argparse.Namespace) -> int:
    """Write one export file."""
    db = _open(args)
    ids = None
    if args.doc:
        ids = tuple(library.find_document(db, ref).id for ref in args.doc)
    options = ExportOptions(
        # Tags read as the annotate command reads them: `--tag 相声、郭德纲` is two.
        document_ids=ids, speakers=tuple(args.speaker), tags=clean_tags(args.tag),
        with_transcript=args.with_transcript, with_glossary=not args.no_glossary,
        title=args.title, language=args.language,
    )
    out = _output_path(args, db, options)
    written = export(db, args.format, options, out)
    if args.json:
        cli.print_json({"format": args.format, "path": str(written)})
    else:
        print(f"Wrote {written}")
    return 0


def run_annotate(args: argparse.Namespace) -> int:
    """Create one annotation and print its id."""
    db = _open(args)
    doc = library.find_document(db, args.doc)
    ann = annotate(db, doc.id, quote=args.quote, occurrence=args.occurrence, start=args.start,
                   end=args.end, note=args.note, tags=args.tag, colour=args.colour,
                   author=args.author)
    if args.json:
        cli.print_json({"id": ann.id, "document_id": ann.document_id, "start": ann.start,
                        "end": ann.end, "quote": ann.quote, "tags": list(ann.tags),
                        "colour": ann.colour})
    else:
        print(f"{ann.id}  {ann.start}–{ann.end}  {ann.quote}")
    return 0


def run_import_annotations(args: argparse.Namespace) -> int:
    """Merge a Web Annotation file; say what was added, updated or left out."""
    db = _open(args)
    doc_id = library.find_document(db, args.doc).id if args.doc else None
    report = import_webannotation(db, Path(args.file).expanduser(), document_id=doc_id)
    if args.json:
        cli.print_json({"added": report.added, "updated": report.updated,
                        "unchanged": report.unchanged, "unanchored": report.unanchored,
                        "unknown_document": report.unknown_document})
    else:
        print(report.summary())
    if report.unanchored or report.unknown_document:
        print("yandu: some annotations could not be placed; see the counts above.",
              file=sys.stderr)
    return 0
