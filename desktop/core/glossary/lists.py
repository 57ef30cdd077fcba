"""Import and export term lists.

Read: CSV or TSV with a header row (column names in English or Chinese: term/术语,
english/英文/译名, definition/释义, aliases/别名, category/类别, pinyin/拼音, notes/备注),
or plain lists with one `term<sep>translation` per line, the separator being a tab, a comma
or a full-width comma (，). Entries that share a spelling (term or alias, folded) are
merged, within the file and with the study: missing fields are filled in, new spellings
become aliases, and nothing the user wrote is overwritten.
Write: the same formats.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import YanduError
from desktop.core.glossary import store
from desktop.core.glossary.commands import AddTerm, Batch, EditTerm
from desktop.core.glossary.model import Term, clean_aliases, new_term, split_aliases
from desktop.core.textnorm import fold

if TYPE_CHECKING:  # hints only: sqlite-utils loads when a study is opened
    from sqlite_utils import Database

FIELDS = ("term", "aliases", "english", "category", "pinyin", "definition", "notes")
HEADER_NAMES = {
    "term": ("term", "terms", "word", "chinese", "zh", "术语", "词条", "词语", "名词", "中文",
             "原文", "中文术语"),
    "english": ("english", "en", "translation", "英文", "英文名", "译名", "翻译", "英译",
                "英文翻译", "对应英文"),
    "definition": ("definition", "meaning", "description", "定义", "释义", "解释", "说明",
                   "含义"),
    "aliases": ("aliases", "alias", "synonyms", "variants", "别名", "又称", "同义词", "变体"),
    "category": ("category", "type", "domain", "类别", "分类", "领域", "类型"),
    "pinyin": ("pinyin", "拼音"),
    "notes": ("notes", "note", "example", "备注", "注释", "例句", "注"),
}
_BY_NAME = {fold(n): f for f, names in HEADER_NAMES.items() for n in names}
SEPARATORS = {"tab": "\t", "comma": ",", "fullwidth": "，"}


@dataclass
class ListEntry:
    """One term as read from a list, before merging."""

    term: str
    aliases: tuple[str, ...] = ()
    english: str = ""
    definition: str = ""
    category: str = ""
    pinyin: str = ""
    notes: str = ""
    line: int = 0

    def forms(self) -> set[str]:
        """Folded spellings."""
        return {f for f in (fold(x) for x in (self.term, *self.aliases)) if f}


def _header_map(cells: list[str]) -> dict[int, str] | None:
    found = {i: _BY_NAME[fold(c.strip())] for i, c in enumerate(cells)
             if fold(c.strip()) in _BY_NAME}
    if "term" not in found.values():
        return None
    return found


def _detect_header(line: str) -> tuple[str, dict[int, str]] | None:
    """The delimiter and column map when `line` is a header row."""
    best: tuple[str, dict[int, str]] | None = None
    for sep in ("\t", ",", "，"):
        if sep not in line:
            continue
        cells = next(csv.reader([line], delimiter=sep))
        columns = _header_map(cells)
        if columns and len(columns) >= 2 and (best is None or len(columns) > len(best[1])):
            best = (sep, columns)
    return best


def _split_plain(line: str) -> tuple[str, str]:
    """term, translation from one plain-list line (the first separator splits)."""
    if "\t" in line:
        term, _, rest = line.partition("\t")
    else:
        cuts = [i for i in (line.find(","), line.find("，")) if i >= 0]
        if not cuts:
            return line.strip(), ""
        term, rest = line[: min(cuts)], line[min(cuts) + 1:]
    return term.strip().strip('"'), rest.strip().strip('"')


def parse_term_list(text: str) -> tuple[list[ListEntry], list[str]]:
    """Entries read from a list's text, and one message per line that was skipped."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    first = next((i for i, ln in enumerate(lines) if ln.strip() and not ln.startswith("#")),
                 None)
    if first is None:
        return [], []
    entries: list[ListEntry] = []
    problems: list[str] = []
    header = _detect_header(lines[first])
    if header:
        sep, columns = header
        body = "\n".join(lines[first + 1:])
        reader = csv.reader(io.StringIO(body), delimiter=sep)
        for row in reader:
            number = first + 1 + reader.line_num
            if not any(c.strip() for c in row) or row[0].startswith("#"):
                continue
            values = {name: row[i].strip() for i, name in columns.items() if i < len(row)}
            term = values.get("term", "")
            if not term:
                problems.append(f"line {number}: no term")
                continue
            entries.append(ListEntry(
                term=term, aliases=clean_aliases(split_aliases(values.get("aliases", "")), term),
                english=values.get("english", ""), definition=values.get("definition", ""),
                category=values.get("category", ""), pinyin=values.get("pinyin", ""),
                notes=values.get("notes", ""), line=number))
        return entries, problems
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        term, english = _split_plain(line)
        if not term:
            problems.append(f"line {number}: no term before the separator")
            continue
        if len(term) > 200:
            problems.append(f"line {number}: the term is longer than 200 characters")
            continue
        entries.append(ListEntry(term=term, english=english, line=number))
    return entries, problems


def read_term_list(path: str | os.PathLike[str]) -> tuple[list[ListEntry], list[str]]:
    """Entries and skipped-line messages from a list file (any common encoding)."""
    from desktop.core.importing.decoding import decode

    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise YanduError(f"No file {path}.") from None
    except IsADirectoryError:
        raise YanduError(f"{path} is a folder, not a term list.") from None
    except OSError as exc:
        raise YanduError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return parse_term_list(decode(data, path.name).text)


def _merge_into(target: ListEntry, other: ListEntry) -> None:
    """Fill `target`'s empty fields from `other` and add its spellings as aliases."""
    for name in ("english", "definition", "category", "pinyin", "notes"):
        if not getattr(target, name) and getattr(other, name):
            setattr(target, name, getattr(other, name))
    target.aliases = clean_aliases((*target.aliases, other.term, *other.aliases), target.term)


def merge_entries(entries: list[ListEntry]) -> list[ListEntry]:
    """Entries with a spelling in common merged into the first of them."""
    merged: list[ListEntry] = []
    owner: dict[str, ListEntry] = {}
    for entry in entries:
        target = next((owner[f] for f in entry.forms() if f in owner), None)
        if target is None:
            entry = ListEntry(**{**entry.__dict__})
            merged.append(entry)
            target = entry
        else:
            _merge_into(target, entry)
        for f in target.forms():
            owner.setdefault(f, target)
    return merged


@dataclass
class ImportPlan:
    """What an import would do: new terms, merges into existing ones, unchanged entries."""

    adds: list[Term] = field(default_factory=list)
    edits: list[EditTerm] = field(default_factory=list)
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    def command(self) -> Batch:
        """The import as one undoable step."""
        steps = [*self.edits, *(AddTerm(t) for t in self.adds)]
        return Batch(steps, "Import terms")

    def summary(self) -> dict:
        """Counts for the user (and --json)."""
        return {"added": len(self.adds), "merged": len(self.edits),
                "unchanged": self.unchanged, "skipped": self.problems}


def plan_import(db: Database, entries: list[ListEntry], *, author: str = "") -> ImportPlan:
    """Decide, for each (merged) entry, whether it is new or fills in an existing term."""
    plan = ImportPlan()
    existing = store.list_terms(db)
    owner: dict[str, Term] = {}
    for term in existing:
        for f in term.folded_forms():
            owner.setdefault(f, term)
    updated: dict[str, Term] = {}
    for entry in merge_entries(entries):
        target = next((owner[f] for f in (fold(entry.term), *map(fold, entry.aliases))
                       if f in owner), None)
        if target is None:
            term = new_term(entry.term, aliases=entry.aliases, definition=entry.definition,
                            category=entry.category, english=entry.english,
                            pinyin=entry.pinyin or None, notes=entry.notes, author=author)
            plan.adds.append(term)
            for f in term.folded_forms():
                owner[f] = term
            continue
        current = updated.get(target.id, target)
        # Spellings another term already owns stay with it.
        spellings = [s for s in (entry.term, *entry.aliases)
                     if owner.get(fold(s)) in (None, target)]
        fields: dict = {"aliases": clean_aliases((*current.aliases, *spellings), current.term)}
        for name in ("english", "definition", "category", "notes"):
            if not getattr(current, name) and getattr(entry, name):
                fields[name] = getattr(entry, name)
        edit = EditTerm.of(current, **fields)
        if edit.changes_anything:
            updated[target.id] = edit.after
            for f in edit.after.folded_forms():
                owner.setdefault(f, target)
        else:
            plan.unchanged += 1
    by_id = {t.id: t for t in existing}
    plan.edits = [EditTerm.of(by_id[i], **_diff(by_id[i], t)) for i, t in updated.items()]
    return plan


def _diff(before: Term, after: Term) -> dict:
    return {n: getattr(after, n) for n in ("aliases", "english", "definition", "category",
                                           "notes") if getattr(after, n) != getattr(before, n)}


def import_terms(db: Database, path: str | os.PathLike[str], *, history=None,
                 author: str = "") -> ImportPlan:
    """Import a term list as one undoable step (through `history` when given)."""
    entries, problems = read_term_list(path)
    if not entries:
        raise YanduError(f"{Path(path).name} has no terms to import.")
    plan = plan_import(db, entries, author=author)
    plan.problems = problems
    if plan.adds or plan.edits:
        command = plan.command()
        if history is not None:
            history.run(command)
        else:
            with db.atomic():
                command.apply(db)
    return plan


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The export format: csv, tsv or list, from `fmt` or the file's extension."""
    if fmt:
        if fmt not in ("csv", "tsv", "list"):
            raise YanduError(f"Unknown term list format {fmt!r}; use csv, tsv or list.")
        return fmt
    suffix = Path(path).suffix.lower()
    return {".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}.get(suffix, "list")


def render_terms(terms: list[Term], fmt: str, *, sep: str = "tab") -> str:
    """The terms as a csv/tsv table with a header row, or a plain `term<sep>english` list."""
    if fmt == "list":
        if sep not in SEPARATORS:
            raise YanduError(f"Unknown separator {sep!r}; use tab, comma or fullwidth.")
        mark = SEPARATORS[sep]
        return "".join(f"{t.term}{mark}{t.english}\n" for t in terms)
    out = io.StringIO()
    writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(FIELDS)
    for t in terms:
        writer.writerow([t.term, "; ".join(t.aliases), t.english, t.category, t.pinyin,
                         t.definition, t.notes])
    return out.getvalue()


def export_terms(db: Database, path: str | os.PathLike[str], *, fmt: str | None = None,
                 sep: str = "tab") -> int:
    """Write every term to `path` (csv/tsv with a header, or a plain list); return the count."""
    fmt = format_for(path, fmt)
    terms = store.list_terms(db)
    text = render_terms(terms, fmt, sep=sep)
    # A BOM lets spreadsheet programs recognise UTF-8 tables (else Chinese is garbled).
    encoding = "utf-8-sig" if fmt in ("csv", "tsv") else "utf-8"
    try:
        Path(path).write_text(text, encoding=encoding, newline="")
    except OSError as exc:
        raise YanduError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    return len(terms)
