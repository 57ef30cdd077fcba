"""A generated corpus of awkward transcript files: (name, bytes) built on demand.

Nothing here is stored in the repository; each case is made from a few lines of code so
that a reader sees exactly what is awkward about it.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable

_rng = random.Random(7)
CHINESE = "大模型的长文本能力与幻觉问题算力荒数据质量"


def _docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return out.getvalue()


def _dialogue(n: int = 6) -> str:
    return "".join(f"{'甲乙'[i % 2]}：{CHINESE[i % 10:i % 10 + 6]}。\n" for i in range(n))


def _bilingual() -> str:
    return "".join(f"Speaker {i % 2 + 1}: point {i}, 关于{CHINESE[i % 10:i % 10 + 3]}.\n"
                   for i in range(12))


# Each case: id -> (file name, a function making the bytes).
CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "empty": ("empty.txt", lambda: b""),
    "whitespace-only": ("blank.txt", lambda: b"  \n\t \r\n   \t\n"),
    "ideographic-spaces-only": ("blank2.txt", lambda: "\u3000\u3000\n\u3000".encode()),
    "bom-only": ("bom.txt", lambda: b"\xef\xbb\xbf"),
    "newlines-only": ("nl.txt", lambda: b"\r\n" * 1000),
    "random-binary": ("noise.txt", lambda: _rng.randbytes(8192)),
    "png": ("picture.txt", lambda: b"\x89PNG\r\n\x1a\n" + _rng.randbytes(2000)),
    "pdf": ("paper.txt", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
    "zip-as-text": ("archive.txt", lambda: _zip({"a.txt": b"hello"})),
    "elf-as-text": ("program.txt", lambda: b"\x7fELF\x02\x01\x01" + bytes(200)),
    "truncated-utf8": ("cut.txt", lambda: _dialogue().encode()[:-2]),
    "invalid-utf8-middle": ("bad.txt", lambda: "甲：你好\n".encode() + b"\xff\xfe\xfd"
                            + "乙：再见\n".encode()),
    "surrogate-bytes": ("cesu.txt", lambda: "甲：".encode() + b"\xed\xa0\x80\xed\xb0\x80"),
    "mixed-utf8-and-gbk": ("mixed.txt", lambda: "甲：这一段是UTF-8。\n".encode()
                           + "乙：这一段是GBK编码的文字。\n".encode("gbk") * 5),
    "utf16le-no-bom": ("le.txt", lambda: _bilingual().encode("utf-16-le")),
    "utf16be-no-bom": ("be.txt", lambda: _bilingual().encode("utf-16-be")),
    # Without ASCII there are almost no NUL bytes to recognise UTF-16 by.
    "utf16le-no-bom-all-chinese": ("le-zh.txt", lambda: _dialogue().encode("utf-16-le")),
    "utf16-with-bom": ("bom16.txt", lambda: _dialogue().encode("utf-16")),
    "utf16-odd-length": ("odd16.txt", lambda: _dialogue().encode("utf-16-le")[:-1]),
    "utf8-bom": ("bom8.txt", lambda: b"\xef\xbb\xbf" + _dialogue().encode()),
    "gbk": ("gbk.txt", lambda: _dialogue(20).encode("gbk")),
    "big5": ("big5.txt", lambda: "甲：這是繁體中文的逐字稿。\n乙：我們討論大模型。\n".encode("big5") * 5),
    "cr-only-newlines": ("mac.txt", lambda: _dialogue().replace("\n", "\r").encode()),
    "mixed-newlines": ("mix.txt", lambda: "甲：一\r\n乙：二\r丙：三\n\r\n丁：四".encode()),
    "unicode-line-separators": ("ls.txt", lambda: "甲：一\u2028二\u2029三\n乙：四\x85五\x0b六\x0c七\n"
                                .encode()),
    # A few stray controls in an ordinary transcript (Word's vertical tab, an escape code).
    "control-characters": ("ctl.txt", lambda: ("甲：\x01正文\x1b[31m红色\x07\n乙：\x7f好\x0b\n"
                                               + _dialogue(60)).encode()),
    "many-control-characters": ("ctl2.txt", lambda: bytes(range(1, 32)) * 50),
    "nul-bytes": ("nul.txt", lambda: "甲：你\x00好\n乙：再\x00见\n".encode()),
    "emoji-labels": ("emoji.txt", lambda: "🙂：你好！\n👩‍🔬：我来回答。\n🙂：谢谢。\n".encode()),
    "astral-labels": ("astral.txt", lambda: "𠮷野：開店。\n𪚥：四龍。\n𠮷野：好。\n".encode()),
    "right-to-left": ("rtl.txt", lambda: "محمد: مرحبا بكم في النقاش.\nשרה: תודה רבה.\n"
                      "محمد: هل لديك سؤال؟\n".encode()),
    "bidi-overrides": ("bidi.txt", lambda: "甲\u202e：反向\u202c文本\n\u2067乙\u2069：好\n".encode()),
    "zero-width-and-combining": ("zw.txt", lambda: "甲\u200b：e\u0301\u0301\u0301\n"
                                 "乙\u200d：👨‍👩‍👧‍👦 家\ufe0f\n".encode()),
    "compatibility-characters": ("compat.txt", lambda: "ＡＢＣ：㈱ｶﾀｶﾅ﨑\n甲：⼤模型\n".encode()),
    "very-long-label": ("longlabel.txt", lambda: ("名" * 5000 + "：内容\n").encode()),
    "colons-only": ("colons.txt", lambda: b":::::\n\xef\xbc\x9a\xef\xbc\x9a\n: :\n"),
    "unclosed-headline-quote": ("quote.txt", lambda: "陈虞君:“提升大模型长文本能力\n正文\n".encode()),
    "markdown-raw-html": ("notes.md", lambda: "# 标题 <script>alert(1)</script>\n\n"
                          "甲：<img src=http://example.com/x.png onerror=alert(1)>\n"
                          "乙：[点我](javascript:alert(1))\n".encode()),
    "blank-line-flood": ("gaps.txt", lambda: ("甲：一" + "\n" * 50000 + "乙：二\n").encode()),
    "no-extension": ("TRANSCRIPT", lambda: _dialogue().encode()),
    "upper-case-extension": ("SHOUT.TXT", lambda: _dialogue().encode()),
    "unsupported-extension": ("slides.pdf", lambda: b"%PDF-1.4\n"),
    "docx-not-a-zip": ("word.docx", lambda: "甲：这不是 Word 文件\n".encode()),
    "docx-zip-without-document": ("empty.docx", lambda: _zip({"hello.txt": b"hi"})),
    "docx-truncated": ("cut.docx", lambda: _docx_bytes(["甲：你好", "乙：再见"])[:700]),
    "docx-bad-xml": ("badxml.docx", lambda: _zip({
        "[Content_Types].xml": b"<?xml version='1.0'?><Types/>",
        "word/document.xml": b"<w:document><unclosed"})),
    "docx-hostile-text": ("hostile.docx", lambda: _docx_bytes(
        ["甲：<script>alert(1)</script>", "乙：\u202e反向", "丙：🙂"])),
    "srt-broken-timings": ("broken.srt", lambda: "1\n00:00:xx,000 --> \n你好\n\n2\n--> 00:00:05,000\n"
                           "再见\n\n".encode()),
    "srt-end-before-start": ("backwards.srt", lambda: "1\n00:00:10,000 --> 00:00:01,000\n甲：倒着\n\n"
                             .encode()),
    "srt-absurd-times": ("huge.srt", lambda: "1\n99:99:99,999 --> 999:00:00,000\n乙：很久\n\n".encode()),
    "srt-no-blank-lines": ("dense.srt", lambda: "1\n00:00:01,000 --> 00:00:02,000\n一\n"
                           "2\n00:00:02,000 --> 00:00:03,000\n二\n".encode()),
    "vtt-without-header": ("nohead.vtt", lambda: "00:00.000 --> 00:01.000\n<v 甲>你好\n\n".encode()),
    "vtt-header-only": ("head.vtt", lambda: b"WEBVTT\n"),
    "vtt-unclosed-voice": ("voice.vtt", lambda: "WEBVTT\n\n00:00.000 --> 00:01.000\n<v 甲\n好\n\n"
                           .encode()),
}
