"""Tags in the annotation editor are separated as everywhere else in Yandu: by commas
(also full-width), the enumeration comma 、 and semicolons; completion follows each."""

from __future__ import annotations

import pytest

from desktop.ui.annotation_editor import AnnotationEditor, AnnotationValues, split_tags

pytestmark = pytest.mark.ui


def test_every_separator_of_the_core_separates_tags() -> None:
    from desktop.core.annotations import clean_tags

    typed = "相声、郭德纲；笑话;comedy，talk, 相声"
    assert split_tags(typed) == ("相声", "郭德纲", "笑话", "comedy", "talk")
    assert split_tags(typed) == clean_tags([typed])


@pytest.mark.parametrize(("before", "completed"), [
    ("相声、", "相声、crosstalk"), ("相声，", "相声，crosstalk"), ("相声；", "相声；crosstalk"),
    ("相声, ", "相声, crosstalk"), ("相声;", "相声; crosstalk"), ("", "crosstalk")])
def test_the_tag_after_any_separator_is_completed(qtbot, before, completed) -> None:
    editor = AnnotationEditor("引文", AnnotationValues("", (), "#ffd54f"),
                              ["crosstalk", "comedy", "相声"])
    qtbot.addWidget(editor)
    editor.show()
    field = editor.tags
    field.setText(before + "cro")
    completer = field.completer()
    completer.setCompletionPrefix(field.text())  # as the field does on each key
    assert completer.splitPath(field.text()) == ["cro"]
    assert completer.completionCount() == 1
    chosen = completer.completionModel().index(0, 0)
    assert completer.pathFromIndex(chosen) == completed
    assert split_tags(completer.pathFromIndex(chosen))[-1] == "crosstalk"
    editor.reject()
    if editor.discard_prompt is not None:
        editor.discard_prompt.done(0)
