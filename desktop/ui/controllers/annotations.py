"""Annotations in the window: highlights and the panel kept in step with the study; create,
edit and delete through undoable commands, in an editor that gives back what was typed
when a save fails."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from db.annotations import Annotation
from desktop.core.errors import YanduError
from desktop.ui.controllers.navigation import Navigator
from desktop.ui.controllers.reading import ReadingController
from desktop.ui.decorations import AnnotationLayer
from desktop.ui.docks.annotations import AnnotationsDock
from desktop.ui.feedback import Feedback
from desktop.ui.i18n import labels_language
from desktop.ui.session import Session

if TYPE_CHECKING:  # the editor (a dialog) loads when first opened
    from desktop.ui.annotation_editor import AnnotationEditor, AnnotationValues



class AnnotationsController(QObject):
    """The open document's annotations: drawn, listed, followed by the cursor, edited."""

    def __init__(self, session: Session, reading: ReadingController, navigator: Navigator,
                 layer: AnnotationLayer, dock: AnnotationsDock, settings: QSettings,
                 feedback: Feedback, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.session, self.reading, self.navigator = session, reading, navigator
        self.view = reading.view
        self.layer, self.dock, self.settings = layer, dock, settings
        self.feedback, self.dialog_parent = feedback, dialog_parent
        self.editor: AnnotationEditor | None = None
        session.document_opened.connect(lambda _id: self.refresh())
        session.annotations_reloaded.connect(self.refresh)
        dock.annotation_activated.connect(self.jump_to)
        self.view.cursorPositionChanged.connect(self._follow_cursor)

    def refresh(self) -> None:
        """Show the session's annotations in the highlights and the panel."""
        annotations = self.session.annotations
        self.layer.set_annotations(annotations)
        if self.session.annotation(self.layer.current_id) is None:
            self.layer.current_id = None
        self.view.refresh_decorations()
        language = labels_language(self.session.settings.value("language") or None)
        self.dock.set_annotations([
            (a, *self.session.place_of(a.start), self._reference(a, language))
            for a in annotations])
        self.dock.select(self.layer.current_id)

    def _reference(self, annotation: Annotation, language: str) -> str:
        """Where the quote is in the record (page, line, time); '' when only the turn says."""
        citation = self.session.cite(annotation.start, annotation.end)
        return dataclasses.replace(citation, turn_number=None).text(language)

    def current(self) -> Annotation | None:
        """The annotation the user means: the panel's selection when it has the focus,
        else the innermost one under the text cursor (or ending at it)."""
        session = self.session
        if QApplication.focusWidget() is self.dock.list:
            return session.annotation(self.dock.current_id())
        cursor = self.view.textCursor()
        position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        offset = self.view.offsets.qt_to_doc(position)
        if offset is None:
            return session.annotation(self.layer.current_id)
        under = [a for a in session.annotations if a.start <= offset < a.end
                 or (a.end == offset and not cursor.hasSelection() and a.start < offset)]
        if under:
            return min(under, key=lambda a: a.end - a.start)
        return session.annotation(self.layer.current_id)

    def _select(self, annotation: Annotation) -> None:
        self.layer.current_id = annotation.id
        self.view.refresh_decorations()
        self.dock.select(annotation.id)

    # ---- the editor -------------------------------------------------------------------

    def _open_editor(self, quote: str, values: AnnotationValues, on_save, *,
                     is_new: bool, saved: AnnotationValues | None = None) -> None:
        if self.editor is not None:
            self.editor.close()
        from desktop.ui.annotation_editor import AnnotationEditor

        editor = AnnotationEditor(quote, values, self.session.known_tags(),
                                  self.dialog_parent, is_new=is_new, saved=saved)
        self.editor = editor

        def finished(_result: int) -> None:
            if self.editor is editor:
                self.editor = None
            editor.deleteLater()
            self.view.setFocus()

        editor.accepted.connect(lambda: on_save(editor.values()))
        editor.finished.connect(finished)
        editor.open()

    def annotate_selection(self) -> None:
        """Open the editor for a new annotation on the selected text."""
        if self.session.document_id is None:
            return
        if self.reading.showing_compare:
            self.feedback.status(QCoreApplication.translate("MainWindow", "Switch to the reading view to annotate."), 5000)
            return
        selected = self.view.selected_range()
        if selected is None:
            self.feedback.status(
                QCoreApplication.translate("MainWindow", "Select some text of a turn first (Shift+arrows or the mouse)."), 5000)
            return
        start, end = selected
        document_id = self.session.document_id
        from desktop.core.annotations import DEFAULT_COLOUR
        from desktop.ui.annotation_editor import AnnotationValues

        colour = str(self.settings.value("annotations/last_colour", DEFAULT_COLOUR))
        self._open_editor(self.session.text(start, end), AnnotationValues("", (), colour),
                          lambda values: self._create(document_id, start, end, values),
                          is_new=True)

    def _create(self, document_id: int, start: int, end: int, values) -> None:
        """Store a new annotation on text[start:end] of the document with these values."""
        # The core's annotation module pulls in the segmenter; load it when first needed.
        from desktop.core.annotations import CreateAnnotation, new_annotation

        try:
            annotation = new_annotation(self.session.db, document_id, start, end,
                                        note=values.note, tags=values.tags,
                                        colour=values.colour)
        except YanduError as exc:
            self.feedback.error(str(exc))
            return
        self.settings.setValue("annotations/last_colour", values.colour)
        self.layer.current_id = annotation.id
        if not self.session.run(CreateAnnotation(annotation)):
            # Not saved (the study busy with an import, the disk full...): what was typed
            # comes back in the editor, to save again.
            self._create_again(document_id, start, end, annotation.quote, values)

    def _create_again(self, document_id: int, start: int, end: int, quote: str,
                      values) -> None:
        from desktop.ui.annotation_editor import AnnotationValues

        self._open_editor(quote, values, lambda v: self._create(document_id, start, end, v),
                          is_new=True, saved=AnnotationValues("", (), values.colour))

    def edit_current(self) -> None:
        """Open the editor on the current annotation."""
        annotation = self.current()
        if annotation is None:
            self.feedback.status(QCoreApplication.translate("MainWindow", "No annotation here to edit."), 5000)
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
                self.layer.current_id = annotation.id
                if not self.session.run(command):
                    self._edit_again(annotation, new_values)

        saved = AnnotationValues(annotation.note, annotation.tags, annotation.colour)
        self._open_editor(annotation.quote, values, save, is_new=False, saved=saved)

    def _edit_again(self, annotation: Annotation, values) -> None:
        """Give the user's text back in an editor when a save failed: on the newer version
        when another window or program changed (or deleted) the annotation meanwhile."""
        self.session.reload_annotations()
        current = self.session.annotation(annotation.id)
        if current == annotation:
            self._edit(annotation, values)  # failed for another reason, already told
            return
        if current is None:
            self._create_again(annotation.document_id, annotation.start, annotation.end,
                               annotation.quote, values)
        else:
            self._edit(current, values)
        self.feedback.status(QCoreApplication.translate("MainWindow", "Your text is back in the editor: saving it replaces the "
                                 "other version."), 10000)

    def delete_current(self) -> None:
        """Delete the current annotation (Undo brings it back)."""
        annotation = self.current()
        if annotation is None:
            self.feedback.status(QCoreApplication.translate("MainWindow", "No annotation here to delete."), 5000)
            return
        from desktop.core.annotations import DeleteAnnotation

        if self.session.run(DeleteAnnotation(annotation)):
            self.feedback.status(QCoreApplication.translate("MainWindow", "Annotation deleted; Undo brings it back."), 5000)

    # ---- moving between annotations -------------------------------------------------------

    def jump_to(self, annotation_id: str) -> None:
        """Show an annotation in the reading view, its passage selected."""
        annotation = self.session.annotation(annotation_id)
        if annotation is None:
            return
        self.layer.current_id = annotation.id
        self.navigator.go_to(annotation.document_id, annotation.start, annotation.end)
        self._select(annotation)

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) annotation among the turns shown."""
        annotations = self.session.annotations
        if not annotations:
            return
        cursor = self.view.textCursor()
        offset = self.view.offsets.qt_to_doc(cursor.selectionStart()) or 0
        ordered = [a for a in annotations if self._shown(a.start)] or annotations
        if direction > 0:
            target = next((a for a in ordered if a.start > offset), ordered[0])
        else:
            target = next((a for a in reversed(ordered) if a.start < offset), ordered[-1])
        self._select(target)
        self.view.scroll_to_offset(target.start, select_to=target.end)

    def _shown(self, offset: int) -> bool:
        index = self.view.turn_at_offset(offset)
        return index >= 0 and self.view.turn_shown(index)

    def _follow_cursor(self) -> None:
        cursor = self.view.textCursor()
        offset = self.view.offsets.qt_to_doc(cursor.position())
        if offset is None or cursor.hasSelection():
            return
        under = self.layer.at(offset)
        if under:
            current = min(under, key=lambda a: a.end - a.start)
            if current.id != self.layer.current_id:
                self._select(current)
