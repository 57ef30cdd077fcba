"""Studying to remember: the review deck, its FSRS schedule and log, and reading progress.

- content: what each card says, made from the study (glossary terms both ways,
  annotations as a gap or as quote → note, "who said this?" from headline answers and
  annotated quotes); the Anki export shares the term cards' content.
- deck: the cards kept in the study (`sync` follows edits and retires what was deleted),
  chosen by documents, tags and term categories (`Selection`).
- schedule: grading with FSRS (`grade`), what is due (`due_cards`, `due_count`); `fsrs`
  loads on the first grade, not at start-up.
- progress: turns read, first unread turn, and per-document read/annotated/reviewed.
"""
