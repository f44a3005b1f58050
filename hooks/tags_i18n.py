"""Show tags to readers in the page's language, as "<group>: <tag>" labels from tags.yml.

Front matter keeps language-independent tag ids (`stage/coding`), which hooks/page_schema.py
checks. Before Material's tags plugin collects them (its on_page_markdown runs at priority -50),
this hook replaces each id in page.meta with its label in the language being built, e.g.
"Stage: Coding interview" or "Этап: Кодинг-интервью"; the tag index of each language then
groups its pages under translated labels. The chips under a page's title keep the front matter's order.
"""

from __future__ import annotations

from pathlib import Path

from front_matter import load
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _labels
    _labels = labels(Path(config.config_file_path).parent / "tags.yml")
    return config


@event_priority(0)  # before the tags plugin (-50) reads page.meta["tags"]
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page.file.locale_alternate_of
    # Unknown ids stay as they are: hooks/page_schema.py reports them.
    page.meta["tags"] = [_labels.get(tag, {}).get(language, tag) for tag in page.meta.get("tags") or []]
    return markdown


@event_priority(-100)  # after the tags plugin (0) has put the page's tags in the context
def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    """The chips in front-matter order (answers: difficulty, stage, role, topic), not alphabetical."""
    order = {name: position for position, name in enumerate(page.meta.get("tags") or [])}
    if context.get("tags"):
        context["tags"] = sorted(context["tags"], key=lambda tag: order.get(tag.name, len(order)))
    return context


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

_labels: dict[str, dict[str, str]] = {}


def labels(vocabulary: Path) -> dict[str, dict[str, str]]:
    """Tag id -> {language: "Group: Tag"} for every tag in tags.yml (validated by page_schema)."""
    groups = load(vocabulary.read_text(encoding="utf-8")) or {}
    return {
        f"{group}/{tag}": {language: f"{entry['label'][language]}: {name}" for language, name in names.items()}
        for group, entry in groups.items()
        for tag, names in entry["tags"].items()
    }
