"""The Analysis view beside reading and compare: speakers, distinctive words, the
concordance, glossary terms and tags, in tables and charts (Qt Charts, loaded only when
the view is first opened)."""
