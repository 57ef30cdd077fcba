"""`yandu speakers DOC`: list a document's speakers, or fix one of them."""

from __future__ import annotations

import argparse

from desktop import cli
from desktop.cli.importing import plural
from desktop.core import library, speakers
from desktop.core.commands import History


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the `speakers` command."""
    p = sub.add_parser(
        "speakers", parents=[common], help="list or edit a document's speakers",
        description="List a document's speakers (turns, role, colour, moderator), or change "
        "one: at most one change per run.",
    )
    p.add_argument("document", metavar="DOC", help="document id, title or file name")
    change = p.add_mutually_exclusive_group()
    change.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help="rename a speaker")
    change.add_argument("--merge", nargs=2, metavar=("FROM", "INTO"),
                        help="give FROM's turns to INTO and drop FROM")
    change.add_argument("--role", nargs=2, metavar=("NAME", "ROLE"),
                        help="set a speaker's role ('' clears it)")
    change.add_argument("--colour", "--color", nargs=2, metavar=("NAME", "#RRGGBB"),
                        help="set a speaker's colour")
    change.add_argument("--moderator", metavar="NAME",
                        help="make NAME the moderator (the only one); sections follow")
    change.add_argument("--unset-moderator", metavar="NAME",
                        help="NAME is not a moderator; sections follow")
    change.add_argument("--narration", metavar="NAME",
                        help="NAME is not a speaker: their turns become narration")
    p.set_defaults(handler=run_speakers)


def _command(doc_id: int, args: argparse.Namespace) -> speakers.SpeakerEdit | None:
    if args.rename:
        return speakers.RenameSpeaker(doc_id, *args.rename)
    if args.merge:
        return speakers.MergeSpeakers(doc_id, *args.merge)
    if args.role:
        return speakers.SetRole(doc_id, *args.role)
    if args.colour:
        return speakers.SetColour(doc_id, *args.colour)
    if args.moderator:
        return speakers.SetModerator(doc_id, args.moderator, on=True, exclusive=True)
    if args.unset_moderator:
        return speakers.SetModerator(doc_id, args.unset_moderator, on=False)
    if args.narration:
        return speakers.MakeNarration(doc_id, args.narration)
    return None


def run_speakers(args: argparse.Namespace) -> int:
    """Apply the requested change (if any), then list the speakers."""
    db = cli.open_for(args)
    doc = library.find_document(db, args.document)
    command = _command(doc.id, args)
    if command is not None:
        History(db).run(command)
    found = library.speakers(db, doc.id)
    sections = library.sections(db, doc.id)
    if args.json:
        cli.print_json({
            "document_id": doc.id,
            "speakers": [
                {"id": s.id, "name": s.name, "role": s.role, "colour": s.colour,
                 "is_moderator": s.is_moderator, "turn_count": s.turn_count}
                for s in found
            ],
            "section_count": len(sections),
        })
        return 0
    if command is not None:
        print(f"{command.text}: done.")
    if not found:
        print(f"{doc.title} has no speakers (all narration).")
    for s in found:
        role = f" — {s.role}" if s.role else ""
        mod = " (moderator)" if s.is_moderator else ""
        print(f"{s.name}{role}{mod}: {plural(s.turn_count, 'turn')}, {s.colour}")
    print(plural(len(sections), "section"))
    return 0
