"""The `yandu` command line: one module per group of commands, each with `register()`.

Every command takes `--db PATH` (else YANDU_DB, else the default study); only commands that
add to a study make a named one that does not exist yet. Errors a user can cause end in one
line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from db.errors import StudyError
from db.peek import default_study_path
from desktop import __version__
from desktop.core.errors import YanduError

EXIT_USAGE = 2

# Modules that add subcommands; each has `register(subparsers, common)`.
_COMMAND_MODULES = (
    "desktop.cli.analysis",
    "desktop.cli.documents",
    "desktop.cli.export",
    "desktop.cli.glossary",
    "desktop.cli.importing",
    "desktop.cli.media",
    "desktop.cli.review",
    "desktop.cli.search",
    "desktop.cli.speakers",
    "desktop.cli.team",
    "desktop.cli.turns",
)


# The module of each command (the first word after the options), so that a command loads
# only its own module and what that imports: `yandu list` starts without the importer,
# the exporters or the segmenter. Any other word (or none) loads them all, for help and
# for the one-line answer to a word that is not a command.
_MODULE_OF = {
    "list": "desktop.cli.documents",
    "export": "desktop.cli.export",
    "annotate": "desktop.cli.export",
    "import-annotations": "desktop.cli.export",
    "glossary": "desktop.cli.glossary",
    "show": "desktop.cli.importing",
    "search": "desktop.cli.search",
    "speakers": "desktop.cli.speakers",
    "sync": "desktop.cli.team",
    "team": "desktop.cli.team",
    "turns": "desktop.cli.turns",
}


_only_module: str | None = None  # set by build_parser when it loads one command's module


def loads_all_commands() -> bool:
    """Whether the parser being built registers every command (not one command's module
    alone): a module may then skip work only its other commands need."""
    return _only_module is None


def _command_word(argv: Sequence[str]) -> str | None:
    """The command named in `argv` (the first word that is not an option or the value of
    --db), or None."""
    words = list(argv)
    i = 0
    while i < len(words):
        word = words[i]
        if word == "--db":
            i += 2
            continue
        if word.startswith("-"):
            if word in ("-h", "--help", "--version"):
                return None
            i += 1
            continue
        return word
    return None


class _NotACommand(Exception):
    """A word where a command was expected; the text is the one-line message."""


def any_text(action: argparse.Action) -> argparse.Action:
    """Mark an option whose value is free text (a note, a quote, a tag): its value may
    start with "-", as in `--note -3+4`."""
    action.any_text = True  # read by _Parser.parse_known_args
    return action


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that answers a word that is not a command in one line, and lets
    free-text options take values that start with "-"."""

    def parse_known_args(self, args: Sequence[str] | None = None,
                         namespace: argparse.Namespace | None = None):
        # argparse takes any word starting with "-" for an option unless it looks like a
        # negative number, so `--note -3+4` fails with "expected one argument" while
        # `--note=-3+4` works: join a free-text option to such a word. A word that is one
        # of this parser's own options stays an option (`--note --json` still says the
        # note is missing). Each subcommand's parser comes here with its own words.
        words = list(sys.argv[1:] if args is None else args)
        own = {s for a in self._actions for s in a.option_strings}
        text = {s for a in self._actions if getattr(a, "any_text", False)
                for s in a.option_strings}
        joined: list[str] = []
        i = 0
        while i < len(words):
            word = words[i]
            if word == "--":  # everything after it is positional already
                joined += words[i:]
                break
            after = words[i + 1] if i + 1 < len(words) else None
            if (word in text and after is not None and after.startswith("-")
                    and after != "--" and after not in own):
                joined.append(f"{word}={after}")
                i += 2
                continue
            joined.append(word)
            i += 1
        return super().parse_known_args(joined, namespace)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # argparse has no public hook for a bad command: it prints the usage and an
        # "invalid choice" list of every command. This is where it finds one.
        if isinstance(action, argparse._SubParsersAction) and value not in action.choices:
            raise _NotACommand(_not_a_command(self.prog, value, list(action.choices)))
        super()._check_value(action, value)


def _not_a_command(prog: str, word: str, commands: list[str]) -> str:
    """What to say when `word` is given where one of `commands` was expected."""
    group = prog.removeprefix("yandu").strip()
    what = f"a {group} command" if group else "a command"
    if not group and (Path(word).suffix or os.sep in word or Path(word).exists()):
        # Most likely a file the user wants to open or import.
        if Path(word).suffix.lower() == ".jsonld":
            return (f"{word!r} is not {what}; to merge its annotations: "
                    "yandu import-annotations FILE")
        if Path(word).suffix.lower() == ".json":  # a Whisper transcript or Web Annotations
            return (f"{word!r} is not {what}; to import a transcript: yandu import FILE; "
                    "to merge annotations: yandu import-annotations FILE")
        return f"{word!r} is not {what}; to import it: yandu import FILE"
    close = difflib.get_close_matches(word, commands, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{word!r} is not {what}{hint}; {prog} --help lists them."


def _common_parser(*, defaults: bool = True) -> argparse.ArgumentParser:
    """The options every command takes; `defaults=False` for the copy after a command.

    argparse copies a subcommand's defaults over what the top level already parsed, so
    the copy given to each subcommand sets nothing unless the option is typed there:
    `yandu --db S list` and `yandu list --db S` both mean S.
    """
    unset = {} if defaults else {"default": argparse.SUPPRESS}
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="the study file (default: $YANDU_DB or "
                        "the per-user study)", **unset)
    common.add_argument("--json", action="store_true", help="print machine-readable JSON",
                        **unset)
    return common


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser, with every registered command; given the words it will parse,
    with only the module of the command they name when they name one (see `_MODULE_OF`)."""
    import importlib

    parser = _Parser(
        prog="yandu",
        description="Yandu (研读): study and annotate transcripts. With no command, "
        "opens the window.",
        parents=[_common_parser()],
    )
    parser.add_argument("--version", action="version", version=f"yandu {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common_parser(defaults=False)
    global _only_module
    word = _command_word(argv) if argv is not None else None
    _only_module = _MODULE_OF.get(word) if word is not None else None
    modules = (_only_module,) if _only_module is not None else _COMMAND_MODULES
    for name in modules:
        importlib.import_module(name).register(sub, common)
    return parser


def study_path_for(args: argparse.Namespace) -> tuple[Path, bool]:
    """The study the arguments name, and whether it was named (--db or $YANDU_DB)."""
    if args.db is not None:
        return Path(args.db).expanduser(), True
    return default_study_path(), bool(os.environ.get("YANDU_DB"))


def open_for(args: argparse.Namespace):
    """Open the study named by the arguments (or the default one).

    A study named with --db or $YANDU_DB that does not exist is made only by a command that
    adds to it (its parser sets `creates_study`), and only in a folder that exists: for
    anything else a missing file is far more likely a typo than a wish for an empty study.
    The per-user study is made on first use, as the window does.
    """
    path, named = study_path_for(args)
    creates = not named or bool(getattr(args, "creates_study", False))
    if named and creates and not path.exists() and not path.parent.is_dir():
        raise StudyError(f"No study at {path}, and no folder {path.parent} to make one in.")
    from db.connection import open_study  # sqlite-utils: only for a command that writes

    return open_study(path, create=creates)


def open_for_reading(args: argparse.Namespace):
    """The study named by the arguments, for a command that only reads it: a plain
    read-only connection when the study is at this version's schema (`db.reading`: no
    sqlite-utils, no checks, so the command starts in a fraction of the time), else the
    study opened as `open_for` opens it, which upgrades it or says what is wrong."""
    from db.reading import open_current_for_reading

    path, _ = study_path_for(args)
    conn = open_current_for_reading(path) if path.is_file() else None
    return conn if conn is not None else open_for(args)


def print_json(value: Any) -> None:
    """Print `value` as JSON, keeping Chinese readable."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def fail(message: str) -> int:
    """Print a one-line error and return the usage exit status."""
    print(f"yandu: {message}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None, *, start_window: Callable[[argparse.Namespace], int]
         | None = None) -> int:
    """Run the command line; with no command, call `start_window`.

    A reader that stops early (`yandu glossary list | head`) ends the command quietly with
    status 0, as a success: what the command had to do (store an import, add a term) is
    done before it reports, and the reader got all it asked for. 141 (killed by SIGPIPE)
    would make `set -o pipefail` scripts fail on an ordinary `| head`.
    """
    try:
        try:
            return _run(argv, start_window)
        finally:
            # Output to a pipe is buffered: a small one is written only here, so a reader
            # that is gone shows here rather than as a traceback at interpreter exit.
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at nothing so the interpreter's final flush stays quiet too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(argv: Sequence[str] | None, start_window: Callable[[argparse.Namespace], int] | None
         ) -> int:
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
    except _NotACommand as exc:
        return fail(str(exc))
    if args.command is None:
        if start_window is None:
            parser.print_help()
            return 0
        return start_window(args)
    try:
        return int(args.handler(args) or 0)
    except (YanduError, StudyError) as exc:
        return fail(str(exc))
    except sqlite3.Error as exc:  # locked, disk full, read-only...: one line, no traceback
        from db.connection import describe_error

        return fail(describe_error(study_path_for(args)[0], exc))
    except KeyboardInterrupt:
        return fail("interrupted.")
