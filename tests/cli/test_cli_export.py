"""`yandu export`, `yandu annotate` and `yandu import-annotations` end to end."""

from __future__ import annotations

import csv
import json

import pytest

from db import annotations as rows
from db import open_study
from desktop.cli import main
from tests.core.export_fixture import ANNOTATIONS, TITLE, build_study


@pytest.fixture
def study_file(study_path):
    db = open_study(study_path)
    build_study(db)
    db.close()
    return study_path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_markdown_to_the_named_file(study_file, tmp_path, capsys):
    out = tmp_path / "notes.md"
    code, stdout, _ = _run(capsys, "export", "--db", str(study_file), "--format", "markdown",
                           "-o", str(out))
    assert code == 0 and stdout.strip() == f"Wrote {out}"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: ") and "> 降本增效" in text


def test_export_default_name_comes_from_the_title_and_never_overwrites(
        study_file, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, _ = _run(capsys, "export", "--db", str(study_file), "--doc", "1", "--format", "csv")
    assert code == 0
    expected = tmp_path / f"{TITLE}.csv"
    assert expected.exists()
    code, _, err = _run(capsys, "export", "--db", str(study_file), "--doc", "1", "--format",
                        "csv")
    assert code == 2 and "already exists" in err and err.count("\n") == 1
    code, _, _ = _run(capsys, "export", "--db", str(study_file), "--doc", "1", "--format", "csv",
                      "--force")
    assert code == 0


def test_export_into_a_folder_with_a_hostile_title(study_path, tmp_path, capsys):
    db = open_study(study_path)
    build_study(db, title="../../CON")
    db.close()
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, _ = _run(capsys, "export", "--db", str(study_path), "--doc", "1", "--format",
                      "html", "-o", str(folder))
    assert code == 0
    assert [p.name for p in folder.iterdir()] == ["CON_.html"]
    # Nothing was written outside the folder asked for.
    assert {p.name for p in tmp_path.iterdir() if not p.name.startswith("study.sqlite")} == {"out"}


def test_export_filters_by_speaker_and_tag(study_file, tmp_path, capsys):
    out = tmp_path / "q.csv"
    code, _, _ = _run(capsys, "export", "--db", str(study_file), "--format", "csv", "-o",
                      str(out), "--speaker", "陈虞君", "--tag", "算力")
    assert code == 0
    table = list(csv.reader(out.open(encoding="utf-8-sig", newline="")))
    assert [r[3] for r in table[1:]] == [ANNOTATIONS[3][2]]


def test_export_every_format(study_file, tmp_path, capsys):
    for format_id, name in [("qdpx", "p.qdpx"), ("webannotation", "w.jsonld"),
                            ("anki", "g.apkg"), ("html", "n.html")]:
        code, _, err = _run(capsys, "export", "--db", str(study_file), "-f", format_id, "-o",
                            str(tmp_path / name), "--with-transcript")
        assert code == 0, err
        assert (tmp_path / name).stat().st_size > 0


def test_export_labels_in_chinese_on_request(study_file, tmp_path, capsys):
    out = tmp_path / "notes.html"
    code, _, err = _run(capsys, "export", "--db", str(study_file), "-f", "html", "-o", str(out),
                        "--language", "zh")
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert "<dt>来源</dt>" in page and "<h2>术语表</h2>" in page and ">Glossary<" not in page
    # English unless asked.
    code, _, _ = _run(capsys, "export", "--db", str(study_file), "-f", "markdown", "-o",
                      str(tmp_path / "n.md"))
    assert code == 0 and "## Glossary" in (tmp_path / "n.md").read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--db", str(study_file), "-f", "html", "-o", str(out), "--language",
              "fr"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err


def test_export_errors_are_one_line(study_file, tmp_path, capsys):
    code, _, err = _run(capsys, "export", "--db", str(study_file), "-f", "markdown", "-o",
                        str(tmp_path / "missing" / "x.md"))
    assert code == 2 and err.startswith("yandu: ") and err.count("\n") == 1
    code, _, err = _run(capsys, "export", "--db", str(study_file), "-f", "markdown",
                        "--doc", "nothing like this", "-o", str(tmp_path / "x.md"))
    assert code == 2 and "No document matches" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--db", str(study_file), "-f", "pdf", "-o", str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2


def test_annotate_by_quote_occurrence_and_colour(study_file, capsys):
    code, stdout, _ = _run(capsys, "annotate", "--db", str(study_file), "1", "--quote", "算力",
                           "--occurrence", "2", "--note", "**第二处**", "--tag", "算力",
                           "--tag", "试验", "--color", "blue", "--json")
    assert code == 0
    made = json.loads(stdout)
    db = open_study(study_file)
    try:
        ann = rows.get(db, made["id"])
        text = db.execute("SELECT text FROM documents").fetchone()[0]
    finally:
        db.close()
    second = text.index("算力", text.index("算力") + 1)
    assert (ann.start, ann.quote, ann.note, ann.colour) == (second, "算力", "**第二处**",
                                                          "#64b5f6")
    assert set(ann.tags) == {"算力", "试验"}


def test_annotate_by_offsets_and_its_errors(study_file, capsys):
    code, stdout, _ = _run(capsys, "annotate", "--db", str(study_file), TITLE, "--start", "0",
                           "--end", "4", "--note", "标题")
    assert code == 0 and stdout.split()[2] == "AICC"
    code, _, err = _run(capsys, "annotate", "--db", str(study_file), "1", "--quote", "不在文中")
    assert code == 2 and "does not contain" in err and err.count("\n") == 1
    code, _, err = _run(capsys, "annotate", "--db", str(study_file), "1", "--start", "5",
                        "--end", "5")
    assert code == 2 and "outside the document" in err
    code, _, err = _run(capsys, "annotate", "--db", str(study_file), "1", "--quote", "算力",
                        "--color", "not-a-colour")
    assert code == 2 and "Unknown colour" in err


def test_import_annotations_merges_without_duplicates(study_file, study_path, tmp_path,
                                                       capsys):
    exported = tmp_path / "mine.jsonld"
    assert _run(capsys, "export", "--db", str(study_file), "-f", "webannotation", "-o",
                str(exported))[0] == 0
    other = tmp_path / "other.sqlite"
    db = open_study(other)
    build_study(db)
    db.execute("DELETE FROM annotations")
    db.close()
    code, stdout, _ = _run(capsys, "import-annotations", "--db", str(other), str(exported))
    assert code == 0
    assert stdout.strip() == f"Annotations: {len(ANNOTATIONS)} added, 0 updated, 0 unchanged."
    code, stdout, _ = _run(capsys, "import-annotations", "--db", str(other), str(exported),
                           "--json")
    assert json.loads(stdout)["added"] == 0
    db = open_study(other)
    try:
        assert db.execute("SELECT count(*) FROM annotations").fetchone()[0] == len(ANNOTATIONS)
    finally:
        db.close()


def test_import_annotations_bad_file_is_one_line(study_file, tmp_path, capsys):
    code, _, err = _run(capsys, "import-annotations", "--db", str(study_file),
                        str(tmp_path / "nope.json"))
    assert code == 2 and "No file" in err and err.count("\n") == 1


def test_a_mistyped_study_is_not_created(tmp_path, capsys):
    missing = tmp_path / "typo.sqlite"
    code, _, err = _run(capsys, "export", "--db", str(missing), "-f", "csv", "-o",
                        str(tmp_path / "x.csv"))
    assert code == 2 and "No study at" in err
    code, _, err = _run(capsys, "annotate", "--db", str(missing), "1", "--quote", "x")
    assert code == 2 and not missing.exists()
