"""The recording beside the transcript: a panel that plays it, the text following it, and
the keys of transcription software. `install(window)` adds it to the main window."""
