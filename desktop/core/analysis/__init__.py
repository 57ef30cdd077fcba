"""Who says what, in numbers: speaker statistics, distinctive words (keyness), the
concordance, glossary terms by speaker and document, and tags by speaker and document.

Every figure is computed from the study through `desktop.core` (words through `segment`,
matches through `search`, terms through the glossary's matcher) and returned as plain
values that the command line prints and the window's Analysis view draws.

- `stats`: turns, characters, words, share of the talk, per section, talk time
- `keyness`: log-likelihood (Dunning) of each word of one speaker against the others
- `concordance`: keyword-in-context lines of a search, sortable by words either side
- `terms`: glossary term frequencies by speaker and document; dispersion
- `tags`: tag × speaker, tag co-occurrence, tags by document, each cell's annotations
- `tables`: a table as CSV or Markdown text
"""
