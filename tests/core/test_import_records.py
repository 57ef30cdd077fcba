"""Real records in their own shapes: the kind of record, its speakers and its sections.

Fixtures are written here in the shapes published records have (see the design notes on
transcript shapes): a Legislative Council sitting in traditional Chinese, a Supreme Court
argument, a deposition, a consultation dataset with form fields, hand-made transcripts
with time stamps; and the reader's corrections (ParseOptions) applied to them.
"""

from __future__ import annotations

import pytest

from desktop.core.importing.model import KINDS, ParseOptions
from desktop.core.importing.parser import build, parse_bytes
from desktop.core.importing.text import parse_text


def parse(text: str, name: str = "record.txt"):
    return parse_bytes(text.encode("utf-8"), name)


def read(text: str, fmt: str = "text", **options):
    """build() itself, with the reader's corrections."""
    return build(text, "UTF-8", fmt, "t", parse_text(text), ParseOptions(**options))


def check_spans(parsed) -> None:
    """The turns cover the text exactly, in order; each speech is an exact, trimmed piece."""
    text = parsed.text
    position = 0
    for turn in parsed.turns:
        assert turn.start == position < turn.end
        assert turn.start <= turn.text_start <= turn.text_end <= turn.end
        speech = text[turn.text_start : turn.text_end]
        assert speech == speech.strip()
        position = turn.end
    assert position == len(text)
    assert {s.first_turn for s in parsed.sections} <= set(range(len(parsed.turns)))


def speakers(parsed) -> list[str]:
    return [s.name for s in parsed.speakers]


def said(parsed) -> list[tuple[str | None, str]]:
    return [(t.speaker, parsed.turn_text(t)) for t in parsed.turns]


def titles(parsed) -> list[str]:
    return [s.title for s in parsed.sections]


# A sitting of the Legislative Council as its record is published in traditional Chinese,
# one paragraph a line: agenda headings, numbered questions under their titles, the chair,
# members and officials; quoted speech, notes and sources inside speeches.
HANSARD = """\
立法會會議過程正式紀錄

2012年10月17日星期三

會議在上午十一時正開始

出席議員：
主席曾鈺成議員，G.B.S., J.P.
陳偉業議員
何俊仁議員

列席政府官員：
食物及衞生局局長周一嶽醫生，G.B.S., J.P.
保安局局長李少光先生，I.D.S.M., J.P.

議員質詢的口頭答覆

主席：議員質詢。第1項質詢。

為長者提供的醫療服務

1. 陳偉業議員：主席，據報，公立醫院專科門診的輪候時間甚長。就此，政府可否告知本會：(一)過去3年，長者的平均輪候時間為何；(二)當局有何措施縮短輪候時間？

食物及衞生局局長：主席，就陳偉業議員的質詢，我的答覆如下：

(一)過去3年，長者在專科門診的平均輪候時間約為8星期。

註：有關數字不包括私家醫院。

資料來源：醫院管理局

陳偉業議員：主席，局長剛才說會檢討，但市民已經等了很久。
他說：「我們會盡快完成檢討。」
然後他說：「市民不用擔心。」
局長可否承諾一個具體的時間表？

食物及衞生局局長：主席，我們會在年底前公布結果。

主席：議員保持肅靜。

主席：第2項質詢。

警方處理示威活動

2. 何俊仁議員：主席，當局可否告知本會，過去一年警方處理了多少宗示威活動？

保安局局長：主席，過去一年，警方處理了約6 000宗公眾活動。
他說：「絕大部分活動和平進行。」

主席：議員保持肅靜。何俊仁議員，你是否要提出補充質詢？

何俊仁議員：主席，我沒有補充質詢。

議員質詢的書面答覆

公共交通費用優惠

7. 陳偉業議員：主席，政府可否告知本會，長者乘車優惠的開支為何？

保安局局長：主席，有關開支約為8億元。

法案

首讀

主席：法案：首讀。
"""


def test_a_parliament_sitting_has_its_chair_members_and_officials():
    parsed = parse(HANSARD)
    check_spans(parsed)
    assert parsed.kind == "parliament"
    assert speakers(parsed) == ["主席", "陳偉業議員", "食物及衞生局局長", "何俊仁議員", "保安局局長"]
    # The chair hosts the sitting (filters and the compare view treat it so).
    assert [s.name for s in parsed.speakers if s.is_moderator] == ["主席"]


def test_quoted_speech_notes_and_sources_stay_inside_a_speech():
    parsed = parse(HANSARD)
    turns = said(parsed)
    assert ("陳偉業議員", "主席，局長剛才說會檢討，但市民已經等了很久。\n他說：「我們會盡快完成檢討。」\n"
            "然後他說：「市民不用擔心。」\n局長可否承諾一個具體的時間表？") in turns
    answer = next(speech for who, speech in turns if who == "食物及衞生局局長")
    assert answer.startswith("主席，就陳偉業議員的質詢")
    assert answer.endswith("註：有關數字不包括私家醫院。\n\n資料來源：醫院管理局")
    assert ("保安局局長", "主席，過去一年，警方處理了約6 000宗公眾活動。\n他說：「絕大部分活動和平進行。」"
            ) in turns
    # 出席議員： and 列席政府官員： head lists of the front matter.
    assert turns[0][0] is None and "出席議員：" in turns[0][1] and "列席政府官員：" in turns[0][1]


def test_a_parliament_is_sectioned_by_agenda_and_questions_not_by_the_chair():
    parsed = parse(HANSARD)
    assert titles(parsed) == [
        "議員質詢的口頭答覆",
        "為長者提供的醫療服務 · 1. 陳偉業議員",
        "警方處理示威活動 · 2. 何俊仁議員",
        "議員質詢的書面答覆 · 公共交通費用優惠 · 7. 陳偉業議員",
        "法案 · 首讀",
    ]
    turns = parsed.turns
    # The chair's procedural remarks open nothing; headings are narration of their own.
    openers = {s.first_turn for s in parsed.sections}
    assert not any(turns[i].speaker == "主席" for i in openers)
    assert all(turns[i].speaker is None for i in openers)
    first_question = parsed.sections[1].first_turn
    assert parsed.turn_text(turns[first_question]) == "為長者提供的醫療服務"
    asker = turns[first_question + 1]
    assert (asker.speaker, asker.label) == ("陳偉業議員", "1. 陳偉業議員")
    # The heading after the last answer is not part of that answer.
    assert ("何俊仁議員", "主席，我沒有補充質詢。") in said(parsed)


def test_simplified_parliament_record_reads_the_same():
    text = ("议员质询的口头答复\n\n主席：第1项质询。\n\n1. 陈伟业议员：主席，政府可否告知本会？\n\n"
            "保安局局长：主席，答复如下。\n注：数字为约数。\n资料来源：警务处\n他说：“会跟进。”\n\n"
            "主席：议员保持肃静。\n")
    parsed = parse(text)
    check_spans(parsed)
    assert parsed.kind == "parliament"
    assert speakers(parsed) == ["主席", "陈伟业议员", "保安局局长"]
    assert titles(parsed) == ["议员质询的口头答复", "1. 陈伟业议员"]


# The same kind of record exported as text at a fixed width of 20 characters, with no
# paragraph rebuilding before it: lines that start with a label's shape (會：, 下：,
# 功能團體：) are the rest of the sentence above them.
WRAPPED = [
    "主席：議員質詢。第1項質詢。",
    "",
    "陳偉業議員：主席，據報公立醫院專科門診輪",
    "候的時間非常長。就此，請問政府可否告知本",
    "會：(一)過去三年長者平均輪候的時間為何",
    "；(二)有何措施；及(三)會否增撥資源予",
    "功能團體：代表的界別？",
    "",
    "食物及衞生局局長：主席，就陳偉業議員的質",
    "詢，我的答覆如下。醫院管理局一直留意專科",
    "門診的輪候情況，並會定期檢討。詳情請見以",
    "下：各聯網的輪候時間已經有所改善，我們會",
    "繼續向立法會匯報。",
    "",
    "陳偉業議員：主席，局長沒有回答第三部分。",
    "",
    "主席：議員保持肅靜。",
    "",
    "食物及衞生局局長：主席，我們會在下次會議",
    "前向本會提交文件，並且會在下星期內向立法",
    "會：提交補充資料。",
]


def test_line_starts_broken_off_a_wrapped_sentence_are_not_speakers():
    assert {len(line) for line in WRAPPED if len(line) > 14} == {20}
    # Read as it is (the labels' own rules), not after paragraphs are rebuilt.
    parsed = read("\n".join(WRAPPED) + "\n")
    check_spans(parsed)
    assert speakers(parsed) == ["主席", "陳偉業議員", "食物及衞生局局長"]
    turns = said(parsed)
    assert turns[1][0] == "陳偉業議員"
    assert turns[1][1].endswith("本\n會：(一)過去三年長者平均輪候的時間為何\n；(二)有何措施；及(三)會否增撥資源予\n"
                                "功能團體：代表的界別？")
    assert turns[2][1].endswith("詳情請見以\n下：各聯網的輪候時間已經有所改善，我們會\n繼續向立法會匯報。")
    assert turns[-1] == ("食物及衞生局局長", "主席，我們會在下次會議\n前向本會提交文件，並且會在下星期內向立法\n"
                                            "會：提交補充資料。")


def test_a_paragraph_left_broken_after_rebuilding_is_still_one_speech():
    # The record with its paragraphs rebuilt, one a line, but one break left in: a text
    # whose paragraphs end with punctuation does not start a speech after `…資源予`.
    text = "\n\n".join(("".join(WRAPPED[2:6]) + "\n" + WRAPPED[6], *(
        "".join(p) for p in (WRAPPED[8:13], WRAPPED[14:15], WRAPPED[16:17], WRAPPED[18:21]))
    )) + "\n"
    parsed = read(WRAPPED[0] + "\n\n" + text)
    assert speakers(parsed) == ["主席", "陳偉業議員", "食物及衞生局局長"]
    assert said(parsed)[1][1].endswith("會否增撥資源予\n功能團體：代表的界別？")
    # A speech that once ends without punctuation keeps the label after it.
    interview = parse("记者：您好？\n\n李明：你好。\n\n记者：芯片呢？\n\n李明：有机会\n记者：为什么？\n\n"
                      "李明：因为生态。\n")
    assert [t.speaker for t in interview.turns] == ["记者", "李明"] * 3


def test_lines_of_their_own_length_are_not_a_wrapped_text():
    # One paragraph a line, no punctuation at the ends: every label counts.
    text = "".join(f"甲：{'我觉得这个问题还需要慢慢讨论' * (1 + i % 4)}好吗\n乙：{'好' * (i + 1)}\n"
                   for i in range(8))
    assert [t.speaker for t in parse(text).turns] == ["甲", "乙"] * 8


# A Supreme Court argument: the caption, a front index of arguments and their pages, the
# proceedings with the argument headings over two lines, JUSTICE labels.
SCOTUS = """\
IN THE SUPREME COURT OF THE UNITED STATES

ACME CORPORATION,                 )
          Petitioner,             )
     v.                           )    No. 21-1234
JOHN DOE,                         )
          Respondent.             )

Washington, D.C.
Tuesday, November 1, 2022

APPEARANCES:
JOHN P. ELWOOD, ESQUIRE, Washington, D.C.; on behalf of the Petitioner.
JANE ROE, ESQUIRE, New York, New York; on behalf of the Respondent.

C O N T E N T S
ORAL ARGUMENT OF                                    PAGE
JOHN P. ELWOOD, ESQ.
On behalf of the Petitioner                            3
ORAL ARGUMENT OF
JANE ROE, ESQ.
On behalf of the Respondent                           28
REBUTTAL ARGUMENT OF
JOHN P. ELWOOD, ESQ.
On behalf of the Petitioner                           55

P R O C E E D I N G S
(10:04 a.m.)
CHIEF JUSTICE ROBERTS: We'll hear argument first this morning in Case 21-1234, Acme Corporation versus Doe. Mr. Elwood.
ORAL ARGUMENT OF JOHN P. ELWOOD
ON BEHALF OF THE PETITIONER
MR. ELWOOD: Mr. Chief Justice, and may it please the Court: The court of appeals read the statute to require proof of intent.
JUSTICE THOMAS: Counsel, what standard would you have us apply?
MR. ELWOOD: Knowledge, Justice Thomas. That is what the text says.
JUSTICE SOTOMAYOR: Isn't that a harder standard for the government to meet?
MR. ELWOOD: It is, and Congress chose it.
CHIEF JUSTICE ROBERTS: Thank you, counsel. Ms. Roe.
ORAL ARGUMENT OF JANE ROE
ON BEHALF OF THE RESPONDENT
MS. ROE: Mr. Chief Justice, and may it please the Court: The statute is silent on intent.
JUSTICE KAGAN: Then why did Congress use the word "willfully"?
MS. ROE: Because the word has a settled meaning in this Court's cases.
CHIEF JUSTICE ROBERTS: Thank you, counsel. Rebuttal, Mr. Elwood?
REBUTTAL ARGUMENT OF JOHN P. ELWOOD
ON BEHALF OF THE PETITIONER
MR. ELWOOD: Thank you. Three points, briefly.
CHIEF JUSTICE ROBERTS: Thank you, counsel. The case is submitted.
(Whereupon, at 11:05 a.m., the case in the above-entitled matter was submitted.)
"""


def test_a_court_argument_is_sectioned_by_its_argument_headings():
    parsed = parse(SCOTUS)
    check_spans(parsed)
    assert parsed.kind == "court"
    assert speakers(parsed) == ["CHIEF JUSTICE ROBERTS", "MR. ELWOOD", "JUSTICE THOMAS",
                                "JUSTICE SOTOMAYOR", "MS. ROE", "JUSTICE KAGAN"]
    assert [s.name for s in parsed.speakers if s.is_moderator] == ["CHIEF JUSTICE ROBERTS"]
    # The front index (entries with their pages, before the proceedings) opens nothing.
    assert titles(parsed) == [
        "PROCEEDINGS",
        "ORAL ARGUMENT OF JOHN P. ELWOOD ON BEHALF OF THE PETITIONER",
        "ORAL ARGUMENT OF JANE ROE ON BEHALF OF THE RESPONDENT",
        "REBUTTAL ARGUMENT OF JOHN P. ELWOOD ON BEHALF OF THE PETITIONER",
    ]
    front = parsed.turn_text(parsed.turns[0])
    assert front.startswith("IN THE SUPREME COURT") and front.endswith("Petitioner                           55")
    turns = said(parsed)
    # A heading is never a speaker nor part of the speech before it.
    assert ("CHIEF JUSTICE ROBERTS", "We'll hear argument first this morning in Case 21-1234, "
            "Acme Corporation versus Doe. Mr. Elwood.") in turns
    assert (None, "ORAL ARGUMENT OF JANE ROE\nON BEHALF OF THE RESPONDENT") in turns
    assert turns[-1][0] is None and turns[-1][1].startswith("(Whereupon")


# A deposition: the witness sworn, examinations headed by the examining lawyer, Q. and A.
DEPOSITION = """\
UNITED STATES DISTRICT COURT
DISTRICT OF COLUMBIA

DEPOSITION OF JANE DOE
Taken on May 20, 2021, at 10:00 a.m.

JANE DOE, having been first duly sworn, was examined and testified as follows:

EXAMINATION
BY MR. SMITH:
Q. Please state your name for the record.
A. Jane Doe.
Q. Where were you on May 5?
A. At home.
MS. JONES: Objection, form.
THE WITNESS: I was at home all day.
BY MR. SMITH:
Q. Alone?
A. Yes.
CROSS-EXAMINATION
BY MS. JONES:
Q. Did anyone call you that day?
A. No.
(Whereupon, the deposition concluded at 3:15 p.m.)
"""


def test_q_and_a_are_the_examiner_and_the_sworn_witness():
    parsed = parse(DEPOSITION)
    check_spans(parsed)
    assert parsed.kind == "court"
    assert [(s.name, s.is_moderator) for s in parsed.speakers] == [
        ("MR. SMITH", True), ("JANE DOE", False), ("MS. JONES", True)]
    turns = parsed.turns
    assert [(t.speaker, t.label) for t in turns[2:6]] == [
        ("MR. SMITH", "Q."), ("JANE DOE", "A."), ("MR. SMITH", "Q."), ("JANE DOE", "A.")]
    assert ("JANE DOE", "I was at home all day.") in said(parsed)  # THE WITNESS is she
    assert ("MS. JONES", "Did anyone call you that day?") in said(parsed)
    assert titles(parsed) == ["EXAMINATION BY MR. SMITH", "BY MR. SMITH",
                              "CROSS-EXAMINATION BY MS. JONES"]
    # `BY MR. SMITH:` is a heading, not the end of the witness's answer.
    assert said(parsed)[7] == ("JANE DOE", "I was at home all day.")


def test_an_unnamed_witness_is_the_witness():
    parsed = parse("DIRECT EXAMINATION\nBY MS. JONES:\nQ. Your name?\nA. Bo Li.\nQ. Thanks.\n"
                   "A. Sure.\n")
    assert speakers(parsed) == ["MS. JONES", "Witness"]
    named = parse("BY MR. LEE:\nQ. Ready?\nA. Yes.\nQ. Go on.\nA. I saw it.\n"
                  "THE WITNESS: May I add something?\n")
    assert speakers(named) == ["MR. LEE", "THE WITNESS"]


def test_chinese_trial_record_is_a_court():
    text = ("法庭调查\n\n审判长：现在开庭。公诉人宣读起诉书。\n公诉人：起诉书如下。\n"
            "辩护人：对起诉书没有异议。\n审判长：被告人有无异议？\n\n法庭辩论\n\n"
            "公诉人：被告人的行为构成犯罪。\n辩护人：被告人系初犯。\n")
    parsed = parse(text)
    check_spans(parsed)
    assert parsed.kind == "court"
    assert [s.name for s in parsed.speakers if s.is_moderator] == ["审判长"]
    assert titles(parsed) == ["法庭调查", "法庭辩论"]


# A consultation dataset: each record's fields, then the dialogue.
MEDICAL = """\
id=1
https://www.haodf.com/wenda/example_1.htm

Doctor faculty
神经内科

Description
疾病：头痛
病情描述（发病时间、主要症状、症状变化等）：最近一周经常头痛，晚上睡不好。
希望获得的帮助：想知道是什么原因，需要做什么检查。
患病多久：一周
用药情况：吃过布洛芬

Dialogue
病人：医生您好，我最近一直头痛。
医生：您好，头痛是持续的还是一阵一阵的？
病人：一阵一阵的，下午比较严重。
医生：建议您先测一下血压。

id=2
https://www.haodf.com/wenda/example_2.htm

Description
疾病：咳嗽
问题描述：孩子咳嗽三天了，有点发烧。
科室：儿科
希望获得的帮助：需要去医院吗？

Dialogue
病人：医生，孩子咳嗽三天了。
医生：体温多少度？
病人：三十八度。
医生：先物理降温，明天还烧就来医院。
"""


def test_form_fields_of_a_dataset_are_narration_not_speakers():
    parsed = parse(MEDICAL)
    check_spans(parsed)
    assert speakers(parsed) == ["病人", "医生"]
    assert parsed.kind != "plain"
    narration = [speech for who, speech in said(parsed) if who is None]
    assert "疾病：头痛" in narration[0] and "用药情况：吃过布洛芬" in narration[0]
    assert any(n.startswith("疾病：咳嗽\n问题描述：") and "科室：儿科" in n for n in narration)
    # The fields of the second record are not what the doctor said last.
    assert ("医生", "体温多少度？") in said(parsed)
    assert not any("疾病" in speech for who, speech in said(parsed) if who == "医生")


@pytest.mark.parametrize("line", ["疾病：咳嗽", "病情描述：头痛", "希望獲得的幫助：怎麼辦",
                                  "問題描述：咳嗽", "科室：兒科", "註：見附件", "資料來源：警務處",
                                  "他說：「好」", "他说：\"好\"", "然後他說：「好」", "她表示：同意",
                                  "出席議員：", "各位議員：早晨"])
def test_fields_notes_and_speech_verbs_are_not_labels(line):
    from desktop.core.importing.labels import match_label

    assert match_label(line) is None


# Hand-made transcripts with a time stamp at each paragraph's start.
STAMPED = """\
会议录音整理

[00:00:05] 杨静：各位好，今天聊聊算力。大家怎么看？
[00:01:12] 陈虞君：我觉得算力还是很紧张。
[00:01:40] 而且短期内很难缓解。
(01:30) 杨静：那怎么解决呢？
【02:10】陈虞君：合作共训。
"""


def test_time_stamps_before_labels_give_the_turns_their_times():
    parsed = parse(STAMPED)
    check_spans(parsed)
    assert speakers(parsed) == ["杨静", "陈虞君"]
    assert [t.cue_start_ms for t in parsed.turns] == [None, 5000, 72000, 90000, 130000]
    assert [t.label for t in parsed.turns[1:]] == ["杨静", "陈虞君", "杨静", "陈虞君"]
    # A stamped line without a label goes on with the speaker.
    assert said(parsed)[2] == ("陈虞君", "我觉得算力还是很紧张。\n[00:01:40] 而且短期内很难缓解。")


def test_english_stamps_and_a_stamp_without_a_label():
    text = "(00:03) Anna Lee: Shall we start?\n(00:09) Bo Chen: Yes.\n(00:15) Anna Lee: Good?\n"
    parsed = parse(text)
    assert [(t.speaker, t.cue_start_ms) for t in parsed.turns] == [
        ("Anna Lee", 3000), ("Bo Chen", 9000), ("Anna Lee", 15000)]
    assert parse("[00:12] 大家好。\n[00:15] 今天天气不错。\n").speakers == ()


# Kinds recognised from the labels alone.
@pytest.mark.parametrize("text, kind", [
    ("问：您怎么看算力？\n答：很紧张。\n问：那数据呢？\n答：也紧张。\n", "interview"),
    ("Q: Why?\nA: Because.\nQ: Really?\nA: Yes.\n", "interview"),
    ("Interviewer: Tell me about it?\nRespondent: It was hard.\nInterviewer: Why?\n"
     "Respondent: Money.\n", "interview"),
    ("记者：您好，先介绍一下自己？\n李明：我是工程师。\n记者：为什么做芯片？\n李明：喜欢。\n", "interview"),
    ("THE SPEAKER: Order, order.\nMr. John Smith (Sheffield Central): Will the Minister "
     "answer?\nThe Minister for Health: I will.\nTHE SPEAKER: Order.\n", "parliament"),
    ("第一幕\n\n王利发：您来啦？\n常四爷：来啦。\n", "play"),
    ("松二爷：走吧。\n常四爷：走。\n众：走喽！\n", "play"),
    ("张三：大家好。\n李四：你好。\n王五：我来晚了。\n张三：开始吧。\n", "panel"),
    ("今天天气很好。\n我们去了公园。\n", "plain"),
])
def test_kind_of_record(text, kind):
    assert parse(text).kind == kind


def test_directions_between_paragraphs_of_a_conversation_do_not_make_a_play():
    text = ("张三：今天天气不错。\n\n（笑）\n\n我们出去走走。\n李四：好啊。\n\n（笑）\n\n去公园。\n"
            "张三：走吧。\n李四：走。\n")
    assert parse(text).kind == "panel"


def test_a_doctors_reply_keeps_its_own_headings():
    text = ("病人：医生，我头痛。\n医生：建议如下。\n诊断：偏头痛。\n用药：布洛芬。\n"
            "病人：谢谢。\n医生：不客气。\n")
    parsed = parse(text)
    assert said(parsed)[1] == ("医生", "建议如下。\n诊断：偏头痛。\n用药：布洛芬。")


def test_subtitles_are_their_own_kind():
    srt = "1\n00:00:01,000 --> 00:00:02,000\nAnna: Hello?\n\n2\n00:00:02,000 --> 00:00:03,000\nBen: Hi.\n"
    assert parse(srt, "clip.srt").kind == "subtitles"


def test_a_text_without_speakers_is_plain_and_says_so_cleanly():
    parsed = parse("这是一段没有说话人的文字。\n\n第二段也没有。\n")
    check_spans(parsed)
    assert (parsed.kind, parsed.speakers, parsed.sections) == ("plain", (), ())
    assert all(t.speaker is None for t in parsed.turns)


def test_markdown_headings_are_sections_when_nothing_stronger_is_there():
    text = "# 一篇文章\n\n## 第一部分\n\n正文一。\n\n## 第二部分\n\n正文二。\n"
    parsed = parse(text, "article.md")
    check_spans(parsed)
    assert parsed.kind == "plain"
    assert titles(parsed) == ["第一部分", "第二部分"]
    # A panel with no moderator takes its sections from its headings too.
    panel = parse("## 上半场\n\n张三：你好。\n李四：你好。\n\n## 下半场\n\n张三：再见。\n李四：再见。\n")
    assert panel.kind == "panel" and titles(panel) == ["上半场", "下半场"]


# The reader's corrections.
PANEL = """\
主持人：第一个问题，算力够吗？
张三：不够。
旁白：（灯光暗下）
张三：我们还需要更多。
李四：同意。
主持人：第二个问题，数据呢？
张三：也不够。
"""


def test_options_not_speakers_join_the_turn_before():
    parsed = read(PANEL, not_speakers=frozenset({"旁白"}))
    check_spans(parsed)
    assert speakers(parsed) == ["主持人", "张三", "李四"]
    assert said(parsed)[1] == ("张三", "不够。\n旁白：（灯光暗下）")
    first = read("旁白：开场。\n张三：你好。\n李四：你好。\n", not_speakers=frozenset({"旁白"}))
    check_spans(first)
    assert said(first)[0] == (None, "旁白：开场。")


def test_options_merge_and_moderators():
    parsed = read(PANEL, merge={"李四": "张三"}, moderators=frozenset({"张三"}))
    check_spans(parsed)
    assert [(s.name, s.is_moderator) for s in parsed.speakers] == [("主持人", False),
                                                                   ("张三", True), ("旁白", False)]
    assert parsed.turns[4].label == "李四" and parsed.turns[4].speaker == "张三"
    assert [s.first_turn for s in parsed.sections] == [1, 3, 6]


def test_options_kind_structures_by_that_kind():
    # The sitting read as a panel: the chair's remarks open sections, as before issue 15.
    as_panel = read(HANSARD, kind="panel")
    assert as_panel.kind == "panel"
    assert all(as_panel.turns[s.first_turn].speaker == "主席" for s in as_panel.sections)
    assert len(as_panel.sections) == 4
    as_play = read(PANEL, kind="play")
    assert (as_play.kind, as_play.sections) == ("play", ())
    assert not any(s.is_moderator for s in as_play.speakers)
    as_plain = read(PANEL, kind="plain")
    assert as_plain.kind == "plain" and as_plain.sections == ()
    assert not any(s.is_moderator for s in as_plain.speakers)
    with pytest.raises(ValueError, match="kind"):
        read(PANEL, kind="novel")
    assert "plain" in KINDS
