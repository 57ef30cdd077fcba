"""Notes are Markdown; they are shown as sanitised HTML: no scripts, no remote images."""

from __future__ import annotations

import functools
import html as _html
import re

_URL_SCHEMES = {"http", "https", "mailto"}


@functools.lru_cache(maxsize=512)
def render_note(text: str) -> str:
    """The note as safe HTML (Markdown rendered, then cleaned)."""
    # Imported here: the window should not pay for them before the first note is shown.
    import markdown
    import nh3

    html = markdown.markdown(text, extensions=["sane_lists", "tables", "fenced_code"])
    return nh3.clean(html, tags=set(nh3.ALLOWED_TAGS) - {"img"}, url_schemes=_URL_SCHEMES)


def warm_up() -> None:
    """Import the renderer and its extensions (with pygments, ≈0.1 s) and render once,
    off the GUI thread, so that the first note or term card shown does not wait for it."""
    render_note("*Yandu*\n\n```\nnote\n```")


def plain_text(text: str) -> str:
    """The note without its Markdown marks (for one-line lists and tooltips)."""
    html = render_note(text)
    html = re.sub(r"</(p|li|h[1-6]|tr|pre|blockquote)>", "\n", html)
    return _html.unescape(re.sub(r"<[^>]+>", "", html)).strip()


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(\*\*|__|\*|`+|~~)")
_LINE_START = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")


def strip_marks(line: str) -> str:
    """One line of Markdown without its commonest marks (cheap: lists show thousands)."""
    line = _LINE_START.sub("", line)
    line = _LINK.sub(r"\1", line)
    return _MARKS.sub("", line).strip()


def first_lines(text: str, count: int = 2, width: int = 80) -> str:
    """The first non-empty lines of a note, without Markdown marks, shortened, for lists."""
    lines = []
    for raw in text.splitlines():
        line = strip_marks(raw)
        if line:
            lines.append(line)
            if len(lines) == count:
                break
    return "\n".join(ln if len(ln) <= width else ln[: width - 1] + "…" for ln in lines)
