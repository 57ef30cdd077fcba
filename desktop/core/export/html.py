"""A standalone, print-friendly HTML file rendered from the Markdown notes.

Everything user-written (notes, titles, names, quotes) goes through Markdown and then nh3,
which keeps only harmless tags: no scripts, no event handlers, no images or other remote
fetches, no `javascript:` links. A Content-Security-Policy forbids fetching anything.
"""

from __future__ import annotations

import html as html_lib
from pathlib import Path

import markdown as markdown_lib
import nh3
from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.export import data
from desktop.core.export.markdown import render_body
from desktop.core.export.options import ExportOptions, Progress, atomic_output

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "li", "mark", "ol", "p", "pre",
    "q", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"},
                      "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}

STYLESHEET = """
:root { color-scheme: light; }
body {
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun",
    "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    "WenQuanYi Micro Hei", serif;
  line-height: 1.7; color: #1a1a1a; max-width: 46em; margin: 2em auto; padding: 0 1em;
}
h1, h2, h3, header {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
    "WenQuanYi Micro Hei", sans-serif;
  line-height: 1.35;
}
h1 { font-size: 1.6em; border-bottom: 2px solid #444; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05em; margin-bottom: .3em; color: #333; }
blockquote { margin: .5em 0; padding: .2em 1em; border-left: 4px solid #c9a227;
  background: #faf7ec; }
header { color: #555; font-size: .9em; margin-bottom: 2em; }
header dl { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; }
header dt { font-weight: bold; }
header dd { margin: 0; }
a { color: #1f4e8c; }
code, pre { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  h3, blockquote { break-after: avoid; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; color: #555; }
}
""".strip()

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def sanitise(fragment: str) -> str:
    """Keep only harmless HTML: no scripts, handlers, styles, images or unsafe links."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def markdown_to_html(text: str) -> str:
    """Render Markdown to a sanitised HTML fragment."""
    rendered = markdown_lib.markdown(text, extensions=["sane_lists", "tables", "fenced_code"],
                                     output_format="html")
    return sanitise(rendered)


def _e(text: str) -> str:
    return html_lib.escape(text, quote=True)


def _header(docs: list[data.DocumentExport], options: ExportOptions) -> str:
    rows = []
    for doc in docs:
        people = ", ".join(
            _e(s.name) + (f" ({_e(s.role)})" if s.role else "") for s in doc.speakers
        )
        rows.append(f"<dt>Source</dt><dd>{_e(doc.meta.source_name)}</dd>")
        if people:
            rows.append(f"<dt>Speakers</dt><dd>{people}</dd>")
    rows.append(f"<dt>Date</dt><dd>{_e((options.exported_at or now_iso())[:10])}</dd>")
    return "<header><dl>" + "".join(rows) + "</dl></header>"


def render_html(db: Database, options: ExportOptions, progress: Progress | None = None) -> str:
    """The whole standalone HTML page as a string."""
    docs = data.load(db, options)
    title = data.document_title(docs, options)
    body = markdown_to_html(render_body(db, docs, options, progress))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Yandu">\n'
        f"<title>{_e(title)}</title>\n<style>\n{STYLESHEET}\n</style>\n</head>\n<body>\n"
        f"{_header(docs, options)}\n{body}\n</body>\n</html>\n"
    )


def export_html(db: Database, options: ExportOptions, out: Path,
                progress: Progress | None = None) -> Path:
    """Write the notes as one standalone HTML file to `out`."""
    text = render_html(db, options, progress)
    with atomic_output(Path(out), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return Path(out)
