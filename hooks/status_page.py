"""Fill the translation status page at build time, so it is never out of date.

A page containing the marker `<!-- translation-status -->` gets, in its place, the table of
missing, outdated, orphaned and stale pages, in the page's language. `scripts/i18n_status.py`
prints the same table from the command line.

- missing:  an English page with no Russian twin
- outdated: git says the English page changed after its Russian twin last did
- orphaned: a Russian page with no English page
- stale:    a page whose `reviewed:` date is more than 12 months old (either language)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import page_schema as schema
import translations
from language_builds import outer_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MARKER = "<!-- translation-status -->"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if outer_build(config):
        _rows.clear()  # a new build: the pages may have changed
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    if not _rows:  # once per build, whichever language's status page comes first
        _rows.extend(collect(Path(config.docs_dir)))
    return markdown.replace(MARKER, table(_rows, page.file.locale_alternate_of, everything=True))


# -----------------------------------------------------------------------------
# Helpers (also used by scripts/i18n_status.py)
# -----------------------------------------------------------------------------

_rows: list[Row] = []  # this build's status rows

PROBLEMS = ("missing", "outdated", "orphaned", "stale")
LABELS = {
    "en": {
        "page": "Page",
        "status": "Status",
        "details": "Details",
        "ok": "ok",
        "missing": "missing",
        "outdated": "outdated",
        "orphaned": "orphaned",
        "stale": "stale",
        "summary": "{pages} pages; {translated} translated; {problems} need attention.",
        "clean": "Every page is translated, up to date and reviewed within the last 12 months.",
    },
    "ru": {
        "page": "Страница",
        "status": "Статус",
        "details": "Подробности",
        "ok": "в порядке",
        "missing": "нет перевода",
        "outdated": "перевод устарел",
        "orphaned": "нет оригинала",
        "stale": "давно не проверялась",
        "summary": "Страниц: {pages}; переведено: {translated}; требуют внимания: {problems}.",
        "clean": "Все страницы переведены, переводы актуальны, и все проверялись в последние 12 месяцев.",
    },
}


@dataclass
class Row:
    page: str
    status: str
    details: str


def collect(docs: Path, today: datetime.date | None = None) -> list[Row]:
    """Every page's translation and review status (the English page, or an orphaned Russian one)."""
    today = today or schema.build_date()
    changed = translations.last_changes(docs)
    pages = sorted(p for p in docs.rglob("*.md") if "snippets" not in p.relative_to(docs).parts)
    english = [p for p in pages if not p.name.endswith(".ru.md")]
    rows = []
    for russian in (p for p in pages if p.name.endswith(".ru.md")):
        if not russian.with_name(russian.name.replace(".ru.md", ".md")).is_file():
            rows.append(Row(russian.relative_to(docs).as_posix(), "orphaned", "no English page"))
    for page in english:
        name, russian = page.relative_to(docs).as_posix(), translations.twin(page)
        statuses = []
        if not russian.is_file():
            statuses.append(Row(name, "missing", f"create {russian.name}"))
        else:
            english_time, russian_time = changed.get(page.resolve()), changed.get(russian.resolve())
            if english_time and russian_time and english_time > russian_time:
                statuses.append(Row(name, "outdated", f"English {_day(english_time)}, Russian {_day(russian_time)}"))
        for path in (page, russian):
            meta, _ = schema.front_matter(path.read_text(encoding="utf-8")) if path.is_file() else (None, None)
            reviewed = (meta or {}).get("reviewed")
            if isinstance(reviewed, datetime.date) and schema.review_overdue(reviewed, today):
                statuses.append(Row(name, "stale", f"{path.name} reviewed {reviewed.isoformat()}"))
        rows += statuses or [Row(name, "ok", "")]
    return rows


def table(rows: list[Row], language: str, everything: bool = False) -> str:
    labels = LABELS[language]
    problems = [row for row in rows if row.status in PROBLEMS]
    pages = len({row.page for row in rows})
    translated = pages - len({row.page for row in rows if row.status in ("missing", "orphaned")})
    lines = [labels["summary"].format(pages=pages, translated=translated, problems=len({r.page for r in problems})), ""]
    shown = rows if everything else problems
    if not shown:
        return "\n".join([*lines, labels["clean"]])
    lines += [f"| {labels['page']} | {labels['status']} | {labels['details']} |", "| --- | --- | --- |"]
    lines += [f"| `{row.page}` | {labels[row.status]} | {row.details} |" for row in shown]
    return "\n".join(lines)


def _day(timestamp: int) -> str:
    return datetime.datetime.fromtimestamp(timestamp, datetime.UTC).date().isoformat()
