"""`yandu list` and `yandu documents rename|delete|reimport|set|move`: the study's documents."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop import cli
from desktop.cli.importing import plural
from desktop.core import documents, glossary, library
from desktop.core.commands import History
from desktop.core.errors import YanduError

EXIT_DECLINED = 1  # the user answered no: nothing was done


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the document commands."""
    p = sub.add_parser("list", parents=[common], help="list the documents in the study",
                       description="List the documents in the library's order: grouped by "
                       "collection, each with its date and collection when it has them.")
    cli.any_text(p.add_argument("--collection", metavar="NAME",
                                help="only the documents of this collection"))
    p.set_defaults(handler=run_list)

    p = sub.add_parser(
        "documents", parents=[common], help="rename, delete, re-import or describe a document",
        description="Change a document of the study. DOC is its id, title or file name "
        "(see `yandu list`).")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = actions.add_parser("rename", parents=[common], help="give a document another title")
    a.add_argument("document", metavar="DOC", help="document id, title or file name")
    a.add_argument("title", metavar="TITLE", help="the new title")
    a.set_defaults(handler=run_rename)

    a = actions.add_parser(
        "delete", parents=[common], help="delete a document and its annotations",
        description="Delete a document with its speakers, turns and annotations. Asks first "
        "(unless --yes, or when not run from a terminal). Before a document with annotations "
        "is deleted, a copy of the study is written beside it "
        "(study.sqlite.before-delete-document-N-TIME.bak).")
    a.add_argument("document", metavar="DOC", help="document id, title or file name")
    a.add_argument("-y", "--yes", action="store_true", help="do not ask")
    a.set_defaults(handler=run_delete)

    a = actions.add_parser(
        "reimport", parents=[common], help="import a changed file as a new version",
        description="Import FILE as a new version of DOC: it takes DOC's title, attributes, "
        "collection and place, and each annotation of DOC whose quoted text is found in the "
        "new text (exactly, else but for whitespace; the occurrence nearest its old place) "
        "is carried over; those that are not are listed. DOC stays, “(old)” put before its "
        "title, unless --replace. A FILE identical to a document of the study is refused.")
    a.add_argument("document", metavar="DOC", help="document id, title or file name")
    a.add_argument("file", metavar="FILE", help="the changed transcript")
    a.add_argument("--replace", action="store_true",
                   help="delete DOC once its annotations are carried over (after a backup "
                   "when it has annotations); carried annotations keep their ids")
    a.set_defaults(handler=run_reimport)

    a = actions.add_parser(
        "set", parents=[common], help="set a document's date, event, source, language, "
        "collection", description="Set a document's attributes ('' clears one); with none "
        "given, print them.")
    a.add_argument("document", metavar="DOC", help="document id, title or file name")
    a.add_argument("--date", metavar="YYYY-MM-DD", help="when it was said or held")
    for name, meaning in (("event", "the event (a forum, a hearing)"),
                          ("source", "where it was published: a URL or a citation"),
                          ("language", "its language (zh, en, …)"),
                          ("collection", "the collection it belongs to (one at most)")):
        cli.any_text(a.add_argument(f"--{name}", metavar="TEXT", help=meaning))
    a.set_defaults(handler=run_set)

    a = actions.add_parser("move", parents=[common],
                           help="move a document up or down in the library's order")
    a.add_argument("document", metavar="DOC", help="document id, title or file name")
    a.add_argument("direction", choices=("up", "down"))
    a.set_defaults(handler=run_move)


def run_list(args: argparse.Namespace) -> int:
    db = cli.open_for_reading(args)
    entries = documents.catalogue(db, collection=args.collection)
    if args.collection is not None and not entries and args.collection.strip():
        known = ", ".join(documents.collections(db)) or "none yet"
        raise YanduError(f"No collection {args.collection!r} (collections: {known}).")
    if args.json:
        cli.print_json([e.as_dict() for e in entries])
        return 0
    if not entries:
        print("The study has no documents yet. Add one with: yandu import FILE")
    for e in entries:
        d, extra = e.info, ""
        if e.attributes.date:
            extra += f"  {e.attributes.date}"
        if e.attributes.collection:
            extra += f"  [{e.attributes.collection}]"
        print(f"{d.id:>4}  {d.title}  ({d.turn_count} turns, {d.speaker_count} speakers, "
              f"{d.encoding}){extra}")
    return 0


def run_rename(args: argparse.Namespace) -> int:
    db = cli.open_for(args)
    doc = library.find_document(db, args.document)
    command = documents.RenameDocument(doc.id, args.title)
    History(db).run(command)
    if args.json:
        cli.print_json({"id": doc.id, "title": command.title, "old_title": doc.title})
    else:
        print(f"Renamed document {doc.id}: “{doc.title}” → “{command.title}”.")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    db = cli.open_for(args)
    doc = library.find_document(db, args.document)
    count = documents.annotation_count(db, doc.id)
    if not args.yes and sys.stdin is not None and sys.stdin.isatty():
        its = f" and its {plural(count, 'annotation')}" if count else ""
        try:
            answer = input(f"Delete “{doc.title}” (document {doc.id}){its}? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().casefold() not in ("y", "yes"):
            print("Nothing was deleted.")
            return EXIT_DECLINED
    command = documents.DeleteDocument(doc.id)
    History(db).run(command)
    rows = command.rows
    assert rows is not None
    backup = str(command.backup_path.resolve()) if command.backup_path else None
    if args.json:
        cli.print_json({"id": doc.id, "title": doc.title, "turns": rows.count("turns"),
                        "speakers": rows.count("speakers"),
                        "annotations": rows.count("annotations"), "backup": backup})
        return 0
    print(f"Deleted document {doc.id}, “{doc.title}”: {plural(rows.count('turns'), 'turn')}, "
          f"{plural(rows.count('speakers'), 'speaker')}, "
          f"{plural(rows.count('annotations'), 'annotation')}.")
    if backup:
        print(f"The study as it was before is kept in {backup}")
    return 0


def run_reimport(args: argparse.Namespace) -> int:
    from desktop.core.importing import read_source

    data = read_source(args.file)
    db = cli.open_for(args)
    doc = library.find_document(db, args.document)
    glossary.prepare(db)  # the new turns are indexed with the glossary's words
    command = documents.ReimportDocument(doc.id, data, Path(args.file).name,
                                         replace=args.replace)
    History(db).run(command)
    result = command.result
    assert result is not None
    backup = str(command.backup_path.resolve()) if command.backup_path else None
    if args.json:
        cli.print_json({
            "document_id": result.document_id, "title": result.title,
            "old_document_id": doc.id, "old_title": None if args.replace else command.old_title,
            "replaced": args.replace,
            "carried": [{"old_id": old.id, "id": new.id, "start": new.start, "end": new.end,
                         "quote": new.quote} for old, new in command.carried],
            "not_carried": [{"id": a.id, "start": a.start, "end": a.end, "quote": a.quote,
                             "note": a.note, "tags": list(a.tags)} for a in command.left],
            "backup": backup, "import": result.as_dict(),
        })
        return 0
    if args.replace:
        print(f"Imported {result.source_name} as document {result.document_id}, "
              f"“{result.title}”, in place of document {doc.id} (deleted).")
    else:
        print(f"Imported {result.source_name} as document {result.document_id}, "
              f"“{result.title}”: the new version of document {doc.id}, now "
              f"“{command.old_title}”.")
    total = len(command.carried) + len(command.left)
    print(f"  {plural(result.turn_count, 'turn')}, {plural(len(result.speakers), 'speaker')}; "
          f"carried over {len(command.carried)} of {plural(total, 'annotation')}.")
    if command.left:
        print("Not carried over (their text is not in the new version):")
        for a in command.left:
            note = f" — {_one_line(a.note, 60)}" if a.note.strip() else ""
            print(f"  “{_one_line(a.quote, 40)}”{note}")
    if backup:
        print(f"The study as it was before is kept in {backup}")
    return 0


def run_set(args: argparse.Namespace) -> int:
    db = cli.open_for(args)
    doc = library.find_document(db, args.document)
    values = {name: getattr(args, name) for name in documents.ATTRIBUTES
              if getattr(args, name) is not None}
    if values:
        History(db).run(documents.SetAttributes(doc.id, values))
    attributes = documents.attributes_of(db, doc.id)
    if args.json:
        cli.print_json({"id": doc.id, "title": doc.title, **attributes.as_dict()})
        return 0
    print(f"{doc.id}  {doc.title}")
    for name, value in attributes.as_dict().items():
        print(f"  {name}: {value or '—'}")
    return 0


def run_move(args: argparse.Namespace) -> int:
    db = cli.open_for(args)
    doc = library.find_document(db, args.document)
    History(db).run(documents.MoveDocument(doc.id, -1 if args.direction == "up" else 1))
    args.collection = None
    return run_list(args)


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
