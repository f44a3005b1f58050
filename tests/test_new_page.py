"""scripts/new_page.py: scaffolds an EN + RU page pair that passes the page checks and the strict build.

Each case runs the script as a subprocess on a copy of the project: the real mkdocs.yml (with its
nav), a stub page for every nav entry, and links to hooks/, overrides/, node_modules/ and cache/
(tests/sitebuilder.py). The strict build of the scaffolded copy runs once.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.sitebuilder import ROOT, build, make_site

SCRIPT = ROOT / "scripts" / "new_page.py"
HEADING = re.compile(r"^(#{2,3}) (.+?)(?: \{ #([a-z0-9-]+) \})?\s*$", re.M)
PAGE = "stages/take-home.md"
TITLE, TITLE_RU = "Take-home assignment", "Домашнее задание"
ARGS = [
    PAGE,
    "--title",
    TITLE,
    "--title-ru",
    TITLE_RU,
    "--section",
    "Stages",
    "--description",
    'Take-home tasks: what "done" means.',
    "--description-ru",
    "Домашние задания: что значит «готово».",
    "--tags",
    "stage/coding,role/re",
]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml has !!python/... tags: read them as plain data."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: f"<{node.tag}>")


def _config(text: str) -> dict:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


def _ru(config: dict) -> dict:
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return next(language for language in i18n["languages"] if language["locale"] == "ru")


def _pages(nav) -> list[tuple[str, str]]:
    """(title, path) of every page in the nav."""
    found = []
    for item in nav:
        for title, value in item.items():
            found += _pages(value) if isinstance(value, list) else [(title, value)]
    return found


def _stub(title: str) -> str:
    return (
        f"---\ntitle: {title}\ndescription: Stub.\ntags: [topic/reference]\nsources: []\n"
        f"reviewed: {datetime.date.today()}\n---\n\n# {title}\n"
    )


def _copy(folder: Path) -> str:
    """The project in folder: the real mkdocs.yml and tags.yml, and an EN + RU stub for each nav page.

    Returns the config text.
    """
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    stubs = {}
    for title, path in _pages(_config(config)["nav"]):
        stubs[f"docs/{path}"] = _stub(title)
        stubs[f"docs/{path.removesuffix('.md')}.ru.md"] = _stub(f"{title} (ru)")
    # hooks/glossary.py reads the Russian glossary's table: the stub needs one row.
    stubs["docs/glossary.ru.md"] += "\n| Русский | English | Пояснение |\n| --- | --- | --- |\n| тест | test | — |\n"
    make_site(folder, stubs)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("tags.yml",):
        if (ROOT / name).is_file() and not (folder / name).exists():
            (folder / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    return config


def _run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--root", str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path}: no front matter"
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory):
    folder = tmp_path_factory.mktemp("project")
    original = _copy(folder)
    result = _run(folder, *ARGS)
    assert result.returncode == 0, result.stderr
    return folder, original, result


@pytest.fixture(scope="module")
def built(scaffold):
    folder = scaffold[0]
    result = build(folder)
    assert result.returncode == 0, f"strict build of the scaffolded copy failed:\n{result.log[-6000:]}"
    return result


def test_reports_what_it_did(scaffold):
    out = scaffold[2].stdout
    assert "created docs/stages/take-home.md" in out and "created docs/stages/take-home.ru.md" in out
    assert re.search(rf"mkdocs\.yml:\d+: added `{TITLE}: {PAGE}` to the nav under 'Stages'", out)
    assert re.search(rf"mkdocs\.yml:\d+: added `{TITLE}: {TITLE_RU}` to the ru nav_translations", out)


def test_pages_have_valid_front_matter_and_the_same_heading_ids(scaffold):
    folder = scaffold[0]
    english, russian = folder / "docs" / PAGE, folder / "docs" / "stages" / "take-home.ru.md"
    metas = {"en": _front_matter(english), "ru": _front_matter(russian)}
    assert metas["en"]["title"] == TITLE and metas["ru"]["title"] == TITLE_RU
    assert metas["en"]["description"] == 'Take-home tasks: what "done" means.'
    assert metas["ru"]["description"] == "Домашние задания: что значит «готово»."
    for meta in metas.values():
        assert set(meta) == {"title", "description", "tags", "sources", "reviewed"}
        assert meta["tags"] == ["stage/coding", "role/re"] and meta["sources"] == []
        assert isinstance(meta["reviewed"], datetime.date)
        assert (datetime.date.today() - meta["reviewed"]).days in (0, 1)  # today, or yesterday past midnight
    for path, title in ((english, TITLE), (russian, TITLE_RU)):
        text = path.read_text(encoding="utf-8")
        assert f"\n# {title}\n" in text and "TODO" in text.split("{ #overview }", 1)[1]
    ids = [
        [(m.group(1), m.group(3)) for m in HEADING.finditer(p.read_text(encoding="utf-8"))] for p in (english, russian)
    ]
    assert ids[0] == ids[1] == [("##", "overview")]


def test_config_gains_the_nav_entry_and_translation_and_nothing_else(scaffold):
    folder, original, _ = scaffold
    text = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    nav_line, translation_line = f"      - {TITLE}: {PAGE}\n", f"            {TITLE}: {TITLE_RU}\n"
    lines = text.splitlines(keepends=True)
    assert lines.count(nav_line) == 1 and lines.count(translation_line) == 1
    assert "".join(line for line in lines if line not in (nav_line, translation_line)) == original
    # The entry is the last child of Stages: right after its old last child, before the next top-level item.
    before = original.splitlines(keepends=True)
    start = before.index("  - Stages:\n")
    end = next(i for i in range(start + 1, len(before)) if before[i].startswith("  - "))
    at = lines.index(nav_line)
    assert (lines[at - 1], lines[at + 1]) == (before[end - 1], before[end])
    # Read back: exactly the old config plus the two entries.
    new, old = _config(text), _config(original)
    section = next(item["Stages"] for item in new["nav"] if "Stages" in item)
    assert section[-1] == {TITLE: PAGE}
    assert _ru(new)["nav_translations"][TITLE] == TITLE_RU
    section.pop()
    del _ru(new)["nav_translations"][TITLE]
    assert new == old


def test_strict_build_serves_both_languages_with_the_russian_nav_title(built):
    english, russian = built.page("stages/take-home/index.html"), built.page("ru/stages/take-home/index.html")
    assert TITLE in english.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert 'id="overview"' in english and 'id="overview"' in russian
    assert "<h1" in russian and TITLE_RU in russian.split("<h1", 1)[1].split("</h1>", 1)[0]
    nav = russian.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert re.search(rf">\s*{TITLE_RU}\s*<", nav), "the Russian nav does not show the translated title"
    assert not re.search(rf">\s*{TITLE}\s*<", nav), "the Russian nav shows the English title"


def test_top_level_page_with_a_title_that_needs_quoting(tmp_path):
    original = _copy(tmp_path)
    result = _run(
        tmp_path,
        "about.md",
        "--title",
        "About: this site",
        "--title-ru",
        "О сайте",
        "--section",
        "",
        "--tags",
        "topic/reference",
    )
    assert result.returncode == 0, result.stderr
    config = _config((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["nav"][-1] == {"About: this site": "about.md"}
    assert _ru(config)["nav_translations"]["About: this site"] == "О сайте"
    assert config["nav"][:-1] == _config(original)["nav"]
    assert (tmp_path / "docs" / "about.ru.md").is_file()


def test_reuses_an_existing_nav_translation(tmp_path):
    original = _copy(tmp_path)
    result = _run(
        tmp_path,
        "stages/coding-2.md",
        "--title",
        "Coding",
        "--title-ru",
        "Кодинг",
        "--section",
        "Stages",
        "--tags",
        "topic/coding",
    )
    assert result.returncode == 0, result.stderr
    assert "already has `Coding: Кодинг`" in result.stdout
    text = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert text.replace("      - Coding: stages/coding-2.md\n", "", 1) == original


X = ["stages/x.md", "--section", "Stages"]
REFUSALS = {
    "page exists": (
        ["stages/coding.md", "--section", "Stages"],
        "docs/stages/coding.md and docs/stages/coding.ru.md already exist",
    ),
    "no such section": (["stages/x.md", "--section", "Nowhere"], "no top-level nav section 'Nowhere'"),
    "section is a page": (["stages/x.md", "--section", "Home"], "is a page, not a section"),
    "outside docs": (["../outside.md", "--section", "Stages"], "not under docs/"),
    "absolute outside docs": (["/tmp/outside.md", "--section", "Stages"], "not under"),
    "not markdown": (["stages/x.txt", "--section", "Stages"], "not a .md file"),
    "russian twin given": (["stages/x.ru.md", "--section", "Stages"], "give the English page's path"),
    "malformed tag": ([*X, "--tags", "stage/coding,Coding"], "malformed tag(s): Coding"),
    "unknown tag kind": ([*X, "--tags", "level/hard"], "malformed tag(s): level/hard"),
    "no tag": ([*X, "--tags", ""], "give at least one tag"),
    "tag not in tags.yml": ([*X, "--tags", "topic/astrology"], "unknown tag(s): topic/astrology"),
    "clashing translation": ([*X, "--title", "Coding"], "already translated as 'Кодинг'"),
    "long description": ([*X, "--description", "x" * 161], "keep it to 160"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_refuses_with_a_message_and_changes_nothing(tmp_path, case):
    args, message = REFUSALS[case]
    original = _copy(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "docs").rglob("*"))
    defaults = [] if "--title" in args else ["--title", "New page"]
    defaults += [] if "--tags" in args else ["--tags", "topic/coding"]
    result = _run(tmp_path, *args, *defaults, "--title-ru", "Новая страница")
    assert result.returncode == 1, result.stdout + result.stderr
    assert message in result.stderr
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == original
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "docs").rglob("*")) == before
