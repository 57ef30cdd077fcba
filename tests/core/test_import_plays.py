"""Plays and play-like scripts: names that start with numerals, shared labels, stage
directions and acts, in the shapes published Chinese plays have (茶馆, 雷雨, 赵树理's
stories adapted for the stage)."""

from __future__ import annotations

import pytest

from desktop.core.importing.labels import is_direction, match_label
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


ACT_ONE = """\
〔幕启：这种大茶馆现在已经不见了。在几十年前，每城都起码有一处。这里卖茶，也卖简单的点心与饭菜。玩鸟的人们，每天在遛够了画眉、黄鸟等之后，要到这里歇歇腿，喝喝茶，并使鸟儿表演歌唱。〕

王利发：唐先生，你外边遛遛吧！
唐铁嘴：王掌柜，捧捧唐铁嘴吧！送给我碗茶喝，我就先给您相相面吧！
王利发：我这儿不算命，您甭费心。
唐铁嘴：那您赏碗茶就得。

〔松二爷、常四爷都提着鸟笼进来。〕

松二爷：好像又有事儿？
常四爷：反正打不起来！要真打的话，早到城外头去啦；到茶馆来干吗？
松二爷：您小点声儿。
（二德子进来，四下里扫视。）
二德子：谁要打架？
常四爷：（笑）要抓人不是？
二德子：你这是成心跟我过不去？（要动手）
〔刘麻子上，
　看见二德子，连忙拉住他。〕
刘麻子：二爷，您别生气，有话好说。
"""


def test_a_paragraph_that_is_only_a_stage_direction_is_narration():
    parsed = parse(ACT_ONE)
    turns = speeches(parsed)
    assert turns[0][0] is None and turns[0][1].startswith("〔幕启")
    assert (None, "〔松二爷、常四爷都提着鸟笼进来。〕") in turns
    assert (None, "（二德子进来，四下里扫视。）") in turns
    assert ("常四爷", "反正打不起来！要真打的话，早到城外头去啦；到茶馆来干吗？") in turns
    assert (None, "〔刘麻子上，\n　看见二德子，连忙拉住他。〕") in turns
    assert turns[-1] == ("刘麻子", "二爷，您别生气，有话好说。")
    assert [s.name for s in parsed.speakers] == ["王利发", "唐铁嘴", "松二爷", "常四爷",
                                                  "二德子", "刘麻子"]


def test_a_direction_inside_a_speech_stays_in_it():
    turns = speeches(parse(ACT_ONE))
    assert ("常四爷", "（笑）要抓人不是？") in turns
    assert ("二德子", "你这是成心跟我过不去？（要动手）") in turns


def test_a_speech_goes_on_after_a_direction_between_its_paragraphs():
    text = ("周朴园：你来了。\n鲁侍萍：嗯。\n周朴园：你坐下。\n\n〔停顿。〕\n\n"
            "三十年了，你还记得那件衬衣？\n鲁侍萍：记得。\n")
    turns = speeches(parse(text))
    assert turns[3] == (None, "〔停顿。〕")
    assert turns[4] == ("周朴园", "三十年了，你还记得那件衬衣？")


def test_a_label_may_carry_a_direction_in_hexagonal_brackets():
    found = match_label("王利发〔笑〕：您来啦？")
    assert found is not None and (found.name, found.label) == ("王利发", "王利发〔笑〕")


TOGETHER = """\
松二爷：您听，这只画眉叫得多好！
常四爷：好是好，就是贵。
松二爷/常四爷：（同时）走，喝茶去！
王利发：二位爷，里边请！
常四爷：王掌柜，来一壶。
甲、乙：我们也要一壶！
甲：我先来的。
乙：我先来的！
众：哈哈哈……
王利发：得，一人一壶，都有！
"""


def test_a_shared_label_is_one_speaker_named_as_written():
    parsed = parse(TOGETHER)
    turns = speeches(parsed)
    assert turns[2] == ("松二爷/常四爷", "（同时）走，喝茶去！")
    assert turns[5] == ("甲、乙", "我们也要一壶！")
    assert turns[8] == ("众", "哈哈哈……")
    assert [s.name for s in parsed.speakers] == ["松二爷", "常四爷", "松二爷/常四爷", "王利发",
                                                  "甲、乙", "甲", "乙", "众"]


def test_a_shared_label_needs_each_name_to_speak_alone():
    text = "张三：今天说两件事。\n李四：好。\n张三：先说第一件。\n优点、缺点：都要写清楚。\n李四：明白。\n"
    turns = speeches(parse(text))
    assert [s for s, _ in turns] == ["张三", "李四", "张三", "李四"]
    assert turns[2] == ("张三", "先说第一件。\n优点、缺点：都要写清楚。")


def test_shared_label_match():
    found = match_label("松二爷／常四爷：走！")
    assert found is not None and found.shared == ("松二爷", "常四爷") and not found.strong
    assert match_label("一、二、三：开始") is None


PLAY = """\
茶馆

第一幕

〔幕启：北京，裕泰大茶馆，一八九八年初秋。〕

王利发：唐先生，你外边遛遛吧！
唐铁嘴：王掌柜，捧捧唐铁嘴吧！
王利发：我这儿不算命。

〔幕落。〕

第二幕　二十多年后

唐铁嘴：王掌柜，您又发财了吧？
王利发：发什么财呀，改良改良罢了。
第三幕

王利发：改良，我老没忘了改良。
"""


def test_acts_are_sections_and_not_part_of_a_speech():
    parsed = parse(PLAY)
    turns = speeches(parsed)
    assert [(s.first_turn, s.title) for s in parsed.sections] == [
        (1, "第一幕"), (7, "第二幕 二十多年后"), (10, "第三幕")]
    assert turns[1] == (None, "第一幕")
    assert turns[9] == ("王利发", "发什么财呀，改良改良罢了。")
    assert turns[10] == (None, "第三幕")
    assert turns[11] == ("王利发", "改良，我老没忘了改良。")
    assert [s.name for s in parsed.speakers] == ["王利发", "唐铁嘴"]


@pytest.mark.parametrize("line", ["第一幕", "第十二场", "序幕", "尾声", "第二幕　一九一八年"])
def test_act_headings_are_directions(line):
    assert is_direction(line)
    assert match_label(line) is None


def test_a_sentence_that_starts_like_an_act_is_not_one():
    assert not is_direction("第一场雪下得很大，大家都出来看。他说了很多很多很多很多很多很多很多很多很多很多很多很多很多的话。")


# 茶馆 as its published editions set it: the name, a full-width space, the line.
SPACED_SCENE = (
    "王利发　哟，二位爷来了！\n"
    "常四爷　王掌柜，生意好哇？\n"
    "王利发　托您的福，还凑合。\n"
    "常四爷　好，好。\n"
)


def test_a_name_then_a_full_width_space_is_a_label_when_the_name_recurs():
    parsed = parse(SPACED_SCENE)
    assert speeches(parsed) == [
        ("王利发", "哟，二位爷来了！"),
        ("常四爷", "王掌柜，生意好哇？"),
        ("王利发", "托您的福，还凑合。"),
        ("常四爷", "好，好。"),
    ]


def test_indented_paragraphs_are_not_labels():
    # Chinese prose indents its paragraphs with two full-width spaces: no speaker there.
    prose = "　　今天天气很好。我们去了公园。\n\n　　公园里人很多，大家都很高兴。\n"
    assert all(speaker is None for speaker, _ in speeches(parse(prose)))


@pytest.mark.parametrize("text", [ACT_ONE, TOGETHER, PLAY, SPACED_SCENE])
def test_plays_are_recognised_and_have_no_moderator(text):
    parsed = parse(text)
    assert parsed.kind == "play"
    assert not any(s.is_moderator for s in parsed.speakers)


def test_a_play_without_acts_has_no_sections_even_with_questions():
    text = "王利发：您来啦？\n常四爷：来啦。\n王利发：喝茶吗？\n常四爷：喝。\n众：哈哈哈！\n"
    parsed = parse(text)
    assert parsed.kind == "play" and parsed.sections == ()
