"""Turn whatever a user types into safe FTS5 query strings.

User text is never pasted into MATCH. It is split into terms (a bare word, or a phrase
in double quotes; an unbalanced quote runs to the end), each term is folded and cut into
tokens, and every phrase is written as one double-quoted FTS5 string with its quotes
doubled. FTS5 syntax a user types (`*`, `:`, `^`, `-`, parentheses, NEAR) therefore stays
plain text. A few operators are understood on purpose: `OR` between terms, `AND`
(the default anyway), and `-word` or `NOT word` to leave out turns containing a word.
Repeated terms count once, and only the first MAX_TERMS terms count at all.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from desktop.core import search_index, segment, textnorm

MAX_TERMS = 64  # terms (or OR groups) that count, and as many left-out words

_LEXEME = re.compile(r'"([^"]*)(?:"|$)|([^\s"]+)')
_SPACES_IN_CHINESE = re.compile(
    f"(?<=[{search_index.SOLO_CHARS}])\\s+(?=[{search_index.SOLO_CHARS}])"
)


@dataclass(frozen=True)
class Term:
    """One thing to look for: a bare word or a quoted phrase, folded and tokenised."""

    text: str  # as typed
    parts: tuple[tuple[bool, str], ...]  # (is Chinese, run) of the folded text, in order
    words: tuple[str, ...]  # jieba search-mode tokens of the folded text
    grams: tuple[str, ...]  # gram tokens to look for in the gram tables
    prefix: bool = False  # the last gram is one character that may start a pair

    def grams_phrase(self) -> str:
        """The FTS5 phrase for the gram tables."""
        return _phrase(self.grams) + (" *" if self.prefix else "")


@dataclass(frozen=True)
class Query:
    """A parsed query: all of `groups` (each: any of its terms), none of `excluded`."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def positive_terms(self) -> tuple[Term, ...]:
        """Every term that should be highlighted."""
        return tuple(t for group in self.groups for t in group)

    def chars_expr(self) -> str:
        """The MATCH expression for the gram tables (decides what matches)."""
        positive = " AND ".join(
            "(" + " OR ".join(t.grams_phrase() for t in group) + ")" for group in self.groups
        )
        if not self.excluded:
            return positive
        excluded = " OR ".join(t.grams_phrase() for t in self.excluded)
        return f"({positive}) NOT ({excluded})"

    def words_expr(self) -> str | None:
        """The MATCH expression for the word tables (whole-word hits), or None if unusable."""
        if any(not t.words for t in self.positive_terms()):
            return None
        return " AND ".join(
            "(" + " OR ".join(_phrase(t.words) for t in group) + ")" for group in self.groups
        )

    def words_match(self, indexed: str) -> bool:
        """Whether `words_expr` matches a row of the word index holding `indexed` (its
        stored words): each group has a term whose words stand there one after another,
        as FTS5 compares tokens (see `search_index.fts_tokens`)."""
        patterns = self._word_patterns
        if patterns is None:
            return False
        if _ACCENTED.search(indexed) is not None:
            # Letters with diacritics: compare them bare, as FTS5 does (café = cafe).
            indexed = " ".join(search_index.fts_tokens(indexed))
        return all(any(p.search(indexed) is not None for p in group) for group in patterns)

    @functools.cached_property
    def _word_patterns(self) -> tuple[tuple[re.Pattern[str], ...], ...] | None:
        if self.words_expr() is None:
            return None
        return tuple(tuple(_run_pattern(search_index.fts_tokens(" ".join(t.words)))
                           for t in group) for group in self.groups)


# Latin letters with diacritics (FTS5 compares them bare).
_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
# A character FTS5 keeps in a token, and one that separates tokens.
_TOKEN_CHAR = "(?:[^\\W_]|[\ue000-\uf8ff])"
_SEPARATOR = "(?:(?![\ue000-\uf8ff])[\\W_])"


def _run_pattern(tokens: list[str]) -> re.Pattern[str]:
    """A regex finding the tokens one after another, each whole, in a word-index row."""
    if not tokens:
        return re.compile("(?!)")  # matches nothing
    first = re.escape(tokens[0])
    rest = "".join(f"{_SEPARATOR}+{re.escape(t)}" for t in tokens[1:])
    # The look-behind comes after the first token, so that the pattern starts with plain
    # text, which the regex engine finds by a fast scan.
    return re.compile(f"{first}(?<!{_TOKEN_CHAR}{first}){rest}(?!{_TOKEN_CHAR})")


def _phrase(tokens: tuple[str, ...]) -> str:
    """One FTS5 string literal: the tokens as a phrase, quotes doubled."""
    return '"' + " ".join(tokens).replace('"', '""') + '"'


def clean(text: str) -> str:
    """Drop what SQLite or the folding cannot take: NUL and control, format, lone surrogates."""
    return "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
        for ch in text
        if unicodedata.category(ch) != "Cs"
    )


def make_term(text: str) -> Term | None:
    """A term for `text`, or None when it holds nothing searchable (only punctuation, emoji)."""
    folded = textnorm.fold(text)
    # Spaces between Chinese characters only mark words ("算力 荒" is 算力荒); any other
    # gap must be in the text too.
    parts = tuple(search_index.gram_parts(_SPACES_IN_CHINESE.sub("", folded)))
    if not parts:
        return None
    words = tuple(w for w in segment.index_tokens(folded) if search_index.gram_parts(w))
    grams, prefix = _grams(parts)
    return Term(text, parts, words, grams, prefix)


def _grams(parts: tuple[tuple[bool, str], ...]) -> tuple[tuple[str, ...], bool]:
    """The gram tokens a match must have in a row, and whether the last is a prefix.

    Mirrors `search_index.gram_tokens`, except at the term's end: the text may go on
    there, so a Chinese run ends with its last pair, not with its last character (which
    the index only has where the text's run ends); a run of one character at the end is a
    prefix, found as the start of a pair or as a run's last character.
    """
    tokens: list[str] = []
    prefix = False
    for index, (chinese, part) in enumerate(parts):
        if not chinese:
            tokens.append(part)
            continue
        tokens += [part[i : i + 2] for i in range(len(part) - 1)]
        if index < len(parts) - 1:
            tokens.append(part[-1])  # something follows: the text's run ends here too
        elif len(part) == 1:
            tokens.append(part)
            prefix = True
    return tuple(tokens), prefix


def parse(text: str) -> Query | None:
    """Parse a user's query; None when nothing in it can be searched for."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False  # an OR was just seen
    negate_next = False  # a NOT was just seen
    for match in _LEXEME.finditer(clean(text)):
        phrase, bare = match.group(1), match.group(2)
        negate = negate_next
        negate_next = False
        if phrase is None:
            if bare == "OR":
                join_next = bool(groups)
                continue
            if bare == "AND":
                continue
            if bare == "NOT":
                negate_next = True
                continue
            if bare.startswith("-") and len(bare) > 1:
                negate, bare = True, bare[1:]
            phrase = bare
        term = make_term(phrase)
        if term is None:
            continue
        if negate:
            excluded.append(term)
        elif join_next and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if not groups:
        return None
    # FTS5's cost grows with the square of the number of phrases (20,000 words pasted
    # took 14 s): repeats are dropped, and only the first MAX_TERMS count.
    unique_groups = list(dict.fromkeys(tuple(dict.fromkeys(g)) for g in groups))
    return Query(tuple(unique_groups[:MAX_TERMS]),
                 tuple(dict.fromkeys(excluded))[:MAX_TERMS])
