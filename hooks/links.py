"""Check every internal link of the built site, in every language, once the last language is built.

MkDocs' own `validation:` checks Markdown links to pages and anchors, but not links in raw HTML,
links into another language (`/ru/...`, `../ru/...` are not Markdown page links), or links that
templates and plugins add. This hook reads every built page's final HTML with an HTML5 parser (so
single-quoted and unquoted attributes count too), takes every URL it links or loads (`href`, `src`,
`srcset`, `poster`, `data`, `action`, `formaction`, SVG `xlink:href`), resolves each internal one
against the site and warns, naming the source file (and line when the link is in the source),
when the target file or its #anchor does not exist, so `mkdocs build --strict` fails.
"""

from __future__ import annotations

import functools
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from built_html import parse
from language_builds import final_build, outer_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from selectolax.lexbor import LexborHTMLParser

log = get_plugin_logger(__name__)

LINK_ATTRIBUTES = ("href", "src", "srcset", "poster", "data", "action", "formaction", "xlink:href")
_WITH_LINKS = ",".join(f"[{name.replace(':', chr(92) + ':')}]" for name in LINK_ATTRIBUTES)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _site
    if outer_build(config):  # the default language's build starts a new site
        _site = Path(config.site_dir).resolve()
        _pages.clear()
        _file_at.cache_clear()
        _target_problem.cache_clear()


@event_priority(-1100)  # after hooks/content_safety.py (-1000), on the same parsed page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    built = (Path(config.site_dir) / page.file.dest_uri).resolve()
    _pages[built] = _Page(page.file.src_uri, page.file.content_string, *_read(parse(output)))
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    if not final_build(config):
        return
    site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    for built, page in sorted(_pages.items()):
        for url in dict.fromkeys(page.links):  # each distinct link once, in page order
            problem = _check(url, built, _site, site_path)
            if problem:
                log.warning(f"Doc file '{page.src_uri}'{page.line_of(url)}: link '{url}' {problem}.")


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


@dataclass
class _Page:
    """A built page: its source, the URLs it links to and the ids it defines."""

    src_uri: str
    markdown: str
    links: list[str]
    ids: set[str]

    def line_of(self, url: str) -> str:
        for number, line in enumerate(self.markdown.splitlines(), start=1):
            if url in line:
                return f", line {number}"
        return ""


# Built page -> what it links and defines, across the language builds of one site.
_pages: dict[Path, _Page] = {}
_site: Path | None = None


def _read(tree: LexborHTMLParser) -> tuple[list[str], set[str]]:
    links = []
    for node in tree.css(_WITH_LINKS):
        for name in LINK_ATTRIBUTES:
            value = node.attributes.get(name)
            if not value:
                continue
            if name == "srcset":
                links += [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
            else:
                links.append(value.strip())
    ids = {node.attributes.get("id") for node in tree.css("[id]")}
    ids |= {node.attributes.get("name") for node in tree.css("a[name]")}
    return links, {value for value in ids if value}


@functools.cache
def _file_at(path: str) -> str | None:
    """The built file a link path names (the path, or its index.html), or None. Cached: the same
    targets (navigation, assets) are linked from every page; cleared before each build."""
    if os.path.isdir(path):
        path = os.path.join(path, "index.html")
    return path if os.path.isfile(path) else None


def _ids_of(target: Path) -> set[str]:
    if target not in _pages:  # an HTML file no page hook saw (a theme or plugin file)
        _pages[target] = _Page(target.name, "", *_read(LexborHTMLParser(target.read_text(encoding="utf-8"))))
    return _pages[target].ids


def _check(url: str, page: Path, site: Path, site_path: str) -> str | None:
    """What is wrong with a link on a built page, or None. Paths are handled as strings: the check
    runs for every link of every page, and the same target is then checked once (_target_problem)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # external: scripts/check_links.py territory
    site_text = site.as_posix()
    if not parts.path:
        target = page.as_posix()
    elif parts.path.startswith("/"):
        if not parts.path.startswith(site_path):
            return f"is absolute but outside the site's path '{site_path}' (use a relative link)"
        target = posixpath.normpath(posixpath.join(site_text, unquote(parts.path[len(site_path) :])))
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.as_posix()), unquote(parts.path)))
    if target != site_text and not target.startswith(site_text + "/"):
        return "points outside the site"
    return _target_problem(target, unquote(parts.fragment), site_text)


@functools.cache
def _target_problem(target: str, fragment: str, site: str) -> str | None:
    """Cached per build (cleared with _file_at): navigation links point to the same targets from every page."""
    found = _file_at(target)
    relative = posixpath.relpath(found or target, site)
    if found is None:
        return f"points to '{relative}', which is not in the built site"
    if fragment and found.endswith(".html") and fragment not in _ids_of(Path(found)):
        return f"points to anchor '#{fragment}', which '{relative}' does not have"
    return None
