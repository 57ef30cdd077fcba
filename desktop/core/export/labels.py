"""The words an export writes around the user's text, in English and Simplified Chinese.

The core cannot use Qt's translations, so the few labels of the notes (headings, header
fields, the glossary appendix) live here; the UI passes its interface language on.
"""

from __future__ import annotations

from desktop.core.errors import YanduError

LANGUAGES = ("en", "zh")

_ZH = {
    "Source": "来源",
    "Speakers": "发言人",
    "Date": "日期",
    "Note": "批注",
    "Tags": "标签",
    "Glossary": "术语表",
    "Narration": "旁白",
    "Opening": "开场",
    "No annotations.": "没有批注。",
    "Yandu notes": "研读笔记",
    "also": "又作",
    "Unsafe HTML removed from this note.": "已从此批注中删除不安全的 HTML。",
}


def check_language(language: str) -> str:
    """`language` if an export can be written in it; a one-line YanduError if not."""
    if language not in LANGUAGES:
        raise YanduError(f"Unknown export language {language!r}; use one of "
                         f"{', '.join(LANGUAGES)}.")
    return language


def label(text: str, language: str) -> str:
    """The English label `text` in `language` ("en" or "zh")."""
    if check_language(language) == "zh":
        return _ZH[text]
    return text
