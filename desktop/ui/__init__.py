"""Yandu's window: the only package that imports Qt (PySide6).

- app.py: `run_app(args)` — display check, translation, study, first start, window.
- session.py: `Session`, the open study (connection, undo history, watcher of other
  programs' writes) and the open document; every edit runs through `Session.run`, and
  its signals say what changed.
- controllers/: one per concern (reading and compare views, speaker filter, navigation,
  annotations, speakers, search, import, glossary marks and edits, term lists), each
  given the session and the widgets it drives.
- main_window.py: assembles menus (window_menus.py), toolbar, panels (docks/) and
  controllers; window_layout.py keeps the layout.
- transcript_view.py: the reading view (QPlainTextEdit, written progressively by
  transcript_build.py, filtered by transcript_filter.py, decorated by the layers of
  transcript_layers.py); offsets.py converts code points <-> Qt's UTF-16 positions.
- actions.py: the one action registry (ids, texts, default keys, README table).
- tasks.py: work on QThreadPool (`Session.run_in_background` gives it a connection).
"""
