"""The kind of record a transcript is (model.KINDS), and the structure each kind gives it.

panel/interview: the moderator's questions open the sections. play: acts and scenes.
parliament: agenda headings and numbered questions; the chair hosts but opens nothing.
court: the argument and examination headings; `Q.`/`A.` are the examiner and the witness.
subtitles: as panels. plain: no speakers. Any kind without such structure takes its
sections from Markdown headings (`## 标题`). Pure: plain values in and out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from desktop.core.importing import records, structure
from desktop.core.importing.model import KINDS, ParsedTurn
from desktop.core.importing.names import is_official
from desktop.core.textnorm import fold

__all__ = ["KINDS", "detect", "moderators", "prepare", "sections"]

_TIMED = ("srt", "vtt", "json")  # subtitles and speech-recognition exports (Whisper JSON)
_CHAIRS = frozenset((
    "主席", "代理主席", "全委会主席", "议长", "副议长", "the speaker", "mr. speaker", "mr speaker",
    "madam speaker", "madame speaker", "deputy speaker", "the deputy speaker",
    "mr. deputy speaker", "madam deputy speaker", "the chair", "the chairman",
    "the chairwoman", "the president", "mr. president", "madam president",
))
_LATIN_MEMBER = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|sir|dame)\.?\s.+\(.+\)|(?:the\s+)?hon\.?\s.+"
    r"|(?:the\s+)?(?:prime\s+)?minister\b.*|(?:the\s+)?secretary\s+(?:for|of)\b.*)$"
)
_PRESIDING = frozenset(("the court", "审判长", "the presiding judge", "presiding judge"))
_COURT_NAMES = _PRESIDING | frozenset((
    "the witness", "the clerk", "the bailiff", "the marshal", "审判员", "人民陪审员", "书记员",
    "公诉人", "辩护人", "检察员", "法官", "诉讼代理人", "原告代理人", "被告代理人",
))
_TOGETHER = frozenset(("众", "众人", "二人", "三人", "合"))
_ASKS_AND_ANSWERS = (frozenset(("问", "答")), frozenset(("q", "a")), frozenset(("i", "r")))
_INTERVIEW_NAMES = frozenset(("interviewer", "respondent", "interviewee", "采访者", "受访者",
                              "被采访者", "采访人", "受访人"))
_SPACED = re.compile("\u3000+[^:：\\s]")  # 王利发　哟，二位爷来了！
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")


def _names(turns: Iterable[ParsedTurn]) -> list[str]:
    return list(dict.fromkeys(t.speaker for t in turns if t.speaker is not None))


def detect(text: str, fmt: str, turns: Sequence[ParsedTurn], asking: set[str]) -> str:
    """The kind of record, from its format, speakers, labels and narration; `asking` is
    who the panel rules find asking the questions (structure.detect_moderators)."""
    if fmt in _TIMED:
        return "subtitles"
    names = _names(turns)
    if not names:
        return "plain"
    folded = {fold(n): n for n in names}
    labels = {t.label for t in turns if t.speaker is not None}
    if (any(f.startswith(("justice ", "chief justice")) or f in _COURT_NAMES for f in folded)
            or {"Q.", "A."} <= labels):
        return "court"
    if _chairs(folded) and (
            any(is_official(n) for f, n in folded.items() if f not in _CHAIRS)
            or any(_LATIN_MEMBER.match(fold(label)) for label in labels)):
        return "parliament"
    if _play(text, turns, names, folded, asking):
        return "play"
    others = len(names) - len(asking & set(names))
    if (any(pair <= folded.keys() for pair in _ASKS_AND_ANSWERS)
            or _INTERVIEW_NAMES & folded.keys() or (asking and others == 1)):
        return "interview"
    return "panel"


def _chairs(folded: dict[str, str]) -> set[str]:
    return {n for f, n in folded.items() if f in _CHAIRS}


def _play(text: str, turns: Sequence[ParsedTurn], names: list[str],
          folded: dict[str, str], asking: set[str]) -> bool:
    """Acts, 〔…〕 directions, lines said together (众：, 松二爷/常四爷：), or labels that
    carry how the line is said (王利发（笑）：) or are set as plays are (王利发　哟…)."""
    if _TOGETHER & folded.keys():
        return True
    known = set(names)
    if any(len(parts := re.split(r"[/／、]", n)) > 1 and known.issuperset(parts) for n in names):
        return True
    staged = spaced = 0
    for turn in turns:
        if turn.speaker is None:
            speech = text[turn.text_start : turn.text_end]
            if speech.startswith("〔") or structure.is_act_heading(speech):
                return True
        elif not turn.label:
            continue  # a speech going on after a direction
        elif turn.label != turn.speaker and turn.label[-1] in "）)〕":
            staged += 1
        elif _SPACED.match(text, turn.start + len(turn.label)):
            spaced += 1
    return spaced >= 2 or (staged >= 2 and not asking)


def prepare(kind: str, text: str, fmt: str, turns: list[ParsedTurn]
            ) -> tuple[list[ParsedTurn], dict[int, str], set[str]]:
    """The turns as the kind reads them, its headings (turn index -> title) and the
    examiners of a deposition: parliaments and courts cut their headings out of speeches,
    courts give `Q.`/`A.` their examiner and witness. Other kinds: `turns` itself."""
    if kind not in ("parliament", "court") or fmt in _TIMED:
        return turns, {}, set()
    if kind == "parliament":
        split, titles = records.split_at_headings(text, turns, records.parliament_heading)
        return split, titles, set()
    split, titles = records.split_at_headings(text, turns, records.court_heading)
    split, titles = records.rejoin_narration(text, split, records.court_sections(split, titles))
    named, examiners = records.examination_speakers(text, split, titles)
    return named, titles, examiners


def moderators(kind: str, names: Sequence[str], asking: set[str],
               examiners: set[str]) -> set[str]:
    """Who hosts: the panel's questioner, a parliament's chair, a court's presiding judge
    and examiners; no one in a play or a plain text."""
    if kind in ("play", "plain"):
        return set()
    folded = {fold(n): n for n in names}
    if kind == "parliament":
        return _chairs(folded)
    if kind == "court":
        presiding = {n for f, n in folded.items()
                     if f in _PRESIDING or f.startswith("chief justice")}
        return presiding | (examiners & set(names))
    return set(asking) & set(names)


def sections(kind: str, pairs: Sequence[tuple[str | None, str]], turns: Sequence[ParsedTurn],
             titles: dict[int, str], hosts: set[str]) -> list[tuple[int, str]]:
    """(index of the opening turn, title) of each section, as the kind makes them;
    `pairs` are (speaker, speech) of `turns`. A panel's or an interview's own headings
    (an article's <h2>, a Markdown transcript's `##`) are its sections when it has them:
    the publisher's structure before the one read from the moderator's questions."""
    found: list[tuple[int, str]] = []
    if kind in ("panel", "interview", "subtitles"):
        found = markdown_sections(pairs) or structure.question_sections(pairs, hosts)
    elif kind == "play":
        found = structure.act_sections(pairs)
    elif kind == "parliament":
        numbered = {i: t.label for i, t in enumerate(turns)
                    if t.speaker is not None and t.label[:1].isdigit()}
        found = _merged(turns, {**titles, **numbered})
    elif kind == "court":
        found = _merged(turns, titles)
    return found or markdown_sections(pairs)


def _merged(turns: Sequence[ParsedTurn], openers: dict[int, str]) -> list[tuple[int, str]]:
    """One section per run of openers with no speech between them (`口頭答覆`, then
    `第1題`, then the member asking): the first opens it, their titles joined."""
    result: list[tuple[int, str]] = []
    last = -1
    for index in sorted(openers):
        title = openers[index]
        if result and all(t.speaker is None for t in turns[last : index]):
            result[-1] = (result[-1][0], f"{result[-1][1]} · {title}")
        else:
            result.append((index, title))
        last = index
    return result


def markdown_sections(pairs: Sequence[tuple[str | None, str]]) -> list[tuple[int, str]]:
    """Sections from Markdown headings in narration (`## 标题`, as the web-page importer
    writes an <h2>): the headings below the document's title (#), or the titles (#)
    themselves when there are several and nothing below them."""
    headings = []
    for index, (speaker, speech) in enumerate(pairs):
        found = _MARKDOWN_HEADING.match(speech) if speaker is None else None
        if found and "\n" not in speech:
            headings.append((index, len(found.group(1)), found.group(2)))
    below = [(i, title) for i, level, title in headings if level >= 2]
    if below:
        return below
    return [(i, title) for i, _, title in headings] if len(headings) >= 2 else []
