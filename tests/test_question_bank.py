"""The question bank's structure: every answer complete in both languages, indexed and linked from its stage."""

from __future__ import annotations

import re
import runpy
import subprocess
import sys

import pytest

from tests.content.helpers import load_snippet
from tests.modules import load
from tests.sitebuilder import ROOT

DOCS = ROOT / "docs"


INDEX = load("scripts/question_index.py")


def _questions(language: str):
    return [q for topic in INDEX.TOPICS for q in INDEX.read_questions(topic, language)[1]]


def _sections(topic: str, language: str) -> dict[str, str]:
    """Question id -> the Markdown of its section."""
    text = INDEX.page_path(topic, language).read_text(encoding="utf-8")
    parts = re.split(r"^(?=## )", text, flags=re.M)
    found = {}
    for part in parts:
        heading = INDEX._HEADING.match(part.splitlines()[0]) if part.startswith("## ") else None
        if heading:
            found[heading["id"]] = part
    return found


def test_at_least_sixty_questions_with_the_same_ids_in_both_languages():
    english = [(q.topic, q.id, q.stage) for q in _questions("en")]
    russian = [(q.topic, q.id, q.stage) for q in _questions("ru")]
    assert len(english) >= 60, len(english)
    assert english == russian, "the Russian question pages differ in ids, order or stages"
    assert len({q[1] for q in english}) == len(english), "duplicate question ids"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_answer_has_question_weak_strong_and_follow_ups(language):
    incomplete = []
    for topic in INDEX.TOPICS:
        for question_id, section in _sections(topic, language).items():
            missing = [
                part
                for part, pattern in {
                    "the question quote": r"^> \S",
                    "a weak answer": r'^\?\?\?\+? failure "',
                    "a strong answer": r'^\?\?\?\+? success "',
                    "follow-ups": r'^\?\?\?\+? question "',
                }.items()
                if not re.search(pattern, section, re.M)
            ]
            if missing:
                incomplete.append(f"{topic}#{question_id}: no {', '.join(missing)}")
    assert not incomplete, "\n".join(incomplete)


def test_at_least_fifteen_answers_run_code_included_in_both_languages():
    included = set()
    for topic in INDEX.TOPICS:
        english = set(
            re.findall(r"\{!(docs/snippets/\S+?\.py)!\}", INDEX.page_path(topic, "en").read_text(encoding="utf-8"))
        )
        russian = set(
            re.findall(r"\{!(docs/snippets/\S+?\.py)!\}", INDEX.page_path(topic, "ru").read_text(encoding="utf-8"))
        )
        assert english == russian, f"{topic}: the two languages include different code"
        included |= english
    assert len(included) >= 15, sorted(included)
    on_disk = {p.relative_to(ROOT).as_posix() for p in (DOCS / "snippets").rglob("*.py")}
    assert on_disk == included, f"snippets not shown on any page: {sorted(on_disk - included)}"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_question_is_linked_from_its_stage_page(language):
    unlinked = []
    for question in _questions(language):
        stage_page = DOCS / "stages" / (f"{question.stage}.md" if language == "en" else f"{question.stage}.ru.md")
        text = stage_page.read_text(encoding="utf-8")
        section = text.split("{ #typical-questions }", 1)[1].split("\n## ", 1)[0]
        if f"../questions/{question.topic}.md#{question.id})" not in section:
            unlinked.append(f"{question.topic}#{question.id} not in {stage_page.name} #typical-questions")
    assert not unlinked, "\n".join(unlinked)


def test_generated_indexes_are_up_to_date():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "question_index.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_indexer_rejects_a_question_without_a_stage(tmp_path, monkeypatch):
    page = tmp_path / "broken.md"
    page.write_text(
        "---\nreviewed: 2026-01-01\n---\n# Broken\n\n## Q { #q-broken }\n\nNo metadata line.\n", encoding="utf-8"
    )
    monkeypatch.setattr(INDEX, "ROOT", tmp_path)
    monkeypatch.setattr(INDEX, "page_path", lambda name, language: page)
    with pytest.raises(ValueError, match=r"broken\.md:6: question 'q-broken' needs an 'Asked in' line"):
        INDEX.read_questions("broken", "en")


SNIPPETS = sorted((DOCS / "snippets").rglob("*.py"))


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: p.relative_to(DOCS / "snippets").as_posix())
def test_every_snippet_is_silent_on_import_and_its_demo_runs(snippet, capsys):
    relative = snippet.relative_to(DOCS / "snippets").as_posix()
    load_snippet(relative)
    assert capsys.readouterr().out == "", f"{relative} prints on import: put demos under __main__"
    runpy.run_path(str(snippet), run_name="__main__")
