"""Speaker labels in realistic transcripts, and the lines that only look like labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.importing import parse_bytes
from desktop.core.importing.labels import headline_span, is_direction, match_label

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


def parse(text: str, name: str = "t.txt"):
    return parse_bytes(text.encode("utf-8"), name)


def speeches(parsed):
    """(speaker, speech) per turn."""
    return [(t.speaker, parsed.turn_text(t)) for t in parsed.turns]


@pytest.mark.parametrize(
    ("line", "name", "label"),
    [
        ("杨静:百模大战各显神通", "杨静", "杨静"),
        ("杨静：百模大战各显神通", "杨静", "杨静"),
        ("杨静 ：你好", "杨静", "杨静"),
        ("杨静\u3000：你好", "杨静", "杨静"),
        ("王掌柜（笑）：您来了", "王掌柜", "王掌柜（笑）"),
        ("王掌柜 (笑) : 您来了", "王掌柜", "王掌柜 (笑)"),
        ("陈虞君:\"提升大模型长文本能力\"", "陈虞君", "陈虞君"),
        ("记者：", "记者", "记者"),
        ("THE CHAIR: The Committee will come to order.", "THE CHAIR", "THE CHAIR"),
        ("MR. SMITH: Thank you.", "MR. SMITH", "MR. SMITH"),
        ("Senator Warren: A question.", "Senator Warren", "Senator Warren"),
        ("Q: Why?", "Q", "Q"),
        ("**杨静**：你好", "杨静", "杨静"),
        ("**杨静：**你好", "杨静", "杨静"),
        ("[Anna]: hello", "Anna", "Anna"),
        ("【主持人】：欢迎", "主持人", "主持人"),
    ],
)
def test_labels_found(line, name, label):
    found = match_label(line)
    assert found is not None
    assert (found.name, found.label) == (name, label)


@pytest.mark.parametrize(
    "line",
    [
        "以下是圆桌问答实录整理:",
        "以下是圆桌问答实录整理：",
        "10:30",
        "10:30 会议开始",
        "上午10:30 开幕",
        "https://example.com/talk",
        "http://example.com:8080/x",
        "时间：2023年11月",
        "注意：以下内容未经本人审阅",
        "地点：北京",
        "备注：",
        "比如：算力、数据",
        "第一：放低姿态",
        "他表示：我们会继续投入",
        "我们认为：这是一个问题",
        "一方面：我们要创新",
        "Note: the statements are online.",
        "Time: 10:00 a.m.",
        "Location: Room 2318",
        "Re: your letter",
        "the answer is: no",
        "As he put it: we will see",
        "C:\\Users\\yandu",
        "Part II: The hearing",
        "Chapter 3: Compute",
        "Ratio 16:9",
        "www.example.com:8080",
        "很长很长的一句话里面有一个冒号：后面还有",
        "：开头就是冒号",
    ],
)
def test_false_labels_rejected(line):
    assert match_label(line) is None


def test_single_capitalised_word_is_only_a_weak_label():
    assert match_label("Look: there it is").strong is False
    assert match_label("John Smith: hello").strong is True


def test_headline_span_needs_one_whole_quote():
    assert headline_span('"提升能力"') == (1, 5)
    assert headline_span("“提升能力”") == (1, 5)
    assert headline_span("「提升能力」 ") == (1, 5)
    assert headline_span('我说"好"') is None
    assert headline_span('"一" 和 "二"') is None


def test_directions():
    assert is_direction("（刘麻子上。）")
    assert is_direction("[Laughter]")
    assert is_direction("## 第二部分")
    assert not is_direction("（笑）我们继续说")


def test_sample_false_label_and_intro_stay_narration():
    text = (
        "近日，新智元创始人&CEO杨静与嘉宾展开对话。\n\n以下是圆桌问答实录整理:\n\n"
        "杨静:第一个问题是什么？\n\n陈虞君:\"标题\"\n\n回答。\n\n杨静:第二个问题呢？\n\n陈虞君:好的。\n"
    )
    parsed = parse(text)
    assert [s.name for s in parsed.speakers] == ["杨静", "陈虞君"]
    assert parsed.turns[0].speaker is None
    assert parsed.turn_text(parsed.turns[0]).endswith("以下是圆桌问答实录整理:")


def test_time_url_and_heading_lines_inside_speech_continue_the_speaker():
    text = (
        "主持人：会议几点开始？\n"
        "张三：上午开始。\n"
        "10:30\n"
        "https://example.com/agenda\n"
        "时间：上午\n"
        "注意：带上证件。\n"
        "主持人：好的，谢谢？\n"
        "张三：不客气。\n"
    )
    parsed = parse(text)
    assert [s.name for s in parsed.speakers] == ["主持人", "张三"]
    second = parsed.turn_text(parsed.turns[1])
    assert second.startswith("上午开始。") and second.endswith("注意：带上证件。")
    assert "10:30" in second and "https://example.com/agenda" in second


def test_play_excerpt_stage_directions():
    parsed = parse_bytes((DATA / "teahouse-excerpt.zh.txt").read_bytes(), "teahouse.txt")
    assert [s.name for s in parsed.speakers] == ["王利发", "常四爷", "松二爷", "刘麻子"]
    assert not any(s.is_moderator for s in parsed.speakers)
    assert parsed.sections == ()
    turns = parsed.turns
    labels = [t.label for t in turns if t.speaker]
    assert "常四爷（笑）" in labels and "刘麻子（赔笑）" in labels
    # Heading lines (人物：, 时间：, 地点：) and stage directions are narration.
    narration = [parsed.turn_text(t) for t in turns if t.speaker is None]
    assert narration[0].startswith("茶馆（节选）") and "地点：北京" in narration[0]
    assert "（刘麻子上。）" in narration and "（众人沉默。）" in narration
    # A speech continued on the next line stays with its speaker.
    assert ("刘麻子", "四爷，您这是哪儿的话。\n我不过是来喝碗茶。") in speeches(parsed)
    assert ("松二爷", "您瞧，这只画眉叫得多好！") in speeches(parsed)


def test_interview_with_labels_alone_on_their_lines():
    parsed = parse_bytes((DATA / "interview-labels-alone.zh.txt").read_bytes(), "i.txt")
    assert [(s.name, s.is_moderator) for s in parsed.speakers] == [("记者", True),
                                                                   ("李明", False)]
    assert len(parsed.sections) == 3
    assert parsed.sections[1].title == "大家都说现在算力荒，您怎么看？"
    said = speeches(parsed)
    assert said[0] == (None, "专访：一位芯片工程师眼中的算力荒")
    assert said[2] == ("李明", "我在一家芯片公司做架构设计，主要做AI加速器。\n\n这些年算力需求增长得非常快。")
    # 注意： inside a speech is not a speaker.
    assert said[4] == ("李明", "确实紧张。注意：这里说的紧张主要是高端训练卡。\n推理卡的情况好一些。")
    assert said[-1] == (None, "（本文经受访者审阅）")


def test_english_hearing():
    parsed = parse_bytes((DATA / "hearing.en.txt").read_bytes(), "hearing.txt")
    names = [s.name for s in parsed.speakers]
    assert names == ["THE CHAIR", "DR. DOE", "MR. SMITH", "Ms. Lofgren"]
    roles = {s.name: s.role for s in parsed.speakers}
    assert roles["DR. DOE"] == "Director, National AI Institute"
    assert roles["MR. SMITH"] == "Chief Executive Officer, Acme Robotics"
    assert [s.name for s in parsed.speakers if s.is_moderator] == ["THE CHAIR"]
    said = speeches(parsed)
    intro = said[0][1]
    assert said[0][0] is None and "Date: June 22, 2023" in intro and "Witnesses:" in intro
    assert (None, "[Laughter]") in said
    chair_first = said[1][1]
    # 'Note:' opens a paragraph of the chair's speech; it is not a speaker.
    assert chair_first.endswith("available online at https://science.house.gov/hearings.")
    assert ("MR. SMITH", "Through shared infrastructure. At 10:30 this morning we published "
            "a report on exactly that.") in said


def test_english_names_differing_in_case_are_one_speaker():
    parsed = parse("MR. SMITH: One.\nMs. Jones: Two?\nMr. Smith: Three.\n")
    assert [s.name for s in parsed.speakers] == ["MR. SMITH", "Ms. Jones"]
    assert [t.speaker for t in parsed.turns] == ["MR. SMITH", "Ms. Jones", "MR. SMITH"]


def test_headline_with_curly_quotes():
    text = "主持人：怎么看？\n\n陈虞君：“降低幻觉问题”\n\n我们认为幻觉可以降低。\n"
    parsed = parse(text)
    turn = parsed.turns[1]
    assert parsed.headline(turn) == "降低幻觉问题"
    assert parsed.turn_text(turn) == "我们认为幻觉可以降低。"


def test_quoted_speech_without_following_paragraph_is_speech_not_headline():
    parsed = parse("王利发：“您来了！”\n常四爷：“来了。”\n")
    assert all(parsed.headline(t) == "" for t in parsed.turns)
    assert parsed.turn_text(parsed.turns[0]) == "“您来了！”"


def test_single_occurrence_heading_before_dialogue_is_narration():
    text = "会议纪要整理稿：\n\n张三：大家好。\n李四：你好。\n张三：开始吧。\n李四：好。\n"
    parsed = parse(text)
    assert [s.name for s in parsed.speakers] == ["张三", "李四"]
    assert parsed.turns[0].speaker is None


def test_single_speaker_appearing_once_inside_dialogue_is_kept():
    text = "张三：大家好。\n李四：你好。\n王五：我来晚了。\n张三：开始吧。\n李四：好。\n"
    assert [s.name for s in parse(text).speakers] == ["张三", "李四", "王五"]


def test_markdown_transcript_with_bold_labels(tmp_path):
    text = "# 圆桌实录\n\n**主持人**：第一个问题？\n\n**张三**：我先说。\n\n**主持人**：第二个？\n\n**张三**：好。\n"
    parsed = parse_bytes(text.encode("utf-8"), "talk.md")
    assert parsed.format == "markdown"
    assert parsed.title == "圆桌实录"
    assert [s.name for s in parsed.speakers] == ["主持人", "张三"]
    assert parsed.turn_text(parsed.turns[1]) == "第一个问题？"
    assert len(parsed.sections) == 2


def test_speech_recognition_export_with_names_and_times():
    text = (
        "会议录音转写 2023-11-27\n\n"
        "说话人1 00:00:05\n各位好，今天聊聊算力。大家怎么看？\n\n"
        "说话人2 00:01:12\n我觉得算力还是很紧张。\n\n"
        "说话人1 01:02:03\n那怎么解决呢？\n\n"
        "说话人2 (01:05:00)\n合作共训。\n"
    )
    parsed = parse(text)
    assert [s.name for s in parsed.speakers] == ["说话人1", "说话人2"]
    assert [t.cue_start_ms for t in parsed.turns] == [None, 5000, 72000, 3723000, 3900000]
    assert parsed.turn_text(parsed.turns[2]) == "我觉得算力还是很紧张。"
    assert [s.name for s in parsed.speakers if s.is_moderator] == ["说话人1"]


def test_english_speech_recognition_export():
    text = "Speaker 1  0:03\nSo how do we start?\n\nSpeaker 2  0:09\nWith data.\n\n" \
           "Speaker 1  1:15\nAnd then?\n\nSpeaker 2  1:20\nCompute.\n"
    parsed = parse(text)
    assert [s.name for s in parsed.speakers] == ["Speaker 1", "Speaker 2"]
    assert parsed.turn_text(parsed.turns[-1]) == "Compute."


def test_a_lone_time_line_is_not_a_speaker():
    parsed = parse("会议开始 10:30\n甲：你好？\n乙：你好。\n甲：再见？\n乙：再见。\n")
    assert [s.name for s in parsed.speakers] == ["甲", "乙"]
    assert parsed.turns[0].speaker is None


@pytest.mark.parametrize("line", ["会议时间：上午十点", "活动地点：北京", "本期主题：算力",
                                  "内容整理：", "对话实录："])
def test_heading_suffixes_are_not_speakers(line):
    assert match_label(line) is None


def test_subtitle_prefix_seen_once_with_an_odd_shape_is_speech():
    srt = ("1\n00:00:01,000 --> 00:00:02,000\nAnna: Hello.\n\n"
           "2\n00:00:02,000 --> 00:00:03,000\nLook: there it is.\n\n"
           "3\n00:00:03,000 --> 00:00:04,000\nAnna: Where?\n")
    parsed = parse_bytes(srt.encode(), "clip.srt")
    said = [(t.speaker, parsed.turn_text(t)) for t in parsed.turns]
    assert said == [("Anna", "Hello. Look: there it is. Where?")]  # one speaker's cues: one turn


def test_pronoun_openers_are_speakers_only_when_they_recur():
    single = parse("甲：你好？\n乙：你好。\n我们：都来了。\n甲：好的？\n乙：嗯。\n")
    assert [s.name for s in single.speakers] == ["甲", "乙"]
    singer = parse("主持人：那英老师好？\n那英：大家好。\n主持人：新歌呢？\n那英：快了。\n")
    assert [s.name for s in singer.speakers] == ["主持人", "那英"]


def test_question_and_answer_labels():
    parsed = parse("问：您怎么看算力？\n答：很紧张。\n问：那数据呢？\n答：也紧张。\n")
    assert [(s.name, s.is_moderator) for s in parsed.speakers] == [("问", True), ("答", False)]
    assert [s.title for s in parsed.sections] == ["您怎么看算力？", "那数据呢？"]


def test_deposition_q_and_a_without_colons():
    parsed = parse("EXAMINATION\nBY MR. LEE:\nQ. Where were you on May 5?\nA. At home.\n"
                   "Q. Alone?\nA. Yes.\n")
    # Q. and A. after `BY MR. LEE:` are the examiner and the witness (issue 15).
    assert [(s.name, s.is_moderator) for s in parsed.speakers] == [("MR. LEE", True),
                                                                   ("Witness", False)]
    assert [t.label for t in parsed.turns[1:]] == ["Q.", "A.", "Q.", "A."]
    assert parsed.turn_text(parsed.turns[2]) == "At home."
    assert parsed.kind == "court"


def test_an_outline_is_not_a_deposition():
    parsed = parse("Outline\nA. First point\nB. Second point\n")
    assert parsed.speakers == ()


def test_role_written_in_the_label():
    parsed = parse("主持人 杨静：你好？\n嘉宾 陈虞君：你好。\n主持人 杨静：再见？\n嘉宾 陈虞君：再见。\n")
    assert [(s.name, s.role, s.is_moderator) for s in parsed.speakers] == [
        ("杨静", "主持人", True), ("陈虞君", "嘉宾", False)]
    assert parsed.turns[0].label == "主持人 杨静"


def test_markdown_blockquote_labels(tmp_path):
    parsed = parse_bytes("> 杨静：你好？\n>\n> 陈虞君：你好。\n".encode(), "q.md")
    assert [s.name for s in parsed.speakers] == ["杨静", "陈虞君"]
    assert parsed.turn_text(parsed.turns[1]) == "你好。"


def test_invisible_characters_and_compatibility_forms_in_labels():
    parsed = parse("甲\u200b：你好？\n\u2067乙\u2069：好。\n甲：再见？\n乙：再见。\n")
    assert [s.name for s in parsed.speakers] == ["甲", "乙"]
    assert parsed.turns[0].label == "甲\u200b"  # the label as written
    wide = parse("ＭＲ．ＳＭＩＴＨ：Hello.\nMR. SMITH: Again.\nTHE CHAIR: Thanks?\n")
    assert [s.name for s in wide.speakers] == ["ＭＲ．ＳＭＩＴＨ", "THE CHAIR"]


def test_names_in_other_scripts():
    parsed = parse("محمد: مرحبا.\nשרה: תודה.\nمحمد: شكرا.\n𠮷野：好。\n𠮷野：好的。\n")
    assert [s.name for s in parsed.speakers] == ["محمد", "𠮷野"]


def test_rev_style_names_with_bracketed_times_and_a_colon():
    text = ("Speaker 1 (00:01):\nWelcome. What brings you here?\n\n"
            "Jane Doe [00:00:09]\nThe compute shortage.\n\n"
            "Speaker 1 (01:02):\nAnd what would help?\n\n"
            "Jane Doe [00:01:10]\nShared clusters.\n")
    parsed = parse(text)
    assert [s.name for s in parsed.speakers] == ["Speaker 1", "Jane Doe"]
    assert [t.cue_start_ms for t in parsed.turns] == [1000, 9000, 62000, 70000]
    assert parsed.turn_text(parsed.turns[3]) == "Shared clusters."


@pytest.mark.parametrize(("line", "name", "label", "time_ms"), [
    ("[00:12:34] 杨静：你好", "杨静", "杨静", 754000),
    ("(12:34) Anna Lee: hi", "Anna Lee", "Anna Lee", 754000),
    ("【00:12】杨静：好", "杨静", "杨静", 12000),
    ("00:12:34 **杨静**：好", "杨静", "杨静", 754000),
    ("[01:02:03.5] Speaker 1: go on", "Speaker 1", "Speaker 1", 3723500),
])
def test_a_time_stamp_before_a_label(line, name, label, time_ms):
    found = match_label(line)
    assert found is not None
    assert (found.name, found.label, found.time_ms) == (name, label, time_ms)
    assert line[found.rest_start:].strip() in ("你好", "hi", "好", "go on")


@pytest.mark.parametrize("line", ["[00:12] 大家好。", "(12:34)", "10:30 会议开始", "12:30 PM: lunch",
                                  "[00:12:34] 他说：好"])
def test_a_time_stamp_without_a_label(line):
    assert match_label(line) is None


def test_members_and_officials_are_known_name_shapes():
    for line, name in [("陳偉業議員：主席", "陳偉業議員"), ("保安局局長：主席", "保安局局長"),
                       ("政制及內地事務局副局長：主席", "政制及內地事務局副局長"),
                       ("全委會主席：好", "全委會主席")]:
        found = match_label(line)
        assert found is not None and (found.name, found.strong) == (name, True)
    numbered = match_label("1. 陳偉業議員：主席，")
    assert (numbered.name, numbered.label, numbered.strong) == ("陳偉業議員", "1. 陳偉業議員", True)
    assert match_label("1. 数据：很重要") is None  # a numbered list item, not a member


def test_a_lone_character_other_than_a_role_must_recur():
    assert match_label("甲：好").strong and match_label("问：为什么？").strong
    assert match_label("下：好").strong is False
    once = parse("张三：大家好。\n李四：你好。\n张三：开始吧，以\n下：三点。\n李四：好。\n")
    assert [s.name for s in once.speakers] == ["张三", "李四"]
    crosstalk = parse("郭：您好。\n于：您好。\n郭：今天说段相声。\n于：好啊。\n")
    assert [s.name for s in crosstalk.speakers] == ["郭", "于"]


def test_a_recurring_speech_verb_is_not_a_speaker():
    text = ("张三：他昨天来过。\n他说：“我明天再来。”\n李四：然后呢？\n张三：然后\n他说：“算了。”\n"
            "李四：好吧。\n")
    parsed = parse(text)
    assert [s.name for s in parsed.speakers] == ["张三", "李四"]
    assert speeches(parsed)[0] == ("张三", "他昨天来过。\n他说：“我明天再来。”")
