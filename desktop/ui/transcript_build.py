"""Building the reading view's document, block by block (no giant HTML string).

Each turn is a spacer block, a label block (speaker name and headline) and its speech;
each section adds a header. The offset map and section table made here let the view
hide blocks for the speaker filter and map view positions to document offsets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
from desktop.ui.i18n import fill
from desktop.ui.offsets import OffsetMap, TurnSpan

CJK_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "PingFang SC", "Microsoft YaHei", "Noto Sans", "DejaVu Sans"]


def reading_font(point_size: float = 12.0) -> QFont:
    """A font that renders Chinese properly, falling back through common CJK families."""
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font

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


class DocumentWriter:
    """Writes a document's turns into a QTextDocument in order, in as many steps as wanted.

    Writing can start at any turn (`start`): a screenful where the reader is can be
    painted at once and the whole document written afterwards. Spans and sections carry
    absolute turn indexes either way.
    """

    def __init__(self, doc: QTextDocument, turns: Sequence[Turn],
                 speakers: Mapping[int, Speaker], sections: Sequence[Section], fmts: dict,
                 question: str, start: int = 0) -> None:
        self.doc = doc
        self.turns = turns
        self.speakers = speakers
        self.sections = sections
        self.fmts = fmts
        self.question = question
        self.offsets = OffsetMap()
        self.offsets.headlines = OffsetMap()
        self.section_blocks: list[SectionBlocks] = []
        self.start = start
        self.written = start  # turns[start:written] are in the document
        self._section_pos = {s.id: i for i, s in enumerate(sections)}
        self._current_section: int | None = None
        self._names: dict[int, QTextCharFormat] = {}
        for speaker in speakers.values():
            name = QTextCharFormat()
            name.setFontWeight(QFont.Weight.Bold)
            name.setForeground(readable(speaker.colour, fmts["palette"]))
            self._names[speaker.id] = name

    @property
    def done(self) -> bool:
        """Whether every turn is written."""
        return self.written >= len(self.turns)

    def write(self, until: int) -> None:
        """Append turns[written:until] (each after a spacer, sections with their header)."""
        until = min(until, len(self.turns))
        if until <= self.written:
            return
        doc, fmts, turns = self.doc, self.fmts, self.turns
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        # Hot loop (thousands of turns): formats made once, Qt methods bound once.
        insert_block, insert_text = cursor.insertBlock, cursor.insertText
        block_number, position = cursor.blockNumber, cursor.position
        plain_block = QTextBlockFormat()
        spacer, body, narration = fmts["spacer"], fmts["body"], fmts["narration"]
        header, headline = fmts["header"], fmts["headline"]
        names, speakers, sections = self._names, self.speakers, self.sections
        headlines = self.offsets.headlines
        section_blocks, section_pos = self.section_blocks, self._section_pos
        add_span = self.offsets.add
        first = self.written == self.start
        if first:
            cursor.setBlockCharFormat(spacer)
        current_section = self._current_section
        for index in range(self.written, until):
            turn = turns[index]
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
                insert_text(fill(self.question, str(number + 1)),
                            fmts["header_number"])
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
                    if turn.headline_end > turn.headline_start:
                        headlines.add(TurnSpan(index, turn.headline_start, turn.headline,
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
        self._current_section = current_section
        self.written = until


def fill_document(doc: QTextDocument, turns: Sequence[Turn], speakers: Mapping[int, Speaker],
                  sections: Sequence[Section], fmts: dict, question: str,
                  ) -> tuple[OffsetMap, list[SectionBlocks]]:
    """Write every turn into `doc` (which must be empty); return the offset map and sections."""
    writer = DocumentWriter(doc, turns, speakers, sections, fmts, question)
    writer.write(len(turns))
    return writer.offsets, writer.section_blocks


# Written before the first paint: enough shown turns and text to fill a tall screen at
# the smallest zoom; the rest of a long transcript follows right after the paint.
FIRST_PART_TURNS = 40
FIRST_PART_CHARS = 8000


def first_part(turns: Sequence[Turn], shown: Callable[[int], bool], near: int,
               ) -> tuple[int, int]:
    """The turns [first, until) to write before the first paint: a screenful of shown
    text after turn `near` (where the reader will be put), and one before it, so that near
    the end the screen fills from above as it will in the whole."""
    return _screenful(turns, shown, near, -1), _screenful(turns, shown, near, 1)


def _screenful(turns: Sequence[Turn], shown: Callable[[int], bool], index: int,
               step: int) -> int:
    """The turn index a screenful of shown text away from `index` (before or after)."""
    count = chars = 0
    while (index > 0 if step < 0 else index < len(turns)) and (
            count < FIRST_PART_TURNS or chars < FIRST_PART_CHARS):
        if step < 0:
            index -= 1
        if shown(index):
            count += 1
            chars += len(turns[index].text)
        if step > 0:
            index += 1
    return index
