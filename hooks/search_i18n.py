"""Give each language its own search index, preloaded by the search worker, with what it needs
to find what readers type.

mkdocs-static-i18n merges every language into one `search/search_index.json`. After the last
language is built this hook splits it: English entries go to `search/`, Russian entries
(locations made relative to `ru/`) to `ru/search/`. Each folder gets the full index as
`search_index.full.json` and, as `search_index.json` (the file Material's page script fetches on
every page load), a stub with the config and the full index's path.

Each entry is made searchable (see `searchable`): no tag text, accent-free forms, and the words of
question titles in their own field. The config carries the language's synonym groups from
`synonyms.yml` (beside mkdocs.yml; a malformed file stops the build).

`overrides/main.html` sets each page's search base to its language root and points Material at
`search-i18n.js`, a worker wrapper that preloads the full index shortly after the page is set up
and rewrites each query (folding, synonyms, stop words, stemming, whole words above prefixes)
before Material's worker runs it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from front_matter import load
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger(__name__)

SYNONYMS = "synonyms.yml"  # beside mkdocs.yml
INDEX = Path("search") / "search_index.json"
FULL_INDEX = Path("search") / "search_index.full.json"
# The stemmers the index pipeline and the query stemmer use, per language. English words appear on
# Russian pages (terms, code), so the Russian index keeps the English stemmer as well.
INDEX_LANGUAGES = {"en": ["en"], "ru": ["ru", "en"]}
# Titles and headings far above body text; the folded forms of accented words count like the field
# they come from, and a question's own words (see searchable) like a title. (Material's default also
# gives its tags field a boost of 10^6.)
FIELDS = {
    "title": {"boost": 1000.0},
    "title_folded": {"boost": 1000.0},
    "asks": {"boost": 1000.0},
    "text": {"boost": 1.0},
    "text_folded": {"boost": 1.0},
}
# Marks a word of a question title in the "asks" field, so that stop words survive indexing there
# ("how many", «сколько»); search-i18n.js adds the same mark to every word the reader types.
ASKS_MARK = "q"
_WORD = re.compile(r"[^\W\d_]+")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _synonyms
    path = Path(config.config_file_path).parent / SYNONYMS
    _synonyms = load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    if not isinstance(_synonyms, dict) or not all(
        isinstance(groups, list) and all(isinstance(group, list) and len(group) > 1 for group in groups)
        for groups in _synonyms.values()
    ):
        raise PluginError(f"{SYNONYMS}: each language must map to a list of groups, each a list of 2+ variants.")
    return config


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
    docs = [searchable(doc) for doc in docs]
    config = {
        **merged["config"],
        "lang": INDEX_LANGUAGES[language],
        "fields": FIELDS,
        "asks_mark": ASKS_MARK,
        "synonyms": [[fold(variant) for variant in group] for group in _synonyms.get(language, [])],
    }
    full_index = (Path(prefix) / FULL_INDEX).as_posix()  # from the site root, as the worker resolves it
    _write_json(site / prefix / FULL_INDEX, {"config": config, "docs": docs})
    _write_json(site / prefix / INDEX, {"config": {**config, "full_index": full_index}, "docs": []})
    log.debug(f"search index for '{language}': {len(docs)} entries in {full_index}")


def searchable(doc: dict) -> dict:
    """A search entry as it is indexed.

    - No tags: labels like "Role: Research engineer" on every page would outrank the text.
    - The accent-free form of every word that has one, so that "resume" finds "résumé" and «еще»
      finds «ещё» (the reader's query is folded the same way).
    - For a title that is a question ("How many interviews are there?", «Сколько всего интервью?»),
      every word of it, stop words included, marked with ASKS_MARK: the index drops "how", "many"
      and «сколько» everywhere else, yet they are what a question-style query has in common with
      the question that answers it.
    """
    entry = {key: value for key, value in doc.items() if key != "tags"}
    title = doc.get("title", "")
    if title.rstrip().endswith("?"):
        entry["asks"] = " ".join(ASKS_MARK + fold(word) for word in _WORD.findall(title))
    for field in ("title", "text"):
        words = {word for word in _WORD.findall(doc.get(field, "")) if fold(word) != word.lower()}
        if words:
            entry[f"{field}_folded"] = " ".join(sorted({fold(word) for word in words}))
    return entry


def fold(text: str) -> str:
    """Lower case without accents: é -> e, ć -> c, ё -> е (NFD, combining marks dropped)."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # UTF-8 rather than \u escapes: Russian text is ~40 % smaller.
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


_synonyms: dict[str, list[list[str]]] = {}


def _language_of(location: str, default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in INDEX_LANGUAGES and first != default and "/" in location else default


def _relocate(doc: dict, prefix: str) -> dict:
    return {**doc, "location": doc["location"].removeprefix(prefix)}
