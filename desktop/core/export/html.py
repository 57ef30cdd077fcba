"""A standalone, print-friendly HTML file rendered from the Markdown notes.

Everything user-written (notes, titles, names, quotes) goes through Markdown and then nh3,
which keeps only harmless tags: no scripts, no event handlers, no images or other remote
fetches, no `javascript:` links. A Content-Security-Policy forbids fetching anything.
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path
from typing import TYPE_CHECKING

import markdown as markdown_lib

from desktop.core.clock import now_iso
from desktop.core.export import data
from desktop.core.export.labels import label
from desktop.core.export.markdown import Block, body_blocks
from desktop.core.export.options import ExportOptions, Progress, write_text
from desktop.core.export.sanitise import sanitise

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

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


_EXTENSIONS = ["sane_lists", "tables", "fenced_code"]


# Text with none of these characters, and no line starting like a block marker, is
# plain paragraphs to Markdown (a test checks this against the markdown package).
_MARKUP_CHARS = frozenset("\\`*_[]<>&|~\t\r\x0b\x0c")
_BLOCK_MARK = re.compile(r"^(?:[#=+\-]|\d+[.)]|\s)|  $")


def plain_paragraphs(text: str) -> str | None:
    """The HTML of `text` when it holds no Markdown at all (the common case), else None.

    Calling the markdown package costs about a quarter of a millisecond even for one
    plain sentence; most notes are plain, so they skip it.
    """
    if not _MARKUP_CHARS.isdisjoint(text):
        return None
    paras: list[list[str]] = [[]]
    for line in text.strip("\n").split("\n"):
        if not line.strip():
            if line:
                # Spaces alone can open an (empty) indented code block: let Markdown decide.
                return None
            if paras[-1]:
                paras.append([])
            continue
        if _BLOCK_MARK.search(line):
            return None
        paras[-1].append(line)
    return "\n".join(f"<p>{chr(10).join(p)}</p>" for p in paras if p)


def markdown_to_html(text: str, renderer: markdown_lib.Markdown | None = None) -> str:
    """Render Markdown to a sanitised HTML fragment."""
    plain = plain_paragraphs(text)
    if plain is not None:
        return sanitise(plain)
    renderer = renderer or markdown_lib.Markdown(extensions=_EXTENSIONS, output_format="html")
    return sanitise(renderer.reset().convert(text))


def blocks_to_html(blocks: list[Block]) -> str:
    """The HTML of the notes: Yandu's own blocks as written, user Markdown rendered.

    Each block is sanitised on its own: nh3 slows down sharply on one huge fragment.
    """
    renderer = markdown_lib.Markdown(extensions=_EXTENSIONS, output_format="html")
    return "\n".join(
        sanitise(b.html) if b.html is not None else markdown_to_html(b.md, renderer)
        for b in blocks
    )


def _e(text: str) -> str:
    return html_lib.escape(text, quote=True)


def _header(docs: list[data.DocumentExport], options: ExportOptions) -> str:
    language = options.language
    rows = []
    for doc in docs:
        people = ", ".join(
            _e(s.name) + (f" ({_e(s.role)})" if s.role else "") for s in doc.speakers
        )
        rows.append(f"<dt>{_e(label('Source', language))}</dt><dd>{_e(doc.meta.source_name)}</dd>")
        if people:
            rows.append(f"<dt>{_e(label('Speakers', language))}</dt><dd>{people}</dd>")
    date = _e((options.exported_at or now_iso())[:10])
    rows.append(f"<dt>{_e(label('Date', language))}</dt><dd>{date}</dd>")
    return "<header><dl>" + "".join(rows) + "</dl></header>"


def render_html(db: Database, options: ExportOptions, progress: Progress | None = None) -> str:
    """The whole standalone HTML page as a string."""
    docs = data.load(db, options)
    title = data.document_title(docs, options)
    body = blocks_to_html(body_blocks(db, docs, options, progress))
    header = _header(docs, options)
    if len(docs) == 1 and "</h1>\n" in body:
        # The document's own title heads the page; its details follow it.
        body = body.replace("</h1>\n", "</h1>\n" + header + "\n", 1)
    else:
        body = f"<h1>{_e(title)}</h1>\n{header}\n{body}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Yandu">\n'
        f"<title>{_e(title)}</title>\n<style>\n{STYLESHEET}\n</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def export_html(db: Database, options: ExportOptions, out: Path,
                progress: Progress | None = None) -> Path:
    """Write the notes as one standalone HTML file to `out`."""
    return write_text(out, render_html(db, options, progress))
