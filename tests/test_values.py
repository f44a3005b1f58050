"""Marked values (hooks/values.py): read with their place, stripped from the page, and the check
that fails when a page's number changes."""

from __future__ import annotations

import pytest

from tests.content.helpers import assert_values, page_sources
from tests.content.ml import test_bias_variance as example
from tests.modules import load
from tests.sitebuilder import build_pages

VALUES = load("hooks/values.py")
TRANSLATIONS = load("hooks/translations.py")


def test_marks_are_read_with_line_and_context():
    source = "Prose [[a: 0.3]] here.\n\n$x = [[b: 0.5]]$ and `[[c: 1.5]]`\n\n```text\n[[d: 2.5]]\n```\n"
    marks = VALUES.marks(source)
    assert [(m.name, m.value, m.line, m.literal) for m in marks] == [
        ("a", "0.3", 1, False),
        ("b", "0.5", 3, True),
        ("c", "1.5", 3, True),
        ("d", "2.5", 6, True),
    ]


def test_russian_prose_writes_numbers_with_a_decimal_comma():
    assert VALUES.russian("0.307") == "0,307"
    assert VALUES.russian("10,000 runs") == "10\u00a0000 runs"
    assert VALUES.russian("9.1 %") == "9,1\u00a0%"
    assert VALUES.russian("v1.2 of 3") == "v1,2 of 3"  # only digits around the point matter


@pytest.mark.parametrize(
    "source, problem",
    [
        ("[[a: 1]] and [[a: 2]]", "line 1: the value name 'a' is already used on line 1"),
        ("ok\n[[Bad name: 1]]", "line 2: '[[Bad name:…' is not a valid marked value"),
        ("[[a:1]]", "line 1: '[[a:…' is not a valid marked value"),
        ("[[a: 1]\n", "line 1: '[[a:…' is not a valid marked value"),
    ],
    ids=["duplicate name", "bad name", "no space", "not closed"],
)
def test_problems_name_the_line(source, problem):
    assert any(found.startswith(problem) for found in VALUES.problems(source)), VALUES.problems(source)


def test_a_good_page_has_no_problems():
    assert VALUES.problems(page_sources(example.PAGE)["en"]) == []


# --- the check fails when the page is wrong (a mutation test on a copy of a real page) ---------


@pytest.mark.parametrize(
    "language, old, new",
    [
        ("en", "[[floor: 0.307]]", "[[floor: 0.308]]"),
        ("ru", "[[variance-k10: 0,025]]", "[[variance-k10: 0,25]]"),
        ("ru", "[[variance-k1: 0,25]]", "[[variance-k1: 0.25]]"),  # a decimal point in Russian prose
        ("en", "[[models: 100]]", "100"),  # the mark deleted: the number is no longer checked
        ("en", "[[rho: 0.3]]", "[[rho: 0.3]] ([[extra: 7]])"),  # a mark no test recomputes
    ],
    ids=["changed digit", "changed Russian value", "Russian decimal point", "mark removed", "unchecked mark"],
)
def test_a_changed_number_on_a_copy_of_a_page_fails_the_content_test(language, old, new):
    sources = page_sources(example.PAGE)
    assert old in sources[language]
    sources[language] = sources[language].replace(old, new, 1)
    with pytest.raises(AssertionError):
        assert_values(example.PAGE, example.expected_values(), sources=sources)


def test_the_unchanged_page_passes_the_same_check():
    assert_values(example.PAGE, example.expected_values(), sources=page_sources(example.PAGE))


def test_parity_reports_a_russian_value_that_differs(tmp_path):
    english, russian = (tmp_path / "page.md"), (tmp_path / "page.ru.md")
    english.write_text("# T\n\nThe floor is [[floor: 0.307]] and $x = [[x: 1.5]]$.\n", encoding="utf-8")
    russian.write_text("# Т\n\nГраница — [[floor: 0,307]], а $x = [[x: 1.5]]$.\n", encoding="utf-8")
    assert TRANSLATIONS.differences(english, russian) == []
    russian.write_text("# Т\n\nГраница — [[floor: 0,308]], а $x = [[x: 1,5]]$.\n", encoding="utf-8")
    assert (
        "values: item 1 is '[[floor: 0,308]]' (line 3) where the English page has '[[floor: 0,307]]' (line 3)"
        in TRANSLATIONS.differences(english, russian)
    )


PAGE = "---\ntitle: T\ndescription: D.\ntags: [topic/reference]\nsources: []\nreviewed: 2026-01-01\n---\n# T\n\n"


def test_the_build_shows_values_and_refuses_a_bad_mark(tmp_path):
    (tmp_path / "good").mkdir()
    (tmp_path / "bad").mkdir()
    good = build_pages(
        tmp_path / "good",
        {
            "docs/index.md": PAGE + "Floor [[floor: 0.307]] and $[[x: 1.5]]\\,\\sigma$.\n",
            "docs/index.ru.md": PAGE + "Граница [[floor: 0,307]] и $[[x: 1.5]]\\,\\sigma$.\n",
        },
    )
    assert good.returncode == 0, good.log[-3000:]
    html = good.page("index.html")
    assert "Floor 0.307 and" in html and "[[" not in html and "0.307" in good.page("ru/index.html").replace(",", ".")

    bad = build_pages(
        tmp_path / "bad",
        {
            "docs/index.md": PAGE + "Floor [[floor: 0.307]] and [[floor: 0.308]].\n",
            "docs/index.ru.md": PAGE + "Граница [[floor: 0,307]] и [[floor: 0,308]].\n",
        },
    )
    assert bad.returncode != 0
    assert "Doc file 'index.md', line 10: the value name 'floor' is already used on line 10" in bad.log
