"""Load the study tools' script only on the pages that use it.

overrides/assets/javascripts/study.js runs the self-quiz (a `.self-quiz` block), marks the answers
of answer lists (`.answer-list`) with the reader's quiz marks and forwards their old `#q-…` links,
and keeps the ticks of task-list checklists across visits. State stays in the reader's browser
only. Pages with none of these get no script.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

SCRIPT = "assets/javascripts/study.js"
USERS = ('class="self-quiz"', 'class="task-list-item"', 'class="answer-list"')

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not any(marker in output for marker in USERS):
        return output
    root = "../" * page.url.count("/")
    return output.replace("</body>", f'<script src="{root}{SCRIPT}" defer></script>\n</body>', 1)
