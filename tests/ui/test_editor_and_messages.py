"""Small window messages and the annotation editor: counts, discard prompt, tab order."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from desktop.ui.i18n import install_translator

pytestmark = pytest.mark.ui


def _hits(count: int) -> list[SimpleNamespace]:
    return [SimpleNamespace(snippet=f"第{i}段", snippet_matches=[]) for i in range(count)]


def test_search_count_says_one_result_and_many_results(qtbot) -> None:
    from desktop.ui.docks.search import SearchDock

    dock = SearchDock()
    qtbot.addWidget(dock)
    dock.field.setText("算力")
    shown = {}
    for count in (0, 1, 2, 7):
        dock.set_hits(_hits(count), lambda hit: "Turn")
        shown[count] = dock.status.text()
    assert shown == {0: "0 results", 1: "1 result", 2: "2 results", 7: "7 results"}
    try:
        assert install_translator("zh_CN")
        for count in (1, 7):
            dock.set_hits(_hits(count), lambda hit: "Turn")
            shown[count] = dock.status.text()
    finally:
        install_translator("en")
    assert shown[1] == "1 条结果" and shown[7] == "7 条结果"
