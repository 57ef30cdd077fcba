"""The article of a web page saved from a browser (.html/.htm), as plain text, and its title.

Nothing is fetched: the page is read as it was saved. The article is found the way a
reader's eye finds it: WeChat's `#js_content`, else the page's own `articleBody`,
`<article>` or `<main>`, else the smallest part of the page that holds most of its text.
Navigation, scripts, styles, comments, forms, footers, share bars, related-article lists
and other link lists are left out. Each paragraph (`<p>`, `<div>`, `<li>`, a line ended by
`<br>`) is one line, with a blank line between blocks; bold labels read as plain text
(`<p><strong>杨静</strong>：…</p>` gives `杨静：…`); headings `<h1>`-`<h4>` become Markdown
heading lines (`## 标题`); links keep their text; table rows give their cells joined by tabs.

Measured against trafilatura and readability-lxml on a WeChat-style page: both lost
Chinese paragraphs (readability all of them, trafilatura the introduction and the lists)
and trafilatura returned a navigation bar as the text of a page that has nothing else;
these rules on lxml (already a dependency) keep every paragraph and bring nothing new in.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from desktop.core.errors import YanduError
from desktop.core.importing.decoding import Decoded, decode, decode_as, normalise_newlines

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# What a browser reads a declared charset as (the WHATWG encoding labels, in short).
_CHARSETS = {
    "utf-8": "utf-8", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",  # bytes that carry ASCII
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030",
    "chinese": "gb18030", "csgb2312": "gb18030", "gb_2312-80": "gb18030",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cn-big5": "big5hkscs",
    "x-x-big5": "big5hkscs", "csbig5": "big5hkscs",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "windows-1252": "cp1252", "cp1252": "cp1252",
}
_CHARSET_NAMES = {
    "utf-8": "UTF-8", "gb2312": "GB2312", "gbk": "GBK", "gb18030": "GB18030", "big5": "Big5",
    "big5-hkscs": "Big5-HKSCS", "windows-1252": "Windows-1252", "iso-8859-1": "ISO-8859-1",
    "shift_jis": "Shift_JIS", "euc-jp": "EUC-JP", "euc-kr": "EUC-KR",
}

# Never text of the article.
_DROP_TAGS = frozenset((
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "canvas", "video", "audio", "picture", "source", "track", "map",
    "area", "img", "input", "button", "select", "option", "optgroup", "textarea", "datalist",
    "head", "title", "meta", "link", "base", "rt", "rp", "dialog",
))
# The page's furniture around the article.
_FURNITURE_TAGS = frozenset(("nav", "aside", "footer", "header", "form", "menu"))
_FURNITURE_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary",
                              "search", "menu", "menubar", "dialog", "alertdialog"))
_FURNITURE_WORDS = frozenset(("nav", "menu", "footer", "foot", "sidebar", "side", "share",
                              "sharing", "social", "related", "recommend", "comment",
                              "comments", "breadcrumb", "ad", "ads", "advert", "banner",
                              "cookie", "subscribe", "newsletter", "popup", "modal",
                              "toolbar", "pagination", "pager", "copyright", "qrcode",
                              "qr", "login", "signup", "promo", "sponsor", "widget", "byline",
                              "tags", "hot", "rank", "more"))
_FURNITURE_PREFIXES = ("nav", "footer", "sidebar", "share", "social", "related", "recommend",
                       "comment", "breadcrumb", "advert", "toolbar", "qrcode", "cookie",
                       "newsletter", "subscribe", "sponsor", "promo")
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h5",
    "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary",
    "table", "tbody", "tfoot", "thead", "tr", "ul",
))
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}
_LISTS = frozenset(("ul", "ol", "dl", "table", "div", "section", "p", "li", "tr", "td", "span"))
_CELL = "\x1f"  # a table cell boundary, a tab once whitespace is collapsed
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\U00020000-\U0003134f"
# A line break between two CJK characters is no space (a browser draws none).
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n\s*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\n\r\f\v\xa0]+")
# The numeric references &#128;-&#159; mean the Windows-1252 characters, as in a browser.
_C1 = {chr(b): bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xA0)}
_C1_CHARS = re.compile("[\x80-\x9f]")
# Whole lines that are a page's chrome, not the article: WeChat's and the common ones. They
# are looked for only near the article's start and end, never among its paragraphs.
_CHROME_LINE = re.compile(
    r"^(?:阅读原文|阅读\s*[\d.]+万?\+?|分享|收藏|点赞|在看|赞|写留言|留言|转发|举报|"
    r"微信扫一扫.{0,20}|扫码关注.{0,20}|长按.{0,10}(?:识别|关注).{0,20}|"
    r"(?:点击|戳).{0,6}(?:蓝字|上方|下方|名片).{0,20}关注.{0,6}|"
    r"喜欢此内容的人还喜欢|预览时标签不可点|继续滑动看下一个|向上滑动看下一个|"
    r"[-—–\s]*(?:完|全文完|END)[-—–\s]*|Share(?: this(?: article| story| page)?)?(?::.{0,40})?|"
    r"Advertisement|Read more|Related(?: articles| stories)?:?|"
    r"(?:Copyright\s*)?(?:©|\(c\)).{0,60}|Copyright\s+\d{4}.{0,60}|All rights reserved\.?)$",
    re.IGNORECASE)
_CHROME_ZONE = 6  # lines at each end of the article where chrome is looked for
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
# What follows an article's title in a page's <title>: ' | The Daily Ledger', ' - 新华网'.
_SITE_SUFFIX = re.compile(r"\s*[|｜\-–—_·•]\s*\S")
# Zero-width spaces and word joiners pages scatter through their text.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")


@dataclass(frozen=True)
class HtmlPage:
    """The article's text, the page's title and the charset its bytes were read in."""

    text: str
    title: str
    encoding: str


def extract_html(data: bytes, name: str) -> tuple[str, str]:
    """(text, title) of the article in web page `data` (file `name`); YanduError when the
    page holds no article text or is not text at all."""
    page = read_html(data, name)
    return page.text, page.title


def read_html(data: bytes, name: str, *, encoding: str | None = None) -> HtmlPage:
    """Like `extract_html`, with the charset the page was decoded in; `encoding` (a label
    of `decoding.CHOICES`, the reader's choice) overrides the page's own."""
    decoded = decode_as(data, encoding, name) if encoding else decode_html(data, name)
    root = _parse(decoded.text, name)
    title = _title(root)
    article = _article(root)
    blocks = _drop_chrome(_render(article))
    if blocks and blocks[0][0].startswith("#") and title:
        heading = blocks[0][0].lstrip("#").strip()
        if heading == title:
            blocks.pop(0)  # the title again, as the article's first heading
        elif heading and title.startswith(heading) and _SITE_SUFFIX.match(title[len(heading):]):
            title = heading  # 'Hearing: transcript | The Daily Ledger' -> 'Hearing: transcript'
            blocks.pop(0)
    if not any(not line.startswith("#") for block in blocks for line in block):
        raise YanduError(f"{name} has no article text (only navigation, links or headings); "
                         "save the article's own page, or paste its text into a .txt file.")
    text = "\n\n".join("\n".join(block) for block in blocks)
    return HtmlPage(text=text, title=title, encoding=decoded.encoding)


def decode_html(data: bytes, name: str) -> Decoded:
    """The page's text: a byte-order mark first, then UTF-8 when the bytes are UTF-8, then
    the charset its `<meta>` declares, then a guess (see `decoding`)."""
    label = _declared_charset(data)
    codec = _CHARSETS.get(label, label) if label else None
    display = _CHARSET_NAMES.get(label, label.upper()) if label else ""
    if codec and b"\x00" not in data and not data.startswith(codecs.BOM_UTF8):
        try:
            codecs.lookup(codec)
            data.decode("utf-8")
        except LookupError:
            codec = None  # a charset Python does not know: guess instead
        except UnicodeDecodeError:
            try:
                # Not UTF-8: the declared charset, if the bytes are written in it.
                return Decoded(normalise_newlines(data.decode(codec)), display)
            except UnicodeDecodeError:
                pass
    decoded = decode(data, name)  # BOMs, UTF-8, UTF-16, GBK/Big5 by their characters
    if decoded.encoding == "ASCII" and display:
        return Decoded(decoded.text, display)
    return decoded


def _declared_charset(data: bytes) -> str:
    found = _META_CHARSET.search(data[:16384])
    return found.group(1).decode("ascii").lower() if found else ""


def _parse(text: str, name: str):
    from lxml import etree

    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses one on a str
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True,
                              no_network=True)
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise YanduError(f"{name} has no article text (an empty page).") from exc
    if root is None:
        raise YanduError(f"{name} has no article text (an empty page).")
    return root


def _clean(text: str) -> str:
    return " ".join(_INVISIBLE.sub("", _CJK_BREAK.sub("", text)).split())


def _text_of(element) -> str:
    return "".join(element.itertext())


def _title(root) -> str:
    for path in ('//*[@id="activity-name"]', '/html/head/meta[@property="og:title"]/@content',
                 '/html/head/meta[@name="twitter:title"]/@content', "/html/head/title",
                 "//title", "//h1"):
        for found in root.xpath(path):
            title = _clean(found if isinstance(found, str) else _text_of(found))
            if title:
                return title
    return ""


def _article(root):
    """The element that holds the article, its furniture taken out."""
    for element in list(root.iter(*_DROP_TAGS)):
        _drop(element)
    for element in root.xpath('//*[@hidden or @aria-hidden="true" or @style]'):
        if _hidden(element):
            _drop(element)
    body = root.find("body")
    if body is None:
        body = root
    stats = _stats(body)
    total = stats[body][0] - stats[body][1]
    article = _explicit_article(body, stats, total)
    for element in _furniture(article, stats, total):
        _drop(element, stats)
    if article is body:
        article = _densest(body, stats)
    for element in _link_lists(article, stats):
        _drop(element, stats)
    return article


def _hidden(element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style


def _drop(element, stats: dict | None = None) -> None:
    """Take `element` out of the tree, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
    if stats is not None and element in stats:
        text, link, links = stats[element]
        while parent is not None and parent in stats:
            p_text, p_link, p_links = stats[parent]
            stats[parent] = (p_text - text, p_link - link, p_links - links)
            parent = parent.getparent()


def _stats(top) -> dict:
    """element -> (its text length, the length of the text inside links, links inside)."""
    from lxml import etree

    stats: dict = {}
    for _, element in etree.iterwalk(top, events=("end",)):
        own = element.text
        text = len(own.strip()) if own else 0
        link = links = 0
        for child in element:
            c_text, c_link, c_links = stats[child]
            tail = child.tail
            text += c_text + len(tail.strip()) if tail else c_text
            link += c_link
            links += c_links
        stats[element] = (text, text, links + 1) if element.tag == "a" else (text, link, links)
    return stats


def _explicit_article(body, stats: dict, total: int):
    marked = body.xpath(".//*[@id or @itemprop or @role]") + list(body.iter("article", "main"))
    for element in marked:
        if element.get("id") == "js_content":
            return element  # WeChat's article
    for test in (lambda e: e.get("itemprop") == "articleBody", lambda e: e.tag == "article",
                 lambda e: e.get("role") == "main", lambda e: e.tag == "main"):
        found = [e for e in marked if test(e)]
        if found:
            best = max(found, key=lambda e: stats[e][0] - stats[e][1])
            if stats[best][0] - stats[best][1] >= 0.3 * total:
                return best
    return body


def _is_furniture(element) -> bool:
    if element.tag in _FURNITURE_TAGS:
        return True
    if (element.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    words = _WORD_SPLIT.split(f"{element.get('class') or ''} {element.get('id') or ''}".lower())
    return any(w in _FURNITURE_WORDS or w.startswith(_FURNITURE_PREFIXES) for w in words if w)


def _furniture(article, stats: dict, total: int) -> list:
    found: list = []
    chosen: set = set()
    tags = " | ".join(f".//{tag}" for tag in sorted(_FURNITURE_TAGS))
    for element in article.xpath(f"{tags} | .//*[@class or @id or @role]"):  # document order
        if not _is_furniture(element):
            continue
        text, link, _ = stats[element]
        # A wrapper named for its layout (`main-content has-sidebar`) that holds most of
        # the page's prose is the article's, not furniture.
        if element.tag not in ("nav", "menu") and text - link > 0.5 * total and link < 0.5 * text:
            continue
        if not any(a in chosen for a in element.iterancestors()):
            found.append(element)  # (not when inside furniture already found)
            chosen.add(element)
    return found


def _densest(body, stats: dict):
    """The deepest element holding three quarters of the page's text outside links."""
    total = stats[body][0] - stats[body][1]
    current = body
    while True:
        best = max(current, key=lambda c: stats[c][0] - stats[c][1], default=None)
        if best is None or stats[best][0] - stats[best][1] < 0.75 * total:
            return current
        current = best


def _link_lists(article, stats: dict) -> list:
    """Lists and blocks made of links (related articles, tag clouds, 'read the original')."""
    from lxml import etree

    found = []
    walker = etree.iterwalk(article, events=("start",))
    for _, element in walker:
        text, link, links = stats[element]
        if not links:
            walker.skip_subtree()
        elif (element.tag in _LISTS and element is not article and link > 0.6 * text
              and (links >= 2 or text < 40)):
            found.append(element)
            walker.skip_subtree()
    return found


def _render(article) -> list[list[str]]:
    """The article as blocks of lines."""
    from lxml import etree

    tokens: list = []  # str pieces, "\n" for a <br>, None for a block edge, ("h", n)
    walker = etree.iterwalk(article, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "end":
            if tag in _BLOCK_TAGS or tag in _HEADINGS or tag == "pre":
                tokens.append(None)
            if element.tail and element is not article:
                tokens.append(element.tail)
        elif tag == "br":
            tokens.append("\n")
        elif tag == "pre":
            tokens.append(None)
            for line in _text_of(element).split("\n"):
                tokens += [("pre", line.rstrip()), "\n"]
            walker.skip_subtree()
        else:
            if tag in _HEADINGS:
                tokens += [None, ("h", _HEADINGS[tag])]
            elif tag in _BLOCK_TAGS:
                tokens.append(None)
            elif tag in ("td", "th") and element.getprevious() is not None:
                tokens.append(_CELL)
            if element.text:
                tokens.append(element.text)
    return _assemble(tokens)


def _assemble(tokens: list) -> list[list[str]]:
    blocks: list[list[str]] = []
    lines: list[str] = []
    pieces: list[str] = []
    level = 0
    after_break = False  # a <br> came last (text between counts only if it is not blank)

    def end_line() -> None:
        line = _line("".join(pieces))
        pieces.clear()
        if line:
            lines.append(line)

    def end_block() -> None:
        nonlocal lines
        end_line()
        if lines:
            blocks.append(["#" * level + " " + " ".join(lines)] if level else lines)
        lines = []

    for token in tokens:
        if token is None:
            end_block()
            level, after_break = 0, False
        elif token == "\n":
            if after_break and not _line("".join(pieces)):
                end_block()  # an empty line between two <br>: a new paragraph
            else:
                end_line()
            after_break = True
        elif isinstance(token, tuple):
            if token[0] == "h":
                level = token[1]
            else:  # a line of <pre>, as written
                end_line()
                if token[1].strip():
                    lines.append(token[1])
        else:
            pieces.append(token)
            after_break = after_break and not token.strip()
    end_block()
    return blocks


def _line(raw: str) -> str:
    text = _C1_CHARS.sub(lambda m: _C1[m.group()], raw) if _C1_CHARS.search(raw) else raw
    text = _INVISIBLE.sub("", text)
    if "\n" in text:
        text = _CJK_BREAK.sub("", text)
    text = _SPACES.sub(" ", text)
    if _CELL in text:
        return re.sub(f" ?{_CELL} ?", _CELL, text).strip(f" {_CELL}").replace(_CELL, "\t")
    return text.strip()


def _drop_chrome(blocks: list[list[str]]) -> list[list[str]]:
    count = sum(len(block) for block in blocks)
    kept: list[list[str]] = []
    index = 0
    for block in blocks:
        lines = []
        for line in block:
            near_an_end = index < _CHROME_ZONE or index >= count - _CHROME_ZONE
            if not (near_an_end and len(line) <= 60 and _CHROME_LINE.match(line)):
                lines.append(line)
            index += 1
        if lines:
            kept.append(lines)
    return kept
