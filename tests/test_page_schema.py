"""Front matter is validated at build time; pages not reviewed for a year carry a note."""

from __future__ import annotations

import datetime
import os

import pytest

from tests.modules import load
from tests.sitebuilder import ROOT, build, make_site

SCHEMA = load("hooks/page_schema.py")
TAGS = SCHEMA.allowed_tags(ROOT / "tags.yml")
GOOD = """---
title: Coding interview
description: "What the coding round is: format and preparation."
tags: [stage/coding, role/re]
sources:
  - title: A post
    author: Someone (Medium)
    url: https://example.org/post
    date: 2021
reviewed: 2026-11-24
---
# Coding interview
"""


def test_good_front_matter_has_no_problem():
    assert SCHEMA.problems(GOOD, TAGS) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        (("title: Coding interview\n", ""), "front matter field 'title' is missing"),
        (("title: Coding interview", "title: ''"), "front matter field 'title' must be non-empty text"),
        (
            ('description: "What the coding round is: format and preparation."', "description: x: y"),
            "front matter is not valid YAML (line 3: mapping values are not allowed",
        ),
        (
            ('description: "What the coding round is: format and preparation."', "description: " + "x" * 161),
            "front matter field 'description' must be text of 1 to 160 characters",
        ),
        (
            ("tags: [stage/coding, role/re]", "tags: [stage/coding, stage/lunch]"),
            "front matter field 'tags' has unknown tags ['stage/lunch']",
        ),
        (("tags: [stage/coding, role/re]", "tags: []"), "front matter field 'tags' must be a non-empty list"),
        (("    author: Someone (Medium)\n", ""), "front matter field 'sources' item 1 is missing author"),
        (
            ("url: https://example.org/post", "url: http://example.org/post"),
            "front matter field 'sources' item 1 url must start with https://",
        ),
        (("reviewed: 2026-11-24", "reviewed: last week"), "front matter field 'reviewed' must be a date (YYYY-MM-DD)"),
        (("---\ntitle", "title"), "no front matter"),
        (("reviewed: 2026-11-24\n---", "reviewed: 2026-11-24\n"), "the front matter has no closing '---' line"),
    ],
)
def test_each_bad_field_is_named(change, expected):
    old, new = change
    assert old in GOOD
    problems = SCHEMA.problems(GOOD.replace(old, new, 1), TAGS)
    assert any(expected in problem for problem in problems), problems


def test_the_vocabulary_needs_both_labels(tmp_path):
    vocabulary = tmp_path / "tags.yml"
    one_label = "stage:\n  label: {en: Stage, ru: Этап}\n  tags:\n    coding: {en: Coding}\n"
    vocabulary.write_text(one_label, encoding="utf-8")
    with pytest.raises(SCHEMA.PluginError, match="'stage/coding' needs 'en' and 'ru' labels"):
        SCHEMA.allowed_tags(vocabulary)
    vocabulary.write_text("stage:\n  coding: {en: Coding, ru: Кодинг}\n", encoding="utf-8")
    with pytest.raises(SCHEMA.PluginError, match="group 'stage' needs a 'label'"):
        SCHEMA.allowed_tags(vocabulary)


@pytest.mark.parametrize(
    "reviewed, today, overdue",
    [
        ("2025-11-24", "2026-11-24", True),
        ("2025-11-25", "2026-11-24", False),
        ("2024-01-01", "2026-11-24", True),
        ("2026-11-24", "2026-11-24", False),
    ],
)
def test_review_is_overdue_after_twelve_months(reviewed, today, overdue):
    assert SCHEMA.review_overdue(datetime.date.fromisoformat(reviewed), datetime.date.fromisoformat(today)) is overdue


@pytest.mark.parametrize("language", ["en", "ru"])
def test_bad_front_matter_fails_the_strict_build_naming_file_and_field(tmp_path, language):
    good = GOOD.replace("# Coding interview", "# Page")
    bad = good.replace("tags: [stage/coding, role/re]", "tags: [stage/lunch]")
    pages = {"docs/index.md": good, "docs/index.ru.md": good.replace("Coding interview", "Кодинг")}
    pages["docs/index.md" if language == "en" else "docs/index.ru.md"] = bad
    result = build(make_site(tmp_path, pages))
    source = "index.md" if language == "en" else "index.ru.md"
    assert result.returncode != 0
    assert f"Doc file '{source}': front matter field 'tags' has unknown tags ['stage/lunch']" in result.log


def test_a_page_not_reviewed_for_a_year_shows_a_note(tmp_path, monkeypatch):
    old = GOOD.replace("reviewed: 2026-11-24", "reviewed: 2025-01-15")
    pages = {
        "docs/index.md": old,
        "docs/index.ru.md": old.replace("Coding interview", "Кодинг"),
        "docs/fresh.md": GOOD,
        "docs/fresh.ru.md": GOOD.replace("Coding interview", "Кодинг"),
    }
    monkeypatch.setitem(os.environ, "SOURCE_DATE_EPOCH", "1795478400")  # 2026-11-24
    result = build(make_site(tmp_path, pages))
    assert result.returncode == 0, result.log
    assert "Last reviewed on 2025-01-15: more than a year ago" in result.page("index.html")
    assert "Последняя проверка — 2025-01-15, больше года назад" in result.page("ru/index.html")
    assert "review-note" not in result.page("fresh/index.html")
