"""Keyword in context: a short one-line excerpt around a match, and where the match sits in it."""

from __future__ import annotations

ELLIPSIS = "…"
CONTEXT = 30  # code points shown on each side of the first match

_ONE_LINE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u2028": " ", "\u2029": " "})


def snippet(
    text: str, matches: tuple[tuple[int, int], ...] | list[tuple[int, int]], context: int = CONTEXT
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The excerpt of `text` around its first match, with the matches that fall inside it.

    Offsets are code points. "…" marks a cut at either end; line breaks become spaces, so
    the excerpt keeps the length it has in `text`. Without matches, the text's beginning.
    """
    if matches:
        first_start, first_end = min(matches)
    else:
        first_start = first_end = 0
    left = max(0, first_start - context)
    right = min(len(text), first_end + context)
    if not matches:
        right = min(len(text), 2 * context)
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < len(text) else ""
    body = text[left:right].translate(_ONE_LINE)
    shift = len(prefix) - left
    inside = tuple(
        (max(start, left) + shift, min(end, right) + shift)
        for start, end in sorted(matches)
        if start < right and end > left
    )
    return prefix + body + suffix, inside


def mark(text: str, spans: tuple[tuple[int, int], ...], open_mark: str = "【",
         close_mark: str = "】") -> str:
    """`text` with each (start, end) span wrapped in the marks, e.g. 【算力】."""
    parts: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if start < at:
            continue  # overlaps the span just marked
        parts += [text[at:start], open_mark, text[start:end], close_mark]
        at = end
    parts.append(text[at:])
    return "".join(parts)
