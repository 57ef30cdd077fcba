"""Yandu's window: the only package that imports Qt (PySide6).

- app.py: `run_app(args)` — display check, translation, study, first start, window.
- main_window.py (+ window_*.py mixins): the window; edits go through
  `MainWindow.run_command(command)` (undoable, refreshes from the returned Changes).
- transcript_view.py: the reading view (QPlainTextEdit, block-hiding filter, offset map);
  offsets.py converts code points <-> Qt's UTF-16 positions.
- actions.py: the one action registry (ids, texts, default keys, README table).
- compare_view.py, annotation_editor.py, docks/, tasks.py (QThreadPool work), i18n.py.

Adding to the window without editing it:
- a layer over the text (e.g. glossary underlines): an object with `selections(view)` and
  `tooltip(view, offset)` passed to `window.view.add_layer(layer)`; draw only inside
  `view.visible_range()` and build selections with `decorations.make_selections`;
- a panel: `window.add_dock(dock, area)` (give the dock an objectName);
- a menu: `window.menu("&Glossary")`; an action: add an `ActionId` member and an `ActionSpec`
  to actions.SPECS (its menu may be a new one), then connect `window.actions[id].triggered`;
- refresh on edits: `window.changes_applied` (a Changes) and `window.document_opened` (id).
"""
