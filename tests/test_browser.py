"""The built site in a real browser: Debian's chromium driven by Playwright, served on 127.0.0.1."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from tests.sitebuilder import ROOT

MATH_PAGE = "questions/probability/central-limit-theorem/"
DIAGRAM_PAGE = "process/"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _search(page, query: str) -> list[str]:
    """Type a query into Material's search box and return the result links (paths)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    # fill() of Cyrillic text fires no key events, and Material searches on key events.
    box.press("End")
    page.wait_for_selector(".md-search-result__item a", timeout=10_000)
    links = page.eval_on_selector_all(
        ".md-search-result__item > a, .md-search-result__item a", "els => els.map(e => e.href)"
    )
    return [urlsplit(link).path for link in links]


def test_english_query_finds_english_pages_only(page, server):
    page.goto(server + "stages/quiz/")
    paths = _search(page, "newton")
    assert "/questions/math/newtons-method/" in paths, paths
    assert not [p for p in paths if p.startswith("/ru/")], f"Russian results on an English page: {paths}"


def test_inflected_russian_query_finds_russian_pages_only(page, server, real_site):
    query = "теоремами"  # instrumental plural: the pages say "теорема", "теоремы", "теорему", ...
    russian_index = (real_site.site / "ru" / "search" / "search_index.full.json").read_text(encoding="utf-8").lower()
    assert query not in russian_index, "the exact form is on a page: choose an inflection the pages never use"
    assert "теорема" in russian_index

    page.goto(server + "ru/stages/quiz/")
    paths = _search(page, query)
    assert [p for p in paths if p.startswith("/ru/questions/probability/")], paths
    assert all(p.startswith("/ru/") for p in paths), f"non-Russian results on a Russian page: {paths}"


def _index_requests(page) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    return requested


@pytest.mark.parametrize("language, query", [("", "bayes"), ("ru/", "байес")])
def test_the_index_of_the_page_language_alone_is_preloaded_once(page, server, language, query):
    requested = _index_requests(page)
    with page.expect_response(lambda response: response.url.endswith("search_index.full.json"), timeout=15_000):
        page.goto(server + language + "stages/quiz/")
    page.wait_for_load_state("networkidle")
    assert [path for path in requested if path.endswith("search_index.json")] == [
        f"/{language}search/search_index.json"
    ]
    assert [path for path in requested if path.endswith("search_index.full.json")] == [
        f"/{language}search/search_index.full.json"
    ]
    assert _search(page, query)
    assert len([path for path in requested if path.endswith("search_index.full.json")]) == 1, "fetched twice"


def test_language_switch_lands_on_the_same_page(page, server):
    page.goto(server + MATH_PAGE)
    page.locator(".md-select__link[hreflang='ru']").dispatch_event("click")
    page.wait_for_url(server + "ru/" + MATH_PAGE)
    assert page.locator("html").get_attribute("lang") == "ru"
    page.locator(".md-select__link[hreflang='en']").dispatch_event("click")
    page.wait_for_url(server + MATH_PAGE)  # exact: the Russian URL also ends like this
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("language", ["", "ru/"])
def test_math_is_typeset_with_katex_fonts(page, server, language):
    page.goto(server + language + MATH_PAGE)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # answers start collapsed
    display = page.locator(".katex-display").first
    box = display.bounding_box()
    assert box and box["width"] > 50 and box["height"] > 15
    inline = page.locator("span.arithmatex .katex").first
    assert inline.is_visible()
    assert page.evaluate("document.fonts.check('16px KaTeX_Main')"), "KaTeX fonts did not load"
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('KaTeX') && f.status === 'loaded')")


@pytest.mark.parametrize("language, label", [("", "Technical quiz"), ("ru/", "Технический квиз")])
def test_diagram_is_visible_with_its_labels(page, server, language, label):
    page.goto(server + language + DIAGRAM_PAGE)
    svg = page.locator("figure.diagram svg").first
    box = svg.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 40
    labels = svg.evaluate("svg => [...svg.querySelectorAll('text')].map(t => t.textContent).join(' ')")
    assert label in labels, labels


def test_no_request_leaves_the_site_and_none_fails_on_any_page(browser, server, real_site):
    pages = sorted(p.relative_to(real_site.site).parent.as_posix() for p in real_site.site.rglob("index.html"))
    pages = [p for p in pages if not p.startswith("assets")]
    assert len(pages) > 40
    context = browser.new_context()
    page = context.new_page()
    foreign: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(server) else foreign.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.on("requestfailed", lambda request: failed.append(request.url))
    for path in pages:
        page.goto(server + ("" if path == "." else path + "/"))
        page.wait_for_load_state("networkidle")
    context.close()
    assert not foreign, f"requests to other hosts: {sorted(set(foreign))}"
    assert not failed, f"failed requests: {sorted(set(failed))}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path",
    [
        "",
        MATH_PAGE,
        "ru/",
        "questions/quiz/",
        "ru/preparation/plan/",
        "questions/design/fault-tolerant-training/",
        "ru/questions/design/nearest-neighbour-service/",
        "glossary/",
        "ru/glossary/",
    ],
)
def test_axe_finds_no_serious_or_critical_violation(browser, server, path, scheme):
    context = browser.new_context(color_scheme=scheme)  # Material follows the system palette on a first visit
    page = context.new_page()
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    context.close()
    serious = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, json.dumps(serious, indent=2, ensure_ascii=False)
