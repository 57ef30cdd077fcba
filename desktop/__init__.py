"""Yandu (研读): study and annotate transcripts, with Chinese as a first-class language."""

__version__ = "0.1.0"
