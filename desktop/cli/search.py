"""`yandu search QUERY`: Chinese-aware full-text search over turns and notes."""

from __future__ import annotations

import argparse

from desktop import cli
from desktop.core import glossary, kwic, library, textnorm
from desktop.core.errors import YanduError
from desktop.core.search import ORDERS, search
from desktop.core.search_counts import Tally, tally


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the `search` command."""
    p = sub.add_parser(
        "search", parents=[common], help="search turns and annotation notes",
        description="Search the study's turns and annotation notes. A search of the whole "
        "study lists the best matches first (bm25); a search of one document (--doc) lists "
        "its hits in reading order; --order chooses. "
        "Chinese words are found inside longer words; full-width and traditional forms "
        'match their plain and simplified forms. Quote a phrase ("算力 荒"), join '
        "alternatives with OR, leave out a word with -word.",
    )
    p.add_argument("query", metavar="QUERY", help="words or quoted phrases")
    p.add_argument("--doc", metavar="DOC", help="only this document (id, title or file name)")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's turns and notes")
    p.add_argument("--limit", metavar="N", type=int, default=20,
                   help="show at most N hits (default 20)")
    p.add_argument("--order", choices=ORDERS, default=None,
                   help="relevance: best matches first (FTS5's bm25); text: reading order "
                   "(default: text with --doc, else relevance)")
    p.set_defaults(handler=run_search)


def _check_speaker(db, name: str, document_id: int | None) -> None:
    sql = "SELECT name FROM speakers" + (" WHERE document_id = ?" if document_id else "")
    names = [row[0] for row in db.execute(sql, [document_id] if document_id else [])]
    wanted = textnorm.fold(name.strip())
    if not any(textnorm.fold(n) == wanted for n in names):
        where = "that document" if document_id else "the study"
        raise YanduError(f"No speaker named {name!r} in {where}; see `yandu speakers DOC`.")


def run_search(args: argparse.Namespace) -> int:
    """Print the hits for the query, with the matches marked 【like this】."""
    if args.limit < 1:
        raise YanduError("--limit must be at least 1.")
    db = cli.open_for(args)
    # Cut words as the index was cut: with the study's glossary terms kept whole.
    glossary.load_into_segmenter(db)
    document_id = library.find_document(db, args.doc).id if args.doc else None
    if args.speaker is not None:
        _check_speaker(db, args.speaker, document_id)
    hits = search(db, args.query, document_id=document_id, speaker=args.speaker,
                  limit=args.limit,
                  order=args.order or ("text" if document_id is not None else "relevance"))
    if args.json:
        cli.print_json([h.as_dict() for h in hits])
        return 0
    if not hits:
        print(f"No matches for {args.query!r}.")
        return 0
    for hit in hits:
        who = hit.speaker or "(narration)"
        # The number the window shows for the turn, not its database id.
        place = f"turn {hit.turn_number}" if hit.kind == "turn" else "note"
        print(f"{hit.document_title} [{hit.document_id}] · {who} · {place}")
        print(f"  {kwic.mark(hit.snippet, hit.snippet_matches)}")
    print(_summary(db, args, document_id, hits))
    return 0


def _counted(n: int, what: str, whats: str) -> str:
    return f"{n} {what if n == 1 else whats}"


def _summary(db, args: argparse.Namespace, document_id: int | None, hits: list) -> str:
    """"9 turns, 37 matches.": a hit is a turn or a note, a match one marked occurrence."""
    if len(hits) < args.limit:
        # Every hit is shown: count the marked matches themselves.
        turns = sum(1 for hit in hits if hit.kind == "turn")
        counts = Tally(turns, len(hits) - turns, sum(len(hit.matches) for hit in hits))
    else:
        # More may be left out: the index counts them without reading their texts.
        counts = tally(db, args.query, document_id=document_id, speaker=args.speaker)
    parts = [_counted(counts.turns, "turn", "turns")] if counts.turns else []
    if counts.notes:
        parts.append(_counted(counts.notes, "note", "notes"))
    parts.append(_counted(counts.matches, "match", "matches"))
    text = ", ".join(parts)
    if counts.hits > len(hits):
        return f"{len(hits)} of {counts.hits} hits shown: {text}."
    return f"{text}."
