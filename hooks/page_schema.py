"""Validate every page's front matter, and mark pages whose last review is over a year old.

Every page needs: `title`, `description` (at most 160 characters), `tags` (from tags.yml),
`sources` (each with title, author, date; url optional, https) and `reviewed` (a date). MkDocs
itself drops front matter that is not valid YAML without a word; here that, a missing field and a
malformed one are warnings naming the file and field, which fail `mkdocs build --strict`.

A page reviewed more than REVIEW_MONTHS ago gets a discreet "last reviewed" note. "Now" is
SOURCE_DATE_EPOCH when set (the Makefile sets it to the commit's time), so a commit always builds
the same site.
"""

from __future__ import annotations

import datetime
import html
import os
import re
from pathlib import Path

from front_matter import load, split
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

REQUIRED = ("title", "description", "tags", "sources", "reviewed")
DESCRIPTION_LIMIT = 160
REVIEW_MONTHS = 12
REVIEW_NOTE = {
    "en": "Last reviewed on {date}: more than a year ago. Details may have changed since.",
    "ru": "Последняя проверка — {date}, больше года назад. С тех пор что-то могло измениться.",
}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _allowed_tags
    _allowed_tags = allowed_tags(Path(config.config_file_path).parent / "tags.yml")
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    for field in ("title", "description"):
        # Refused below; meanwhile the theme, which prints these unescaped, gets them as text.
        if _text(page.meta.get(field)) and _MARKUP.search(page.meta[field]):
            page.meta[field] = html.escape(page.meta[field])
    if not _own_language_build(page):
        return markdown  # a fallback copy of the English page: checked in the English build
    for problem in problems(page.file.content_string, _allowed_tags):
        log.warning(f"Doc file '{page.file.src_uri}': {problem}")
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    reviewed = page.meta.get("reviewed")
    if not isinstance(reviewed, datetime.date) or not review_overdue(reviewed, build_date()):
        return html
    language = getattr(page.file, "locale_alternate_of", "en")
    note = REVIEW_NOTE.get(language, REVIEW_NOTE["en"]).format(date=reviewed.isoformat())
    return f'<p class="review-note">{note}</p>\n{html}'


# -----------------------------------------------------------------------------
# Helpers (also used by scripts/i18n_status.py and the tests)
# -----------------------------------------------------------------------------

_allowed_tags: set[str] = set()


def allowed_tags(vocabulary: Path) -> set[str]:
    """`group/id` for every tag in tags.yml; PluginError if the file is missing or malformed."""
    if not vocabulary.is_file():
        raise PluginError(f"hooks/page_schema.py: the tag vocabulary {vocabulary} is missing.")
    groups = load(vocabulary.read_text(encoding="utf-8")) or {}
    tags = set()
    for group, entry in groups.items():
        if not isinstance(entry, dict) or not _labelled(entry.get("label")) or not isinstance(entry.get("tags"), dict):
            raise PluginError(f"{vocabulary}: group '{group}' needs a 'label' with 'en' and 'ru', and 'tags'.")
        for tag, labels in entry["tags"].items():
            if not _labelled(labels):
                raise PluginError(f"{vocabulary}: tag '{group}/{tag}' needs 'en' and 'ru' labels.")
            tags.add(f"{group}/{tag}")
    return tags


def front_matter(source: str) -> tuple[dict | None, str | None]:
    """(front matter, None), or (None, the reason it cannot be read)."""
    meta, _, error = split(source)
    return meta, error


def problems(source: str, tags: set[str]) -> list[str]:
    """Every problem of a page's front matter, each naming the field."""
    meta, error = front_matter(source)
    if error:
        return [error]
    found = [f"front matter field '{field}' is missing" for field in REQUIRED if field not in meta]
    if "title" in meta and not _text(meta["title"]):
        found.append("front matter field 'title' must be non-empty text")
    for field in ("title", "description"):
        if _text(meta.get(field)) and _MARKUP.search(meta[field]):
            found.append(
                f"front matter field '{field}' must be plain text: it is printed in the page's <head> and "
                f"navigation, so '<', '>' and '&…;' are not allowed there"
            )
    if "description" in meta:
        description = meta["description"]
        if not _text(description) or len(description) > DESCRIPTION_LIMIT:
            found.append(f"front matter field 'description' must be text of 1 to {DESCRIPTION_LIMIT} characters")
    if "tags" in meta:
        if not isinstance(meta["tags"], list) or not meta["tags"]:
            found.append("front matter field 'tags' must be a non-empty list")
        else:
            unknown = [tag for tag in meta["tags"] if tag not in tags]
            if unknown:
                found.append(f"front matter field 'tags' has unknown tags {unknown}: use tags listed in tags.yml")
    if "sources" in meta:
        found += _source_problems(meta["sources"])
    if "reviewed" in meta and not isinstance(meta["reviewed"], datetime.date):
        found.append("front matter field 'reviewed' must be a date (YYYY-MM-DD)")
    return found


def build_date() -> datetime.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return moment.date()


def review_overdue(reviewed: datetime.date, today: datetime.date) -> bool:
    months = (today.year - reviewed.year) * 12 + today.month - reviewed.month - (today.day < reviewed.day)
    return months >= REVIEW_MONTHS


def _source_problems(sources) -> list[str]:
    if not isinstance(sources, list):
        return ["front matter field 'sources' must be a list (use [] for a page with no sources)"]
    found = []
    for number, source in enumerate(sources, start=1):
        if not isinstance(source, dict):
            found.append(f"front matter field 'sources' item {number} must have title, author and date")
            continue
        missing = [key for key in ("title", "author", "date") if not source.get(key)]
        if missing:
            found.append(f"front matter field 'sources' item {number} is missing {', '.join(missing)}")
        if "url" in source and not str(source["url"]).startswith("https://"):
            found.append(f"front matter field 'sources' item {number} url must start with https://")
    return found


_MARKUP = re.compile(r"[<>]|&#?\w+;")


def _labelled(labels) -> bool:
    return isinstance(labels, dict) and {"en", "ru"} <= labels.keys()


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _own_language_build(page: Page) -> bool:
    return getattr(page.file, "locale", None) == getattr(page.file, "locale_alternate_of", None)
