"""Study tools in a real browser: the self-quiz, persistent checklists, translated tags."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.modules import load
from tests.sitebuilder import ROOT

BANK = load("hooks/bank.py").read_bank(ROOT / "docs", ROOT / "tags.yml")

QUIZ = "questions/quiz/"
PLAN = "preparation/plan/"


def _progress(page, label: str) -> str:
    item = page.locator(".self-quiz li", has=page.locator(f"a:text-is('{label}')"))
    return item.locator(".quiz-progress").inner_text().split()[0]


def test_a_quiz_session_is_kept_across_reloads_and_languages_until_reset(page, server):
    page.goto(server + QUIZ)
    probability = len(BANK.topic("probability").answers)
    assert _progress(page, "Probability and statistics") == f"0/{probability}"

    page.get_by_role("button", name="Start: Probability and statistics").click()
    answer = page.locator(".quiz-answer")
    assert answer.is_hidden()
    page.get_by_role("button", name="Show the strong answer").click()
    assert answer.is_visible() and answer.locator(".katex").count() > 0
    page.get_by_role("button", name="Knew it").click()
    page.get_by_role("button", name="Show the strong answer").click()
    page.get_by_role("button", name="Missed", exact=True).click()
    page.get_by_role("button", name="Back to the overview").click()
    assert _progress(page, "Probability and statistics") == f"1/{probability}"
    quiz_answers = sum("quiz" in answer.stages for answer in BANK.answers())
    assert _progress(page, "Technical quiz") == f"1/{quiz_answers}", "the stage view counts the same question"

    page.reload()
    assert _progress(page, "Probability and statistics") == f"1/{probability}"

    page.goto(server + "ru/" + QUIZ)
    assert _progress(page, "Теория вероятностей и статистика") == f"1/{probability}"

    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Сбросить прогресс").click()
    assert _progress(page, "Теория вероятностей и статистика") == f"0/{probability}"
    assert page.evaluate("localStorage.getItem('aig.progress.v1')") is None
    assert page.evaluate("JSON.parse(localStorage.getItem('aig.study.v2')).marks") == {}


def test_the_quiz_works_from_the_keyboard(page, server):
    page.goto(server + QUIZ)
    page.get_by_role("button", name=re.compile("^Start: Mathematics")).focus()
    page.keyboard.press("Enter")
    heading = page.locator(".self-quiz h2.quiz-heading")
    heading.wait_for()
    assert page.evaluate("document.activeElement.tagName") == "H2"
    assert f"Question 1 of {len(BANK.topic('math').answers)}" in heading.inner_text()
    page.get_by_role("button", name="Show the strong answer").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Knew it"
    page.keyboard.press("Enter")
    expect(heading).to_contain_text(f"Question 2 of {len(BANK.topic('math').answers)}")


def test_the_quiz_loads_each_answer_when_its_question_comes_up(page, server):
    answers = []
    page.on("request", lambda request: answers.append(request.url) if "/questions/rl/" in request.url else None)
    page.goto(server + QUIZ)
    assert answers == [], "the quiz page loads no answer up front"
    page.get_by_role("button", name="Start: Reinforcement learning").click()
    expect(page.locator(".self-quiz h3")).to_have_text("Markov decision processes and Bellman equations")
    assert answers == [server + "questions/rl/mdp/"]


# Quiz marks as browsers stored them before each answer had its own page: keyed by the old anchor.
OLD_PROGRESS = {"q-mdp": {"status": "knew", "at": 1764000000000}, "q-dqn": {"status": "review", "at": 1764000000001}}


@pytest.mark.parametrize("prefix", ["", "ru/"])
def test_marks_stored_before_the_split_still_show(page, server, prefix):
    page.goto(server)
    page.evaluate(f"localStorage.setItem('aig.progress.v1', {json.dumps(json.dumps(OLD_PROGRESS))})")
    page.goto(server + prefix + "questions/rl/")
    expect(page.locator("a[data-answer='q-mdp'] + .answer-mark--knew")).to_be_visible()
    expect(page.locator("a[data-answer='q-dqn'] + .answer-mark--review")).to_be_visible()
    assert page.locator(".answer-mark").count() == 2
    page.goto(server + prefix + QUIZ)
    label = "Reinforcement learning" if not prefix else "Обучение с подкреплением"
    assert _progress(page, label) == f"1/{len(BANK.topic('rl').answers)}"


@pytest.mark.parametrize("prefix", ["", "ru/"])
def test_an_old_answer_link_opens_the_answer_page(page, server, prefix):
    page.goto(server + prefix + "questions/rl/#q-policy-gradient")
    page.wait_for_url(server + prefix + "questions/rl/policy-gradient/")
    assert page.locator("h1").inner_text().startswith("Policy gradient")
    assert page.evaluate("document.documentElement.lang") == ("ru" if prefix else "en")


def test_checklist_ticks_survive_a_reload_and_a_language_switch_until_cleared(page, server):
    page.goto(server + PLAN)
    boxes = page.locator(".md-content .task-list-item input[type=checkbox]")
    assert boxes.count() > 10 and boxes.first.is_enabled()
    boxes.nth(2).check(force=True)  # Material draws its own box over the input
    page.reload()
    assert boxes.nth(2).is_checked() and not boxes.nth(1).is_checked()

    page.goto(server + "ru/" + PLAN)
    assert page.locator(".md-content .task-list-item input[type=checkbox]").nth(2).is_checked()
    page.get_by_role("button", name="Снять все отметки").click()
    page.reload()
    assert not page.locator(".md-content .task-list-item input[type=checkbox]").nth(2).is_checked()


SCRIPTS = ("study-core.js", "vendor/ts-fsrs.js", "study.js", "study-transfer.js", "study-plan.js")


@pytest.mark.parametrize(
    "path, loaded",
    [
        (QUIZ, {"study-core.js", "vendor/ts-fsrs.js", "study.js", "study-transfer.js"}),
        ("ru/" + QUIZ, {"study-core.js", "vendor/ts-fsrs.js", "study.js", "study-transfer.js"}),
        (PLAN, {"study-core.js", "study.js"}),
        ("preparation/my-plan/", {"study-core.js", "study-plan.js"}),
        ("ru/preparation/my-plan/", {"study-core.js", "study-plan.js"}),
        ("questions/rl/", {"study-core.js", "study.js"}),
        ("questions/rl/mdp/", {"study-core.js", "study.js"}),
        ("process/", {"study-core.js"}),
        ("ru/process/", {"study-core.js"}),
    ],
)
def test_each_study_script_is_loaded_only_where_it_is_used(real_site, path, loaded):
    page = real_site.page(path + "index.html")
    assert {name for name in SCRIPTS if f'assets/javascripts/{name}"' in page} == loaded


def test_tags_have_a_translated_index_in_each_language(real_site):
    english, russian = real_site.page("tags/index.html"), real_site.page("ru/tags/index.html")
    assert 'id="tag:stage-coding-interview"' in english and "Stage: Coding interview" in english
    assert "Этап: Кодинг-интервью" in russian and "Stage:" not in russian
    page = real_site.page("ru/stages/coding/index.html")
    assert 'class="md-tag"' in page and "Этап: Кодинг-интервью" in page
