"""Is this line a speaker label? Line-level rules, on their own testable and pure.

A label is a short name at the start of a line followed by a colon (`杨静：`, `杨静:`,
`THE CHAIR:`, `MR. SMITH:`, `[Anna]:`, `**杨静**：`), optionally with a stage direction
(`王掌柜（笑）：`) and spaces before the colon; speech may follow on the same line or
start on the next. A time stamp may come first (`[00:12:34] 杨静：`), and a question's
number before a member (`1. 陳偉業議員：`). Headings and form fields (`时间：`, `註：`,
`病情描述：`, `Note:`), speech verbs quoting someone (`他說：「…」`), clock times (`10:30`),
URLs and sentences that merely end in a colon (`以下是圆桌问答实录整理:`) are not labels;
which words can be names is the `names` module's to say.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from desktop.core.importing.names import (
    HAN,
    has_han,
    is_form_field,
    is_official,
    valid_name,
)

_SPACE = " \t\u3000"
_LINE = re.compile(
    r"^(?P<indent>[ \t\u3000]*(?:>[ \t\u3000]*)*)(?P<open>\*\*|__|\[|【)?(?P<label>[^:：\n]{1,48}?)"
    r"(?P<close>\*\*|__|\]|】)?[ \t\u3000]*(?P<colon>[:：])(?P<after>\*\*|__)?"
    r"(?P<rest>[^\n]*)$"
)
_STAGE = re.compile(
    r"^(?P<name>.+?)[ \t\u3000]*(?P<stage>[（(][^（）()]{1,30}[）)]|〔[^〔〕]{1,30}〕)$"
)
# Zero-width and bidirectional controls: invisible, so never part of a name.
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class LabelMatch:
    """A label found at the start of a line; offsets are relative to the line."""

    name: str  # the speaker: the label without stage direction or markup
    label: str  # the label as written, e.g. '王掌柜（笑）'
    rest_start: int  # where the text after the colon (and closing markup) begins
    strong: bool  # a name of the commonest shape (a short Chinese name, Mr./Ms. X, ...)
    time_ms: int | None = None  # from a speech-recognition export: `说话人1 00:01:05`
    role: str = ""  # given in the label itself: `主持人 杨静：` -> 主持人
    # A label shared by several speakers who say the line together (`松二爷/常四爷：`,
    # `甲、乙：`): their names; `name` is then the label as written.
    shared: tuple[str, ...] = ()


# Speech-recognition exports (飞书妙记, 讯飞听见, Otter) put the name and a time alone on
# a line, the speech below: `说话人1 00:01:05`, `Speaker 2  0:03`, `杨静（00:12）`,
# `Speaker 1 (00:01):` and `Name: (00:01)` (Rev), `Jane Doe [00:02:10]`.
_STAMPED = re.compile(
    r"^[ \t\u3000]*(?P<label>[^\s:：(（\[][^:：\n]{0,40}?)[ \t\u3000]*[:：]?[ \t\u3000]*[(（\[]?"
    r"(?P<time>(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[)）\]]?[ \t\u3000]*[:：]?"
    r"[ \t\u3000]*$"
)


_TIME_AT_END = re.compile(r"\d:\d{2}(?:[.,]\d{1,3})?$")


def _ends_in_a_time(line: str) -> bool:
    """A quick test before _STAMPED, which is slow on lines with long runs of spaces."""
    return _TIME_AT_END.search(line.rstrip(" \t\u3000:：)）]")[-10:]) is not None


def clock_ms(stamp: str) -> int:
    """'01:02:03,456', '02:03.4' or '0:03' as milliseconds."""
    clock, _, fraction = stamp.replace(",", ".").partition(".")
    parts = [int(p) for p in clock.split(":")]
    while len(parts) < 3:
        parts.insert(0, 0)
    hours, minutes, seconds = parts
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int((fraction + "00")[:3])


# A table row or a spreadsheet export: name, a tab, the speech.
_TABBED = re.compile(r"^[ \u3000]*(?P<label>[^\t:：\n]{1,40}?)[ \u3000]*\t+(?P<rest>\S[^\n]*)$")
# Plays as published editions set them (茶馆): a name, full-width spaces, the line.
_SPACED = re.compile(rf"^(?P<label>[{HAN}·]{{2,6}})\u3000+(?P<rest>\S[^\n]*)$")
# Court and deposition transcripts: `Q. Where were you?` / `A. At home.`
_DEPOSITION = re.compile(r"^[ \t]*(?P<label>[QA])\.[ \t]+(?=\S)")
# Between the names of a shared label: `松二爷/常四爷：`, `甲、乙：`.
_SHARED = re.compile(r"[ \t\u3000]*[/／、][ \t\u3000]*")
# A role word, one space, then the name: `主持人 杨静：`, `嘉宾 陈虞君：`.
_ROLE_AND_NAME = re.compile(rf"^(?P<role>[{HAN}A-Za-z&]{{2,12}})[ \t\u3000](?P<name>[{HAN}·]{{2,4}})$")


_CLOCK = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
# A time stamp at a line's start in a hand-made transcript: `[00:12:34] 杨静：…`,
# `(12:34) Name: …`, `【00:12】…`; unbracketed only as hours, minutes and seconds.
_LEAD_STAMP = re.compile(
    rf"^[ \t\u3000]*(?:\[(?P<a>{_CLOCK})\]|[(（](?P<b>{_CLOCK})[)）]|【(?P<c>{_CLOCK})】"
    r"|(?P<d>\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?)(?=[ \t\u3000]))[ \t\u3000]*"
)
# A question's number before the member who asks it, in a parliament's record:
# `1. 陳偉業議員：`, `2. MR ALBERT HO:`.
_QUESTION_NUMBER = re.compile(r"^[ \t\u3000]*(?P<number>\d{1,3}[.．][ \t\u3000]*)(?=\S)")


def match_label(line: str) -> LabelMatch | None:
    """The speaker label at the start of `line` (no newline), or None.

    A time stamp before the label (`[00:12:34] 杨静：`) gives the turn its time; a
    question number before a member's or official's name (`1. 陳偉業議員：`) stays in the
    label as written.
    """
    stamp = _LEAD_STAMP.match(line) if line[:1] in _STAMP_STARTS else None
    if stamp is not None:
        found = _match_numbered(line[stamp.end():])
        if found is None or found.time_ms is not None:
            return None
        clock = stamp["a"] or stamp["b"] or stamp["c"] or stamp["d"]
        return replace(found, rest_start=found.rest_start + stamp.end(), time_ms=clock_ms(clock))
    return _match_numbered(line)


_STAMP_STARTS = frozenset(" \t\u3000[(（【0123456789")


def _match_numbered(line: str) -> LabelMatch | None:
    numbered = _QUESTION_NUMBER.match(line) if line[:1].isdigit() or line[:1] in _SPACE else None
    if numbered is None:
        return _match(line)
    found = _match(line[numbered.end():])
    if found is None or found.shared or found.time_ms is not None or not _member(found.name):
        return None
    return replace(found, label=numbered["number"] + found.label, strong=True,
                   rest_start=found.rest_start + numbered.end())


def _member(name: str) -> bool:
    """A member or official who asks or answers a numbered question."""
    if has_han(name):
        return is_official(name)
    return name.isupper() and len(name.split()) >= 2


def _match(line: str) -> LabelMatch | None:
    # Each rule is tried only where its one required character is in the line.
    tabbed = _TABBED.match(line) if "\t" in line else None
    if tabbed:
        name = clean_name(tabbed["label"])
        if valid_name(name, tabbed["rest"]) is not None:
            # Weak: any two-column table looks the same; only recurring names count.
            return LabelMatch(name=name, label=tabbed["label"], rest_start=tabbed.start("rest"),
                              strong=False)
    spaced = _SPACED.match(line) if "\u3000" in line else None
    if spaced and valid_name(spaced["label"], spaced["rest"]) is not None:
        # Weak: a heading (`附录　名单`) looks the same; only recurring names count.
        return LabelMatch(name=spaced["label"], label=spaced["label"],
                          rest_start=spaced.start("rest"), strong=False)
    deposition = _DEPOSITION.match(line)
    if deposition:
        # Weak: an outline (`A. First point`) looks the same; Q and A must both recur.
        return LabelMatch(name=deposition["label"], label=deposition["label"] + ".",
                          rest_start=deposition.end(), strong=False)
    stamped = _STAMPED.match(line) if _ends_in_a_time(line) else None
    if stamped:
        name = clean_name(stamped["label"])
        if valid_name(name, "") is not None:
            # Weak: a line such as `会议开始 10:30` looks the same; only recurring names count.
            return LabelMatch(name=name, label=stamped["label"].strip(_SPACE),
                              rest_start=len(line), strong=False,
                              time_ms=clock_ms(stamped["time"]))
    m = _LINE.match(line) if _colon_in_reach(line) else None
    if m is None:
        return None
    at = m.start("rest")
    return _judge(m["open"], m["close"], m["after"], m["label"], _rest_kind(line[at:at + 2]),
                  at)


def _rest_kind(rest: str) -> str:
    """All `_judge` asks of the text after a colon: whether it starts a URL (//), a path
    (\\) or a number; as a short text that answers the same, so labels share a judgement."""
    if rest.startswith(("//", "\\")):
        return rest[:2]
    return "0" if rest[:1].isdigit() else ""


_COLON = re.compile("[:：]")
_LEAD = " \t\u3000>"


def _colon_in_reach(line: str) -> bool:
    """Whether `_LINE` can match: it needs the line's first colon (nothing before it holds
    one) within 52 characters (markup and a label of 48) of the leading spaces and quote
    marks, besides the spaces just before it. Failing on a long line costs `_LINE` some
    microseconds; most lines of speech hold no colon near their start."""
    colon = _COLON.search(line)
    if colon is None:
        return False
    at = colon.start()
    lead = len(line) - len(line.lstrip(_LEAD))
    before = line[:at]
    spaces = len(before) - len(before.rstrip(_SPACE))
    return at - lead - spaces <= 52


@functools.lru_cache(maxsize=4096)  # a transcript's labels recur: judge each once
def _judge(opener: str | None, closer: str | None, after: str | None, label: str,
           rest: str, rest_start: int) -> LabelMatch | None:
    """The label of a line `_LINE` matched, or None; `rest` is what `_rest_kind` tells of
    the text after the colon."""
    # Markup must pair up: **杨静**： / **杨静：** / [Anna]: / 【杨静】：
    pairs = {"**": "**", "__": "__", "[": "]", "【": "】"}
    if opener:
        if opener in ("**", "__"):
            if (closer or after) != opener or (closer and after):
                return None
        elif closer != pairs[opener] or after:
            return None
    elif closer or after:
        return None
    label = label.strip(_SPACE)
    if not label or rest.startswith("//") or rest.startswith("\\"):
        return None  # a URL (https://) or a Windows path (C:\)
    staged = _STAGE.match(label)
    name = clean_name(staged["name"] if staged else label)
    role = ""
    split = _ROLE_AND_NAME.match(name)
    if split and valid_name(split["name"], "") is not None:
        role, name = split["role"], split["name"]
    parts = tuple(p.strip(_SPACE) for p in _SHARED.split(name))
    if len(parts) > 1 and not role:
        if len(parts) > 4 or any(valid_name(p, rest) is None for p in parts):
            return None
        # Weak: `优点、缺点：` looks the same; the text module accepts a shared label
        # only when each of its names speaks on its own elsewhere.
        return LabelMatch(name=name, label=label, rest_start=rest_start, strong=False,
                          shared=parts)
    strong = valid_name(name, rest)
    if strong is None:
        return None
    return LabelMatch(name=name, label=label, rest_start=rest_start, strong=strong,
                      role=role)


# A field of a consultation's record: `病情描述：…`, `病情描述（发病时间、主要症状）：`.
_FIELD = re.compile(
    rf"^[ \t\u3000]*(?P<name>[{HAN}]{{2,12}})(?:[（(][^（）()\n]{{0,40}}[）)])?[ \t\u3000]*[:：]"
)


def is_field_line(line: str) -> bool:
    """A line that gives a field of a form (`疾病：头痛`, `病情描述：…`): metadata of a
    dialogue dataset's record, not speech."""
    found = _FIELD.match(line)
    return found is not None and is_form_field(found["name"])


def clean_name(text: str) -> str:
    """A label's name without invisible characters, its spaces collapsed."""
    return " ".join(_INVISIBLE.sub("", text).split())


_QUOTE_PAIRS = {'"': '"', "“": "”", "「": "」", "『": "』", "”": "“"}


def headline_span(rest: str) -> tuple[int, int] | None:
    """If `rest` is one whole quote (\"...\", “...”, 「...」), the span of its inside."""
    stripped = rest.strip(_SPACE)
    if len(stripped) < 3:
        return None
    closer = _QUOTE_PAIRS.get(stripped[0])
    if closer is None or stripped[-1] not in (closer, "”", '"'):
        return None
    inner = stripped[1:-1]
    if not inner.strip() or any(q in inner for q in ('"', "“", "”", "「", "」")):
        return None
    offset = rest.index(stripped) + 1
    return offset, offset + len(inner)


_BRACKETED = re.compile(
    r"^[ \t\u3000]*(?:[（(][^\n]*[）)]|\[[^\n]*\]|【[^\n]*】|〔[^\n]*〕)[ \t\u3000]*$"
)
_MD_HEADING = re.compile(r"^#{1,6}[ \t]")
# 〔…〕 marks nothing but stage directions in Chinese plays, however long (the opening
# direction of 茶馆 runs to a page); other brackets may enclose a long aside.
_DIRECTION_ONLY = re.compile(r"^[ \t\u3000]*〔[^\n]*〕[ \t\u3000]*$")
_OPENERS = {"〔": "〕", "（": "）", "(": ")", "[": "]", "【": "】"}


# The heading of an act or scene of a play, alone on its line: `第一幕`, `第二场　茶馆`,
# `序幕`, `尾声`.
ACT_HEADING = re.compile(
    r"^[ \t\u3000]*(?:第[一二三四五六七八九十百〇零两0-9０-９]{1,4}[幕场]|序幕|尾声)"
    r"(?:[ \t\u3000：:，,—-][^\n]{0,40})?[ \t\u3000]*$"
)


# What a direction, an act's heading or a Markdown heading starts with, after spaces.
_DIRECTION_STARTS = frozenset("〔第序尾（([【#")


def is_direction(line: str) -> bool:
    """A line that is wholly a stage direction ((笑), [Laughter], 〔幕启〕), the heading of
    an act (第一幕) or a Markdown heading."""
    if line.lstrip(_SPACE)[:1] not in _DIRECTION_STARTS:
        return False  # most lines: none of the patterns below can match
    if _DIRECTION_ONLY.match(line) or ACT_HEADING.match(line):
        return True
    return bool(_BRACKETED.match(line) or _MD_HEADING.match(line)) and len(line) <= 300


# What a line that `direction_closer` answers for starts with: spaces or an opening bracket.
OPENS_DIRECTION = frozenset(_SPACE) | frozenset(_OPENERS)


def direction_closer(line: str) -> str | None:
    """The bracket that would close a stage direction `line` opens and leaves open
    (`〔幕启。这是…` -> '〕'), or None: such a direction goes on over the next lines."""
    stripped = line.lstrip(_SPACE)
    closer = _OPENERS.get(stripped[:1])
    if closer is None or closer in stripped:
        return None
    return closer
