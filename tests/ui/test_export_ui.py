"""File > Export, Print and PDF in the window: a background export, a PDF, a safe preview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.core.annotations import CreateAnnotation, new_annotation
from desktop.ui.actions import ActionId
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.print_notes import notes_html, write_pdf
from desktop.ui.tasks import running_tasks

pytestmark = pytest.mark.ui


@pytest.fixture(autouse=True)
def _settled(window, qtbot):
    """Let the window's own background work report before a test and before it closes.

    (pytest-qt closes the window before fixtures tear down, so the wait after the test
    has to happen inside it: `settle`.)
    """
    settle(qtbot)
    yield


def settle(qtbot) -> None:
    """Wait until no background task is left to report."""
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10000)


def _annotate(window, note: str, tags: tuple[str, ...] = ()) -> None:
    turn = window.session.turns[3]
    annotation = new_annotation(window.session.db, window.session.document_id, turn.text_start,
                                turn.text_start + 4, note=note, tags=tags)
    assert window.session.run(CreateAnnotation(annotation))


def test_ctrl_e_opens_the_dialog_and_exports_markdown_off_the_gui_thread(
        window, qtbot, tmp_path) -> None:
    _annotate(window, "出口测试 note about 算力", ("算力",))
    window.actions[ActionId.EXPORT].trigger()
    [dialog] = [w for w in QApplication.topLevelWidgets()
                if isinstance(w, ExportDialog) and w.isVisible()]
    assert dialog.format.count() == 6
    # The suggested file is named after the open document.
    assert dialog.path.text().endswith(".md")
    assert window.session.document_title.split()[0][:3] in dialog.path.text()
    out = tmp_path / "notes.md"
    dialog.path.setText(str(out))
    dialog.export_button.click()
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert out.is_file(), dialog.message.text()
    text = out.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    assert "出口测试 note about 算力" in text
    assert "#算力" in text
    assert str(out) in dialog.message.text()
    dialog.close()
    settle(qtbot)


def test_tag_filter_leaves_out_other_annotations(window, qtbot, tmp_path) -> None:
    _annotate(window, "kept note", ("keep",))
    turn = window.session.turns[6]
    other = new_annotation(window.session.db, window.session.document_id, turn.text_start,
                           turn.text_start + 3, note="dropped note", tags=("other",))
    assert window.session.run(CreateAnnotation(other))
    dialog = ExportDialog(window)
    dialog.tags.setText("keep")
    assert dialog.options().tags == ("keep",)
    out = tmp_path / "only-keep.md"
    dialog.path.setText(str(out))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    text = out.read_text(encoding="utf-8")
    assert "kept note" in text and "dropped note" not in text
    settle(qtbot)


def test_a_failed_export_says_so_in_one_line(window, qtbot, tmp_path) -> None:
    dialog = ExportDialog(window)
    dialog.path.setText(str(tmp_path / "no-such-folder" / "notes.md"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    message = dialog.message.text()
    assert "no-such-folder" in message and "\n" not in message
    assert "Traceback" not in message
    assert dialog.export_button.isEnabled()
    settle(qtbot)


def test_preview_escapes_script_and_loads_nothing(window, qtbot) -> None:
    _annotate(window, "<script>alert('x')</script> and [link](javascript:alert(1))")
    dialog = ExportDialog(window)
    dialog.update_preview()
    assert not dialog.preview.openLinks()
    html = dialog.preview.toHtml()
    plain = dialog.preview.toPlainText()
    assert "<script" not in html.lower()
    assert "javascript:" not in html.lower()
    # The note's own words stay, as text; the script and the live link do not.
    assert "and link" in plain
    assert "alert" not in plain

    assert dialog.preview.loadResource(
        int(QTextDocument.ResourceType.ImageResource), QUrl("https://example.com/x.png")) is None
    settle(qtbot)


def test_export_to_pdf_writes_a_pdf(window, qtbot, tmp_path) -> None:
    _annotate(window, "printed note")
    html = notes_html(window)
    assert "printed note" in html
    out = write_pdf(html, tmp_path / "notes.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 1000
    settle(qtbot)


def test_print_and_pdf_actions_are_in_the_file_menu(window, qtbot) -> None:
    file_menu = window.menu("&File")
    names = [a.objectName() for a in file_menu.actions()]
    for action_id in (ActionId.EXPORT, ActionId.PRINT, ActionId.EXPORT_PDF):
        assert action_id.value in names
    assert window.actions[ActionId.EXPORT].shortcut().toString() == "Ctrl+E"
    assert window.actions[ActionId.PRINT].shortcut().toString() == "Ctrl+P"
    settle(qtbot)


def test_each_format_previews_its_own_content_and_greys_out_what_it_ignores(
        window, qtbot, tmp_path) -> None:
    _annotate(window, "预览 note", ("算力",))
    dialog = ExportDialog(window)
    formats = [dialog.format.itemData(i) for i in range(dialog.format.count())]

    dialog.format.setCurrentIndex(formats.index("markdown"))
    dialog.update_preview()
    assert "预览 note" in dialog.preview.toPlainText()
    assert dialog.with_glossary.isEnabled() and dialog.with_transcript.isEnabled()

    dialog.format.setCurrentIndex(formats.index("csv"))
    dialog.update_preview()
    assert "1 row\n" in dialog.preview.toPlainText() and "预览 note" in dialog.preview.toPlainText()
    assert not dialog.with_glossary.isEnabled() and not dialog.with_transcript.isEnabled()
    assert dialog.tags.isEnabled() and dialog.speakers.isEnabled()

    # A REFI-QDA project previews as what it holds, not as the notes page.
    dialog.format.setCurrentIndex(formats.index("qdpx"))
    dialog.update_preview()
    shown = dialog.preview.toPlainText()
    spoken = sum(1 for t in window.session.turns if t.speaker_id is not None)
    assert (f"A REFI-QDA project: 1 source, {spoken + 1} selections (1 annotated, {spoken} of "
            f"speakers' turns), 4 cases, 1 code, 1 note.") in shown
    assert all(s.name in shown for s in window.session.speakers)  # a case each
    assert "算力" in shown and "预览 note" not in shown

    dialog.format.setCurrentIndex(formats.index("anki"))
    dialog.update_preview()
    assert "数据飞轮" in dialog.preview.toPlainText()  # a glossary term of the sample: a card
    assert "预览 note" not in dialog.preview.toPlainText()
    assert not dialog.tags.isEnabled() and dialog.this_document.isEnabled()

    dialog.format.setCurrentIndex(formats.index("markdown"))
    dialog.with_glossary.setChecked(False)
    assert dialog.options().with_glossary is False
    out = tmp_path / "no-glossary.md"
    dialog.path.setText(str(out))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    assert "预览 note" in out.read_text(encoding="utf-8")
    assert "数据飞轮" not in out.read_text(encoding="utf-8").split("预览 note")[1]
    dialog.close()
    settle(qtbot)


def _export_and_wait(dialog, qtbot) -> None:
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)


def test_the_extension_follows_the_format_and_a_file_is_replaced_only_when_asked(
        window, qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    _annotate(window, "扩展名 note", ("算力",))
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(parent, title, text, *args):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = ExportDialog(window)
    formats = [dialog.format.itemData(i) for i in range(dialog.format.count())]
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(tmp_path / "x.md"))  # typed by the user
    _export_and_wait(dialog, qtbot)
    markdown = (tmp_path / "x.md").read_text(encoding="utf-8")
    assert markdown.startswith("---\n") and asked == []

    dialog.format.setCurrentIndex(formats.index("html"))
    assert dialog.path.text() == str(tmp_path / "x.html")
    _export_and_wait(dialog, qtbot)
    assert (tmp_path / "x.md").read_text(encoding="utf-8") == markdown  # left alone
    assert (tmp_path / "x.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert asked == []

    # Exporting onto a file that exists asks first; No keeps it.
    (tmp_path / "x.html").write_text("mine", encoding="utf-8")
    _export_and_wait(dialog, qtbot)
    assert asked == [f"{tmp_path / 'x.html'} already exists. Replace it?"]
    assert (tmp_path / "x.html").read_text(encoding="utf-8") == "mine"
    assert "kept" in dialog.message.text()
    answer[0] = QMessageBox.StandardButton.Yes
    _export_and_wait(dialog, qtbot)
    assert len(asked) == 2
    assert "扩展名 note" in (tmp_path / "x.html").read_text(encoding="utf-8")

    # A name without an extension gets the format's; one the user chose stays.
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(tmp_path / "quotes"))
    dialog.format.setCurrentIndex(formats.index("csv"))
    assert dialog.path.text() == str(tmp_path / "quotes.csv")
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(tmp_path / "quotes.txt"))
    dialog.format.setCurrentIndex(formats.index("markdown"))
    assert dialog.path.text() == str(tmp_path / "quotes.txt")
    dialog.close()
    settle(qtbot)


def test_the_chinese_interface_names_formats_and_exports_in_chinese(window, qtbot) -> None:
    from desktop.core.export import FORMATS

    _annotate(window, "中文 note", ("算力",))
    try:
        window.set_language("zh_CN")
        dialog = ExportDialog(window)
        names = [dialog.format.itemText(i) for i in range(dialog.format.count())]
        assert names[:2] == ["Markdown 笔记", "HTML 网页"]
        assert not set(names) & {fmt.label for fmt in FORMATS.values()}
        assert dialog.options().language == "zh"
        dialog.update_preview()
        assert "标签: #算力" in dialog.preview.toPlainText()
        assert "Tags:" not in dialog.preview.toPlainText()
        assert "来源" in notes_html(window)  # printing follows too
        dialog.close()
    finally:
        window.set_language("en")
    dialog = ExportDialog(window)
    assert dialog.format.itemText(0) == "Markdown notes"
    assert dialog.options().language == "en"
    dialog.close()
    settle(qtbot)


def test_every_format_name_is_marked_for_translation() -> None:
    from desktop.core.export import FORMATS
    from desktop.ui.export_dialog import FORMAT_NAMES

    assert {fmt.label for fmt in FORMATS.values()} == set(FORMAT_NAMES)
