"""Spaced repetition, progress export/import, the plan and reading progress, in a real browser.

Time is Playwright's clock (`page.clock.set_fixed_time`): the page's Date is moved, not the test's.
The expected review dates come from py-fsrs (the `fsrs` package), an implementation separate from
the ts-fsrs code the page runs; the expected plan is computed here from the published bank data.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest
from fsrs import Card, Rating, Scheduler
from playwright.sync_api import expect

from tests.sitebuilder import ROOT

QUIZ = "questions/quiz/"
MY_PLAN = "preparation/my-plan/"
T0 = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
SCHEMA = json.loads((ROOT / "overrides/assets/study/progress.schema.json").read_text(encoding="utf-8"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DAY_MS = 86_400_000


@pytest.fixture
def context(browser):
    """A fresh browser profile in UTC, with every request to another host recorded."""
    context = browser.new_context(timezone_id="UTC", accept_downloads=True)
    context.foreign = []
    yield context
    context.close()


def _open(context, server):
    page = context.new_page()
    page.on("request", lambda request: None if request.url.startswith(server) else context.foreign.append(request.url))
    return page


def _read_to_the_end(page) -> None:
    """Scroll to the end of the article and wait until the page counts as read."""
    page.locator(".study-read-sentinel").scroll_into_view_if_needed()
    key = json.dumps(page.evaluate("window.aigStudy.pageKey"))
    page.wait_for_function(f"() => (JSON.parse(localStorage.getItem('aig.study.v2')) || {{read: {{}}}}).read[{key}]")


def _store(page) -> dict:
    return page.evaluate("JSON.parse(localStorage.getItem('aig.study.v2') || 'null')")


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _grade_round(page, grades: list[str], back: bool = True) -> None:
    """Answer the questions of a running round with the given grade labels, then go back (unless
    that was the round's last question, which leads back by itself)."""
    for grade in grades:
        page.get_by_role("button", name="Show the strong answer").click()
        page.get_by_role("button", name=grade, exact=True).click()
    if back:
        page.get_by_role("button", name="Back to the overview").click()


# -----------------------------------------------------------------------------
# Spaced repetition
# -----------------------------------------------------------------------------

RATINGS = {"knew": Rating.Good, "hard": Rating.Hard, "missed": Rating.Again}


def _expected(card: Card, when: datetime) -> dict[str, tuple[Card, int]]:
    """py-fsrs's card after each grade at `when`, and its interval in days as the site schedules it.

    The site runs ts-fsrs's long-term scheduler (no learning steps, no fuzz): py-fsrs with empty
    learning and relearning steps gives the same memory model. That scheduler also keeps the four
    intervals in order (again ≤ hard < good < easy, each at least a day apart), which we apply here.
    """
    scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    after = {rating: scheduler.review_card(card, rating, when)[0] for rating in Rating}
    days = {rating: round((after[rating].due - when) / timedelta(days=1)) for rating in Rating}
    again = min(days[Rating.Again], days[Rating.Hard])
    hard = max(days[Rating.Hard], again + 1)
    good = max(days[Rating.Good], hard + 1)
    ordered = {Rating.Again: again, Rating.Hard: hard, Rating.Good: good}
    return {grade: (after[rating], ordered[rating]) for grade, rating in RATINGS.items()}


def _check_schedule(mark: dict, expected: tuple[Card, int], when: datetime) -> None:
    card, days = expected
    assert mark["fsrs"]["due"] == _ms(when + timedelta(days=days)), (mark, days)
    # ts-fsrs rounds stability and difficulty to 8 decimals after each review, py-fsrs does not: the
    # two drift apart by about 1e-8 relative per review. A wrong parameter or rating moves them by percents.
    assert mark["fsrs"]["s"] == pytest.approx(card.stability, rel=1e-6)
    assert mark["fsrs"]["d"] == pytest.approx(card.difficulty, rel=1e-6)
    assert mark["at"] == mark["fsrs"]["last"] == _ms(when)


def test_grades_move_each_due_date_as_fsrs_computes(context, server):
    page = _open(context, server)
    page.clock.set_fixed_time(T0)
    page.goto(server + QUIZ)
    page.get_by_role("button", name="Start: Reinforcement learning").click()
    _grade_round(page, ["Knew it", "Hard", "Missed"])
    marks = _store(page)["marks"]
    by_grade = {mark["grade"]: slug for slug, mark in marks.items()}
    assert set(by_grade) == {"knew", "hard", "missed"}
    first = _expected(Card(), T0)
    cards = {}
    for grade, slug in by_grade.items():
        _check_schedule(marks[slug], first[grade], T0)
        cards[slug] = first[grade][0]
    assert [first[grade][1] for grade in ("missed", "hard", "knew")] == [1, 2, 3], "new cards: 1, 2 and 3 days"

    # Three days later every one of them is due; the queue lists them, earliest first.
    t1 = T0 + timedelta(days=3)
    page.clock.set_fixed_time(t1)
    page.reload()
    queue = page.locator(".quiz-queue li a")
    expect(queue).to_have_count(3)
    assert page.locator(".quiz-today [role=status]").inner_text() == "Questions due for review today: 3."
    # Earliest due first: missed (1 day), hard (2 days), knew (3 days).
    labels = page.locator(".quiz-queue li .answer-mark").all_inner_texts()
    assert labels == ["Missed", "Hard", "Knew it"]
    first_due = queue.first.inner_text()
    page.get_by_role("button", name="Review the due questions (3)").click()
    expect(page.locator(".quiz-heading")).to_contain_text("Due today: Question 1 of 3")
    expect(page.locator(".self-quiz h3")).to_have_text(first_due)
    _grade_round(page, ["Knew it"] * 3, back=False)
    after = _store(page)["marks"]
    for slug in by_grade.values():
        assert after[slug]["grade"] == "knew"
        _check_schedule(after[slug], _expected(cards[slug], t1)["knew"], t1)
    assert page.locator(".quiz-today [role=status]").inner_text().startswith("Nothing is due today.")


def test_review_only_missed_goes_through_the_missed_questions_in_russian(context, server):
    page = _open(context, server)
    page.clock.set_fixed_time(T0)
    page.goto(server + "ru/" + QUIZ)
    page.get_by_role("button", name="Начать: Обучение с подкреплением").click()
    for grade in ("Не знал", "Знал", "Не знал"):
        page.get_by_role("button", name="Показать сильный ответ").click()
        page.get_by_role("button", name=grade, exact=True).click()
    page.get_by_role("button", name="К списку тем").click()
    page.get_by_role("button", name="Только те, что не знал (2)").click()
    expect(page.locator(".quiz-heading")).to_have_text("Не знал: Вопрос 1 из 2")
    # The marks show on the topic's list and on the answer's own page, in Russian.
    page.goto(server + "ru/questions/rl/")
    expect(page.locator(".answer-mark--missed")).to_have_count(2)
    expect(page.locator(".answer-mark--knew")).to_have_text("Знал")
    page.goto(server + "ru/questions/rl/mdp/")
    expect(page.locator(".answer-status")).to_contain_text("Ваша отметка: Не знал · повторить 1 дек.")


def test_a_mark_from_before_the_schedule_is_due_and_migrated_once(context, server):
    page = _open(context, server)
    page.clock.set_fixed_time(T0)
    page.goto(server)
    old = {"q-mdp": {"status": "knew", "at": _ms(T0 - timedelta(days=10))}}
    page.evaluate(f"localStorage.setItem('aig.progress.v1', {json.dumps(json.dumps(old))})")
    page.evaluate("localStorage.setItem('aig.checklists.v1', JSON.stringify({'preparation/plan/': [false, true]}))")
    page.goto(server + QUIZ)
    assert page.evaluate("localStorage.getItem('aig.progress.v1')") is None
    store = _store(page)
    assert store["marks"] == {"q-mdp": {"grade": "knew", "at": old["q-mdp"]["at"]}}
    assert store["ticks"] == {"preparation/plan/": {"at": 0, "ticks": [False, True]}}
    # Ten days after one "knew" a new card (3 days) is due: it is in today's queue.
    expect(page.locator(".quiz-queue li")).to_have_count(1)
    page.goto(server + "preparation/plan/")
    assert page.locator(".md-content .task-list-item input[type=checkbox]").nth(1).is_checked()


# -----------------------------------------------------------------------------
# Export and import
# -----------------------------------------------------------------------------


def _export(page, folder: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress to a file").click()
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def _import(page, path: Path, label: str = "Import progress from a file") -> str:
    page.set_input_files("#study-import", str(path))
    report = page.locator(".study-report")
    expect(report).not_to_be_empty()
    return report.inner_text()


def _make_progress(page, server) -> None:
    """Quiz marks, a checklist tick, a page read to the end and a plan, in one profile."""
    page.goto(server + QUIZ)
    page.get_by_role("button", name="Start: Reinforcement learning").click()
    _grade_round(page, ["Knew it", "Missed"])
    page.goto(server + "preparation/plan/")
    page.locator(".md-content .task-list-item input[type=checkbox]").nth(3).check(force=True)
    page.goto(server + "roles/")
    _read_to_the_end(page)
    page.goto(server + MY_PLAN)
    page.select_option("#plan-role", "rs")
    page.fill("#plan-date", "2026-12-20")
    page.locator(".study-plan__item input").first.check()


def test_export_then_import_into_a_fresh_profile_restores_everything(browser, server, tmp_path):
    first = browser.new_context(timezone_id="UTC", accept_downloads=True)
    page = first.new_page()
    page.clock.set_fixed_time(T0)
    _make_progress(page, server)
    page.goto(server + QUIZ)
    exported = _export(page, tmp_path)
    original = _store(page)
    first.close()

    data = json.loads(exported.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["format"] == "ai-lab-interview-guide/progress" and data["version"] == 2
    assert len(data["marks"]) == 2 and data["plan"]["role"] == "rs" and "roles/" in data["read"]

    second = browser.new_context(timezone_id="UTC")
    page = second.new_page()
    page.clock.set_fixed_time(T0 + timedelta(hours=1))
    page.goto(server + "ru/" + QUIZ)  # the other language: the same ids
    report = _import(page, exported)
    assert "Отметки самопроверки: добавлено: 2." in report
    assert "Чек-листы (страниц): добавлено: 1." in report
    assert "План: взят из файла." in report
    restored = _store(page)
    for part in ("marks", "ticks", "plan"):
        assert restored[part] == original[part], part
    # Pages read: the file's, and the quiz page this profile has read itself since.
    assert {page: at for page, at in restored["read"].items() if page != "questions/quiz/"} == {
        page: at for page, at in original["read"].items() if page != "questions/quiz/"
    }
    assert "roles/" in restored["read"]
    # …and it shows: the quiz counts, the checklist, the nav, the plan.
    expect(page.locator(".self-quiz li", has=page.locator("a:text-is('Обучение с подкреплением')"))).to_contain_text(
        "1/"
    )
    page.goto(server + "ru/preparation/plan/")
    assert page.locator(".md-content .task-list-item input[type=checkbox]").nth(3).is_checked()
    assert page.locator(".md-nav__link--read").filter(has_text="Роли").count() == 1
    page.goto(server + "ru/" + MY_PLAN)
    expect(page.locator(".study-plan__item input").first).to_be_checked()
    assert page.locator("#plan-role").input_value() == "rs"
    second.close()


def test_an_import_merges_and_keeps_the_newer_of_two_marks(context, server, tmp_path):
    page = _open(context, server)
    page.clock.set_fixed_time(T0)
    at = _ms(T0)
    file = {
        "format": "ai-lab-interview-guide/progress",
        "version": 2,
        "marks": {
            "q-mdp": {"grade": "knew", "at": at - DAY_MS},  # older than this browser's
            "q-dqn": {"grade": "knew", "at": at - DAY_MS},  # newer than this browser's
            "q-ppo": {"grade": "hard", "at": at - DAY_MS},  # not in this browser
        },
        "ticks": {"preparation/plan/": {"at": at - DAY_MS, "ticks": [True]}},
    }
    jsonschema.validate(file, SCHEMA)
    path = tmp_path / "progress.json"
    path.write_text(json.dumps(file), encoding="utf-8")
    page.goto(server)
    local = {
        "format": "aig-study",
        "version": 2,
        "marks": {
            "q-mdp": {"grade": "missed", "at": at - 1000},
            "q-dqn": {"grade": "missed", "at": at - 5 * DAY_MS},
        },
        "ticks": {"preparation/plan/": {"at": at - 1000, "ticks": [False, True]}},
    }
    page.evaluate(f"localStorage.setItem('aig.study.v2', {json.dumps(json.dumps(local))})")
    page.goto(server + QUIZ)
    report = _import(page, path)
    assert "Quiz marks: 1 added, 1 updated from the file, 1 kept (this browser's were newer)." in report
    assert "Checklists (pages): 1 kept (this browser's were newer)." in report
    marks = _store(page)["marks"]
    assert marks["q-mdp"] == local["marks"]["q-mdp"], "this browser's newer mark stays"
    assert marks["q-dqn"] == file["marks"]["q-dqn"], "the file's newer mark wins"
    assert marks["q-ppo"] == file["marks"]["q-ppo"]
    assert _store(page)["ticks"] == local["ticks"]
    # The overview was redrawn with the merged marks.
    expect(page.locator(".self-quiz li", has=page.locator("a:text-is('Reinforcement learning')"))).to_contain_text("1/")


BAD_FILES = {
    "not-json": ("{marks: oops", "it is not a JSON file"),
    "foreign": (json.dumps({"name": "some other site", "progress": 3}), "it is not a progress file of this site"),
    "newer": (
        json.dumps({"format": "ai-lab-interview-guide/progress", "version": 3, "marks": {}}),
        "made by a newer version of this site (format 3)",
    ),
    "bad-grade": (
        json.dumps(
            {"format": "ai-lab-interview-guide/progress", "version": 2, "marks": {"q-mdp": {"grade": "great", "at": 1}}}
        ),
        'the value at marks → "q-mdp" is not valid',
    ),
    "bad-tick": (
        json.dumps(
            {"format": "ai-lab-interview-guide/progress", "version": 2, "ticks": {"cv/": {"at": 1, "ticks": ["yes"]}}}
        ),
        'the value at ticks → "cv/" is not valid',
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_or_foreign_file_changes_nothing_and_says_why(context, server, tmp_path, name):
    text, reason = BAD_FILES[name]
    path = tmp_path / f"{name}.json"
    path.write_text(text, encoding="utf-8")
    if name not in ("not-json",):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(json.loads(text), SCHEMA)  # the published schema refuses it too
    page = _open(context, server)
    page.goto(server + QUIZ)
    page.get_by_role("button", name="Start: Reinforcement learning").click()
    _grade_round(page, ["Knew it"])
    _read_to_the_end(page)
    before = page.evaluate("localStorage.getItem('aig.study.v2')")
    report = _import(page, path)
    assert report.startswith(f"File not imported; nothing changed: {name}.json")
    assert reason in report, report
    assert page.evaluate("localStorage.getItem('aig.study.v2')") == before


def test_a_corrupt_file_is_explained_in_russian_too(context, server, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "ai-lab-interview-guide/progress", "version": 2, "marks": [1]}', encoding="utf-8")
    page = _open(context, server)
    page.goto(server + "ru/" + QUIZ)
    _read_to_the_end(page)
    before = page.evaluate("localStorage.getItem('aig.study.v2')")
    report = _import(page, path)
    assert report.startswith("Файл не загружен, ничего не изменилось: broken.json")
    assert "неверное значение в поле marks." in report
    assert page.evaluate("localStorage.getItem('aig.study.v2')") == before


@pytest.mark.parametrize("prefix", ["", "ru/"])
def test_the_two_resets_are_separate_and_each_asks_first(context, server, prefix):
    page = _open(context, server)
    page.goto(server + prefix + "preparation/plan/")
    page.locator(".md-content .task-list-item input[type=checkbox]").nth(0).check(force=True)
    page.goto(server + prefix + QUIZ)
    page.locator(".self-quiz .quiz-progress button").first.click()  # Start the first topic
    page.locator(".quiz-choices").wait_for(state="attached")
    page.locator(".self-quiz p > .md-button").first.click()  # Show the strong answer
    page.locator(".quiz-choices .md-button").first.click()  # Knew it
    page.locator(".quiz-nav .md-button").click()  # Back
    messages = []

    def answer(dialog):
        messages.append(dialog.message)
        dialog.dismiss() if len(messages) == 1 else dialog.accept()

    page.on("dialog", answer)
    quiz_reset, ticks_reset = page.locator(".study-reset .md-button").all()
    quiz_reset.click()  # dismissed: nothing changes
    assert len(_store(page)["marks"]) == 1
    quiz_reset.click()  # accepted: the marks go, the ticks stay
    assert _store(page)["marks"] == {} and _store(page)["ticks"]
    ticks_reset.click()
    assert _store(page)["ticks"] == {}
    assert len(messages) == 3 and messages[0] != messages[2]
    assert ("Чек-листы останутся" in messages[0]) if prefix else ("checklists are kept" in messages[0])


# -----------------------------------------------------------------------------
# The plan
# -----------------------------------------------------------------------------


def _plan(bank: dict, role: str, start: date, interview: date, hours: float, done: set[str] = frozenset()):
    """The plan the page should lay out, computed from its documented rules (docs/preparation/my-plan.md)."""
    weights = bank["weights"][role]
    items = [item for item in bank["items"] if role in item["roles"] and item["id"] not in done]
    items.sort(key=lambda item: -max(weights[stage] for stage in item["stages"]))  # stable: base order kept
    days = (interview - start).days
    study_days = days - 1 if days >= 2 else days
    budget = round(hours * 60 / 7)
    schedule, queue = [], list(items)
    for _ in range(study_days):
        today, used = [], 0
        while queue and (not today or used + queue[0]["minutes"] <= budget):
            used += queue[0]["minutes"]
            today.append(queue.pop(0))
        schedule.append(today)
    return days, schedule, queue


def _shown(page) -> list[list[str]]:
    return page.evaluate(
        """() => [...document.querySelectorAll('.study-plan__day')].map(day =>
            [...day.querySelectorAll('.study-plan__item a')].map(a => a.textContent))"""
    )


@pytest.mark.parametrize("prefix, language", [("", "en"), ("ru/", "ru")])
def test_the_plan_for_a_date_has_the_expected_days_and_items(context, server, real_site, prefix, language):
    bank = json.loads((real_site.site / f"assets/study/bank.{language}.json").read_text(encoding="utf-8"))
    page = _open(context, server)
    page.clock.set_fixed_time(T0)
    page.goto(server + prefix + MY_PLAN)
    page.select_option("#plan-role", "re")
    page.fill("#plan-hours", "6")
    page.fill("#plan-date", "2026-12-14")
    days, schedule, overflow = _plan(bank, "re", date(2026, 11, 30), date(2026, 12, 14), 6)
    assert days == 14
    expect(page.locator(".study-plan__day")).to_have_count(14)  # 13 study days and a rest day
    assert _shown(page) == [[item["title"] for item in day] for day in schedule] + [[]]
    planned = sum(len(day) for day in schedule)
    expect(page.locator(".study-plan__item")).to_have_count(planned)
    assert page.locator(".study-plan__overflow li").count() == len(overflow)
    assert page.locator(".study-plan__day--today").get_attribute("data-date") == "2026-11-30"
    assert len(page.locator(".study-plan__week").all()) == 2

    # Ticking items updates the count; days that pass with unticked items are behind schedule.
    page.locator(".study-plan__item input").nth(0).check()
    page.locator(".study-plan__item input").nth(1).check()
    summary = page.locator(".study-plan__summary")
    expect(summary).to_contain_text(f"2 {'из' if language == 'ru' else 'of'} {planned}")
    ticked = {item["id"] for item in [item for day in schedule for item in day][:2]}
    page.clock.set_fixed_time(T0 + timedelta(days=2))
    page.reload()
    late = [item for day in schedule[:2] for item in day if item["id"] not in ticked]
    expect(summary).to_contain_text(f"— {len(late)} (" if language == "ru" else f"Behind schedule: {len(late)} items")
    behind_days = sum(any(item["id"] not in ticked for item in day) for day in schedule[:2])
    expect(page.locator(".study-plan__day--behind")).to_have_count(behind_days)

    # A new date makes the plan again from today, without the items already ticked.
    page.fill("#plan-date", "2026-12-09")
    done = ticked
    days, again, _ = _plan(bank, "re", date(2026, 12, 2), date(2026, 12, 9), 6, done)
    expect(page.locator(".study-plan__day")).to_have_count(days)
    assert _shown(page) == [[item["title"] for item in day] for day in again] + [[]]


def test_the_plan_rejects_a_date_in_the_past(context, server):
    page = _open(context, server)
    page.clock.set_fixed_time(T0)
    page.goto(server + MY_PLAN)
    page.fill("#plan-date", "2026-11-30")
    expect(page.get_by_role("alert")).to_have_text("Choose an interview date from tomorrow on.")


def test_the_plan_prints_its_days_without_the_form(context, server):
    page = _open(context, server)
    page.clock.set_fixed_time(T0)
    page.goto(server + MY_PLAN)
    page.fill("#plan-date", "2026-12-07")
    page.emulate_media(media="print")
    assert page.locator(".study-plan__form").is_hidden()
    assert page.locator(".md-sidebar").first.is_hidden()
    assert page.locator(".study-plan__day").first.is_visible()
    assert page.locator(".study-plan__item input").first.is_visible()


# -----------------------------------------------------------------------------
# Reading progress
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("prefix, title, said", [("", "Roles", "(read)"), ("ru/", "Роли", "(прочитано)")])
def test_pages_read_are_marked_in_the_nav_and_the_home_page_continues(context, server, prefix, title, said):
    page = _open(context, server)
    page.goto(server + prefix + "roles/")
    assert page.locator(".md-nav__link--read").count() == 0
    page.locator(".study-read-sentinel").scroll_into_view_if_needed()
    read = page.locator(".md-nav__link--read")
    expect(read).to_have_count(1)
    expect(read).to_contain_text(said)
    page.goto(server + prefix + "stages/coding/")  # opened, not read to the end
    page.goto(server + prefix)
    link = page.locator(".study-continue a")
    expect(link).to_have_text("Кодинг-интервью" if prefix else "Coding interview")
    link.click()
    page.wait_for_url(server + prefix + "stages/coding/")
    assert page.locator(".md-nav__link--read", has_text=title).count() == 1


# -----------------------------------------------------------------------------
# Accessibility and privacy of the new pages, with their state shown
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "ru/"])
def test_axe_is_clean_on_the_quiz_queue_the_import_report_and_the_plan(browser, server, tmp_path, scheme, prefix):
    context = browser.new_context(color_scheme=scheme, timezone_id="UTC")
    page = context.new_page()
    page.clock.set_fixed_time(T0 - timedelta(days=5))
    page.goto(server + prefix + QUIZ)
    page.locator(".self-quiz .quiz-progress button").first.click()
    for _ in range(2):
        page.locator(".self-quiz p > .md-button").first.click()
        page.locator(".quiz-choices .md-button").nth(2).click()
    page.clock.set_fixed_time(T0)
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    page.goto(server + prefix + QUIZ)
    page.locator(".quiz-queue li").first.wait_for()
    page.set_input_files("#study-import", str(bad))
    page.locator(".study-report li").wait_for()
    violations = _axe(page)
    page.goto(server + prefix + MY_PLAN)
    page.fill("#plan-date", "2026-12-10")
    page.locator(".study-plan__item").first.wait_for()
    violations += _axe(page)
    context.close()
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)


def _axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"page": page.url, "id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_the_study_tools_request_nothing_from_another_host(context, server, tmp_path):
    page = _open(context, server)
    page.clock.set_fixed_time(T0)
    _make_progress(page, server)
    page.goto(server + QUIZ)
    _import(page, _export(page, tmp_path))
    page.goto(server)
    page.wait_for_load_state("networkidle")
    assert context.foreign == []
