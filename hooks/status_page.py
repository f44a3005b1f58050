"""Fill the translation status page at build time, so it is never out of date.

A page containing the marker `<!-- translation-status -->` gets, in its place, the table of
missing, outdated, orphaned and stale pages from scripts/i18n_status.py, in the page's language.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MARKER = "<!-- translation-status -->"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    status = _status_script(Path(config.config_file_path).parent)
    rows = status.collect(Path(config.docs_dir))
    return markdown.replace(MARKER, status.table(rows, page.file.locale_alternate_of, everything=True))


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _status_script(root: Path):
    spec = importlib.util.spec_from_file_location("i18n_status", root / "scripts" / "i18n_status.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
