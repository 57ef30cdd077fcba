"""Fifty varied search queries for a transcript, and the raw FTS5 floor beside each.

Common and rare words, two to four words, quoted phrases taken from the text, traditional
spellings, Latin terms and a few that find nothing: what people type into a search box.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from desktop.core import segment, textnorm

_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_LATIN = ("GPT4", "ChatGPT", "OpenAI", "Transformer", "COVID-19")
_MISSES = ("量子纠缠", "火星殖民", "區塊鏈錢包")


def make_queries(text: str, n: int = 50, seed: int = 11) -> list[str]:
    """`n` deterministic queries (1-4 words, phrases, rare and common) for `text`."""
    rng = random.Random(seed)
    counts = Counter(w for w in segment.words(text[:2_000_000]) if _HAN.match(w))
    if not counts:
        return ["算力", "大模型"][:n]
    ranked = [w for w, _ in counts.most_common()]
    common = ranked[: max(1, min(40, len(ranked) // 4))]
    rare = [w for w in ranked if counts[w] <= 3] or ranked[-10:]
    middle = ranked[len(ranked) // 8: max(len(ranked) // 8 + 1, len(ranked) // 2)] or ranked
    lines = [ln for ln in text.splitlines() if len(ln) > 40]
    out: list[str] = []
    out += rng.sample(common, min(len(common), 10))
    out += rng.sample(rare, min(len(rare), 8))
    out += [f"{rng.choice(common)} {rng.choice(middle)}" for _ in range(8)]
    out += [" ".join(rng.sample(middle, min(len(middle), rng.choice((3, 4))))) for _ in range(6)]
    for _ in range(8):  # phrases: 2-3 consecutive words of a real line, quoted or written solid
        if not lines:
            break
        words = [w for w in segment.words(rng.choice(lines)) if _HAN.match(w)]
        if len(words) >= 3:
            i = rng.randrange(len(words) - 2)
            phrase = words[i: i + rng.choice((2, 3))]
            out.append('"' + " ".join(phrase) + '"' if rng.random() < 0.5 else "".join(phrase))
    import opencc

    s2t = opencc.OpenCC("s2t")
    out += [s2t.convert(w) for w in rng.sample(common, min(len(common), 3))]
    out += list(_LATIN[:3]) + list(_MISSES[:2])
    while len(out) < n:
        out.append(rng.choice(ranked))
    return out[:n]


def floor_expression(query: str) -> str:
    """The query pre-segmented as the index is, as a raw FTS5 expression (quoted tokens)."""
    parts: list[str] = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query):
        tokens = [t.replace('"', '""') for t in segment.words(textnorm.fold(phrase or word))
                  if t.strip()]
        if phrase:  # a phrase: its tokens next to each other
            parts.append('"' + " ".join(tokens) + '"' if tokens else "")
        else:  # a word: each of its tokens, anywhere in the turn
            parts.extend(f'"{t}"' for t in tokens)
    return " ".join(p for p in parts if p)


# The floor's table: each turn's words (jieba search mode), one FTS5 row a turn, built
# beside the study by `build_floor_index` (the study itself holds no word index).
FLOOR_SQL = (
    "SELECT rowid, bm25(floor_words) AS score FROM temp.floor_words "
    "WHERE floor_words MATCH ? ORDER BY score LIMIT ?"
)


def build_floor_index(db) -> None:
    """Fill `temp.floor_words` with the study's turns' words, for `FLOOR_SQL`."""
    from desktop.core import search_index

    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.floor_words USING fts5(tokens)")
    db.execute("DELETE FROM temp.floor_words")
    db.conn.executemany(
        "INSERT INTO temp.floor_words (rowid, tokens) VALUES (?, ?)",
        [(i, search_index.words_of(h, t))
         for i, h, t in db.execute("SELECT id, headline, text FROM turns").fetchall()])
