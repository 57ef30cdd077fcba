"""`yandu glossary ...`: the study's glossary of jargon from the command line.

A study gets the built-in glossary the first time any glossary command (or the window)
opens it; removed terms stay removed.
"""

from __future__ import annotations

import argparse
import sys

from db.connection import writing
from desktop import cli
from desktop.core import glossary, library
from desktop.core.commands import History
from desktop.core.errors import YanduError
from desktop.core.glossary.lists import SEPARATORS


def _inner_common(common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """--db and --json again after the subcommand, without overwriting values given before."""
    inner = argparse.ArgumentParser(add_help=False)
    inner.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                       help="the study file")
    inner.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="print machine-readable JSON")
    return inner


def _term_fields(p: argparse.ArgumentParser) -> None:
    cli.any_text(p.add_argument("--definition", "-d", help="the definition (Markdown)"))
    cli.any_text(p.add_argument("--category", "-c", help="the category, e.g. 算力与基础设施"))
    cli.any_text(p.add_argument("--english", "-e", help="the English equivalent"))
    cli.any_text(p.add_argument("--pinyin", help="pinyin (generated when not given)"))
    cli.any_text(p.add_argument("--notes", help="free notes"))


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `glossary` and its subcommands."""
    top = sub.add_parser("glossary", parents=[common], help="the glossary of jargon",
                         description="List, edit, import, export and grow the study's "
                         "glossary of industry jargon.")
    top.set_defaults(handler=lambda args: _usage(top))
    inner = _inner_common(common)
    gsub = top.add_subparsers(dest="glossary_command", metavar="COMMAND")

    p = gsub.add_parser("list", parents=[inner], help="list the terms")
    p.add_argument("--category", "-c", help="only terms of this category")
    p.set_defaults(handler=run_list)

    p = gsub.add_parser("show", parents=[inner],
                        help="one term: its entry and where it occurs, per speaker")
    p.add_argument("term", metavar="TERM", help="the term, an alias, or its id")
    p.add_argument("--doc", metavar="DOC", help="only occurrences in this document")
    p.set_defaults(handler=run_show)

    p = gsub.add_parser("add", parents=[inner], help="add a term")
    p.add_argument("term", metavar="TERM")
    cli.any_text(p.add_argument("--alias", "-a", action="append", default=[], metavar="ALIAS",
                                help="an alias or variant spelling (repeatable)"))
    _term_fields(p)
    p.set_defaults(handler=run_add, creates_study=True)

    p = gsub.add_parser("edit", parents=[inner], help="change a term")
    p.add_argument("term", metavar="TERM", help="the term, an alias, or its id")
    cli.any_text(p.add_argument("--rename", metavar="NEW", help="a new spelling for the term"))
    cli.any_text(p.add_argument("--alias", "-a", action="append", metavar="ALIAS",
                                help="replace the aliases with these (repeatable)"))
    cli.any_text(p.add_argument("--add-alias", action="append", default=[], metavar="ALIAS"))
    cli.any_text(p.add_argument("--remove-alias", action="append", default=[],
                                metavar="ALIAS"))
    p.add_argument("--reset", action="store_true",
                   help="put a built-in term back to its built-in text")
    _term_fields(p)
    p.set_defaults(handler=run_edit)

    p = gsub.add_parser("remove", parents=[inner], help="remove a term")
    p.add_argument("term", metavar="TERM", help="the term, an alias, or its id")
    p.set_defaults(handler=run_remove)

    p = gsub.add_parser("import", parents=[inner],
                        help="import a term list (CSV/TSV with a header, or term<sep>translation)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=run_import, creates_study=True)

    p = gsub.add_parser("export", parents=[inner], help="export the terms to a list")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--format", choices=("csv", "tsv", "list"),
                   help="default: from the extension (.csv, .tsv; otherwise list)")
    p.add_argument("--sep", choices=tuple(SEPARATORS), default="tab",
                   help="separator of a plain list: tab, comma or fullwidth (，)")
    p.set_defaults(handler=run_export)

    p = gsub.add_parser("suggest", parents=[inner], help="suggest jargon not yet in the glossary")
    p.add_argument("--doc", metavar="DOC", help="only this document (id, title or file name)")
    p.add_argument("--limit", type=int, default=30, help="how many (default 30)")
    p.set_defaults(handler=run_suggest)

    p = gsub.add_parser("dismiss", parents=[inner], help="never suggest this candidate again")
    p.add_argument("candidate", metavar="CANDIDATE")
    p.set_defaults(handler=run_dismiss)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return cli.EXIT_USAGE


def _open(args: argparse.Namespace):
    db = cli.open_for(args)
    with writing(db):
        glossary.prepare(db)
    return db


def _apply(db, command) -> None:
    """Run an undoable command; an SQLite failure becomes a one-line error."""
    with writing(db):
        History(db).run(command)


def _line(term: glossary.Term) -> str:
    extra = f"  {term.english}" if term.english else ""
    category = f"  [{term.category}]" if term.category else ""
    return f"{term.term}{extra}{category}"


def _print_term(term: glossary.Term) -> None:
    print(term.term + (f"  ({term.pinyin})" if term.pinyin else ""))
    for label, value in (("English", term.english), ("Category", term.category),
                         ("Aliases", "、".join(term.aliases)), ("Definition", term.definition),
                         ("Notes", term.notes)):
        if value:
            print(f"  {label}: {value}")


def run_list(args: argparse.Namespace) -> int:
    """`yandu glossary list`: every term (or one category)."""
    db = _open(args)
    terms = glossary.list_terms(db, category=args.category)
    if args.json:
        cli.print_json([t.as_dict() for t in terms])
        return 0
    if not terms:
        print("The glossary is empty. Add a term with: yandu glossary add TERM")
    for term in terms:
        print(_line(term))
    return 0


def run_show(args: argparse.Namespace) -> int:
    """`yandu glossary show TERM`: the entry and its occurrences per document and speaker."""
    db = _open(args)
    term = glossary.require_term(db, args.term)
    doc = library.find_document(db, args.doc).id if args.doc else None
    found = glossary.find_occurrences(db, term, document_id=doc)
    if args.json:
        cli.print_json({"term": term.as_dict(), "occurrences": found.as_dict(),
                        "by_speaker": found.counts_by_speaker()})
        return 0
    _print_term(term)
    print(f"  Occurrences: {found.count}")
    for document in found.documents:
        print(f"  {document.document_id}  {document.title}: {document.count}")
        for speaker in document.speakers:
            print(f"    {speaker.speaker or '(narration)'}: {speaker.count}")
            for occ in speaker.occurrences:
                print(f"      {occ.start:>6}  …{occ.before}【{occ.matched}】{occ.after}…")
    return 0


def _report(args: argparse.Namespace, term: glossary.Term, verb: str) -> int:
    if args.json:
        cli.print_json(term.as_dict())
    else:
        print(f"{verb} {term.term}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    """`yandu glossary add TERM`: a new term."""
    db = _open(args)
    term = glossary.new_term(args.term, aliases=args.alias, definition=args.definition or "",
                             category=args.category or "", english=args.english or "",
                             pinyin=args.pinyin, notes=args.notes or "")
    _apply(db, glossary.AddTerm(term))
    return _report(args, term, "Added")


def run_edit(args: argparse.Namespace) -> int:
    """`yandu glossary edit TERM`: change fields, aliases, spelling, or reset a built-in."""
    db = _open(args)
    term = glossary.require_term(db, args.term)
    if args.reset:
        command = glossary.ResetTerm.of(term)
        if not command.changes_anything:
            print(f"{term.term} already has its built-in text.", file=sys.stderr)
            return 0
    else:
        aliases = list(args.alias) if args.alias is not None else list(term.aliases)
        aliases += args.add_alias
        drop = {a.strip() for a in args.remove_alias}
        missing = drop - set(aliases)
        if missing:
            raise YanduError(f"{term.term!r} has no alias {sorted(missing)[0]!r}.")
        aliases = [a for a in aliases if a not in drop]
        command = glossary.EditTerm.of(
            term, term=args.rename, aliases=aliases, definition=args.definition,
            category=args.category, english=args.english, pinyin=args.pinyin,
            notes=args.notes)
        if not command.changes_anything:
            print(f"{term.term}: nothing to change.", file=sys.stderr)
            return 0
    _apply(db, command)
    return _report(args, command.after, "Changed")


def run_remove(args: argparse.Namespace) -> int:
    """`yandu glossary remove TERM`."""
    db = _open(args)
    term = glossary.require_term(db, args.term)
    _apply(db, glossary.RemoveTerm(term))
    return _report(args, term, "Removed")


def run_import(args: argparse.Namespace) -> int:
    """`yandu glossary import FILE`: merge a term list into the glossary."""
    db = _open(args)
    with writing(db):
        plan = glossary.import_terms(db, args.file, history=History(db))
    summary = plan.summary()
    if args.json:
        cli.print_json(summary)
        return 0
    print(f"Added {summary['added']} terms, merged {summary['merged']} into existing ones, "
          f"{summary['unchanged']} already known.")
    for problem in summary["skipped"]:
        print(f"  skipped {problem}", file=sys.stderr)
    return 0


def run_export(args: argparse.Namespace) -> int:
    """`yandu glossary export FILE`: write the terms as csv, tsv or a plain list."""
    db = _open(args)
    count = glossary.export_terms(db, args.file, fmt=args.format, sep=args.sep)
    if args.json:
        cli.print_json({"file": str(args.file), "terms": count})
    else:
        print(f"Wrote {count} terms to {args.file}")
    return 0


def run_suggest(args: argparse.Namespace) -> int:
    """`yandu glossary suggest`: candidate jargon not yet in the glossary."""
    db = _open(args)
    if args.limit < 1:
        raise YanduError("--limit must be at least 1.")
    doc = library.find_document(db, args.doc).id if args.doc else None
    glossary.load_into_segmenter(db)
    found = glossary.suggest(db, document_id=doc, limit=args.limit)
    if args.json:
        cli.print_json([s.as_dict() for s in found])
        return 0
    if not found:
        print("No suggestions: import a transcript first, or every candidate is a term already.")
    for s in found:
        print(f"{s.candidate}\t{s.count}\t{s.example}")
    return 0


def run_dismiss(args: argparse.Namespace) -> int:
    """`yandu glossary dismiss CANDIDATE`: never suggest it again."""
    db = _open(args)
    _apply(db, glossary.DismissCandidate(args.candidate))
    if args.json:
        cli.print_json({"dismissed": args.candidate})
    else:
        print(f"Dismissed {args.candidate}; it will not be suggested again.")
    return 0
