"""Give Material's unnamed controls accessible names (axe-core: aria-dialog-name, label).

- The search dialog gets the search box's own (translated) label as its name.
- Task-list checkboxes get the text of their task as their name.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_content(html_content: str, *, page: Page, config: MkDocsConfig, **_) -> str:
    if 'class="task-list-item"' not in html_content:
        return html_content
    return _TASK.sub(_named_checkbox, html_content)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    label = _SEARCH_INPUT_LABEL.search(output)
    if not label:
        return output
    return output.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG[:-1]} aria-label="{label.group(1)}">', 1)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_INPUT_LABEL = re.compile(r'class="md-search__input" name="query" aria-label="([^"]+)"')

# A task's checkbox and the task's own text, up to a nested list, a paragraph or the item's end.
_TASK = re.compile(
    r'(?P<checkbox><li class="task-list-item"><label class="task-list-control">'
    r'<input type="checkbox"(?: disabled)?(?: checked)?)'
    r'(?P<rest>/><span class="task-list-indicator"></span></label>)(?P<text>.*?)(?=</li>|<ul|<ol|<p>)',
    re.DOTALL,
)


def _named_checkbox(match: re.Match) -> str:
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group("text"))).split())
    name = html.escape(text[:120], quote=True)
    return f'{match.group("checkbox")} aria-label="{name}"{match.group("rest")}{match.group("text")}'
