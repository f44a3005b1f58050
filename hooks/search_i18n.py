"""Give each language its own search index, loaded on the first query.

mkdocs-static-i18n merges every language into one `search/search_index.json`. After the last
language is built this hook splits it: English entries go to `search/`, Russian entries
(locations made relative to `ru/`) to `ru/search/`. Each folder gets the full index as
`search_index.full.json` and, as `search_index.json` (the file Material's page script fetches on
every page load), a stub with the config and the full index's path.

`overrides/main.html` sets each page's search base to its language root and points Material at
`search-i18n.js`, a worker wrapper that fetches the full index on the first query and stems query
terms before Material appends its prefix wildcard (lunr never stems wildcard terms, so
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
FULL_INDEX = Path("search") / "search_index.full.json"
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
    config = {**merged["config"], "lang": INDEX_LANGUAGES[language]}
    full_index = (Path(prefix) / FULL_INDEX).as_posix()  # from the site root, as the worker resolves it
    _write_json(site / prefix / FULL_INDEX, {"config": config, "docs": docs})
    _write_json(site / prefix / INDEX, {"config": {**config, "full_index": full_index}, "docs": []})
    log.debug(f"search index for '{language}': {len(docs)} entries in {full_index}")


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # UTF-8 rather than \u escapes: Russian text is ~40 % smaller.
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _language_of(location: str, default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in INDEX_LANGUAGES and first != default and "/" in location else default


def _relocate(doc: dict, prefix: str) -> dict:
    return {**doc, "location": doc["location"].removeprefix(prefix)}
