"""The site's chrome in both languages: 404 pages, language menu, palette labels, share metadata,
logo and favicon, edit/report links. Built-site checks on the real site, a tiny site with a
hostile title, and the browser for what only a browser shows (the #fragment across languages)."""

from __future__ import annotations

import functools
import http.server
import logging
import re
import struct
import threading
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.modules import load
from tests.sitebuilder import build_pages

SITE_URL = "https://ai-lab-interview-guide.github.io/"
REPO = "https://github.com/ai-lab-interview-guide/guide"
FRAGMENT = "official-loop"  # `### … { #official-loop }` in docs/process.md and docs/process.ru.md


def _tree(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def _meta(tree: LexborHTMLParser) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in tree.css("meta[property], meta[name]"):
        key = node.attributes.get("property") or node.attributes.get("name")
        found.setdefault(key, []).append(node.attributes.get("content"))
    return found


def _pages(site) -> list:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


# -----------------------------------------------------------------------------
# 404 pages
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, language, title, home, other_home",
    [("404.html", "en", "Page not found", "/", "/ru/"), ("ru/404.html", "ru", "Страница не найдена", "/ru/", "/")],
)
def test_each_language_has_its_own_404_page(real_site, path, language, title, home, other_home):
    tree = _tree(real_site.page(path))
    assert tree.css_first("html").attributes["lang"] == language
    assert tree.css_first(".error-page h1").text() == title
    links = [a.attributes["href"] for a in tree.css(".error-page a")]
    assert links == [home, home + "?q=", other_home], links
    menu = {a.attributes["hreflang"]: a.attributes["href"] for a in tree.css("a.md-select__link")}
    assert menu == {"en": "/", "ru": "/ru/"}, "the language menu of an error page goes to the homes"


def test_the_404_template_is_checked_like_the_pages(caplog):
    error_pages = load("hooks/error_pages.py")
    config = SimpleNamespace(theme={"language": "en"}, plugins={}, extra=SimpleNamespace())
    with caplog.at_level(logging.WARNING):
        out = error_pages.on_post_template("<p>x</p><script>alert(1)</script>", template_name="404.html", config=config)
    assert "<script>" in out  # the default language's page is kept; the warning fails --strict
    assert any("overrides/404.html" in r.getMessage() and "script" in r.getMessage() for r in caplog.records)


# -----------------------------------------------------------------------------
# Header: language menu and palette
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("prefix, language, other", [("", "en", "ru"), ("ru/", "ru", "en")])
def test_language_menu_marks_the_current_language(real_site, prefix, language, other):
    tree = _tree(real_site.page(prefix + "process/index.html"))
    assert tree.css_first(f"a.md-select__link[hreflang={language}]").attributes.get("aria-current") == "page"
    assert "aria-current" not in tree.css_first(f"a.md-select__link[hreflang={other}]").attributes


@pytest.mark.parametrize(
    "prefix, dark, light",
    [("", "Switch to dark mode", "Switch to light mode"), ("ru/", "Включить тёмную тему", "Включить светлую тему")],
)
def test_palette_toggle_speaks_the_page_language(real_site, prefix, dark, light):
    tree = _tree(real_site.page(prefix + "process/index.html"))
    labels = [node.attributes.get("aria-label") for node in tree.css("input.md-option")]
    titles = [node.attributes.get("title") for node in tree.css("form[data-md-component=palette] label")]
    assert labels == [dark, light] and titles == [dark, light]


def test_russian_footer_and_landmarks_read_naturally(real_site):
    html = real_site.page("ru/process/index.html")
    assert 'aria-label="Вперёд: ' in html and 'aria-label="Назад: ' in html
    assert "Вперед" not in html and "колонтитул" not in html
    assert 'aria-label="Next: ' in real_site.page("process/index.html")


CYRILLIC = re.compile("[а-яё]", re.I)


def test_no_english_interface_string_on_russian_pages(real_site):
    for path in ("ru/process/index.html", "ru/404.html"):
        tree = _tree(real_site.page(path))
        chrome = tree.css(".md-header [title], .md-header [aria-label], .md-footer [aria-label], .headerlink")
        chrome += tree.css(".md-search [placeholder], .md-sidebar [aria-label]")
        english = [
            (node.tag, value)
            for node in chrome
            for name in ("title", "aria-label", "placeholder")
            if (value := node.attributes.get(name)) and not CYRILLIC.search(value) and value != "GitHub"
        ]
        assert not english, f"{path}: {english}"
        footer = tree.css_first(".md-copyright").text()
        assert "Неофициальный гид" in footer and "Сайт сделан на" in footer and "Made with" not in footer
        assert tree.css_first(".md-logo img").attributes["alt"] == ""
    assert 'title="Permanent link"' in real_site.page("process/index.html")


# -----------------------------------------------------------------------------
# Share metadata and the social image
# -----------------------------------------------------------------------------


def test_every_page_has_share_metadata_of_its_own_in_its_language(real_site):
    pages = _pages(real_site.site)
    assert len(pages) > 80
    for path in pages:
        tree = _tree(path.read_text(encoding="utf-8"))
        meta = _meta(tree)
        russian = path.relative_to(real_site.site).as_posix().startswith("ru/")
        canonical = tree.css_first("link[rel=canonical]").attributes["href"]
        assert meta["og:url"] == [canonical] and canonical.startswith(SITE_URL + ("ru/" if russian else "")), path
        assert meta["og:locale"] == ["ru_RU" if russian else "en_US"], path
        assert meta["og:locale:alternate"] == ["en_US" if russian else "ru_RU"], path
        assert meta["og:description"] == meta["description"] == meta["twitter:description"], path
        assert meta["og:title"] == meta["twitter:title"] and meta["og:title"][0], path
        assert tree.css_first("title").text().startswith(meta["og:title"][0]), path
        image = SITE_URL + f"assets/images/social-{'ru' if russian else 'en'}.png"
        assert meta["og:image"] == meta["twitter:image"] == [image], path
        assert meta["og:image:alt"][0] and meta["twitter:card"] == ["summary_large_image"], path
        assert meta["og:type"] == ["website" if path.parent in (real_site.site, real_site.site / "ru") else "article"]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_social_image_is_a_1200_by_630_png(real_site, language):
    data = (real_site.site / "assets" / "images" / f"social-{language}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)


def test_social_image_is_deterministic_and_escapes_its_text():
    social = load("hooks/social_image.py")
    svg = social.card_svg('Q&A <b>"bold"</b>', "Tagline " * 40)
    assert "Q&amp;A &lt;b&gt;&quot;bold&quot;&lt;/b&gt;" in svg and "<b>" not in svg
    assert svg.count('class="tagline"') == 4 and "…" in svg  # a long tagline is cut at 4 lines
    assert social.render(svg) == social.render(svg)


# -----------------------------------------------------------------------------
# Favicon and logo
# -----------------------------------------------------------------------------


def test_pages_link_the_svg_favicon_and_logo_which_run_nothing(real_site):
    content_safety = load("hooks/content_safety.py")
    svg = (real_site.site / "assets" / "images" / "logo.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and not content_safety.problems(svg) and "<script" not in svg
    assert content_safety.problems(svg.replace("<title>", "<script>alert(1)</script><title>"))  # would be caught
    for page in ("index.html", "ru/process/index.html"):
        tree = _tree(real_site.page(page))
        icon = tree.css_first("link[rel=icon]").attributes
        assert icon["href"].endswith("assets/images/logo.svg") and icon["type"] == "image/svg+xml"
        assert tree.css_first(".md-logo img").attributes["src"].endswith("assets/images/logo.svg")


# -----------------------------------------------------------------------------
# Edit and report links
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, source, edit, report, title",
    [
        ("", "process.md", "Edit this page", "Report an error", "Error on the page “The hiring process”"),
        ("ru/", "process.ru.md", "Редактировать страницу", "Сообщить об ошибке", "Ошибка на странице «Процесс найма»"),
    ],
)
def test_edit_and_report_links(real_site, prefix, source, edit, report, title):
    tree = _tree(real_site.page(prefix + "process/index.html"))
    edit_link, report_link = tree.css(".page-actions a")
    assert edit_link.text().strip() == edit and report_link.text().strip() == report
    assert edit_link.attributes["href"] == f"{REPO}/edit/main/docs/{source}"
    url = urlsplit(report_link.attributes["href"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/issues/new"
    query = parse_qs(url.query)
    assert query["title"] == [title]
    assert SITE_URL + prefix + "process/" in query["body"][0]


def test_no_edit_links_on_maintainers_pages_or_inside_print_sections(real_site):
    for prefix in ("", "ru/"):
        assert "page-actions" not in real_site.page(prefix + "status/index.html")
        assert real_site.page(prefix + "print/rs/index.html").count('class="page-actions"') == 1  # its own


HOSTILE = "Q&A: \"quotes\" & 'apostrophes'"  # what hooks/page_schema.py lets through
FRONT = (
    "---\ntitle: '{title}'\ndescription: '{description}'\n"
    "tags: [topic/reference]\nsources: []\nreviewed: 2026-11-24\n---\n"
)


def _hostile_build(folder, title: str, description: str, **options):
    front = FRONT.format(title=title.replace("'", "''"), description=description.replace("'", "''"))
    home = FRONT.format(title="Home", description="Home.")
    pages = {
        "docs/index.md": home + "# Home\n\n[Other](other.md)\n",
        "docs/index.ru.md": home + "# Главная\n\n[Другая](other.md)\n",
        "docs/other.md": front + "Text.\n",
        "docs/other.ru.md": front + "Текст.\n",
    }
    result = build_pages(folder, pages, **options)
    assert result.returncode == 0, result.log[-3000:]
    return result


def test_a_title_with_ampersands_and_quotes_is_escaped_once_and_url_encoded(tmp_path):
    html = _hostile_build(tmp_path, HOSTILE, 'Say "hi" & bye').page("other/index.html")
    tree = _tree(html)
    meta = _meta(tree)
    assert meta["og:title"] == meta["twitter:title"] == [HOSTILE]  # the parser decodes exactly one escape
    assert meta["og:description"] == ['Say "hi" & bye']
    assert tree.css_first("title").text().startswith(HOSTILE)
    report = tree.css_first(".page-actions__report").attributes["href"]
    assert parse_qs(urlsplit(report).query)["title"] == [f"Error on the page “{HOSTILE}”"]
    assert "%26" in report and "%22" in report and "%27" in report and '"' not in report


def test_markup_in_a_title_never_reaches_the_head_as_markup(tmp_path):
    """page_schema refuses '<' (strict fails); built without --strict, the templates still hold."""
    result = _hostile_build(tmp_path, '"><script>alert(1)</script>', "<b>bold</b>", strict=False)
    assert "must be plain text" in result.log
    head = result.page("other/index.html").split("</head>")[0]
    assert "<script>alert" not in head and "<b>" not in head


# -----------------------------------------------------------------------------
# In the browser
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("keyboard", [False, True])
def test_language_switch_keeps_the_fragment(page, server, keyboard):
    page.goto(server + f"process/#{FRAGMENT}")
    link = page.locator(".md-select__link[hreflang='ru']")
    if keyboard:
        link.focus()
        page.keyboard.press("Enter")
    else:
        page.locator(".md-select button").hover()
        link.click()
    page.wait_for_url(server + f"ru/process/#{FRAGMENT}")
    top = page.locator(f"#{FRAGMENT}").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2, "the heading is not scrolled into view"


def test_without_the_script_the_switch_loses_the_fragment(page, server):
    """The check above fails without language-hash.js: Material alone drops the #fragment."""
    page.route("**/language-hash.js", lambda route: route.abort())
    page.goto(server + f"process/#{FRAGMENT}")
    page.locator(".md-select__link[hreflang='ru']").dispatch_event("click")
    page.wait_for_url(server + "ru/process/")


@pytest.fixture(scope="module")
def pages_server(real_site):
    """The built site served as GitHub Pages does: a missing address gets /404.html, status 404."""
    handler = functools.partial(_GitHubPagesHandler, directory=str(real_site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


class _GitHubPagesHandler(http.server.SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_missing_address_shows_the_404_page_whose_links_work(page, pages_server):
    response = page.goto(pages_server + "no/such/page/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".error-page h1").inner_text() == "Page not found"
    page.wait_for_load_state("networkidle")
    assert page.locator("link[rel=stylesheet]").count() and page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).position"
    ) in ("sticky", "fixed"), "the theme's CSS did not load at a nested missing address"

    page.locator(".error-page a", has_text="Search the guide").click()
    page.wait_for_url(pages_server + "?q=")
    assert page.locator("#__search").is_checked(), "the search box did not open"

    for path, count in (("404.html", 3), ("ru/404.html", 3)):
        page.goto(pages_server + path)
        hrefs = page.eval_on_selector_all(".error-page a", "links => links.map(a => a.href)")
        assert len(hrefs) == count
        for href in hrefs:
            assert page.request.get(href).status == 200, href

    page.goto(pages_server + "ru/404.html")
    page.locator(".error-page a", has_text="На главную").click()
    page.wait_for_url(pages_server + "ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
