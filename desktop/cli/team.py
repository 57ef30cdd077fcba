"""`yandu team create|join|conflicts|settle` and `yandu sync`: a team on one study.

A team shares a folder (Syncthing, a cloud drive, a network drive, a git repository);
each member has a copy of the study of its own, and `yandu sync` sends the member's
changes to the folder and applies the others' (see `desktop.core.team`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop import cli
from desktop.core.errors import YanduError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `team` (create, join, conflicts, settle) and `sync`."""
    p = sub.add_parser("sync", parents=[common], help="send this copy's changes to the "
                       "team's folder and apply the others'",
                       description="Send the changes made on this copy of a team's study "
                       "since its last sync, as a numbered file in the member's subfolder of "
                       "the team's folder, and apply the files the other members wrote.")
    p.set_defaults(handler=run_sync)
    team = sub.add_parser("team", parents=[common], help="make, join or list a team's "
                          "conflicts", description="A team keeps one study in step "
                          "through a shared folder, each member on a copy of its own.")
    steps = team.add_subparsers(dest="team_command", metavar="STEP", required=True)
    p = steps.add_parser("create", parents=[common], help="make this study a team's",
                         description="Make the study (--db) a team's: FOLDER (a synced "
                         "folder) gets the study as it is now, for members to join from, and "
                         "a subfolder for NAME's changes.")
    p.add_argument("folder", metavar="FOLDER", help="the team's shared folder")
    cli.any_text(p.add_argument("--user", metavar="NAME", required=True,
                                help="your name in the team"))
    p.set_defaults(handler=run_create)
    p = steps.add_parser("join", parents=[common], help="make your copy of a team's study",
                         description="Make a copy of the team's study in FOLDER at --db "
                         "(a new file), as member NAME, and bring it up to date.")
    p.add_argument("folder", metavar="FOLDER", help="the team's shared folder")
    cli.any_text(p.add_argument("--user", metavar="NAME", required=True,
                                help="your name in the team"))
    p.set_defaults(handler=run_join)
    p = steps.add_parser("conflicts", parents=[common], help="list the conflicts not "
                         "settled", description="List the changes that lost to another "
                         "member's (the later change is kept on every copy).")
    p.add_argument("--all", action="store_true", help="settled ones too")
    p.set_defaults(handler=run_conflicts)
    p = steps.add_parser("settle", parents=[common], help="settle a conflict",
                         description="Settle a conflict: keep what the study holds, or put "
                         "back the side that lost (sent at the next sync).")
    p.add_argument("conflict", metavar="ID", type=int, help="the conflict's number")
    p.add_argument("--keep", choices=("kept", "lost"), required=True,
                   help="kept: what the study holds; lost: the side that lost")
    p.set_defaults(handler=run_settle)


def run_sync(args: argparse.Namespace) -> int:
    from desktop.core.team import engine

    path, _ = cli.study_path_for(args)
    report = engine.sync(path)
    if args.json:
        cli.print_json(report.to_dict())
    else:
        print(f"Synced: {report.summary()}.")
    return 0


def run_create(args: argparse.Namespace) -> int:
    from desktop.core.team import engine

    db = cli.open_for(args)
    info = engine.create(db, Path(args.folder), args.user)
    if args.json:
        cli.print_json({"user": info.user, "folder": str(info.folder), "team": info.team_id})
    else:
        print(f"This study is now a team's, in {info.folder}; you are {info.user}. "
              "Others join with: yandu team join FOLDER --user NAME --db NEW.sqlite")
    return 0


def run_join(args: argparse.Namespace) -> int:
    from desktop.core.team import engine

    if args.db is None:
        raise YanduError("Give the new file for your copy: --db NEW.sqlite.")
    path = Path(args.db).expanduser()
    report = engine.join(Path(args.folder), args.user, path)
    if args.json:
        cli.print_json({"study": str(path), **report.to_dict()})
    else:
        print(f"Joined as {args.user}: your copy is {path} ({report.summary()}).")
    return 0


def run_conflicts(args: argparse.Namespace) -> int:
    from desktop.core.team import conflicts, engine

    db = cli.open_for(args)
    if engine.team_info(db) is None:
        raise YanduError("This study is not a team's.")
    found = conflicts.open_conflicts(db, include_resolved=args.all)
    if args.json:
        cli.print_json([c.to_dict() for c in found])
        return 0
    if not found:
        print("No conflicts.")
    for c in found:
        print(f"{c.id}. {c.describe()} — kept {c.kept_by or 'the study'} ({c.kept_at}), "
              f"lost {c.lost_by or 'the study'} ({c.lost_at})")
        for name, value in c.lost.items():
            if name in c.kept or c.kind != "edit":
                print(f"     {name}: kept {c.kept.get(name)!r}, lost {value!r}")
    return 0


def run_settle(args: argparse.Namespace) -> int:
    from desktop.core.commands import History
    from desktop.core.team import conflicts

    db = cli.open_for(args)
    conflict = conflicts.get(db, args.conflict)
    History(db).run(conflicts.SettleConflict(conflict, keep_lost=args.keep == "lost"))
    print(f"Conflict {conflict.id} settled: "
          f"{'the side that lost is back' if args.keep == 'lost' else 'kept as it is'}.")
    return 0
