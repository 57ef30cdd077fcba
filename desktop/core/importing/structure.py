"""What a transcript's turns add up to: moderator, sections, speakers' roles and colours.

Pure functions over plain values, shared by the importer and by speaker edits (which
recompute sections when the moderator changes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

# Readable as text on white and as a tint behind it; distinct in order of first appearance.
PALETTE = ("#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#6d4c41",
           "#ad1457", "#455a64", "#9e9d24", "#283593", "#558b2f")

# Labels that name the one who asks, in any transcript.
_MODERATOR_WORDS = (
    "主持人 主持 记者 采访者 采访人 提问者 问 提问 主席 会议主席 Q moderator host interviewer "
    "chair chairman chairwoman chairperson presiding interviewer question"
)
_MODERATOR_NAMES = frozenset(w.casefold() for w in _MODERATOR_WORDS.split())
_QUESTION = re.compile(r"[?？]")


def colour_for(position: int) -> str:
    """The palette colour of the speaker at `position` (0-based, order of appearance)."""
    return PALETTE[position % len(PALETTE)]


def _is_moderator_name(name: str) -> bool:
    folded = name.casefold()
    if folded.startswith("the "):
        folded = folded[4:]
    return folded in _MODERATOR_NAMES or folded.rstrip(".") in _MODERATOR_NAMES


def detect_moderators(turns: Sequence[tuple[str | None, str]],
                      roles: Mapping[str, str] | None = None) -> set[str]:
    """The speakers who ask the questions, from (speaker, speech) pairs in order.

    A speaker named or labelled as such (主持人, 记者, Q, THE CHAIR, Moderator, or
    `主持人 杨静：` where `roles` maps 杨静 to 主持人) is one. Otherwise the
    moderator is the one speaker whose turns are mostly questions (at least two, and at
    least 60%) when no one else comes close (30 points behind or more), and whose turns
    are on average not much longer than the others' (1.5 times at most) — the one who
    asks while the others answer — and who speaks first. Plays and lectures usually have
    none.
    """
    named = {s for s in {s for s, _ in turns} if s is not None and _is_moderator_name(s)}
    named |= {s for s, role in (roles or {}).items() if _is_moderator_name(role)}
    if named:
        return named
    stats: dict[str, list[int]] = {}  # speaker -> [turns, questions, characters]
    for speaker, speech in turns:
        if speaker is None:
            continue
        row = stats.setdefault(speaker, [0, 0, 0])
        row[0] += 1
        row[1] += bool(_QUESTION.search(speech))
        row[2] += len(speech)
    if len(stats) < 2:
        return set()
    ratios = sorted(((q / n, s) for s, (n, q, _) in stats.items()), reverse=True)
    (best_ratio, best), (second_ratio, _) = ratios[0], ratios[1]
    n, questions, chars = stats[best]
    others_n = sum(r[0] for s, r in stats.items() if s != best)
    others_chars = sum(r[2] for s, r in stats.items() if s != best)
    if questions < 2 or best_ratio < 0.6 or best_ratio - second_ratio < 0.3:
        return set()
    if others_n and chars / n > 1.5 * others_chars / others_n:
        return set()
    if next(s for s, _ in turns if s is not None) != best:
        return set()  # the one who asks opens the conversation
    return {best}


def section_title(question: str, limit: int = 200) -> str:
    """A section's title: the moderator's question on one line, shortened when long."""
    flat = " ".join(question.split())
    if len(flat) <= limit:
        return flat
    asked = "".join(re.findall(r"[^。！？!?.]*[？?]", flat)).strip()
    if asked and len(asked) <= limit:
        return asked
    first = re.match(r".+?(?:[。！？!?]|[.](?=\s))", flat)
    if not asked and first and len(first.group()) <= limit:
        return first.group()
    return flat[: limit - 1].rstrip() + "…"


# The heading of an act or scene, alone in a narration turn: 第一幕, 第二场　茶馆, 序幕, 尾声.
_ACT = re.compile(
    r"^(?:第[一二三四五六七八九十百〇零两0-9０-９]{1,4}[幕场]|序幕|尾声)"
    r"(?:[ \t\u3000：:，,—-][^\n]{0,40})?$"
)


def is_act_heading(speech: str) -> bool:
    """Whether a narration turn's text is the heading of an act or scene (第一幕)."""
    return _ACT.match(speech.strip()) is not None


def act_sections(turns: Sequence[tuple[str | None, str]]) -> list[tuple[int, str]]:
    """(index, title) of each narration turn that is the heading of an act or scene."""
    return [(index, " ".join(speech.split())) for index, (speaker, speech) in enumerate(turns)
            if speaker is None and _ACT.match(speech.strip())]


def sections(turns: Sequence[tuple[str | None, str]], moderators: set[str]
             ) -> list[tuple[int, str]]:
    """(index of the opening turn, title) per section: a play's acts and scenes when it
    has such headings (第一幕, 第二场), else the moderator's questions (question_sections).
    """
    return act_sections(turns) or question_sections(turns, moderators)


def question_sections(turns: Sequence[tuple[str | None, str]], moderators: set[str]
                      ) -> list[tuple[int, str]]:
    """(index of the opening turn, title) per section: each moderator turn opens one.

    Moderator turns with no other speaker between them open one section together (a
    greeting then the question); its title is the first of them that asks something.
    """
    result: list[tuple[int, str]] = []
    run: list[int] = []
    for index, (speaker, _) in enumerate(turns):
        if speaker in moderators:
            run.append(index)
            continue
        if speaker is not None and run:
            result.append(_section_of_run(turns, run))
            run = []
    if run:
        result.append(_section_of_run(turns, run))
    return result


def _section_of_run(turns: Sequence[tuple[str | None, str]], run: list[int]) -> tuple[int, str]:
    asking = [i for i in run if _QUESTION.search(turns[i][1])]
    title_from = asking[0] if asking else run[0]
    return run[0], section_title(turns[title_from][1]) or f"Section {len(run)}"


# Roles end in a title word (创始人, 研究员, 总监, 教授, 主任, 董事, 主编, ...) or a Latin
# abbreviation (CEO); these last characters cover the common titles.
_ROLE_END = re.compile(r"(?:[人长师员家官者生手任监裁理授士席委记表问书编事]|[A-Z]{2,5})$")
_ROLE_STOP = "，,。；;：:、\n（）()“”\"「」《》!?！？ \t\u3000"
_CONNECTORS = ("以及", "邀请了", "邀请", "特邀", "对话", "包括", "分别是", "与", "和", "及",
               "同", "跟", "由", "请", "有", "为", "是")


def role_from_narration(name: str, narration: str, others: Sequence[str] = ()) -> str:
    """The role the narration gives `name` (新智元创始人&CEO杨静 -> 新智元创始人&CEO), or ''.

    `others` are the other speakers' names: a role never runs back over one of them
    (主持人杨静与循环智能AI负责人陈虞君 gives 陈虞君 the role 循环智能AI负责人).
    """
    if len(name) < 2 or not narration:
        return ""
    if name.isascii():
        return _latin_role(name, narration)
    start = 0
    while True:
        at = narration.find(name, start)
        if at < 0:
            return ""
        role = (_role_before(narration, at, others)
                or _role_after(narration, at + len(name)))
        if role:
            return role
        start = at + 1


def _role_before(text: str, at: int, others: Sequence[str]) -> str:
    begin = at
    while begin > 0 and text[begin - 1] not in _ROLE_STOP and at - begin < 40:
        begin -= 1
    role = text[begin:at]
    for other in others:
        if len(other) >= 2 and other in role:
            role = role[role.rindex(other) + len(other):]
    changed = True
    while changed:
        changed = False
        for word in _CONNECTORS:
            if role.startswith(word) and len(role) > len(word) + 1:
                role, changed = role[len(word):], True
    return role if 2 <= len(role) <= 30 and _ROLE_END.search(role) else ""


def _role_after(text: str, at: int) -> str:
    m = re.match(r"[ \t]*[（(]([^（）()\n]{2,30})[）)]|[，,][ \t]*([^，,。；;\n]{2,30}?)[，,。；;]",
                 text[at : at + 40])
    if m is None:
        return ""
    role = (m.group(1) or m.group(2) or "").strip()
    return role if _ROLE_END.search(role) else ""


_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "the", "hon", "sen", "senator", "rep", "judge", "justice", "sir", "dame", "lord", "lady"])


def _latin_role(name: str, narration: str) -> str:
    """'MR. SMITH' + '... Mr. John Smith, Chief Executive Officer, Acme Robotics;' -> role."""
    words = [w for w in re.split(r"[\s.]+", name) if w]
    core = [w for w in words if w.casefold() not in _HONORIFICS]
    if not core:
        return ""
    found = re.search(
        rf"\b{re.escape(core[-1])}\b[ \t]*,[ \t]*([A-Z][^;\n()\[\]]{{1,100}}?)[ \t]*(?:[;\n]|\.(?:\s|$)|$)",
        narration, flags=re.IGNORECASE,
    )
    role = found.group(1).strip() if found else ""
    # The search ignores case for the name; the role must still start with a capital.
    return role if role[:1].isupper() else ""
