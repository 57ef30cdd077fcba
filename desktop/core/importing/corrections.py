"""A reader's corrections to the turns (ParseOptions): labels that name no one, and labels
that name someone already speaking under another label. Pure: turns in, turns out."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from desktop.core.importing.model import ParsedTurn
from desktop.core.importing.text import speaker_key, strip_span


def _named(turn: ParsedTurn, keys: set[str] | Mapping[str, str]) -> str | None:
    """The key of `turn` found in `keys`: its speaker's, else its label's; None if neither."""
    if turn.speaker is None:
        return None
    for key in (speaker_key(turn.speaker), speaker_key(turn.label)):
        if key in keys:
            return key
    return None


def drop_speakers(text: str, turns: Sequence[ParsedTurn], labels: Iterable[str]
                  ) -> list[ParsedTurn]:
    """The turns with those of `labels` joined to the turn before them (their label line
    is then part of its text), or made narration when nothing comes before."""
    keys = {speaker_key(label) for label in labels}
    result: list[ParsedTurn] = []
    for turn in turns:
        if _named(turn, keys) is None:
            result.append(turn)
        elif not result:
            result.append(ParsedTurn(turn.start, turn.end, None, "",
                                     *strip_span(text, turn.start, turn.end)))
        else:
            before = result[-1]
            text_start, text_end = strip_span(text, before.text_start, turn.end)
            result[-1] = dataclasses.replace(
                before, end=turn.end, text_start=text_start, text_end=text_end,
                cue_end_ms=turn.cue_end_ms if turn.cue_end_ms is not None else before.cue_end_ms)
    return result


def merge_speakers(turns: Sequence[ParsedTurn], merge: Mapping[str, str]) -> list[ParsedTurn]:
    """The turns with each label (or speaker) in `merge` given the speaker it names."""
    targets = {speaker_key(label): name for label, name in merge.items()}
    result = []
    for turn in turns:
        key = _named(turn, targets)
        if key is not None and turn.speaker != targets[key]:
            turn = dataclasses.replace(turn, speaker=targets[key])
        result.append(turn)
    return result


def chosen(names: Iterable[str], moderators: Iterable[str]) -> set[str]:
    """The speakers among `names` that the reader made moderators (case, width and
    spacing ignored)."""
    keys = {speaker_key(m) for m in moderators}
    return {n for n in names if speaker_key(n) in keys}
