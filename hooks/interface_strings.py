"""Interface strings that come from Markdown extensions, not from the theme, in the page's language.

Material's own strings follow theme.language (overrides/partials/language.html corrects a few);
the toc extension's heading links carry `title="Permanent link"` on every page, and its options
cannot differ per language. Here each non-default language's pages get the title translated.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# The toc extension's default permalink_title, per language.
TRANSLATED = {"ru": 'title="Постоянная ссылка"'}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    title = TRANSLATED.get(config.theme["language"])
    return html.replace('title="Permanent link"', title) if title else html
