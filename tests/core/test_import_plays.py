"""Plays and play-like scripts: names that start with numerals, shared labels, stage
directions and acts, in the shapes published Chinese plays have (茶馆, 雷雨, 赵树理's
stories adapted for the stage)."""

from __future__ import annotations

import pytest

from desktop.core.importing.labels import match_label
from desktop.core.importing.parser import parse_bytes


def parse(text: str):
    return parse_bytes(text.encode("utf-8"), "play.txt")


def speeches(parsed) -> list[tuple[str | None, str]]:
    return [(t.speaker, parsed.turn_text(t)) for t in parsed.turns]


@pytest.mark.parametrize("line, name", [
    ("二德子：你这是成心跟我过不去？", "二德子"),
    ("四凤：妈，您别生气。", "四凤"),
    ("三仙姑：哟，小芹回来啦！", "三仙姑"),
    ("七巧（冷笑）：你倒会说话。", "七巧"),
    ("二人：好！", "二人"),
])
def test_names_may_start_with_a_numeral(line, name):
    found = match_label(line)
    assert found is not None and found.name == name and found.strong


@pytest.mark.parametrize("line", [
    "一、剧中人物：",
    "1. 时间：一八九八年",
    "第一：不许打架",
    "十二点：散场",
    "一是：茶钱先付",
    "三条：莫谈国事",
    "3号：张三",
    "二〇二三年：再版",
    "三：还有一条",
])
def test_numbered_items_and_times_are_not_names(line):
    assert match_label(line) is None


TEAHOUSE = """\
王利发：常四爷，您来啦？
常四爷：来啦。给我沏一壶。
二德子：你这是成心跟我过不去？
常四爷：我没说您什么呀。
二德子：哼，我可告诉你！
王利发：二位，二位，都是老街旧邻，有话好说。
"""


def test_a_numeral_named_speaker_keeps_his_own_lines():
    parsed = parse(TEAHOUSE)
    assert [s.name for s in parsed.speakers] == ["王利发", "常四爷", "二德子"]
    assert speeches(parsed)[2] == ("二德子", "你这是成心跟我过不去？")
    assert [t.speaker for t in parsed.turns] == ["王利发", "常四爷", "二德子", "常四爷",
                                                  "二德子", "王利发"]
