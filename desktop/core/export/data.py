"""Everything an export needs, read from the study in a few batched queries.

Each annotation is placed in its turn (by offset), hence its section and speaker, so the
exporters only format. Reading never writes to the study.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db import annotations as annotation_rows
from db.annotations import Annotation
from desktop.core import library
from desktop.core.citations import Citation, SourceMarks
from desktop.core.errors import YanduError
from desktop.core.export.labels import label
from desktop.core.export.options import ExportOptions

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database


@dataclass(frozen=True)
class PlacedAnnotation:
    """An annotation with the turn, section and speaker it falls in."""

    annotation: Annotation
    turn: library.Turn | None
    section: library.Section | None
    speaker: library.Speaker | None
    citation: Citation = field(default_factory=Citation)  # turn, page, line, time of the quote

    @property
    def speaker_name(self) -> str:
        """The speaker's name, or '' for narration."""
        return self.speaker.name if self.speaker else ""

    @property
    def section_title(self) -> str:
        """The section's title, or '' before the first section."""
        return self.section.title if self.section else ""


@dataclass
class SectionBlock:
    """A section (None: the text before the first question) with its turns and annotations."""

    section: library.Section | None
    turns: list[library.Turn] = field(default_factory=list)
    annotations: list[PlacedAnnotation] = field(default_factory=list)


@dataclass
class DocumentExport:
    """One document ready to format: its speakers, sections in order, filtered annotations."""

    meta: library.DocumentInfo
    text: str  # the whole document, as imported
    speakers: list[library.Speaker]
    blocks: list[SectionBlock]
    annotations: list[PlacedAnnotation]
    speaker_by_id: dict[int, library.Speaker]

    def speaker_of(self, turn: library.Turn) -> library.Speaker | None:
        """The speaker of a turn, or None for narration."""
        return self.speaker_by_id.get(turn.speaker_id) if turn.speaker_id is not None else None


def documents(db: Database, ids: tuple[int, ...] | None) -> list[library.DocumentInfo]:
    """The documents with these ids, in that order (every document, oldest first, for
    None); YanduError naming an id that has none."""
    docs = library.list_documents(db)
    if ids is None:
        return docs
    by_id = {d.id: d for d in docs}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise YanduError(f"No document with id {missing[0]}.")
    return [by_id[i] for i in dict.fromkeys(ids)]


def speaker_wanted(speaker: library.Speaker | None, options: ExportOptions) -> bool:
    """True when `options` keeps this speaker's turns (narration only with no speaker filter)."""
    if not options.speakers:
        return True
    return speaker is not None and speaker.name.casefold() in {
        s.casefold() for s in options.speakers
    }


def _wanted(annotation: Annotation, speaker: library.Speaker | None,
            options: ExportOptions) -> bool:
    if not speaker_wanted(speaker, options):
        return False
    if options.tags:
        wanted = {t.casefold() for t in options.tags}
        if not any(t.casefold() in wanted for t in annotation.tags):
            return False
    return True


def load_document(db: Database, meta: library.DocumentInfo,
                  options: ExportOptions) -> DocumentExport:
    """Read one document's structure and its annotations, filtered by `options`."""
    speakers = library.speakers(db, meta.id)
    speaker_by_id = {s.id: s for s in speakers}
    sections = library.sections(db, meta.id)
    section_by_id = {s.id: s for s in sections}
    turns = library.turns(db, meta.id)
    starts = [t.start for t in turns]

    blocks: list[SectionBlock] = []
    block_of_section: dict[int | None, SectionBlock] = {}
    for turn in turns:
        key = turn.section_id if turn.section_id in section_by_id else None
        block = block_of_section.get(key)
        if block is None:
            block = SectionBlock(section_by_id.get(key) if key is not None else None)
            block_of_section[key] = block
            blocks.append(block)
        block.turns.append(turn)
    # Sections with no turns still exist for the reader (a question nobody answered).
    for section in sections:
        if section.id not in block_of_section:
            block = SectionBlock(section)
            block_of_section[section.id] = block
            blocks.append(block)
    blocks.sort(key=lambda b: (-1 if b.section is None else b.section.position))

    marks = SourceMarks.load(db, meta.id)
    placed: list[PlacedAnnotation] = []
    # Annotations outside any section (or any turn) gather here, shown first.
    opening = block_of_section.setdefault(None, SectionBlock(None))
    for annotation in annotation_rows.for_document(db, meta.id):
        index = library.index_at(starts, annotation.start)
        turn = turns[index] if index >= 0 and annotation.start < turns[index].end else None
        speaker = speaker_by_id.get(turn.speaker_id) if turn and turn.speaker_id else None
        section = section_by_id.get(turn.section_id) if turn and turn.section_id else None
        if not _wanted(annotation, speaker, options):
            continue
        item = PlacedAnnotation(annotation, turn, section, speaker,
                                marks.cite(annotation.start, annotation.end, turn))
        placed.append(item)
        block_of_section[section.id if section else None].annotations.append(item)
    if opening.annotations and all(b is not opening for b in blocks):
        blocks.insert(0, opening)
    return DocumentExport(meta, library.document_text(db, meta.id), speakers, blocks, placed,
                          speaker_by_id)


def load(db: Database, options: ExportOptions) -> list[DocumentExport]:
    """Every document `options` covers, in study order."""
    return [load_document(db, meta, options) for meta in documents(db, options.document_ids)]


def document_title(docs: list[DocumentExport], options: ExportOptions) -> str:
    """The title of the export: the option, the single document's title, or a generic one."""
    if options.title:
        return options.title
    if len(docs) == 1:
        return docs[0].meta.title
    return label("Yandu notes", options.language)
