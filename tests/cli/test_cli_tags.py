"""Tags typed as a Chinese list (相声、郭德纲) are separate tags, in every export."""

from __future__ import annotations

import json

import pytest

from db import annotations as rows
from db import open_study
from desktop.cli import main

TEXT = "甲：我们今天聊相声。\n\n乙：郭德纲说得好。\n"


@pytest.fixture
def study(import_text, study_path, capsys) -> str:
    import_text(TEXT, "tags.txt")
    assert main(["annotate", "1", "--quote", "相声", "--tag", "相声、郭德纲", "--tag", "曲艺",
                 "--json", "--db", str(study_path)]) == 0
    assert main(["annotate", "1", "--quote", "郭德纲", "--tag", "人物",
                 "--db", str(study_path)]) == 0
    capsys.readouterr()
    return str(study_path)


def test_annotate_stores_each_tag_of_a_list(study):
    db = open_study(study)
    tags = dict(rows.all_tags(db))
    db.close()
    assert tags == {"相声": 1, "郭德纲": 1, "曲艺": 1, "人物": 1}


def test_markdown_export_shows_each_tag(study, tmp_path, capsys):
    out = tmp_path / "notes.md"
    assert main(["export", "--format", "markdown", "-o", str(out), "--db", study]) == 0
    text = out.read_text(encoding="utf-8")
    assert "#相声" in text and "#郭德纲" in text and "#相声_郭德纲" not in text


def test_export_filters_by_any_tag_of_a_list(study, tmp_path, capsys):
    out = tmp_path / "notes.jsonld"
    assert main(["export", "--format", "webannotation", "--tag", "郭德纲、人物", "-o", str(out),
                 "--db", study]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    # 郭德纲 is on the first annotation, 人物 on the second.
    assert len(exported["first"]["items"]) == 2
