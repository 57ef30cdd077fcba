"""A glossary term as a small HTML card: the hover over a marked term, the panel's entry."""

from __future__ import annotations

import html as _html

from desktop.core import glossary
from desktop.ui.markdown_note import render_note


def term_card(term: glossary.Term) -> str:
    """A term as hover HTML: the term, pinyin, English, then the definition (sanitised)."""
    head = f"<b>{_html.escape(term.term)}</b>"
    if term.pinyin:
        head += f" <span>{_html.escape(term.pinyin)}</span>"
    if term.english:
        head += f" — <i>{_html.escape(term.english)}</i>"
    body = render_note(term.definition.strip()) if term.definition.strip() else ""
    return f"<p>{head}</p>{body}"
