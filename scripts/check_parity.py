"""Compare the structure of English pages with their Russian twins, without building the site.

Usage: python scripts/check_parity.py [FILE ...]
FILE may be either language's file; without files, every page under docs/ is checked. Reports
each difference (headings and ids, code and includes, formulas, links, admonitions, marked values)
and each heading id used twice, with line numbers, and
exits 1 if there is any. The build runs the same check (hooks/translations.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "hooks"))  # the hooks are plain modules: import them as MkDocs does

import translations  # noqa: E402


def english_pages(files: list[Path]) -> list[Path]:
    if not files:
        return sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".ru.md") and "snippets" not in p.parts)
    pages = {p.with_name(p.name.replace(".ru.md", ".md")).resolve() for p in files if p.suffix == ".md"}
    return sorted(pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    failures = 0
    for english in english_pages(args.files):
        russian = translations.twin(english)
        if not english.is_file():
            print(f"{russian}: no English page {english.name} (orphaned translation)")
            failures += 1
        elif not russian.is_file():
            print(f"{english}: no Russian translation {russian.name}")
            failures += 1
        else:
            for difference in translations.differences(english, russian):
                print(f"{russian} vs {english.name}: {difference}")
                failures += 1
        for page in (path for path in (english, russian) if path.is_file()):
            for problem in translations.duplicate_ids(page):
                print(f"{page}, {problem}")
                failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
