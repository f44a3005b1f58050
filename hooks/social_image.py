"""The picture a chat or social site shows for a shared link: one 1200×630 PNG per language.

Rendered at build time from an SVG drawn here (the logo, the site's name and its description in
the language being built), rasterised by mermaidx's svg_to_png (already used for diagrams; no
service, no new dependency), written to `assets/images/social-<language>.png`.
overrides/partials/social.html points og:image and twitter:image at it. The same text and
fonts give the same bytes, so two builds give the same file.
"""

from __future__ import annotations

import textwrap
from html import escape
from pathlib import Path

from mermaidx import svg_to_png
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

WIDTH, HEIGHT = 1200, 630
LOGO = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "images" / "logo.svg"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_post_build(*, config: MkDocsConfig) -> None:
    language = config.theme["language"]
    target = Path(config.site_dir) / image_path(language)
    png = render(card_svg(config.site_name, config.site_description or ""))
    if not target.is_file() or target.read_bytes() != png:  # untouched: `make serve` sees no change
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)


# -----------------------------------------------------------------------------
# Helpers (also used by the tests)
# -----------------------------------------------------------------------------


def image_path(language: str) -> str:
    """Where a language's card is, relative to the site root (social.html builds the same URL)."""
    return f"assets/images/social-{language}.png"


def card_svg(name: str, tagline: str) -> str:
    """The card: logo, name (up to 2 lines), tagline (up to 4 lines), on the site's indigo."""
    logo = LOGO.read_text(encoding="utf-8").replace("<svg ", '<svg x="80" y="70" width="112" height="112" ', 1)
    lines = [
        f'<text x="80" y="{280 + 76 * i}" class="name">{escape(line)}</text>'
        for i, line in enumerate(_wrap(name, 26, 2))
    ]
    top = 280 + 76 * (len(lines) - 1) + 80
    lines += [
        f'<text x="80" y="{top + 46 * i}" class="tagline">{escape(line)}</text>'
        for i, line in enumerate(_wrap(tagline, 52, 4))
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">'
        "<style>text{font-family:'DejaVu Sans',sans-serif}"
        ".name{font-size:64px;font-weight:bold;fill:#fff}.tagline{font-size:34px;fill:#e8eaf6}</style>"
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#283593"/>'
        f'<rect y="{HEIGHT - 16}" width="{WIDTH}" height="16" fill="#9fa8da"/>'
        f"{logo}{''.join(lines)}</svg>"
    )


def render(svg: str) -> bytes:
    return svg_to_png(svg, width=WIDTH, height=HEIGHT)


def _wrap(text: str, width: int, most: int) -> list[str]:
    """Lines of at most `width` characters; a text longer than `most` lines ends with "…"."""
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return lines
