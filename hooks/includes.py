"""Make markdown-include resolve `{!path!}` from the repository root, fail on a missing target,
and keep included text inside the block its include line is indented in.

markdown-include resolves paths from the current directory and, for a missing file, only prints
"Warning: could not find file" while the strict build succeeds. This hook pins its base_path to
the folder of mkdocs.yml and checks every include target before markdown-include runs: a missing
one is a warning naming page and line, which fails `mkdocs build --strict`.

markdown-include also puts every included line but the first at column 0, which ends the
admonition, collapsible block or list the include sits in. An include alone on an indented line
is therefore expanded here, each line indented like the include line; the others are left to
markdown-include.
"""

from __future__ import annotations

import re
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
    return _INDENTED_INCLUDE.sub(lambda match: _indented(match, root), markdown)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


# An include alone on an indented line, without a `lines=` selection.
_INDENTED_INCLUDE = re.compile(r"^(?P<indent>[ \t]+)\{!\s*(?P<path>[^!]+?)\s*!\}[ \t]*$", re.MULTILINE)


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _indented(match: re.Match, root: Path) -> str:
    target = root / match.group("path")
    if not target.is_file():
        return match.group(0)  # reported above; markdown-include drops it
    indent = match.group("indent")
    lines = target.read_text(encoding="utf-8").rstrip("\n").split("\n")
    return "\n".join(indent + line for line in lines)
