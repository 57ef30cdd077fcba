"""Data shipped with Yandu: the sample transcript, the built-in glossary, translations."""
