"""The speaker filter applied to the reading view's blocks: a filtered turn's blocks are
hidden, not removed, so switching a speaker off and on costs no rebuild of the text."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from desktop.ui.transcript_view import TranscriptView


def hide_filtered(view: TranscriptView) -> bool:
    """Show or hide each written turn's blocks, and each section's header, as the view's
    filter says; note in `view.visible_turns` what passes it. True when any block changed
    (its part of the layout is then marked for redoing)."""
    doc = view.document()
    visible = view.visible_turns
    low = high = None
    writer = view.writer
    if writer is not None and not view.is_complete:  # turns not written yet: no blocks
        for i in (*range(writer.start), *range(writer.written, len(view.turns))):
            visible[i] = view.turn_shown(i)
    for span in view.offsets.spans:
        i = span.index
        shown = view.turn_shown(i)
        if shown != visible[i]:
            visible[i] = shown
            _set_blocks_visible(doc, span.first_block, span.last_block, shown)
            low = span.first_block if low is None else low
            high = span.last_block
    for section in view.section_blocks:
        shown = any(visible[i] for i in section.turn_indexes)
        parts = [(section.first_block, section.last_block, shown)]
        if section.title_block >= 0:
            asked = bool(section.turn_indexes) and visible[section.turn_indexes[0]]
            parts.append((section.title_block, section.title_block, shown and not asked))
        for first, last, want in parts:
            if doc.findBlockByNumber(first).isVisible() != want:
                _set_blocks_visible(doc, first, last, want)
                low = first if low is None else min(low, first)
                high = last if high is None else max(high, last)
    if low is None:
        return False
    start = doc.findBlockByNumber(low).position()
    end_block = doc.findBlockByNumber(high)
    doc.markContentsDirty(start, end_block.position() + end_block.length() - start)
    return True


def _set_blocks_visible(doc: QTextDocument, first: int, last: int, shown: bool) -> None:
    block = doc.findBlockByNumber(first)
    for _ in range(last - first + 1):  # a count, not blockNumber(): half the Qt calls
        block.setVisible(shown)
        block = block.next()
