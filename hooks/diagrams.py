"""Render ```mermaid fences to inline SVG at build time with Mermaid's own renderer (mermaidx).

No mermaid.js is served. Each SVG is cached in `cache/diagrams/` under the hash of (source,
renderer version, config), and the cache is committed: contributors who do not touch a diagram
never run the renderer. Invalid Mermaid is a warning with the page, its line and Mermaid's parse
error, which fails `mkdocs build --strict`.
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

RENDERER = f"mermaidx {importlib.metadata.version('mermaidx')}"
# SVG <text> labels instead of HTML in <foreignObject>: they render without a browser engine's
# HTML layout, scale with the SVG and stay readable when printed.
MERMAID_CONFIG = {"htmlLabels": False, "flowchart": {"htmlLabels": False}, "theme": "neutral"}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _cache_dir
    _cache_dir = Path(config.config_file_path).parent / "cache" / "diagrams"
    return config


def on_page_content(html_content: str, *, page: Page, config: MkDocsConfig, **_) -> str:
    if '<pre class="mermaid">' not in html_content:
        return html_content
    return _FENCE.sub(lambda match: _render_match(match, page), html_content)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

_cache_dir: Path | None = None

_FENCE = re.compile(r'<pre class="mermaid"><code>(?P<source>.*?)</code></pre>', re.DOTALL)


def render_svg(source: str) -> str:
    """SVG for a Mermaid source, from the cache or the renderer; raises RuntimeError on bad input."""
    key = hashlib.sha256(json.dumps([source, RENDERER, MERMAID_CONFIG]).encode()).hexdigest()[:16]
    cached = _cache_dir / f"{key}.svg" if _cache_dir else None
    if cached and cached.is_file():
        return _fit(cached.read_text(encoding="utf-8"), key)
    import mermaidx  # imported on a cache miss only: starting its JS engine costs ~0.5 s

    svg = mermaidx.render(source, config=MERMAID_CONFIG).svg()
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(svg, encoding="utf-8")
    return _fit(svg, key)


def _fit(svg: str, key: str) -> str:
    """Give the renderer's SVG a unique id and its natural size.

    mermaidx names every SVG "my-svg", so two diagrams on a page would share one stylesheet
    scope. Mermaid's width="100%" blows a small diagram up to the column's width; at its
    natural size it only shrinks, to fit a narrow column (see site.css).
    """
    svg = svg.replace("my-svg", f"diagram-{key}")
    view_box = _VIEW_BOX.search(svg)
    if view_box:
        width, height = view_box.group(1), view_box.group(2)
        svg = svg.replace('width="100%"', f'width="{width}" height="{height}"', 1)
    return svg


_VIEW_BOX = re.compile(r'viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)"')


def _render_match(match: re.Match, page: Page) -> str:
    source = html.unescape(match.group("source"))
    try:
        svg = render_svg(source)
    except RuntimeError as error:
        message = str(error).removeprefix("Mermaid rendering failed: ")
        log.warning(
            f"Doc file '{page.file.src_uri}'{_line_of(source, page)}: invalid Mermaid diagram: "
            f"{message}\nFix the diagram syntax (https://mermaid.js.org/intro/syntax-reference.html)."
        )
        return match.group(0)
    return f'<figure class="diagram">{svg}</figure>'


def _line_of(source: str, page: Page) -> str:
    """', line N' of the fence that holds this diagram in the Markdown source, or ''."""
    first_line = source.strip().splitlines()[0] if source.strip() else ""
    lines = page.file.content_string.splitlines()
    for number, line in enumerate(lines, start=1):
        if line.strip().startswith("```mermaid") and number < len(lines) and first_line in lines[number]:
            return f", line {number}"
    return ""
