"""`yandu turns DOC`: list a document's turns, and fix them from the shell."""

from __future__ import annotations

import json

import pytest

from db import open_study
from desktop.cli import main
from desktop.core import library


@pytest.fixture(autouse=True)
def _segmenter_words_restored():
    """`yandu import` teaches the segmenter the study's glossary words; forget them after."""
    from desktop.core import segment

    before = segment.custom_words()
    yield
    segment.remove_words(segment.custom_words() - before)


@pytest.fixture
def study(study_path, sample_path, capsys) -> str:
    """The sample: 21 turns, 杨静 asking five questions."""
    assert main(["import", str(sample_path), "--db", str(study_path)]) == 0
    capsys.readouterr()
    return str(study_path)


def turns(study, capsys, *args) -> dict:
    """`yandu turns 1 ARGS --json`, parsed."""
    assert main(["turns", "1", *args, "--db", study, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def refused(study, capsys, *args) -> str:
    """The one line `yandu turns 1 ARGS` refuses with (exit status 2)."""
    assert main(["turns", "1", *args, "--db", study]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert captured.err.count("\n") == 1
    return captured.err


def speaker_of(listing: dict, number: int) -> str | None:
    return listing["turns"][number - 1]["speaker"]


def test_list_the_turns(study, capsys):
    assert main(["turns", "1", "--db", study]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 22 and out[-1] == "21 turns, 5 sections"
    assert out[0].split()[:2] == ["1", "(narration)"]
    assert out[6].split()[:3] == ["7", "§2", "吴韶华"]
    listing = turns(study, capsys)
    assert listing["done"] == ""
    assert [t["turn_number"] for t in listing["turns"]] == list(range(1, 22))
    assert listing["sections"][1] == {"number": 2, "title": listing["sections"][1]["title"],
                                      "first_turn": 6}


def test_give_turns_by_name_id_new_name_or_to_narration(study, capsys):
    assert main(["turns", "1", "give", "7-9", "陈虞君", "--db", study]) == 0
    # Turn 9 was 陈虞君's already: the line says what changed.
    assert capsys.readouterr().out == "Turns 7–8 are 陈虞君's now.\n"
    listing = turns(study, capsys)
    assert [speaker_of(listing, n) for n in (7, 8, 9)] == ["陈虞君"] * 3
    db = open_study(study)
    zhang = next(s.id for s in library.speakers(db, 1) if s.name == "张家俊")
    db.close()
    listing = turns(study, capsys, "give", "3,5", str(zhang))
    assert listing["done"] == "2 turns are 张家俊's now."
    assert speaker_of(listing, 3) == speaker_of(listing, 5) == "张家俊"
    listing = turns(study, capsys, "give", "1", "--new", "记者")
    assert speaker_of(listing, 1) == "记者"
    listing = turns(study, capsys, "give", "4", "--narration")
    assert speaker_of(listing, 4) is None
    assert listing["turns"][3]["text"].startswith("张家俊:")


def test_give_refuses_in_one_line(study, capsys):
    assert "No speaker 'nobody'" in refused(study, capsys, "give", "7", "nobody")
    assert "already 张家俊's" in refused(study, capsys, "give", "8", "张家俊")
    assert "to whom" in refused(study, capsys, "give", "8")
    assert "Name one speaker" in refused(study, capsys, "give", "8", "杨静", "--narration")
    assert "No turn 99" in refused(study, capsys, "give", "99", "杨静")
    assert "not a turn number" in refused(study, capsys, "give", "x", "杨静")


def test_split_at_an_offset_or_a_piece_of_text(study, capsys):
    listing = turns(study, capsys)
    seventh = listing["turns"][6]
    at = seventh["text_start"] + seventh["text"].index("基于源2.0")
    listing = turns(study, capsys, "split", "7", str(at))
    assert listing["done"] == "Turn 7 is split: turn 8 begins “基于源2.0的实践,为了获取高质量的中…”."
    assert len(listing["turns"]) == 22
    assert listing["turns"][7]["text"].startswith("基于源2.0") and speaker_of(listing, 8) == "吴韶华"
    assert listing["turns"][7]["start"] == at == listing["turns"][6]["end"]
    listing = turns(study, capsys, "split", "8", "--before", "对此", "--to", "杨静")
    assert listing["turns"][8]["text"].startswith("对此") and speaker_of(listing, 9) == "杨静"
    listing = turns(study, capsys, "split", "2", "--after", "布局大模型,", "--new", "Guest")
    assert listing["turns"][1]["text"].endswith("布局大模型,") and speaker_of(listing, 3) == "Guest"
    # A word of the split-off part is found in its new turn, in that document.
    assert main(["search", "紧缺的数据", "--doc", "1", "--db", study, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["turn_number"] for h in hits] == [10]


def test_split_refuses_in_one_line(study, capsys):
    seventh = turns(study, capsys)["turns"][6]
    assert "not in the speech of turn 7" in refused(study, capsys, "split", "7", "3")
    assert "very start or end" in refused(study, capsys, "split", "7",
                                         str(seventh["text_start"]))
    assert "is not in the speech of turn 7" in refused(study, capsys, "split", "7",
                                                       "--before", "没有这句话")


def test_join_and_headings(study, capsys):
    listing = turns(study, capsys, "join", "7")
    assert listing["done"] == "Turns 7–8 are one turn now: turn 7."
    assert len(listing["turns"]) == 20 and '\n\n张家俊:"跟随' in listing["turns"][6]["text"]
    listing = turns(study, capsys, "join", "17-19")
    assert len(listing["turns"]) == 18
    assert "is the last turn" in refused(study, capsys, "join", "18")
    assert "not turns apart" in refused(study, capsys, "join", "3,5")
    listing = turns(study, capsys, "heading", "1", "--title", "Introduction")
    assert listing["sections"][0] == {"number": 1, "title": "Introduction", "first_turn": 1}
    assert "already opens a section" in refused(study, capsys, "heading", "1")
    listing = turns(study, capsys, "remove-section", "2")
    assert listing["done"] == "Section 2 is gone; its turns are in section 1."
    assert [t["section"] for t in listing["turns"][:6]] == [1] * 5 + [2]
    assert "No section 9" in refused(study, capsys, "remove-section", "9")


def test_annotations_keep_their_text(study, capsys):
    assert main(["annotate", "1", "--quote", "数据飞轮效应", "--note", "flywheel",
                 "--db", study, "--json"]) == 0
    note = json.loads(capsys.readouterr().out)
    seventh = turns(study, capsys)["turns"][6]
    at = seventh["text_start"] + seventh["text"].index("其次是数据")
    turns(study, capsys, "split", "7", str(at))
    turns(study, capsys, "give", "8", "张家俊")
    turns(study, capsys, "join", "7")
    db = open_study(study)
    try:
        from db import annotations as rows
        from desktop.core.annotations import check_anchor

        stored = rows.get(db, note["id"])
        assert (stored.start, stored.end, stored.quote) == (note["start"], note["end"],
                                                            "数据飞轮效应")
        assert check_anchor(db, stored)
    finally:
        db.close()


def test_an_unknown_change_is_named(study, capsys):
    err = refused(study, capsys, "frob")
    assert "'frob' is not a turns command" in err
