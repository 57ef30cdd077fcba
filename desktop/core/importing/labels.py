"""Is this line a speaker label? Line-level rules, on their own testable and pure.

A label is a short name at the start of a line followed by a colon (`杨静：`, `杨静:`,
`THE CHAIR:`, `MR. SMITH:`, `[Anna]:`, `**杨静**：`), optionally with a stage direction
(`王掌柜（笑）：`) and spaces before the colon; speech may follow on the same line or
start on the next. Headings (`时间：`, `注意：`, `Note:`), clock times (`10:30`), URLs
and sentences that merely end in a colon (`以下是圆桌问答实录整理:`) are not labels.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACE = " \t\u3000"
_LINE = re.compile(
    r"^(?P<indent>[ \t\u3000]*(?:>[ \t\u3000]*)*)(?P<open>\*\*|__|\[|【)?(?P<label>[^:：\n]{1,48}?)"
    r"(?P<close>\*\*|__|\]|】)?[ \t\u3000]*(?P<colon>[:：])(?P<after>\*\*|__)?"
    r"(?P<rest>[^\n]*)$"
)
_STAGE = re.compile(
    r"^(?P<name>.+?)[ \t\u3000]*(?P<stage>[（(][^（）()]{1,30}[）)]|〔[^〔〕]{1,30}〕)$"
)
_HAN = r"\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Zero-width and bidirectional controls: invisible, so never part of a name.
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_NAME_PUNCT = "·•・.'’-&"
_HAS_HAN = re.compile(rf"[{_HAN}]")

# Headings and sentence openers that end in a colon but never name a speaker.
_CJK_HEADING_WORDS = """
时间 日期 地点 地址 注意 备注 说明 来源 出处 主题 议题 题目 标题 原标题 编者按 编者 提示 摘要 关键词
作者 编辑 责编 责任编辑 记者手记 导语 附 注 参会人员 参会嘉宾 出席 出席人员 与会嘉宾 主办
承办 协办 指导单位 记录 记录人 整理 速记 文字 图片 图 文 视频 音频 网址 链接 电话 邮箱 微信 简介
背景 总结 结论 要点 重点 答案 注释 参考 参考资料 资料 声明 免责声明 版权 转载 原文 全文 正文
会议 会议纪要 纪要 日程 议程 流程 环节 人物 布景 场景 幕 序幕 尾声 地区 单位 职务 姓名 性别 年龄
"""
_CJK_HEADINGS = frozenset(_CJK_HEADING_WORDS.split())
_CJK_PREFIXES = ("以下", "如下", "下面", "例如", "比如", "譬如", "其中", "包括", "总之", "因此",
                 "所以", "但是", "然而", "另外", "此外", "首先", "其次", "最后", "第", "附", "注",
                 "本文", "本次", "全文", "原文")
# Pronouns open sentences (我们：, 这里：), and rarely a name (那英): speakers only if they recur.
_CJK_PRONOUNS = tuple("我你您他她它这那")
_CJK_SPEECH_VERBS = ("说", "道", "表示", "指出", "认为", "强调", "介绍", "称", "提到", "透露",
                     "坦言", "补充", "回应", "写道", "提醒", "宣布", "解释", "总结", "如下",
                     "发现", "告诉记者")
# 会议时间：, 活动地点：, 本期主题： are headings however they start.
_CJK_HEADING_SUFFIXES = ("时间", "日期", "地点", "地址", "主题", "内容", "说明", "备注", "要求",
                         "目标", "原因", "方法", "结果", "结论", "建议", "摘要", "简介", "背景",
                         "要点", "链接", "网址", "电话", "邮箱", "来源", "提示", "注意", "议程",
                         "纪要", "整理", "实录", "全文", "如下")
# Words that head a list as often as they label a speaker: speakers only when they recur.
_CJK_AMBIGUOUS = frozenset(("嘉宾", "主持", "问题", "提问", "观众", "现场"))
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
_SPACED = re.compile(rf"^(?P<label>[{_HAN}·]{{2,6}})\u3000+(?P<rest>\S[^\n]*)$")
# Court and deposition transcripts: `Q. Where were you?` / `A. At home.`
_DEPOSITION = re.compile(r"^[ \t]*(?P<label>[QA])\.[ \t]+(?=\S)")
# Between the names of a shared label: `松二爷/常四爷：`, `甲、乙：`.
_SHARED = re.compile(r"[ \t\u3000]*[/／、][ \t\u3000]*")
# A role word, one space, then the name: `主持人 杨静：`, `嘉宾 陈虞君：`.
_ROLE_AND_NAME = re.compile(rf"^(?P<role>[{_HAN}A-Za-z&]{{2,12}})[ \t\u3000](?P<name>[{_HAN}·]{{2,4}})$")


def match_label(line: str) -> LabelMatch | None:
    """The speaker label at the start of `line` (no newline), or None."""
    tabbed = _TABBED.match(line)
    if tabbed:
        name = clean_name(tabbed["label"])
        if _valid_name(name, tabbed["rest"]) is not None:
            # Weak: any two-column table looks the same; only recurring names count.
            return LabelMatch(name=name, label=tabbed["label"], rest_start=tabbed.start("rest"),
                              strong=False)
    spaced = _SPACED.match(line)
    if spaced and _valid_name(spaced["label"], spaced["rest"]) is not None:
        # Weak: a heading (`附录　名单`) looks the same; only recurring names count.
        return LabelMatch(name=spaced["label"], label=spaced["label"],
                          rest_start=spaced.start("rest"), strong=False)
    deposition = _DEPOSITION.match(line)
    if deposition:
        # Weak: an outline (`A. First point`) looks the same; Q and A must both recur.
        return LabelMatch(name=deposition["label"], label=deposition["label"],
                          rest_start=deposition.end(), strong=False)
    stamped = _STAMPED.match(line)
    if stamped:
        name = clean_name(stamped["label"])
        if _valid_name(name, "") is not None:
            # Weak: a line such as `会议开始 10:30` looks the same; only recurring names count.
            return LabelMatch(name=name, label=stamped["label"].strip(_SPACE),
                              rest_start=len(line), strong=False,
                              time_ms=clock_ms(stamped["time"]))
    m = _LINE.match(line)
    if m is None:
        return None
    opener, closer, after = m["open"], m["close"], m["after"]
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
    rest = m["rest"]
    label = m["label"].strip(_SPACE)
    if not label or rest.startswith("//") or rest.startswith("\\"):
        return None  # a URL (https://) or a Windows path (C:\)
    staged = _STAGE.match(label)
    name = clean_name(staged["name"] if staged else label)
    role = ""
    split = _ROLE_AND_NAME.match(name)
    if split and _valid_cjk_name(split["name"]) is not None:
        role, name = split["role"], split["name"]
    parts = tuple(p.strip(_SPACE) for p in _SHARED.split(name))
    if len(parts) > 1 and not role:
        if len(parts) > 4 or any(_valid_name(p, rest) is None for p in parts):
            return None
        # Weak: `优点、缺点：` looks the same; the text module accepts a shared label
        # only when each of its names speaks on its own elsewhere.
        return LabelMatch(name=name, label=label, rest_start=m.start("rest"), strong=False,
                          shared=parts)
    strong = _valid_name(name, rest)
    if strong is None:
        return None
    return LabelMatch(name=name, label=label, rest_start=m.start("rest"), strong=strong,
                      role=role)


def clean_name(text: str) -> str:
    """A label's name without invisible characters, its spaces collapsed."""
    return " ".join(_INVISIBLE.sub("", text).split())


def _is_name_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN" or ch in _NAME_PUNCT


def _valid_name(name: str, rest: str) -> bool | None:
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


def _valid_cjk_name(name: str) -> bool | None:
    if len(name) > 10 or not all(_is_name_char(ch) for ch in name):
        return None
    if name in _CJK_HEADINGS or name.startswith(_CJK_PREFIXES):
        return None
    if len(name) >= 3 and name.endswith(_CJK_SPEECH_VERBS + _CJK_HEADING_SUFFIXES):
        return None
    if _numbered(name):
        return None
    if name in _CJK_AMBIGUOUS or name.startswith(_CJK_PRONOUNS):
        return False
    han = len(_HAS_HAN.findall(name))
    # Chinese personal names and role words (主持人, 观众甲) are 2 to 4 characters.
    return 1 <= han <= 4 and len(name) <= 6


def _numbered(name: str) -> bool:
    """A count, a time or a list item (十二, 十二点, 一是, 3号) rather than a name."""
    digits = len(name) - len(name.lstrip(_NUMERALS))
    if digits == 0:
        return False
    return digits == len(name) or name[digits] in _NUMERAL_UNITS


_PARTICLES = frozenset(("van", "von", "de", "der", "del", "da", "di", "la", "le", "of", "the",
                        "and", "bin", "al", "el"))
_TITLES = frozenset(("mr", "mrs", "ms", "miss", "dr", "prof", "sen", "senator", "rep",
                     "representative", "judge", "justice", "chairman", "chairwoman",
                     "president", "q", "a"))


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


def headline_span(rest: str) -> tuple[int, int] | None:
    """If `rest` is one whole quote (\"...\", “...”, 「...」), the span of its inside."""
    stripped = rest.strip(_SPACE)
    if len(stripped) < 3:
        return None
    pairs = {'"': '"', "“": "”", "「": "」", "『": "』", "”": "“"}
    closer = pairs.get(stripped[0])
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


def is_direction(line: str) -> bool:
    """A line that is wholly a stage direction ((笑), [Laughter], 〔幕启〕), the heading of
    an act (第一幕) or a Markdown heading."""
    if _DIRECTION_ONLY.match(line) or ACT_HEADING.match(line):
        return True
    return bool(_BRACKETED.match(line) or _MD_HEADING.match(line)) and len(line) <= 300


def direction_closer(line: str) -> str | None:
    """The bracket that would close a stage direction `line` opens and leaves open
    (`〔幕启。这是…` -> '〕'), or None: such a direction goes on over the next lines."""
    stripped = line.lstrip(_SPACE)
    closer = _OPENERS.get(stripped[:1])
    if closer is None or closer in stripped:
        return None
    return closer
