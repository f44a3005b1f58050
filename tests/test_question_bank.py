"""The question bank: one page per answer, complete in both languages, listed, linked and indexed."""

from __future__ import annotations

import gzip
import json
import re
import runpy
import textwrap

import pytest

from tests.content.helpers import load_snippet
from tests.modules import load
from tests.sitebuilder import ROOT

DOCS = ROOT / "docs"
QUESTION_BANK = load("hooks/bank.py")
BANK = QUESTION_BANK.read_bank(DOCS, ROOT / "tags.yml")
ANSWERS = BANK.answers()
PAGE_BUDGET = 150 * 1024  # bytes of gzip HTML per question page


def _source(answer, language: str) -> str:
    path = DOCS / answer.path
    return (path if language == "en" else path.with_name(f"{answer.slug}.{language}.md")).read_text(encoding="utf-8")


def test_the_bank_reads_without_problems_and_every_answer_has_both_languages():
    assert not BANK.problems, "\n".join(BANK.problems)
    assert len(ANSWERS) >= 66, len(ANSWERS)
    missing = [answer.path for answer in ANSWERS if not (DOCS / answer.path).with_suffix(".ru.md").is_file()]
    assert not missing, missing
    assert len({answer.slug for answer in ANSWERS}) == len(ANSWERS), "slugs are the quiz keys: they must be unique"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_answer_has_question_weak_strong_and_follow_ups(language):
    parts = {
        "the question quote": r"^> \S",
        "a weak answer": r'^\?\?\?\+? failure "',
        "a strong answer": r'^\?\?\?\+? success "',
        "follow-ups": r'^\?\?\?\+? question "',
    }
    incomplete = []
    for answer in ANSWERS:
        source = _source(answer, language)
        missing = [part for part, pattern in parts.items() if not re.search(pattern, source, re.M)]
        if missing:
            incomplete.append(f"{answer.path} ({language}): no {', '.join(missing)}")
    assert not incomplete, "\n".join(incomplete)


def test_every_snippet_is_shown_by_an_answer_in_both_languages():
    included = set()
    for answer in ANSWERS:
        english, russian = (
            set(re.findall(r"\{!(docs/snippets/\S+?\.py)!\}", _source(answer, lang))) for lang in "en ru".split()
        )
        assert english == russian, f"{answer.path}: the two languages include different code"
        included |= english
    on_disk = {p.relative_to(ROOT).as_posix() for p in (DOCS / "snippets").rglob("*.py")}
    assert on_disk == included, f"snippets not shown on any page: {sorted(on_disk - included)}"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_stage_page_lists_its_answers(real_site, language):
    prefix = "" if language == "en" else "ru/"
    for stage in QUESTION_BANK.STAGES:
        page = real_site.page(f"{prefix}stages/{stage}/index.html")
        section = page.split('<div class="stage-answers">', 1)[1].split("</div>", 1)[0]
        linked = set(re.findall(r'href="\.\./\.\./questions/([\w-]+/[\w-]+)/"', section))
        filed = {f"{answer.topic}/{answer.slug}" for answer in ANSWERS if stage in answer.stages}
        assert linked == filed, f"{prefix}stages/{stage}: listed {sorted(linked)}, filed {sorted(filed)}"


# --- the built site --------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_answer_is_its_own_search_result(real_site, language):
    prefix = "" if language == "en" else "ru/"
    index = json.loads(real_site.page(f"{prefix}search/search_index.full.json"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    for answer in ANSWERS:
        location = f"questions/{answer.topic}/{answer.slug}/"
        assert titles.get(location) == answer.titles[language], f"{location} is not a search result of its own"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_topic_pages_list_their_answers_with_difficulty_and_stage(real_site, language):
    prefix = "" if language == "en" else "ru/"
    for topic in BANK.topics:
        page = real_site.page(f"{prefix}questions/{topic.slug}/index.html")
        rows = re.findall(r"<tr>\s*<td><a [^>]*data-answer=\"(q-[\w-]+)\"[^>]*>(.*?)</a></td>\s*<td>(.*?)</td>", page)
        assert [row[0] for row in rows] == [answer.id for answer in topic.answers], topic.slug
        for (_, title, difficulty), answer in zip(rows, topic.answers, strict=True):
            assert title == answer.titles[language].replace("&", "&amp;")
            assert difficulty == BANK.labels[f"difficulty/{answer.difficulty}"][language]


def test_answer_chips_sit_under_the_title_difficulty_first(real_site):
    page = real_site.page("ru/questions/rl/mdp/index.html")
    title, chips = page.index("</h1>"), page.index('<nav class="md-tags"')
    assert title < chips < page.index("<blockquote>"), "the chips belong between the title and the question"
    labels = re.findall(r'class="md-tag">([^<]+)<', page)
    assert labels[:2] == ["Сложность: Средняя", "Этап: Технический квиз"], labels


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_question_page_is_within_the_page_weight_budget(real_site, language):
    prefix = "" if language == "en" else "ru/"
    pages = sorted((real_site.site / prefix / "questions").rglob("index.html"))
    heavy = {
        page.relative_to(real_site.site).as_posix(): size
        for page in pages
        if (size := len(gzip.compress(page.read_bytes()))) > PAGE_BUDGET
    }
    assert len(pages) > len(ANSWERS) and not heavy, heavy


# --- bad input -------------------------------------------------------------------------------


def _bank(tmp_path, pages: dict[str, str]):
    for path, text in pages.items():
        target = tmp_path / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return QUESTION_BANK.read_bank(tmp_path / "docs", ROOT / "tags.yml")


ANSWER = """\
    ---
    title: An answer
    difficulty: {difficulty}
    stages: [quiz]
    roles: [re]
    ---
    # An answer
    """
TOPIC = "---\ntitle: RL\n---\n# RL\n"


def test_a_good_bank_has_no_problems(tmp_path):
    bank = _bank(
        tmp_path,
        {
            "questions/answers.yml": "rl:\n  - mdp\n",
            "questions/rl/index.md": TOPIC,
            "questions/rl/mdp.md": ANSWER.format(difficulty="easy"),
        },
    )
    assert bank.problems == [] and [answer.id for answer in bank.answers()] == ["q-mdp"]


@pytest.mark.parametrize(
    "pages, message",
    [
        (
            {
                "questions/answers.yml": "rl: []\n",
                "questions/rl/index.md": TOPIC,
                "questions/rl/mdp.md": ANSWER.format(difficulty="easy"),
            },
            r"Doc file 'questions/rl/mdp.md' is not in questions/answers.yml: add '- mdp' under 'rl:'",
        ),
        (
            {"questions/answers.yml": "rl:\n  - ppo\n  - mdp\n", "questions/rl/index.md": TOPIC},
            r"Doc file 'questions/answers.yml', line 3: answer 'mdp' has no page questions/rl/mdp.md",
        ),
        (
            {
                "questions/answers.yml": "rl:\n  - mdp\n",
                "questions/rl/index.md": TOPIC,
                "questions/rl/mdp.md": ANSWER.format(difficulty="trivial"),
            },
            r"Doc file 'questions/rl/mdp.md', line 3: front matter 'difficulty' must be one of easy, medium, hard",
        ),
        (
            {
                "questions/answers.yml": "ml:\n  - mdp\nrl:\n  - mdp\n",
                "questions/ml/index.md": TOPIC,
                "questions/ml/mdp.md": ANSWER.format(difficulty="easy"),
                "questions/rl/index.md": TOPIC,
                "questions/rl/mdp.md": ANSWER.format(difficulty="easy"),
            },
            r"Doc file 'questions/rl/mdp.md': the slug 'mdp' is also used by 'questions/ml/mdp.md'",
        ),
        (
            {"questions/answers.yml": "rl: mdp\n", "questions/rl/index.md": TOPIC},
            r"Doc file 'questions/answers.yml': it must map each topic to the list of its answer slugs",
        ),
        (
            {"questions/answers.yml": "ml: []\n", "questions/ml/index.md": TOPIC, "questions/rl/index.md": TOPIC},
            r"Doc file 'questions/rl/index.md': its topic 'rl' is not in questions/answers.yml",
        ),
        (
            {"questions/answers.yml": "rl: []\n"},
            r"Doc file 'questions/answers.yml', line 1: topic 'rl' has no page questions/rl/index.md",
        ),
    ],
    ids=[
        "unlisted page",
        "listed page missing",
        "bad difficulty",
        "slug used twice",
        "not a list",
        "topic not listed",
        "topic page missing",
    ],
)
def test_bank_problems_name_the_file_and_line(tmp_path, pages, message):
    bank = _bank(tmp_path, pages)
    assert any(re.search(message, problem) for problem in bank.problems), bank.problems


def _front(title: str, tags: str) -> str:
    lines = ["---", f"title: {title}", f"description: {title}.", f"tags: [{tags}]", "sources: []"]
    return "\n".join([*lines, "reviewed: 2026-01-01", "---", f"# {title}", ""])


def test_a_bank_problem_fails_the_strict_build(tmp_path):
    from tests.sitebuilder import build_pages

    result = build_pages(
        tmp_path,
        {
            "docs/index.md": _front("Home", "topic/reference"),
            "docs/index.ru.md": _front("Главная", "topic/reference"),
            "docs/questions/answers.yml": "rl:\n  - mdp\n",
            "docs/questions/rl/index.md": _front("RL", "topic/rl") + "<!-- answer-list -->\n",
            "docs/questions/rl/index.ru.md": _front("ОП", "topic/rl") + "<!-- answer-list -->\n",
        },
    )
    assert result.returncode != 0
    assert "Doc file 'questions/answers.yml', line 2: answer 'mdp' has no page questions/rl/mdp.md" in result.log


# --- snippets --------------------------------------------------------------------------------

SNIPPETS = sorted((DOCS / "snippets").rglob("*.py"))


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: p.relative_to(DOCS / "snippets").as_posix())
def test_every_snippet_is_silent_on_import_and_its_demo_runs(snippet, capsys):
    relative = snippet.relative_to(DOCS / "snippets").as_posix()
    load_snippet(relative)
    assert capsys.readouterr().out == "", f"{relative} prints on import: put demos under __main__"
    runpy.run_path(str(snippet), run_name="__main__")
