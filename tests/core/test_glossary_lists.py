"""Importing and exporting term lists: every format, merging, undo, round trips."""

from __future__ import annotations

import pytest

from desktop.core.commands import History
from desktop.core.errors import YanduError
from desktop.core.glossary import (
    AddTerm,
    export_terms,
    find_term,
    import_terms,
    list_terms,
    new_term,
)
from desktop.core.glossary.lists import parse_term_list
from tests.core import glossary_fixture as fx

# Fixtures shared by the glossary tests.
clean_segmenter = fx.clean_segmenter
empty_study = fx.empty_study


def _write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("name,text", [
    ("tab.txt", "算力荒\tcompute shortage\n指令微调\tinstruction tuning\n"),
    ("comma.txt", "算力荒,compute shortage\n指令微调,instruction tuning\n"),
    ("fullwidth.txt", "算力荒，compute shortage\n指令微调，instruction tuning\n"),
    ("mixed.txt", "# a comment\n\n算力荒, compute shortage\r\n指令微调，instruction tuning\n"),
])
def test_plain_lists_with_each_separator(empty_study, tmp_path, name, text):
    plan = import_terms(empty_study, _write(tmp_path, name, text))
    assert plan.summary()["added"] == 2
    assert {(t.term, t.english) for t in list_terms(empty_study)} == {
        ("算力荒", "compute shortage"), ("指令微调", "instruction tuning")}


def test_translation_keeps_its_own_commas(empty_study, tmp_path):
    import_terms(empty_study, _write(tmp_path, "l.txt", "大模型,large model, foundation model\n"))
    assert find_term(empty_study, "大模型").english == "large model, foundation model"


def test_csv_with_english_header_and_quoted_cells(empty_study, tmp_path):
    text = ('term,aliases,english,category,definition\n'
            '张量并行,TP; Tensor Parallelism,tensor parallelism,训练,"切分权重矩阵,\n多卡计算"\n'
            'P2P带宽,,peer-to-peer bandwidth,算力,\n')
    plan = import_terms(empty_study, _write(tmp_path, "t.csv", text))
    assert plan.summary()["added"] == 2
    tp = find_term(empty_study, "张量并行")
    assert tp.aliases == ("TP", "Tensor Parallelism")
    assert tp.definition == "切分权重矩阵,\n多卡计算" and tp.category == "训练"
    assert find_term(empty_study, "p2p带宽").english == "peer-to-peer bandwidth"


def test_tsv_with_chinese_header_in_gbk(empty_study, tmp_path):
    text = "术语\t英文\t释义\t别名\n数据飞轮\tdata flywheel\t用户越多数据越多\t飞轮效应、飞轮\n"
    import_terms(empty_study, _write(tmp_path, "t.tsv", text, encoding="gbk"))
    term = find_term(empty_study, "飞轮效应")
    assert term.term == "数据飞轮" and term.aliases == ("飞轮效应", "飞轮")
    assert term.definition == "用户越多数据越多" and term.pinyin == "shù jù fēi lún"


def test_header_separated_by_fullwidth_commas(empty_study, tmp_path):
    text = "术语，英文，别名\n算力荒，compute shortage，算力紧缺\n"
    import_terms(empty_study, _write(tmp_path, "fw.txt", text))
    (term,) = list_terms(empty_study)
    assert (term.term, term.english, term.aliases) == ("算力荒", "compute shortage", ("算力紧缺",))


def test_duplicates_in_the_file_are_merged_not_doubled(empty_study, tmp_path):
    text = "算力荒\tcompute shortage\n算力紧缺\t\n算力荒\tshortage of compute\n"
    entries, problems = parse_term_list(text)
    assert len(entries) == 3 and problems == []
    plan = import_terms(empty_study, _write(tmp_path, "d.txt",
                                            "term,aliases,english\n算力荒,算力紧缺,compute shortage\n"
                                            "算力紧缺,,\n算力荒,,shortage of compute\n"))
    assert plan.summary()["added"] == 1
    (term,) = list_terms(empty_study)
    assert term.english == "compute shortage" and term.aliases == ("算力紧缺",)


def test_merging_with_the_study_fills_gaps_and_never_overwrites(empty_study, tmp_path):
    history = History(empty_study)
    mine = new_term("算力", definition="我的定义", aliases=["计算力"])
    history.run(AddTerm(mine))
    text = ("term,aliases,english,definition\n"
            "算力,算力资源,computing power,别人的定义\n"
            "計算力,,compute,\n"          # traditional spelling of my alias: same term
            "幻觉,,hallucination,\n")
    plan = import_terms(empty_study, _write(tmp_path, "m.csv", text), history=history)
    assert plan.summary() == {"added": 1, "merged": 1, "unchanged": 1, "skipped": []}
    term = find_term(empty_study, "算力")
    assert term.definition == "我的定义"          # kept
    assert term.english == "computing power"    # filled in
    assert term.aliases == ("计算力", "算力资源")  # new spelling added, 計算力 not doubled
    assert len(list_terms(empty_study)) == 2
    # The whole import is one undoable step.
    assert history.undo_text == "Import terms"
    history.undo()
    assert list_terms(empty_study) == [mine]
    # Importing the same file twice adds nothing the second time.
    import_terms(empty_study, _write(tmp_path, "m.csv", text))
    again = import_terms(empty_study, _write(tmp_path, "m.csv", text))
    assert again.summary()["added"] == 0 and again.summary()["merged"] == 0
    assert again.summary()["unchanged"] == 3


def test_bad_files_are_one_line_errors_and_change_nothing(empty_study, tmp_path):
    with pytest.raises(YanduError, match="No file"):
        import_terms(empty_study, tmp_path / "missing.csv")
    with pytest.raises(YanduError, match="no terms"):
        import_terms(empty_study, _write(tmp_path, "empty.txt", "\n# nothing\n"))
    with pytest.raises(YanduError, match="binary"):
        import_terms(empty_study, _binary(tmp_path))
    assert list_terms(empty_study) == []


def _binary(tmp_path):
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return path


def test_lines_without_a_term_are_reported(empty_study, tmp_path):
    plan = import_terms(empty_study, _write(tmp_path, "p.txt", "算力\tcompute\n\tno term\n"))
    assert plan.summary()["added"] == 1 and plan.problems == ["line 2: no term before the separator"]


@pytest.mark.parametrize("name,fmt,sep", [
    ("g.csv", None, "tab"), ("g.tsv", None, "tab"), ("g.txt", None, "tab"),
    ("g.txt", "list", "comma"), ("g.txt", "list", "fullwidth"),
])
def test_export_then_import_round_trips(empty_study, tmp_path, name, fmt, sep):
    history = History(empty_study)
    history.run(AddTerm(new_term("张量并行", aliases=["TP"], english="tensor parallelism",
                                 definition="多行\n定义, 有逗号", category="训练")))
    history.run(AddTerm(new_term("幻觉", english="hallucination")))
    path = tmp_path / name
    assert export_terms(empty_study, path, fmt=fmt, sep=sep) == 2
    from db import open_memory_study

    other = open_memory_study()
    try:
        import_terms(other, path)
        got = {t.term: t for t in list_terms(other)}
        assert set(got) == {"张量并行", "幻觉"}
        assert got["张量并行"].english == "tensor parallelism"
        if path.suffix in (".csv", ".tsv"):
            assert got["张量并行"].definition == "多行\n定义, 有逗号"
            assert got["张量并行"].aliases == ("TP",)
    finally:
        other.close()
    if fmt == "list":
        mark = {"comma": ",", "fullwidth": "，"}[sep]
        assert path.read_text(encoding="utf-8").splitlines()[0] == f"幻觉{mark}hallucination"
