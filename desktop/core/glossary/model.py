"""A glossary term as a plain value, and the rows that store it."""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import uuid
from dataclasses import dataclass, field

from desktop.core.clock import now_iso
from desktop.core.textnorm import fold

COLUMNS = ("id", "term", "aliases", "definition", "category", "english", "pinyin", "notes",
           "builtin_key", "author", "created_at", "updated_at")

#: Fields a user edits (and a built-in entry provides).
TEXT_FIELDS = ("term", "aliases", "definition", "category", "english", "pinyin", "notes")


@dataclass(frozen=True)
class Term:
    """One glossary entry of the study; `definition` is Markdown, offsets are not involved."""

    id: str
    term: str
    aliases: tuple[str, ...] = field(default=())
    definition: str = ""
    category: str = ""
    english: str = ""
    pinyin: str = ""
    notes: str = ""
    builtin_key: str | None = None
    author: str = ""
    created_at: str = ""
    updated_at: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        """The term followed by its aliases: every spelling that counts as this term."""
        return (self.term, *self.aliases)

    def folded_forms(self) -> set[str]:
        """The folded spellings, for duplicate checks and matching."""
        return {f for f in (fold(x) for x in self.forms) if f}

    def row(self) -> dict:
        """The `glossary_terms` row for this term."""
        values = {name: getattr(self, name) for name in COLUMNS}
        values["aliases"] = json.dumps(list(self.aliases), ensure_ascii=False)
        return values

    def as_dict(self) -> dict:
        """A JSON-ready dict (aliases as a list)."""
        values = dataclasses.asdict(self)
        values["aliases"] = list(self.aliases)
        return values


def from_row(row: tuple | list) -> Term:
    """A Term from a row selected in COLUMNS order."""
    values = dict(zip(COLUMNS, row, strict=True))
    values["aliases"] = tuple(json.loads(values["aliases"] or "[]"))
    return Term(**values)


def clean_aliases(aliases: object, term: str) -> tuple[str, ...]:
    """Aliases stripped, without blanks, without the term itself, without folded duplicates."""
    if isinstance(aliases, str):
        aliases = split_aliases(aliases)
    seen = {fold(term.strip())}
    result: list[str] = []
    for alias in aliases or ():
        alias = str(alias).strip()
        key = fold(alias)
        if alias and key not in seen:
            seen.add(key)
            result.append(alias)
    return tuple(result)


def split_aliases(text: str) -> list[str]:
    """Aliases written in one cell: separated by ; ； | or 、 (commas belong to list formats)."""
    for sep in ("；", "|", "、"):
        text = text.replace(sep, ";")
    return [a.strip() for a in text.split(";") if a.strip()]


def split_alias_field(text: str) -> list[str]:
    """Aliases typed in the term dialog's one field: separated by commas (, or ，), as the
    field's label says, or by what separates them in a term list's cell."""
    return split_aliases(text.replace("，", ";").replace(",", ";"))


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@functools.lru_cache(maxsize=1)
def _more_readings() -> dict[int, str]:
    """Readings pypinyin lacks, from the zdic data of pypinyin-dict (loaded on first need).

    pypinyin's own table misses rare characters, most of them outside the BMP (𠮷).
    """
    from pypinyin_dict.pinyin_data import zdic

    return zdic.pinyin_dict


def _unknown_to_pinyin(chars: str) -> list[str]:
    """pypinyin's `errors` hook: a reading for each Han character it does not know;
    other runs (Latin, digits) stay as written, in one piece."""
    out: list[str] = []
    run = ""
    for ch in chars:
        reading = _more_readings().get(ord(ch)) if _HAN.match(ch) else None
        if reading is None:
            run += ch
            continue
        if run:
            out.append(run)
            run = ""
        out.append(reading.split(",")[0])
    if run:
        out.append(run)
    # Between readings, a Latin run's own spaces would double the joining ones.
    return out if len(out) == 1 else [p.strip() for p in out if p.strip()]


def make_pinyin(text: str) -> str:
    """Pinyin with tone marks for the Chinese in `text`; Latin runs are kept as written."""
    from pypinyin import Style, lazy_pinyin

    return " ".join(p for p in lazy_pinyin(text, style=Style.TONE, errors=_unknown_to_pinyin)
                    if p.strip())


def has_han(text: str) -> bool:
    """True when `text` holds a Chinese character."""
    return _HAN.search(text) is not None


def complete_pinyin(pinyin: str) -> str:
    """`pinyin` with any Chinese character left in it (one an older table lacked) read."""
    if not _HAN.search(pinyin):
        return pinyin
    return re.sub(r"\s+", " ", _HAN.sub(lambda m: f" {make_pinyin(m.group())} ", pinyin)).strip()


def new_term(
    term: str,
    *,
    aliases: object = (),
    definition: str = "",
    category: str = "",
    english: str = "",
    pinyin: str | None = None,
    notes: str = "",
    builtin_key: str | None = None,
    author: str = "",
) -> Term:
    """Build (not store) a new term with a fresh id; pinyin is generated when not given."""
    term = term.strip()
    stamp = now_iso()
    return Term(
        id=str(uuid.uuid4()),
        term=term,
        aliases=clean_aliases(aliases, term),
        definition=definition.strip(),
        category=category.strip(),
        english=english.strip(),
        pinyin=make_pinyin(term) if pinyin is None or not pinyin.strip() else pinyin.strip(),
        notes=notes.strip(),
        builtin_key=builtin_key,
        author=author,
        created_at=stamp,
        updated_at=stamp,
    )
