"""The core and storage layers never import Qt (so they stay testable and scriptable)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def _python_files(*folders: str) -> list[Path]:
    return sorted(p for f in folders for p in (ROOT / f).rglob("*.py"))


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", _python_files("db", "desktop/core", "desktop/cli"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_qt_below_the_ui(path: Path) -> None:
    bad = {m for m in _imported_modules(path) if m.split(".")[0] in QT_MODULES}
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


@pytest.mark.parametrize("path", _python_files("db"), ids=lambda p: str(p.relative_to(ROOT)))
def test_db_does_not_reach_up(path: Path) -> None:
    bad = {m for m in _imported_modules(path) if m.split(".")[0] == "desktop"}
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_layering_check_sees_files() -> None:
    # Guards the test above against silently checking nothing after a move.
    assert len(_python_files("db")) >= 3
    assert len(_python_files("desktop/core")) >= 5


def test_only_segment_module_imports_jieba() -> None:
    users = [
        p.relative_to(ROOT).as_posix()
        for p in _python_files("db", "desktop")
        if any(m.split(".")[0] in ("jieba", "rjieba") for m in _imported_modules(p))
    ]
    assert users == ["desktop/core/segment.py"]


SQL_CALLS = ("execute", "executescript", "executemany", "query")


@pytest.mark.parametrize("path", _python_files("desktop/ui"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sql_in_the_ui(path: Path) -> None:
    # The window reads and writes the study through desktop/core and db, never by itself.
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    calls = [node.lineno for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
             and node.func.attr in SQL_CALLS]
    assert not calls, f"{path.relative_to(ROOT)} runs SQL on lines {calls}"


@pytest.mark.parametrize("path", _python_files("desktop/ui"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_ui_modules_stay_small_and_have_no_mixins(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= 400, f"{path.relative_to(ROOT)}: split it by concern"
    tree = ast.parse(source, filename=str(path))
    mixins = [node.name for node in ast.walk(tree)
              if isinstance(node, ast.ClassDef) and node.name.endswith("Mixin")]
    assert not mixins, f"{path.relative_to(ROOT)} defines {mixins}"
