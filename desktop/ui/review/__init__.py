"""Studying in the window: the review dialog, due counts and reading progress.

`ReviewController(window)` wires it all to a main window: Study > Review cards (R) and
Continue where I left off (L), the due count in the status bar, a progress line under each
document, and the reading tracker that marks turns read.
"""
