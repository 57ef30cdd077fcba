"""Which HTML a note may carry into an export, and the cleaning of raw HTML in Markdown.

One list of harmless tags serves both the HTML page (rendered notes) and the Markdown
file (raw HTML the user typed into a note), so the two exports agree on what is safe.
"""

from __future__ import annotations

import re
from collections import Counter

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "li", "mark", "ol", "p", "pre",
    "q", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"},
                      "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}

# Built once: configuring a cleaner costs more than cleaning a short note.
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer nofollow",
)
# For Markdown: the same rules, but a safe link is left as the user wrote it.
_MARKDOWN_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel=None,
)


def sanitise(fragment: str) -> str:
    """Keep only harmless HTML: no scripts, handlers, styles, images or unsafe links."""
    return _CLEANER.clean(fragment)


# Raw HTML as CommonMark sees it: tags, comments, processing instructions, declarations.
_ATTRIBUTE = r"""\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
_RAW_HTML = re.compile(
    rf"<[A-Za-z][A-Za-z0-9-]*(?:{_ATTRIBUTE})*\s*/?>"
    r"|</[A-Za-z][A-Za-z0-9-]*\s*>"
    r"|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>"
)
_TAG_PARTS = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)|\s([A-Za-z_:][\w.:-]*)")
# Code keeps what it shows: fenced blocks and inline spans are left alone.
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)",
                    re.MULTILINE)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")
_ESCAPED = re.compile(r"&(amp|lt|gt|quot|nbsp);")
_UNESCAPE = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "nbsp": "\u00a0"}


def _tag_key(tag: str) -> tuple[str, tuple[str, ...]] | None:
    """(element, attribute names) of a tag; None for comments and the like."""
    if tag.startswith(("<!", "<?")):
        return None
    parts = _TAG_PARTS.findall(tag)
    name = parts[0][0].lower()
    attributes = tuple(sorted(a.lower() for _n, a in parts[1:] if a))
    return ("/" if tag.startswith("</") else "") + name, attributes


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _split(text: str) -> list[tuple[bool, str]]:
    """`text` as (is raw HTML, piece) pairs."""
    pieces: list[tuple[bool, str]] = []
    at = 0
    for match in _RAW_HTML.finditer(text):
        pieces.append((False, text[at:match.start()]))
        pieces.append((True, match.group()))
        at = match.end()
    pieces.append((False, text[at:]))
    return pieces


def clean_markdown(text: str) -> tuple[str, bool]:
    """A note's Markdown with its raw HTML made safe, and whether anything was removed.

    Only the raw HTML changes: the Markdown around it, and code, stay exactly as written.
    Comments go silently; a tag, attribute or link that goes counts as removed.
    """
    if "<" not in text:
        return text, False
    code: list[str] = []

    def hide(match: re.Match) -> str:
        code.append(match.group())
        return f"\ue000{len(code) - 1}\ue001"

    hidden = _CODE_SPAN.sub(hide, _FENCE.sub(hide, text))
    pieces = _split(hidden)
    if not any(is_html for is_html, _ in pieces):
        return text, False
    encoded = "".join(piece if is_html else _escape_text(piece) for is_html, piece in pieces)
    cleaned = _MARKDOWN_CLEANER.clean(encoded)
    out_pieces = _split(cleaned)
    result = "".join(
        piece if is_html else _ESCAPED.sub(lambda m: _UNESCAPE[m.group(1)], piece)
        for is_html, piece in out_pieces
    )
    result = _PLACEHOLDER.sub(lambda m: code[int(m.group(1))], result)
    before = Counter(k for is_html, p in pieces if is_html and (k := _tag_key(p)))
    after = Counter(k for is_html, p in out_pieces if is_html and (k := _tag_key(p)))
    return result, bool(before - after)
