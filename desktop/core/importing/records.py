"""Formal records (parliaments, courts): their headings, and who asks in an examination.

A heading (an agenda item, a question's number, `ORAL ARGUMENT OF …`, `BY MR. SMITH:`)
is a paragraph of its own in such a record, so a line that is one is cut out of the turn
it was read into and becomes a narration turn; what follows it in that turn is narration
too (the speech it interrupted has ended). Pure: text and turns in, turns out.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Sequence

from desktop.core.importing.model import ParsedTurn
from desktop.core.importing.text import speaker_key, strip_span
from desktop.core.textnorm import fold

# Lines short enough to be a heading; longer lines are never looked at.
_SHORT_LINE = re.compile(r"^[^\n]{1,100}$", re.M)
_MARKDOWN = re.compile(r"^[ \t]*#{1,6}[ \t]+\S")
_SENTENCE_END = frozenset("。！？.!?；;：:，,、")

# A parliament's agenda, as its record heads each part (simplified forms: lines are folded).
_AGENDA_WORDS = """
议员质询 议员质询的口头答覆 议员质询的口头答复 议员质询的书面答覆 议员质询的书面答复 口头答覆 口头答复
书面答覆 书面答复 质询 紧急质询 法案 政府法案 议员法案 议案 政府议案 议员议案 政府动议 议员动议 动议
提交文件 文件 首读 二读 三读 恢复二读辩论 全体委员会审议阶段 休会 休会辩论 宣誓 议员声明 政府声明
行政长官答问会 委员会报告 会议过程正式纪录 出席议员 缺席议员 列席政府官员 列席秘书 议程 会议开始
"""
_AGENDA = frozenset(_AGENDA_WORDS.split())
_QUESTION_HEADING = re.compile(
    r"^(?:第\s*[0-9０-９一二三四五六七八九十百]{1,4}\s*(?:题|项质询|项)"
    r"|[0-9]{1,3}[.．][ \t\u3000]*\S[^\n]{0,40}|question\s+(?:no\.?\s*)?\d{1,3})$"
)
_CAPS_HEADING = re.compile(r"^[A-Z][A-Z0-9 ,'’&()/\-–—.]*[A-Z)]$")
_NUMBERED_NEXT = re.compile(r"\s*(?:\d{1,3}[.．]|第\s*[0-9０-９一二三四五六七八九十百]{1,4}\s*题)")

# A court's headings: the arguments, the proceedings, examinations and their examiners.
_COURT_HEADING = re.compile(
    r"^(?:(?:ORAL|REBUTTAL|FURTHER|SUPPLEMENTAL)(?:\s+ORAL)?\s+(?:RE)?ARGUMENT\s+OF\b.*"
    r"|REARGUMENT\s+OF\b.*|ON\s+BEHALF\s+OF\s+THE\b[A-Z ,.'’\-]*"
    r"|P\s?R\s?O\s?C\s?E\s?E\s?D\s?I\s?N\s?G\s?S|C\s?O\s?N\s?T\s?E\s?N\s?T\s?S"
    r"|(?:(?:DIRECT|CROSS|REDIRECT|RECROSS|RE-DIRECT|RE-CROSS|FURTHER)[- ])*EXAMINATION"
    r"(?:\s+BY\b[A-Z .,'’\-]*)?:?"
    r"|BY\s+(?:MR|MS|MRS|MISS|DR)\.?\s+[A-Z][A-Za-z.'’\- ]*:?)$"
)
_COURT_PHASES = frozenset(("法庭调查", "法庭辩论", "最后陈述", "被告人最后陈述", "宣判", "举证质证",
                           "庭审开始"))
_INDEX_ENTRY = re.compile(r"(?:\bPAGE|\d)$")
_PROCEEDINGS = re.compile(r"^P\s?R\s?O\s?C\s?E\s?E\s?D\s?I\s?N\s?G\s?S$")
_EXAMINER = re.compile(r"\bBY\s+((?:MR|MS|MRS|MISS|DR)\.?\s+[A-Z][A-Za-z.'’\- ]*?)\s*:?$")
_SWORN = re.compile(
    r"^[ \t]*(?P<name>[A-Z][A-Za-z.'’\- ]{1,60}?),?[ \t]+(?:after[ \t]+)?(?:having[ \t]+been|being)"
    r"(?:[ \t]+first)?(?:[ \t]+duly)?[ \t]+sworn", re.M)


def parliament_heading(text: str, start: int, line: str) -> bool:
    """Whether `line` (at `start`) heads a part of a parliament's sitting: an agenda item
    (議員質詢, 口頭答覆, 法案, ORAL ANSWERS TO QUESTIONS), a question's number (第1題,
    `1. 標題`), a Markdown heading, or a short title just above a numbered question."""
    stripped = line.strip(" \t\u3000")
    if _MARKDOWN.match(stripped):
        return True
    if len(stripped) > 60 or stripped[-1] in _SENTENCE_END:
        return False
    folded = fold(stripped)
    if folded in _AGENDA or _QUESTION_HEADING.match(folded):
        return True
    if _CAPS_HEADING.match(stripped) and sum(ch.isalpha() for ch in stripped) >= 4:
        return True
    if len(stripped) > 30 or any(ch in _SENTENCE_END for ch in stripped):
        return False
    # A question's title: 為長者提供的醫療服務 above `1. 陳偉業議員：…`
    after = text.find("\n", start)
    return after >= 0 and _NUMBERED_NEXT.match(text, after + 1) is not None


def court_heading(text: str, start: int, line: str) -> bool:
    """Whether `line` heads a part of a hearing: `ORAL ARGUMENT OF …`, `ON BEHALF OF THE
    PETITIONER`, `PROCEEDINGS`, `CROSS-EXAMINATION`, `BY MR. SMITH:`, 法庭调查, `## …`."""
    stripped = line.strip(" \t\u3000")
    return bool(_COURT_HEADING.match(stripped) or _MARKDOWN.match(stripped)
                or fold(stripped) in _COURT_PHASES)


def split_at_headings(text: str, turns: Sequence[ParsedTurn],
                      is_heading: Callable[[str, int, str], bool]
                      ) -> tuple[list[ParsedTurn], dict[int, str]]:
    """The turns with every heading made a narration turn of its own, and the heading
    turns' indexes with their titles. Consecutive heading lines are one heading
    (`ORAL ARGUMENT OF X` above `ON BEHALF OF THE PETITIONER`). A labelled turn's first
    line (its label) is never a heading."""
    starts = [t.start for t in turns]
    blocks: dict[int, list[list[int]]] = {}  # turn index -> [[start, end], ...] of headings
    for found in _SHORT_LINE.finditer(text):
        line = found.group()
        if not line.strip() or not is_heading(text, found.start(), line):
            continue
        index = bisect.bisect_right(starts, found.start()) - 1
        turn = turns[index]
        if turn.label and found.start() < _label_line_end(text, turn):
            continue
        end = min(found.end() + 1, turn.end)
        spans = blocks.setdefault(index, [])
        if spans and spans[-1][1] == found.start():
            spans[-1][1] = end
        else:
            spans.append([found.start(), end])
    result: list[ParsedTurn] = []
    titles: dict[int, str] = {}
    for index, turn in enumerate(turns):
        if index not in blocks:
            result.append(turn)
            continue
        position = turn.start
        for number, (start, end) in enumerate(blocks[index]):
            blank = not text[position:start].strip()
            if start > position and blank and number > 0:
                result[-1] = dataclasses.replace(result[-1], end=start)  # blank lines go
            elif start > position and blank and turn.speaker is None:  # with the heading
                start = position
            elif start > position:
                result.append(_head_of(text, turn, start) if number == 0
                              else _narration(text, position, start))
            if number + 1 == len(blocks[index]) and not text[end : turn.end].strip():
                end = turn.end  # blank lines after the heading stay with it
            titles[len(result)] = heading_title(text[start:end])
            result.append(_narration(text, start, end))
            position = end
        if position < turn.end:
            result.append(_narration(text, position, turn.end))
    return result, titles


def _label_line_end(text: str, turn: ParsedTurn) -> int:
    lead = text[turn.start : turn.text_start]
    first = turn.start + len(lead) - len(lead.lstrip())
    end = text.find("\n", first, turn.end)
    return turn.end if end < 0 else end


def _head_of(text: str, turn: ParsedTurn, end: int) -> ParsedTurn:
    """The part of `turn` before a heading at `end`."""
    text_start, text_end = strip_span(text, turn.text_start, max(turn.text_start, end))
    headline = turn.headline_end <= end
    return dataclasses.replace(
        turn, end=end, text_start=text_start, text_end=text_end,
        headline_start=turn.headline_start if headline else 0,
        headline_end=turn.headline_end if headline else 0)


def _narration(text: str, start: int, end: int) -> ParsedTurn:
    return ParsedTurn(start, end, None, "", *strip_span(text, start, end))


def heading_title(block: str) -> str:
    """A heading's lines as one title: `P R O C E E D I N G S` -> PROCEEDINGS,
    `## 議員質詢` -> 議員質詢, `BY MR. SMITH:` -> BY MR. SMITH."""
    words = []
    for line in block.split("\n"):
        line = line.strip(" \t\u3000").lstrip("#").strip()
        parts = line.split()
        if len(parts) > 3 and all(len(p) == 1 for p in parts):
            parts = ["".join(parts)]  # letter-spaced
        words.extend(parts)
    return " ".join(words).rstrip(":：").strip()


def court_sections(turns: Sequence[ParsedTurn], titles: dict[int, str]) -> dict[int, str]:
    """The headings of a hearing that open its parts: not the front index of arguments
    (entries with their pages, or anything before `PROCEEDINGS`), nor `CONTENTS`."""
    proceedings = min((i for i, t in titles.items() if _PROCEEDINGS.match(t)), default=-1)
    return {i: title for i, title in titles.items()
            if i >= proceedings and not _INDEX_ENTRY.search(title)
            and title.replace(" ", "") != "CONTENTS"}


def rejoin_narration(text: str, turns: Sequence[ParsedTurn], openers: dict[int, str]
                     ) -> tuple[list[ParsedTurn], dict[int, str]]:
    """The turns with each narration turn that opens no section joined to the narration
    before it (the entries of a front index stay in the front matter), and the openers'
    new indexes."""
    result: list[ParsedTurn] = []
    moved: dict[int, str] = {}
    for index, turn in enumerate(turns):
        before = result[-1] if result else None
        if (before is not None and before.speaker is None and turn.speaker is None
                and index not in openers and len(result) - 1 not in moved):
            result[-1] = _narration(text, before.start, turn.end)
            continue
        if index in openers:
            moved[len(result)] = openers[index]
        result.append(turn)
    return result, moved


def examination_speakers(text: str, turns: Sequence[ParsedTurn], titles: dict[int, str]
                         ) -> tuple[list[ParsedTurn], set[str]]:
    """`Q.` and `A.` of a deposition as the examiner (from `BY MR. SMITH:` above them)
    and the witness (`JOHN DOE, having been duly sworn`, else THE WITNESS, else Witness);
    and the examiners' names. Without an examiner, Q and A stay as they are."""
    if not any(t.label in ("Q.", "A.") for t in turns):
        return list(turns), set()
    sworn = _SWORN.search(text)
    on_record = next((t.speaker for t in turns if t.speaker
                      and speaker_key(t.speaker) == "thewitness"), None)
    witness = " ".join(sworn["name"].split()) if sworn else on_record or "Witness"
    result = []
    examiner: str | None = None
    examiners: set[str] = set()
    for index, turn in enumerate(turns):
        found = _EXAMINER.search(titles.get(index, ""))
        if found:
            examiner = " ".join(found.group(1).split())
        if examiner and turn.label == "Q." and turn.speaker == "Q":
            turn = dataclasses.replace(turn, speaker=examiner)
            examiners.add(examiner)
        elif ((examiner and turn.label == "A." and turn.speaker == "A")
              or (sworn and turn.speaker is not None and turn.speaker == on_record)):
            turn = dataclasses.replace(turn, speaker=witness)
        result.append(turn)
    return result, examiners
