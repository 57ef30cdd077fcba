"""What `yandu import` reports, so a script or a person can check the result: the kind
of record, what rebuilding the paragraphs changed, and a sample of each speaker."""

from __future__ import annotations

import json

from desktop.cli import main
from desktop.cli.importing import NO_SPEAKERS
from desktop.core.importing import SAMPLE_CHARS


def test_json_says_the_kind_the_layout_and_a_sample_per_speaker(study_path, sample_path,
                                                                capsys):
    assert main(["import", str(sample_path), "--db", str(study_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"]  # one of the kinds Yandu recognises
    assert set(out["layout"]) >= {"paragraphs_joined", "headers_removed",
                                  "line_numbers_removed"}
    assert all(isinstance(v, int) for v in out["layout"].values())
    samples = {s["name"]: s["sample"] for s in out["speakers"]}
    assert samples["杨静"] == ("百模大战各显神通,头部的玩家结合自己的优势布局大模型,"
                              "也想请各位分享一下各自的大模型业务布局。")
    assert all(0 < len(sample) <= SAMPLE_CHARS for sample in samples.values())
    assert all("\n" not in sample for sample in samples.values())


def test_a_long_first_turn_is_cut_on_one_line(tmp_path, study_path, capsys):
    speech = "第一句话很长。\n\n" + "算力" * 100
    source = tmp_path / "long.txt"
    source.write_text(f"张三：{speech}\n\n李四：好。\n\n张三：第二次。\n", encoding="utf-8")
    assert main(["import", str(source), "--db", str(study_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    first = out["speakers"][0]["sample"]
    assert len(first) == SAMPLE_CHARS and first.endswith("…")
    assert first.startswith("第一句话很长。 算力算力")  # the paragraph break is one space
    assert out["speakers"][1]["sample"] == "好。"


def test_the_plain_summary_shows_the_kind_and_the_start_of_each_sample(
        study_path, sample_path, capsys):
    assert main(["import", str(sample_path), "--db", str(study_path)]) == 0
    out = capsys.readouterr().out
    assert "kind: " in out.splitlines()[1]
    assert "杨静 — 新智元创始人&CEO (moderator): 5 turns “百模大战各显神通,头部的" in out
    longest = max(len(line) for line in out.splitlines()[2:])
    assert longest < 120  # a sample is shortened to keep each speaker on one line


def test_no_speakers_is_said_after_the_summary(tmp_path, study_path, capsys):
    source = tmp_path / "prose.txt"
    source.write_text("只是一段叙述。\n\n还有一段。\n", encoding="utf-8")
    assert main(["import", str(source), "--db", str(study_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Imported prose.txt as document 1")
    assert lines[-1] == NO_SPEAKERS


def test_no_speakers_names_the_file_when_there_are_several(tmp_path, study_path, capsys):
    prose, talk = tmp_path / "prose.txt", tmp_path / "talk.txt"
    prose.write_text("只是一段叙述。\n", encoding="utf-8")
    talk.write_text("甲：你好？\n乙：好。\n", encoding="utf-8")
    assert main(["import", str(prose), str(talk), "--db", str(study_path), "--json"]) == 0
    captured = capsys.readouterr()
    assert [d["speakers"] for d in json.loads(captured.out)][0] == []
    assert captured.err.startswith("No speakers found in prose.txt: ")
    assert captured.err.count("\n") == 1
