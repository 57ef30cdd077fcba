"""`yandu turns DOC`: list a document's turns, or fix them: give, split, join, headings.

Turns are named by their number in the document (as `yandu show` and the window number
them); each change is one step, as in the window, and prints what it did.
"""

from __future__ import annotations

import argparse
import unicodedata

from desktop import cli
from desktop.cli.importing import plural
from desktop.core import library, turn_edits
from desktop.core.commands import History
from desktop.core.errors import YanduError
from desktop.core.turn_edits import NARRATION, Target


def _inner_common() -> argparse.ArgumentParser:
    """--db and --json again after the change's name, without overwriting values given
    before it."""
    inner = argparse.ArgumentParser(add_help=False)
    inner.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="the study file")
    inner.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="print machine-readable JSON")
    return inner


def _who(p: argparse.ArgumentParser, *, optional: bool) -> None:
    """The options that say who speaks: a speaker of the document, a new one, narration."""
    group = p.add_mutually_exclusive_group()
    if optional:
        group.add_argument("--to", metavar="SPEAKER",
                           help="a speaker of the document (name or id)")
    else:
        p.add_argument("speaker", metavar="SPEAKER", nargs="?",
                       help="a speaker of the document (name or id)")
    cli.any_text(group.add_argument("--new", metavar="NAME",
                                    help="a new speaker of this name (the next colour)"))
    group.add_argument("--narration", action="store_true", help="narration: no speaker")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the `turns` command and its changes."""
    top = sub.add_parser(
        "turns", parents=[common], help="list or fix a document's turns",
        description="List a document's turns (number, speaker, section, first words), or "
        "fix one: give turns to another speaker, split a turn, join turns, make a turn a "
        "section heading or remove a section. Each change is one step and can be undone in "
        "the window's history only while it is open; annotations stay on their text.",
    )
    top.add_argument("document", metavar="DOC", help="document id, title or file name")
    top.set_defaults(handler=run_turns, change=None)
    inner = _inner_common()
    changes = top.add_subparsers(dest="change", metavar="CHANGE")

    p = changes.add_parser("give", parents=[inner], help="give turns to another speaker",
                           description="Give turns to a speaker of the document, to a new "
                           "speaker (--new) or to narration (--narration).")
    p.add_argument("turns", metavar="TURNS", help="turn numbers: 7, 3-6 or 3,5,8")
    _who(p, optional=False)

    p = changes.add_parser("split", parents=[inner], help="split a turn in two",
                           description="Split a turn where its speech has OFFSET (a "
                           "document offset, as `yandu show --json` gives text_start), or "
                           "before or after a piece of its text. The second part is a new "
                           "turn right after it, by the same speaker unless told otherwise.")
    p.add_argument("turn", metavar="TURN", type=int, help="the turn's number")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("offset", metavar="OFFSET", type=int, nargs="?",
                       help="the document offset to split at")
    cli.any_text(where.add_argument("--before", metavar="TEXT",
                                    help="split where TEXT begins (its first place in the turn)"))
    cli.any_text(where.add_argument("--after", metavar="TEXT",
                                    help="split where TEXT ends (its first place in the turn)"))
    _who(p, optional=True)

    p = changes.add_parser("join", parents=[inner], help="join a turn with the next one",
                           description="Join a turn with the next one (or a run of turns, "
                           "3-6) into one turn, spoken by the first turn's speaker; the "
                           "later turns' label lines become part of its text.")
    p.add_argument("turns", metavar="TURN", help="the turn's number, or a run: 3-6")

    p = changes.add_parser("heading", parents=[inner], help="make a turn a section heading",
                           description="Make a turn open a new section (the turn stays), "
                           "titled with its first line unless --title is given.")
    p.add_argument("turn", metavar="TURN", type=int, help="the turn's number")
    cli.any_text(p.add_argument("--title", help="the section's title"))

    p = changes.add_parser("remove-section", parents=[inner], help="remove a section",
                           description="Remove a section: its turns join the section before "
                           "it. The turns themselves stay.")
    p.add_argument("section", metavar="SECTION", type=int,
                   help="the section's number, as `yandu turns DOC` lists them")


def _target(args: argparse.Namespace, speaker: str | None) -> Target | None:
    if args.narration:
        return NARRATION
    if args.new is not None:
        return Target(args.new, create=True)
    return None if speaker is None else Target(speaker)


def _split_offset(db, doc_id: int, args: argparse.Namespace) -> int:
    if args.offset is not None:
        return args.offset
    number = args.turn
    turns = library.turns(db, doc_id)
    if not 1 <= number <= len(turns):
        raise YanduError(f"No turn {number}: the document has turns 1–{len(turns)}.")
    turn = turns[number - 1]
    piece = args.before if args.before is not None else args.after
    found = turn.text.find(piece) if piece else -1
    if found < 0:
        raise YanduError(f"{piece!r} is not in the speech of turn {number}.")
    return turn.text_start + found + (len(piece) if args.after is not None else 0)


def _command(db, doc_id: int, args: argparse.Namespace) -> turn_edits.TurnEdit:
    if args.change == "give":
        target = _target(args, args.speaker)
        if target is None:
            raise YanduError("Give the turns to whom? Name a speaker, or use --new NAME or "
                             "--narration.")
        if args.speaker is not None and (args.new is not None or args.narration):
            raise YanduError("Name one speaker: SPEAKER, --new NAME or --narration.")
        return turn_edits.GiveTurns(doc_id, turn_edits.parse_numbers(args.turns), target)
    if args.change == "split":
        return turn_edits.SplitTurn(doc_id, args.turn, _split_offset(db, doc_id, args),
                                    to=_target(args, args.to))
    if args.change == "join":
        numbers = turn_edits.parse_numbers(args.turns)
        if list(numbers) != list(range(numbers[0], numbers[0] + len(numbers))):
            raise YanduError("Join a turn (7) or a run of turns (7-9), not turns apart.")
        return turn_edits.JoinTurns(doc_id, numbers[0],
                                    numbers[-1] if len(numbers) > 1 else None)
    if args.change == "heading":
        return turn_edits.MakeHeading(doc_id, args.turn, title=args.title or "")
    return turn_edits.RemoveSection(doc_id, args.section)


def run_turns(args: argparse.Namespace) -> int:
    """Make the requested change (if any), then list the turns (or say what was done)."""
    db = cli.open_for(args)
    doc = library.find_document(db, args.document)
    command = None
    if args.change is not None:
        command = _command(db, doc.id, args)
        History(db).run(command)
    speakers = {s.id: s.name for s in library.speakers(db, doc.id)}
    sections = library.sections(db, doc.id)
    numbers = {s.id: s.position + 1 for s in sections}
    turns = library.turns(db, doc.id)
    if args.json:
        cli.print_json({
            "document_id": doc.id,
            "done": command.done if command is not None else "",
            "sections": [{"number": s.position + 1, "title": s.title,
                          "first_turn": next((t.number for t in turns
                                              if t.section_id == s.id), None)}
                         for s in sections],
            "turns": [{"turn_number": t.number, "id": t.id,
                       "speaker": speakers.get(t.speaker_id), "section": numbers.get(t.section_id),
                       "start": t.start, "end": t.end, "text_start": t.text_start,
                       "text_end": t.text_end, "text": t.text} for t in turns],
        })
        return 0
    if command is not None:
        print(command.done)
        return 0
    names = [*speakers.values(), "(narration)"]
    width = max(_columns(name) for name in names)
    for t in turns:
        name = speakers.get(t.speaker_id, "(narration)")
        section = f"§{numbers[t.section_id]}" if t.section_id in numbers else ""
        print(f"{t.number:>5}  {section:<4} {name}{' ' * (width - _columns(name))}  "
              f"{_first_words(t.text)}")
    print(f"{plural(len(turns), 'turn')}, {plural(len(sections), 'section')}")
    return 0


def _columns(text: str) -> int:
    """How many columns a terminal gives `text` (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _first_words(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
