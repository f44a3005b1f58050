"""What the site ships is safe: every built page's final HTML is checked against an allow-list.

Pages come through pull requests from people we do not know, and what reaches the reader is the
HTML after Markdown, attribute lists, includes, templates, front matter and Mermaid have all had
their say. So this hook runs last, on the final HTML of every page, parsed by an HTML5 parser
(lexbor, through selectolax: it builds the same tree a browser does, and fast), and reports:

- any element not on the allow-list of what Markdown, Material, KaTeX and Mermaid produce, and
  always `<base>`, `<meta http-equiv>`, `<object>`, `<embed>`, `<iframe>`, `<form>` in content;
- any `<script>` but the theme's own: a file under `assets/javascripts/` of this site, Material's
  JSON config, or one of Material's inline scripts (known by hash);
- any `on*` event-handler attribute;
- any URL whose scheme, after the parser decoded its entities and control characters and spaces
  were dropped, is not http(s) or mailto (or a data: image in an `<img>`);
- any resource the browser would load from another host: `src`, `srcset`, `poster`, `data`,
  SVG `href`, `<link>` other than canonical/prev/next, and `url()`/`@import` in `<style>` and
  `style=` (read with a CSS tokenizer). Plain `<a href>` links to other sites are fine.

Each problem is a warning naming the source page, the element and how to fix it, with the line
of the Markdown source when the offending text is written there, so `mkdocs build --strict` fails.
The page is also made harmless, so that `make serve` or a non-strict build never ships the
problem: the offending attribute or element is removed (an element in the body leaves a visible
"[removed …]" note where it was).

External links in page content get `rel="noopener noreferrer"` and the class `external`
(site.css draws a marker after them).
"""

from __future__ import annotations

import hashlib
import re

import tinycss2
from built_html import parse
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from selectolax.lexbor import LexborNode

log = get_plugin_logger(__name__)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _EXTERNAL_LINK.sub(r'<a class="external" rel="noopener noreferrer" \1', html)


@event_priority(-1000)  # last: after every other hook has changed the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    found = problems(output)
    for problem in found:
        log.warning(f"Doc file '{page.file.src_uri}'{_line_of(problem, page)}: {problem.message}")
    return harmless(output, found) if found else output


# -----------------------------------------------------------------------------
# Helpers (problems() is also used by the tests)
# -----------------------------------------------------------------------------

_EXTERNAL_LINK = re.compile(r'<a (href="https?://[^"]*")')

# Every element Markdown, pymdownx, Material, KaTeX (HTML + MathML) and Mermaid (SVG) produce here.
ALLOWED_TAGS = {
    *"html head title meta link style script body header footer main nav article aside section div span".split(),
    *"p a em strong b i u s del ins sub sup small mark abbr cite q code kbd samp var pre br hr wbr".split(),
    *"h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote figure figcaption img picture source details summary".split(),
    *"table thead tbody tfoot tr th td caption colgroup col label input button progress time".split(),
    *"svg g path rect circle ellipse line polyline polygon text tspan defs marker style linearGradient".split(),
    *"radialGradient stop filter feDropShadow feGaussianBlur feOffset feMerge feMergeNode clipPath use".split(),
    *"foreignObject title desc symbol".split(),
    *"math semantics annotation mrow mi mn mo ms mtext mspace msqrt mroot mfrac msub msup msubsup".split(),
    *"munder mover munderover mtable mtr mtd mstyle mpadded mphantom menclose merror".split(),
    "-comment",
}
FORBIDDEN_TAGS = {"base", "object", "embed", "iframe", "frame", "frameset", "applet", "portal"}
THEME_ONLY_TAGS = {"form"}  # Material's search form; never in a page's content
URL_ATTRIBUTES = {
    *"href src srcset action formaction data poster cite background longdesc manifest ping".split(),
    *"codebase archive usemap lowsrc dynsrc imagesrcset xlink:href".split(),
}
# Attributes whose URL the browser fetches as the page loads (`href` counts on <link> and SVG elements).
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "imagesrcset", "ping"}
NAVIGATION_RELS = {"canonical", "prev", "next", "alternate", "author", "license", "me"}
SAFE_SCHEMES = {"http", "https", "mailto"}
# Material's inline scripts (base.html), their base URL replaced by ".": sha256 of the text, 16 hex.
# A Material upgrade changes them: compare the new scripts with the old ones, then update the hashes.
THEME_SCRIPTS = {"6a9a103c779f08d5", "0eb10c249dbdb0be", "ffcc0f7735fdab43"}
THEME_SCRIPT_FOLDER = "assets/javascripts/"

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


# CSS can load something only through url(), @import or image-set(), or a name hidden by an escape:
# a style attribute without any of these (most are KaTeX's heights and widths) needs no tokenizing.
_MAY_LOAD = re.compile(r"url|import|image|\\", re.IGNORECASE)
_KNOWN = ALLOWED_TAGS | THEME_ONLY_TAGS
# Attributes that hold neither a URL, a style nor a script: skipped without a look (a page has tens
# of thousands, mostly KaTeX's and Mermaid's).
_HARMLESS_ATTRIBUTES = {
    *"class id title lang dir role tabindex hidden aria-hidden aria-label aria-labelledby width height".split(),
    *"d x y x1 x2 y1 y2 cx cy r rx ry dx dy transform fill stroke stroke-width points viewBox xmlns".split(),
    *"mathvariant stretchy encoding fence separator lspace rspace accent displaystyle scriptlevel".split(),
}
_PLAIN = ALLOWED_TAGS - {"script", "style", "meta", "link", "base", "pre"}
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
_BASE_PATH = re.compile(r'new URL\("[^"]*",location\)')
_DATA_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|webp|avif);", re.IGNORECASE)


class Problem:
    """What is wrong, the text of the page source that would show where it was written, and the
    element (with the attribute, if the attribute alone is the problem) to take out."""

    def __init__(self, message: str, evidence: str = "", attribute: str | None = None):
        self.message, self.evidence, self.attribute = message, evidence, attribute
        self.node: LexborNode | None = None

    def __repr__(self) -> str:
        return f"Problem({self.message!r})"


def problems(html: str) -> list[Problem]:
    """Every problem of a built page (see the module docstring)."""
    found: list[Problem] = []
    for node in parse(html).root.traverse(include_text=False):
        for problem in _element_problems(node):
            problem.node = node
            found.append(problem)
    return found


def harmless(html: str, found: list[Problem]) -> str:
    """The page with what `problems(html)` found taken out: attributes first, then whole elements
    (an element inside one already removed is skipped: it went with it)."""
    for problem in found:
        if problem.attribute and problem.attribute in problem.node.attributes:
            del problem.node.attrs[problem.attribute]
    removed: set[int] = set()
    for problem in found:
        if problem.attribute or _inside(problem.node, removed):
            continue
        removed.add(problem.node.mem_id)
        if problem.node.tag in _HEAD_TAGS:
            problem.node.decompose()
        else:
            problem.node.replace_with(f"[removed <{problem.node.tag}>: see the build log]")
    return parse(html).html


_HEAD_TAGS = {"script", "style", "link", "meta", "base"}


def _inside(node: LexborNode, removed: set[int]) -> bool:
    while node is not None:
        if node.mem_id in removed:
            return True
        node = node.parent
    return False


def _element_problems(node: LexborNode) -> list[Problem]:
    tag = node.tag
    attributes = node.attributes
    if tag in _PLAIN and not attributes:
        return []  # most of a page: text spans and KaTeX's boxes
    found = []
    if tag not in _KNOWN or tag in FORBIDDEN_TAGS or (tag in THEME_ONLY_TAGS and _in_content(node)):
        found.append(
            Problem(
                f"the page contains a <{tag}> element, which is not allowed. Use Markdown; embed nothing.", f"<{tag}"
            )
        )
    elif tag == "meta" and any(name.lower() == "http-equiv" for name in attributes):
        found.append(Problem("a <meta http-equiv> (refresh or policy) is not allowed in pages.", "http-equiv"))
    elif tag == "script":
        found += _script_problems(node, attributes)
    elif tag == "style" and _MAY_LOAD.search(css := node.text(deep=True)):
        found += _css_problems(css, "a <style> element")
    elif tag == "pre" and "mermaid" in (attributes.get("class") or "").split():
        found.append(
            Problem(
                'a <pre class="mermaid"> makes the theme load mermaid.js from unpkg.com. Write diagrams as '
                "```mermaid fences: the build renders them.",
                'class="mermaid"',
                attribute="class",
            )
        )
    for name, value in attributes.items():
        if name in _HARMLESS_ATTRIBUTES:
            continue
        name = name.lower()
        if name.startswith("on"):
            found.append(
                Problem(
                    f"<{tag}> has an event handler '{name}': pages run no script of their own. Remove it.",
                    name,
                    attribute=name,
                )
            )
        elif name == "style" and value and _MAY_LOAD.search(value):
            found += [
                Problem(problem.message, problem.evidence, attribute=name)
                for problem in _css_problems(value, f"the style attribute of <{tag}>")
            ]
        elif name in URL_ATTRIBUTES and value is not None:
            found += [
                problem if tag in _HEAD_TAGS else Problem(problem.message, problem.evidence, attribute=name)
                for problem in _url_problems(tag, name, value, attributes)
            ]
    return found


def _script_problems(node: LexborNode, attributes: dict) -> list[Problem]:
    source = attributes.get("src")
    if source is not None:
        if _is_relative(source) and THEME_SCRIPT_FOLDER in source and ".." not in source.split(THEME_SCRIPT_FOLDER)[1]:
            return []
        return [Problem(f'a <script src="{source}"> is not the site\'s own script: pages run no script.', source)]
    if attributes.get("type") == "application/json" and attributes.get("id") == "__config":
        return []
    text = _BASE_PATH.sub('new URL(".",location)', node.text(deep=True))
    if hashlib.sha256(text.encode()).hexdigest()[:16] in THEME_SCRIPTS:
        return []
    return [Problem("an inline <script> is not one of the theme's: pages run no script. Remove it.", "<script")]


def _url_problems(tag: str, name: str, value: str, attributes: dict) -> list[Problem]:
    urls = (
        [candidate.split()[0] for candidate in value.split(",") if candidate.split()] if "srcset" in name else [value]
    )
    found = []
    for url in urls:
        cleaned = _IGNORED_IN_URLS.sub("", url)
        scheme = _SCHEME.match(cleaned)
        if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
            if tag == "img" and name == "src" and _DATA_IMAGE.match(cleaned):
                continue
            found.append(
                Problem(
                    f"<{tag} {name}> has a '{scheme.group(1).lower()}:' URL. Only http(s), mailto and relative "
                    f"links are allowed.",
                    url.strip()[:40],
                )
            )
        elif _loads(tag, name, attributes) and not _is_relative(cleaned):
            found.append(
                Problem(
                    f'<{tag} {name}="{url.strip()[:80]}"> makes the reader\'s browser load a file from another '
                    f"host. Put the file in the repository and link it relatively, or link to it with a plain link.",
                    url.strip()[:60],
                )
            )
    return found


def _loads(tag: str, name: str, attributes: dict) -> bool:
    if name in LOADING_ATTRIBUTES:
        return True
    if tag == "link" and name == "href":
        rels = set((attributes.get("rel") or "").lower().split())
        return not rels or not rels <= NAVIGATION_RELS
    return name in ("href", "xlink:href") and tag not in ("a", "link", "area")


def _css_problems(css: str, where: str) -> list[Problem]:
    found = []
    for url in _css_urls(tinycss2.parse_component_value_list(css, skip_comments=True)):
        cleaned = _IGNORED_IN_URLS.sub("", url)
        if not _is_relative(cleaned) and not _DATA_IMAGE.match(cleaned):
            found.append(
                Problem(
                    f"{where} loads '{url[:80]}' from another host (url() or @import). Keep styles to the site's "
                    f"own files.",
                    url[:60],
                )
            )
    return found


def _css_urls(tokens) -> list[str]:
    """Every URL in CSS tokens: url(…) in any form, and the target of @import, nested blocks included."""
    urls, importing = [], False
    for token in tokens:
        if token.type == "whitespace":
            continue
        if importing and token.type in ("string", "url"):
            urls.append(token.value)
        importing = token.type == "at-keyword" and token.lower_value == "import"
        if token.type == "url":
            urls.append(token.value)
        elif token.type == "function":
            if token.lower_name in ("url", "src", "image-set", "-webkit-image-set", "image", "cross-fade"):
                urls += [argument.value for argument in token.arguments if argument.type == "string"]
            urls += _css_urls(token.arguments)
        elif token.type in ("() block", "[] block", "{} block"):
            urls += _css_urls(token.content)
    return urls


def _in_content(node: LexborNode) -> bool:
    while node is not None:
        if "md-content" in (node.attributes.get("class") or "").split():
            return True
        node = node.parent
    return False


def _is_relative(url: str) -> bool:
    return not _SCHEME.match(url) and not url.startswith(("//", "\\\\", "/\\", "\\/"))


def _line_of(problem: Problem, page: Page) -> str:
    """', line N' of the page's live Markdown (code examples aside) that writes the offending text,
    when exactly one line does."""
    needle = problem.evidence.strip().lower()
    if not needle:
        return ""
    live = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), _FENCE.sub(_blank_lines, page.file.content_string))
    lines = [number for number, line in enumerate(live.splitlines(), 1) if needle in line.lower()]
    return f", line {lines[0]}" if len(lines) == 1 else ""


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[ \t]*$", re.DOTALL | re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)[^`\n].*?\1")


def _blank_lines(match: re.Match) -> str:
    return "\n" * match.group(0).count("\n")
