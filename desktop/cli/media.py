"""`yandu media attach|detach|show|find DOC`: a document's recording."""

from __future__ import annotations

import argparse

from desktop import cli
from desktop.core import library, media
from desktop.core.citations import clock
from desktop.core.errors import YanduError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the `media` command and its actions."""
    p = sub.add_parser(
        "media", parents=[common], help="attach a recording to a document, or detach it",
        description="A document's recording (audio or video: "
        + ", ".join(s.lstrip(".") for s in media.SUPPORTED) + "). The study keeps its "
        "path (relative to the study's folder when it lies there), size, duration and "
        "SHA-256; `find` tells it where a moved file is now.")
    actions = p.add_subparsers(dest="media_action", metavar="ACTION", required=True)
    a = actions.add_parser("attach", parents=[common], help="attach FILE to DOC")
    a.add_argument("document", metavar="DOC", help="document id, title or file name")
    a.add_argument("file", metavar="FILE", help="the recording")
    a.set_defaults(handler=run_attach)
    d = actions.add_parser("detach", parents=[common], help="forget DOC's recording")
    d.add_argument("document", metavar="DOC")
    d.set_defaults(handler=run_detach)
    s = actions.add_parser("show", parents=[common], help="DOC's recording, and where it is")
    s.add_argument("document", metavar="DOC")
    s.set_defaults(handler=run_show)
    f = actions.add_parser("find", parents=[common],
                           help="the moved recording of DOC is now FILE")
    f.add_argument("document", metavar="DOC")
    f.add_argument("file", metavar="FILE")
    f.set_defaults(handler=run_find)


def _describe(rec: media.Recording) -> str:
    length = f", {clock(rec.duration_ms)}" if rec.duration_ms else ""
    return f"{rec.path} ({rec.kind}, {rec.size:,} bytes{length})"


def _report(args: argparse.Namespace, db, rec: media.Recording | None, said: str) -> int:
    if args.json:
        found = media.locate(db, rec) if rec is not None else None
        cli.print_json(None if rec is None else {**rec.as_dict(),
                                                  "found_at": str(found) if found else None})
    else:
        print(said)
    return 0


def run_attach(args: argparse.Namespace) -> int:
    facts = media.probe(args.file)  # a bad file is refused before the study is opened
    db = cli.open_for(args)
    doc = library.find_document(db, args.document)
    rec = media.attach(db, doc.id, facts.path, facts)
    return _report(args, db, rec, f"Attached {_describe(rec)} to document {doc.id}: "
                                  f"{doc.title}")


def run_detach(args: argparse.Namespace) -> int:
    db = cli.open_for(args)
    doc = library.find_document(db, args.document)
    old = media.detach(db, doc.id)
    if old is None:
        raise YanduError(f"Document {doc.id} ({doc.title}) has no recording.")
    return _report(args, db, None, f"Detached {old.path} from document {doc.id}; the file "
                                   "itself is untouched.")


def run_show(args: argparse.Namespace) -> int:
    db = cli.open_for(args)
    doc = library.find_document(db, args.document)
    rec = media.recording(db, doc.id)
    if rec is None:
        if args.json:
            cli.print_json(None)
            return 0
        raise YanduError(f"Document {doc.id} ({doc.title}) has no recording.")
    found = media.locate(db, rec)
    where = f"found at {found}" if found else ("missing: yandu media find DOC FILE "
                                               "says where it is now")
    return _report(args, db, rec, f"{_describe(rec)}; {where}")


def run_find(args: argparse.Namespace) -> int:
    db = cli.open_for(args)
    doc = library.find_document(db, args.document)
    rec = media.relocate(db, doc.id, args.file)
    return _report(args, db, rec, f"Document {doc.id}'s recording is now {rec.path}")
