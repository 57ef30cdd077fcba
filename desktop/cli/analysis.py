"""`yandu stats`, `yandu keywords`, `yandu concordance`: who says what, in numbers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import cli
from desktop.core import glossary, library
from desktop.core.errors import YanduError

if TYPE_CHECKING:
    from desktop.core.analysis import stats

# The analysis modules load when a command runs, not when the parser is built (every
# start of `yandu`, the window's included, builds it).
SORTS = ("position", "left", "right", "speaker", "document")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add the analysis commands."""
    p = sub.add_parser(
        "stats", parents=[common], help="speaker statistics of a document",
        description="Per speaker: turns, characters (letters and digits; each Han character "
        "counts as one), words (jieba's words for Chinese, whole words for Latin text), "
        "share of what the speakers said, average and longest turn, talk time where turns "
        "have cue times, and characters per section. Narration is listed apart.")
    p.add_argument("doc", metavar="DOC", nargs="?",
                   help="document id, title or file name (default: every document)")
    p.add_argument("--chart", metavar="FILE", type=Path,
                   help="also draw the shares as a bar chart (.png or .svg)")
    p.set_defaults(handler=run_stats)

    p = sub.add_parser(
        "keywords", parents=[common], help="a speaker's distinctive words",
        description="The words a speaker uses markedly more than the other speakers: "
        "log-likelihood G² (Dunning) of the speaker's words against everyone else's, "
        "strongest first, with p < 0.05 at least (G² ≥ 3.84); the log ratio says how much "
        "more (1: twice as often). Stop words are left out; glossary terms are marked *.")
    p.add_argument("doc", metavar="DOC", help="document id, title or file name")
    p.add_argument("--speaker", metavar="NAME", required=True, help="the speaker")
    p.add_argument("--limit", metavar="N", type=int, default=30,
                   help="show at most N words (default 30)")
    p.set_defaults(handler=run_keywords)

    p = sub.add_parser(
        "concordance", parents=[common], help="keyword in context: every match, aligned",
        description="One line per match of QUERY (as `yandu search` finds it) with its left "
        "and right context, the match aligned.")
    p.add_argument("query", metavar="QUERY", help="words or quoted phrases")
    p.add_argument("--doc", metavar="DOC", help="only this document (id, title or file name)")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's turns")
    p.add_argument("--sort", choices=SORTS, default="position",
                   help="order the lines by the words left or right of the match, by "
                   "speaker, document or position (default)")
    p.add_argument("--csv", action="store_true", help="print CSV")
    p.add_argument("--context", metavar="N", type=int, default=20,
                   help="characters of context each side (default 20)")
    p.add_argument("--limit", metavar="N", type=int, default=None, help="at most N lines")
    p.set_defaults(handler=run_concordance)


def _document_ids(db, ref: str | None) -> list[int] | None:
    return [library.find_document(db, ref).id] if ref else None


def _time(ms: int) -> str:
    seconds = ms // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


def run_stats(args: argparse.Namespace) -> int:
    """Print the speaker statistics (and draw the chart)."""
    from desktop.core.analysis import stats

    db = cli.open_for(args)
    glossary.load_into_segmenter(db)  # words cut as the study cuts them
    result = stats.speaker_stats(db, _document_ids(db, args.doc))
    if args.chart is not None:
        _draw_chart(result, args.chart)
    if args.json:
        cli.print_json(result.as_dict())
        return 0
    if not result.speakers:
        print("No turns to count.")
        return 0
    header = ["speaker", "turns", "characters", "words", "share", "average turn",
              "longest turn"]
    if result.has_times:
        header.append("talk time")
    rows = []
    for row in result.speakers:
        cells = [row.name or "(narration)", row.turns, row.characters, row.words,
                 "" if row.is_narration else f"{row.share:.1%}", f"{row.average_turn:.0f}",
                 f"{row.longest_turn} (turn {row.longest_turn_number})"
                 if row.longest_turn_number else "0"]
        if result.has_times:
            cells.append(_time(row.talk_ms))
        rows.append(cells)
    _print_columns(header, rows)
    print(f"{result.turns} turns, {result.characters} characters, {result.words} words.")
    return 0


def _draw_chart(result: stats.Stats, path: Path) -> None:
    if path.suffix.lower() not in (".png", ".svg"):
        raise YanduError(f"--chart writes .png or .svg, not {path.name!r}.")
    if not path.parent.is_dir():
        raise YanduError(f"No folder {path.parent} to write {path.name} in.")
    # The window's chart code draws it (Qt, offscreen): loaded only for --chart.
    from desktop.ui.analysis.export import save_share_chart

    save_share_chart(result, path)
    print(f"Chart written to {path}.", file=sys.stderr)


def _width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_columns(header: list[str], rows: list[list]) -> None:
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(header))]
    for r in cells:
        print("  ".join(c + " " * (w - _width(c)) if i == 0 else " " * (w - _width(c)) + c
                        for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip())


def run_keywords(args: argparse.Namespace) -> int:
    """Print the speaker's distinctive words."""
    from desktop.core.analysis import keyness

    if args.limit < 1:
        raise YanduError("--limit must be at least 1.")
    db = cli.open_for(args)
    glossary.load_into_segmenter(db)
    found = keyness.speaker_keywords(db, args.speaker, _document_ids(db, args.doc),
                                     limit=args.limit)
    if args.json:
        cli.print_json([k.as_dict() for k in found])
        return 0
    if not found:
        print(f"No word stands out for {args.speaker} (G² ≥ {keyness.CRITICAL_05}, "
              f"at least {keyness.MIN_COUNT} times).")
        return 0
    rows = [[("*" if k.is_term else "") + k.word, f"{k.log_likelihood:.1f}",
             f"{k.log_ratio:.2f}", k.count, k.reference_count] for k in found]
    _print_columns(["word", "G²", "log ratio", "count", "others"], rows)
    print("G² ≥ 3.84: p < 0.05; 6.63: p < 0.01; 10.83: p < 0.001. * a glossary term.")
    return 0


def run_concordance(args: argparse.Namespace) -> int:
    """Print the concordance lines."""
    from desktop.core.analysis import concordance as kwic
    from desktop.core.analysis import tables

    if args.context < 1:
        raise YanduError("--context must be at least 1.")
    if args.limit is not None and args.limit < 1:
        raise YanduError("--limit must be at least 1.")
    if args.json and args.csv:
        raise YanduError("Choose one of --json and --csv.")
    db = cli.open_for(args)
    glossary.load_into_segmenter(db)
    document_id = library.find_document(db, args.doc).id if args.doc else None
    lines = kwic.concordance(db, args.query, document_id=document_id, speaker=args.speaker,
                             context=args.context)
    lines = kwic.sort_lines(lines, args.sort)[:args.limit]
    if args.json:
        cli.print_json([line.as_dict() for line in lines])
        return 0
    if args.csv:
        sys.stdout.write(tables.to_csv(kwic.HEADER, kwic.rows(lines)))
        return 0
    if not lines:
        print(f"No matches for {args.query!r}.")
        return 0
    width = max(_width(line.left) for line in lines)
    for line in lines:
        who = line.speaker or "(narration)"
        print(f"{' ' * (width - _width(line.left))}{line.left} 【{line.hit}】 {line.right}"
              f"   — {who}, turn {line.turn_number}")
    print(f"{len(lines)} {'line' if len(lines) == 1 else 'lines'}.")
    return 0
