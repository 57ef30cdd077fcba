"""Markdown and HTML notes compared with reference files a person has read, plus options."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest

from desktop.core.export import ExportOptions, export_markdown, render_html, render_markdown
from desktop.core.export.mdtext import escape_inline, hashtag
from tests.core.export_fixture import EXPORTED_AT, build_study

REFERENCE = Path(__file__).resolve().parent.parent / "reference"
# Set to 1 to rewrite the reference files (then read them before committing).
REGENERATE = os.environ.get("YANDU_REGENERATE_REFERENCE") == "1"


@pytest.fixture
def study(memory_db):
    build_study(memory_db)
    return memory_db


def _compare(name: str, text: str) -> None:
    path = REFERENCE / name
    if REGENERATE:
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the reference"


@pytest.mark.parametrize(("name", "options"), [
    ("notes.md", ExportOptions(exported_at=EXPORTED_AT)),
    ("notes-with-transcript.md", ExportOptions(exported_at=EXPORTED_AT, with_transcript=True)),
])
def test_markdown_matches_reference(study, name, options):
    _compare(name, render_markdown(study, options))


def test_html_matches_reference(study):
    _compare("notes.html", render_html(study, ExportOptions(exported_at=EXPORTED_AT)))


def test_export_markdown_writes_the_rendered_text_and_no_stray_files(study, tmp_path):
    out = tmp_path / "notes.md"
    options = ExportOptions(exported_at=EXPORTED_AT)
    assert export_markdown(study, options, out) == out
    assert out.read_bytes() == render_markdown(study, options).encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]


def _properties(text: str) -> dict:
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load(text.split("---\n")[1])


def _is_obsidian_property(value) -> bool:
    """Obsidian's property types: text, number, checkbox, date, and lists of text."""
    if isinstance(value, list):
        return all(isinstance(v, str) for v in value)
    return isinstance(value, (str, int, float, bool, datetime.date))


def test_front_matter_holds_plain_obsidian_properties(study):
    text = render_markdown(study, ExportOptions(exported_at=EXPORTED_AT))
    head = _properties(text)
    assert head["title"] == "大模型创新圆桌(节选)"
    assert head["source"] == "roundtable-excerpt.txt"
    assert head["date"] == datetime.date(2026, 11, 27)
    assert head["speakers"] == ["杨静", "陈虞君", "张家俊"]
    assert "杨静: 新智元创始人&CEO" in head["roles"] and head["moderators"] == ["杨静"]
    # The tags of the exported annotations, as Obsidian spells tags (no #, no spaces).
    assert head["tags"] == ["_2023", "幻觉", "算力", "落地_场景"]
    assert all(_is_obsidian_property(v) for v in head.values()), head


def test_front_matter_tags_are_those_of_the_exported_annotations(study):
    head = _properties(render_markdown(study, ExportOptions(exported_at=EXPORTED_AT,
                                                            speakers=("杨静",))))
    assert head["tags"] == ["算力"]
    assert head["only_speakers"] == ["杨静"]


def test_annotations_follow_transcript_order_grouped_by_section(study):
    text = render_markdown(study, ExportOptions(exported_at=EXPORTED_AT, with_glossary=False))
    quotes = re.findall(r"^> (.+)$", text, flags=re.MULTILINE)
    assert quotes == ["降低大模型幻觉问题", "— turn 3", "降本增效", "— turn 4", "算力荒", "— turn 5",
                      r"𠮷野家式的小模型\*也\*", "— turn 6"]
    sections = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert [s[:4] for s in sections] == ["百模大战", "算力荒已"]


def test_speaker_filter_keeps_only_that_speakers_annotations_and_turns(study):
    text = render_markdown(study, ExportOptions(speakers=("陈虞君",), with_transcript=True,
                                                exported_at=EXPORTED_AT))
    assert re.findall(r"^### (.+)$", text, flags=re.MULTILINE) == ["Note · 陈虞君"] * 2
    assert "**张家俊:**" not in text and "**陈虞君:**" in text
    assert _properties(text)["only_speakers"] == ["陈虞君"]


def test_tag_filter_is_case_insensitive_and_keeps_any_matching_tag(study):
    text = render_markdown(study, ExportOptions(tags=("落地 场景",), exported_at=EXPORTED_AT))
    assert re.findall(r"^> ([^—].*)$", text, flags=re.MULTILINE) == ["降低大模型幻觉问题", "降本增效"]
    # Sections left without annotations disappear.
    assert "## 算力荒" not in text


def test_glossary_appendix_lists_only_terms_found_in_the_document(study):
    text = render_markdown(study, ExportOptions(exported_at=EXPORTED_AT))
    appendix = text.split("## Glossary", 1)[1]
    assert "**算力**" in appendix and "**幻觉**" in appendix and "**大模型**" in appendix
    assert "蒸馏" not in appendix  # in the glossary, not in the transcript


def test_whole_study_lists_every_document_in_the_front_matter(memory_db):
    build_study(memory_db, doc_id=1)
    build_study(memory_db, doc_id=2, sha="e" * 64, title="第二场", with_glossary=False)
    text = render_markdown(memory_db, ExportOptions(exported_at=EXPORTED_AT))
    head = _properties(text)
    assert head["title"] == "Yandu notes"
    # Plain values Obsidian can type: a list of titles, not a list of objects.
    assert head["documents"] == ["大模型创新圆桌(节选)", "第二场"]
    assert head["sources"] == ["roundtable-excerpt.txt"]
    assert head["speakers"] == ["杨静", "陈虞君", "张家俊"]
    assert all(_is_obsidian_property(v) for v in head.values()), head
    assert re.findall(r"^# (.+)$", text, flags=re.MULTILINE) == [
        "大模型创新圆桌(节选)", "第二场", "Glossary"]


def test_document_without_annotations_says_so(memory_db):
    build_study(memory_db)
    memory_db.execute("DELETE FROM annotations")
    text = render_markdown(memory_db, ExportOptions(exported_at=EXPORTED_AT))
    assert "*No annotations.*" in text


@pytest.mark.parametrize(("raw", "escaped"), [
    ("a*b_c", r"a\*b\_c"),
    ("# 标题", r"\# 标题"),
    ("1. 第一", r"1\. 第一"),
    ("- 列表", r"\- 列表"),
    ("<script>x</script>", "&lt;script>x&lt;/script>"),
    ("&amp; & &CEO", "&amp;amp; & &CEO"),
    ("[链接](http://x)", r"\[链接\](http://x)"),
])
def test_transcript_text_is_escaped_so_it_shows_literally(raw, escaped):
    assert escape_inline(raw) == escaped


@pytest.mark.parametrize(("tag", "expected"), [
    ("算力", "#算力"), ("tag with space", "#tag_with_space"), ("2023", "#_2023"),
    ("C++ / Rust", "#C_/_Rust"), ("  ", "#tag"), ("a#b", "#a_b"),
])
def test_tags_become_obsidian_hashtags(tag, expected):
    assert hashtag(tag) == expected


def test_reference_markdown_renders_as_meant_in_a_commonmark_renderer(study):
    from markdown_it import MarkdownIt

    text = render_markdown(study, ExportOptions(exported_at=EXPORTED_AT, with_transcript=True))
    body = text.split("---\n", 2)[2]  # CommonMark has no front matter; Obsidian reads it
    page = MarkdownIt("commonmark").render(body)
    # The quote ends with where it is in the transcript, inside the quote.
    assert "<blockquote>\n<p>𠮷野家式的小模型*也*</p>\n<p>— turn 6</p>\n</blockquote>" in page
    assert "<p>Tags: #_2023 #算力</p>" in page  # tags are text, not headings
    assert "<h3>Note · 陈虞君</h3>" in page
    assert "<p><strong>陈虞君:</strong> <em>提升大模型长文本能力,降低幻觉问题</em></p>" in page
    assert "<li>长文本</li>" in page and "<strong>幻觉</strong>是落地的头号障碍。" in page


def test_hostile_transcript_text_stays_literal_in_commonmark(memory_db):
    from markdown_it import MarkdownIt

    build_study(memory_db)
    memory_db.execute(
        "UPDATE turns SET text = '1. <b>粗</b> [链](javascript:x) # 不是标题 &amp; *斜*' "
        "WHERE position = 6")
    text = render_markdown(memory_db, ExportOptions(with_transcript=True, with_glossary=False))
    page = MarkdownIt("commonmark").render(text.split("---\n", 2)[2])
    assert ("<p><strong>张家俊:</strong> 1. &lt;b&gt;粗&lt;/b&gt; [链](javascript:x) "
            "# 不是标题 &amp;amp; *斜*</p>") in page


def test_front_matter_is_valid_yaml_even_for_awkward_names(memory_db):
    yaml = pytest.importorskip("yaml")
    build_study(memory_db, title='标题: "引号"\n# 不是注释 --- &anchor *alias')
    memory_db.execute("UPDATE speakers SET role = 'a: b\\ c\t[x]' WHERE name = '陈虞君'")
    text = render_markdown(memory_db, ExportOptions(exported_at=EXPORTED_AT,
                                                    speakers=("陈虞君", "it's")))
    head = yaml.safe_load(text.split("---\n")[1])
    assert head["title"] == '标题: "引号"\n# 不是注释 --- &anchor *alias'
    assert head["speakers"][1] == "陈虞君"
    assert "陈虞君: a: b\\ c\t[x]" in head["roles"]
    assert head["only_speakers"] == ["陈虞君", "it's"]
    assert str(head["date"]) == "2026-11-27"


def test_an_empty_study_exports_in_every_format(memory_db, tmp_path):
    from desktop.core.export import FORMATS, export

    for format_id, (_label, suffix, _fn, _uses) in FORMATS.items():
        out = export(memory_db, format_id, ExportOptions(), tmp_path / f"empty{suffix}")
        assert out.stat().st_size > 0
    assert render_markdown(memory_db, ExportOptions(exported_at=EXPORTED_AT)).startswith(
        '---\ntitle: "Yandu notes"\ndate: 2026-11-27\ndocuments: []\n---\n')


def test_annotation_outside_every_turn_opens_the_notes(study):
    from desktop.core.scripted_annotations import annotate

    annotate(study, 1, start=0, end=4, note="标题行")  # "AICC", before the first turn
    text = render_markdown(study, ExportOptions(exported_at=EXPORTED_AT, with_glossary=False))
    body = text.split("---\n", 2)[2]
    assert body.index("## Opening\n\n### Narration\n\n> AICC\n\n标题行") < body.index("## 百模")


def _set_note(db, ann_id: str, note: str) -> None:
    db.execute("UPDATE annotations SET note = ? WHERE id = ?", [note, ann_id])


def test_raw_html_in_a_note_is_cleaned_in_the_markdown_file(study):
    from markdown_it import MarkdownIt

    _set_note(study, "11111111-1111-4111-8111-111111111111",
              "<script>alert('x')</script>**粗** <img src=x onerror=alert(1)> "
              '<b onclick="alert(2)">安全</b> <a href="javascript:alert(3)">链</a>\n\n'
              "`<script>` in code, a < b > c & d")
    text = render_markdown(study, ExportOptions(exported_at=EXPORTED_AT))
    page = MarkdownIt("commonmark").render(text.split("---\n", 2)[2])
    assert "<script" not in page.split("<code>")[0] and "alert" not in text
    assert "<img" not in text and "onerror" not in text and "onclick" not in text
    # What was safe stays as the user wrote it, Markdown and code included.
    assert "**粗**  <b>安全</b> <a>链</a>\n\n`<script>` in code, a < b > c & d" in text
    assert "*Unsafe HTML removed from this note.*" in text


def test_a_note_with_only_safe_html_is_left_alone(study):
    note = '<b>粗</b> <a href="https://example.com/?a=1&amp;b=2">链</a> <br> x < y'
    _set_note(study, "11111111-1111-4111-8111-111111111111", note)
    text = render_markdown(study, ExportOptions(exported_at=EXPORTED_AT))
    assert note in text and "Unsafe HTML" not in text


def test_glossary_appendix_explains_only_what_the_exported_notes_and_quotes_hold(study):
    study.execute("INSERT INTO glossary_terms (id, term, aliases, english, pinyin, created_at, "
                  "updated_at) VALUES ('c', 'ChatGPT', '[\"ChatGPT\", \"chatgpt\", \"GPT\", "
                  "\"GPT\"]', 'ChatGPT', 'ChatGPT', ?, ?)", [EXPORTED_AT, EXPORTED_AT])
    # Only annotation 3 (quote 算力荒) is exported: 大模型 and 幻觉 are elsewhere in the
    # transcript, not in what the file shows.
    options = ExportOptions(exported_at=EXPORTED_AT, speakers=("杨静",))
    appendix = render_markdown(study, options).split("## Glossary", 1)[1]
    assert re.findall(r"^\*\*(.+?)\*\*", appendix, flags=re.MULTILINE) == ["算力"]

    _set_note(study, "33333333-3333-4333-8333-333333333333", "和 ChatGPT 比一比")
    appendix = render_markdown(study, options).split("## Glossary", 1)[1]
    # Pinyin and English equal to the term, and repeated aliases, are said once or not at all.
    assert "**ChatGPT** (also GPT)" in appendix
    # With the transcript, the turns shown count too.
    with_turns = render_markdown(study, ExportOptions(exported_at=EXPORTED_AT,
                                                      speakers=("杨静",), with_transcript=True))
    assert "**大模型**" in with_turns.split("## Glossary", 1)[1]


def test_labels_follow_the_export_language(study):
    zh = render_markdown(study, ExportOptions(exported_at=EXPORTED_AT, language="zh",
                                              with_transcript=True))
    assert "## 术语表" in zh and "标签: #幻觉" in zh and "### 批注 · 陈虞君" in zh
    assert "Glossary" not in zh and "Tags:" not in zh and "Note ·" not in zh
    assert "(suànlì; computing power; 又作 计算能力)" in zh
    en = render_markdown(study, ExportOptions(exported_at=EXPORTED_AT, with_transcript=True))
    assert "## Glossary" in en and "### Note · 陈虞君" in en


def test_an_unknown_export_language_is_a_one_line_error(study):
    from desktop.core.errors import YanduError

    with pytest.raises(YanduError, match="^Unknown export language 'fr'; use one of en, zh.$"):
        render_markdown(study, ExportOptions(language="fr"))
