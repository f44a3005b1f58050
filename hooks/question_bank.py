"""The question bank: one page per worked answer, and the lists, navigation and tags built from them.

Layout: `docs/questions/<topic>/index.md` introduces a topic and lists, in its front matter
`answers:`, the slugs of its answer pages in reading order; each answer is
`docs/questions/<topic>/<slug>.md` (+ `.ru.md`) with front matter `difficulty`, `stages` and `roles`
besides the fields every page has. From these this hook:

- expands the topic's nav entry into a section: the topic page, then its answers in order, each
  titled in the language being built;
- adds `difficulty/…`, `stage/…` and `role/…` tags to each answer page, so the tag index, the
  chips under its title and the print tracks follow its front matter;
- fills the generated blocks (hooks/bank_lists.py): `<!-- answer-list -->` (a topic's answers),
  `<!-- question-index -->` (every topic), `<!-- questions-by-stage -->`, `<!-- stage-answers -->`
  (on a stage page, the answers filed under that stage) and `<!-- self-quiz -->`.

A slug is the answer's id without `q-`: `#q-mdp` on the old topic page is `rl/mdp.md`, and the
reader's quiz marks stay keyed by `q-<slug>`. An answer missing from `answers:`, a listed answer
with no page, a bad field or a slug used twice is a warning naming the file and line.
"""

from __future__ import annotations

from pathlib import Path

from bank import Bank, expand_nav, read_bank
from bank_lists import BLOCKS
from language_builds import outer_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

_bank = Bank()  # read by on_config at the start of every build

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _bank
    if outer_build(config):  # read once per build: every language shows the same bank
        _bank = read_bank(Path(config.docs_dir), Path(config.config_file_path).parent / "tags.yml")
        for problem in _bank.problems:
            log.warning(problem)
    config.nav = expand_nav(config.nav, _bank)
    return config


@event_priority(10)  # before hooks/tags_i18n.py (0) turns tag ids into labels
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = getattr(page.file, "locale_alternate_of", None) or "en"
    answer = _bank.answer_at(page.file.src_uri)
    if answer:
        page.meta["tags"] = list(dict.fromkeys(answer.tags() + (page.meta.get("tags") or [])))
    for marker, render in BLOCKS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(_bank, language, page))
    return markdown
