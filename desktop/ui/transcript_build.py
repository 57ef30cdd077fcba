"""Building the reading view's document, block by block (no giant HTML string).

Each turn is a spacer block, a label block (speaker name and headline) and its speech;
each section adds a header. The offset map and section table made here let the view
hide blocks for the speaker filter and map view positions to document offsets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from desktop.core.library import Section, Speaker, Turn
from desktop.ui.offsets import OffsetMap, TurnSpan

HEADLINE_GAP = "　"  # an ideographic space between the name and the headline


@dataclass
class SectionBlocks:
    """Where a section header sits in the view, and which turns it heads."""

    index: int
    first_block: int
    last_block: int
    turn_indexes: list[int]
    qt_start: int = 0
    #: A block repeating the question, shown only while the turn asking it is hidden.
    title_block: int = -1


def readable(colour: str, palette: QPalette) -> QColor:
    """A speaker's colour, lightened when the background is dark so names stay legible."""
    result = QColor(colour)
    if not result.isValid():
        result = palette.color(QPalette.ColorRole.Text)
    if palette.color(QPalette.ColorRole.Base).lightness() < 128 and result.lightness() < 150:
        result = result.lighter(170)
    return result


def elide(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def make_formats(palette: QPalette) -> dict:
    """The character formats of the view, for the palette in use (light or dark)."""
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    body = QTextCharFormat()
    narration = QTextCharFormat()
    narration.setFontItalic(True)
    narration.setForeground(muted)
    headline = QTextCharFormat()
    headline.setFontWeight(QFont.Weight.Bold)
    header = QTextCharFormat()
    header.setFontWeight(QFont.Weight.Bold)
    header.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
    header.setForeground(palette.color(QPalette.ColorRole.Text))
    header_number = QTextCharFormat(header)
    header_number.setForeground(palette.color(QPalette.ColorRole.Highlight))
    spacer = QTextCharFormat()
    spacer.setProperty(QTextFormat.Property.FontSizeAdjustment, -2)
    return {"body": body, "narration": narration, "headline": headline,
            "header": header, "header_number": header_number, "spacer": spacer,
            "palette": palette}


def fill_document(doc: QTextDocument, turns: Sequence[Turn], speakers: Mapping[int, Speaker],
                  sections: Sequence[Section], fmts: dict, question: str,
                  headline_starts: Sequence[int] | None = None,
                  ) -> tuple[OffsetMap, list[SectionBlocks]]:
    """Write every turn into `doc` (which must be empty); return the offset map and sections."""
    offsets = OffsetMap()
    headlines = offsets.headlines = OffsetMap()
    if headline_starts is not None and len(headline_starts) != len(turns):
        headline_starts = None
    section_blocks: list[SectionBlocks] = []
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    section_pos = {s.id: i for i, s in enumerate(sections)}
    # Hot loop (thousands of turns): formats made once, Qt methods bound once.
    insert_block, insert_text = cursor.insertBlock, cursor.insertText
    block_number, position = cursor.blockNumber, cursor.position
    plain_block = QTextBlockFormat()
    spacer, body, narration = fmts["spacer"], fmts["body"], fmts["narration"]
    header, headline = fmts["header"], fmts["headline"]
    names: dict[int, QTextCharFormat] = {}
    for speaker in speakers.values():
        name = QTextCharFormat()
        name.setFontWeight(QFont.Weight.Bold)
        name.setForeground(readable(speaker.colour, fmts["palette"]))
        names[speaker.id] = name
    add_span = offsets.add
    cursor.setBlockCharFormat(spacer)
    first = True
    current_section = None
    for index, turn in enumerate(turns):
        opens_section = (turn.section_id is not None
                         and turn.section_id != current_section)
        if opens_section:
            current_section = turn.section_id
            number = section_pos.get(turn.section_id, 0)
            if first:
                first = False
            else:
                insert_block(plain_block, spacer)
            start = block_number()
            insert_block(plain_block, fmts["header_number"])
            qt_start = position()
            insert_text(question.replace("%1", str(number + 1)), fmts["header_number"])
            title = sections[number].title if sections else ""
            title_block = -1
            if title and " ".join(title.split()) != " ".join(turn.text.split()):
                # The question is not the turn below: show it in the header.
                insert_text(HEADLINE_GAP + elide(title, 60), header)
            elif title:
                # The question is the turn below; repeat it for when that is hidden.
                insert_block(plain_block, header)
                insert_text(elide(title, 120), header)
                title_block = block_number()
            last = block_number() if title_block < 0 else title_block - 1
            section_blocks.append(SectionBlocks(number, start, last, [], qt_start,
                                                title_block))
        if section_blocks and turn.section_id == current_section:
            section_blocks[-1].turn_indexes.append(index)
        if first:
            first = False
        else:
            insert_block(plain_block, spacer)
        first_block = block_number()
        speaker = speakers.get(turn.speaker_id) if turn.speaker_id else None
        if speaker is not None:
            insert_block(plain_block, body)
            insert_text(speaker.name, names[speaker.id])
            if turn.headline:
                insert_text(HEADLINE_GAP, headline)
                if headline_starts is not None and headline_starts[index] > 0:
                    headlines.add(TurnSpan(index, headline_starts[index], turn.headline,
                                           position(), block_number(), block_number()))
                insert_text(turn.headline, headline)
            # The moderator's question opening a section reads as its header.
            text_format = header if opens_section and speaker.is_moderator else body
            insert_block(plain_block, text_format)
        else:
            text_format = narration
            insert_block(plain_block, narration)
        qt_start = position()
        insert_text(turn.text, text_format)
        add_span(TurnSpan(index, turn.text_start, turn.text, qt_start, first_block,
                          block_number()))
    cursor.endEditBlock()
    return offsets, section_blocks
