"""`yandu list`: the documents in a study."""

from __future__ import annotations

import argparse

from desktop import cli
from desktop.core import library


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the document commands."""
    p = sub.add_parser("list", parents=[common], help="list the documents in the study")
    p.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace) -> int:
    db = cli.open_for(args)
    docs = library.list_documents(db)
    if args.json:
        cli.print_json([d.as_dict() for d in docs])
        return 0
    if not docs:
        print("The study has no documents yet. Add one with: yandu import FILE")
    for d in docs:
        print(f"{d.id:>4}  {d.title}  ({d.turn_count} turns, {d.speaker_count} speakers, "
              f"{d.encoding})")
    return 0
