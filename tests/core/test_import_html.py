"""Web pages saved from a browser: the article's text and title, without the page around it."""

from __future__ import annotations

import pytest

from desktop.core.errors import YanduError
from desktop.core.importing import parse_bytes
from desktop.core.importing.html import decode_html, extract_html, read_html

WECHAT = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0">
<meta property="og:title" content="大模型时代的算力与数据：圆桌实录">
<title>中国人工智能学会</title>
<script>var msg_title = "主持人：脚本里的字"; window.__wx = {a: "<p>不是正文</p>"};</script>
<style>.rich_media_content p { margin: 0; } body::before { content: "样式"; }</style>
</head>
<body id="activity-detail" class="zh_CN">
<div class="top_nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/about">关于我们</a></div>
<div id="js_article" class="rich_media">
<div class="rich_media_inner">
<h1 class="rich_media_title" id="activity-name">
  大模型时代的
  算力与数据：圆桌实录
</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_text">原创</span>
<a href="javascript:void(0);" id="js_name">中国人工智能学会</a>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">2023-08-01 18:00</em>
</div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">
<section><p style="text-align: center;"><span>点击上方蓝字关注我们</span></p></section>
<section><p>以下是圆桌论坛的文字实录，
经整理后发布：</p></section>
<h2><span>一、算力从哪里来</span></h2>
<p><strong>杨静：</strong>各位嘉宾好，第一个问题，算力的瓶颈在哪里？</p>
<p><strong>张家俊</strong>：我认为算力是重要因素，但<a href="https://example.com/x">数据</a>同样关键。</p>
<p><span style="font-size: 15px;"><strong><span>王斌：</span></strong><span>我补充一点，</span></span><span>训练成本仍然很高。</span></p>
<p><br></p>
<h2>二、数据与开源</h2>
<p>\u3000\u3000<strong>杨静：</strong>那么数据方面呢？\u200b</p><p>\u200b</p>
<p><b>刘群：</b>高质量的中文数据还不够。<br>我们需要更多开放的数据集。</p>
<ul><li>第一，公开数据；</li><li>第二，行业数据。</li></ul>
<p><strong>张家俊：</strong>我同意刘老师的看法。</p>
<p><img data-src="https://mmbiz.qpic.cn/x.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>
<!-- 这是注释，不应出现 -->
<section style="text-align: center;"><span>— 完 —</span></section>
</div>
<div class="rich_media_tool" id="js_toobar3">
<a id="js_view_source" href="##">阅读原文</a>
<div class="media_tool_meta"><span>阅读 10万+</span> <span>赞</span> <span>分享</span> <span>在看</span></div>
</div>
</div>
</div>
<div class="rich_media_extra">
<div class="related_article"><h3>相关文章</h3><ul>
<li><a href="/a1">人工智能学会年会开幕</a></li>
<li><a href="/a2">大模型评测报告发布</a></li>
</ul></div>
</div>
<div class="footer"><p>微信扫一扫关注该公众号</p><p>喜欢此内容的人还喜欢</p><p>Copyright © 2023</p></div>
<script src="https://res.wx.qq.com/a.js"></script>
</body>
</html>
"""

WECHAT_TEXT = """以下是圆桌论坛的文字实录，经整理后发布：

## 一、算力从哪里来

杨静：各位嘉宾好，第一个问题，算力的瓶颈在哪里？

张家俊：我认为算力是重要因素，但数据同样关键。

王斌：我补充一点，训练成本仍然很高。

## 二、数据与开源

杨静：那么数据方面呢？

刘群：高质量的中文数据还不够。
我们需要更多开放的数据集。

第一，公开数据；

第二，行业数据。

张家俊：我同意刘老师的看法。"""

NEWS = """<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Hearing on water rights: transcript | The Daily Ledger</title>
<link rel="stylesheet" href="site.css">
<script type="text/javascript">dataLayer = [{"page": "article"}];</script>
</head>
<body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/world">World</a></li></ul></nav><form class="search"><input name="q"></form></header>
<div class="page">
<div class="col-main">
<h1>Hearing on water rights: transcript</h1>
<p class="byline">By Jane Doe, March 3, 2024</p>
<p>The following is a transcript of Tuesday\u2019s hearing before the committee on the
river basin, held at the caf\u00e9 of the town hall.</p>
<h2>Opening statements</h2>
<p><b>THE CHAIR:</b> The committee will come to order. We are here to discuss the river&nbsp;basin.</p>
<p><b>MR. SMITH:</b> Thank you, Madam Chair. It&#146;s an honour to be here.</p>
<p><b>MS. JONES</b>: Does the gentleman yield? I\u2019d like to ask about the <a href="/dams">dams</a>.</p>
<h3>Questions</h3>
<p><b>THE CHAIR:</b> The gentlewoman is recognised.</p>
<p><b>MR. SMITH:</b> I yield.</p>
</div>
<div class="col-side sidebar"><h3>Most read</h3><ol><li><a href="/1">Storm hits coast</a></li>
<li><a href="/2">Markets rally</a></li></ol></div>
</div>
<footer><p>&copy; 2024 The Daily Ledger. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></p></footer>
</body>
</html>
"""

NAV_ONLY = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>网站地图</title></head>
<body><div class="menu"><a href="/">首页</a></div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li>
<li><a href="/about">关于我们</a></li><li><a href="/contact">联系我们</a></li></ul></nav>
<ul class="links"><li><a href="/a">人工智能学会年会开幕</a></li><li><a href="/b">大模型评测报告发布</a></li></ul>
<footer>© 2024 中国人工智能学会</footer></body></html>"""


def test_wechat_article_text_and_title():
    text, title = extract_html(WECHAT.encode("utf-8"), "article.html")
    assert title == "大模型时代的算力与数据：圆桌实录"  # h1#activity-name, spaces closed up
    assert text == WECHAT_TEXT


@pytest.mark.parametrize("left_out", [
    "脚本", "不是正文", "样式", "注释", "首页", "关于我们", "阅读原文", "阅读 10万+", "分享",
    "在看", "相关文章", "年会开幕", "微信扫一扫", "喜欢此内容", "Copyright", "点击上方蓝字",
    "— 完 —", "原创", "2023-08-01", "mmbiz", "example.com",
])
def test_wechat_page_furniture_is_left_out(left_out):
    text, _ = extract_html(WECHAT.encode("utf-8"), "article.html")
    assert left_out not in text


def test_news_page_in_its_declared_charset():
    data = NEWS.encode("cp1252")
    assert b"caf\xe9" in data and b"Tuesday\x92s" in data  # not UTF-8
    page = read_html(data, "hearing.htm")
    assert page.encoding == "Windows-1252"
    # The page's <title> without the site's name, as the article's own heading has it.
    assert page.title == "Hearing on water rights: transcript"
    assert page.text.split("\n\n") == [
        "The following is a transcript of Tuesday\u2019s hearing before the committee on the "
        "river basin, held at the caf\u00e9 of the town hall.",
        "## Opening statements",
        "THE CHAIR: The committee will come to order. We are here to discuss the river basin.",
        "MR. SMITH: Thank you, Madam Chair. It\u2019s an honour to be here.",
        "MS. JONES: Does the gentleman yield? I\u2019d like to ask about the dams.",
        "### Questions",
        "THE CHAIR: The gentlewoman is recognised.",
        "MR. SMITH: I yield.",
    ]


def test_only_navigation_is_refused():
    with pytest.raises(YanduError, match="map.html has no article text") as info:
        extract_html(NAV_ONLY.encode("utf-8"), "map.html")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    bytes(range(256)) * 4,
    b"<html><body>\x00\x01\x02\x03</body></html>" * 20,
])
def test_binary_data_is_refused(data):
    with pytest.raises(YanduError, match="binary file") as info:
        extract_html(data, "x.html")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("data", [
    b"<!-- nothing -->", b"<html><head><title>t</title></head><body> </body></html>",
    b"<html><body><script>var a = 1;</script><img src=x></body></html>",
    b"<html><body><h1>Only a heading</h1></body></html>",
])
def test_pages_without_text_are_refused(data):
    with pytest.raises(YanduError, match="has no article text"):
        extract_html(data, "empty.html")


def test_chinese_legacy_charsets():
    page = "<html><head><meta charset=gb2312><title>圆桌</title></head><body>" \
           "<p>杨静：大家好。</p><p>张三：你好。</p></body></html>"
    gbk = read_html(page.encode("gbk"), "a.html")
    assert (gbk.text, gbk.title, gbk.encoding) == ("杨静：大家好。\n\n张三：你好。", "圆桌", "GB2312")
    # No declaration: the bytes are recognised by their characters.
    traditional = ("<html><head><title>圓桌</title></head><body>"
                   "<p>楊靜：大家好。</p><p>張三：你好。</p></body></html>")
    big5 = read_html(traditional.encode("big5"), "b.html")
    assert big5.text.startswith("楊靜：大家好。") and big5.encoding == "Big5"
    # A page saved as UTF-8 that still declares its old charset reads as UTF-8.
    assert read_html(page.encode("utf-8"), "c.html").text.startswith("杨静：")


def test_byte_order_mark_wins():
    page = "<html><head><meta charset=gbk></head><body><p>主持人：你好。</p></body></html>"
    decoded = decode_html("\ufeff".encode() + page.encode("utf-8"), "x.html")
    assert decoded.encoding == "UTF-8 (BOM)" and "主持人" in decoded.text
    decoded = decode_html(page.encode("utf-16"), "x.html")
    assert decoded.encoding == "UTF-16" and "主持人" in decoded.text


def test_blocks_lines_tables_and_preformatted_text():
    page = """<html><body><article>
    <h1>Title heading</h1><h4>Fourth</h4><h5>Small heading</h5>
    <div>first line<br/>second line<br><br>after a blank<br></div>
    <div><div>nested</div>tail text</div>
    <table><tr><th>Name</th><th>Speech</th></tr>
    <tr><td>杨静</td><td>大家好。</td></tr></table>
    <pre>  kept   as
  written</pre>
    <p>Chinese
    中文
    换行 and <em>English</em>
    words</p>
    <p>&#147;quoted&#148;&nbsp;&amp; <ruby>漢<rt>han</rt></ruby>字</p>
    </article></body></html>"""
    text, title = extract_html(page.encode(), "x.html")
    assert title == "Title heading"
    assert text.split("\n\n") == [
        "#### Fourth", "Small heading", "first line\nsecond line", "after a blank", "nested",
        "tail text", "Name\tSpeech", "杨静\t大家好。", "  kept   as\n  written",
        "Chinese 中文换行 and English words", "\u201cquoted\u201d & 漢字",
    ]


def test_xhtml_with_an_xml_declaration():
    page = ('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            "<head><title>记录</title></head><body><p>主席：开会。</p></body></html>")
    assert extract_html(page.encode(), "x.xhtml") == ("主席：开会。", "记录")


def test_parse_bytes_reads_the_wechat_article():
    data = WECHAT.encode("utf-8")
    parsed = parse_bytes(data, "文章.html")
    assert parsed.format == "html" and parsed.encoding == "UTF-8"
    assert parsed.title == "大模型时代的算力与数据：圆桌实录"
    assert parsed.source == data
    assert parsed.text == WECHAT_TEXT
    assert [s.name for s in parsed.speakers] == ["杨静", "张家俊", "王斌", "刘群"]
    # The article's headings are its sections.
    assert [s.title for s in parsed.sections] == ["一、算力从哪里来", "二、数据与开源"]
    assert parse_bytes(data, "文章.htm", title="我的标题").title == "我的标题"


def test_parse_bytes_reads_the_news_page():
    data = NEWS.encode("cp1252")
    parsed = parse_bytes(data, "hearing.html")
    assert parsed.encoding == "Windows-1252" and parsed.source == data
    assert parsed.title == "Hearing on water rights: transcript"
    assert [s.name for s in parsed.speakers] == ["THE CHAIR", "MR. SMITH", "MS. JONES"]
    chair = [parsed.turn_text(t) for t in parsed.turns if t.speaker == "THE CHAIR"]
    assert chair[-1] == "The gentlewoman is recognised."


def test_parse_bytes_refuses_a_page_of_links():
    with pytest.raises(YanduError, match="has no article text"):
        parse_bytes(NAV_ONLY.encode("utf-8"), "map.htm")


def test_chrome_lines_go_only_at_the_ends_of_the_article():
    middle = "".join(f"<p>主持人：第{i}个问题。</p><p>嘉宾：回答{i}。</p>" for i in range(6))
    page = ("<html><body><article><p>点击上方蓝字关注我们</p><p>Share this article</p>"
            f"{middle}<p>分享</p><p>赞</p><p>Shareholders asked about dividends.</p>{middle}"
            "<p>— END —</p><p>阅读原文</p><p>© 2024 某某公众号</p></article></body></html>")
    lines = extract_html(page.encode(), "x.html")[0].split("\n\n")
    assert lines[0] == "主持人：第0个问题。" and lines[-1] == "嘉宾：回答5。"
    assert lines[12:15] == ["分享", "赞", "Shareholders asked about dividends."]


def test_stored_with_its_page(memory_db):
    from desktop.core.importing import import_bytes

    with pytest.raises(YanduError):
        import_bytes(memory_db, NAV_ONLY.encode("utf-8"), "map.html")
    assert memory_db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    data = WECHAT.encode("utf-8")
    result = import_bytes(memory_db, data, "article.html")
    assert (result.format, result.title) == ("html", "大模型时代的算力与数据：圆桌实录")
    stored = memory_db.execute("SELECT data FROM document_sources WHERE document_id = ?",
                               [result.document_id]).fetchone()[0]
    assert bytes(stored) == data


def test_the_readers_encoding_wins():
    from desktop.core.importing.model import ParseOptions

    page = ("<html><head><meta charset=big5></head><body><p>主持人：你好。</p>"
            "<p>张三：你好。</p></body></html>").encode("gbk")  # the declaration is wrong
    parsed = parse_bytes(page, "x.html", options=ParseOptions(encoding="GBK"))
    assert parsed.encoding == "GBK" and parsed.text == "主持人：你好。\n\n张三：你好。"
    with pytest.raises(YanduError, match="does not read as UTF-8"):
        parse_bytes(page, "x.html", options=ParseOptions(encoding="UTF-8"))
