"""Fixing a document's turns by hand, as undoable commands (run them through `History`).

Give turns to another speaker (one of the document's, a new one, or narration); split a
turn in two at a document offset; join turns with the ones after them; make a turn open a
section, or remove a section. `documents.text` never changes: an edit only moves the
boundaries of turns over it, so the spans of all turns still cover the text exactly, in
order, and annotations (stored as offsets into that text) stay on the same characters
whatever is split, joined or given.

Turns are addressed by their number (position + 1), as the window and `yandu show` name
them; positions stay 0, 1, 2, ... after every edit. Each command records what it changes
before and after its first application: the turns it touches (whole rows), every turn's
position and section, and the document's speakers and sections. Undo and redo write those
back exactly (same row ids) and index again the turns whose text changed; a step that
finds the study not as it left it (another program wrote) is refused as a `StaleStep`.
"""

from desktop.core.turn_edits.commands import (
    NARRATION,
    GiveTurns,
    JoinTurns,
    MakeHeading,
    RemoveSection,
    SplitTurn,
    Target,
    TurnEdit,
    heading_title,
    section_of_turn,
)
from desktop.core.turn_edits.turns import describe_numbers, parse_numbers

__all__ = ["NARRATION", "GiveTurns", "JoinTurns", "MakeHeading", "RemoveSection", "SplitTurn",
           "Target", "TurnEdit", "describe_numbers", "heading_title", "parse_numbers",
           "section_of_turn"]
