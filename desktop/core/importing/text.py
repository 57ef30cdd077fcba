"""Find the turns of a plain-text (or Markdown, or .docx) transcript. Pure: text in, turns out.

Every line is looked at once (see `labels`); then whole-document rules decide which
candidate labels are speakers: a name that labels two or more turns is one; a name seen
once counts only if it has a typical shape and comes after the dialogue has started (the
introduction before it is narration). In a text hard-wrapped at a fixed width, a line that
goes on with the sentence of the full line above it is never a label (`…告知本` / `會：`).
Unlabelled paragraphs continue the previous speaker; a line that is wholly a stage
direction, `（笑）` or `[Laughter]`, is narration, and so are the fields of a form in a
dialogue dataset (`病情描述：…`) with the lines after them, up to the next label.
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from dataclasses import dataclass

from desktop.core.importing.labels import (
    OPENS_DIRECTION,
    LabelMatch,
    direction_closer,
    headline_span,
    is_direction,
    is_field_line,
    match_label,
)
from desktop.core.importing.model import ParsedTurn


@dataclass
class _Open:
    start: int
    speaker: str | None
    label: str = ""
    line_end: int = -1  # end of the label line (without its newline), -1 when no label
    rest_at: int = -1  # document offset of the text after the label's colon
    time_ms: int | None = None
    role: str = ""


@functools.lru_cache(maxsize=4096)  # asked of every label, a few names thousands of times
def speaker_key(name: str) -> str:
    """Names that differ only in case, width or spacing are one speaker (MR. SMITH, Mr. Smith)."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end without newline, end with newline) for every line."""
    parts = text.split("\n")
    last_open = parts.pop() != ""  # the last line has no newline (else it is no line)
    result = []
    pos = 0
    for part in parts:
        end = pos + len(part)
        result.append((pos, end, end + 1))
        pos = end + 1
    if last_open:
        result.append((pos, len(text), len(text)))
    return result


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) past surrounding whitespace; an all-blank span collapses to start."""
    piece = text[start:end]
    kept = piece.lstrip()
    if not kept:
        return start, start
    lead = len(piece) - len(kept)
    return start + lead, start + lead + len(kept.rstrip())


def accepted_labels(text: str, lines: list[tuple[int, int, int]],
                    fields: set[int] | None = None) -> dict[int, LabelMatch]:
    """Line index -> label, for the lines that open a speaker's turn. The lines that give
    a field of a form (`病情描述：…`) are added to `fields` when it is given."""
    candidates: dict[int, LabelMatch] = {}
    for index, (start, end, _) in enumerate(lines):
        if end - start > 0:
            line = text[start:end]
            found = match_label(line)
            if found is not None:
                candidates[index] = found
            elif (fields is not None and (line.find("：", 0, 60) >= 0 or line.find(":", 0, 60) >= 0)
                  and is_field_line(line)):
                fields.add(index)
    for index in _broken_off(text, lines, candidates):
        del candidates[index]
    shared = {i: f for i, f in candidates.items() if f.shared}
    for i in shared:
        del candidates[i]
    counts: dict[str, int] = {}
    for found in candidates.values():
        key = speaker_key(found.name)
        counts[key] = counts.get(key, 0) + 1
    for found in shared.values():  # 松二爷/常四爷： is a line of 松二爷's too
        for key in {speaker_key(p) for p in found.shared} & counts.keys():
            counts[key] += 1
    recurring = [i for i, f in candidates.items() if counts[speaker_key(f.name)] >= 2]
    dialogue_from = min(recurring) if recurring else -1
    accepted = {
        i: f
        for i, f in candidates.items()
        if counts[speaker_key(f.name)] >= 2 or (f.strong and i > dialogue_from)
    }
    # A shared label (`松二爷/常四爷：`) counts when each of its names is a speaker of its
    # own. A turn has one speaker in the study (turns.speaker_id), so the line said together
    # is the turn of a speaker named as written, 松二爷/常四爷; `众：` (everyone) and `二人：`
    # are speakers like any other.
    speakers = {speaker_key(f.name) for f in accepted.values()}
    for i, found in shared.items():
        if i > dialogue_from and all(speaker_key(p) in speakers for p in found.shared):
            accepted[i] = found
    return dict(sorted(accepted.items()))


# What a finished line ends with: a sentence end, a closing quote or bracket, a colon.
_FINISHED = frozenset("。！？!?…．.；;：:」』”\"’'）)】〕]>*")


def _broken_off(text: str, lines: list[tuple[int, int, int]],
                candidates: dict[int, LabelMatch]) -> list[int]:
    """The candidate lines that are a sentence's continuation, not a label: the line
    before them ends mid-sentence (`…政府可否告知本` / `會：…`), and a label opens a
    paragraph. In a text hard-wrapped at a fixed width, that is so when the line before
    runs to the width; in a text whose paragraphs end with punctuation, when the name is
    found after such a line as often as not (功能團體：, seen once, after `…增撥資源予`),
    so a speaker whose speech once ends unpunctuated keeps the next label.
    """
    after_broken = []
    for index in candidates:
        if index == 0:
            continue
        start, end, _ = lines[index - 1]
        before = text[start:end].rstrip()
        if before and before[-1] not in _FINISHED:
            after_broken.append(index)
    if not after_broken:
        return []
    width = _wrap_width(text, lines)
    if width is not None:
        return [i for i in after_broken
                if _width(text[lines[i - 1][0] : lines[i - 1][1]].rstrip()) >= width * 3 // 4]
    if not _punctuated(text, lines):
        return []
    seen: dict[str, int] = {}
    for found in candidates.values():
        key = speaker_key(found.name)
        seen[key] = seen.get(key, 0) + 1
    broken: dict[str, int] = {}
    for index in after_broken:
        key = speaker_key(candidates[index].name)
        broken[key] = broken.get(key, 0) + 1
    return [i for i in after_broken
            if broken[speaker_key(candidates[i].name)] * 2 >= seen[speaker_key(candidates[i].name)]]


def _punctuated(text: str, lines: list[tuple[int, int, int]]) -> bool:
    """Whether the text's paragraphs end with punctuation (at least four in five of the
    lines before a blank line do, and there are five such lines or more)."""
    ends = finished = 0
    for index in range(len(lines) - 1):
        start, end, _ = lines[index]
        if end > start and lines[index + 1][1] == lines[index + 1][0]:
            last = text[start:end].rstrip()[-1:]
            if last:
                ends += 1
                finished += last in _FINISHED
    return ends >= 5 and finished * 5 >= ends * 4


def _width(line: str) -> int:
    """Columns `line` fills: two for a wide (Chinese) character, one for ASCII."""
    return len(line) + (len(line.encode("utf-8")) - len(line)) // 2


def _wrap_width(text: str, lines: list[tuple[int, int, int]]) -> int | None:
    """The width a text was hard-wrapped at, or None when its lines are paragraphs.

    In a wrapped text most lines run to about the same width (all but a paragraph's
    last), and none much further; lines that are paragraphs have lengths of their own.
    """
    widths = sorted(_width(text[s:e].rstrip()) for s, e, _ in lines if e - s > 1)
    if len(widths) < 10:
        return None
    p90 = widths[len(widths) * 9 // 10]
    p99 = widths[min(len(widths) - 1, len(widths) * 99 // 100)]
    full = sum(1 for w in widths if p90 * 85 <= w * 100 <= p90 * 102)
    wrapped = p90 >= 30 and p99 * 20 <= p90 * 23 and full * 10 >= len(widths) * 4
    return p90 if wrapped else None


def direction_blocks(text: str, lines: list[tuple[int, int, int]],
                     labels: dict[int, LabelMatch]) -> dict[int, int]:
    """First line -> last line of each stage direction written over several lines
    (`〔幕启。…` on one line, `…〕` on a later one of the same paragraph)."""
    blocks: dict[int, int] = {}
    index = 0
    while index < len(lines):
        start, end, _ = lines[index]
        closer = (None if index in labels or text[start:start + 1] not in OPENS_DIRECTION
                  else direction_closer(text[start:end]))
        if closer is None:
            index += 1
            continue
        size = end - start
        for last in range(index + 1, len(lines)):
            line = text[lines[last][0] : lines[last][1]]
            size += len(line)
            if not line.strip() or last in labels:
                break
            if line.rstrip().endswith(closer):
                if closer == "〕" or size <= 300:
                    blocks[index] = last
                    index = last
                break
        index += 1
    return blocks


def parse_text(text: str) -> list[ParsedTurn]:
    """The turns of `text` (newlines already normalised); their spans cover it exactly.

    A paragraph that is only a stage direction (`〔王利发下。〕`, `（笑）`) is narration,
    not part of the speech before it. A direction inside a speech (`王利发：（笑）您来啦？`,
    or at the end of its line) stays in the speech: it is how that line is said, and the
    turn's text must stay one exact stretch of the document.
    """
    lines = _lines(text)
    fields: set[int] = set()
    labels = accepted_labels(text, lines, fields)
    blocks = direction_blocks(text, lines, labels)
    skip_to = -1
    opened: list[_Open] = []
    resume: str | None = None  # the speaker to continue after a stage direction
    in_direction = False
    for index, (start, end, _) in enumerate(lines):
        if index <= skip_to:
            continue  # inside a stage direction that spans several lines
        found = labels.get(index)
        if found is not None:
            opened.append(_Open(start, found.name, found.label, end, start + found.rest_start,
                                found.time_ms, found.role))
            resume, in_direction = found.name, False
            continue
        line = text[start:end]
        if not line.strip():
            continue
        if index in fields:  # 病情描述：… and what follows it, up to the next label
            if not opened or opened[-1].speaker is not None or in_direction:
                opened.append(_Open(start, None))
            in_direction = False
        elif is_direction(line) or index in blocks:
            skip_to = blocks.get(index, -1)
            if opened and opened[-1].speaker is not None:
                resume = opened[-1].speaker
            opened.append(_Open(start, None))
            in_direction = True
        elif in_direction:
            opened.append(_Open(start, resume))
            in_direction = False
        elif not opened:
            opened.append(_Open(start, None))
    if not opened:
        return [ParsedTurn(0, len(text), None, "", *strip_span(text, 0, len(text)))]
    opened[0].start = 0  # leading blank lines belong to the first turn
    turns = []
    for number, item in enumerate(opened):
        end = opened[number + 1].start if number + 1 < len(opened) else len(text)
        turns.append(_finish(text, item, end))
    return turns


def _finish(text: str, item: _Open, end: int) -> ParsedTurn:
    turn = _spans(text, item, end)
    if item.time_ms is None and not item.role:
        return turn
    return dataclasses.replace(turn, cue_start_ms=item.time_ms, role=item.role)


def _spans(text: str, item: _Open, end: int) -> ParsedTurn:
    if item.line_end < 0:
        return ParsedTurn(item.start, end, item.speaker, "", *strip_span(text, item.start, end))
    rest = text[item.rest_at : item.line_end]
    inside = headline_span(rest)
    # The speech below the label line: needed only for a headline or an empty label line.
    body = (strip_span(text, min(item.line_end + 1, end), end)
            if inside is not None or not rest.strip() else None)
    if inside is not None and body[0] < body[1]:
        return ParsedTurn(item.start, end, item.speaker, item.label, *body,
                          headline_start=item.rest_at + inside[0],
                          headline_end=item.rest_at + inside[1])
    if rest.strip():
        span = strip_span(text, item.rest_at, end)
    elif body[0] < body[1]:
        span = body
    else:
        span = (item.line_end, item.line_end)
    return ParsedTurn(item.start, end, item.speaker, item.label, *span)
