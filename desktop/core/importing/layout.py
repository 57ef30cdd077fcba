"""Rebuild a transcript's paragraphs before its labels are read. Pure: text in, text out.

Published records are often laid out for print: lines broken at a fixed width, running
headers, footers and page numbers on every page, printed line numbers down the margin, and
(out of a PDF) a space between the characters of justified Chinese lines. Read as they are,
a line end such as "…政府可否告知本 / 會：" makes `會` a speaker. `rebuild` gives the text
as it should be read, with each page (and printed line) kept as a `SourceMark`.

Ordinary text, one paragraph per line, comes back unchanged (the very same string): every
rule below needs strong evidence before it changes anything.

- Pages are the "\\f"-separated parts of the text; without "\\f" they are found from printed
  line numbers that start again at 1, or from running headers and page numbers that recur.
- Running headers and footers are lines at the top or bottom of a page (the first or last
  three lines; on a court page, those before its first or after its last numbered line)
  that recur, digits aside and spaces ignored, on at least three pages and 60 % of the
  pages with text. A line that ends a sentence (`謝謝主席。`) is speech and never counts.
  Page numbers (`22`, `- 22 -`, `第 22 页`, `Page 22 of 80`) in those places count when
  they go up from page to page. Without "\\f", a page number line counts when it is one of
  at least three that count up (1, 2, 3 … at least eight lines apart) next to a recurring
  header, or one of at least five evenly spaced; a header with no page number counts when
  it recurs at least four times evenly spaced (never a lone label such as `主席：`).
- Printed line numbers (court transcripts) are recognised when at least 60 % of the
  non-blank lines start with a number that counts 1, 2, 3 … (≤ 35) on each page.
- Lines are joined back into paragraphs when the text is hard-wrapped. The wrap width W
  is the widest place where at least three lines (and 5 %) end within three display
  columns (East Asian wide characters count two); it must be at least 30 columns, and at
  most 10 % of the lines may go past it. A line is full when it reaches 70 % of W and the
  next line's first word (or character) would not have fitted after it. Full lines must be
  at least 60 % of the full lines and the short lines cut mid-sentence (a short line that
  ends a sentence ends its paragraph and says nothing), and 30 % of all the lines followed
  by another. A full line continues on the next line unless that line clearly opens a
  paragraph (an indent, a list mark, a time stamp) or the full line ends a sentence and
  the next opens with a label. Chinese joins take no space, Latin joins one (none inside a number or word
  that a Chinese line cut at its last column). A line that ends in a soft hyphen (U+00AD)
  is joined without it when the record has soft hyphens only at line ends (some PDF
  extractors write every hyphen as U+00AD: then it stays). A line that ends in a hyphen
  after a letter keeps the hyphen and is joined without a space (`well-` + `known`;
  `transcrip-` + `tion` stays `transcrip-tion`: nothing is guessed away).
- Court lines are joined into the speech they belong to; a label (`JUSTICE X:`, `Q.`), an
  all-capital heading, a parenthesis, an indent or an empty line starts a new paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, chain
from operator import add

from desktop.core.importing.model import LayoutReport, SourceMark

__all__ = ["Layout", "rebuild"]


@dataclass(frozen=True)
class Layout:
    """The reading text of a record, where its pages and printed lines fall, and what changed."""

    text: str  # the reading text
    marks: tuple[SourceMark, ...]  # page / printed-line marks, offsets into `text`, ascending
    report: LayoutReport


# --- characters -------------------------------------------------------------------------

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003fffd"
# Scripts written without spaces between words: Han, kana, bopomofo, radicals, ideographic
# punctuation and full-width forms. Hangul is wide but spaced, so it joins like Latin.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"  # as _cjk()
_WIDE = (_HAN + "\u1100-\u115f\u2e80-\u303e\u3040-\u33ff\ua000-\ua4cf\ua960-\ua97f"
         "\uac00-\ud7a3\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6")
# Punctuation of ambiguous width: set full-width among Chinese text (“” ── …).
_AMBIGUOUS = ("\u00a7\u00b0\u00b7\u00d7\u00f7\u2014\u2015\u2016\u2018\u2019\u201c\u201d"
              "\u2025\u2026\u2030\u2032\u2033\u203b\u2500-\u257f\u25a0-\u25ff\u2605\u2606")
_SOFT_HYPHEN_AT_END = re.compile(r"\u00ad[ \t]*$", re.M)
_CJK_SEARCH = re.compile(f"[{_CJK}]").search
_HAS_WIDE = re.compile(f"[{_WIDE}]")
# (wide, narrow) characters of Latin text, and of Chinese text where “”…── are wide too.
_WIDTH_CLASSES = {
    cjk: (re.compile(f"[{_WIDE}{extra}]"), re.compile(f"[^{_WIDE}{extra}]"))
    for cjk, extra in ((False, ""), (True, _AMBIGUOUS))
}

# Justified lines out of a PDF: 結 果，在 2011年 5月.
_GAP = re.compile(r"(?<=\S) (?=\S)")
_CJK_GAP = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}0-9])|(?<=[0-9]) (?=[{_CJK}])")

_SENTENCE_END = frozenset("。！？!?…」』”’\"')）.．~～")
_SPEECH_END = frozenset("。！？!?…")  # no header ends like this
_NOT_HEADER_END = _SENTENCE_END | frozenset(":：")
_CLOSERS = frozenset("，。、；：！？）」』】〕》〉”’,.;:!?)")

# A line that opens a paragraph whatever came before: list marks, numbered items,
# headings, quotes, tables, time stamps.
_PARA_START = re.compile(
    r"(?:[-*+•·●○▪■◆◇►]\s|\d{1,3}[.)]\s|\d{1,3}[、．]|[(（]\d{1,3}[)）]"
    r"|[一二三四五六七八九十]{1,3}[、．]|[(（][一二三四五六七八九十]{1,3}[)）]"
    r"|#{1,6}\s|>|\||[\[【(（]?\d{1,2}:\d{2}(?::\d{2})?[\]】)）]?(?:\s|$)"
    r"|第[一二三四五六七八九十百0-9]+[章節节幕場场條条])"
)
_PARA_FIRST = frozenset("-*+•·●○▪■◆◇►0123456789(（一二三四五六七八九十#>|[【第")
# A line that opens with what looks like a speaker's label.
_LABEL_START = re.compile(
    r"(?:[^\s\d:：，,。、；;「」『』“”（）()]{1,12}[ \t\u3000]*[：:]"
    r"|[A-Z][A-Za-z0-9_.'’\- ]{0,40}(?:\([^)]{0,60}\))?:(?:\s|$)"
    r"|[QA][.:](?:\s|$)"
    rf"|[{_HAN}]{{1,6}}\u3000)"
)

# --- pages ------------------------------------------------------------------------------

_PAGE_NUMBER_SHAPES = (
    r"(?:[-–—][ \t]*)?(\d{1,4})(?:[ \t]*[-–—])?"
    r"|第[ \t]*(\d{1,4})[ \t]*[页頁](?:[ \t]*[,，、/]?[ \t]*共[ \t]*\d{1,4}[ \t]*[页頁])?"
    r"|(?:[Pp]age|PAGE|[Pp]\.)[ \t]*(\d{1,4})(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?"
    r"|(\d{1,4})[ \t]*/[ \t]*\d{1,4}"
)
_PAGE_NUMBER = re.compile(_PAGE_NUMBER_SHAPES)
_PAGE_NUMBER_LINE = re.compile(rf"^[ \t]*(?:{_PAGE_NUMBER_SHAPES})[ \t]*$", re.M)
_DIGITS = re.compile(r"\d+")
_HAS_DIGIT = re.compile(r"\d")
_PROBE = re.compile(r"[^\s\d]+")
_NUMBERED = re.compile(r"[ \t]*(\d{1,2})(?:[ \t]+|$)")
_NUMBERED_LINE = re.compile(r"^[ \t]*\d{1,2}(?:[ \t]|$)", re.M)
_BLANK_LINE = re.compile(r"^[ \t]*$", re.M)
_COURT_LABEL = re.compile(r"(?:[A-Z][A-Z .,'’\-]*:|Q\.|A\.|Q:|A:)(?:\s|$)")
_WIDE_SPACES = re.compile(r"[ \t]{3,}|\t")
# `RICHARD POE, ESQ., Washington` after a full stop: the next name of a list of appearances.
_CAPITAL_NAME = re.compile(r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)+,")
_RULE = re.compile(r"(?:[-–—_=*~.·]\s*){3,}[xX]?")  # `- - - - - x` across a caption

EDGE_LINES = 3  # lines at the top and at the bottom of a page that may be furniture
MIN_PAGES = 3  # furniture recurs on at least this many pages…
PAGE_SHARE = 0.6  # …and on this share of the pages with text
MIN_WIDTH = 30  # a narrower text is verse, a list or dialogue, never a fixed-width wrap
FULL_SHARE = 0.6  # share of full lines among them and the short lines cut mid-sentence
SUPPORT = 0.3  # share of all lines followed by another that must be full
FULL_WIDTH = 0.7  # a full line reaches this share of the width (a long word may follow)
OVER_SHARE = 0.1  # share of the lines allowed past the width
COURT_SHARE = 0.6  # share of the non-blank lines that carry a printed line number


def rebuild(text: str, *, from_pdf: bool = False) -> Layout:
    """The reading text of `text` (newlines normalised to "\\n", pages split by "\\f").

    Returns `text` itself, no marks and an empty report when nothing needs rebuilding.
    `from_pdf`: the text came out of a PDF, so justified Chinese lines lose the spaces
    between their characters, and Latin lines are measured with a proportional font's slack.
    """
    final_newline = text.rstrip("\f").endswith("\n")
    lines, page_of, pages = _split_pages(text)
    despaced = False
    if from_pdf:
        lines, despaced = _despace(lines)
    court = _court_numbers(lines, page_of if pages > 1 else None)
    if court is not None and pages == 1:
        page_of, pages = court.page_of, court.pages
    numbered = court.numbers if court is not None else {}
    if pages > 1:
        zones = court is not None and "\f" not in text
        furniture, printed = _edge_furniture(lines, page_of, pages, numbered, zones)
    else:
        furniture, printed, page_of, pages = _running_furniture(lines)
    if pages == 1 and not furniture and court is None and not despaced:
        return _Reader(lines, page_of, furniture, None, from_pdf).read(final_newline, text)
    labels = _page_labels(pages, printed) if pages > 1 else None
    return _Reader(lines, page_of, furniture, court, from_pdf, labels).read(final_newline)


def _split_pages(text: str) -> tuple[list[str], list[int], int]:
    """The lines of `text` and the page (from "\\f") of each; a "\\f" breaks a line."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    if "\f" not in text:
        return lines, [0] * len(lines), 1
    result: list[str] = []
    page_of: list[int] = []
    page = 0
    for line in lines:
        if "\f" not in line:
            result.append(line)
            page_of.append(page)
            continue
        for number, part in enumerate(line.split("\f")):
            page += number > 0
            if part.strip():
                result.append(part)
                page_of.append(page)
    return result, page_of, page + 1


def _despace(lines: list[str]) -> tuple[list[str], bool]:
    """Take out the spaces a PDF put between the characters of justified Chinese lines."""
    changed = False
    result = []
    for line in lines:
        if " " in line and _HAS_WIDE.search(line):
            cjk = len(_CJK_GAP.findall(line))
            if cjk >= 2 and cjk * 2 > len(_GAP.findall(line)):
                line = _CJK_GAP.sub("", line)
                changed = True
        result.append(line)
    return result, changed


# --- printed line numbers -----------------------------------------------------------------

@dataclass
class _Court:
    numbers: dict[int, int]  # line index -> printed line number
    bodies: dict[int, str]  # line index -> the line without its number
    columns: dict[int, int]  # line index -> column where the text after the number starts
    page_of: list[int]
    pages: int
    spaced: bool  # an empty line after most numbered lines: the extraction's, not the text's


def _court_numbers(lines: list[str], page_of: list[int] | None) -> _Court | None:
    """Printed line numbers that count 1, 2, 3 … down each page, when most lines have one."""
    joined = "\n".join(lines)
    numbered = len(_NUMBERED_LINE.findall(joined))
    if numbered < 10 or numbered < COURT_SHARE * (len(lines) - len(_BLANK_LINE.findall(joined))):
        return None
    runs: list[list[tuple[int, int, int]]] = []
    run: list[tuple[int, int, int]] = []
    nonblank = 0
    page = -1
    for index, line in enumerate(lines):
        if page_of is not None and page_of[index] != page:
            page = page_of[index]
            runs.append(run)
            run = []
        if not line or line.isspace():
            continue
        nonblank += 1
        if not (line[0].isdigit() or line[0] in " \t"):
            continue
        found = _NUMBERED.match(line)
        if found is None:
            continue
        number = int(found.group(1))
        if number == 1:
            runs.append(run)
            run = [(index, 1, found.end())]
        elif run and run[-1][1] < number <= run[-1][1] + 2:
            run.append((index, number, found.end()))
    runs.append(run)
    runs = [r for r in runs if len(r) >= 3]
    total = sum(len(r) for r in runs)
    if total < 10 or total < COURT_SHARE * nonblank or any(r[-1][1] > 35 for r in runs):
        return None
    numbers = {i: n for r in runs for i, n, _ in r}
    bodies = {i: lines[i][end:] for r in runs for i, _, end in r}
    columns = {i: end for r in runs for i, _, end in r}
    followed = sum(1 for i in numbers if i + 1 < len(lines) and not lines[i + 1].strip())
    spaced = followed * 2 >= len(numbers)
    if page_of is not None:
        return _Court(numbers, bodies, columns, page_of, 0, spaced)
    # No "\f": each run is a page; what lies between two runs (footer, header, page
    # number) opens the next page, as court transcripts print the page number on top.
    pages_of = _pages_from_starts(len(lines), [r[-1][0] + 1 for r in runs[:-1]])
    return _Court(numbers, bodies, columns, pages_of, len(runs), spaced)


# --- running headers, footers and page numbers ---------------------------------------------

def _key(line: str) -> str:
    """A header line with its spaces gone and each run of digits as '#'."""
    return _DIGITS.sub("#", "".join(line.split()))


def _page_number(line: str) -> int | None:
    found = _PAGE_NUMBER.fullmatch(line)
    return None if found is None else int(found.group(found.lastindex))


def _mostly_rising(values: list[int]) -> bool:
    rises = sum(1 for a, b in zip(values, values[1:], strict=False) if b > a)
    return len(values) >= 2 and rises >= 0.8 * (len(values) - 1)


def _edge_furniture(lines: list[str], page_of: list[int], pages: int,
                    numbered: dict[int, int],
                    zones: bool = False) -> tuple[set[int], dict[int, int]]:
    """Headers, footers and page numbers at the edges of known pages; the printed numbers.

    `zones`: the pages were found from line numbers alone, so the lines between two pages
    (a footer, then the next header) are all put at the top of the next page; a line then
    recurs in the gaps between pages rather than on pages.
    """
    by_page: list[list[int]] = [[] for _ in range(pages)]
    for index, line in enumerate(lines):
        if line.strip() and index not in numbered:
            by_page[page_of[index]].append(index)
    edges: list[tuple[list[int], list[int]]] = []  # (top, bottom) lines of each page
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for index in numbered:  # court pages: what comes before the first or after the last line
        page = page_of[index]
        first[page] = min(first.get(page, index), index)
        last[page] = max(last.get(page, index), index)
    for page, indexes in enumerate(by_page):
        if page in first:
            top = [i for i in indexes if i < first[page]][:EDGE_LINES]
            bottom = [i for i in indexes if i > last[page]][-EDGE_LINES:]
        else:
            top = indexes[:EDGE_LINES]
            bottom = [i for i in indexes[-EDGE_LINES:] if i not in top]
        edges.append((top, bottom))
    numbered_pages = {page_of[i] for i in numbered}
    with_text = sum(1 for page in range(pages) if by_page[page] or page in numbered_pages)
    needed = max(MIN_PAGES, PAGE_SHARE * with_text)
    keys: dict[str, list[tuple[int, int]]] = {}  # key -> (place, line index)
    numbers: list[tuple[int, int, int]] = []  # (page, line index, value)
    for page, (top, bottom) in enumerate(edges):
        for index in top + bottom:
            line = lines[index].strip()
            if line[-1] in _SPEECH_END:
                continue  # `謝謝主席。` at the top of a page is speech, however often
            value = _page_number(line)
            if value is not None:
                numbers.append((page, index, value))
                continue
            key = _key(line)
            if len(key) <= 80:
                place = page + 1 if zones and index in bottom else page
                keys.setdefault(key, []).append((place, index))
    return _furniture_of(lines, keys, numbers, needed)


def _furniture_of(lines: list[str], keys: dict[str, list[tuple[int, int]]],
                  numbers: list[tuple[int, int, int]],
                  needed: float) -> tuple[set[int], dict[int, int]]:
    furniture: set[int] = set()
    printed: dict[int, int] = {}
    for places in keys.values():
        if len({page for page, _ in places}) < needed:
            continue
        furniture.update(index for _, index in places)
        # A number that differs on every page is the page's own (`Page 3 of 80` aside).
        groups = [_DIGITS.findall(lines[index]) for _, index in places]
        for slot in range(min((len(g) for g in groups), default=0)):
            values = [int(g[slot]) for g in groups]
            if len(set(values)) >= 0.8 * len(values) and _mostly_rising(values):
                for (page, _), value in zip(places, values, strict=True):
                    printed.setdefault(page, value)
                break
    number_pages = {page for page, _, _ in numbers}
    first_values: dict[int, int] = {}
    for page, _, value in numbers:
        first_values.setdefault(page, value)
    if len(number_pages) >= needed and _mostly_rising([first_values[p] for p in
                                                      sorted(first_values)]):
        furniture.update(index for _, index, _ in numbers)
        printed.update(first_values)
    return furniture, printed


def _running_furniture(lines: list[str]) -> tuple[set[int], dict[int, int], list[int], int]:
    """Without "\\f": page numbers and headers that recur through the text, and the pages
    they divide it into."""
    count = len(lines)
    joined = "\n".join(lines)
    candidates: list[tuple[int, int]] = []
    index = 0
    at = 0
    for found in _PAGE_NUMBER_LINE.finditer(joined):
        index += joined.count("\n", at, found.start())
        at = found.start()
        candidates.append((index, int(found.group(found.lastindex))))
    # One page number a page of eight lines or more: a text of bare numbers has none.
    counting = _longest_chain(candidates) if len(candidates) * 4 <= count else []
    furniture: set[int] = set()
    printed_at: dict[int, int] = {}  # line index -> printed page number
    if len(counting) >= 3:
        members = {index for index, _ in counting}
        near: Counter[str] = Counter()
        sample: dict[str, str] = {}
        for index, _ in counting:
            seen = set()
            for other in range(max(0, index - 3), min(count, index + 4)):
                stripped = lines[other].strip()
                if other in members or not stripped or len(stripped) > 60:
                    continue
                key = _key(stripped)
                if key not in seen and _page_number(stripped) is None:
                    seen.add(key)
                    near[key] += 1
                    sample.setdefault(key, stripped)
        headers = {}
        for key, n in near.items():
            if n >= max(3, 0.5 * len(counting)):
                places = _occurrences(lines, key, sample[key])
                if n * 3 >= len(places) * 2:  # mostly beside a page number
                    headers[key] = places
        if headers or (len(counting) >= 5 and _even([i for i, _ in counting])):
            furniture.update(members)
            printed_at.update(counting)
            for places in headers.values():
                furniture.update(places)
    if not furniture:
        for places in _recurring_lines(lines).values():
            if len(places) < 4 or not _even(places):
                continue
            furniture.update(places)
            values = [_DIGITS.findall(lines[i]) for i in places]
            for slot in range(min(len(v) for v in values)):
                numbers = [int(v[slot]) for v in values]
                if len(set(numbers)) >= 0.8 * len(numbers) and _mostly_rising(numbers):
                    printed_at.update(zip(places, numbers, strict=True))
                    break
    if not furniture:
        return furniture, {}, [0] * count, 1
    page_of, pages, printed = _pages_from_clusters(lines, furniture, printed_at)
    return furniture, printed, page_of, pages


def _occurrences(lines: list[str], key: str, sample: str) -> list[int]:
    """The lines whose key is `key` (`sample` is one of them)."""
    probe = max(_PROBE.findall(sample), key=len, default="")
    return [index for index, line in enumerate(lines)
            if probe in line and _key(line.strip()) == key]


def _recurring_lines(lines: list[str]) -> dict[str, list[int]]:
    """Short lines that recur (digits aside) and may be running headers, by key.

    Lines that end a sentence, lone labels (`主席：`), stage directions and page numbers
    are left out.
    """
    exact: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if len(line) <= 80:
            stripped = line.strip()
            if 2 <= len(stripped) <= 60 and stripped[-1] not in _NOT_HEADER_END:
                exact.setdefault(stripped, []).append(index)
    short: dict[str, list[int]] = {}
    for stripped, places in exact.items():
        if len(places) < 4 and not _HAS_DIGIT.search(stripped):
            continue  # recurs too seldom, and no number in it to make its copies differ
        if stripped[0] in "（(〔[【" or _page_number(stripped) is not None:
            continue
        short.setdefault(_key(stripped), []).extend(places)
    for places in short.values():
        places.sort()
    return short


def _longest_chain(candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of page numbers that go up by one (or two), eight lines apart or more."""
    open_chains: dict[int, list[tuple[int, int]]] = {}  # last value -> chain
    best: list[tuple[int, int]] = []
    for index, value in candidates:
        counting = None
        for previous in (value - 1, value - 2):
            found = open_chains.get(previous)
            if found is not None and index - found[-1][0] >= 8:
                counting = open_chains.pop(previous)
                break
        if counting is None:
            counting = []
        counting.append((index, value))
        if len(counting) >= len(open_chains.get(value, ())):
            open_chains[value] = counting
        if len(counting) > len(best):
            best = counting
    return best


def _even(places: list[int]) -> bool:
    """Do these lines recur at a steady spacing (a page's length) of twelve lines or more?"""
    gaps = sorted(b - a for a, b in zip(places, places[1:], strict=False))
    if not gaps:
        return False
    middle = gaps[len(gaps) // 2]
    steady = sum(1 for g in gaps if 0.75 * middle <= g <= 1.25 * middle)
    return middle >= 12 and steady >= 0.9 * len(gaps)


def _pages_from_clusters(lines: list[str], furniture: set[int],
                         printed_at: dict[int, int]) -> tuple[list[int], int, dict[int, int]]:
    """Pages divided by the clusters of furniture lines (with the blank lines among them)."""
    clusters: list[list[int]] = []
    for index in sorted(furniture):
        if clusters and all(not lines[i].strip() for i in range(clusters[-1][-1] + 1, index)):
            clusters[-1].append(index)
        else:
            clusters.append([index])
    first_text = next((i for i, line in enumerate(lines)
                       if i not in furniture and line.strip()), len(lines))
    last_text = next((i for i in range(len(lines) - 1, -1, -1)
                      if i not in furniture and lines[i].strip()), -1)
    # Furniture at the very end and not at the very start: it is a footer, it closes pages.
    footers = clusters[-1][0] > last_text and clusters[0][0] > first_text
    printed: dict[int, int] = {}
    if footers:
        bounds = [cluster[-1] + 1 for cluster in clusters]
        owners = list(range(len(clusters)))
    else:
        bounds = [cluster[0] for cluster in clusters]
        opening = 0 if clusters[0][0] <= first_text else 1
        owners = [k + opening for k in range(len(clusters))]
        bounds = bounds[1:] if opening == 0 else bounds
    page_of = _pages_from_starts(len(lines), bounds)
    for cluster, owner in zip(clusters, owners, strict=True):
        for index in cluster:
            if index in printed_at:
                printed.setdefault(owner, printed_at[index])
    pages = max(page_of, default=0) + 1
    return page_of, pages, printed


def _pages_from_starts(count: int, starts: list[int]) -> list[int]:
    """The page of each of `count` lines, when pages after the first begin at `starts`."""
    page_of: list[int] = []
    previous = 0
    for page, start in enumerate(starts):
        page_of.extend([page] * (start - previous))
        previous = start
    page_of.extend([len(starts)] * (count - previous))
    return page_of


def _page_labels(pages: int, printed: dict[int, int]) -> list[str]:
    """Each page as printed; a page with no number of its own follows its neighbours when
    the printed numbers keep one step from the page order, else it is its ordinal."""
    shifts = Counter(value - page for page, value in printed.items())
    shift = None
    if shifts:
        common, n = shifts.most_common(1)[0]
        if n >= 2 and n >= 0.8 * len(printed):
            shift = common
    labels = []
    for page in range(pages):
        if page in printed:
            labels.append(str(printed[page]))
        elif shift is not None and page + shift >= 1:
            labels.append(str(page + shift))
        else:
            labels.append(str(page + 1))
    return labels


# --- reading ------------------------------------------------------------------------------

class _Reader:
    """Lays the kept lines out as the reading text: joins, page and line marks, report.

    The lines to read are held side by side: `texts` (each line as it will be read),
    `sources` (its index among the lines), `blanks` (empty lines before it) and `soft`
    (page furniture or a page break before it, which by itself is no paragraph break).
    """

    def __init__(self, lines: list[str], page_of: list[int], furniture: set[int],
                 court: _Court | None, from_pdf: bool, labels: list[str] | None = None):
        self.lines = lines
        self.page_of = page_of
        self.furniture = furniture
        self.court = court
        self.from_pdf = from_pdf
        self.labels = labels
        sample = "".join(lines[:: max(1, len(lines) // 200)])
        wide = len(_HAS_WIDE.findall(sample))
        self.cjk = wide * 3 >= len("".join(sample.split())) > 0
        self._wide, self._narrow = _WIDTH_CLASSES[self.cjk]
        self.texts: list[str] = []
        self.sources: list[int] = []
        self.blanks: list[int] = []
        self.soft: list[bool] = []
        self.trailing = 0
        self.wrap = 0  # the width the lines were broken at, when they were
        # U+00AD only ever at line ends: soft hyphens, which go. Anywhere else too: the
        # extractor writes every hyphen so (`above\u00adentitled`), and they stay.
        joined = "\n".join(lines)
        self.soft_hyphens = "\u00ad" not in joined or joined.count("\u00ad") == len(
            _SOFT_HYPHEN_AT_END.findall(joined))

    def width(self, line: str) -> int:
        """Display columns: East Asian wide characters count two."""
        if line.isascii():
            return len(line)
        if self.cjk:
            return 2 * len(line) - len(self._narrow.findall(line))
        return len(line) + len(self._wide.findall(line))

    def widths(self, lines: list[str]) -> list[int]:
        """`width` of each line, at the speed of one pass."""
        if self.cjk:
            narrow = self._narrow.findall
            return [2 * len(line) - len(narrow(line)) for line in lines]
        wide = self._wide.findall
        return [len(line) if line.isascii() else len(line) + len(wide(line)) for line in lines]

    def read(self, final_newline: bool, unchanged: str | None = None) -> Layout:
        """The reading text; `unchanged` (the source) comes back as it is if no line joins."""
        self._sequence()
        joins = self._court_joins() if self.court else self._wrap_joins()
        if unchanged is not None and not any(joins):
            return Layout(unchanged, (), LayoutReport())
        return self._emit(joins, final_newline)

    def _sequence(self) -> None:
        lines = self.lines
        if self.court is not None:
            self._court_sequence()
            return
        furniture = self.furniture
        if furniture:
            kept = [i for i, line in enumerate(lines)
                    if line and not line.isspace() and i not in furniture]
        else:
            kept = [i for i, line in enumerate(lines) if line and not line.isspace()]
        count = len(kept)
        self.sources = kept
        self.texts = [lines[i] for i in kept]
        self.blanks = blanks = [0] * count
        self.soft = soft = [False] * count
        page_of = self.page_of
        starts = [i for i in range(1, len(lines)) if page_of[i] != page_of[i - 1]] \
            if page_of and page_of[-1] != page_of[0] else []
        removed = sorted(furniture)
        gaps = [k for k, (a, b) in enumerate(zip([-1, *kept], kept, strict=False)) if b - a > 1]
        for position in gaps:
            index = kept[position]
            previous = kept[position - 1] if position else -1
            between = bisect_left(removed, index) - bisect_left(removed, previous)
            blanks[position] = index - previous - 1 - between
            soft[position] = between > 0
        for start in starts:  # a page break, with or without lines between
            position = bisect_left(kept, start)
            if position < count:
                soft[position] = True
        last = kept[-1] if kept else -1
        tail = len(lines) - 1 - last
        between = len(removed) - bisect_left(removed, last)
        self.trailing = 0 if between or bisect_left(starts, last + 1) < len(starts) \
            else tail

    def _court_sequence(self) -> None:
        court = self.court
        assert court is not None
        furniture = self.furniture
        page_of = self.page_of
        texts, sources, blanks_of, soft_of = self.texts, self.sources, self.blanks, self.soft
        blanks = 0
        soft = False
        printed_blank = False  # an empty numbered line: a real empty line of the record
        previous_page = page_of[0] if page_of else 0
        for index, line in enumerate(self.lines):
            if index in furniture:
                soft = True
                continue
            body = court.bodies.get(index)
            if body is None:
                if not line or line.isspace():
                    if not court.spaced:
                        blanks += 1
                    continue
                body = line
            body = _WIDE_SPACES.sub(" ", body.strip())
            if not body:  # a numbered line with nothing on it: an empty line
                blanks += 1
                printed_blank = True
                continue
            page = page_of[index]
            if page != previous_page:
                soft = True
                previous_page = page
            texts.append(body)
            sources.append(index)
            blanks_of.append(min(blanks, 1))  # the unused lines of a page are one break
            soft_of.append(soft and not printed_blank)
            blanks = 0
            soft = printed_blank = False
        self.trailing = 0 if soft else min(blanks, 1)

    # -- joining wrapped lines --

    def _wrap_joins(self) -> list[bool]:
        """For each line, does it continue the line before it?"""
        texts, blanks, soft = self.texts, self.blanks, self.soft
        count = len(texts)
        joins = [False] * count
        candidates = [p for p in range(1, count) if not blanks[p] or soft[p]]
        if len(candidates) < 3:
            return joins
        trimmed = [t.rstrip() for t in texts]
        widths = self.widths(trimmed)
        width = _wrap_width([widths[p - 1] for p in candidates])
        if width < MIN_WIDTH:
            return joins
        indents = Counter(self.width(t[: len(t) - len(t.lstrip())])
                          for t in texts if t[0].isspace())
        margin = indents.most_common(1)[0][0] if sum(indents.values()) * 2 > count else 0
        latin_slack = max(2, width // 8) if self.from_pdf else 2
        over = width + latin_slack
        if sum(1 for used in widths if used > over) > OVER_SHARE * count:
            return joins  # lines longer than the wrap: not a wrapped text
        least = FULL_WIDTH * width  # a shorter line ended its paragraph, whatever follows
        wide = self._wide.match
        para_first, sentence_end, closers = _PARA_FIRST, _SENTENCE_END, _CLOSERS
        eligible = full = broken = 0  # broken: short, and not at the end of a sentence
        for position in candidates:
            after = texts[position]
            if after[0].isspace():
                rest = after.lstrip()
                if self.width(after[: len(after) - len(rest)]) > margin + 1:
                    continue  # an indent opens a paragraph
                after = rest
            first = after[0]
            if first in para_first and _PARA_START.match(after):
                continue
            last = trimmed[position - 1][-1]
            used = widths[position - 1]
            ends = last in sentence_end
            if ends and _LABEL_START.match(after):
                continue  # `…。` then `主席：`: a new speech, whatever the widths
            eligible += 1
            if used > over:
                continue  # too long: a line of its own
            if used < least:
                broken += not ends
                continue
            cjk_last = "\u2e80" <= last <= "\u9fff" or (last > "\u9fff" and _cjk(last))
            if "\u2e80" <= first <= "\u9fff" or (first > "\u9fff" and _cjk(first)):
                unit = 2 if first <= "\u9fff" or wide(first) else 1
                second = after[1:2]
                if second in closers:
                    unit += 2 if wide(second) else 1
                space = 0
            else:
                word = after.split(None, 1)[0]
                cut = _CJK_SEARCH(word)
                unit = self.width(word[: cut.start()] if cut else word)
                space = 0 if cjk_last else 1
            slack = 0 if ends else (2 if cjk_last else latin_slack)
            if used + space + unit > width - slack:
                joins[position] = True
                full += 1
            elif not ends:
                broken += 1
        # A short line that ends a sentence ends its paragraph: no evidence either way. Full
        # lines must outnumber short ones cut mid-sentence, and be common among all lines.
        if full < 3 or full < FULL_SHARE * (full + broken) or full < SUPPORT * eligible:
            return [False] * count
        self.wrap = width
        return joins

    # -- court lines --

    def _court_joins(self) -> list[bool]:
        court = self.court
        assert court is not None
        texts, sources, blanks, soft = self.texts, self.sources, self.blanks, self.soft
        numbers = court.numbers
        columns = Counter(court.columns[i] for i in sources if i in numbers)
        base = columns.most_common(1)[0][0] if columns else 0
        joins = [False] * len(texts)
        for position in range(1, len(texts)):
            index, previous = sources[position], sources[position - 1]
            if (blanks[position] and not soft[position]) or index not in numbers \
                    or previous not in numbers:
                continue
            body, before = texts[position], texts[position - 1]
            if court.columns[index] >= base + 3 or _capitals(before) or _heading(body) \
                    or _COURT_LABEL.match(body) or body[0] in "(（[" or _RULE.fullmatch(body) \
                    or _RULE.fullmatch(before) \
                    or (before[-1] == "." and _CAPITAL_NAME.match(body)):
                continue
            joins[position] = True
        return joins

    # -- output --

    def _emit(self, joins: list[bool], final_newline: bool) -> Layout:
        court = self.court
        numbers = court.numbers if court is not None else {}
        texts, blanks, soft = self.texts, self.blanks, self.soft
        count = len(texts)
        out = list(texts)
        separators = ["\n"] * count
        joined = [p for p in range(1, count) if joins[p]]
        for position in joined:
            out[position] = out[position].lstrip()
            out[position - 1] = out[position - 1].rstrip()
        for position in joined:
            before, after = out[position - 1], out[position]
            last = before[-1]
            if "\u2e80" <= last <= "\u9fff" or "\u2e80" <= after[0] <= "\u9fff":
                separators[position] = ""
                continue
            separator = _separator(before, after)
            if separator and self.cjk and self.wrap \
                    and self.width(texts[position - 1].rstrip()) >= self.wrap \
                    and not texts[position - 1][-1].isspace() and not texts[position][0].isspace():
                # Chinese text is cut anywhere, a number too (`2011年20` / `11年`): a line
                # filled to the last column had no space at its end.
                separator = ""
            separators[position] = separator
            if last == "\u00ad" and self.soft_hyphens:  # it only broke the word for the line
                out[position - 1] = before[:-1]
        # A page break between two paragraphs is written the way this record separates
        # paragraphs: with an empty line if most are, else with none.
        apart = [blanks[p] for p in range(1, count) if not joins[p] and not soft[p]]
        page_break = "\n\n" if sum(1 for b in apart if b) * 2 > len(apart) else "\n"
        for position in range(count):
            if joins[position]:
                continue
            if soft[position]:
                separators[position] = page_break if blanks[position] else "\n"
            elif blanks[position]:
                separators[position] = "\n" * (1 + blanks[position])
        if count:
            separators[0] = "" if soft[0] else "\n" * blanks[0]
        ends = list(accumulate(map(add, map(len, separators), map(len, out))))
        marks = self._marks(out, ends, numbers)
        pieces = list(chain.from_iterable(zip(separators, out, strict=True)))
        if count:
            pieces.append("\n" * self.trailing)
        if final_newline:
            pieces.append("\n")
        report = LayoutReport(
            paragraphs_joined=len(joined),
            headers_removed=len(self.furniture),
            line_numbers_removed=len(numbers),
        )
        return Layout("".join(pieces), tuple(marks), report)

    def _marks(self, out: list[str], ends: list[int], numbers: dict[int, int]) -> list[SourceMark]:
        """A mark where each page's text begins, and one where each numbered line's does."""
        labels = self.labels
        if labels is None and not numbers:
            return []
        page_of, sources = self.page_of, self.sources
        marks: list[SourceMark] = []
        marked_page = -1
        for position, index in enumerate(sources):
            page = page_of[index]
            if page == marked_page and index not in numbers:
                continue
            line = out[position]
            start = ends[position] - len(line.lstrip())
            label = labels[page] if labels is not None else ""
            if labels is not None and page != marked_page:
                marks.append(SourceMark(start, page=label))
                marked_page = page
            if index in numbers:
                marks.append(SourceMark(start, page=label, line=numbers[index]))
        return marks


def _wrap_width(widths: list[int]) -> int:
    """The width the lines were broken at: the widest place where lines crowd (at least
    three lines, and 5 % of them, within three columns)."""
    counts = Counter(widths)
    needed = max(3, 0.05 * len(widths))
    for width in sorted(counts, reverse=True):
        if counts[width] + counts.get(width - 1, 0) + counts.get(width - 2, 0) >= needed:
            return width
    return 0


def _cjk(char: str) -> bool:
    """Is `char` of a script written without spaces (Han, kana, CJK punctuation)?"""
    return ("\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"
            or "\ufe30" <= char <= "\ufe4f" or "\uff00" <= char <= "\uffef"
            or char >= "\U00020000")


def _capitals(line: str) -> bool:
    """An all-capital line: a heading (`ORAL ARGUMENT OF JANE ROE`), a name, a lone label."""
    return line.upper() == line and any(c.isalpha() for c in line)


def _heading(line: str) -> bool:
    """An all-capital line that is not a label (`MR. POE:` opens a speech, not a heading)."""
    return _capitals(line) and not _COURT_LABEL.match(line)


def _separator(before: str, after: str) -> str:
    """What goes between a line and the line that continues it."""
    last, first = before[-1], after[0]
    if last == "\u00ad":  # a soft hyphen: the word was only broken for the line
        return ""
    if _cjk(last) or _cjk(first):
        return ""
    if last in "-\u2010" and len(before) > 1 and before[-2].isalnum():
        return ""  # keep the hyphen, join without a space: `well-` + `known`
    return " "
