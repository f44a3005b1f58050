"""Printable track pages: one page per role that holds every page tagged for that role, in site order.

A page containing the marker `<!-- print-track -->` (docs/print/*.md) gets, in its place, the
Markdown of every page whose tags include the print page's own first tag (`role/re` and so on), in
nav order, in the language being built (the English page only where a translation is missing).
Readers who want the whole track on paper, or offline as one PDF, print that one page.

The pages are inlined as Markdown, before any other hook sees the print page, so includes, math,
diagrams, admonitions and link validation treat the inlined text exactly as on the original pages.
To keep the combined page valid, each inlined page:

- loses its front matter; its sources follow its text as a short list, so no fact loses its source;
- is demoted one heading level (its `#` title becomes `##`), and every heading id is prefixed with
  the page's slug (`stages/coding.md` `#what-to-expect` -> `#stages-coding--what-to-expect`), so ids
  stay unique; the title gets the slug itself (`#stages-coding`). ATX headings are recognised at
  any indentation (inside admonitions too): the pages use fenced code, never indented code blocks;
- has its relative links rewritten to point from the print page's folder to the same targets, and
  its same-page anchors to the prefixed ids. Code blocks and inline code are left as written;
  `{!path!}` include lines resolve from the repository root and need no change.

Print pages, and pages another hook fills at build time (the translation status page, the tag
index), are never inlined. A page that cannot be read is a warning naming it (`--strict` fails).
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from markdown.extensions.toc import slugify as default_slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from question_bank import answer_tags

log = get_plugin_logger(__name__)

MARKER = "<!-- print-track -->"
# Pages whose text is made at build time: inlined, they would be empty or filled twice.
GENERATED = (MARKER, "<!-- translation-status -->", "<!-- material/tags", "<!-- answer-list -->")
PAGE_START_CLASS = "print-page-start"  # print.css starts a new sheet before every page but the first
SOURCES_LABEL = {"en": "Sources", "ru": "Источники"}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    global _site_order
    _site_order = [page.file.src_uri for page in nav.pages]
    return nav


# First, before hooks/includes.py and the other page hooks, so they process the inlined pages too.
@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    tags = page.meta.get("tags")
    if not isinstance(tags, list) or not tags:
        raise PluginError(
            f"Doc file '{page.file.src_uri}': a print page needs the track's tag first in 'tags', e.g. [role/re]."
        )
    language = getattr(page.file, "locale_alternate_of", None) or "en"
    docs = Path(config.docs_dir)
    here = posixpath.dirname(page.file.src_uri)
    slugify = _slugify(config)
    sections = []
    for uri in dict.fromkeys(_base_uri(uri, language) for uri in _site_order):
        source = _read(docs, uri, language, page)
        if source is None:
            continue
        meta, body = source
        if tags[0] not in (meta.get("tags") or []) + answer_tags(meta) or any(marker in body for marker in GENERATED):
            continue
        sections.append(
            inline(body, uri, here, slugify=slugify, title=meta.get("title"), first=not sections)
            + _sources(meta.get("sources"), language)
        )
    if not sections:
        log.warning(f"Doc file '{page.file.src_uri}': no page is tagged '{tags[0]}', so the print page is empty.")
    return markdown.replace(MARKER, "\n\n".join(sections))


# -----------------------------------------------------------------------------
# Helpers (inline() and rewrite_link() are also used by the tests)
# -----------------------------------------------------------------------------

# src_uri of every page in the nav of the language being built, in nav order.
_site_order: list[str] = []

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+).+?\1")
_HEADING = re.compile(
    r"^(?P<indent>[ \t]*)(?P<hashes>#{1,6})(?P<text>[ \t]+.*?)??"
    r"(?:[ \t]*\{:?(?P<attrs>[^{}]*)\})?(?:[ \t]+#+)?[ \t]*$"
)
_ATTR_ID = re.compile(r"(?<![\w\"'=])#([\w-]+)")
_INLINE_LINK = re.compile(r"(\]\(\s*<?)([^)\s>]+)")
_REFERENCE = re.compile(r"^(\s*\[[^\]^]+\]:\s*<?)(\S+?)(?=>|\s|$)")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")


def inline(body: str, uri: str, here: str, *, slugify=default_slugify, title: str | None = None, first: bool) -> str:
    """A page's Markdown body (no front matter), ready to sit in a page in folder `here`.

    `uri` is the page's path under docs/ (`stages/coding.md`). Headings go one level down with ids
    prefixed by the page's slug, relative links are re-based from the page's folder to `here`, and
    same-page anchors follow the renamed ids.
    """
    slug = page_slug(uri)
    ids: dict[str, str] = {}
    lines = body.strip("\n").split("\n")
    has_title = False
    for index in _outside_fences(lines):
        heading = _HEADING.match(lines[index])
        if heading:
            is_title = not has_title and len(heading["hashes"]) == 1
            has_title = has_title or is_title
            lines[index] = _heading(heading, slug, ids, slugify, is_title=is_title, first=first)
    if not has_title and title:
        lines.insert(0, _heading(_HEADING.match(f"# {title}"), slug, ids, slugify, is_title=True, first=first) + "\n")
    # Links after headings: a link may point to a heading further down the page.
    for index in _outside_fences(lines):
        lines[index] = _outside_code(lines[index], lambda text: _rewrite_links(text, uri, here, slug, ids))
    return "\n".join(lines) + "\n"


def rewrite_link(target: str, uri: str, here: str, slug: str, ids: dict[str, str] | None = None) -> str:
    """A link target written in page `uri`, as seen from a page in folder `here` (paths under docs/)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("/"):
        return target  # external or site-absolute: the same from anywhere
    if not parts.path:
        if not parts.fragment:
            return target
        return "#" + (ids or {}).get(parts.fragment, f"{slug}--{parts.fragment}")
    path = posixpath.normpath(posixpath.join(posixpath.dirname(uri), parts.path))
    path = posixpath.relpath(path, here or ".") + ("/" if parts.path.endswith("/") else "")
    return path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def page_slug(uri: str) -> str:
    """`stages/coding.md` -> `stages-coding`: the id prefix of a page's headings on a print page."""
    return uri.removesuffix(".md").replace("/", "-")


def _heading(match: re.Match, slug: str, ids: dict[str, str], slugify, *, is_title: bool, first: bool) -> str:
    text = (match["text"] or "").strip()
    attrs = (match["attrs"] or "").strip()
    explicit = _ATTR_ID.search(attrs)
    old = explicit.group(1) if explicit else slugify(text, "-")
    new = slug if is_title else f"{slug}--{old}"
    ids.setdefault(old, new)
    attrs = _ATTR_ID.sub(f"#{new}", attrs, count=1) if explicit else f"#{new} {attrs}".strip()
    if is_title and not first:
        attrs += f" .{PAGE_START_CLASS}"
    hashes = "#" * min(len(match["hashes"]) + 1, 6)
    return f"{match['indent']}{hashes} {text} {{ {attrs} }}"


def _rewrite_links(text: str, uri: str, here: str, slug: str, ids: dict[str, str]) -> str:
    def rebase(match: re.Match) -> str:
        return match.group(1) + rewrite_link(match.group(2), uri, here, slug, ids)

    text = _INLINE_LINK.sub(rebase, text)
    text = _REFERENCE.sub(rebase, text)
    # Footnote labels are page-wide names too: two pages' [^1] would collide.
    return _FOOTNOTE.sub(lambda match: f"[^{slug}--{match.group(1)}]", text)


def _outside_fences(lines: list[str]):
    """Indexes of the lines outside fenced code blocks (indented fences too, as in admonitions)."""
    fence = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1).startswith(fence):
                fence = None
        elif opening:
            fence = opening.group(1)
        else:
            yield index


def _outside_code(line: str, change) -> str:
    """The line with change() applied to the text between inline code spans."""
    pieces, start = [], 0
    for code in _INLINE_CODE.finditer(line):
        pieces += [change(line[start : code.start()]), code.group(0)]
        start = code.end()
    return "".join(pieces + [change(line[start:])])


def _base_uri(uri: str, language: str) -> str:
    """`process.ru.md` -> `process.md`: the nav of a translated build lists the translations."""
    suffix = f".{language}.md"
    return uri.removesuffix(suffix) + ".md" if uri.endswith(suffix) else uri


def _read(docs: Path, uri: str, language: str, page: Page) -> tuple[dict, str] | None:
    """(front matter, body) of page `uri` in `language`, the English page if it is not translated."""
    english = docs / uri
    translated = english.with_name(f"{english.stem}.{language}.md")
    path = translated if translated.is_file() else english
    where = f"Doc file '{page.file.src_uri}': cannot include '{path.relative_to(docs).as_posix()}'"
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        log.warning(f"{where}: {error}")
        return None
    if path == english and translated != english and language != "en":
        log.info(f"{page.file.src_uri}: '{uri}' has no '{language}' translation; the English text is used")
    end = source.find("\n---\n", 3) if source.startswith("---\n") else -1
    try:
        meta = yaml.safe_load(source[4:end]) if end != -1 else None
    except yaml.YAMLError:
        meta = None
    if not isinstance(meta, dict):
        log.warning(f"{where}: its front matter cannot be read (see hooks/page_schema.py's warning for it).")
        return None
    return meta, source[end + 5 :]


def _sources(sources, language: str) -> str:
    """The inlined page's sources, as the line the source box would show on its own page."""
    if not isinstance(sources, list) or not sources:
        return ""
    items = []
    for source in sources:
        if not isinstance(source, dict):
            continue
        name = html.escape(str(source.get("title", "")))
        url = str(source.get("url") or "")
        name = f'<a href="{html.escape(url)}">{name}</a>' if url.startswith("https://") else f"<cite>{name}</cite>"
        author, date = (html.escape(str(source.get(key, ""))) for key in ("author", "date"))
        items.append(f"{name} — {author}, {date}")
    label = SOURCES_LABEL.get(language, SOURCES_LABEL["en"])
    return f'\n<p class="print-sources"><strong>{label}:</strong> {"; ".join(items)}.</p>\n'


def _slugify(config: MkDocsConfig):
    """The toc extension's slugify, so ids made here for headings without one match the site's."""
    return (config.mdx_configs.get("toc") or {}).get("slugify") or default_slugify
