"""Could this word name a speaker? Name shapes and the words that only look like names.

Chinese words are compared in their simplified forms (folded as search folds them, with
OpenCC), so one list catches 註 and 注, 資料來源 and 资料来源, 他說 and 他说.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from desktop.core.textnorm import fold

HAN = r"\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_NAME_PUNCT = "·•・.'’-&"
_HAS_HAN = re.compile(rf"[{HAN}]")

# Headings, field names and sentence openers that end in a colon but never name a speaker.
_CJK_HEADING_WORDS = """
时间 日期 地点 地址 注意 备注 说明 来源 出处 主题 议题 题目 标题 原标题 编者按 编者 提示 摘要 关键词
作者 编辑 责编 责任编辑 记者手记 导语 附 注 参会人员 参会嘉宾 出席 出席人员 与会嘉宾 主办
承办 协办 指导单位 记录 记录人 整理 速记 文字 图片 图 文 视频 音频 网址 链接 电话 邮箱 微信 简介
背景 总结 结论 要点 重点 答案 注释 参考 参考资料 资料 声明 免责声明 版权 转载 原文 全文 正文
会议 会议纪要 纪要 日程 议程 流程 环节 人物 布景 场景 幕 序幕 尾声 地区 单位 职务 姓名 性别 年龄
疾病 病情 病情描述 问题描述 主诉 症状 诊断 治疗 用药 检查 病史 既往史 过敏史 家族史 现病史 科室
就诊科室 医院 就诊医院 病程 身高 体重 怀孕情况 希望获得的帮助 希望得到的帮助 想得到怎样的帮助
所就诊医院科室 患病多久 描述 类别 分类 标签 译文 译注 表 附表 附件 附录
"""
_CJK_HEADINGS = frozenset(_CJK_HEADING_WORDS.split())
# The fields of a consultation's record in dialogue datasets (疾病：, 病情描述：, 希望获得的
# 帮助：): metadata of the dialogue that follows, never said by anyone.
# (A doctor's reply may itself run 诊断：…, 检查：…, 用药：…: those are not fields here.)
_FORM_FIELD_WORDS = """
疾病 病情 病情描述 问题描述 主诉 既往史 既往病史 过敏史 家族史 现病史 科室 就诊科室 就诊医院
所就诊医院科室 患病多久 身高 体重 怀孕情况 用药情况 治疗情况 曾经的治疗情况和效果 曾经治疗情况和效果
希望获得的帮助 希望得到的帮助 想得到怎样的帮助
"""
_FORM_FIELDS = frozenset(_FORM_FIELD_WORDS.split())
_CJK_PREFIXES = ("以下", "如下", "下面", "例如", "比如", "譬如", "其中", "包括", "总之", "因此",
                 "所以", "但是", "然而", "另外", "此外", "首先", "其次", "最后", "第", "附", "注",
                 "本文", "本次", "全文", "原文", "各位", "诸位", "尊敬的", "在座", "出席",
                 "缺席", "列席")
# Pronouns open sentences (我们：, 这里：), and rarely a name (那英): speakers only if they recur.
_CJK_PRONOUNS = tuple("我你您他她它这那")
_CJK_SPEECH_VERBS = ("说", "道", "表示", "指出", "认为", "强调", "介绍", "称", "提到", "透露",
                     "坦言", "补充", "回应", "写道", "提醒", "宣布", "解释", "总结", "如下",
                     "发现", "告诉记者", "问道", "反问", "追问", "答道", "讲")
# 会议时间：, 活动地点：, 本期主题：, 资料来源：, 病情描述： are headings however they start.
_CJK_HEADING_SUFFIXES = ("时间", "日期", "地点", "地址", "主题", "内容", "说明", "备注", "要求",
                         "目标", "原因", "方法", "结果", "结论", "建议", "摘要", "简介", "背景",
                         "要点", "链接", "网址", "电话", "邮箱", "来源", "提示", "注意", "议程",
                         "纪要", "整理", "实录", "全文", "如下", "描述", "情况", "病史", "效果",
                         "帮助", "科室", "多久")
# The end of a sentence, not of a name: 最怕的：, 就是了：, 好吗：.
_CJK_PARTICLES = tuple("的了吗呢吧啊呀嘛么着过")
# Words that head a list as often as they label a speaker: speakers only when they recur.
_CJK_AMBIGUOUS = frozenset(("嘉宾", "主持", "问题", "提问", "观众", "现场"))
# One character names a speaker only as a role of a dialogue (甲：, 问：, 众：); any other
# lone character (会：, 下：, a word a fixed width broke off) must recur to count.
_CJK_ROLE_CHARACTERS = frozenset("甲乙丙丁戊己庚辛问答众男女老少主客师生逗捧")
# Members and officials of a parliament, as their labels end (陳偉業議員, 保安局局長,
# 政務司司長, 全委會主席): a known shape of name, however long.
OFFICIAL_SUFFIXES = ("议员", "局长", "司长", "部长", "主席", "委员", "署长", "处长", "秘书长",
                     "议长", "助理", "大臣", "总理", "首相")
_NUMERALS = "一二三四五六七八九十百千万〇零两0123456789０１２３４５６７８９"
# After a leading numeral, these make a count, a time, an ordinal or a list opener
# (十二点, 三月, 2号, 一是, 一方面, 三条), not a name. Names that start with a numeral
# (二德子, 四凤, 三仙姑, 七巧) go on with an ordinary character. 人 is left out: 二人 and
# 三人 label the lines two or three characters say together in a play.
_NUMERAL_UNITS = frozenset(
    "点时分秒刻月日号年岁周天期届次回遍个条项款章节段篇页行句步层楼元块角成倍种类样件位名"
    "是要则来方面者等批轮组排班路"
)
_LATIN_HEADING_WORDS = """
note notes nb n.b p.s ps time date dates day location place venue where when source sources
subject re fw fwd update updated edit edited warning caution important tip tips example examples
e.g i.e summary agenda topic topics title transcript attendees present participants panelists
panellists witnesses keywords tags disclaimer copyright http https ftp mailto www url link
links email e-mail tel phone fax chapter part section step table figure fig appendix abstract
background conclusion conclusions result results references reference duration recorded
minutes notice update attention caveat caveats contents index category categories author
authors by from to cc bcc sent date/time total price cost status version ref
"""
_LATIN_HEADINGS = frozenset(_LATIN_HEADING_WORDS.split())
_LATIN_MULTIWORD_HEADINGS = ("also present", "editor's note", "editor’s note", "for the record",
                             "moderated by", "transcribed by", "recorded on", "please note")
_PARTICLES = frozenset(("van", "von", "de", "der", "del", "da", "di", "la", "le", "of", "the",
                        "and", "bin", "al", "el"))
_TITLES = frozenset(("mr", "mrs", "ms", "miss", "dr", "prof", "sen", "senator", "rep",
                     "representative", "judge", "justice", "chairman", "chairwoman",
                     "president", "q", "a"))


def has_han(text: str) -> bool:
    """Whether `text` holds a Chinese character."""
    return _HAS_HAN.search(text) is not None


def is_official(name: str) -> bool:
    """A parliament's member or official (陳偉業議員, 保安局局長), in any script form."""
    folded = fold(name)
    return len(folded) > 2 and folded.endswith(OFFICIAL_SUFFIXES)


def is_form_field(name: str) -> bool:
    """A field of a consultation's record (疾病, 病情描述, 希望獲得的幫助), in any script."""
    return fold(name) in _FORM_FIELDS


def _is_name_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN" or ch in _NAME_PUNCT


def valid_name(name: str, rest: str) -> bool | None:
    """None when `name` cannot be a speaker; else whether it is a strong (typical) one."""
    # Compatibility forms (ＡＢＣ, ⼤) are judged as the letters they stand for.
    name = unicodedata.normalize("NFKC", name)
    if not name or not any(ch.isalpha() for ch in name):
        return None  # 10:30, 2023:, 1.
    if name[-1].isdigit() and rest[:1].isdigit():
        return None  # 上午10:30, Room 4:15
    if _HAS_HAN.search(name):
        return _valid_cjk_name(name)
    return _valid_word_name(name)


@functools.lru_cache(maxsize=8192)  # a transcript's speakers recur: judge each once
def _valid_cjk_name(name: str) -> bool | None:
    if len(name) > 16 or not all(_is_name_char(ch) for ch in name):
        return None
    folded = fold(name)  # 註 -> 注, 他說 -> 他说, 議員 -> 议员
    official = len(folded) > 2 and folded.endswith(OFFICIAL_SUFFIXES)
    if len(name) > 10 and not official:
        return None
    if folded in _CJK_HEADINGS or folded.startswith(_CJK_PREFIXES):
        return None
    if folded.endswith(_CJK_SPEECH_VERBS) and (len(folded) >= 3
                                                or folded.startswith(_CJK_PRONOUNS)):
        return None  # 他说：「…」, 然后他说, 她表示: quoted speech inside a turn
    if len(folded) >= 3 and folded.endswith(_CJK_HEADING_SUFFIXES):
        return None
    if len(folded) >= 2 and folded.endswith(_CJK_PARTICLES):
        return None
    if _numbered(name):
        return None
    if folded in _CJK_AMBIGUOUS or folded.startswith(_CJK_PRONOUNS):
        return False
    if len(folded) == 1:
        return folded in _CJK_ROLE_CHARACTERS
    if official:
        return True
    han = len(_HAS_HAN.findall(name))
    # Chinese personal names and role words (主持人, 观众甲) are 2 to 4 characters.
    return 1 <= han <= 4 and len(name) <= 6


def _numbered(name: str) -> bool:
    """A count, a time or a list item (十二, 十二点, 一是, 3号) rather than a name."""
    digits = len(name) - len(name.lstrip(_NUMERALS))
    if digits == 0:
        return False
    return digits == len(name) or name[digits] in _NUMERAL_UNITS


@functools.lru_cache(maxsize=8192)
def _valid_word_name(name: str) -> bool | None:
    """Names in alphabetic scripts: Mr. Smith, THE CHAIR, Speaker 2, محمد."""
    words = name.split()
    if len(words) > 5 or len(name) > 40 or not name[0].isalpha():
        return None
    if not all(_is_name_char(ch) for w in words for ch in w):
        return None
    folded = name.casefold().rstrip(".")
    first = words[0].casefold().rstrip(".")
    if folded in _LATIN_HEADINGS or folded.startswith(_LATIN_MULTIWORD_HEADINGS):
        return None
    if first in _LATIN_HEADINGS:
        return None  # Part II:, Chapter 3:, Note to editors:
    # Every word capitalised (Mr. Smith, THE CHAIR), or in a script without case (Arabic),
    # except small particles (van, de, of): a lower-case word means a sentence.
    if any(w[0].islower() and w.casefold() not in _PARTICLES for w in words):
        return None
    if name.isupper() or first in _TITLES:
        return True
    # 'John Smith' is a name; a lone 'Look' or 'Well' is as likely a sentence opener.
    return 2 <= len(words) <= 3
