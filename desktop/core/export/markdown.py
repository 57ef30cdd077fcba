"""Markdown notes: YAML front matter, annotations by section, then a glossary appendix.

The output is CommonMark that also reads well in Obsidian: transcript text is escaped so
it shows literally; notes are the user's own Markdown and pass through unchanged.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.export import data, glossary_source
from desktop.core.export.mdtext import block_quote, escape_inline, hashtag, paragraphs, yaml_string
from desktop.core.export.options import ExportOptions, Progress, atomic_output, report

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


def annotation_block(item: data.PlacedAnnotation) -> str:
    """One annotation: speaker heading, quoted passage, note, tags."""
    ann = item.annotation
    parts = [f"### {escape_inline(item.speaker_name) or NARRATION}", block_quote(ann.quote)]
    if ann.note.strip():
        parts.append(ann.note.strip("\n").rstrip())
    if ann.tags:
        parts.append("Tags: " + " ".join(hashtag(t) for t in ann.tags))
    return "\n\n".join(parts)


def _turn_block(doc: data.DocumentExport, turn) -> str:
    speaker = doc.speaker_of(turn)
    lines = paragraphs(turn.text)
    lead = f"**{escape_inline(speaker.name)}:**" if speaker else ""
    if turn.headline:
        lead = f"{lead} *{escape_inline(turn.headline)}*".strip()
        lines.insert(0, lead)
    elif lead and lines:
        lines[0] = f"{lead} {lines[0]}"
    return "\n\n".join(lines)


def document_body(doc: data.DocumentExport, options: ExportOptions, level: int = 1) -> str:
    """A document's heading, then its sections with annotations (and turns if asked)."""
    out = [f"{'#' * level} {escape_inline(doc.meta.title)}"]
    sectioned = any(b.section is not None for b in doc.blocks)
    for block in doc.blocks:
        if not options.with_transcript and not block.annotations:
            continue
        if sectioned:
            title = block.section.title if block.section else BEFORE_FIRST_SECTION
            out.append(f"## {escape_inline(' '.join(title.split()))}")
        if options.with_transcript:
            by_turn: dict[int | None, list[data.PlacedAnnotation]] = {}
            for item in block.annotations:
                by_turn.setdefault(item.turn.id if item.turn else None, []).append(item)
            out += [annotation_block(a) for a in by_turn.pop(None, [])]
            for turn in block.turns:
                if data.speaker_wanted(doc.speaker_of(turn), options):
                    text = _turn_block(doc, turn)
                    if text:
                        out.append(text)
                out += [annotation_block(a) for a in by_turn.get(turn.id, [])]
        else:
            out += [annotation_block(a) for a in block.annotations]
    if not doc.annotations and not options.with_transcript:
        out.append("*No annotations.*")
    return "\n\n".join(out)


def _glossary_line(term: glossary_source.Term) -> str:
    extra = "; ".join(escape_inline(x) for x in (term.pinyin, term.english) if x.strip())
    line = f"**{escape_inline(term.term)}**"
    if extra:
        line += f" ({extra})"
    definition = " ".join(term.definition.split())
    if definition:
        line += f": {definition}"
    return line


def _sort_key(term: glossary_source.Term) -> tuple[str, str]:
    # Tone marks would sort "dà" after "z"; compare the bare letters.
    sound = unicodedata.normalize("NFD", term.pinyin or term.term)
    return ("".join(c for c in sound if not unicodedata.combining(c)).casefold(), term.term)


def glossary_appendix(db: Database, docs: list[data.DocumentExport], level: int) -> str:
    """The glossary terms occurring in the documents, or '' when there are none."""
    terms = glossary_source.terms_in(db, [d.meta.text for d in docs])
    # Readers look a Chinese term up by its sound: order by pinyin where there is one.
    terms.sort(key=_sort_key)
    if not terms:
        return ""
    return "\n\n".join([f"{'#' * level} Glossary", *(_glossary_line(t) for t in terms)])


def render_body(db: Database, docs: list[data.DocumentExport], options: ExportOptions,
                progress: Progress | None = None) -> str:
    """The Markdown after the front matter."""
    level = 1
    parts = []
    for index, doc in enumerate(docs):
        parts.append(document_body(doc, options, level))
        report(progress, index + 1, len(docs) + 1)
    if options.with_glossary:
        appendix = glossary_appendix(db, docs, 2 if len(docs) == 1 else 1)
        if appendix:
            parts.append(appendix)
    report(progress, len(docs) + 1, len(docs) + 1)
    return "\n\n".join(parts)


def render_markdown(db: Database, options: ExportOptions, progress: Progress | None = None
                    ) -> str:
    """The whole Markdown export as a string (also the dialog's preview)."""
    docs = data.load(db, options)
    return front_matter(docs, options) + "\n\n" + render_body(db, docs, options, progress) + "\n"


def export_markdown(db: Database, options: ExportOptions, out: Path,
                    progress: Progress | None = None) -> Path:
    """Write the Markdown notes to `out` (UTF-8)."""
    text = render_markdown(db, options, progress)
    with atomic_output(Path(out), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return Path(out)
