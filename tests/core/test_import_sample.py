"""The bundled sample imports as its readers expect: speakers, roles, sections, headlines."""

from __future__ import annotations

import pytest

from desktop.core import library
from desktop.core.importing import bundled_sample_path, import_file, parse_bytes

SPEAKERS = ["杨静", "陈虞君", "张家俊", "吴韶华"]
ROLES = {
    "杨静": "新智元创始人&CEO",
    "陈虞君": "循环智能AI负责人",
    "张家俊": "中国科学院自动化研究所研究员",
    "吴韶华": "浪潮信息人工智能软件研发总监",
}


@pytest.fixture(scope="module")
def sample_text() -> str:
    return bundled_sample_path().read_text(encoding="utf-8")


@pytest.fixture
def imported(memory_db):
    result = import_file(memory_db, bundled_sample_path())
    return memory_db, result


def test_bundled_sample_path_points_at_the_shipped_file(sample_path):
    assert bundled_sample_path().read_bytes() == sample_path.read_bytes()


def test_sample_speakers_roles_and_moderator(imported):
    db, result = imported
    assert [s.name for s in result.speakers] == SPEAKERS
    assert {s.name: s.turn_count for s in result.speakers} == dict.fromkeys(SPEAKERS, 5)
    assert {s.name: s.role for s in result.speakers} == ROLES
    assert [s.name for s in result.speakers if s.is_moderator] == ["杨静"]
    stored = library.speakers(db, result.document_id)
    assert [(s.name, s.role, s.is_moderator, s.turn_count) for s in stored] == [
        (s.name, s.role, s.is_moderator, s.turn_count) for s in result.speakers
    ]
    assert len({s.colour for s in stored}) == 4


def test_sample_sections_are_the_moderator_questions(imported, sample_text):
    db, result = imported
    assert result.section_count == 5
    sections = library.sections(db, result.document_id)
    assert sections[0].title.startswith("百模大战各显神通")
    assert sections[1].title.endswith("尽快追赶上GPT4?")
    turns = library.turns(db, result.document_id)
    yang = next(s.id for s in library.speakers(db, result.document_id) if s.name == "杨静")
    openers = [t for t in turns if t.speaker_id == yang]
    assert [t.section_id for t in openers] == [s.id for s in sections]
    # Each section holds its question and the three answers that follow it.
    for section in sections:
        members = [t for t in turns if t.section_id == section.id]
        assert len(members) == 4
        assert members[0].speaker_id == yang
        assert all(t.speaker_id != yang for t in members[1:])


def test_sample_headlines_and_opening_narration(imported, sample_text):
    db, result = imported
    assert result.headline_count == 15
    turns = library.turns(db, result.document_id)
    first = turns[0]
    assert first.speaker_id is None
    assert first.text.startswith("2023年,全球科技领域最重要的事")
    assert first.text.endswith("以下是圆桌问答实录整理:")
    assert all(t.speaker_id is not None for t in turns[1:])
    assert "以下是圆桌问答实录整理" not in {s.name for s in result.speakers}
    chen = turns[2]
    assert chen.label == "陈虞君"
    assert chen.headline == "提升大模型长文本能力,降低幻觉问题"
    assert chen.text.startswith("循环智能基于ToB的服务经验")
    row = memory_headline_offsets(db, chen.id)
    assert sample_text[row[0] : row[1]] == chen.headline


def memory_headline_offsets(db, turn_id: int) -> tuple[int, int]:
    return db.execute(
        "SELECT headline_start, headline_end FROM turns WHERE id = ?", [turn_id]
    ).fetchone()


def test_sample_is_lossless_and_turn_text_is_exact(imported, sample_text):
    db, result = imported
    turns = library.turns(db, result.document_id)
    assert "".join(sample_text[t.start : t.end] for t in turns) == sample_text
    for t in turns:
        assert sample_text[t.text_start : t.text_end] == t.text
        assert t.text == t.text.strip()


def test_sample_is_searchable_after_import(imported):
    db, result = imported
    count = db.execute("SELECT count(*) FROM turn_chars").fetchone()[0]
    assert count == result.turn_count


def test_parse_bytes_is_pure_and_agrees(sample_text):
    parsed = parse_bytes(sample_text.encode("utf-8"), "roundtable.txt")
    assert [s.name for s in parsed.speakers] == SPEAKERS
    assert len(parsed.sections) == 5
    assert sum(1 for t in parsed.turns if parsed.headline(t)) == 15
    assert parsed.title == "roundtable"
    assert parsed.encoding == "UTF-8"
