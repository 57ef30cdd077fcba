"""The interface in Simplified Chinese, and the switch back to English."""

from __future__ import annotations

import pytest

from desktop.ui.actions import ActionId
from desktop.ui.i18n import choose_language, install_translator, translations_folder

pytestmark = pytest.mark.ui


def test_the_compiled_translation_ships_beside_its_source() -> None:
    folder = translations_folder()
    assert (folder / "yandu_zh_CN.qm").stat().st_size > 1000
    assert (folder / "yandu_zh_CN.ts").exists()
    # Nothing left untranslated in the source either.
    assert 'type="unfinished"' not in (folder / "yandu_zh_CN.ts").read_text(encoding="utf-8")


def test_language_setting_wins_over_the_locale() -> None:
    assert choose_language("zh_CN") == "zh_CN"
    assert choose_language("en") == "en"


def test_switching_the_interface_to_chinese_and_back(window, qtbot) -> None:
    from desktop.core.annotations import CreateAnnotation, new_annotation

    turn = window.session.turns[3]
    window.session.run(CreateAnnotation(new_annotation(
        window.session.db, window.session.document_id, turn.text_start, turn.text_start + 3)))
    window.search_dock.field.setText("算力")
    window.search_dock._emit_query()
    assert window.search_dock.status.text().startswith(f"{len(window.search.hits)} turns, ")
    try:
        window.actions[ActionId.LANGUAGE_CHINESE].trigger()
        # Qt posts the language change to every window.
        qtbot.waitUntil(lambda: window.actions[ActionId.ANNOTATE].text() == "批注所选文字(&A)…")
        assert window.actions[ActionId.UNDO].text() == "撤销“新建批注”(&U)"
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        toolbar = window.menus.toolbar
        # The toolbar shows plain labels, without the menus' access keys.
        assert toolbar.widgetForAction(window.actions[ActionId.IMPORT]).text() == "导入"
        assert toolbar.widgetForAction(window.actions[ActionId.FIND]).text() == "搜索"
        assert window.speakers_dock.windowTitle() == "发言人"
        assert window.count_label.text() == "显示 21 / 21 段发言"
        # The counts of a search made before the switch are said in the new language.
        assert "段发言" in window.search_dock.status.text()
        assert "问题 1" in window.view.toPlainText()
        assert window.settings.value("language") == "zh_CN"
        assert window.actions[ActionId.LANGUAGE_CHINESE].isChecked()
        from PySide6.QtWidgets import QDialogButtonBox

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        assert buttons.buttons()[0].text() == "保存"  # Qt's own strings follow too
    finally:
        window.actions[ActionId.LANGUAGE_ENGLISH].trigger()
    qtbot.waitUntil(lambda: window.actions[ActionId.ANNOTATE].text() == "&Annotate selection…")
    assert window.menuBar().actions()[0].text() == "&File"
    assert "Question 1" in window.view.toPlainText()
    assert not install_translator("en")


def test_every_undoable_step_has_a_name_to_translate() -> None:
    # The Edit menu says "Undo <name>" in the interface's language: each command's name
    # must be among those the translation file is made from.
    import dataclasses
    import inspect

    from desktop.core import annotations, speakers
    from desktop.core.glossary import commands
    from desktop.ui.undo_actions import COMMAND_NAMES

    names = set()
    for module in (annotations, speakers, commands):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__:
                continue
            if dataclasses.is_dataclass(cls):
                field = {f.name: f for f in dataclasses.fields(cls)}.get("text")
                if field is not None and isinstance(field.default, str):
                    names.add(field.default)
            elif isinstance(getattr(cls, "text", None), str):
                names.add(cls.text)
    assert len(names) >= 15
    assert names <= set(COMMAND_NAMES), names - set(COMMAND_NAMES)


def test_placeholders_are_filled_in_one_pass() -> None:
    from desktop.ui.i18n import fill

    assert fill("%1: %2", "Toggle", "Agent %1") == "Toggle: Agent %1"
    assert fill("%2 before %1", "a", "b") == "b before a"
    assert fill("100%1 and %3", "x") == "100x and %3"  # a missing value leaves its mark
