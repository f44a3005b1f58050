"""Render ```mermaid fences to inline SVG at build time with Mermaid's own renderer (mermaidx).

No mermaid.js is served. Each SVG is cached in `cache/diagrams/` under the hash of (source,
renderer, config), and the cache is committed: contributors who do not touch a diagram never run
the renderer. A full `mkdocs build` deletes the cached SVGs no page uses any more.

Each diagram of a page's own Markdown is checked where it is written, so problems name the real
line: invalid Mermaid (with the line of Mermaid's parse error), a fence with attributes
(```` ```mermaid title="…" ```` would ship as code), and `%%{init}` directives or front-matter config
(they can set CSS and fonts that load from other hosts; the site sets the theme). Each is a warning,
which fails `mkdocs build --strict`. Renders are deterministic: Math.random is seeded for every
diagram, so two renders give the same SVG (gitGraph commit ids included).
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
import json
import re
from pathlib import Path

from language_builds import outer_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from values import unmarked

log = get_plugin_logger(__name__)

RENDERER = f"mermaidx {importlib.metadata.version('mermaidx')}, seeded random"
# SVG <text> labels instead of HTML in <foreignObject>: they render without a browser engine's
# HTML layout, scale with the SVG and stay readable when printed.
MERMAID_CONFIG = {"htmlLabels": False, "flowchart": {"htmlLabels": False}, "theme": "neutral"}
# The same xorshift sequence before every render: Mermaid draws ids (gitGraph commits) from Math.random.
SEEDED_RANDOM = (
    "Math.random = (() => { let s = 2463534242; "
    "return () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; }; })();\n"
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    global _prune
    _prune = command == "build" and not dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _cache_dir
    _cache_dir = Path(config.config_file_path).parent / "cache" / "diagrams"
    if outer_build(config):  # the first language of a build
        _used.clear()
        _reported.clear()
    return config


@event_priority(80)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    for problem in problems(unmarked(page.file.content_string)):
        log.warning(f"Doc file '{page.file.src_uri}', {problem}")
    return markdown


def on_page_content(html_content: str, *, page: Page, config: MkDocsConfig, **_) -> str:
    if '<pre class="mermaid">' not in html_content:
        return html_content
    return _PRE.sub(lambda match: _render_match(match, page), html_content)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(*, config: MkDocsConfig) -> None:
    if not outer_build(config) or not _prune or _cache_dir is None or not _cache_dir.is_dir():
        return
    for cached in _cache_dir.glob("*.svg"):
        if cached.stem not in _used:
            cached.unlink()
            log.info(f"removed the unused cached diagram {cached.name}")


# -----------------------------------------------------------------------------
# Helpers (render_svg(), key() and problems() are also used by the tests)
# -----------------------------------------------------------------------------

_cache_dir: Path | None = None
_prune = False
_used: set[str] = set()  # cache keys of the diagrams this build shows
_reported: set[str] = set()  # sources whose problem was reported at their line

_PRE = re.compile(r'<pre class="mermaid"><code>(?P<source>.*?)</code></pre>', re.DOTALL)
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*)$", re.MULTILINE)
_DIRECTIVE = re.compile(r"%%\s*\{|\A\s*---")
_PARSE_LINE = re.compile(r"Parse error on line (\d+)")


def key(source: str) -> str:
    return hashlib.sha256(json.dumps([source, RENDERER, MERMAID_CONFIG]).encode()).hexdigest()[:16]


def render_svg(source: str) -> str:
    """SVG for a Mermaid source, from the cache or the renderer; raises RuntimeError on bad input."""
    name = key(source)
    _used.add(name)
    cached = _cache_dir / f"{name}.svg" if _cache_dir else None
    if cached and cached.is_file():
        return _fit(cached.read_text(encoding="utf-8"), name)
    svg = _renderer().render(source, config=MERMAID_CONFIG).svg()
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(svg, encoding="utf-8")
    return _fit(svg, name)


def problems(markdown: str) -> list[str]:
    """'line N: …' for each Mermaid fence of a page's Markdown that cannot be shown as a diagram."""
    found = []
    for line, info, source in _diagrams(markdown):
        if info.strip() != "mermaid":
            found.append(
                f"line {line}: a ```mermaid fence takes no attributes ('{info.strip()}'); the diagram would "
                f"ship as code. Put a title in the text above the diagram."
            )
        elif refusal := _refusal(source):
            found.append(f"line {line}: {refusal}")
        else:
            try:
                render_svg(source)
                continue
            except RuntimeError as error:
                message = str(error).removeprefix("Mermaid rendering failed: ")
                where = _PARSE_LINE.search(message)
                found.append(
                    f"line {line + int(where.group(1)) if where else line}: invalid Mermaid diagram: {message}\n"
                    f"Fix the diagram syntax (https://mermaid.js.org/intro/syntax-reference.html)."
                )
        _reported.add(source)
    return found


def _diagrams(markdown: str):
    """(line of the fence, its info string, the diagram source) for each Mermaid fence, in order."""
    lines = markdown.split("\n")
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        index += 1
        if not opening:
            continue
        indent, fence = opening["indent"], opening["fence"]
        body = []
        while index < len(lines):
            closing = _FENCE.match(lines[index])
            if closing and closing["fence"].startswith(fence) and not closing["info"].strip():
                break
            body.append(lines[index][len(indent) :] if lines[index].startswith(indent) else lines[index].lstrip())
            index += 1
        index += 1
        first = opening["info"].strip().split(" ")[0].lstrip("{.").rstrip("}")
        if first == "mermaid":
            yield index - len(body) - 1, opening["info"], "\n".join(body)  # as superfences hands it over


def _renderer():
    """mermaidx, with every render starting from the same Math.random sequence (imported on a cache
    miss only: starting its JS engine costs ~0.5 s)."""
    import mermaidx
    from mermaidx.engines import quickjs_engine

    if not getattr(quickjs_engine.render_script, "seeded", False):
        unseeded = quickjs_engine.render_script

        def seeded(*arguments):
            return SEEDED_RANDOM + unseeded(*arguments)

        seeded.seeded = True
        quickjs_engine.render_script = seeded
    return mermaidx


def _fit(svg: str, name: str) -> str:
    """Give the renderer's SVG a unique id and its natural size.

    mermaidx names every SVG "my-svg", so two diagrams on a page would share one stylesheet
    scope. Mermaid's width="100%" blows a small diagram up to the column's width; at its
    natural size it only shrinks, to fit a narrow column (see site.css).
    """
    svg = svg.replace("my-svg", f"diagram-{name}")
    view_box = _VIEW_BOX.search(svg)
    if view_box:
        width, height = view_box.group(1), view_box.group(2)
        svg = svg.replace('width="100%"', f'width="{width}" height="{height}"', 1)
    return svg


_VIEW_BOX = re.compile(r'viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)"')


def _render_match(match: re.Match, page: Page) -> str:
    """The diagram's SVG; a refused or invalid one stays as plain code (a <pre class="mermaid"> would
    make the theme fetch mermaid.js from a CDN)."""
    source = html.unescape(match.group("source"))
    refusal = _refusal(source)
    try:
        if refusal:
            raise RuntimeError(refusal)
        svg = render_svg(source)
    except RuntimeError as error:
        if source not in _reported:  # not from the page's own Markdown (an include): no line to name
            log.warning(f"Doc file '{page.file.src_uri}': Mermaid diagram not shown: {error}")
        return f"<pre><code>{match.group('source')}</code></pre>"
    return f'<figure class="diagram">{svg}</figure>'


def _refusal(source: str) -> str | None:
    if _DIRECTIVE.search(source):
        return (
            "Mermaid init directives (%%{…}%%) and front-matter config are not allowed: they can load CSS "
            "and fonts from other hosts. The site sets the theme; remove them."
        )
    return None
