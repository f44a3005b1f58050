"""Translation checks: structural parity (one fixture folder per case), missing translations,
drift banners from git history, and the status report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuilder import ROOT, build, make_site

FIXTURES = ROOT / "tests" / "fixtures" / "parity"
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
FRONT = "---\ntitle: {title}\ndescription: A page.\ntags: [topic/reference]\nsources: []\nreviewed: {reviewed}\n---\n"


def _page(title: str, body: str, reviewed: str = "2026-11-24") -> str:
    return FRONT.format(title=title, reviewed=reviewed) + body


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT)


# -----------------------------------------------------------------------------
# Parity
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_parity_case(case):
    folder = FIXTURES / case
    expected = (folder / "expected.txt").read_text(encoding="utf-8").strip()
    result = _run("scripts/check_parity.py", *(str(p) for p in sorted(folder.glob("page*.md"))))
    if case == "good":
        assert result.returncode == 0 and not result.stdout, result.stdout
    else:
        assert result.returncode == 1, result.stdout
        assert expected in result.stdout, f"expected {expected!r} in:\n{result.stdout}"


def test_every_failure_case_has_a_fixture():
    assert {
        "good",
        "heading-id-differs",
        "heading-level-differs",
        "heading-missing",
        "code-differs",
        "include-differs",
        "link-missing",
        "link-extra",
        "admonition-kind-differs",
        "admonition-missing",
        "missing-translation",
        "orphaned-translation",
        "code-reindented",
        "formula-differs",
        "value-differs",
        "duplicate-heading-id",
    } <= set(CASES)


def test_the_real_pages_are_in_parity():
    result = _run("scripts/check_parity.py")
    assert result.returncode == 0, result.stdout


def test_a_parity_difference_fails_the_strict_build_naming_both_files(tmp_path):
    pages = {
        "docs/index.md": _page("Home", "# Home\n\n## One { #one }\n"),
        "docs/index.ru.md": _page("Главная", "# Главная\n\n## Один { #uno }\n"),
    }
    result = build(make_site(tmp_path, pages))
    assert result.returncode != 0
    assert "Doc file 'index.ru.md' differs from 'index.md': headings" in result.log
    assert "'## { #uno }'" in result.log


# -----------------------------------------------------------------------------
# Missing translation
# -----------------------------------------------------------------------------


@pytest.fixture
def site_with_untranslated_page(tmp_path):
    return make_site(
        tmp_path,
        {
            "docs/index.md": _page("Home", "# Home\n\n[New](new.md)\n"),
            "docs/index.ru.md": _page("Главная", "# Главная\n\n[Новая](new.md)\n"),
            "docs/new.md": _page("New", "# New page\n\nEnglish text only.\n"),
        },
    )


def test_missing_translation_fails_the_strict_build(site_with_untranslated_page):
    result = build(site_with_untranslated_page)
    assert result.returncode != 0
    assert "Doc file 'new.md': no Russian translation. Create 'new.ru.md'" in result.log


def test_missing_translation_shows_a_russian_banner(site_with_untranslated_page):
    result = build(site_with_untranslated_page, strict=False)
    assert result.returncode == 0, result.log
    russian = result.page("ru/new/index.html")
    assert "Перевод ещё не готов" in russian and "English text only." in russian
    assert "Перевод ещё не готов" not in result.page("new/index.html")
    assert "Перевод ещё не готов" not in result.page("ru/index.html")


# -----------------------------------------------------------------------------
# Drift (git history)
# -----------------------------------------------------------------------------


def _git(folder: Path, *args: str, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


@pytest.fixture
def versioned_site(tmp_path):
    folder = make_site(
        tmp_path,
        {
            "docs/index.md": _page("Home", "# Home\n\nHello.\n"),
            "docs/index.ru.md": _page("Главная", "# Главная\n\nПривет.\n"),
            "docs/guide/page.md": _page("Page", "# Page\n\nFirst version.\n"),
            "docs/guide/page.ru.md": _page("Страница", "# Страница\n\nПервая версия.\n"),
        },
    )
    _git(folder, "init", "-q", when="2026-01-01T10:00:00Z")
    _git(folder, "add", "docs", when="2026-01-01T10:00:00Z")
    _git(folder, "commit", "-qm", "pages", when="2026-01-01T10:00:00Z")
    return folder


def test_a_newer_english_page_puts_a_banner_on_the_russian_one(versioned_site):
    page = versioned_site / "docs" / "guide" / "page.md"
    page.write_text(page.read_text(encoding="utf-8").replace("First", "Second"), encoding="utf-8")
    _git(versioned_site, "commit", "-qam", "update English", when="2026-03-05T10:00:00Z")

    result = build(versioned_site)
    assert result.returncode == 0, result.log
    russian = result.page("ru/guide/page/index.html")
    assert "Английская версия новее" in russian
    assert "(2026-03-05)" in russian and "(2026-01-01)" in russian
    assert '<a href="../../../guide/page/" hreflang="en">' in russian  # resolves to /guide/page/
    assert "Английская версия новее" not in result.page("guide/page/index.html")
    assert "Английская версия новее" not in result.page("ru/index.html")


def test_no_banner_once_the_translation_is_updated(versioned_site):
    for name, old, new in (("page.md", "First", "Second"), ("page.ru.md", "Первая", "Вторая")):
        page = versioned_site / "docs" / "guide" / name
        page.write_text(page.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    _git(versioned_site, "commit", "-qam", "update both", when="2026-03-05T10:00:00Z")
    result = build(versioned_site)
    assert result.returncode == 0, result.log
    assert "Английская версия новее" not in result.page("ru/guide/page/index.html")


@pytest.mark.parametrize("keep_branch_text", [False, True])
def test_a_merge_counts_only_what_it_brings_to_the_main_line(versioned_site, keep_branch_text):
    """A branch edits the English page and adds another; the merge keeps the new page and either
    drops the edit (as a conflict resolved in favour of main does) or brings it in."""
    docs = versioned_site / "docs" / "guide"
    _git(versioned_site, "checkout", "-qb", "side", when="2026-02-01T10:00:00Z")
    page = docs / "page.md"
    page.write_text(page.read_text(encoding="utf-8").replace("First", "Side"), encoding="utf-8")
    (docs / "other.md").write_text(_page("Other", "# Other\n"), encoding="utf-8")
    (docs / "other.ru.md").write_text(_page("Другая", "# Другая\n"), encoding="utf-8")
    _git(versioned_site, "add", "docs", when="2026-03-05T10:00:00Z")
    _git(versioned_site, "commit", "-qm", "side edit", when="2026-03-05T10:00:00Z")
    _git(versioned_site, "checkout", "-q", "-", when="2026-03-06T10:00:00Z")
    _git(versioned_site, "merge", "-q", "--no-ff", "--no-commit", "side", when="2026-03-06T10:00:00Z")
    if not keep_branch_text:
        _git(versioned_site, "checkout", "HEAD", "--", "docs/guide/page.md", when="2026-03-06T10:00:00Z")
    _git(versioned_site, "commit", "-qm", "merge side", when="2026-03-06T10:00:00Z")

    result = build(versioned_site)
    assert result.returncode == 0, result.log
    assert ("Английская версия новее" in result.page("ru/guide/page/index.html")) is keep_branch_text


# -----------------------------------------------------------------------------
# Status report
# -----------------------------------------------------------------------------


def test_status_reports_missing_outdated_orphaned_and_stale(versioned_site):
    docs = versioned_site / "docs"
    (docs / "only-english.md").write_text(_page("E", "# E\n"), encoding="utf-8")
    (docs / "only-russian.ru.md").write_text(_page("Р", "# Р\n"), encoding="utf-8")
    (docs / "old.md").write_text(_page("Old", "# Old\n", reviewed="2024-05-01"), encoding="utf-8")
    (docs / "old.ru.md").write_text(_page("Старая", "# Старая\n", reviewed="2024-05-01"), encoding="utf-8")
    page = docs / "guide" / "page.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    _git(versioned_site, "add", "docs", when="2026-03-05T10:00:00Z")
    _git(versioned_site, "commit", "-qm", "changes", when="2026-03-05T10:00:00Z")

    result = _run("scripts/i18n_status.py", "--check", "--docs", str(docs))
    assert result.returncode == 1, result.stdout
    for expected in (
        "| `only-english.md` | missing |",
        "| `only-russian.ru.md` | orphaned |",
        "| `guide/page.md` | outdated | English 2026-03-05, Russian 2026-01-01 |",
        "| `old.md` | stale | old.md reviewed 2024-05-01 |",
        "| `old.md` | stale | old.ru.md reviewed 2024-05-01 |",
    ):
        assert expected in result.stdout, result.stdout
    assert "`index.md`" not in result.stdout, "a page in good order is not a problem"


def test_status_check_passes_on_a_clean_tree(versioned_site):
    result = _run("scripts/i18n_status.py", "--check", "--docs", str(versioned_site / "docs"))
    assert result.returncode == 0, result.stdout
    assert "Every page is translated" in result.stdout


def test_status_check_passes_on_the_repository():
    result = _run("scripts/i18n_status.py", "--check")
    assert result.returncode == 0, result.stdout


def test_the_status_page_shows_the_table_in_each_language(real_site):
    english, russian = real_site.page("status/index.html"), real_site.page("ru/status/index.html")
    assert "<th>Status</th>" in english and "<th>Статус</th>" in russian
    assert "<td><code>process.md</code></td>" in english
    assert "<!-- translation-status -->" not in english, "the marker must be replaced"
