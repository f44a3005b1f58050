"""The final HTML of a page, parsed once: hooks/content_safety.py and hooks/links.py both read it.

Not a hook (mkdocs.yml does not list it): a helper module the hooks import. The parser is lexbor
(through selectolax), an HTML5 parser that builds the tree a browser builds, quickly.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

_last: tuple[str, LexborHTMLParser] | None = None


def parse(html: str) -> LexborHTMLParser:
    """The page's tree; the same string twice in a row (two hooks reading one page) is parsed once."""
    global _last
    if _last is None or _last[0] is not html:
        _last = (html, LexborHTMLParser(html))
    return _last[1]
