"""Speaker edits: each is one undoable step; undo restores the study exactly."""

from __future__ import annotations

import pytest

from desktop.core import library, search
from desktop.core.commands import History
from desktop.core.errors import YanduError
from desktop.core.importing import import_bytes, import_file
from desktop.core.speakers import (
    MakeNarration,
    MergeSpeakers,
    RenameSpeaker,
    SetColour,
    SetModerator,
    SetRole,
)


@pytest.fixture
def sample(memory_db, sample_path):
    result = import_file(memory_db, sample_path)
    return memory_db, result.document_id, History(memory_db)


def state(db, doc_id):
    """Everything a speaker edit may touch, as comparable values."""
    return (
        db.execute("SELECT * FROM speakers WHERE document_id = ? ORDER BY id", [doc_id]).fetchall(),
        db.execute("SELECT * FROM sections WHERE document_id = ? ORDER BY id", [doc_id]).fetchall(),
        db.execute("SELECT * FROM turns WHERE document_id = ? ORDER BY id", [doc_id]).fetchall(),
        db.execute("SELECT rowid FROM turn_chars ORDER BY rowid").fetchall(),
    )


def names(db, doc_id):
    return [s.name for s in library.speakers(db, doc_id)]


def undo_redo_round_trip(db, doc_id, history, command):
    before = state(db, doc_id)
    changes = history.run(command)
    assert changes.speakers and changes.document_ids == frozenset({doc_id})
    after = state(db, doc_id)
    assert after != before
    assert history.undo_text == command.text
    history.undo()
    assert state(db, doc_id) == before
    history.redo()
    assert state(db, doc_id) == after
    return after


def test_rename(sample):
    db, doc, history = sample
    undo_redo_round_trip(db, doc, history, RenameSpeaker(doc, "杨静", "Yang Jing"))
    assert names(db, doc) == ["Yang Jing", "陈虞君", "张家俊", "吴韶华"]
    # Turn labels keep what the source says.
    assert library.turns(db, doc)[1].label == "杨静"


def test_rename_to_another_speaker_is_refused(sample):
    db, doc, history = sample
    before = state(db, doc)
    with pytest.raises(YanduError, match="merge"):
        history.run(RenameSpeaker(doc, "杨静", "陈虞君"))
    with pytest.raises(YanduError, match="empty"):
        history.run(RenameSpeaker(doc, "杨静", "  "))
    with pytest.raises(YanduError, match="No speaker"):
        history.run(RenameSpeaker(doc, "nobody", "x"))
    assert state(db, doc) == before and not history.can_undo


def test_rename_changing_case_only_is_allowed(memory_db):
    result = import_bytes(memory_db, b"MR. SMITH: One.\nMS. JONES: Two?\n", "h.txt")
    History(memory_db).run(RenameSpeaker(result.document_id, "mr. smith", "Mr. Smith"))
    assert names(memory_db, result.document_id) == ["Mr. Smith", "MS. JONES"]


def test_merge(sample):
    db, doc, history = sample
    undo_redo_round_trip(db, doc, history, MergeSpeakers(doc, "吴韶华", "张家俊"))
    speakers = {s.name: s for s in library.speakers(db, doc)}
    assert list(speakers) == ["杨静", "陈虞君", "张家俊"]
    assert speakers["张家俊"].turn_count == 10
    assert speakers["张家俊"].role == "中国科学院自动化研究所研究员"
    assert len(library.sections(db, doc)) == 5  # the moderator did not change


def test_merge_into_itself_is_refused(sample):
    db, doc, history = sample
    with pytest.raises(YanduError, match="itself"):
        history.run(MergeSpeakers(doc, "杨静", "杨静"))


def test_merge_of_a_misspelt_moderator_keeps_the_sections(memory_db):
    text = "主持人：第一问？\n甲：答一。\n主持人：第二问？\n甲：答二。\n主侍人：第三问？\n甲：答三。\n"
    doc = import_bytes(memory_db, text.encode(), "t.txt").document_id
    history = History(memory_db)
    assert len(library.sections(memory_db, doc)) == 2
    history.run(MergeSpeakers(doc, "主侍人", "主持人"))
    assert [s.title for s in library.sections(memory_db, doc)] == ["第一问？", "第二问？", "第三问？"]


def test_role_and_colour(sample):
    db, doc, history = sample
    undo_redo_round_trip(db, doc, history, SetRole(doc, "陈虞君", "嘉宾"))
    assert library.speakers(db, doc)[1].role == "嘉宾"
    undo_redo_round_trip(db, doc, history, SetColour(doc, "陈虞君", "#ABCDEF"))
    assert library.speakers(db, doc)[1].colour == "#abcdef"
    with pytest.raises(YanduError, match="#RRGGBB"):
        history.run(SetColour(doc, "陈虞君", "red"))


def test_moderator_change_recomputes_sections(sample):
    db, doc, history = sample
    undo_redo_round_trip(db, doc, history, SetModerator(doc, "杨静", on=False))
    assert library.sections(db, doc) == []
    assert all(t.section_id is None for t in library.turns(db, doc))
    history.undo()
    undo_redo_round_trip(db, doc, history, SetModerator(doc, "吴韶华", exclusive=True))
    moderators = [s.name for s in library.speakers(db, doc) if s.is_moderator]
    assert moderators == ["吴韶华"]
    sections = library.sections(db, doc)
    turns = library.turns(db, doc)
    wu = next(s.id for s in library.speakers(db, doc) if s.name == "吴韶华")
    assert [t.section_id for t in turns if t.speaker_id == wu] == [s.id for s in sections]


def test_narration_restores_the_label_line_and_is_undoable(memory_db):
    text = "主持人：几点开始？\n张三：十点。\n备忘：带证件。\n主持人：好的？\n张三：嗯。\n备忘：别迟到。\n"
    doc = import_bytes(memory_db, text.encode(), "t.txt").document_id
    history = History(memory_db)
    assert "备忘" in names(memory_db, doc)
    after = undo_redo_round_trip(memory_db, doc, history, MakeNarration(doc, "备忘"))
    assert names(memory_db, doc) == ["主持人", "张三"]
    narration = [t for t in library.turns(memory_db, doc) if t.speaker_id is None]
    assert [t.text for t in narration] == ["备忘：带证件。", "备忘：别迟到。"]
    for t in narration:
        assert text[t.text_start : t.text_end] == t.text and t.label == ""
    # The search index follows the new text.
    assert len(after[3]) == len(library.turns(memory_db, doc))
    assert {h.turn_id for h in search.search(memory_db, "备忘")} >= {t.id for t in narration}


def test_narration_of_the_moderator_drops_sections(sample):
    db, doc, history = sample
    history.run(MakeNarration(doc, "杨静"))
    assert library.sections(db, doc) == []
    turns = library.turns(db, doc)
    assert turns[1].speaker_id is None and turns[1].text.startswith("杨静:百模大战")
    history.undo()
    assert len(library.sections(db, doc)) == 5


def test_missing_document(memory_db):
    with pytest.raises(YanduError, match="No document"):
        History(memory_db).run(SetRole(42, "x", "y"))


def test_narration_in_subtitles_keeps_the_timing_line_out(memory_db):
    srt = ("1\n00:00:01,000 --> 00:00:02,000\nAnna: Hello.\n\n"
           "2\n00:00:02,000 --> 00:00:03,000\nBREAKING NEWS: markets closed\n\n"
           "3\n00:00:03,000 --> 00:00:04,000\nAnna: Oh.\n")
    doc = import_bytes(memory_db, srt.encode(), "clip.srt").document_id
    History(memory_db).run(MakeNarration(doc, "BREAKING NEWS"))
    turns = library.turns(memory_db, doc)
    assert turns[1].speaker_id is None
    assert turns[1].text == "BREAKING NEWS: markets closed"
    assert turns[1].cue_start_ms == 2000


SITTING = """立法會會議過程正式紀錄

議員質詢

第1題

主席：第一項質詢。

陳偉業議員：主席，我想問政府三個問題。

保安局局長：主席，多謝議員的提問。

主席：第二項質詢。

第2題

李卓人議員：主席，請問局長。

保安局局長：主席，我的答覆如下。
"""


def test_speaker_edits_keep_a_records_own_sections(memory_db):
    """A parliament's sections are its agenda items: making someone else the chair, or
    merging speakers, leaves them; the chair's remarks never become 'questions'."""
    doc = import_bytes(memory_db, SITTING.encode(), "sitting.txt").document_id
    titles = lambda: [s.title for s in library.sections(memory_db, doc)]  # noqa: E731
    assert titles() == ["議員質詢 · 第1題", "第2題"]
    history = History(memory_db)
    history.run(SetModerator(doc, "陳偉業議員", on=True))
    assert titles() == ["議員質詢 · 第1題", "第2題"]
    history.run(MakeNarration(doc, "李卓人議員"))
    assert titles() == ["議員質詢 · 第1題", "第2題"]
    history.undo()
    history.undo()
    assert titles() == ["議員質詢 · 第1題", "第2題"]


def test_a_heading_made_by_hand_survives_a_moderator_change(memory_db, sample_path):
    from desktop.core.turn_edits import MakeHeading

    doc = import_file(memory_db, sample_path).document_id
    history = History(memory_db)
    turn = library.turns(memory_db, doc)[3]
    history.run(MakeHeading(doc, turn.number, title="手动标题"))
    assert "手动标题" in [s.title for s in library.sections(memory_db, doc)]
    history.run(SetModerator(doc, "杨静", on=False))  # no moderator: no questions
    assert [s.title for s in library.sections(memory_db, doc)] == ["手动标题"]
    history.undo()
    assert len(library.sections(memory_db, doc)) == 6
