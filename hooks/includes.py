"""Make markdown-include resolve `{!path!}` from the repository root and fail on a missing target.

markdown-include resolves paths from the current directory and, for a missing file, only prints
"Warning: could not find file" while the strict build succeeds. This hook pins its base_path to
the folder of mkdocs.yml and checks every include target before markdown-include runs: a missing
one is a warning naming page and line, which fails `mkdocs build --strict`.
"""

from __future__ import annotations

from pathlib import Path

from markdown_include.include import INC_SYNTAX
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

EXTENSION = "markdown_include.include"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if EXTENSION not in config.markdown_extensions:
        raise PluginError(f"hooks/includes.py needs '{EXTENSION}' in markdown_extensions.")
    config.mdx_configs.setdefault(EXTENSION, {})["base_path"] = str(_root(config))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    root = _root(config)
    for number, line in enumerate(page.file.content_string.splitlines(), start=1):
        for match in INC_SYNTAX.finditer(line):
            target = match.group(1)
            if not (root / target).is_file():
                log.warning(
                    f"Doc file '{page.file.src_uri}', line {number}: include '{{!{target}!}}' "
                    f"points to a missing file ({root / target}). Include paths are relative to "
                    f"the repository root, e.g. {{!docs/snippets/coding/merge_intervals.py!}}."
                )
    return markdown


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent
