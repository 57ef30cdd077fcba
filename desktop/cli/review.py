"""`yandu cards` lists the review deck; `yandu review` runs a review at a plain prompt.

The review reads its answers line by line from standard input, so a script can drive it:
Enter shows the answer, 1–4 grades (1 again, 2 hard, 3 good, 4 easy; a grade typed
before the answer is shown counts too), `q` or the end of input stops.
"""

from __future__ import annotations

import argparse
import sys

from desktop import cli
from desktop.cli import any_text
from desktop.core import documents, library
from desktop.core.errors import YanduError

GRADE_NAMES = {1: "again", 2: "hard", 3: "good", 4: "easy"}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `cards` and `review`."""
    p = sub.add_parser("cards", parents=[common], help="list the review deck",
                       description="List the review cards the study makes (glossary terms "
                       "both ways, annotations, who said which headline answer), with when "
                       "each is due.")
    p.add_argument("--due", action="store_true", help="only the cards due now")
    _choosing(p)
    p.set_defaults(handler=run_cards)
    p = sub.add_parser("review", parents=[common], help="review the due cards at a prompt",
                       description="Review the cards due now: each is shown, Enter shows its "
                       "answer, 1-4 grades it (1 again, 2 hard, 3 good, 4 easy), q stops. "
                       "Answers are read line by line from standard input.")
    p.add_argument("--limit", metavar="N", type=int, default=0,
                   help="review at most N cards (default: every due card)")
    _choosing(p)
    p.set_defaults(handler=run_review)


def _choosing(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", metavar="DOC", action="append", default=[],
                   help="only cards of this document (repeatable)")
    any_text(p.add_argument("--collection", metavar="NAME", action="append", default=[],
                            help="only cards of this collection's documents (repeatable)"))
    any_text(p.add_argument("--tag", metavar="TAG", action="append", default=[],
                            help="annotation cards with this tag (repeatable)"))
    any_text(p.add_argument("--category", metavar="NAME", action="append", default=[],
                            help="term cards of this category (repeatable)"))
    p.add_argument("--kind", action="append", default=[],
                   choices=("term", "term_reverse", "cloze", "note", "who"),
                   help="only cards of this kind (repeatable)")


def _selection(db, args: argparse.Namespace):
    from desktop.core.review.deck import Selection

    chosen = {library.find_document(db, d).id for d in args.doc}
    for name in args.collection:
        members = documents.catalogue(db, collection=name)
        if not members:
            known = ", ".join(documents.collections(db)) or "none yet"
            raise YanduError(f"No collection {name!r} (collections: {known}).")
        chosen |= {entry.info.id for entry in members}
    return Selection(
        document_ids=frozenset(chosen),
        tags=frozenset(t.strip() for t in args.tag if t.strip()),
        categories=frozenset(c.strip() for c in args.category if c.strip()),
        kinds=frozenset(args.kind))


def _one_line(text: str, width: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def run_cards(args: argparse.Namespace) -> int:
    from desktop.core.review import deck

    db = cli.open_for(args)
    deck.sync(db)
    selection = _selection(db, args)
    cards = deck.due_cards(db, selection) if args.due else deck.chosen(db, selection)
    if args.json:
        cli.print_json([c.as_dict() for c in cards])
        return 0
    if not cards:
        print("No cards are due." if args.due else
              "No cards: add glossary terms or annotations, or import a transcript.")
    for card in cards:
        print(f"{card.due[:16].replace('T', ' ')}  {card.content.kind:<12}  "
              f"{_one_line(card.content.front)}")
    return 0


def _ask(prompt: str) -> str | None:
    """One line of input (None at its end)."""
    sys.stdout.write(prompt)
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line or not sys.stdin.isatty():
        sys.stdout.write("\n")  # what a script typed is not echoed
    return line.strip().lower() if line else None


def _grade(answer: str) -> int | None:
    return int(answer) if answer in ("1", "2", "3", "4") else None


def run_review(args: argparse.Namespace) -> int:
    from desktop.core.review import deck, schedule

    if args.limit < 0:
        raise YanduError("--limit must be 0 (every due card) or more.")
    db = cli.open_for(args)
    deck.sync(db)
    due = deck.due_cards(db, _selection(db, args))
    if args.limit:
        due = due[: args.limit]
    if not due:
        print("No cards are due.")
        return 0
    done = 0
    for number, card in enumerate(due, start=1):
        content = card.content
        print(f"\n[{number}/{len(due)}] {content.front}")
        for index, choice in enumerate(content.choices, start=1):
            print(f"  {chr(ord('a') + index - 1)}) {choice}")
        letters = "abcdefghijklmnopqrstuvwxyz"[: len(content.choices)]
        answer = _ask("Choose a letter, or Enter shows the answer (q stops): " if letters
                      else "Enter shows the answer (q stops): ")
        if answer is None or answer == "q":
            break
        grade = _grade(answer)
        if letters and len(answer) == 1 and answer in letters:
            chosen = content.choices[letters.index(answer)]
            print("Right." if chosen == content.detail.get("answer") else "Not quite.")
        print(f"— {content.back}")
        while grade is None:
            answer = _ask("Grade 1 again, 2 hard, 3 good, 4 easy (q stops): ")
            if answer is None or answer == "q":
                print(f"Reviewed {done} of {len(due)} cards.")
                return 0
            grade = _grade(answer)
        after = schedule.grade(db, card.id, grade)
        done += 1
        print(f"{GRADE_NAMES[grade]}: next {after.due[:16].replace('T', ' ')} UTC")
    print(f"Reviewed {done} of {len(due)} cards.")
    return 0
