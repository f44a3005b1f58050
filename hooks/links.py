"""Check every internal link of the built site, in every language, after the last language build.

MkDocs' own `validation:` checks Markdown links to pages and anchors, but not links in raw HTML,
links into another language (`/ru/...`, `../ru/...` are not Markdown page links), or links that
templates and plugins add. This hook parses every built page, resolves each internal href/src
against the site and warns, naming the source file (and line when the link is in the source),
when the target file or its #anchor does not exist, so `mkdocs build --strict` fails.
"""

from __future__ import annotations

import functools
import html
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _site
    i18n = config.plugins.get("i18n")
    if i18n is None or not i18n.building:  # the default language's build starts a new site
        _site = Path(config.site_dir).resolve()
        _pages.clear()
        _file_at.cache_clear()


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    built = Path(config.site_dir) / page.file.dest_uri
    _pages[built.resolve()] = _Source(page.file.src_uri, page.file.content_string)
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    site = _site
    site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    parsed: dict[Path, _Html] = {}
    for built, source in sorted(_pages.items()):
        page = _parse(built, parsed)
        for url in dict.fromkeys(page.links):  # each distinct link once, in page order
            problem = _check(url, built, site, site_path, parsed)
            if problem:
                log.warning(f"Doc file '{source.src_uri}'{source.line_of(url)}: link '{url}' {problem}.")


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


@dataclass
class _Source:
    src_uri: str
    markdown: str

    def line_of(self, url: str) -> str:
        for number, line in enumerate(self.markdown.splitlines(), start=1):
            if url in line:
                return f", line {number}"
        return ""


@dataclass
class _Html:
    """The ids a page defines and the URLs it links to."""

    links: list[str]
    ids: set[str]


# MkDocs and Material write every attribute double-quoted, so tags and attributes can be read with
# two patterns: several times faster than html.parser on pages full of KaTeX spans.
_TAG = re.compile(r"<([a-zA-Z][\w-]*)(\s[^>]*)?>")
_ATTRIBUTE = re.compile(r'\s(id|name|href|src)="([^"]*)"')


def _read_html(text: str) -> _Html:
    page = _Html([], set())
    for tag in _TAG.finditer(text):
        if not tag.group(2):
            continue
        link_attribute = LINK_ATTRIBUTES.get(tag.group(1).lower())
        for name, value in _ATTRIBUTE.findall(tag.group(2)):
            if name in ("id", "name") and value:
                page.ids.add(html.unescape(value))
            elif name == link_attribute:
                page.links.append(html.unescape(value))
    return page


# Built page -> its source, across the language builds of one site (nested builds write <site>/<locale>/).
_pages: dict[Path, _Source] = {}
_site: Path | None = None


@functools.cache
def _file_at(path: str) -> str | None:
    """The built file a link path names (the path, or its index.html), or None. Cached: the same
    targets (navigation, assets) are linked from every page; cleared before each build."""
    if os.path.isdir(path):
        path = os.path.join(path, "index.html")
    return path if os.path.isfile(path) else None


def _parse(path: Path, parsed: dict[Path, _Html]) -> _Html:
    if path not in parsed:
        parsed[path] = _read_html(path.read_text(encoding="utf-8"))
    return parsed[path]


def _check(url: str, page: Path, site: Path, site_path: str, parsed: dict[Path, _Html]) -> str | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # external: scripts/check_links.py territory
    if not parts.path:
        target = page
    elif parts.path.startswith("/"):
        if not parts.path.startswith(site_path):
            return f"is absolute but outside the site's path '{site_path}' (use a relative link)"
        target = site / unquote(parts.path[len(site_path) :])
    else:
        target = page.parent / unquote(parts.path)
    target = Path(posixpath.normpath(target.as_posix()))
    if not target.is_relative_to(site):
        return "points outside the site"
    found = _file_at(target.as_posix())
    if found is None:
        return f"points to '{target.relative_to(site).as_posix()}', which is not in the built site"
    target = Path(found)
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html" and fragment not in _parse(target, parsed).ids:
        return f"points to anchor '#{fragment}', which '{target.relative_to(site).as_posix()}' does not have"
    return None
