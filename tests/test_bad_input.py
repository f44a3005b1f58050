"""Each bad input, in English and in Russian, fails the strict build with a message naming the file.

Every case builds a real tiny site (the project's config, hooks and theme) where one page has
one defect; the good site next to them proves the same pages pass once the defect is gone.
"""

from __future__ import annotations

import pytest

from tests.sitebuilder import build, build_pages, make_site

FRONT = "---\ntitle: Page\ndescription: A page.\ntags: [topic/reference]\nsources: []\nreviewed: 2026-11-24\n---\n"

GOOD_PAGES = {
    "docs/index.md": FRONT + "# Home\n\n[Other](other.md#details) and $x^2$.\n\n"
    '<div markdown>\n<a href="ru/other/#details">Русская версия</a>\n</div>\n',
    "docs/index.ru.md": FRONT + "# Главная\n\n[Другая](other.md#details) и $x^2$.\n",
    "docs/other.md": FRONT + "# Other\n\n## Details { #details }\n\nText.\n",
    "docs/other.ru.md": FRONT + "# Другая\n\n## Подробности { #details }\n\nТекст.\n",
    "docs/snippets/answer.py": "ANSWER = 42\n",
}

# name -> (page body, the words the error must contain besides the file name); {root} is the
# relative path from the defective page to the site root.
DEFECTS = {
    "broken link": ("[Missing](missing.md)\n", "missing.md"),
    "broken anchor": ("[Other](other.md#no-such-anchor)\n", "no-such-anchor"),
    "broken link in raw html": ('<div markdown>\n<a href="../nowhere/">x</a>\n</div>\n', "nowhere"),
    "broken cross-language link": ('<div markdown>\n<a href="{root}ru/no-such-page/">RU</a>\n</div>\n', "no-such-page"),
    "missing include": ("```python\n{!docs/snippets/missing.py!}\n```\n", "docs/snippets/missing.py"),
    "bad tex": ("Formula: $\\frac{1}{$ here.\n", "KaTeX"),
    "bad mermaid": ('```mermaid\nflowchart LR\n  A["open --> B\n```\n', "Parse error"),
}


def test_good_site_builds(tmp_path):
    result = build_pages(tmp_path, GOOD_PAGES)
    assert result.returncode == 0, result.log
    assert "WARNING" not in result.log


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("defect", DEFECTS)
def test_defect_fails_strict_build_naming_the_file(tmp_path, defect, language):
    body, expected = DEFECTS[defect]
    source, root = ("other.md", "../") if language == "en" else ("other.ru.md", "../../")
    pages = dict(GOOD_PAGES)
    pages[f"docs/{source}"] += "\n" + body.replace("{root}", root)

    result = build_pages(tmp_path, pages)

    assert result.returncode != 0, f"{defect} in {source} did not fail the strict build:\n{result.log}"
    warnings = [line for line in result.log.splitlines() if "WARNING" in line or "Parse error" in line]
    assert any(source in line for line in warnings), f"no warning names {source}:\n{result.log}"
    assert expected in result.log, f"the message does not mention {expected!r}:\n{result.log}"
    assert "Aborted with" in result.log


def test_include_resolves_from_repository_root_not_current_directory(tmp_path):
    pages = dict(GOOD_PAGES)
    pages["docs/other.md"] += "\n```python\n{!docs/snippets/answer.py!}\n```\n"
    pages["docs/other.ru.md"] += "\n```python\n{!docs/snippets/answer.py!}\n```\n"
    folder = tmp_path / "repo"
    elsewhere = tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    site = tmp_path / "site"

    make_site(folder, pages)
    result = build(folder, site=site, cwd=elsewhere)
    assert result.returncode == 0, result.log
    for page in ("other/index.html", "ru/other/index.html"):
        assert "ANSWER" in (site / page).read_text(encoding="utf-8"), page


def test_include_inside_a_collapsible_block_stays_inside_it(tmp_path):
    snippet = "def answer():\n    return 42\n\n\nANSWER = answer()\n"
    block = (
        '??? success "Answer"\n    Text before.\n\n'
        "    ```python\n    {!docs/snippets/answer.py!}\n    ```\n\n    Text after.\n"
    )
    pages = dict(GOOD_PAGES)
    pages["docs/snippets/answer.py"] = snippet
    pages["docs/other.md"] += "\n" + block
    pages["docs/other.ru.md"] += "\n" + block
    result = build_pages(tmp_path, pages)
    assert result.returncode == 0, result.log
    for page in ("other/index.html", "ru/other/index.html"):
        html = result.page(page)
        details = html[html.index("<details") : html.index("</details>")]
        assert "ANSWER" in details and "Text after." in details, details
