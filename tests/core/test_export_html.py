"""HTML export: user-written text can neither run nor fetch anything."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from db import annotations as rows
from db.annotations import Annotation
from desktop.core.export import ExportOptions, export_html, render_html
from desktop.core.export.html import markdown_to_html, plain_paragraphs, sanitise
from tests.core.export_fixture import EXPORTED_AT, STAMP, build_study

HOSTILE_NOTES = [
    "<script>alert('note')</script>",
    '<img src="http://evil.example/pixel.png" onerror="alert(1)">',
    "![pixel](http://evil.example/md-pixel.png)",
    "[click me](javascript:alert(1))",
    "[shout](JaVaScRiPt:alert(2))",
    "[encoded](&#106;avascript:alert(3))",
    '<a href="javascript:alert(4)">raw link</a>',
    "<javascript:alert(5)>",
    '<iframe src="http://evil.example/frame"></iframe>',
    "<svg onload=alert(6)><circle r=1></svg>",
    '<div style="background:url(http://evil.example/bg.png)" onclick="alert(7)">div</div>',
    "<style>body { background: url(http://evil.example/css.png) }</style>",
    '<link rel="stylesheet" href="http://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
    '<object data="http://evil.example/x.swf"></object>',
    '<form action="http://evil.example/steal"><input name=x></form>',
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==)",
    '<a href="https://example.com/ok" onmouseover="alert(9)">fine link</a>',
    "Text with {: onclick=alert(10) } attribute list",
]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.in_style = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _collect(page: str) -> list[tuple[str, dict]]:
    parser = _Collector()
    parser.feed(page)
    return parser.tags


@pytest.fixture
def hostile_study(memory_db):
    build_study(memory_db, title="<script>alert('title')</script>标题")
    text = memory_db.execute("SELECT text FROM documents").fetchone()[0]
    start = text.index("算力荒")
    for i, note in enumerate(HOSTILE_NOTES):
        rows.insert(memory_db, Annotation(
            id=f"00000000-0000-4000-8000-{i:012d}", document_id=1, start=start, end=start + 3,
            quote="算力荒", note=note, colour="#ffd54f", author="", created_at=STAMP,
            updated_at=STAMP, tags=("<b>tag</b>", "x\" onclick=\"alert(11)"),
        ))
    memory_db.execute("UPDATE speakers SET name = '<img src=http://evil.example/s.png>' "
                      "WHERE name = '杨静'")
    return memory_db


def test_nothing_user_written_can_run_or_fetch(hostile_study):
    page = render_html(hostile_study, ExportOptions(exported_at=EXPORTED_AT))
    tags = _collect(page)
    names = {t for t, _ in tags}
    assert not names & {"script", "img", "iframe", "svg", "object", "embed", "form", "input",
                        "link", "base", "video", "audio", "source"}
    assert [t for t, _ in tags].count("style") == 1  # our stylesheet only
    assert [a for t, a in tags if t == "meta" and a.get("http-equiv") == "refresh"] == []
    for tag, attrs in tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert "style" not in attrs and "src" not in attrs, (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].split(":", 1)[0].lower() in {"http", "https", "mailto"}, attrs
    assert "evil.example" not in "".join(str(a) for _, a in tags)
    lowered = page.lower()
    assert "javascript:" not in lowered.replace("&lt;javascript:", "")
    # The user's words are still there, as text.
    assert "raw link" in page and "fine link" in page and "标题" in page
    assert 'href="https://example.com/ok"' in page


def test_the_page_forbids_every_fetch_by_policy(hostile_study):
    page = render_html(hostile_study, ExportOptions(exported_at=EXPORTED_AT))
    assert "default-src 'none'" in page


def test_title_is_escaped_in_the_head(hostile_study):
    page = render_html(hostile_study, ExportOptions(exported_at=EXPORTED_AT))
    head = page.split("</head>")[0]
    assert "<title>&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;标题</title>" in head


def test_sanitise_keeps_ordinary_formatting():
    fragment = markdown_to_html("**粗体** *斜体* `code`\n\n- a\n- b\n\n> 引用\n\n"
                                "| a | b |\n|---|---|\n| 1 | 2 |")
    for tag in ("<strong>粗体</strong>", "<em>斜体</em>", "<code>code</code>", "<li>a</li>",
                "<blockquote>", "<table>", "<td>1</td>"):
        assert tag in fragment


def test_sanitise_strips_script_content_entirely():
    assert sanitise("<p>a<script>alert(1)</script>b</p>") == "<p>ab</p>"


def test_export_html_writes_a_standalone_utf8_file(hostile_study, tmp_path):
    out = export_html(hostile_study, ExportOptions(exported_at=EXPORTED_AT), tmp_path / "n.html")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "Noto Serif CJK SC" in page and "@media print" in page


_PIECES = list("算力幻觉 。,!?:;.()abc 123\n#-+=*_<>&|~`\t[]") + ["  \n", "1. ", "- ", "\n    ",
                                                             "\n\n", "> "]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
@example("    \n算")  # spaces alone on a line open an empty code block
def test_plain_text_shortcut_renders_exactly_like_markdown(text):
    fast = plain_paragraphs(text)
    if fast is not None:
        renderer = markdown.Markdown(extensions=["sane_lists", "tables", "fenced_code"])
        assert sanitise(fast) == sanitise(renderer.convert(text))


def test_plain_text_shortcut_is_taken_for_plain_chinese_and_not_for_markup():
    assert plain_paragraphs("第一段。\n\n第二段,还有一行\n续行") == \
        "<p>第一段。</p>\n<p>第二段,还有一行\n续行</p>"
    for marked in ("**粗**", "- 列表", "1. 一", "# 标题", "a  \nb", "<b>x</b>", "    code"):
        assert plain_paragraphs(marked) is None


def _body(page: str) -> str:
    return page.split("<body>", 1)[1]


def test_a_note_that_lost_unsafe_html_says_so_quietly(memory_db):
    build_study(memory_db)
    memory_db.execute("UPDATE annotations SET note = '<img src=x onerror=alert(1)>看这里' "
                      "WHERE id = '33333333-3333-4333-8333-333333333333'")
    page = render_html(memory_db, ExportOptions(exported_at=EXPORTED_AT))
    body = _body(page)
    assert "<img" not in body and "onerror" not in body
    assert body.count("<p><small>Unsafe HTML removed from this note.</small></p>") == 1
    # It follows the note that lost something, and no other.
    note = body.index("看这里")
    assert body.index("Unsafe HTML removed") > note
    zh = _body(render_html(memory_db, ExportOptions(exported_at=EXPORTED_AT, language="zh")))
    assert "<p><small>已从此批注中删除不安全的 HTML。</small></p>" in zh


def test_clean_notes_get_no_removal_line(memory_db):
    build_study(memory_db)  # links and Markdown only: nothing unsafe
    body = _body(render_html(memory_db, ExportOptions(exported_at=EXPORTED_AT)))
    assert "Unsafe HTML" not in body and 'href="https://example.com/aicc2023"' in body


def test_header_and_headings_follow_the_export_language(memory_db):
    build_study(memory_db)
    page = render_html(memory_db, ExportOptions(exported_at=EXPORTED_AT, language="zh"))
    assert "<dt>来源</dt>" in page and "<dt>发言人</dt>" in page and "<dt>日期</dt>" in page
    assert "<h2>术语表</h2>" in page and "<p>标签: #算力</p>" in page
    for english in ("<dt>Source</dt>", "<dt>Speakers</dt>", "<dt>Date</dt>", ">Glossary<",
                    ">Tags:"):
        assert english not in page
    page = render_html(memory_db, ExportOptions(exported_at=EXPORTED_AT))
    assert "<dt>Source</dt>" in page and "<h2>Glossary</h2>" in page
