"""Markdown notes: YAML front matter, annotations by section, then a glossary appendix.

The output is CommonMark that also reads well in Obsidian: transcript text is escaped so
it shows literally; notes are the user's own Markdown and pass through, except raw HTML
in them, which is cleaned as the HTML export cleans it.
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
from desktop.core.export.labels import label
from desktop.core.export.mdtext import block_quote, escape_inline, hashtag, yaml_string
from desktop.core.export.options import ExportOptions, Progress, report, write_text
from desktop.core.export.sanitise import clean_markdown

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database


def _yaml_list(key: str, values: list[str]) -> list[str]:
    """A YAML list of strings in block style, as Obsidian writes its list properties."""
    if not values:
        return [f"{key}: []"]
    return [f"{key}:", *(f"  - {yaml_string(v)}" for v in values)]


def _unique(values) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def front_matter(docs: list[data.DocumentExport], options: ExportOptions) -> str:
    """The YAML block, as Obsidian properties: plain text, date and lists of text only.

    Obsidian has no type for a list of objects, so speakers, roles and documents are lists
    of names; the tags of the exported annotations are the `tags` property.
    """
    date = (options.exported_at or now_iso())[:10]
    lines = ["---", f"title: {yaml_string(data.document_title(docs, options))}"]
    if len(docs) == 1:
        lines.append(f"source: {yaml_string(docs[0].meta.source_name)}")
        lines.append(f"date: {date}")
    else:
        lines.append(f"date: {date}")
        lines += _yaml_list("documents", [d.meta.title for d in docs])
        if docs:
            lines += _yaml_list("sources", _unique(d.meta.source_name for d in docs))
    speakers = [s for d in docs for s in d.speakers]
    if docs:
        lines += _yaml_list("speakers", _unique(s.name for s in speakers))
    roles = _unique(f"{s.name}: {s.role}" for s in speakers if s.role)
    if roles:
        lines += _yaml_list("roles", roles)
    moderators = _unique(s.name for s in speakers if s.is_moderator)
    if moderators:
        lines += _yaml_list("moderators", moderators)
    tags = {hashtag(t)[1:].casefold(): hashtag(t)[1:] for d in docs for i in d.annotations
            for t in i.annotation.tags}
    if tags:
        lines += _yaml_list("tags", [tags[k] for k in sorted(tags)])
    if options.speakers:
        lines += _yaml_list("only_speakers", list(options.speakers))
    if options.tags:
        lines += _yaml_list("only_tags", list(options.tags))
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


def _quote(text: str, citation: str = "") -> Block:
    """The quoted passage, ending with where it is in the source ("— p. 23, l. 4–9")."""
    paras = [p for p in re.split(r"\n\s*\n", text.strip("\n")) if p.strip()]
    inner = "\n".join(f"<p>{_e(p.strip())}</p>" for p in paras)
    md = block_quote(text)
    if citation:
        md += "\n>\n> — " + escape_inline(citation)
        inner += f"\n<p><small>— {_e(citation)}</small></p>"
    return Block(md, f"<blockquote>\n{inner}\n</blockquote>")


def _tags(tags: tuple[str, ...], language: str) -> Block:
    line = label("Tags", language) + ": " + " ".join(hashtag(t) for t in tags)
    return Block(line, f"<p>{_e(line)}</p>")


def _removed(language: str) -> Block:
    """The quiet line saying a note lost unsafe HTML (which leaves no trace of its own)."""
    text = label("Unsafe HTML removed from this note.", language)
    return Block(f"*{escape_inline(text)}*", f"<p><small>{_e(text)}</small></p>")


def annotation_blocks(item: data.PlacedAnnotation, *, in_transcript: bool = False,
                      language: str = "en") -> list[Block]:
    """One annotation: speaker heading, quoted passage, note, tags."""
    ann = item.annotation
    if in_transcript:
        # Amid the transcript a bare speaker heading would read as the next turn.
        note = label("Note", language)
        heading = f"{note} · {item.speaker_name}" if item.speaker_name else note
    else:
        heading = item.speaker_name or label("Narration", language)
    out = [_heading(3, heading), _quote(ann.quote, item.citation.text(language))]
    if ann.note.strip():
        # The note is the user's Markdown; only raw HTML in it is cleaned.
        note_md, removed = clean_markdown(ann.note.strip("\n").rstrip())
        if note_md.strip():
            out.append(Block(note_md))
        if removed:
            out.append(_removed(language))
    if ann.tags:
        out.append(_tags(ann.tags, language))
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
                                else label("Opening", options.language)))
        if options.with_transcript:
            by_turn: dict[int | None, list[data.PlacedAnnotation]] = {}
            for item in block.annotations:
                by_turn.setdefault(item.turn.id if item.turn else None, []).append(item)
            for item in by_turn.pop(None, []):
                out += annotation_blocks(item, in_transcript=True, language=options.language)
            for turn in block.turns:
                if data.speaker_wanted(doc.speaker_of(turn), options):
                    out += _turn_blocks(doc, turn)
                for item in by_turn.get(turn.id, []):
                    out += annotation_blocks(item, in_transcript=True,
                                             language=options.language)
        else:
            for item in block.annotations:
                out += annotation_blocks(item, language=options.language)
    if not doc.annotations and not options.with_transcript:
        none = label("No annotations.", options.language)
        out.append(Block(f"*{escape_inline(none)}*", f"<p><em>{_e(none)}</em></p>"))
    return out


def _glossary_blocks(term: glossary_source.Term, language: str) -> list[Block]:
    # Pinyin and English are often the term itself ("ChatGPT"); say each thing once.
    seen = {term.term.strip().casefold()}
    extras: list[str] = []
    for value in (term.pinyin, term.english):
        if value.strip() and value.strip().casefold() not in seen:
            seen.add(value.strip().casefold())
            extras.append(value.strip())
    aliases = [a for a in dict.fromkeys(a.strip() for a in term.aliases)
               if a and a.casefold() not in seen]
    parts_md = [escape_inline(x) for x in extras]
    parts_html = [_e(x) for x in extras]
    if aliases:
        also = label("also", language)
        parts_md.append(f"{also} " + ", ".join(escape_inline(a) for a in aliases))
        parts_html.append(f"{_e(also)} " + ", ".join(_e(a) for a in aliases))
    md = f"**{escape_inline(term.term)}**"
    html = f"<strong>{_e(term.term)}</strong>"
    if parts_md:
        md += " (" + "; ".join(parts_md) + ")"
        html += " (" + "; ".join(parts_html) + ")"
    definition = " ".join(clean_markdown(term.definition)[0].split())
    if not definition:
        return [Block(md, f"<p>{html}</p>")]
    # The definition is user Markdown; the HTML side renders it with the term as a lead-in.
    return [Block(f"{md}: {definition}", None)]


def _sort_key(term: glossary_source.Term) -> tuple[str, str]:
    # Tone marks would sort "dà" after "z"; compare the bare letters.
    sound = unicodedata.normalize("NFD", term.pinyin or term.term)
    return ("".join(c for c in sound if not unicodedata.combining(c)).casefold(), term.term)


def exported_texts(docs: list[data.DocumentExport], options: ExportOptions) -> list[str]:
    """What the export shows of the documents: quotes and notes, and the chosen turns
    when the transcript is included. The glossary appendix explains only these."""
    texts = [t for d in docs for i in d.annotations for t in (i.annotation.quote,
                                                              i.annotation.note)]
    if options.with_transcript:
        texts += [t.headline + "\n" + t.text for d in docs for b in d.blocks for t in b.turns
                  if data.speaker_wanted(d.speaker_of(t), options)]
    return texts


def glossary_blocks(db: Database, docs: list[data.DocumentExport], options: ExportOptions,
                    level: int) -> list[Block]:
    """The glossary terms occurring in what is exported (none: no appendix)."""
    terms = glossary_source.terms_in(db, exported_texts(docs, options))
    if not terms:
        return []
    # Readers look a Chinese term up by its sound: order by pinyin where there is one.
    terms.sort(key=_sort_key)
    out = [_heading(level, label("Glossary", options.language))]
    for term in terms:
        out += _glossary_blocks(term, options.language)
    return out


def body_blocks(db: Database, docs: list[data.DocumentExport], options: ExportOptions,
                progress: Progress | None = None) -> list[Block]:
    """Everything after the front matter, block by block."""
    out: list[Block] = []
    for index, doc in enumerate(docs):
        out += document_blocks(doc, options, 1)
        report(progress, index + 1, len(docs) + 1)
    if options.with_glossary:
        out += glossary_blocks(db, docs, options, 2 if len(docs) == 1 else 1)
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
