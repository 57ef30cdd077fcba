"""SQL is always parameterised: no value is ever pasted into SQL text.

Walks the syntax trees of desktop/ and db/. Every f-string, `%` or `.format()` whose text
looks like SQL, and every string concatenation handed to execute(), may only interpolate
pieces that are themselves built from constants: literals, `",".join("?" * n)`, ints,
names assigned only such values in the same function, loops over literal tuples. Anything
else must be in ALLOWED with the reason a person checked it; an entry that no longer
matches fails too, so the list cannot quietly grow stale.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SQL_WORDS = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|PRAGMA|CREATE|DROP|ALTER|MATCH|JOIN|"
    r"ORDER BY|GROUP BY|LIMIT)\b"
)
EXECUTE = {"execute", "executemany", "executescript", "query"}

# (file, interpolated expression) -> why it is safe. Checked by a person; keep it short.
ALLOWED: dict[tuple[str, str], str] = {
    ("db/annotations.py", "where"):
        "_select's callers in the same module pass literal WHERE/ORDER BY clauses",
    ("desktop/core/search.py", "source.chars"):
        "_Source instances are module constants naming FTS tables",
    ("desktop/core/search.py", "source.key"): "as above",
    ("desktop/core/search.py", "where"):
        "Filters.sql builds it from literals and ? placeholders only",
    ("desktop/core/search.py", "sql"): "run_query executes the SQL this module builds (checked)",
    ("desktop/core/search_counts.py", "table"):
        "an FTS table name from search.KINDS, a module constant",
    ("desktop/core/search_counts.py", "where"): "Filters.sql, as in search.py",
    ("desktop/core/search_counts.py", "rows_sql"): "_hit_rows_sql's SELECT, built as above",
    ("desktop/core/search_counts.py", "kind"): "the literal 'row' or 'instance' of fts5vocab",
    ("desktop/core/search_counts.py", "vocab"):
        "_vocab_table's name, made of the table and kind above",
    ("desktop/core/search_counts.py", "i"): "an int: a token's place in the term",
    ("desktop/core/glossary/store.py", "COLUMNS"):
        "glossary.model.COLUMNS, a module constant tuple of column names",
    ("desktop/core/glossary/store.py", "term.row()"):
        "only its keys are used: the fixed field names of the Term dataclass",
    ("desktop/bench/core_figures.py", "FLOOR_SQL"):
        "desktop.bench.queries.FLOOR_SQL, a constant query with ? placeholders",
    ("desktop/core/turn_edits/state.py", "table"):
        "'speakers', 'sections' or 'turns': literals the turn edits pass",
    ("desktop/core/turn_edits/state.py", "columns"):
        "that table's own column names, from pragma_table_info, double-quoted",
    ("desktop/core/documents.py", "_ident(table)"):
        "a table named in the study's own schema (sqlite_master, PRAGMA foreign_key_list), "
        "quoted by _ident: keeping a deleted document's rows for undo",
    ("desktop/core/documents.py", "_ident(column)"): "a column of that table, as above",
    ("desktop/core/documents.py", "_ident(c)"): "a column from PRAGMA table_info, as above",
    ("db/ids.py", "table"): "next_id's callers pass literal table names",
    ("db/migrations.py", "table"): "step 0013's triggers: a name from its literal tuple",
    ("db/migrations.py", "[name for name, _ in info]"):
        "that table's columns, from pragma_table_info, double-quoted",
    ("db/migrations.py", "key(row)"): "json_array of the table's key columns, as above",
    ("db/migrations.py", "key('OLD')"): "as above",
    ("db/migrations.py", "mark('NEW')"): "the trigger's statement, built from the above",
    ("db/migrations.py", "mark('OLD')"): "as above",
    ("db/migrations.py", "now"): "a literal strftime expression",
    ("desktop/core/team/changes.py", "table"):
        "a name from tables.SHARED, or of a change whose table is in it",
    ("desktop/core/team/changes.py", "SHARED"): "as above",
    ("desktop/core/team/changes.py", "change.name"): "as above",
    ("desktop/core/team/changes.py", "name"): "a column from pragma_table_info, quoted",
    ("desktop/core/team/changes.py", "kind"): "that column's declared type, as above",
    ("desktop/core/team/changes.py", "chr(34)"): "a double quote around such a column",
    ("desktop/core/team/changes.py", "key_columns(cols)"): "the key columns, as above",
    ("desktop/core/team/changes.py", "_where(keys)"): "'\"col\" = ?' of the key columns",
    ("desktop/core/team/apply.py", "table"):
        "a table named by PRAGMA foreign_key_check, or one of two literal FTS tables",
    ("desktop/core/team/conflicts.py", "table"):
        "a conflict's table, checked against the module's literal _KEYS/_LABELS first",
    ("desktop/core/team/conflicts.py", "_LABELS.get(table)"): "a literal column name",
    ("desktop/core/team/conflicts.py", "values"):
        "column names kept only if pragma_table_info lists them, quoted",
    ("desktop/core/team/conflicts.py", "list(values)"): "as above",
    ("desktop/core/team/conflicts.py", "chr(34)"): "a double quote around such a column",
    ("desktop/core/team/engine.py", "*(f'team_old_{t}' for t in SHARED)"):
        "step 0013's tables, named from tables.SHARED",
}


def _sources() -> list[Path]:
    return sorted(p for d in ("db", "desktop") for p in (ROOT / d).rglob("*.py"))


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


class _Checker:
    """Finds the parts of an expression that are not built from constants."""

    def __init__(self, tree: ast.Module) -> None:
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.tree = tree

    def scope_of(self, node: ast.AST) -> ast.AST:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                return node
        return self.tree

    def assignments(self, name: str, scope: ast.AST) -> list[ast.AST] | None:
        """The values assigned to `name` in `scope`; None when one is not analysable."""
        values: list[ast.AST] = []
        if scope is self.tree:
            # Module constants: top-level statements only, not other functions' locals.
            nodes = [n for stmt in self.tree.body if not isinstance(
                stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
                for n in ast.walk(stmt)]
        else:
            nodes = list(ast.walk(scope))
        for node in nodes:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == name:
                        values.append(node.value)
                    elif isinstance(target, ast.Tuple) and any(
                            isinstance(e, ast.Name) and e.id == name for e in target.elts):
                        return None  # unpacked from something: cannot tell
            elif isinstance(node, ast.AugAssign | ast.AnnAssign) and isinstance(
                    node.target, ast.Name) and node.target.id == name:
                if node.value is not None:
                    values.append(node.value)
            elif isinstance(node, ast.For | ast.comprehension) and isinstance(
                    node.target, ast.Name) and node.target.id == name:
                values.append(self._items(node.iter))
            elif isinstance(node, ast.arg) and node.arg == name:
                return None  # a parameter: whatever the caller passes
            elif isinstance(node, ast.ImportFrom | ast.Import) and any(
                    (a.asname or a.name) == name for a in node.names):
                return None  # defined in another module
        return values or None

    @staticmethod
    def _items(iterable: ast.AST) -> ast.AST:
        """What a loop variable over `iterable` may hold, as an expression to check."""
        if isinstance(iterable, ast.Subscript):  # a slice of a sequence: its items
            return iterable.value
        return iterable

    def _comprehension_source(self, node: ast.Name) -> ast.AST | None:
        parent = self.parents.get(node)
        while parent is not None and not isinstance(
                parent, ast.FunctionDef | ast.AsyncFunctionDef):
            if isinstance(parent, ast.GeneratorExp | ast.ListComp | ast.SetComp | ast.DictComp):
                for gen in parent.generators:
                    if isinstance(gen.target, ast.Name) and gen.target.id == node.id:
                        return self._items(gen.iter)
            parent = self.parents.get(parent)
        return None

    def unsafe(self, node: ast.AST, seen: frozenset[str] = frozenset()) -> list[ast.AST]:
        """The innermost pieces of `node` that are not built from constants (none: safe)."""
        if isinstance(node, ast.Constant):
            return []
        if isinstance(node, ast.JoinedStr):
            return [bad for v in node.values if isinstance(v, ast.FormattedValue)
                    for bad in self.unsafe(v.value, seen)]
        if isinstance(node, ast.Tuple | ast.List):
            return [bad for e in node.elts for bad in self.unsafe(e, seen)]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and (
                _is_str(node.left) or _is_str(node.right)):
            return []  # "?" * n
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.unsafe(node.left, seen) + self.unsafe(node.right, seen)
        if isinstance(node, ast.IfExp):
            return self.unsafe(node.body, seen) + self.unsafe(node.orelse, seen)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
                node.func.id in ("int", "len")):
            return []
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "join" and _is_str(node.func.value) and node.args):
            arg = node.args[0]
            if isinstance(arg, ast.GeneratorExp | ast.ListComp):
                return self.unsafe(arg.elt, seen)
            return self.unsafe(arg, seen)
        if isinstance(node, ast.Name):
            if node.id in seen:
                return []  # a loop in the assignments adds nothing new
            source = self._comprehension_source(node)
            if source is not None:
                return self.unsafe(source, seen | {node.id})
            scope = self.scope_of(node)
            values = self.assignments(node.id, scope)
            if values is None and scope is not self.tree:
                values = self.assignments(node.id, self.tree)  # a module constant
            if values is None:
                return [node]
            return [bad for v in values for bad in self.unsafe(v, seen | {node.id})]
        return [node]

def _sql_text(node: ast.AST) -> str:
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if _is_str(v))
    return node.value if _is_str(node) else ""


@functools.cache
def _findings() -> list[tuple[str, int, str]]:
    found: list[tuple[str, int, str]] = []
    for path in _sources():
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        checker = _Checker(tree)

        def flag(parts: list[ast.AST], line: int, rel: str = rel, checker=checker) -> None:
            for part in parts:
                found.extend((rel, line, ast.unparse(bad)) for bad in checker.unsafe(part))

        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and SQL_WORDS.search(_sql_text(node)):
                flag([v.value for v in node.values if isinstance(v, ast.FormattedValue)],
                     node.lineno)
            elif (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod)
                  and SQL_WORDS.search(_sql_text(node.left))):
                flag([node.right], node.lineno)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr == "format" and SQL_WORDS.search(_sql_text(node.func.value)):
                    flag([*node.args, *(k.value for k in node.keywords)], node.lineno)
                elif node.func.attr in EXECUTE and node.args:
                    first = node.args[0]
                    if isinstance(first, ast.BinOp) and isinstance(first.op, ast.Add):
                        flag([first.left, first.right], node.lineno)
                    elif isinstance(first, ast.Name):
                        flag([first], node.lineno)
    return found


def test_no_value_is_pasted_into_sql() -> None:
    unexplained = sorted({f"{f}:{line}: {expr}" for f, line, expr in _findings()
                          if (f, expr) not in ALLOWED})
    assert not unexplained, "SQL built from non-constant pieces:\n" + "\n".join(unexplained)


def test_every_allowed_entry_is_still_needed() -> None:
    used = {(f, expr) for f, _, expr in _findings()}
    stale = sorted(set(ALLOWED) - used)
    assert not stale, f"remove these from ALLOWED: {stale}"


def test_the_check_catches_pasted_values() -> None:
    # Guards against a checker that accepts everything.
    bad = ast.parse(
        "def f(db, name, ids):\n"
        "    db.execute(f\"SELECT * FROM t WHERE name = '{name}'\")\n"
        "    db.execute(\"SELECT * FROM t WHERE name = '%s'\" % name)\n"
        "    db.execute(\"SELECT * FROM t WHERE id = {}\".format(ids[0]))\n"
        "    db.execute(\"SELECT * FROM t WHERE name = '\" + name + \"'\")\n"
        "    sql = f'DELETE FROM t WHERE id IN ({\",\".join(str(i) for i in ids)})'\n"
        "    db.execute(sql)\n"
    )
    good = ast.parse(
        "def g(db, ids):\n"
        "    marks = ','.join('?' * len(ids))\n"
        "    for table in ('a', 'b'):\n"
        "        db.execute(f'DELETE FROM {table} WHERE id IN ({marks})', ids)\n"
    )
    bad_checker, good_checker = _Checker(bad), _Checker(good)
    bad_fstrings = [n for n in ast.walk(bad) if isinstance(n, ast.JoinedStr)]
    assert all(
        any(bad_checker.unsafe(v.value) for v in n.values if isinstance(v, ast.FormattedValue))
        for n in bad_fstrings
    )
    concat = next(n for n in ast.walk(bad) if isinstance(n, ast.BinOp)
                  and isinstance(n.op, ast.Add))
    assert bad_checker.unsafe(concat)
    mod = next(n for n in ast.walk(bad) if isinstance(n, ast.BinOp)
               and isinstance(n.op, ast.Mod))
    assert bad_checker.unsafe(mod.right)
    good_fstring = next(n for n in ast.walk(good) if isinstance(n, ast.JoinedStr))
    assert not any(good_checker.unsafe(v.value) for v in good_fstring.values
                   if isinstance(v, ast.FormattedValue))


def test_the_scan_sees_the_sources() -> None:
    assert len(_sources()) > 20
    assert any(p.name == "search.py" for p in _sources())
