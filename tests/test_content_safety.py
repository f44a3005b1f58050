"""Unsafe HTML fails the build with the line it is written on; code may show it; external links are
marked and open safely. (tests/test_safety.py covers every class of hostile input.)"""

from __future__ import annotations

import pytest

from tests.sitebuilder import build, make_site

FRONT = "---\ntitle: Page\ndescription: A page.\ntags: [topic/reference]\nsources: []\nreviewed: 2026-11-24\n---\n"
SAFE_BODY = (
    "# Page\n\nSee [the post](https://example.org/post) and [a page](other.md).\n\n"
    '```html\n<script>alert(1)</script>\n<iframe src="x"></iframe>\n```\n\n'
    'Inline code is fine too: `<a onclick="x()">` and `javascript:void(0)`.\n'
)
UNSAFE = {
    "script": ("<script>alert(1)</script>\n", "an inline <script> is not one of the theme's"),
    "iframe": ('<iframe src="https://example.org/"></iframe>\n', "the page contains a <iframe> element"),
    "event handler": ('<div markdown onmouseover="steal()">Hover</div>\n', "<div> has an event handler 'onmouseover'"),
    "javascript url in markdown": ("[click](javascript:alert(1))\n", "<a href> has a 'javascript:' URL"),
    "javascript url in html": ('<a href="javascript:alert(1)">x</a>\n', "<a href> has a 'javascript:' URL"),
}


def _pages(english_body: str, russian_body: str) -> dict[str, str]:
    return {
        "docs/index.md": FRONT + english_body,
        "docs/index.ru.md": FRONT.replace("Page", "Страница") + russian_body,
        "docs/other.md": FRONT + "# Other\n",
        "docs/other.ru.md": FRONT.replace("Page", "Другая") + "# Другая\n",
    }


def test_code_and_inline_code_may_show_unsafe_text_and_external_links_are_marked(tmp_path):
    result = build(make_site(tmp_path, _pages(SAFE_BODY, SAFE_BODY.replace("# Page", "# Страница"))))
    assert result.returncode == 0, result.log
    html = result.page("index.html")
    assert '<a class="external" rel="noopener noreferrer" href="https://example.org/post">' in html
    assert '<a href="other/">' in html, "internal links stay as they are"


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("case", UNSAFE)
def test_unsafe_html_fails_the_build_naming_file_and_line(tmp_path, case, language):
    snippet, expected = UNSAFE[case]
    english, russian = SAFE_BODY, SAFE_BODY.replace("# Page", "# Страница")
    if language == "en":
        english += "\n" + snippet
    else:
        russian += "\n" + snippet
    result = build(make_site(tmp_path, _pages(english, russian)))
    source = "index.md" if language == "en" else "index.ru.md"
    lines = (FRONT + (english if language == "en" else russian)).splitlines()
    line = len(lines) - lines[::-1].index(snippet.strip())  # the appended line, not the code block's copy
    assert result.returncode != 0
    assert f"Doc file '{source}', line {line}: {expected}" in result.log, result.log
