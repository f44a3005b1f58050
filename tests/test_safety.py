"""Hostile and broken input, each class in both languages: the strict build names every problem, with
its file and line, in one run; nothing ships a script or a request to another host; nothing is lost.

One site holds one page pair per class (building ~40 tiny sites would take minutes), and the log
must name each page for its own problem: a message from another page cannot satisfy a case.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from urllib.parse import urlsplit

import pytest

from tests.sitebuilder import build, make_site

FRONT = "---\ntitle: {title}\ndescription: {description}\ntags: [{tags}]\nsources: []\nreviewed: 2026-11-30\n---\n"
# YAML double-quoted scalars: any text, quotes included, reaches the page as written.
_QUOTED = json.dumps
BODY_LINE = 9  # the first body line of a page written with FRONT and a "# Title" line: 7 + 1 + 1

# name -> (body, [message fragment, ...]); the body starts on BODY_LINE + 1 after "# Title\n".
CLASSES = {
    # Script through front matter is in FRONT_MATTER below.
    "attr-list-handler": ('Hover me.\n{: onmouseover="alert(1)" }\n', ["has an event handler 'onmouseover'"]),
    "handler-on-next-line": (
        '<details open\nontoggle="alert(1)">\n<summary>x</summary>\nBody.\n</details>\n',
        ["has an event handler 'ontoggle'"],
    ),
    "entity-javascript": ('<a href="&#106;avascript:alert(1)">x</a>\n', ["has a 'javascript:' URL"]),
    "control-char-javascript": ('<a href="java&#x09;script:alert(1)">x</a>\n', ["has a 'javascript:' URL"]),
    "reference-javascript": ("[click][evil]\n\n[evil]: javascript:alert(1)\n", ["has a 'javascript:' URL"]),
    "formaction": ('<button formaction="javascript:alert(1)">x</button>\n', ["has a 'javascript:' URL"]),
    "object-data-url": (
        '<object data="data:text/html,%3Cscript%3Ealert(1)%3C/script%3E"></object>\n',
        ["contains a <object> element"],
    ),
    "embed": ('<embed src="data:text/html,x">\n', ["contains a <embed> element"]),
    "script-in-include": ("{!docs/snippets/evil.md!}\n", ["an inline <script> is not one of the theme's"]),
    "not-a-fence": ("```not a fence``` here.\n\n<script>alert(2)</script>\n", ["an inline <script>"]),
    "base-takeover": ('<base href="https://evil.example/">\n', ["contains a <base> element"]),
    "img-other-host": ('<img src="https://evil.example/x.png" alt="x">\n', ["load a file from another host"]),
    "markdown-image-other-host": ("![x](https://evil.example/x.png)\n", ["load a file from another host"]),
    "style-import": ("<style>@import url(https://evil.example/x.css);</style>\n", ["url() or @import"]),
    "style-attribute-url": (
        '<div style="background:url(https://evil.example/x.png)">x</div>\n',
        ["the style attribute of <div> loads"],
    ),
    "link-stylesheet": ('<link rel="stylesheet" href="https://evil.example/x.css">\n', ["another host"]),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">\n', ["http-equiv"]),
    "mermaid-init-css": (
        '```mermaid\n%%{init: {"themeCSS": ".node{background:url(https://evil.example/x.png)}"}}%%\n'
        "flowchart TD\n  A --> B\n```\n",
        ["line 10: Mermaid init directives"],
    ),
    "svg-style-url": (
        '<svg><style>.a{fill:url(https://evil.example/x.svg#p)}</style><rect class="a"/></svg>\n',
        ["a <style> element loads 'https://evil.example/x.svg#p' from another host"],
    ),
    "include-outside-repo": ("```text\n{!../../../../../../etc/passwd!}\n```\n", ["line 11: include", "outside"]),
    "include-home": ("```text\n{!~/.bashrc!}\n```\n", ["line 11: include", "relative to the repository root"]),
    "include-cp1251": ("```text\n{!docs/snippets/cp1251.txt!}\n```\n", ["line 11: include", "is not UTF-8"]),
    "include-binary": ("```text\n{!docs/snippets/binary.bin!}\n```\n", ["line 11: include", "is a binary file"]),
    "include-undecodable-indented": (
        '??? note "Code"\n    ```text\n    {!docs/snippets/cp1251.txt!}\n    ```\n',
        ["line 12: include", "is not UTF-8"],
    ),
    "include-self": ("{!docs/include-self.md!}\n", ["line 10: include", "includes itself"]),
    "currency": ("It costs $5-$10 a month.\n", ["line 10: `$5-$` looks like a currency amount"]),
    "unclosed-dollar": ("A lone $ sign.\n", ["line 10: this `$` opens no formula"]),
    "katex-untrusted": ("Link $\\href{javascript:alert(1)}{x}$ here.\n", ["line 10: KaTeX cannot render", "trusted"]),
    "katex-loop": ("Loop $\\def\\a{\\a}\\a$ here.\n", ["line 10: KaTeX cannot render", "Too many expansions"]),
    "tex-real-line": ("Fine $\\frac{1}{2}$ first.\n\nText.\n\nBroken $\\frac{1}{2$ later.\n", ["line 14: KaTeX"]),
    "mermaid-attributes": ('```mermaid title="x"\nflowchart TD\n  A --> B\n```\n', ["line 10: a ```mermaid fence"]),
    "mermaid-real-line": (
        "```mermaid\nflowchart TD\n  A --> B\n```\n\n```mermaid\nflowchart TD\n  A --> B\n  C[[[ --> D\n```\n",
        ["line 18: invalid Mermaid diagram"],
    ),
    "duplicate-heading-id": (
        "## One { #same }\n\n## Two { #same }\n",
        ["line 12: the heading id '#same' is already used"],
    ),
    "link-single-quoted": ("<a href='missing-single/'>x</a>\n", ["link 'missing-single/'", "not in the built site"]),
    "link-unquoted": ("<a href=missing-unquoted/>x</a>\n", ["link 'missing-unquoted/'", "not in the built site"]),
    "link-srcset": ('<img src="ok.png" srcset="missing-2x.png 2x" alt="x">\n', ["link 'missing-2x.png'"]),
}
# Classes that live in the front matter: (front matter fields, message fragment).
FRONT_MATTER = {
    "title-markup": ({"title": "<svg/onload=alert(1)>"}, "front matter field 'title' must be plain text"),
    "description-markup": ({"description": '"><img src=x onerror=alert(1)>'}, "'description' must be plain text"),
}
SNIPPETS = {
    "docs/snippets/evil.md": "<script>alert(3)</script>\n",
    "docs/ok.png": "",
}
BINARY_SNIPPETS = {
    "docs/snippets/cp1251.txt": "Привет, мир\n".encode("cp1251"),
    "docs/snippets/binary.bin": b"\x00\x01\x02binary",
}


def _page(title: str, body: str, description: str = "A page.", tags: str = "topic/reference") -> str:
    front = FRONT.format(title=_QUOTED(title), description=_QUOTED(description), tags=tags)
    return front + f"# {title}\n\n{body}"


def _hostile_pages() -> dict[str, str]:
    pages = {"docs/index.md": _page("Home", "Home.\n"), "docs/index.ru.md": _page("Главная", "Главная.\n")}
    for name, (body, _) in CLASSES.items():
        pages[f"docs/{name}.md"] = _page("Page", body, tags="topic/reference, role/re")
        pages[f"docs/{name}.ru.md"] = _page("Страница", body, tags="topic/reference, role/re")
    for name, (fields, _) in FRONT_MATTER.items():
        pages[f"docs/{name}.md"] = _page(**{"title": "Page", "body": "Text.\n", **fields})
        pages[f"docs/{name}.ru.md"] = _page(**{"title": "Страница", "body": "Текст.\n", **fields})
    # A print page for role/re: the hostile pages' problems must not be reported again for it.
    print_front = _page("Print", "<!-- print-track -->\n", tags="role/re")
    pages["docs/print.md"] = print_front
    pages["docs/print.ru.md"] = print_front.replace("# Print", "# Печать")
    return {**pages, **SNIPPETS}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = make_site(tmp_path_factory.mktemp("hostile"), _hostile_pages())
    for path, data in BINARY_SNIPPETS.items():
        (folder / path).write_bytes(data)
    return build(folder)


def _warnings_of(log: str, source: str) -> list[str]:
    """The log's warnings about one source file, each with its continuation lines."""
    entries = re.split(r"\n(?=WARNING|INFO|ERROR|DEBUG)", log)
    return [entry for entry in entries if f"Doc file '{source}'" in entry or f"'{source}'" in entry.split(":")[0]]


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("name", CLASSES)
def test_each_class_is_reported_for_its_own_page(hostile, name, language):
    source = f"{name}.md" if language == "en" else f"{name}.ru.md"
    warnings = _warnings_of(hostile.log, source)
    for fragment in CLASSES[name][1]:
        assert any(fragment in warning for warning in warnings), f"{source}: no warning with {fragment!r}:\n{warnings}"


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("name", FRONT_MATTER)
def test_markup_in_front_matter_is_refused(hostile, name, language):
    source = f"{name}.md" if language == "en" else f"{name}.ru.md"
    assert any(FRONT_MATTER[name][1] in warning for warning in _warnings_of(hostile.log, source)), hostile.log[-3000:]


def test_one_strict_run_lists_every_problem_and_fails(hostile):
    assert hostile.returncode != 0 and "Aborted with" in hostile.log
    assert "Traceback" not in hostile.log, "a hostile input crashed the build"
    assert not _warnings_of(hostile.log, "index.md") and not _warnings_of(hostile.log, "index.ru.md")


def test_print_pages_do_not_repeat_their_pages_problems(hostile):
    assert not _warnings_of(hostile.log, "print.md") and not _warnings_of(hostile.log, "print.ru.md")
    assert "Doc file 'print" not in hostile.log


def test_front_matter_is_escaped_where_templates_print_it(hostile):
    from selectolax.lexbor import LexborHTMLParser

    page = LexborHTMLParser(hostile.page("description-markup/index.html"))
    (meta,) = page.css('meta[name="description"]')
    assert set(meta.attributes) == {"name", "content"} and "onerror=alert(1)" in meta.attributes["content"]
    assert not page.css("img[onerror]") and not page.css("[onerror]")
    assert not LexborHTMLParser(hostile.page("title-markup/index.html")).css("[onload]")


def test_examples_of_includes_stay_literal(tmp_path):
    include = "{!docs/snippets/ok.py!}"
    body = f"Write `{include}`:\n\n```markdown\n{include}\n```\n\n```python\n{include}\n```\n"
    pages = {
        "docs/index.md": _page("Home", body),
        "docs/index.ru.md": _page("Главная", body),
        "docs/snippets/ok.py": "ANSWER = 42\n",
    }
    result = build(make_site(tmp_path, pages))
    assert result.returncode == 0, result.log[-3000:]
    html = result.page("index.html")
    assert html.count("{!docs/snippets/ok.py!}") == 2, "the inline example and the Markdown example stay as written"
    assert "ANSWER" in html, "the include in the Python block is expanded"


def test_math_in_a_table_cell_keeps_the_table_whole(tmp_path):
    table = "| Value | Norm |\n| --- | --- |\n| a | $|x|$ |\n| b | $\\|x\\|$ |\n"
    pages = {"docs/index.md": _page("Home", table), "docs/index.ru.md": _page("Главная", table)}
    result = build(make_site(tmp_path, pages))
    assert result.returncode == 0, result.log[-3000:]
    rows = re.findall(r"<tr>(.*?)</tr>", result.page("index.html"), re.S)
    assert [row.count("<td") for row in rows[1:]] == [2, 2], rows
    assert rows[1].count('class="katex"') == 1 and "∣" in rows[1] or "|" in rows[1]


# --- a browser loads pages built from the hostile input: no dialog, no request to another host ---


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *arguments):
        pass


def test_hostile_pages_run_no_script_and_call_no_other_host(hostile, browser):
    handler = functools.partial(_Quiet, directory=str(hostile.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs, foreign = [], []
    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: foreign.append(request.url) if not request.url.startswith(base) else None)
    try:
        for name in [*CLASSES, *FRONT_MATTER]:
            for prefix in ("", "ru/"):
                page.goto(base + prefix + name + "/")
                page.mouse.move(200, 300)  # hover handlers
                page.wait_for_timeout(50)
    finally:
        context.close()
        server.shutdown()
    assert not dialogs, f"a script ran: {dialogs}"
    assert not [url for url in foreign if urlsplit(url).scheme in ("http", "https")], foreign
