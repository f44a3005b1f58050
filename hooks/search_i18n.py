"""Give each language its own search index, so a Russian page searches Russian pages only.

mkdocs-static-i18n merges every language into one `search/search_index.json`. After the last
language is built this hook splits it: English entries stay in `search/search_index.json`,
Russian entries (locations made relative to `ru/`) go to `ru/search/search_index.json`.
`overrides/main.html` sets each page's search base to its language root, so each page downloads
only its own language's index, and points Material at `search-i18n.js`, a worker that stems
query terms before Material appends its prefix wildcard (lunr never stems wildcard terms, so
"теоремой" would not find "теорема" otherwise).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger(__name__)

INDEX = Path("search") / "search_index.json"
# The stemmers the index pipeline and the query stemmer use, per language. English words appear on
# Russian pages (terms, code), so the Russian index keeps the English stemmer as well.
INDEX_LANGUAGES = {"en": ["en"], "ru": ["ru", "en"]}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("hooks/search_i18n.py needs the mkdocs-static-i18n plugin ('i18n').")
    if i18n.building:  # a nested language build: the merged index is not written yet
        return
    site = Path(config.site_dir)
    merged = json.loads((site / INDEX).read_text(encoding="utf-8"))
    default = next(language.locale for language in i18n.config.languages if language.default)
    for language in (language.locale for language in i18n.config.languages):
        _write_index(site, merged, language, default)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _write_index(site: Path, merged: dict, language: str, default: str) -> None:
    if language not in INDEX_LANGUAGES:
        raise PluginError(f"hooks/search_i18n.py: no search languages configured for '{language}'.")
    prefix = "" if language == default else f"{language}/"
    docs = [_relocate(doc, prefix) for doc in merged["docs"] if _language_of(doc["location"], default) == language]
    if not docs:
        raise PluginError(f"hooks/search_i18n.py: the search index has no '{language}' pages.")
    index = {"config": {**merged["config"], "lang": INDEX_LANGUAGES[language]}, "docs": docs}
    target = site / prefix / INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    # UTF-8 rather than \u escapes: Russian text is ~40 % smaller.
    target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    log.debug(f"search index for '{language}': {len(docs)} entries in {target}")


def _language_of(location: str, default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in INDEX_LANGUAGES and first != default and "/" in location else default


def _relocate(doc: dict, prefix: str) -> dict:
    return {**doc, "location": doc["location"].removeprefix(prefix)}
