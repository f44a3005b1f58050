"""Printing: the track pages (hooks/print_tracks.py) and the print stylesheet (print.css).

Unit tests of how a page's built article is placed in a print page; a tiny site whose track pages must hold exactly the
tagged pages, in nav order, in each language, with links the strict build accepts and unique ids;
and the real site in Debian's chromium with print media emulated, and printed to PDF.
"""

from __future__ import annotations

import collections
import re
from types import SimpleNamespace

import pytest

from tests.modules import load
from tests.sitebuilder import build, make_site

TRACKS = ("rs", "re", "swe", "applied")
QUESTION_PAGE = "questions/rl/mdp/"


@pytest.fixture(scope="module")
def hook():
    return load("hooks/print_tracks.py")


def _ids(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


def _article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


# -----------------------------------------------------------------------------
# Re-pointing links from a page's URL to the print page's
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, page_url, expected",
    [
        ("../quiz/", "stages/coding/", "../../stages/quiz/"),
        ("../../questions/ml/k-means/#lloyd", "stages/quiz/", "../../questions/ml/k-means/#lloyd"),
        ("stages/coding/", "", "../../stages/coding/"),
        ("../", "questions/rl/mdp/", "../../questions/rl/"),
        ("../../assets/images/x.png", "stages/quiz/", "../../assets/images/x.png"),
        ("https://example.org/a/#x", "stages/coding/", "https://example.org/a/#x"),
        ("mailto:someone@example.org", "stages/coding/", "mailto:someone@example.org"),
        ("/absolute/page/", "stages/coding/", "/absolute/page/"),
        ("../../quiz/?q=1#top", "ru/stages/coding/", "../../quiz/?q=1#top"),
    ],
)
def test_relative_links_point_to_the_same_target_from_the_print_page(hook, url, page_url, expected):
    print_url = "ru/print/re/" if page_url.startswith("ru/") else "print/re/"
    assert hook.rebase(url, page_url, print_url) == expected


def test_page_slug(hook):
    assert hook.page_slug("stages/coding.md") == "stages-coding"
    assert hook.page_slug("stages/coding.ru.md") == "stages-coding"
    assert hook.page_slug("index.md") == "index"


# -----------------------------------------------------------------------------
# A page's article in the print page: headings, ids, links
# -----------------------------------------------------------------------------

ARTICLE = """<article class="md-content__inner md-typeset">
<nav class="md-tags"><a href="../../tags/#x" class="md-tag">Stage: Quiz</a></nav>
<h1 id="quiz-rounds">Quiz rounds<a class="headerlink" href="#quiz-rounds">&para;</a></h1>
<p>See <a href="../../questions/ml/k-means/">a question</a>, <a href="#format">the format</a> and
<span class="gloss" tabindex="0" aria-describedby="gloss-tip-1"><span id="gloss-tip-1">x</span></span>.</p>
<h2 id="what-to-expect">What to expect</h2>
<h3 id="format">Format</h3>
<p>A footnote<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>.</p>
<figure class="diagram"><svg id="diagram-abc"><defs><marker id="diagram-abc_arrow"/></defs>
<path marker-end="url(#diagram-abc_arrow)"/></svg></figure>
<img src="../../assets/images/x.png" alt="x">
<div class="footnote"><ol><li id="fn:1">The note.</li></ol></div>
<aside class="page-sources" aria-labelledby="page-sources-title"><h2 id="page-sources-title">Sources</h2></aside>
</article>"""


def _section(hook, first: bool = False) -> str:
    return hook.section(hook.article_of(ARTICLE), "stages/quiz.md", "stages/quiz/", "print/re/", first=first)


def test_headings_go_one_level_down_with_prefixed_ids(hook):
    headings = re.findall(r"<(h\d)[^>]*id=\"([^\"]+)\"", _section(hook, first=True))
    assert headings == [
        ("h2", "stages-quiz"),
        ("h3", "stages-quiz--what-to-expect"),
        ("h4", "stages-quiz--format"),
        ("h3", "stages-quiz--page-sources-title"),
    ]


def test_every_page_but_the_first_starts_a_new_sheet(hook):
    assert '<h2 class="print-page-start" id="stages-quiz">' in _section(hook, first=False)
    assert "print-page-start" not in _section(hook, first=True)


def test_references_follow_the_renamed_ids_and_links_are_rebased(hook):
    section = _section(hook)
    assert 'href="#stages-quiz"' in section, "the title's permalink"
    assert 'href="#stages-quiz--format"' in section and 'href="#stages-quiz--fn:1"' in section
    assert 'aria-describedby="stages-quiz--gloss-tip-1"' in section and 'id="stages-quiz--gloss-tip-1"' in section
    assert 'aria-labelledby="stages-quiz--page-sources-title"' in section
    assert 'href="../../questions/ml/k-means/"' in section and 'src="../../assets/images/x.png"' in section


def test_diagrams_tag_chips_and_the_rest_are_left_as_they_are(hook):
    section = _section(hook)
    assert '<svg id="diagram-abc">' in section and 'marker-end="url(#diagram-abc_arrow)"' in section
    assert "md-tags" not in section and "Stage: Quiz" not in section


def test_a_print_page_without_tags_is_an_error(hook):
    from mkdocs.exceptions import PluginError

    page = SimpleNamespace(meta={}, file=SimpleNamespace(src_uri="print/re.md", locale_alternate_of="en"))
    with pytest.raises(PluginError, match="print/re.md"):
        hook.on_page_markdown(hook.MARKER, page=page, config=SimpleNamespace(), files=None)


# -----------------------------------------------------------------------------
# A tiny site: which pages, in what order, in which language
# -----------------------------------------------------------------------------

FRONT = "---\ntitle: {title}\ndescription: A page.\ntags: [{tags}]\nsources: []\nreviewed: 2026-11-24\n---\n\n"
PRINT_FRONT = FRONT.replace("reviewed: 2026-11-24\n", "reviewed: 2026-11-24\nsearch:\n  exclude: true\n")
NAV = """
nav:
  - Home: index.md
  - Second: second.md
  - First: guide/first.md
  - Scientists only: rs-only.md
  - Status: status.md
  - Print: print/re.md
"""


def _tiny_pages(language: str) -> dict[str, str]:
    suffix, word = ("", "English") if language == "en" else (".ru", "Русский")
    return {
        f"docs/index{suffix}.md": FRONT.format(title="Home", tags="topic/process") + f"# Home\n\n{word} home.\n",
        f"docs/guide/first{suffix}.md": FRONT.format(title="First", tags="topic/process, role/re")
        + f"# First {word}\n\n## What {{ #what }}\n\n{word} first: [later](../second.md#later), [what](#what).\n\n"
        + '??? success "Strong answer"\n    The first answer, see [second](../second.md).\n',
        f"docs/second{suffix}.md": FRONT.format(title="Second", tags="role/re, role/rs")
        + f"# Second {word}\n\n## What {{ #what }}\n\n## Later {{ #later }}\n\n{word} second: "
        + "[first](guide/first.md#what), [later](#later).\n",
        f"docs/rs-only{suffix}.md": FRONT.format(title="RS", tags="role/rs") + f"# Scientists only {word}\n",
        f"docs/status{suffix}.md": FRONT.format(title="Status", tags="topic/reference, role/re")
        + "# Status\n\n<!-- translation-status -->\n",
        f"docs/print/re{suffix}.md": PRINT_FRONT.format(title="Print", tags="role/re")
        + f"# Print {word}\n\nEvery page tagged for the track.\n\n<!-- print-track -->\n",
    }


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory):
    folder = make_site(tmp_path_factory.mktemp("print"), {**_tiny_pages("en"), **_tiny_pages("ru")})
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + NAV, encoding="utf-8")
    result = build(folder)
    assert result.returncode == 0, result.log[-4000:]
    return result


@pytest.mark.parametrize("prefix, word", [("", "English"), ("ru/", "Русский")])
def test_track_page_holds_the_tagged_pages_in_nav_order_in_its_language(tiny_site, prefix, word):
    article = _article(tiny_site.page(f"{prefix}print/re/index.html"))
    titles = re.findall(r"<h2 [^>]*>([^<]+)", article)
    assert titles == [f"Second {word}", f"First {word}"], "second.md comes first in the nav"
    assert f"Scientists only {word}" not in article, "a page without the track's tag"
    assert "translation-status" not in article and "<th>" not in article, "the status page is never inlined"
    assert "The first answer" in article
    other = "Русский" if word == "English" else "English"
    assert other not in article


def test_track_page_ids_are_unique_and_links_resolve(tiny_site):
    html = tiny_site.page("print/re/index.html")
    duplicates = [i for i, n in collections.Counter(_ids(html)).items() if n > 1]
    assert not duplicates, duplicates
    article = _article(html)
    for expected in ('id="second"', 'id="second--what"', 'id="guide-first"', 'id="guide-first--what"'):
        assert expected in article
    # The strict build passed, so MkDocs and hooks/links.py accepted these; check where they lead.
    assert 'href="../../second/#later"' in article
    assert 'href="../../guide/first/#what"' in article
    assert 'href="#guide-first--what"' in article and 'href="#second--later"' in article


def test_a_missing_translation_falls_back_to_the_english_page(tmp_path):
    pages = {**_tiny_pages("en"), **_tiny_pages("ru")}
    del pages["docs/second.ru.md"]
    folder = make_site(tmp_path, pages)
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + NAV, encoding="utf-8")
    result = build(folder, strict=False)  # the missing translation is a warning
    assert result.returncode == 0, result.log[-4000:]
    titles = re.findall(r"<h2 [^>]*>([^<]+)", _article(result.page("ru/print/re/index.html")))
    assert titles == ["Second English", "First Русский"]


# -----------------------------------------------------------------------------
# The real site
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "ru/"])
@pytest.mark.parametrize("track", TRACKS)
def test_real_track_pages_are_built_with_unique_ids(real_site, prefix, track):
    html = real_site.page(f"{prefix}print/{track}/index.html")
    assert "<!-- print-track -->" not in html
    duplicates = [i for i, n in collections.Counter(_ids(html)).items() if n > 1]
    assert not duplicates, duplicates
    assert len(re.findall(r'<h2 class="print-page-start"', html)) >= 10


def test_track_pages_are_not_in_search(real_site):
    for index in ("search/search_index.full.json", "ru/search/search_index.full.json"):
        assert '"location":"print/' not in real_site.page(index)
        assert '"location":"../print/' not in real_site.page(index)


def _first_strong_answer(page):
    answer = page.locator("details.success").first
    return answer, answer.locator(":scope > :not(summary)").first


def test_print_hides_the_chrome_and_shows_closed_answers(page, server):
    page.goto(server + QUESTION_PAGE)
    answer, body = _first_strong_answer(page)
    assert not body.is_visible(), "on screen the answer starts collapsed"
    assert page.locator(".md-header").is_visible() and page.locator(".md-sidebar--primary").is_visible()

    page.emulate_media(media="print")
    assert body.is_visible(), "in print the collapsed answer is shown"
    assert answer.get_attribute("open") is None, "by CSS: the <details> stays closed"
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert not page.locator(".md-typeset .headerlink").first.is_visible()
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"

    page.emulate_media(media="screen")
    assert not body.is_visible(), "back on screen the answer is collapsed again"


def test_print_shows_the_address_of_external_links_only(page, server):
    page.goto(server + QUESTION_PAGE)
    page.emulate_media(media="print")
    after = "(el) => getComputedStyle(el, '::after').content"
    external = page.locator(".md-typeset a.external").first
    assert external.evaluate(after) == f'" <{external.get_attribute("href")}>"'
    internal = page.locator(".md-typeset a[href^='../']").first
    assert internal.evaluate(after) == "none"


def test_a_track_page_prints_to_a_pdf_of_many_pages(page, server):
    page.goto(server + "print/swe/")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages > 5, pages
