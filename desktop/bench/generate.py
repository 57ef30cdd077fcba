"""Deterministic transcripts of any size, built from the bundled sample's words and shapes.

The sample's sentences give the shapes (lengths, punctuation, where the Latin terms sit);
a seeded generator fills them with other words of the same length from the sample and a
wider vocabulary, so the text reads like a transcript without repeating the sample. Many
speakers take turns of realistic, skewed lengths; a moderator opens each section with a
question; a few turns run to thousands of characters; some sentences are in traditional
characters; punctuation is a mix of full-width and ASCII.
"""

from __future__ import annotations

import functools
import hashlib
import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from desktop.bench import vocab

GENERATOR_VERSION = 1
SAMPLE_NAME = "aicc2023-llm-roundtable.zh.txt"
MB = 1_000_000  # sizes are in megabytes of UTF-8

_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9.\-]*$")
_SENTENCE_END = re.compile(r"(?<=[。！？?!])")
_LABEL = re.compile(r"^[^\s:：]{2,4}[:：]")
# ASCII punctuation of the sample -> a full-width form, used for some sentences.
_FULL_WIDTH = str.maketrans({",": "，", ":": "：", "?": "？", "!": "！", ";": "；", "(": "（",
                             ")": "）"})


def sample_text() -> str:
    """The bundled sample transcript."""
    return (resources.files("resources") / "samples" / SAMPLE_NAME).read_text(encoding="utf-8")


@dataclass
class _Model:
    shapes: list[list[str]]  # sentences as token lists
    questions: list[list[str]]
    by_length: dict[int, list[str]]  # Han words by length in characters
    latin: list[str]


@functools.lru_cache(maxsize=1)
def _model() -> _Model:
    from desktop.core import segment

    shapes: list[list[str]] = []
    questions: list[list[str]] = []
    han: set[str] = set()
    latin: set[str] = set(vocab.LATIN_TERMS)
    for paragraph in sample_text().splitlines():
        paragraph = _LABEL.sub("", paragraph.strip())
        if len(paragraph) < 8:
            continue
        for sentence in _SENTENCE_END.split(paragraph):
            tokens = segment.words(sentence)
            # Too short, or a stray label line ("以下是圆桌问答实录整理:"): not a shape.
            if len(tokens) < 3 or sentence.rstrip()[-1:] in ":：":
                continue
            (questions if sentence.rstrip()[-1:] in "？?" else shapes).append(tokens)
            for token in tokens:
                if _HAN.match(token):
                    han.add(token)
                elif _LATIN.match(token):
                    latin.add(token)
    han.update(vocab.WORDS.split())
    by_length: dict[int, list[str]] = {}
    for word in sorted(han):
        by_length.setdefault(min(len(word), 4), []).append(word)
    return _Model(shapes, questions, by_length, sorted(latin))


@dataclass
class Transcript:
    """A generated transcript and what is known about it."""

    text: str
    speakers: list[str]
    turns: int
    word_counts: Counter = field(repr=False)


class _Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.model = _model()
        self.counts: Counter = Counter()
        self._s2t = None

    def _traditional(self, text: str) -> str:
        if self._s2t is None:
            import opencc

            self._s2t = opencc.OpenCC("s2t")
        return self._s2t.convert(text)

    def sentence(self, question: bool = False) -> str:
        rng, model = self.rng, self.model
        pool = model.questions if question and model.questions else model.shapes
        out: list[str] = []
        if question and rng.random() < 0.3:
            out.append(rng.choice(vocab.QUESTION_OPENERS) + "，")
        for token in rng.choice(pool):
            if _HAN.match(token):
                if rng.random() < 0.55:
                    token = rng.choice(model.by_length[min(len(token), 4)])
                elif rng.random() < 0.02:
                    token = rng.choice(model.latin)
                self.counts[token] += 1
            elif _LATIN.match(token) and rng.random() < 0.7:
                token = rng.choice(model.latin)
            out.append(token)
        text = "".join(out)
        roll = rng.random()
        if roll < 0.04:
            text = self._traditional(text)
        elif roll < 0.45:
            text = text.translate(_FULL_WIDTH).replace('"', "“", 1).replace('"', "”", 1)
        elif roll < 0.5:
            text = text.replace("，", "——", 1).replace(",", "……", 1)
        return text

    def paragraph(self, sentences: int, question: bool = False) -> str:
        parts = [self.sentence() for _ in range(sentences - 1)] if sentences > 1 else []
        parts.append(self.sentence(question=question))
        return "".join(parts)

    def turn_sentences(self) -> int:
        """Sentences in an answer: mostly a few, with a long tail (lognormal), some very long."""
        if self.rng.random() < 0.02:
            return self.rng.randint(40, 160)  # a long statement, thousands of characters
        return max(1, min(30, int(math.exp(self.rng.gauss(1.0, 0.8)))))


def _speaker_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        given = "".join(rng.choice(vocab.GIVEN) for _ in range(rng.choice((1, 2, 2))))
        name = rng.choice(vocab.SURNAMES) + given
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def generate(size_bytes: int, seed: int = 2023) -> Transcript:
    """A transcript of at least `size_bytes` of UTF-8 (stopping at a turn's end), same for a seed."""
    w = _Writer(seed)
    rng = w.rng
    speaker_count = max(6, min(160, 8 + size_bytes // 80_000))
    names = _speaker_names(rng, speaker_count + 1)
    moderator, speakers = names[0], names[1:]
    roles = {n: rng.choice(vocab.ORGS) + rng.choice(vocab.ROLES) for n in names}
    # A few speakers talk a lot, most a little (Zipf-like weights).
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(speakers))]

    intro = [w.paragraph(rng.randint(2, 4)) for _ in range(2)]
    guests = "、".join(roles[n] + n for n in speakers[:6])
    intro.append(f"主持人{roles[moderator]}{moderator}与{guests}等嘉宾展开讨论。")
    intro.append("以下是现场实录整理：")
    blocks: list[str] = intro
    size = sum(len(b.encode("utf-8")) + 2 for b in blocks)
    turns = 0
    while size < size_bytes:
        question = w.paragraph(rng.randint(1, 2), question=True)
        block = f"{moderator}：{question}"
        blocks.append(block)
        size += len(block.encode("utf-8")) + 2
        turns += 1
        for name in rng.choices(speakers, weights, k=rng.randint(2, 6)):
            sentences = w.turn_sentences()
            colon = "：" if rng.random() < 0.7 else ":"
            if rng.random() < 0.1:
                headline = w.sentence().rstrip("。！？?!,，")[:24]
                lines = [f"{name}{colon}“{headline}”"]
                paras = max(1, sentences // 4)
                lines += [w.paragraph(max(1, sentences // paras)) for _ in range(paras)]
            elif sentences > 8:
                paras = sentences // 5
                first = w.paragraph(5)
                lines = [f"{name}{colon}{first}"]
                lines += [w.paragraph(5) for _ in range(paras - 1)]
            else:
                lines = [f"{name}{colon}{w.paragraph(sentences)}"]
            block = "\n\n".join(lines)
            blocks.append(block)
            size += len(block.encode("utf-8")) + 2
            turns += 1
    return Transcript("\n\n".join(blocks) + "\n", [moderator, *speakers], turns, w.counts)


def cached_file(folder: Path, size_bytes: int, seed: int = 2023) -> Path:
    """Write (once) the generated transcript of this size to `folder` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(f"{GENERATOR_VERSION}:{size_bytes}:{seed}".encode()).hexdigest()[:10]
    label = f"{size_bytes / MB:g}MB" if size_bytes >= MB // 10 else f"{size_bytes}B"
    path = folder / f"generated-{label}-{key}.txt"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(generate(size_bytes, seed).text, encoding="utf-8")
        tmp.replace(path)
    return path
