"""A small fixed study for export tests, built row by row (independent of the importer).

Reference outputs are generated from it, so it must not change without regenerating them.
"""

from __future__ import annotations

from sqlite_utils import Database

from db import annotations as rows
from db.annotations import Annotation

STAMP = "2026-11-20T09:30:00Z"
EXPORTED_AT = "2026-11-27T12:00:00Z"

SPEAKERS = [
    # name, role, colour, moderator
    ("杨静", "新智元创始人&CEO", "#e57373", True),
    ("陈虞君", "循环智能AI负责人", "#64b5f6", False),
    ("张家俊", "中国科学院自动化研究所研究员", "#81c784", False),
]

# (section index or None, speaker or None, headline, speech)
TURNS = [
    (None, None, "", "以下是圆桌问答实录整理:"),
    (0, "杨静", "", "百模大战各显神通,也想请各位分享一下各自的大模型业务布局。"),
    (0, "陈虞君", "提升大模型长文本能力,降低幻觉问题",
     "我们希望让大模型的长文本能力在各种企业应用上产生价值,同时降低大模型幻觉问题。"),
    (0, "张家俊", "打造多模态大模型,解决实际问题",
     "我们在做多模态大模型,可以更容易地落地行业场景。\n"
     "通过我们的探索,确实比以前降本增效了。"),
    (1, "杨静", "", "算力荒已经成为业界共有的问题,各位怎么看?"),
    (1, "陈虞君", "", "算力不足时,𠮷野家式的小模型*也*能解决一部分问题。"),
    (1, "张家俊", "", "我们更关心数据配比与算法创新。"),
]

SECTIONS = ["百模大战各显神通,也想请各位分享一下各自的大模型业务布局。",
            "算力荒已经成为业界共有的问题,各位怎么看?"]

# (uuid, turn index, quote, note, tags, colour)
ANNOTATIONS = [
    ("11111111-1111-4111-8111-111111111111", 2, "降低大模型幻觉问题",
     "**幻觉**是落地的头号障碍。\n\n- 长文本\n- 企业应用", ("幻觉", "落地 场景"), "#ffd54f"),
    ("22222222-2222-4222-8222-222222222222", 3, "降本增效",
     "见 [原文](https://example.com/aicc2023) 的数据。", ("落地 场景",), "#81c784"),
    ("33333333-3333-4333-8333-333333333333", 4, "算力荒",
     "主持人的核心问题。", ("算力",), "#64b5f6"),
    ("44444444-4444-4444-8444-444444444444", 5, "𠮷野家式的小模型*也*",
     "注意星号与生僻字 𠮷 的位置。", ("算力", "2023"), "#e57373"),
]

GLOSSARY = [
    # id, term, aliases, definition, english, pinyin
    ("aaaaaaaa-0000-4000-8000-000000000001", "算力", '["计算能力"]',
     "进行计算的能力,通常以 **FLOPS** 衡量。", "computing power", "suànlì"),
    ("aaaaaaaa-0000-4000-8000-000000000002", "幻觉", "[]",
     "模型生成与事实不符的内容。", "hallucination", "huànjué"),
    ("aaaaaaaa-0000-4000-8000-000000000003", "大模型", '["LLM"]',
     "参数规模很大的预训练模型。", "large model", "dàmóxíng"),
    ("aaaaaaaa-0000-4000-8000-000000000004", "蒸馏", "[]",
     "用大模型教小模型。", "distillation", "zhēngliú"),
]

TITLE = "大模型创新圆桌(节选)"


def build_text() -> tuple[str, list[tuple[int, int, int, int]]]:
    """The document text and, per turn, (start, end, text_start, text_end)."""
    text = "AICC 2023 大模型创新主题圆桌论坛\n\n"
    spans = []
    for _section, speaker, headline, speech in TURNS:
        start = len(text)
        if speaker:
            text += f"{speaker}:"
            if headline:
                text += f"\u201c{headline}\u201d\n\n"
        text_start = len(text)
        text += speech
        text_end = len(text)
        text += "\n\n"
        spans.append((start, len(text), text_start, text_end))
    return text, spans


def build_study(db: Database, *, doc_id: int = 1, sha: str = "f" * 64,
                title: str = TITLE, with_glossary: bool = True) -> int:
    """Insert the fixture document, its annotations and the glossary into `db`."""
    text, spans = build_text()
    db["documents"].insert({
        "id": doc_id, "title": title, "source_name": "roundtable-excerpt.txt",
        "source_sha256": sha, "encoding": "utf-8", "format": "text", "text": text,
        "imported_at": STAMP,
    })
    speaker_ids = {}
    for position, (name, role, colour, moderator) in enumerate(SPEAKERS):
        speaker_ids[name] = db["speakers"].insert({
            "document_id": doc_id, "position": position, "name": name, "role": role,
            "colour": colour, "is_moderator": int(moderator),
        }).last_pk
    section_ids = [
        db["sections"].insert({"document_id": doc_id, "position": i, "title": t}).last_pk
        for i, t in enumerate(SECTIONS)
    ]
    turn_ids = []
    for position, ((section, speaker, headline, speech), span) in enumerate(
        zip(TURNS, spans, strict=True)
    ):
        turn_ids.append(db["turns"].insert({
            "document_id": doc_id, "position": position,
            "speaker_id": speaker_ids.get(speaker),
            "section_id": section_ids[section] if section is not None else None,
            "start": span[0], "end": span[1], "label": speaker or "", "headline": headline,
            "text_start": span[2], "text_end": span[3], "text": speech,
        }).last_pk)
    for ann_id, turn, quote, note, tags, colour in ANNOTATIONS:
        start = text.index(quote, spans[turn][2])
        rows.insert(db, Annotation(
            id=ann_id if doc_id == 1 else ann_id[:-3] + f"{doc_id:03d}",
            document_id=doc_id, start=start, end=start + len(quote), quote=quote,
            note=note, colour=colour, author="", created_at=STAMP, updated_at=STAMP,
            tags=tags,
        ))
    if with_glossary:
        for term_id, term, aliases, definition, english, pinyin in GLOSSARY:
            db["glossary_terms"].insert({
                "id": term_id, "term": term, "aliases": aliases, "definition": definition,
                "english": english, "pinyin": pinyin, "created_at": STAMP,
                "updated_at": STAMP,
            }, ignore=True)
    return doc_id
