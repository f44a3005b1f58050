"""Translation and review status of every page: missing, outdated, orphaned and stale pages.

Usage: python scripts/i18n_status.py [--check] [--all] [--docs DIR]

Prints a table (only problems, or every page with --all); --check exits 1 if there is any
problem. The docs' status page shows the same table, generated at build time by
hooks/status_page.py, which defines the statuses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "hooks"))  # the hooks are plain modules: import them as MkDocs does

from status_page import PROBLEMS, collect, table  # noqa: E402


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
