"""The importer's quick paths give what the plain definitions (kept here) give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.importing import labels, structure, text
from desktop.core.importing.labels import LabelMatch, clean_name, valid_name

# Pieces of label lines and of the lines around them: names, markup, colons, spaces,
# quote marks, URLs, digits, stage directions, shared labels, roles.
PIECES = ["杨静", "〔", "〕", "第一幕", "序幕", "尾声", "(", ")", "#", "# ", "（", "）", "王掌柜", "主持人 ", "陳偉業議員", "MR. SMITH", "Anna", "**", "__", "[", "]",
          "【", "】", "：", ":", " ", "\u3000", "\t", ">", "（笑）", "(laughs)", "、", "/",
          "//example.com", "\\path", "1", "23", "“好”", "「对」", "说", "的", "a", "Z", "。",
          "时间", "\u200b", "甲", "x" * 30, "很长的一句话" * 5]
_lines_of_pieces = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


def _old_match_line(line: str) -> LabelMatch | None:
    """`labels._match` after its table, tab and stamp rules, as it was: judged afresh."""
    m = labels._LINE.match(line)
    if m is None:
        return None
    opener, closer, after = m["open"], m["close"], m["after"]
    pairs = {"**": "**", "__": "__", "[": "]", "【": "】"}
    if opener:
        if opener in ("**", "__"):
            if (closer or after) != opener or (closer and after):
                return None
        elif closer != pairs[opener] or after:
            return None
    elif closer or after:
        return None
    rest = m["rest"]
    label = m["label"].strip(labels._SPACE)
    if not label or rest.startswith("//") or rest.startswith("\\"):
        return None
    staged = labels._STAGE.match(label)
    name = clean_name(staged["name"] if staged else label)
    role = ""
    split = labels._ROLE_AND_NAME.match(name)
    if split and valid_name(split["name"], "") is not None:
        role, name = split["role"], split["name"]
    parts = tuple(p.strip(labels._SPACE) for p in labels._SHARED.split(name))
    if len(parts) > 1 and not role:
        if len(parts) > 4 or any(valid_name(p, rest) is None for p in parts):
            return None
        return LabelMatch(name=name, label=label, rest_start=m.start("rest"), strong=False,
                          shared=parts)
    strong = valid_name(name, rest)
    if strong is None:
        return None
    return LabelMatch(name=name, label=label, rest_start=m.start("rest"), strong=strong,
                      role=role)


@settings(max_examples=1500, deadline=None)
@given(_lines_of_pieces)
def test_label_lines_are_judged_as_before(line):
    if labels._LINE.match(line) is not None:
        assert labels._colon_in_reach(line)
    # Twice: the second judgement comes from the kept one.
    for _ in range(2):
        found = labels._match(line)
        if (labels._TABBED.match(line) or labels._SPACED.match(line)
                or labels._DEPOSITION.match(line) or labels._STAMPED.match(line)):
            continue
        assert found == _old_match_line(line)


def _old_lines(value: str) -> list[tuple[int, int, int]]:
    result = []
    pos = 0
    while pos < len(value):
        nl = value.find("\n", pos)
        if nl < 0:
            result.append((pos, len(value), len(value)))
            break
        result.append((pos, nl, nl + 1))
        pos = nl + 1
    return result


def _old_strip_span(value: str, start: int, end: int) -> tuple[int, int]:
    piece = value[start:end]
    stripped = piece.strip()
    if not stripped:
        return start, start
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + lead + len(stripped)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["\n", " ", "\u3000", "\t", "a", "好"]), max_size=30).map("".join),
       st.integers(0, 30), st.integers(0, 30))
def test_lines_and_spans_are_as_before(value, start, end):
    assert text._lines(value) == _old_lines(value)
    start, end = min(start, len(value)), min(max(start, end), len(value))
    assert text.strip_span(value, start, end) == _old_strip_span(value, start, end)


@given(st.lists(st.tuples(st.sampled_from([None, "主持人", "杨静", "Q", "THE CHAIR", "Anna"]),
                          st.sampled_from(["好。", "为什么？", "Why?", ""])), max_size=12))
def test_moderators_are_found_as_before(turns):
    named = {s for s, _ in turns if s is not None and structure._is_moderator_name(s)}
    if named:
        assert structure.detect_moderators(turns) == named


def _old_is_direction(line: str) -> bool:
    if labels._DIRECTION_ONLY.match(line) or labels.ACT_HEADING.match(line):
        return True
    return bool(labels._BRACKETED.match(line) or labels._MD_HEADING.match(line)) and len(
        line) <= 300


@settings(max_examples=1000, deadline=None)
@given(_lines_of_pieces)
def test_directions_are_found_as_before(line):
    assert labels.is_direction(line) == _old_is_direction(line)


@given(_lines_of_pieces)
def test_a_direction_is_left_open_only_by_a_line_starting_as_one_can(line):
    if line[:1] not in labels.OPENS_DIRECTION:
        assert labels.direction_closer(line) is None
