"""Every page: front matter, explicit heading ids shared by both languages, and a place in the nav."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from tests.sitebuilder import ROOT

DOCS = ROOT / "docs"
HEADING = re.compile(r"^(#{2,3}) (.+?)(?: \{ #([a-z0-9-]+) \})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
ENGLISH = sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".ru.md") and "snippets" not in p.parts)


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path}: no front matter"
    return yaml.safe_load(text.split("---\n", 2)[1])


def _headings(path: Path) -> list[tuple[str, str | None, int]]:
    """(level, id, line) of every ## and ### heading outside code fences."""
    found, in_fence = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (match := HEADING.match(line)):
            found.append((match.group(1), match.group(3), number))
    return found


def _twin(path: Path) -> Path:
    return path.with_name(path.stem + ".ru.md")


@pytest.mark.parametrize("page", ENGLISH, ids=lambda p: str(p.relative_to(DOCS)))
def test_front_matter_in_both_languages(page):
    english, russian = _front_matter(page), _front_matter(_twin(page))
    for language, meta in (("en", english), ("ru", russian)):
        missing = {"title", "description", "tags", "sources", "reviewed"} - meta.keys()
        assert not missing, f"{page.name} ({language}): missing {missing}"
        assert 0 < len(meta["description"]) <= 160, f"{page.name} ({language}): description length"
        assert isinstance(meta["reviewed"], datetime.date)
        assert all(re.fullmatch(r"(role|stage|topic|difficulty)/[a-z-]+", tag) for tag in meta["tags"]), meta["tags"]
        for source in meta["sources"]:
            assert {"title", "author", "date"} <= source.keys(), f"{page.name} ({language}): source {source}"
    assert english["tags"] == russian["tags"] and english["sources"] == russian["sources"]
    assert english["title"] != russian["title"], f"{page.name}: the Russian title is not translated"


@pytest.mark.parametrize("page", ENGLISH, ids=lambda p: str(p.relative_to(DOCS)))
def test_headings_have_explicit_ids_shared_by_both_languages(page):
    english, russian = _headings(page), _headings(_twin(page))
    without_id = [
        f"{path.name}:{line}"
        for path, headings in ((page, english), (_twin(page), russian))
        for _, heading_id, line in headings
        if heading_id is None
    ]
    assert not without_id, f"headings without {{ #id }}: {without_id}"
    assert [(level, i) for level, i, _ in english] == [(level, i) for level, i, _ in russian]


MAINTAINERS_PAGES = {"status.md"}  # not_in_nav in mkdocs.yml: linked from CONTRIBUTING, not the readers' nav


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_readers_page_is_in_the_built_nav(real_site, language):
    """Each page's own navigation marks it as the current one: the page is in the nav the reader
    gets (hooks/question_bank.py adds the answer pages; navigation.prune renders the current branch)."""
    prefix = "" if language == "en" else "ru/"
    missing = []
    for page in ENGLISH:
        path = page.relative_to(DOCS).as_posix()
        if path in MAINTAINERS_PAGES:
            continue
        built = real_site.page(prefix + (_url(path) or "") + "index.html")
        nav = built[
            built.index('class="md-nav md-nav--primary"') : built.index('class="md-sidebar md-sidebar--secondary"')
        ]
        if "md-nav__link--active" not in nav:
            missing.append(path)
    assert not missing, f"not in the {language} nav: {missing}"


def test_maintainers_pages_are_built_but_not_in_the_nav_or_search(real_site):
    for prefix in ("", "ru/"):
        home = real_site.page(f"{prefix}index.html")
        assert 'href="status/"' not in home and (real_site.site / prefix / "status" / "index.html").is_file()
        assert '"location":"status/"' not in real_site.page(f"{prefix}search/search_index.full.json")


def _url(path: str) -> str:
    """The link the home page's nav has for a page: `questions/rl/mdp.md` -> `questions/rl/mdp/`."""
    path = path.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{path}/" if path else ""


def test_the_checks_catch_a_missing_id(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# T\n\n## With { #with }\n\n```\n## not a heading\n```\n\n### Without\n", encoding="utf-8")
    assert _headings(page) == [("##", "with", 3), ("###", None, 9)]
