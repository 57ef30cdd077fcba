"""The window's annotation work: create, edit and delete through undoable commands."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from db import annotations as annotation_rows
from db.annotations import Annotation
from desktop.core.errors import YanduError

if TYPE_CHECKING:  # the editor (a dialog) loads when first opened
    from desktop.ui.annotation_editor import AnnotationEditor, AnnotationValues


class AnnotationsMixin:
    """Annotation actions of MainWindow (which provides db, view, docks and run_command)."""

    editor: AnnotationEditor | None = None

    def refresh_annotations(self) -> None:
        """Reload the open document's annotations into the highlights and the panel."""
        if self.document_id is None:
            self.annotations = []
        else:
            self.annotations = annotation_rows.for_document(self.db, self.document_id)
        self.annotation_layer.set_annotations(self.annotations)
        if self.annotation_layer.current_id not in {a.id for a in self.annotations}:
            self.annotation_layer.current_id = None
        self.view.refresh_decorations()
        self._annotation_starts = [a.start for a in self.annotations]
        self._longest_annotation = max((a.end - a.start for a in self.annotations), default=0)
        names = {s.id: s.name for s in self.speakers}
        starts = [t.start for t in self.turns]
        rows = []
        for annotation in self.annotations:
            index = bisect.bisect_right(starts, annotation.start) - 1
            speaker_id = self.turns[index].speaker_id if index >= 0 else None
            rows.append((annotation, names.get(speaker_id, "")))
        self.annotations_dock.set_annotations(rows)
        self.annotations_dock.select(self.annotation_layer.current_id)

    def speaker_name_at(self, offset: int) -> str:
        """The speaker of the turn holding document offset `offset` ('' for narration)."""
        starts = [t.start for t in self.turns]
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return ""
        speaker_id = self.turns[index].speaker_id
        return next((s.name for s in self.speakers if s.id == speaker_id), "")

    def known_tags(self) -> list[str]:
        """Every tag of the study, for completion."""
        return [name for name, _count in annotation_rows.all_tags(self.db)]

    def annotations_at(self, offset: int) -> list[Annotation]:
        """The annotations covering document offset `offset` (bisect, then a short scan)."""
        starts = getattr(self, "_annotation_starts", [])
        index = bisect.bisect_right(starts, offset) - 1
        found = []
        while index >= 0 and starts[index] >= offset - self._longest_annotation:
            annotation = self.annotations[index]
            if annotation.start <= offset < annotation.end:
                found.append(annotation)
            index -= 1
        return found

    def annotation_by_id(self, annotation_id: str | None) -> Annotation | None:
        """One of the open document's annotations."""
        return next((a for a in self.annotations if a.id == annotation_id), None)

    def current_annotation(self) -> Annotation | None:
        """The annotation the user means: the panel's selection when it has the focus,
        else the innermost one under the text cursor."""
        focus = QApplication.focusWidget()
        if focus is self.annotations_dock.list:
            return self.annotation_by_id(self.annotations_dock.current_id())
        cursor = self.view.textCursor()
        position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        offset = self.view.offsets.qt_to_doc(position)
        if offset is None:
            return self.annotation_by_id(self.annotation_layer.current_id)
        under = [a for a in self.annotations if a.start <= offset < a.end
                 or (a.end == offset and not cursor.hasSelection() and a.start < offset)]
        if under:
            return min(under, key=lambda a: a.end - a.start)
        return self.annotation_by_id(self.annotation_layer.current_id)

    def _open_editor(self, quote: str, values: AnnotationValues, on_save, *,
                     is_new: bool, saved: AnnotationValues | None = None) -> None:
        if self.editor is not None:
            self.editor.close()
        from desktop.ui.annotation_editor import AnnotationEditor

        editor = AnnotationEditor(quote, values, self.known_tags(), self, is_new=is_new,
                                  saved=saved)
        self.editor = editor

        def accepted() -> None:
            on_save(editor.values())

        def finished(_result: int) -> None:
            if self.editor is editor:
                self.editor = None
            editor.deleteLater()
            self.view.setFocus()

        editor.accepted.connect(accepted)
        editor.finished.connect(finished)
        editor.open()

    def annotate_selection(self) -> None:
        """Open the editor for a new annotation on the selected text."""
        if self.document_id is None:
            return
        if self.stack.currentIndex() != 0:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Switch to the reading view to annotate."),
                                         5000)
            return
        selected = self.view.selected_range()
        if selected is None:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Select some text of a turn first (Shift+arrows or the mouse)."), 5000)
            return
        start, end = selected
        document_id = self.document_id
        from desktop.core.annotations import DEFAULT_COLOUR
        from desktop.ui.annotation_editor import AnnotationValues

        colour = str(self.settings.value("annotations/last_colour", DEFAULT_COLOUR))
        self._open_editor(self.view_text(start, end), AnnotationValues("", (), colour),
                          lambda values: self._create(document_id, start, end, values),
                          is_new=True)

    def _create(self, document_id: int, start: int, end: int, values) -> None:
        """Store a new annotation on text[start:end] of the document with these values."""
        # The core's annotation module pulls in the segmenter; load it when first needed.
        from desktop.core.annotations import CreateAnnotation, new_annotation

        try:
            annotation = new_annotation(self.db, document_id, start, end, note=values.note,
                                        tags=values.tags, colour=values.colour)
        except YanduError as exc:
            self.show_error(str(exc))
            return
        self.settings.setValue("annotations/last_colour", values.colour)
        self.annotation_layer.current_id = annotation.id
        if not self.run_command(CreateAnnotation(annotation)):
            # Not saved (the study busy with an import, the disk full...): what was typed
            # comes back in the editor, to save again.
            self._create_again(document_id, start, end, annotation.quote, values)

    def _create_again(self, document_id: int, start: int, end: int, quote: str,
                      values) -> None:
        from desktop.ui.annotation_editor import AnnotationValues

        self._open_editor(quote, values, lambda v: self._create(document_id, start, end, v),
                          is_new=True, saved=AnnotationValues("", (), values.colour))

    def view_text(self, start: int, end: int) -> str:
        """The document text between two offsets."""
        row = self.db.execute("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                              [start + 1, end - start, self.document_id]).fetchone()
        return row[0] if row else ""

    def edit_annotation(self) -> None:
        """Open the editor on the current annotation."""
        annotation = self.current_annotation()
        if annotation is None:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "No annotation here to edit."), 5000)
            return
        from desktop.ui.annotation_editor import AnnotationValues

        self._edit(annotation,
                   AnnotationValues(annotation.note, annotation.tags, annotation.colour))

    def _edit(self, annotation: Annotation, values) -> None:
        """The editor on `annotation`, showing `values`; saving changes it to them."""
        from desktop.core.annotations import EditAnnotation
        from desktop.ui.annotation_editor import AnnotationValues

        def save(new_values) -> None:
            command = EditAnnotation.of(annotation, note=new_values.note, tags=new_values.tags,
                                        colour=new_values.colour)
            if command.changes_anything:
                self.annotation_layer.current_id = annotation.id
                if not self.run_command(command):
                    self._edit_again(annotation, new_values)

        saved = AnnotationValues(annotation.note, annotation.tags, annotation.colour)
        self._open_editor(annotation.quote, values, save, is_new=False, saved=saved)

    def _edit_again(self, annotation: Annotation, values) -> None:
        """Give the user's text back in an editor when a save failed: on the newer version
        when another window or program changed (or deleted) the annotation meanwhile."""
        self.refresh_annotations()
        current = self.annotation_by_id(annotation.id)
        if current == annotation:
            self._edit(annotation, values)  # failed for another reason, already told
            return
        if current is None:
            self._create_again(annotation.document_id, annotation.start, annotation.end,
                               annotation.quote, values)
        else:
            self._edit(current, values)
        self.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "Your text is back in the editor: saving it replaces the other "
            "version."), 10000)

    def delete_annotation(self) -> None:
        """Delete the current annotation (Undo brings it back)."""
        annotation = self.current_annotation()
        if annotation is None:
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "No annotation here to delete."), 5000)
            return
        from desktop.core.annotations import DeleteAnnotation

        if self.run_command(DeleteAnnotation(annotation)):
            self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Annotation deleted; Undo brings it back."),
                                         5000)

    def jump_to_annotation(self, annotation_id: str) -> None:
        """Show an annotation in the reading view, its passage selected."""
        annotation = self.annotation_by_id(annotation_id)
        if annotation is None:
            return
        self.jumps.record(self.here())
        self.show_reading()
        self._reveal(annotation.start)
        self.annotation_layer.current_id = annotation.id
        self.view.refresh_decorations()
        self.view.scroll_to_offset(annotation.start, select_to=annotation.end)
        self.annotations_dock.select(annotation.id)

    def _follow_cursor_annotation(self) -> None:
        cursor = self.view.textCursor()
        offset = self.view.offsets.qt_to_doc(cursor.position())
        if offset is None or cursor.hasSelection():
            return
        under = self.annotations_at(offset)
        current = min(under, key=lambda a: a.end - a.start).id if under else None
        if current != self.annotation_layer.current_id and current is not None:
            self.annotation_layer.current_id = current
            self.view.refresh_decorations()
            self.annotations_dock.select(current)

    def step_annotation(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) annotation in the transcript."""
        if not self.annotations:
            return
        cursor = self.view.textCursor()
        offset = self.view.offsets.qt_to_doc(cursor.selectionStart()) or 0
        ordered = [a for a in self.annotations if self._shown(a.start)] or self.annotations
        if direction > 0:
            target = next((a for a in ordered if a.start > offset), ordered[0])
        else:
            target = next((a for a in reversed(ordered) if a.start < offset), ordered[-1])
        self.annotation_layer.current_id = target.id
        self.view.refresh_decorations()
        self.view.scroll_to_offset(target.start, select_to=target.end)
        self.annotations_dock.select(target.id)

    def _shown(self, offset: int) -> bool:
        index = self.view.turn_at_offset(offset)
        return index >= 0 and self.view.turn_shown(index)

    def _reveal(self, offset: int) -> None:
        """Make the turn holding `offset` visible if the filter hides it (whether or not
        the view has written that turn yet)."""
        index = self.view.turn_at_offset(offset)
        if index < 0 or self.view.turn_shown(index):
            return
        speaker_id = self.turns[index].speaker_id
        if speaker_id is None:
            self.set_filter(self.view.hidden_speakers, True)
            shown = QCoreApplication.translate("MainWindow", "Narration is shown again, to reach this place.")
        else:
            self.set_filter(self.view.hidden_speakers - {speaker_id}, self.view.show_narration)
            name = next((s.name for s in self.speakers if s.id == speaker_id), "")
            shown = QCoreApplication.translate(
                "MainWindow", "%1 is shown again, to reach this place.").replace("%1", name)
        # Said after the jump's own messages, so it is the one that stays.
        QTimer.singleShot(0, self, lambda: self.statusBar().showMessage(shown, 8000))
