"""Reject unsafe HTML in page sources, and mark external links in pages as external.

Pages are edited through pull requests by anyone, and the site runs no script of its authors':
a raw `<script>` or `<iframe>`, an inline event handler (`onclick=` and the like) or a
`javascript:` URL in a page source is a warning naming file and line (`--strict` fails). Code
blocks and inline code may show such text; only live Markdown and HTML are checked.

External links in page content get `rel="noopener noreferrer"` and the class `external`
(site.css draws a marker after them).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

UNSAFE = {
    "a raw <script> element": re.compile(r"<\s*script\b", re.I),
    "a raw <iframe> element": re.compile(r"<\s*iframe\b", re.I),
    "an inline event handler (on...=)": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
    "a javascript: URL": re.compile(r"""(?:\]\(\s*<?|\b(?:href|src|action)\s*=\s*["']?)\s*javascript:""", re.I),
}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    for number, line in _live_lines(page.file.content_string):
        for what, pattern in UNSAFE.items():
            if pattern.search(line):
                log.warning(
                    f"Doc file '{page.file.src_uri}', line {number}: {what} is not allowed in pages. "
                    f"Use Markdown (links, images, admonitions); show code in a code block."
                )
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _EXTERNAL_LINK.sub(r'<a class="external" rel="noopener noreferrer" \1', html)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+).+?\1")
_EXTERNAL_LINK = re.compile(r'<a (href="https?://[^"]*")')


def _live_lines(source: str):
    """(line number, text) of every line outside code blocks, with inline code removed."""
    fence = None
    for number, line in enumerate(source.splitlines(), start=1):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1).startswith(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        yield number, _INLINE_CODE.sub("", line)
