"""Markdown notes: YAML front matter, annotations by section, then a glossary appendix.

The output is CommonMark that also reads well in Obsidian: transcript text is escaped so
it shows literally; notes are the user's own Markdown and pass through unchanged.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.clock import now_iso
from desktop.core.export import data, glossary_source
from desktop.core.export.mdtext import block_quote, escape_inline, hashtag, yaml_string
from desktop.core.export.options import ExportOptions, Progress, report, write_text

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

NARRATION = "Narration"
BEFORE_FIRST_SECTION = "Opening"


def _speaker_yaml(speakers, indent: str) -> list[str]:
    lines = [f"{indent}speakers:"] if speakers else [f"{indent}speakers: []"]
    for s in speakers:
        lines.append(f"{indent}  - name: {yaml_string(s.name)}")
        if s.role:
            lines.append(f"{indent}    role: {yaml_string(s.role)}")
        if s.is_moderator:
            lines.append(f"{indent}    moderator: true")
    return lines


def front_matter(docs: list[data.DocumentExport], options: ExportOptions) -> str:
    """The YAML block: title, source, date, speakers with roles (per document if several)."""
    date = (options.exported_at or now_iso())[:10]
    lines = ["---", f"title: {yaml_string(data.document_title(docs, options))}"]
    if len(docs) == 1:
        lines.append(f"source: {yaml_string(docs[0].meta.source_name)}")
        lines.append(f"date: {date}")
        lines += _speaker_yaml(docs[0].speakers, "")
    else:
        lines.append(f"date: {date}")
        lines.append("documents:" if docs else "documents: []")
        for doc in docs:
            lines.append(f"  - title: {yaml_string(doc.meta.title)}")
            lines.append(f"    source: {yaml_string(doc.meta.source_name)}")
            lines += _speaker_yaml(doc.speakers, "    ")
    if options.speakers:
        lines.append("only_speakers: [" + ", ".join(yaml_string(s) for s in options.speakers)
                     + "]")
    if options.tags:
        lines.append("only_tags: [" + ", ".join(yaml_string(t) for t in options.tags) + "]")
    lines.append("---")
    return "\n".join(lines)


@dataclass(frozen=True)
class Block:
    """A piece of the notes as Markdown, and as HTML when Yandu wrote it itself.

    Structure (headings, quotes, turns, tags) is escaped text Yandu lays out, so its HTML
    is written directly; user-written Markdown (notes, definitions) has `html` None and is
    rendered by the `markdown` package. This keeps a 10,000-note HTML export fast.
    """

    md: str
    html: str | None = None


def _e(text: str) -> str:
    return html_lib.escape(text, quote=False)


def _heading(level: int, text: str) -> Block:
    text = " ".join(text.split())
    return Block(f"{'#' * level} {escape_inline(text)}", f"<h{level}>{_e(text)}</h{level}>")


def _quote(text: str) -> Block:
    paras = [p for p in re.split(r"\n\s*\n", text.strip("\n")) if p.strip()]
    inner = "\n".join(f"<p>{_e(p.strip())}</p>" for p in paras)
    return Block(block_quote(text), f"<blockquote>\n{inner}\n</blockquote>")


def _tags(tags: tuple[str, ...]) -> Block:
    line = "Tags: " + " ".join(hashtag(t) for t in tags)
    return Block(line, f"<p>{_e(line)}</p>")


def annotation_blocks(item: data.PlacedAnnotation, *, in_transcript: bool = False
                      ) -> list[Block]:
    """One annotation: speaker heading, quoted passage, note, tags."""
    ann = item.annotation
    if in_transcript:
        # Amid the transcript a bare speaker heading would read as the next turn.
        heading = f"Note · {item.speaker_name}" if item.speaker_name else "Note"
    else:
        heading = item.speaker_name or NARRATION
    out = [_heading(3, heading), _quote(ann.quote)]
    if ann.note.strip():
        out.append(Block(ann.note.strip("\n").rstrip()))
    if ann.tags:
        out.append(_tags(ann.tags))
    return out


def _turn_blocks(doc: data.DocumentExport, turn) -> list[Block]:
    speaker = doc.speaker_of(turn)
    lines = [line.strip() for line in turn.text.splitlines() if line.strip()]
    md = [escape_inline(line) for line in lines]
    html = [_e(line) for line in lines]
    if speaker and turn.headline:
        md.insert(0, f"**{escape_inline(speaker.name)}:** *{escape_inline(turn.headline)}*")
        html.insert(0, f"<strong>{_e(speaker.name)}:</strong> <em>{_e(turn.headline)}</em>")
    elif turn.headline:
        md.insert(0, f"*{escape_inline(turn.headline)}*")
        html.insert(0, f"<em>{_e(turn.headline)}</em>")
    elif speaker and lines:
        md[0] = f"**{escape_inline(speaker.name)}:** {md[0]}"
        html[0] = f"<strong>{_e(speaker.name)}:</strong> {html[0]}"
    return [Block(m, f"<p>{h}</p>") for m, h in zip(md, html, strict=True)]


def document_blocks(doc: data.DocumentExport, options: ExportOptions, level: int = 1
                    ) -> list[Block]:
    """A document's heading, then its sections with annotations (and turns if asked)."""
    out = [_heading(level, doc.meta.title)]
    sectioned = any(b.section is not None for b in doc.blocks)
    for block in doc.blocks:
        if not options.with_transcript and not block.annotations:
            continue
        if sectioned:
            out.append(_heading(2, block.section.title if block.section
                                else BEFORE_FIRST_SECTION))
        if options.with_transcript:
            by_turn: dict[int | None, list[data.PlacedAnnotation]] = {}
            for item in block.annotations:
                by_turn.setdefault(item.turn.id if item.turn else None, []).append(item)
            for item in by_turn.pop(None, []):
                out += annotation_blocks(item, in_transcript=True)
            for turn in block.turns:
                if data.speaker_wanted(doc.speaker_of(turn), options):
                    out += _turn_blocks(doc, turn)
                for item in by_turn.get(turn.id, []):
                    out += annotation_blocks(item, in_transcript=True)
        else:
            for item in block.annotations:
                out += annotation_blocks(item)
    if not doc.annotations and not options.with_transcript:
        out.append(Block("*No annotations.*", "<p><em>No annotations.</em></p>"))
    return out


def _glossary_blocks(term: glossary_source.Term) -> list[Block]:
    extras = [x for x in (term.pinyin, term.english) if x.strip()]
    md = f"**{escape_inline(term.term)}**"
    html = f"<strong>{_e(term.term)}</strong>"
    if extras:
        md += " (" + "; ".join(escape_inline(x) for x in extras) + ")"
        html += " (" + "; ".join(_e(x) for x in extras) + ")"
    definition = " ".join(term.definition.split())
    if not definition:
        return [Block(md, f"<p>{html}</p>")]
    # The definition is user Markdown; the HTML side renders it with the term as a lead-in.
    return [Block(f"{md}: {definition}", None)]


def _sort_key(term: glossary_source.Term) -> tuple[str, str]:
    # Tone marks would sort "dà" after "z"; compare the bare letters.
    sound = unicodedata.normalize("NFD", term.pinyin or term.term)
    return ("".join(c for c in sound if not unicodedata.combining(c)).casefold(), term.term)


def glossary_blocks(db: Database, docs: list[data.DocumentExport], level: int) -> list[Block]:
    """The glossary terms occurring in the documents (none: no appendix)."""
    terms = glossary_source.terms_in(db, [d.meta.text for d in docs])
    if not terms:
        return []
    # Readers look a Chinese term up by its sound: order by pinyin where there is one.
    terms.sort(key=_sort_key)
    out = [_heading(level, "Glossary")]
    for term in terms:
        out += _glossary_blocks(term)
    return out


def body_blocks(db: Database, docs: list[data.DocumentExport], options: ExportOptions,
                progress: Progress | None = None) -> list[Block]:
    """Everything after the front matter, block by block."""
    out: list[Block] = []
    for index, doc in enumerate(docs):
        out += document_blocks(doc, options, 1)
        report(progress, index + 1, len(docs) + 1)
    if options.with_glossary:
        out += glossary_blocks(db, docs, 2 if len(docs) == 1 else 1)
    report(progress, len(docs) + 1, len(docs) + 1)
    return out


def render_body(db: Database, docs: list[data.DocumentExport], options: ExportOptions,
                progress: Progress | None = None) -> str:
    """The Markdown after the front matter."""
    return "\n\n".join(b.md for b in body_blocks(db, docs, options, progress))


def render_markdown(db: Database, options: ExportOptions, progress: Progress | None = None
                    ) -> str:
    """The whole Markdown export as a string (also the dialog's preview)."""
    docs = data.load(db, options)
    return front_matter(docs, options) + "\n\n" + render_body(db, docs, options, progress) + "\n"


def export_markdown(db: Database, options: ExportOptions, out: Path,
                    progress: Progress | None = None) -> Path:
    """Write the Markdown notes to `out` (UTF-8)."""
    return write_text(out, render_markdown(db, options, progress))
