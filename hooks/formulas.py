"""Render TeX to KaTeX HTML + MathML at build time, so pages load no math JavaScript.

pymdownx.arithmatex (generic mode) leaves `\\(...\\)` and `\\[...\\]` in the HTML. After the
search plugin has taken the page text (so search sees TeX, not KaTeX markup), this hook renders
every formula with the real KaTeX library from its npm package, run in-process by QuickJS, and
copies KaTeX's CSS and fonts into the site.

Before Markdown runs, each formula of the page's own Markdown is found where it is written and
checked, so every problem names its real line:
- TeX that KaTeX cannot render; commands that would need trust (`\\href`, `\\url`,
  `\\includegraphics`, `\\htmlData`…: KaTeX runs with `trust: false`); sizes over `maxSize` and
  macro loops over `maxExpand`;
- a `$` that opens no formula: a dollar sign in prose is written `\\$`, and `$5-$10` would
  otherwise become a formula, so a formula that starts with a digit and is followed by one is
  reported as a currency amount.
In a table row, `|` inside `$…$` is written as `\\vert` before the table splits its cells.
Each problem is a warning, which fails `mkdocs build --strict`.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import quickjs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from values import unmarked

log = get_plugin_logger(__name__)

KATEX_ASSETS = "assets/katex"
# KaTeX draws a command it refuses (trust: false) in errorColor instead of raising: this colour,
# used by nothing else, tells such output apart.
REFUSED_COLOR = "#cc0001"
KATEX_OPTIONS = {
    "throwOnError": True,
    "output": "htmlAndMathml",
    "trust": False,
    "maxSize": 20,
    "maxExpand": 1000,
    "errorColor": REFUSED_COLOR,
}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _katex
    if _katex is None:
        _katex = _Katex(_katex_dist(config))
    return config


@event_priority(80)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    for problem in problems(unmarked(page.file.content_string)):
        log.warning(f"Doc file '{page.file.src_uri}', {problem}")
    return _TABLE_ROW.sub(lambda row: _INLINE_MATH.sub(_vert, row.group(0)), markdown)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # `math: true` in front matter: the page shows formulas from elsewhere (the self-quiz's answers).
    if 'class="arithmatex"' not in output and not page.meta.get("math"):
        return output
    output = _FORMULA.sub(lambda match: _render_match(match, page), output)
    stylesheet = f'<link rel="stylesheet" href="{_relative_root(page)}{KATEX_ASSETS}/katex.min.css">'
    return output.replace("</head>", f"{stylesheet}\n</head>", 1)


def on_post_build(*, config: MkDocsConfig) -> None:
    dist = _katex_dist(config)
    target = Path(config.site_dir) / KATEX_ASSETS
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(dist / "katex.min.css", target / "katex.min.css")
    shutil.copytree(dist / "fonts", target / "fonts", dirs_exist_ok=True)


# -----------------------------------------------------------------------------
# Helpers (problems() and formulas() are also used by the tests and hooks/translations.py)
# -----------------------------------------------------------------------------

_katex: _Katex | None = None
_reported: set[tuple[str, bool]] = set()  # formulas whose problem was reported at their line

_FORMULA = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>',
    re.DOTALL,
)
# arithmatex's own patterns (smart dollars): $$ blocks, then $…$ with no space inside either dollar.
_DISPLAY_MATH = re.compile(r"(?<!\\)\$\$(?P<tex>(?:\\.|[^\\])+?)\$\$", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?![\s$])(?P<tex>(?:\\.|[^\\$\n]|\n(?![ \t]*\n))+?)(?<![\s\\])\$(?!\$)")
_LONE_DOLLAR = re.compile(r"(?<!\\)\$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[ \t]*$", re.DOTALL | re.MULTILINE)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)


class _Katex:
    """KaTeX's own katex.min.js in a long-lived QuickJS context, with a cache per formula."""

    def __init__(self, dist: Path):
        self.version = json.loads((dist.parent / "package.json").read_text(encoding="utf-8"))["version"]
        self._context = quickjs.Context()
        self._context.eval((dist / "katex.min.js").read_text(encoding="utf-8"))
        self._cache: dict[tuple[str, bool], str] = {}

    def render(self, tex: str, display: bool) -> str:
        """KaTeX's HTML; raises ValueError with KaTeX's message for TeX it cannot or will not render."""
        key = (tex, display)
        if key not in self._cache:
            options = json.dumps({**KATEX_OPTIONS, "displayMode": display})
            try:
                # .slice(0) flattens QuickJS's rope strings, which the Python binding cannot convert.
                rendered = self._context.eval(f"katex.renderToString({json.dumps(tex)}, {options}).slice(0)")
            except quickjs.JSException as error:
                raise ValueError(str(error).removeprefix("ParseError: ").split("\n")[0].strip()) from None
            if REFUSED_COLOR in rendered:
                raise ValueError(
                    "it uses a command KaTeX runs only for trusted input (\\href, \\url, \\includegraphics, "
                    "\\htmlData…); pages are untrusted input"
                )
            self._cache[key] = rendered
        return self._cache[key]


def formulas(markdown: str) -> list[tuple[int, str, bool]]:
    """(line, TeX, display) of every formula in a page's Markdown, outside code, in order."""
    return _scan(markdown)[0]


def problems(markdown: str) -> list[str]:
    """'line N: …' for every formula KaTeX refuses and every `$` that opens no formula."""
    found_formulas, dollars, currency = _scan(markdown)
    found = []
    for line, tex, display in found_formulas:
        try:
            _katex.render(tex.strip(), display)
        except ValueError as error:
            _reported.add((tex.strip(), display))
            found.append(
                f"line {line}: KaTeX cannot render the formula `{tex.strip()}`: {error}\nFix the TeX (KaTeX supports "
                f"a subset of LaTeX: https://katex.org/docs/supported.html)."
            )
    found += [
        f"line {line}: `${tex}$` looks like a currency amount, not a formula. Write a dollar sign as \\$ "
        f"(\\$5–\\$10) or the currency in words (USD 5–10)."
        for line, tex in currency
    ]
    found += [
        f"line {line}: this `$` opens no formula (no closing `$` in the same paragraph, or a space after "
        f"the opening `$`). Write a dollar sign in text as \\$."
        for line in dollars
    ]
    return found


def _scan(markdown: str):
    """(formulas, lines of lone dollars, currency-like formulas) of a page's Markdown."""
    text = _blank(markdown, _FRONT_MATTER)
    text = _blank(text, _FENCE)
    text = _blank(text, _CODE_SPAN)
    found, currency = [], []
    for pattern, display in ((_DISPLAY_MATH, True), (_INLINE_MATH, False)):
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            tex = match.group("tex")
            if not display and tex[0].isdigit() and text[match.end() : match.end() + 1].isdigit():
                currency.append((line, tex))
            else:
                found.append((line, tex, display))
        text = _blank(text, pattern)
    dollars = [text.count("\n", 0, match.start()) + 1 for match in _LONE_DOLLAR.finditer(text)]
    return sorted(found), dollars, currency


def _blank(text: str, pattern: re.Pattern) -> str:
    """The text with each match replaced by spaces, its newlines kept: positions and lines stay put."""
    return pattern.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)


def _vert(match: re.Match) -> str:
    return match.group(0).replace("\\|", "\\Vert{}").replace("|", "\\vert{}")


def _katex_dist(config: MkDocsConfig) -> Path:
    dist = Path(config.config_file_path).parent / "node_modules" / "katex" / "dist"
    if not (dist / "katex.min.js").is_file():
        raise PluginError(f"KaTeX not found at {dist}: run `npm ci` (or `make install`) first.")
    return dist


def _render_match(match: re.Match, page: Page) -> str:
    display = match.group("display") is not None
    tex = html.unescape(match.group("display") if display else match.group("inline")).strip()
    try:
        rendered = _katex.render(tex, display)
    except ValueError as error:
        if (tex, display) not in _reported:  # not in the page's own Markdown (an include): no line to name
            log.warning(f"Doc file '{page.file.src_uri}': KaTeX cannot render the formula `{tex}`: {error}")
        return match.group(0)
    return f'<div class="arithmatex">{rendered}</div>' if display else f'<span class="arithmatex">{rendered}</span>'


def _relative_root(page: Page) -> str:
    depth = page.url.count("/")
    return "../" * depth
