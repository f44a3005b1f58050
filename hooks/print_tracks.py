"""Printable track pages: one page per role that holds every page tagged for that role, in site order.

A page containing the marker `<!-- print-track -->` (docs/print/*.md) gets, in its place, every page
whose tags include the print page's own first tag (`role/re` and so on), in nav order, in the
language being built (the English page only where a translation is missing, as the nav has it).
Readers who want the whole track on paper, or offline as one PDF, print that one page.

The pages are not rendered again: each page's finished article (math, diagrams, glossary, sources
box and all, after every check) is kept as it is built, and once the language is built the print
page's file gets them in place of its marker. To keep the combined page valid, each page's article:

- loses its tag chips, edit button and edit/report links; its sources box stays, so no fact loses its source;
- goes one heading level down (its `<h1>` title becomes an `<h2>`), and every id is prefixed with
  the page's slug (`stages/coding.md` `#what-to-expect` -> `#stages-coding--what-to-expect`), with
  the links, labels and descriptions that point to them; the title gets the slug itself
  (`#stages-coding`). Ids inside diagrams are left alone: they are unique already;
- has its relative links and images re-pointed from the page's folder to the print page's.

Every problem of those pages was reported for the page itself; the print page repeats none of
them. A print page without a tag is an error naming it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

MARKER = "<!-- print-track -->"
# Pages whose text is made at build time for their own place (translation status, tag index): never collected.
GENERATED = (MARKER, "<!-- translation-status -->", "<!-- material/tags")
PAGE_START_CLASS = "print-page-start"  # print.css starts a new sheet before every page but the first

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    _order[:] = [page.file.src_uri for page in nav.pages]
    _articles.clear()
    _print_pages.clear()
    return nav


@event_priority(5)  # after hooks/question_bank.py (10) added an answer's tags, before tags_i18n (0) labels them
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    _tags[page.file.src_uri] = (
        [] if any(marker in markdown for marker in GENERATED) else list(page.meta.get("tags") or [])
    )
    if MARKER not in markdown:
        return markdown
    tags = page.meta.get("tags")
    if not isinstance(tags, list) or not tags:
        raise PluginError(
            f"Doc file '{page.file.src_uri}': a print page needs the track's tag first in 'tags', e.g. [role/re]."
        )
    _track[page.file.src_uri] = tags[0]
    page.meta["math"] = True  # the pages it collects carry formulas: hooks/formulas.py adds KaTeX's CSS
    return markdown


@event_priority(-1200)  # after every other hook, hooks/content_safety.py (-1000) included
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if MARKER in page.markdown:
        _print_pages.append(_PrintPage(page.file.src_uri, page.url, Path(config.site_dir) / page.file.dest_uri))
    elif any(tag.startswith("role/") for tag in _tags.get(page.file.src_uri, [])):
        article = article_of(output)
        if article is not None:
            _articles[page.file.src_uri] = _Article(page.url, article)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    prepared: dict[tuple[str, str], str] = {}  # a page goes into up to four tracks: prepare it once per folder
    for print_page in _print_pages:
        track = _track[print_page.src_uri]
        sections = []
        for uri in (uri for uri in _order if uri in _articles and track in _tags[uri]):
            key = (uri, posixpath.dirname(print_page.url.rstrip("/")))
            if key not in prepared:
                prepared[key] = section(_articles[uri].html, uri, _articles[uri].url, print_page.url, first=True)
            sections.append(prepared[key] if not sections else _page_start(prepared[key]))
        if not sections:
            log.warning(f"Doc file '{print_page.src_uri}': no page is tagged '{track}', so the print page is empty.")
        html = print_page.built.read_text(encoding="utf-8")
        print_page.built.write_text(html.replace(MARKER, "\n".join(sections), 1), encoding="utf-8")


# -----------------------------------------------------------------------------
# Helpers (article_of(), section() and rebase() are also used by the tests)
# -----------------------------------------------------------------------------


@dataclass
class _Article:
    url: str
    html: str


@dataclass
class _PrintPage:
    src_uri: str
    url: str
    built: Path


_order: list[str] = []  # src_uri of every page in the nav of the language being built, in nav order
_tags: dict[str, list[str]] = {}  # src_uri -> tag ids (none for a generated page)
_track: dict[str, str] = {}  # print page's src_uri -> the tag it collects
_articles: dict[str, _Article] = {}  # src_uri -> the finished article of a page with a role tag
_print_pages: list[_PrintPage] = []

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(?P<html>.*)</article>', re.DOTALL)
_DROPPED = re.compile(
    r'<nav class="md-tags"[^>]*>.*?</nav>|<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>'
    r'|<p class="page-actions">.*?</p>',  # overrides/partials/page-actions.html: the page's own links
    re.S,
)
_SVG = re.compile(r"(<svg\b.*?</svg>)", re.DOTALL)
_ID = re.compile(r'\sid="([^"]+)"')
_REFERENCE = re.compile(r'(\s(?:href|aria-describedby|aria-labelledby|for)=")(#?)([^"]*)"')
_LINK = re.compile(r'(\s(?:href|src)=")([^"#][^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-5])\b")


def article_of(output: str) -> str | None:
    """The inside of a built page's article: title, content and sources box, without chips and buttons."""
    match = _ARTICLE.search(output)
    return _DROPPED.sub("", match.group("html")).strip() if match else None


def section(article: str, uri: str, page_url: str, print_url: str, *, first: bool) -> str:
    """A page's article, ready to sit in the print page at `print_url` (see the module docstring)."""
    slug = page_slug(uri)
    parts = _SVG.split(article)
    ids = {old: f"{slug}--{old}" for part in parts[::2] for old in _ID.findall(part)}
    title = re.search(r'<h1 id="([^"]+)"', article)
    if title:
        ids[title.group(1)] = slug

    def reference(match: re.Match) -> str:
        attribute, hash_sign, value = match.groups()
        if match.group(1).strip().startswith("href") and not hash_sign:
            return match.group(0)
        return f'{attribute}{hash_sign}{" ".join(ids.get(part, part) for part in value.split())}"'

    for index in range(0, len(parts), 2):  # outside diagrams
        part = _ID.sub(lambda match: f' id="{ids.get(match.group(1), match.group(1))}"', parts[index])
        part = _REFERENCE.sub(reference, part)
        part = _LINK.sub(lambda match: f'{match.group(1)}{rebase(match.group(2), page_url, print_url)}"', part)
        parts[index] = _HEADING.sub(lambda match: f"<{match.group(1)}h{int(match.group(2)) + 1}", part)
    html = f'<section class="print-page" data-page="{slug}">\n{"".join(parts)}\n</section>'
    return html if first else _page_start(html)


def _page_start(section_html: str) -> str:
    """The section with its title starting a new printed sheet (every page but the first)."""
    return section_html.replace("<h2 ", f'<h2 class="{PAGE_START_CLASS}" ', 1)


def rebase(url: str, page_url: str, print_url: str) -> str:
    """A relative URL written on the page at `page_url`, as seen from the page at `print_url`."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/"):
        return url  # external or site-absolute: the same from anywhere
    target = posixpath.normpath(posixpath.join(page_url, parts.path)) + ("/" if parts.path.endswith("/") else "")
    here = print_url if print_url.endswith("/") or not print_url else posixpath.dirname(print_url)
    rebased = posixpath.relpath(target, here or ".") + ("/" if target.endswith("/") and target != "/" else "")
    return rebased + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def page_slug(uri: str) -> str:
    """`stages/coding.md` -> `stages-coding`: the id prefix of a page's headings on a print page."""
    return re.sub(r"(\.[a-z]{2})?\.md$", "", uri).replace("/", "-")
