"""`yandu glossary ...` from the command line."""

from __future__ import annotations

import json

import pytest

from db import open_study
from desktop.cli import main
from desktop.core.glossary import builtin_keys, find_term, list_terms
from desktop.core.glossary.sync import unload_from_segmenter


@pytest.fixture(autouse=True)
def _clean_segmenter():
    yield
    unload_from_segmenter()


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_seeds_the_builtin_glossary_once(study_path, capsys):
    open_study(study_path).close()  # listing does not make a study; it seeds an empty one
    code, out, _ = _run(capsys, "glossary", "list", "--db", str(study_path), "--json")
    assert code == 0
    terms = json.loads(out)
    assert len(terms) == len(builtin_keys())
    assert {"term", "aliases", "definition", "english", "pinyin", "id"} <= set(terms[0])
    code, out, _ = _run(capsys, "glossary", "list", "--db", str(study_path), "-c", "单位")
    assert code == 0 and out.splitlines() == ["GB  gigabyte  [单位]", "PB  petabyte  [单位]"]


def test_add_edit_remove(study_path, capsys):
    db = str(study_path)
    code, out, _ = _run(capsys, "glossary", "add", "端到端", "-a", "E2E", "-a", "端对端",
                        "-e", "end-to-end", "-c", "模型与架构", "--db", db, "--json")
    assert code == 0 and json.loads(out)["aliases"] == ["E2E", "端对端"]
    code, out, _ = _run(capsys, "glossary", "edit", "e2e", "--remove-alias", "端对端",
                        "--add-alias", "End-to-End", "-d", "从输入直接到输出", "--db", db)
    assert code == 0 and out.strip() == "Changed 端到端"
    term = find_term(open_study(study_path), "端到端")
    assert term.aliases == ("E2E", "End-to-End") and term.definition == "从输入直接到输出"
    code, _, err = _run(capsys, "glossary", "edit", "端到端", "--rename", "算力", "--db", db)
    assert code == 2 and err.strip() == "yandu: '算力' is already in the glossary, under '算力'."
    code, out, _ = _run(capsys, "glossary", "remove", "端到端", "--db", db)
    assert code == 0 and find_term(open_study(study_path), "端到端") is None
    code, _, err = _run(capsys, "glossary", "remove", "端到端", "--db", db)
    assert code == 2 and "No glossary term" in err and "Traceback" not in err


def test_removed_builtin_stays_removed_and_reset_restores_text(study_path, capsys):
    open_study(study_path).close()
    db = str(study_path)
    assert _run(capsys, "glossary", "remove", "百模大战", "--db", db)[0] == 0
    _run(capsys, "glossary", "list", "--db", db)
    assert find_term(open_study(study_path), "百模大战") is None
    _run(capsys, "glossary", "edit", "算力荒", "-d", "我的话", "--db", db)
    assert _run(capsys, "glossary", "edit", "算力荒", "--reset", "--db", db)[0] == 0
    assert "供不应求" in find_term(open_study(study_path), "算力荒").definition


def test_import_export_and_show(study_path, sample_path, tmp_path, capsys):
    db = str(study_path)
    main(["import", str(sample_path), "--db", db])
    capsys.readouterr()
    terms = tmp_path / "terms.txt"
    terms.write_text("算力荒，compute crunch\n量子退火，quantum annealing\n", encoding="utf-8")
    code, out, _ = _run(capsys, "glossary", "import", str(terms), "--db", db, "--json")
    assert code == 0 and json.loads(out) == {"added": 1, "merged": 0, "unchanged": 1,
                                             "skipped": []}
    out_csv = tmp_path / "out.csv"
    code, out, _ = _run(capsys, "glossary", "export", str(out_csv), "--db", db)
    assert code == 0
    total = len(list_terms(open_study(study_path)))
    assert out.strip() == f"Wrote {total} terms to {out_csv}"
    assert out_csv.read_text(encoding="utf-8-sig").splitlines()[0] == (
        "term,aliases,english,category,pinyin,definition,notes")

    code, out, _ = _run(capsys, "glossary", "show", "LIama", "--db", db, "--json")
    data = json.loads(out)
    assert code == 0 and data["term"]["term"] == "Llama" and data["by_speaker"] == {"吴韶华": 1}
    code, out, _ = _run(capsys, "glossary", "show", "算力荒", "--db", db)
    assert "陈虞君: 2" in out and "【算力荒】" in out


def test_suggest_and_dismiss(study_path, sample_path, capsys):
    db = str(study_path)
    main(["import", str(sample_path), "--db", db, "--title", "圆桌"])
    capsys.readouterr()
    code, out, _ = _run(capsys, "glossary", "suggest", "--doc", "圆桌", "--db", db, "--json")
    assert code == 0
    found = json.loads(out)
    assert found and all(s["count"] >= 2 and s["example"] for s in found)
    first = found[0]["candidate"]
    assert _run(capsys, "glossary", "dismiss", first, "--db", db)[0] == 0
    code, out, _ = _run(capsys, "glossary", "suggest", "--db", db, "--json")
    assert first not in [s["candidate"] for s in json.loads(out)]
    code, _, err = _run(capsys, "glossary", "suggest", "--doc", "没有这个", "--db", db)
    assert code == 2 and err.startswith("yandu: No document")


def test_import_of_a_missing_file_is_one_line(study_path, tmp_path, capsys):
    code, _, err = _run(capsys, "glossary", "import", str(tmp_path / "nope.csv"),
                        "--db", str(study_path))
    assert code == 2 and err.count("\n") == 1 and "No file" in err
