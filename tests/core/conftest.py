"""Fixtures shared by the core tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def plain_dictionary():
    """Cut text with jieba's own dictionary: an import elsewhere in the run may have taught
    the segmenter a study's glossary words (算力 among them), which some tests rule out."""
    from desktop.core import segment

    taught = segment.custom_words()
    segment.remove_words(taught)
    yield
    segment.add_words(taught)
