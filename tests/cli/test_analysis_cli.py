"""`yandu stats`, `yandu keywords`, `yandu concordance`."""

from __future__ import annotations

import csv
import io
import json

import pytest

from desktop.cli import main


@pytest.fixture
def study(study_path, sample_path, capsys):
    assert main(["import", str(sample_path), "--db", str(study_path)]) == 0
    capsys.readouterr()
    return str(study_path)


def test_stats_table_and_json(study, capsys):
    assert main(["stats", "1", "--db", study]) == 0
    out = capsys.readouterr().out
    assert "陈虞君" in out and "33.6%" in out and "(narration)" in out
    assert main(["stats", "1", "--db", study, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    names = [s["name"] for s in data["speakers"]]
    assert names == ["杨静", "陈虞君", "张家俊", "吴韶华", ""]
    assert sum(s["characters"] for s in data["speakers"]) == data["characters"]
    assert data["talk_ms"] is None and len(data["sections"]) == 6


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_stats_chart(study, tmp_path, capsys, suffix):
    chart = tmp_path / f"shares{suffix}"
    assert main(["stats", "1", "--db", study, "--chart", str(chart)]) == 0
    data = chart.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG") and len(data) > 5000
    else:
        assert b"<svg" in data and "陈虞君".encode() in data


def test_stats_chart_needs_a_known_suffix(study, tmp_path, capsys):
    assert main(["stats", "--db", study, "--chart", str(tmp_path / "x.gif")]) == 2
    assert ".png or .svg" in capsys.readouterr().err


def test_keywords(study, capsys):
    assert main(["keywords", "1", "--speaker", "吴韶华", "--db", study, "--json"]) == 0
    words = json.loads(capsys.readouterr().out)
    assert words and words[0]["log_likelihood"] >= 3.84
    assert {"word", "count", "reference_count", "log_ratio", "is_term"} <= set(words[0])
    assert main(["keywords", "1", "--speaker", "无名氏", "--db", study]) == 2
    assert "No speaker" in capsys.readouterr().err


def test_concordance_sorts_and_formats(study, capsys):
    assert main(["concordance", "算力", "--db", study, "--json"]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert len(lines) == 32 and all(x["hit"] == "算力" for x in lines)
    assert main(["concordance", "算力", "--db", study, "--sort", "speaker", "--json"]) == 0
    by_speaker = [x["speaker"] for x in json.loads(capsys.readouterr().out)]
    assert by_speaker == sorted(by_speaker)
    assert main(["concordance", "算力", "--doc", "1", "--db", study, "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["document", "turn", "speaker", "left", "hit", "right", "start", "end"]
    assert len(rows) == 33
    assert main(["concordance", "算力", "--db", study, "--sort", "left", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert out.count("【算力】") == 3 and "3 lines." in out
    assert main(["concordance", "算力", "--db", study, "--json", "--csv"]) == 2
