"""Reading progress: turns read, the first unread turn, read/annotated/reviewed."""

from __future__ import annotations

from desktop.core import library
from desktop.core.annotations import CreateAnnotation, new_annotation
from desktop.core.commands import History
from desktop.core.importing import bundled_sample_path, import_file
from desktop.core.review import deck, progress, schedule


def test_progress_of_the_sample(memory_db):
    doc = import_file(memory_db, bundled_sample_path()).document_id
    turns = library.turns(memory_db, doc)
    assert progress.first_unread(memory_db, doc).id == turns[0].id
    assert progress.mark_read(memory_db, doc, [t.id for t in turns[:3]]) == 3
    assert progress.mark_read(memory_db, doc, [turns[2].id, turns[3].id]) == 1
    assert progress.first_unread(memory_db, doc).id == turns[4].id
    start = turns[6].text_start
    History(memory_db).run(CreateAnnotation(new_annotation(memory_db, doc, start, start + 5,
                                                           note="要点")))
    deck.sync(memory_db)
    who = next(c for c in deck.cards(memory_db) if c.content.kind == "who")
    schedule.grade(memory_db, who.id, 3)
    found = progress.document_progress(memory_db, doc)
    assert (found.turns, found.read, found.annotated) == (len(turns), 4, 1)
    assert found.reviewed == 1 and found.cards >= 15 and found.due == found.cards - 1
    assert found.read_percent == round(400 / len(turns))
    progress.mark_read(memory_db, doc, [t.id for t in turns])
    assert progress.first_unread(memory_db, doc) is None
