"""Translation and review status of every page: missing, outdated, orphaned and stale pages.

Usage: python scripts/i18n_status.py [--check] [--all] [--docs DIR]

- missing:  an English page with no Russian twin
- outdated: git says the English page changed after its Russian twin last did
- orphaned: a Russian page with no English page
- stale:    a page whose `reviewed:` date is more than 12 months old (either language)

Prints a table (only problems, or every page with --all); --check exits 1 if there is any
problem. The docs' status page shows the same table, generated at build time (hooks/status_page.py).
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
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


def _hook(name: str):
    spec = importlib.util.spec_from_file_location(f"hook_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def collect(docs: Path = DOCS, today: datetime.date | None = None) -> list[Row]:
    translations, schema = _hook("translations"), _hook("page_schema")
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if any page is missing, outdated, orphaned or stale"
    )
    parser.add_argument("--all", action="store_true", help="list every page, not only the problems")
    parser.add_argument("--docs", type=Path, default=DOCS, help="the docs folder (default: docs/)")
    args = parser.parse_args()
    rows = collect(args.docs.resolve())
    print(table(rows, "en", everything=args.all))
    return 1 if args.check and any(row.status in PROBLEMS for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
