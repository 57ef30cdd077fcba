"""Moderator, sections and roles, from plain (speaker, speech) values."""

from __future__ import annotations

from desktop.core.importing.structure import (
    PALETTE,
    colour_for,
    detect_moderators,
    question_sections,
    role_from_narration,
    section_title,
    sections,
)

PANEL = [
    (None, "近日，主持人与两位嘉宾展开对话。"),
    ("甲", "第一个问题，大家怎么看算力？"),
    ("乙", "算力很重要，但算法和数据同样重要，我们在这方面做了很多工作，效果不错。"),
    ("丙", "我同意，同时也要看到国产芯片的进步，生态正在慢慢建立起来。"),
    ("甲", "第二个问题，数据从哪里来？"),
    ("丙", "数据来自合作伙伴和公开语料，我们清洗后只保留很少一部分高质量的数据。"),
    ("乙", "我们也用合成数据，用大模型生成数据再筛选，成本可以降下来很多。"),
]


def test_panel_moderator_opens_sections():
    assert detect_moderators(PANEL) == {"甲"}
    assert sections(PANEL, {"甲"}) == [(1, "第一个问题，大家怎么看算力？"), (4, "第二个问题，数据从哪里来？")]


def test_named_moderator_wins_even_without_questions():
    turns = [("乙", "我先说。"), ("主持人", "请继续。"), ("乙", "好的。"), ("THE CHAIR", "Order.")]
    assert detect_moderators(turns) == {"主持人", "THE CHAIR"}


def test_no_moderator_when_two_speakers_ask_alike():
    turns = [("甲", "你好吗？"), ("乙", "你呢？"), ("甲", "好。去哪？"), ("乙", "北京？")]
    assert detect_moderators(turns) == set()


def test_no_moderator_when_the_questioner_does_not_open():
    turns = [("甲", "今天天气不错。"), ("乙", "是吗？"), ("甲", "是啊。"), ("乙", "去哪？")]
    assert detect_moderators(turns) == set()


def test_no_moderator_with_one_speaker_or_one_question():
    assert detect_moderators([("甲", "为什么？"), ("甲", "因为？")]) == set()
    assert detect_moderators([("甲", "为什么？"), ("乙", "因为。")]) == set()


def test_consecutive_moderator_turns_open_one_section_titled_by_the_question():
    turns = [("甲", "谢谢各位。"), (None, "（掌声）"), ("甲", "下一个问题是什么？"), ("乙", "答。"),
             ("甲", "最后？"), ("乙", "好。")]
    assert sections(turns, {"甲"}) == [(0, "下一个问题是什么？"), (4, "最后？")]


def test_long_question_title_keeps_the_question():
    long = "我们先回顾一下。" * 40 + "那么，您怎么看？"
    title = section_title(long)
    assert title == "那么，您怎么看？"
    assert len(section_title("背景" * 300)) == 200


def test_roles_from_introduction():
    intro = ("近日,在大会上,新智元创始人&CEO杨静在论坛,与循环智能AI负责人陈虞君、"
             "中国科学院自动化研究所研究员张家俊对话。主持人王五（资深记者）也到场。")
    names = ["杨静", "陈虞君", "张家俊", "王五", "赵六"]

    def role(n):
        return role_from_narration(n, intro, [o for o in names if o != n])

    assert role("杨静") == "新智元创始人&CEO"
    assert role("陈虞君") == "循环智能AI负责人"
    assert role("张家俊") == "中国科学院自动化研究所研究员"
    assert role("王五") == "主持人"
    assert role("赵六") == ""


def test_no_role_from_an_ordinary_sentence():
    assert role_from_narration("杨静", "大家都认识杨静。") == ""
    assert role_from_narration("杨静", "我们在会上遇到了杨静") == ""


def test_english_role_after_the_name():
    narration = "Witnesses: Dr. Jane Doe, Director, National AI Institute; Mr. Bo Li, who spoke."
    assert role_from_narration("DR. DOE", narration) == "Director, National AI Institute"
    assert role_from_narration("MR. LI", narration) == ""


def test_palette_colours_are_distinct_and_cycle():
    assert len(set(PALETTE)) == len(PALETTE)
    assert [colour_for(i) for i in range(3)] == list(PALETTE[:3])
    assert colour_for(len(PALETTE)) == PALETTE[0]


def test_long_statement_without_a_question_is_titled_by_its_first_sentence():
    statement = "The Committee will come to order. " + "Without objection, so ordered. " * 10
    assert section_title(statement) == "The Committee will come to order."


def test_acts_come_before_questions_unless_only_questions_are_asked_for():
    turns = [(None, "第一幕"), ("甲", "你来了？"), ("乙", "来了。"), (None, "第二幕"), ("甲", "走吗？"),
             ("乙", "走。")]
    assert sections(turns, {"甲"}) == [(0, "第一幕"), (3, "第二幕")]
    assert question_sections(turns, {"甲"}) == [(1, "你来了？"), (4, "走吗？")]
