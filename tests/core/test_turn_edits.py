"""Turn edits: give, split, join, section headings. Each is one undoable step; undo and redo
restore the study exactly, search index included, and annotations keep their characters."""

from __future__ import annotations

import pytest

from desktop.core import library, search
from desktop.core.annotations import CreateAnnotation, check_anchor, new_annotation
from desktop.core.commands import History, StaleStep
from desktop.core.errors import YanduError
from desktop.core.importing import import_bytes, import_file
from desktop.core.importing.structure import PALETTE, section_title
from desktop.core.speakers import RenameSpeaker
from desktop.core.turn_edits import (
    NARRATION,
    GiveTurns,
    JoinTurns,
    MakeHeading,
    RemoveSection,
    SplitTurn,
    Target,
    describe_numbers,
    parse_numbers,
)


@pytest.fixture
def sample(memory_db, sample_path):
    """The bundled sample: 21 turns, 杨静 the moderator asking five questions."""
    result = import_file(memory_db, sample_path)
    return memory_db, result.document_id, History(memory_db)


def state(db, doc_id):
    """Everything a turn edit may touch, as comparable values."""
    return (
        db.execute("SELECT * FROM speakers WHERE document_id = ? ORDER BY id", [doc_id]).fetchall(),
        db.execute("SELECT * FROM sections WHERE document_id = ? ORDER BY id", [doc_id]).fetchall(),
        db.execute("SELECT * FROM turns WHERE document_id = ? ORDER BY id", [doc_id]).fetchall(),
        db.execute("SELECT rowid, * FROM turn_chars ORDER BY rowid").fetchall(),
    )


def round_trip(db, doc_id, history, command):
    """Run `command`, undo it, redo it: each state exactly as it was. The state after."""
    before = state(db, doc_id)
    changes = history.run(command)
    assert changes.speakers and changes.document_ids == frozenset({doc_id})
    after = state(db, doc_id)
    assert after != before
    assert history.undo_text == command.text
    check_structure(db, doc_id)
    history.undo()
    assert state(db, doc_id) == before
    history.redo()
    assert state(db, doc_id) == after
    check_structure(db, doc_id)
    return after


def check_structure(db, doc_id):
    """What every edit keeps: the turns' spans cover the text in order, each speech is the
    text at its offsets, positions run 0, 1, 2..., sections are numbered in order, each a
    run of turns, and every turn has its index rows."""
    text = library.document_text(db, doc_id)
    turns = library.turns(db, doc_id)
    assert [t.position for t in turns] == list(range(len(turns)))
    assert turns[0].start == 0 and turns[-1].end == len(text)
    for a, b in zip(turns, turns[1:], strict=False):
        assert a.end == b.start
    for t in turns:
        assert t.start <= t.text_start <= t.text_end <= t.end
        assert text[t.text_start : t.text_end] == t.text
    sections = library.sections(db, doc_id)
    assert [s.position for s in sections] == list(range(len(sections)))
    order = list(dict.fromkeys(t.section_id for t in turns if t.section_id is not None))
    assert order == [s.id for s in sections]
    seen = [t.section_id for t in turns]
    first = next((i for i, s in enumerate(seen) if s is not None), len(seen))
    assert all(s is not None for s in seen[first:])
    ids = {t.id for t in turns}
    for table in ("turn_chars",):
        rows = {r[0] for r in db.execute(f"SELECT rowid FROM {table}")}
        assert ids <= rows


def speaker_names(db, doc_id):
    return {s.id: s.name for s in library.speakers(db, doc_id)}


def who(db, doc_id, number):
    turn = library.turns(db, doc_id)[number - 1]
    return speaker_names(db, doc_id).get(turn.speaker_id)


def section_numbers(db, doc_id):
    """The section number (from 1) of each turn, None before the first."""
    positions = {s.id: s.position + 1 for s in library.sections(db, doc_id)}
    return [positions.get(t.section_id) for t in library.turns(db, doc_id)]


def found_turns(db, doc_id, query):
    return [h.turn_number for h in search.search(db, query, document_id=doc_id, kinds="turn")]


# ---- give ---------------------------------------------------------------------------------


def test_give_a_turn_to_another_speaker(sample):
    db, doc, history = sample
    sections = section_numbers(db, doc)
    round_trip(db, doc, history, GiveTurns(doc, [8], Target("陈虞君")))
    assert who(db, doc, 8) == "陈虞君"
    assert library.turns(db, doc)[7].label == "张家俊"  # the source's label stays
    assert section_numbers(db, doc) == sections
    assert history.undo_text == "Give turn 8"


def test_give_several_turns_by_id_and_range(sample):
    db, doc, history = sample
    zhang = next(s.id for s in library.speakers(db, doc) if s.name == "张家俊")
    command = GiveTurns(doc, parse_numbers("7-9"), Target(zhang))
    assert command.text == "Give turns 7–9"
    round_trip(db, doc, history, command)
    assert [who(db, doc, n) for n in (7, 8, 9)] == ["张家俊"] * 3
    # An id typed as text names the speaker too.
    history.run(GiveTurns(doc, [3, 5], Target(str(zhang))))
    assert who(db, doc, 3) == who(db, doc, 5) == "张家俊"
    assert history.undo_text == "Give 2 turns"


def test_give_to_whom_they_already_belong_is_refused(sample):
    db, doc, history = sample
    before = state(db, doc)
    with pytest.raises(YanduError, match="Turn 8 is already 张家俊's"):
        history.run(GiveTurns(doc, [8], Target("张家俊")))
    with pytest.raises(YanduError, match="Turn 1 is already narration"):
        history.run(GiveTurns(doc, [1], NARRATION))
    with pytest.raises(YanduError, match="No turn 22"):
        history.run(GiveTurns(doc, [21, 22], Target("张家俊")))
    with pytest.raises(YanduError, match="No speaker 'nobody'"):
        history.run(GiveTurns(doc, [8], Target("nobody")))
    assert state(db, doc) == before and not history.can_undo


def test_give_to_a_new_speaker_takes_the_next_colour(sample):
    db, doc, history = sample
    round_trip(db, doc, history, GiveTurns(doc, [1], Target(" 主持  人 ", create=True)))
    new = library.speakers(db, doc)[-1]
    assert (new.name, new.colour, new.position, new.turn_count) == ("主持 人", PALETTE[4], 4, 1)
    history.undo()
    assert "主持 人" not in speaker_names(db, doc).values()
    # A "new" name that is already a speaker's is that speaker.
    history.run(GiveTurns(doc, [1], Target("陈虞君", create=True)))
    assert who(db, doc, 1) == "陈虞君" and len(library.speakers(db, doc)) == 4


def test_give_to_narration_reads_the_label_line(sample):
    db, doc, history = sample
    round_trip(db, doc, history, GiveTurns(doc, [3], NARRATION))
    turn = library.turns(db, doc)[2]
    assert turn.speaker_id is None and turn.label == "" and turn.headline == ""
    assert turn.text.startswith('陈虞君:"提升大模型长文本能力,降低幻觉问题"\n\n循环智能')
    assert 3 in found_turns(db, doc, "陈虞君")


def test_giving_the_moderators_question_away_ends_its_section(sample):
    db, doc, history = sample
    before = library.sections(db, doc)
    round_trip(db, doc, history, GiveTurns(doc, [10], Target("陈虞君")))
    assert section_numbers(db, doc) == [None] + [1] * 4 + [2] * 8 + [3] * 4 + [4] * 4
    history.undo()
    assert library.sections(db, doc) == before  # the same rows, ids included


def test_giving_a_turn_to_the_moderator_opens_a_section(sample):
    db, doc, history = sample
    round_trip(db, doc, history, GiveTurns(doc, [12], Target("杨静")))
    numbers = section_numbers(db, doc)
    assert numbers[11:13] == [4, 4] and numbers[9:11] == [3, 3]
    assert library.sections(db, doc)[3].title.startswith("算力在训练大模型时")


def test_a_heading_made_by_hand_outlives_a_moderator_change(sample):
    db, doc, history = sample
    history.run(MakeHeading(doc, 16, title="Users"))
    history.run(GiveTurns(doc, [10], Target("陈虞君")))  # the moderator's question 3 goes
    assert [s.title for s in library.sections(db, doc)][-2] == "Users"
    assert section_numbers(db, doc)[13:17] == [3, 3, 4, 4]


# ---- split ---------------------------------------------------------------------------------


def _second_paragraph(db, doc, number):
    turn = library.turns(db, doc)[number - 1]
    return turn, turn.text_start + turn.text.index("\n\n") + 2


def test_split_a_turn_at_an_offset(sample):
    db, doc, history = sample
    turn, at = _second_paragraph(db, doc, 7)
    assert found_turns(db, doc, "紧缺的数据") == [7]
    round_trip(db, doc, history, SplitTurn(doc, 7, at))
    turns = library.turns(db, doc)
    first, second = turns[6], turns[7]
    assert len(turns) == 22 and first.id == turn.id
    assert first.text.endswith("两方面的创新。") and first.end == at == second.start
    assert second.text.startswith("基于源2.0的实践") and second.end == turn.end
    assert (second.speaker_id, second.section_id) == (turn.speaker_id, turn.section_id)
    assert (second.label, second.headline) == ("", "")
    assert first.headline == turn.headline and first.label == turn.label
    assert turns[8].text == library.turns(db, doc)[8].text and who(db, doc, 9) == "张家俊"
    # The index follows: a word of the second half is found in the new turn only.
    assert found_turns(db, doc, "紧缺的数据") == [8]
    assert found_turns(db, doc, "数据飞轮效应") == [7]
    history.undo()
    assert found_turns(db, doc, "紧缺的数据") == [7]


def test_split_gives_the_second_part_to_another_speaker(sample):
    db, doc, history = sample
    _, at = _second_paragraph(db, doc, 1)
    round_trip(db, doc, history, SplitTurn(doc, 1, at, to=Target("杨静")))
    assert who(db, doc, 1) is None and who(db, doc, 2) == "杨静"
    # 杨静 speaks before anyone else now: her new turn opens a section of its own.
    assert section_numbers(db, doc)[:3] == [None, 1, 1]
    history.undo()
    _, at = _second_paragraph(db, doc, 7)
    history.run(SplitTurn(doc, 7, at, to=Target("Guest", create=True)))
    assert who(db, doc, 8) == "Guest"
    history.undo()
    history.run(SplitTurn(doc, 7, at, to=NARRATION))
    assert who(db, doc, 8) is None


def test_split_at_an_edge_or_outside_the_speech_is_refused(sample):
    db, doc, history = sample
    turn = library.turns(db, doc)[6]
    before = state(db, doc)
    for offset in (turn.start, turn.text_start - 1, turn.text_end + 1, turn.end + 5):
        with pytest.raises(YanduError, match="not in the speech of turn 7") as error:
            history.run(SplitTurn(doc, 7, offset))
        assert "\n" not in str(error.value)
    for offset in (turn.text_start, turn.text_end):
        with pytest.raises(YanduError, match="very start or end"):
            history.run(SplitTurn(doc, 7, offset))
    # Between the paragraphs' blank line and the text: still only whitespace on one side.
    _, at = _second_paragraph(db, doc, 1)
    with pytest.raises(YanduError, match="No turn 40"):
        history.run(SplitTurn(doc, 40, at))
    assert state(db, doc) == before and not history.can_undo


# ---- join ----------------------------------------------------------------------------------


def test_join_a_turn_with_the_next(sample):
    db, doc, history = sample
    seventh, eighth = library.turns(db, doc)[6:8]
    command = JoinTurns(doc, 7)
    assert command.text == "Join turns 7 and 8"
    round_trip(db, doc, history, command)
    turns = library.turns(db, doc)
    joined = turns[6]
    assert len(turns) == 20 and joined.id == seventh.id and who(db, doc, 7) == "吴韶华"
    assert (joined.start, joined.end) == (seventh.start, eighth.end)
    assert (joined.text_start, joined.text_end) == (seventh.text_start, eighth.text_end)
    # The second turn's label line is inside the joined speech.
    assert '\n\n张家俊:"跟随无法超越,大胆创新、大胆尝试,利用专长能力解决实际问题"\n\n在追赶' in joined.text
    assert found_turns(db, doc, "大胆创新") == [7]
    assert who(db, doc, 8) == "陈虞君"


def test_join_across_a_section_ends_the_later_section(sample):
    db, doc, history = sample
    before = library.sections(db, doc)
    round_trip(db, doc, history, JoinTurns(doc, 9))  # 陈虞君's answer + 杨静's question 3
    assert section_numbers(db, doc) == [None] + [1] * 4 + [2] * 7 + [3] * 4 + [4] * 4
    history.undo()
    assert library.sections(db, doc) == before


def test_join_several_and_the_last_turn(sample):
    db, doc, history = sample
    round_trip(db, doc, history, JoinTurns(doc, 19, 21))
    assert len(library.turns(db, doc)) == 19
    assert history.undo_text == "Join turns 19–21"
    with pytest.raises(YanduError, match="Turn 19 is the last turn"):
        history.run(JoinTurns(doc, 19))
    with pytest.raises(YanduError, match="No turn 30"):
        history.run(JoinTurns(doc, 30))


# ---- sections ------------------------------------------------------------------------------


def test_make_a_turn_a_section_heading(sample):
    db, doc, history = sample
    round_trip(db, doc, history, MakeHeading(doc, 8))
    assert section_numbers(db, doc) == [None] + [1] * 4 + [2] * 2 + [3] * 2 + [4] * 4 \
        + [5] * 4 + [6] * 4
    title = library.sections(db, doc)[2].title
    first_line = library.turns(db, doc)[7].text.splitlines()[0]
    assert title == section_title(first_line) and title.startswith("在追赶和超越GPT4")
    assert len(title) <= 200
    assert len(library.turns(db, doc)) == 21  # the turn stays
    with pytest.raises(YanduError, match="Turn 8 already opens a section"):
        history.run(MakeHeading(doc, 8))


def test_a_heading_before_the_first_section_and_a_long_title(sample):
    db, doc, history = sample
    round_trip(db, doc, history, MakeHeading(doc, 1))
    assert section_numbers(db, doc)[:3] == [1, 2, 2]
    assert len(library.sections(db, doc)[0].title) <= 200
    history.undo()
    history.run(MakeHeading(doc, 1, title="Introduction"))
    assert library.sections(db, doc)[0].title == "Introduction"


def test_remove_a_section(sample):
    db, doc, history = sample
    round_trip(db, doc, history, RemoveSection(doc, 3))
    assert section_numbers(db, doc) == [None] + [1] * 4 + [2] * 8 + [3] * 4 + [4] * 4
    assert history.undo_text == "Remove section 3"
    history.undo()
    round_trip(db, doc, history, RemoveSection(doc, 1))
    assert section_numbers(db, doc)[:6] == [None] * 5 + [1]
    with pytest.raises(YanduError, match="No section 9"):
        history.run(RemoveSection(doc, 9))


def test_a_document_without_sections(memory_db):
    doc = import_bytes(memory_db, "甲：你好。\n乙：你好。\n".encode(), "t.txt").document_id
    with pytest.raises(YanduError, match="no sections"):
        History(memory_db).run(RemoveSection(doc, 1))


# ---- annotations stay anchored ---------------------------------------------------------------


def test_annotations_keep_their_characters_through_every_edit(sample):
    from db import annotations as rows

    db, doc, history = sample
    turn, at = _second_paragraph(db, doc, 7)
    start = at + 3  # inside the part that becomes turn 8
    note = new_annotation(db, doc, start, start + 10, note="mark")
    history.run(CreateAnnotation(note))

    def place():
        stored = rows.get(db, note.id)
        assert (stored.start, stored.end, stored.quote) == (note.start, note.end, note.quote)
        assert check_anchor(db, stored)
        return next(t.number for t in library.turns(db, doc) if t.start <= start < t.end)

    assert place() == 7
    history.run(SplitTurn(doc, 7, at))
    assert place() == 8
    history.run(GiveTurns(doc, [8], Target("张家俊")))
    assert place() == 8 and who(db, doc, 8) == "张家俊"
    history.run(JoinTurns(doc, 7))
    assert place() == 7
    history.run(MakeHeading(doc, 7))
    history.run(GiveTurns(doc, [7], NARRATION))
    assert place() == 7
    for _ in range(5):
        history.undo()
        assert place() in (7, 8)
    assert place() == 7 and len(library.turns(db, doc)) == 21
    for _ in range(5):
        history.redo()
    assert place() == 7
    check_structure(db, doc)


# ---- histories, names, other programs ------------------------------------------------------


def test_a_series_of_edits_undoes_to_the_start(sample):
    db, doc, history = sample
    start = state(db, doc)
    _, at = _second_paragraph(db, doc, 13)
    steps = [SplitTurn(doc, 13, at, to=Target("New", create=True)), JoinTurns(doc, 2),
             MakeHeading(doc, 4), GiveTurns(doc, [1, 2, 3], Target("杨静")),
             RemoveSection(doc, 2), JoinTurns(doc, 10, 14)]
    states = [start]
    for step in steps:
        history.run(step)
        check_structure(db, doc)
        states.append(state(db, doc))
    for expected in reversed(states[:-1]):
        history.undo()
        assert state(db, doc) == expected
    for expected in states[1:]:
        history.redo()
        assert state(db, doc) == expected


def test_a_change_by_another_program_makes_the_step_stale(sample):
    db, doc, history = sample
    history.run(GiveTurns(doc, [8], Target("陈虞君")))
    with db.atomic():
        db.execute("UPDATE turns SET speaker_id = NULL WHERE document_id = ? AND position = 7",
                   [doc])
    with pytest.raises(StaleStep):
        history.undo()
    assert not history.can_undo


def test_speaker_edits_and_turn_edits_share_a_history(sample):
    db, doc, history = sample
    start = state(db, doc)
    history.run(GiveTurns(doc, [1], Target("Host", create=True)))
    history.run(RenameSpeaker(doc, "Host", "Narrator"))
    history.run(SplitTurn(doc, 2, library.turns(db, doc)[1].text_start + 5))
    history.undo()
    history.undo()
    history.undo()
    assert state(db, doc) == start


def test_numbers_as_typed():
    assert parse_numbers("7") == (7,)
    assert parse_numbers("3-5, 8，10..11 3") == (3, 4, 5, 8, 10, 11)
    assert parse_numbers("3–4") == (3, 4)
    for bad in ("", "x", "5-3", "-2"):
        with pytest.raises(YanduError):
            parse_numbers(bad)
    assert describe_numbers([7]) == "turn 7"
    assert describe_numbers([9, 7, 8]) == "turns 7–9"
    assert describe_numbers([1, 3]) == "2 turns"


def test_subtitle_cues_keep_their_times(memory_db):
    srt = ("1\n00:00:01,000 --> 00:00:04,000\n甲：第一句。第二句。\n\n"
           "2\n00:00:05,000 --> 00:00:06,000\n乙：好。\n")
    doc = import_bytes(memory_db, srt.encode(), "t.srt").document_id
    history = History(memory_db)
    turn = library.turns(memory_db, doc)[0]
    if turn.cue_start_ms is None:
        pytest.skip("this importer keeps no cue times")
    at = turn.text_start + turn.text.index("第二句")
    round_trip(memory_db, doc, history, SplitTurn(doc, 1, at))
    first, second = library.turns(memory_db, doc)[:2]
    assert (first.cue_start_ms, first.cue_end_ms) == (turn.cue_start_ms, None)
    assert (second.cue_start_ms, second.cue_end_ms) == (None, turn.cue_end_ms)
    history.run(JoinTurns(doc, 1))
    joined = library.turns(memory_db, doc)[0]
    assert (joined.cue_start_ms, joined.cue_end_ms) == (turn.cue_start_ms, turn.cue_end_ms)


def test_undoing_a_join_gives_the_joined_turn_its_stamp_back(sample):
    from desktop.core.media import StampTurn, stamps

    db, doc, history = sample
    turns = library.turns(db, doc)
    history.run(StampTurn(doc, turns[6].id, 61_000))
    history.run(StampTurn(doc, turns[7].id, 75_000))
    history.run(JoinTurns(doc, 7))  # turn 8 (stamped 75 s) goes into turn 7
    assert stamps(db, doc) == {turns[6].id: 61_000}
    history.undo()
    assert stamps(db, doc) == {turns[6].id: 61_000, turns[7].id: 75_000}
    history.redo()
    assert stamps(db, doc) == {turns[6].id: 61_000}
