"""Diagrams readable on a phone: text never under 12 px, a sideways scroll where that needs more width
than the column, and a full-screen view on tap.

hooks/diagrams.py writes each diagram as an inline SVG at its natural size, and the CSS lets it
shrink to fit the column; a wide design diagram shrunk onto a 390 px phone has 5–6 px text. This hook
gives every diagram's SVG a minimum width at which its smallest text is MIN_TEXT_PX, and puts it in a
container that scrolls sideways when the column is narrower than that (reading.css draws a shadow at
the edge that can scroll, so the reader sees there is more).

`assets/javascripts/diagram-viewer.js` (a site file: content_safety.py allows only those) opens a
diagram full screen in a native <dialog>; it goes only on pages that have a diagram.
"""

from __future__ import annotations

import math
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

SCRIPT = "assets/javascripts/diagram-viewer.js"
MIN_TEXT_PX = 12  # the smallest text a reader should have to read, on any screen

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@event_priority(-50)  # after hooks/diagrams.py has turned the fences into SVG
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, **_) -> str:
    if _FIGURE not in html:
        return html
    return _DIAGRAM.sub(lambda match: readable(match.group("svg")), html)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if _SCROLLER not in output:
        return output
    script = "../" * page.url.count("/") + SCRIPT
    return output.replace("</body>", f'<script src="{script}" defer></script>\n</body>', 1)


# -----------------------------------------------------------------------------
# Helpers (readable() and min_width() are also used by the tests)
# -----------------------------------------------------------------------------

_FIGURE = '<figure class="diagram">'
_SCROLLER = '<div class="diagram__scroll">'
_DIAGRAM = re.compile(r'<figure class="diagram">(?P<svg><svg\b.*?</svg>)</figure>', re.DOTALL)
_VIEW_BOX = re.compile(r'viewBox="[-0-9.]+ [-0-9.]+ (?P<width>[0-9.]+) [0-9.]+"')
# Font sizes in the diagram's own stylesheet. Mermaid also styles a tooltip <div> it never draws.
_RULE = re.compile(r"(?P<selector>[^{}]+)\{(?P<body>[^{}]*)\}")
_FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)px")
_FONT_SIZE_ATTRIBUTE = re.compile(r'<text\b[^>]*\bfont-size="([0-9.]+)(?:px)?"')
_ROOT_STYLE = re.compile(r'^(<svg\b[^>]*?\bstyle=")')


def readable(svg: str) -> str:
    """The diagram's figure: its SVG never narrower than min_width(), in a sideways-scrolling box."""
    width = min_width(svg)
    if width:
        svg = _ROOT_STYLE.sub(rf"\g<1>min-width: {width}px; ", svg, count=1)
    return f"{_FIGURE}{_SCROLLER}{svg}</div></figure>"


def min_width(svg: str) -> int | None:
    """CSS pixels the SVG needs so that its smallest text is MIN_TEXT_PX (None: no text or no viewBox)."""
    view_box = _VIEW_BOX.search(svg)
    sizes = _font_sizes(svg)
    if not view_box or not sizes:
        return None
    return math.ceil(float(view_box.group("width")) * MIN_TEXT_PX / min(sizes))


def _font_sizes(svg: str) -> list[float]:
    style = svg[svg.find("<style>") : svg.find("</style>")]
    sizes = [
        float(size)
        for rule in _RULE.finditer(style)
        if "div." not in rule.group("selector")
        for size in _FONT_SIZE.findall(rule.group("body"))
    ]
    return sizes + [float(size) for size in _FONT_SIZE_ATTRIBUTE.findall(svg)]
