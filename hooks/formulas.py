"""Render TeX to KaTeX HTML + MathML at build time, so pages load no math JavaScript.

pymdownx.arithmatex (generic mode) leaves `\\(...\\)` and `\\[...\\]` in the HTML. After the
search plugin has taken the page text (so search sees TeX, not KaTeX markup), this hook renders
every formula with the real KaTeX library from its npm package, run in-process by QuickJS, and
copies KaTeX's CSS and fonts into the site. Bad TeX is a warning naming page, line and formula,
which fails `mkdocs build --strict`.
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
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

KATEX_ASSETS = "assets/katex"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _katex
    if _katex is None:
        _katex = _Katex(_katex_dist(config))
    return config


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
# Helpers
# -----------------------------------------------------------------------------

_katex: _Katex | None = None

_FORMULA = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>',
    re.DOTALL,
)


class _Katex:
    """KaTeX's own katex.min.js in a long-lived QuickJS context, with a cache per formula."""

    def __init__(self, dist: Path):
        self.version = json.loads((dist.parent / "package.json").read_text(encoding="utf-8"))["version"]
        self._context = quickjs.Context()
        self._context.eval((dist / "katex.min.js").read_text(encoding="utf-8"))
        self._cache: dict[tuple[str, bool], str] = {}

    def render(self, tex: str, display: bool) -> str:
        key = (tex, display)
        if key not in self._cache:
            options = json.dumps({"displayMode": display, "throwOnError": True, "output": "htmlAndMathml"})
            # .slice(0) flattens QuickJS's rope strings, which the Python binding cannot convert.
            self._cache[key] = self._context.eval(f"katex.renderToString({json.dumps(tex)}, {options}).slice(0)")
        return self._cache[key]


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
    except quickjs.JSException as error:
        message = str(error).removeprefix("ParseError: ").strip()
        log.warning(
            f"Doc file '{page.file.src_uri}'{_line_of(tex, page)}: KaTeX cannot render the formula "
            f"`{tex}`: {message}\nFix the TeX (KaTeX supports a subset of LaTeX: "
            f"https://katex.org/docs/supported.html)."
        )
        return match.group(0)
    return f'<div class="arithmatex">{rendered}</div>' if display else f'<span class="arithmatex">{rendered}</span>'


def _line_of(tex: str, page: Page) -> str:
    """', line N' of the formula's first line in the Markdown source, or '' if not found."""
    first_line = tex.splitlines()[0].strip() if tex else ""
    for number, line in enumerate(page.markdown.splitlines() if page.markdown else [], start=1):
        if first_line and first_line in line:
            return f", line {number + _front_matter_lines(page)}"
    return ""


def _front_matter_lines(page: Page) -> int:
    """Lines the front matter takes: page.markdown starts after it, the editor's line numbers do not."""
    source = page.file.content_string
    if not source.startswith("---"):
        return 0
    end = source.find("\n---", 3)
    return source[: end + 4].count("\n") + 1 if end != -1 else 0


def _relative_root(page: Page) -> str:
    depth = page.url.count("/")
    return "../" * depth
