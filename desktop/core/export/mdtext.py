"""Small helpers that put transcript text and tags safely into Markdown and YAML."""

from __future__ import annotations

import json
import re

# Characters both CommonMark and Python-Markdown accept backslash escapes for.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
# A line start that would open a heading, quote, list or thematic break.
_BLOCK_START = re.compile(r"^(\s*)([#>+\-]|\d+(?=[.)]))", re.MULTILINE)


def escape_inline(text: str) -> str:
    """Transcript text as literal Markdown: no emphasis, links, raw HTML or entities."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = text.replace("<", "&lt;")
    return _BLOCK_START.sub(lambda m: m.group(1) + _escape_block_marker(m.group(2)), text)


def _escape_block_marker(marker: str) -> str:
    if marker.isdigit():
        # "1." opens a list; escaping the dot is the portable way ("1\.").
        return marker + "\\"
    return "\\" + marker


def block_quote(text: str) -> str:
    """`text` (escaped) as a Markdown block quote, one `>` per line."""
    lines = escape_inline(text.strip("\n")).split("\n")
    return "\n".join(f"> {line.rstrip()}" if line.strip() else ">" for line in lines)


_TAG_INVALID = re.compile(r"[^\w\-/]+")


def hashtag(tag: str) -> str:
    """A tag as an Obsidian-style `#tag`: spaces and punctuation become `_`.

    Obsidian tags may hold letters (any script), digits, `_`, `-` and `/`, and must not
    be all digits.
    """
    body = _TAG_INVALID.sub("_", tag.strip()).strip("_") or "tag"
    if body.isdigit():
        body = "_" + body
    return "#" + body


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)
