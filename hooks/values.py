"""Marked values: a number the tests recompute is marked where it stands, `[[name: value]]`.

The page shows `value`; the tests in tests/content/ read the marks of both language versions and
compare each value with the one they compute (tests/content/helpers.py: `assert_values`). Names
are the same in both languages; a value is written as each language writes numbers in prose (0.307
in English, 0,307 in Russian) and identically inside formulas and code. A changed digit, a value
deleted from one language or a mark the tests do not know then fails the tests, wherever on the
page the number is.

Marks work in prose, tables, formulas (`$[[floor: 0.307]]\\,\\sigma^2$`) and code blocks. A name is
lowercase letters, digits and hyphens; a value cannot contain `]]`. A name used twice on a page
and anything that starts like a mark but is not one are warnings naming the file and line, which
fail `mkdocs build --strict`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@event_priority(90)  # after hooks/print_tracks.py (100) has inlined pages, before everything else
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "[[" not in markdown:
        return markdown
    for problem in problems(page.file.content_string):
        log.warning(f"Doc file '{page.file.src_uri}', {problem}")
    return unmarked(markdown)


# -----------------------------------------------------------------------------
# Helpers (also used by the tests and hooks/translations.py)
# -----------------------------------------------------------------------------

MARK = re.compile(r"\[\[(?P<name>[a-z0-9][a-z0-9-]*): (?P<value>(?:(?!\]\]).)+?)\]\]")
_LOOKS_LIKE_A_MARK = re.compile(r"\[\[[^\[\]\n]*:")
_MATH = re.compile(r"\$\$.+?\$\$|(?<![\\$])\$(?!\s)[^$\n]+?(?<![\s\\])\$", re.DOTALL)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.DOTALL | re.MULTILINE)
_INLINE_CODE = re.compile(r"(`+)[^`].*?\1")


@dataclass(frozen=True)
class Mark:
    name: str
    value: str
    line: int
    literal: bool  # inside a formula or code: written the same in every language


def marks(source: str) -> list[Mark]:
    """Every mark of a page's Markdown, in page order."""
    literal = [match.span() for pattern in (_MATH, _FENCE, _INLINE_CODE) for match in pattern.finditer(source)]
    return [
        Mark(
            match["name"],
            match["value"],
            source.count("\n", 0, match.start()) + 1,
            any(start <= match.start() < end for start, end in literal),
        )
        for match in MARK.finditer(source)
    ]


def problems(source: str) -> list[str]:
    """'line N: …' for each duplicate name and each malformed mark."""
    found, seen = [], {}
    for mark in marks(source):
        if mark.name in seen:
            found.append(
                f"line {mark.line}: the value name '{mark.name}' is already used on line {seen[mark.name]}. "
                f"Give each marked value its own name."
            )
        seen.setdefault(mark.name, mark.line)
    well_formed = {match.start() for match in MARK.finditer(source)}
    for match in _LOOKS_LIKE_A_MARK.finditer(source):
        if match.start() not in well_formed:
            line = source.count("\n", 0, match.start()) + 1
            found.append(
                f"line {line}: '{match.group(0)}…' is not a valid marked value. Write [[name: value]] with a "
                f"name of lowercase letters, digits and hyphens, one space after the colon, and ']]' to close it."
            )
    return found


def unmarked(text: str) -> str:
    """The text as the reader sees it: each mark replaced by its value (lines stay where they are)."""
    return MARK.sub(lambda match: match.group("value"), text)


def russian(value: str) -> str:
    """How Russian prose writes an English-formatted number: 0.307 -> 0,307; 10,000 -> 10 000 (no-break)."""
    value = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "\u00a0", value)
    value = re.sub(r"(?<=\d)\.(?=\d)", ",", value)
    return re.sub(r"(?<=\d) (?=%|‰)", "\u00a0", value)
