"""The built-in glossary: its content, and that it covers the sample transcript's jargon."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from desktop.core.glossary import build_matcher, builtin_keys
from desktop.core.glossary.builtin import RESOURCE, builtin_term, builtin_terms
from desktop.core.textnorm import fold
from tests.conftest import SAMPLE

# Jargon of the sample transcript, as written there -> the entry that explains it.
# Read off the transcript by hand; every one must be marked where it is written.
SAMPLE_JARGON = {
    "百模大战": "百模大战", "算力": "算力", "算力荒": "算力荒", "算力紧缺": "算力荒",
    "堆算力": "堆算力", "大算力": "大算力", "小算力": "大算力", "算力时代": "算力时代",
    "算力多元化": "算力多元化", "多元算力": "算力多元化", "智算": "智算",
    "数据飞轮": "数据飞轮", "飞轮": "数据飞轮", "指令微调": "指令微调", "张量并行": "张量并行",
    "P2P带宽": "P2P带宽", "通信带宽": "通信带宽", "分布式训练": "分布式训练",
    "分布训练": "分布式训练", "预训练": "预训练", "大型预训练模型": "大模型",
    "参数量": "参数量", "参数效率": "参数效率", "数据量": "数据量", "数据体量": "数据量",
    "训练效率": "训练效率", "算力效率": "训练效率", "训练范式": "训练范式",
    "增强训练": "增强训练", "ToB": "ToB", "ToG": "ToG", "ToC": "ToC", "B端": "B端",
    "幻觉": "幻觉", "长文本": "长文本", "多模态": "多模态", "多模": "多模态", "模态": "模态",
    "大语言模型": "大语言模型", "大模型": "大模型", "基础大模型": "基础大模型",
    "基础模型": "基础大模型", "国产大模型": "国产大模型", "国产化": "国产化",
    "小模型": "小模型", "模型结构": "模型结构", "精度": "精度",
    "降本增效": "降本增效", "场景化落地": "场景化落地", "落地": "落地",
    "商业化落地": "落地", "应用落地": "落地", "赋能": "赋能", "触达": "触达",
    "痛点": "痛点", "破局": "破局", "反哺": "反哺", "碎片化": "碎片化", "布局": "布局",
    "头部的玩家": "头部玩家", "体系生态": "生态", "应用层": "应用层", "用户共创": "用户共创",
    "共创": "用户共创", "共训": "共训", "合作共训": "共训", "大模型共训": "共训",
    "定制化": "定制化", "部署": "部署", "数据隐私": "数据隐私", "孵化": "孵化",
    "迭代": "迭代", "预期管理": "预期管理", "以终为始": "以终为始", "knowhow": "know-how",
    "行业知识": "know-how", "黑话": "黑话", "200的500": "200的500",
    "鸡蛋放在一个篮子里": "鸡蛋放在一个篮子里", "合成数据": "合成数据", "数据清洗": "数据清洗",
    "高质量的数据": "高质量数据", "数据配比": "数据配比", "数据集": "数据集", "度量标准": "评测基准",
    "基础设施": "基础设施", "芯片": "芯片", "适配": "适配", "开源": "开源",
    "可控性": "可控性", "局限性": "局限性", "语义理解": "语义理解", "机器翻译": "机器翻译",
    "PB": "PB", "GB": "GB", "人工智能": "人工智能", "AI": "人工智能",
    "Transformer": "Transformer", "LIama": "Llama", "GPT4": "GPT-4", "ChatGPT": "ChatGPT",
    "OpenAI": "OpenAI", "源2.0": "源2.0", "源大模型": "源2.0", "元脑": "元脑", "AICC": "AICC",
    "浪潮信息": "浪潮信息", "循环智能": "循环智能", "新智元": "新智元",
    "中国科学院自动化研究所": "中国科学院自动化研究所",
}


@pytest.fixture(scope="module")
def sample_marks():
    text = SAMPLE.read_text(encoding="utf-8")
    terms = builtin_terms()
    by_id = {t.id: t.term for t in terms}
    return text, [(m.start, m.matched, by_id[m.term_id]) for m in build_matcher(terms).find(text)]


def test_the_builtin_glossary_is_large_and_complete():
    raw = json.loads(resources.files("resources").joinpath("glossary", RESOURCE)
                     .read_text(encoding="utf-8"))
    assert raw["version"] >= 1
    keys = builtin_keys()
    assert len(keys) >= 80 and len(set(keys)) == len(keys)
    for term in builtin_terms():
        assert term.definition and term.english and term.category and term.pinyin, term.term
        assert term.builtin_key in keys
    # Pinyin a reader can trust where pypinyin alone would pick the wrong reading.
    assert builtin_term("chang-wen-ben").pinyin == "cháng wén běn"
    assert builtin_term("bai-mo-da-zhan").pinyin == "bǎi mó dà zhàn"


def test_no_spelling_belongs_to_two_builtin_terms():
    owners: dict[str, str] = {}
    for term in builtin_terms():
        for form in term.folded_forms():
            assert form not in owners, f"{form!r}: {owners.get(form)} and {term.term}"
            owners[form] = term.term


def test_typo_spellings_from_real_transcripts_are_aliases():
    llama = builtin_term("llama")
    assert "LIama" in llama.aliases  # a capital i for the l, as the sample writes it
    assert fold("LIama") != fold("Llama")


@pytest.mark.parametrize("written,entry", sorted(SAMPLE_JARGON.items()))
def test_sample_jargon_is_marked_where_it_is_written(sample_marks, written, entry):
    text, marks = sample_marks
    assert written in text, f"{written!r} is not in the sample"
    # Marked as itself, or inside a longer spelling of the same entry (Transformer结构).
    entries = {term for _, matched, term in marks if written in matched}
    assert entry in entries, f"{written!r} is never marked as {entry!r} ({entries})"


def test_every_builtin_mark_in_the_sample_is_a_real_spelling(sample_marks):
    text, marks = sample_marks
    forms = {f for t in builtin_terms() for f in t.folded_forms()}
    assert len(marks) > 200
    for start, matched, _ in marks:
        assert text[start:start + len(matched)] == matched
        assert fold(matched) in forms
