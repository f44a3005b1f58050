"""Unit tests of the build hooks' helpers (the fixture-site tests cover them end to end)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.modules import load
from tests.sitebuilder import ROOT


def _hook(name: str):
    return load(f"hooks/{name}.py")


# -----------------------------------------------------------------------------
# math
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def katex():
    math = _hook("formulas")
    return math, math._Katex(ROOT / "node_modules" / "katex" / "dist")


def test_katex_renders_html_and_mathml(katex):
    _, renderer = katex
    html = renderer.render(r"\frac{a}{b}", display=True)
    assert html.startswith('<span class="katex-display">')
    assert "<math" in html and 'class="mfrac"' in html
    assert renderer.version == json.loads((ROOT / "package.json").read_text())["dependencies"]["katex"]


def test_katex_rejects_bad_tex(katex):
    math, renderer = katex
    with pytest.raises(ValueError, match="KaTeX parse error"):
        renderer.render(r"\frac{1}{", display=False)


def test_formula_pattern_takes_inline_and_display_and_leaves_other_markup(katex):
    math, _ = katex
    html = (
        '<p><span class="arithmatex">\\(a&lt;b\\)</span></p>'
        '<div class="arithmatex">\\[x^2\\]</div><span>\\(no\\)</span>'
    )
    matches = list(math._FORMULA.finditer(html))
    assert [(m.group("inline"), m.group("display")) for m in matches] == [("a&lt;b", None), (None, "x^2")]


def test_relative_root_reaches_the_site_root_from_any_page(katex):
    math, _ = katex

    class Page:
        def __init__(self, url):
            self.url = url

    assert math._relative_root(Page("")) == ""
    assert math._relative_root(Page("ru/")) == "../"
    assert math._relative_root(Page("ru/questions/probability/")) == "../../../"


# -----------------------------------------------------------------------------
# diagrams
# -----------------------------------------------------------------------------


def test_mermaid_renders_cyrillic_labels_with_unique_ids(tmp_path):
    diagrams = _hook("diagrams")
    diagrams._cache_dir = tmp_path
    svg = diagrams.render_svg('flowchart LR\n  A["Рекрутер"] --> B["Квиз"]\n')
    assert svg.startswith("<svg") and "Рекрутер" in svg and "foreignObject" not in svg
    assert "my-svg" not in svg and re.search(r'id="diagram-[0-9a-f]{16}"', svg)
    assert len(list(tmp_path.glob("*.svg"))) == 1, "the SVG should be cached"


def test_mermaid_cache_is_used_and_keyed_by_source(tmp_path):
    diagrams = _hook("diagrams")
    diagrams._cache_dir = tmp_path
    source = "flowchart LR\n  A --> B\n"
    first = diagrams.render_svg(source)
    cached = next(tmp_path.glob("*.svg"))
    cached.write_text("<svg>from cache</svg>", encoding="utf-8")
    assert diagrams.render_svg(source) == "<svg>from cache</svg>"
    assert diagrams.render_svg(source + "  B --> C\n") != first
    assert len(list(tmp_path.glob("*.svg"))) == 2


def test_bad_mermaid_raises_the_parse_error(tmp_path):
    diagrams = _hook("diagrams")
    diagrams._cache_dir = tmp_path
    with pytest.raises(RuntimeError, match="Parse error on line"):
        diagrams.render_svg('flowchart LR\n  A["open --> B\n')
    assert not list(tmp_path.glob("*.svg")), "a failed render must not be cached"


def test_every_committed_diagram_svg_is_well_formed():
    import xml.etree.ElementTree as ElementTree

    svgs = list((ROOT / "cache" / "diagrams").glob("*.svg"))
    assert svgs
    for svg in svgs:
        ElementTree.fromstring(svg.read_text(encoding="utf-8"))


# -----------------------------------------------------------------------------
# search_i18n
# -----------------------------------------------------------------------------


def test_search_index_is_split_by_language(tmp_path):
    search = _hook("search_i18n")
    merged = {
        "config": {"lang": ["en", "ru"], "pipeline": ["stemmer"]},
        "docs": [
            {"location": "", "title": "Home", "text": "x"},
            {"location": "ru/", "title": "Главная", "text": "x"},
            {"location": "ru/a/#b", "title": "Б", "text": "x"},
            {"location": "rules/", "title": "Rules", "text": "x"},
        ],
    }
    search._write_index(tmp_path, merged, "en", "en")
    search._write_index(tmp_path, merged, "ru", "en")
    english = json.loads((tmp_path / "search" / "search_index.full.json").read_text(encoding="utf-8"))
    russian_text = (tmp_path / "ru" / "search" / "search_index.full.json").read_text(encoding="utf-8")
    russian = json.loads(russian_text)
    assert [d["location"] for d in english["docs"]] == ["", "rules/"]
    assert [d["location"] for d in russian["docs"]] == ["", "a/#b"]
    assert english["config"]["lang"] == ["en"] and russian["config"]["lang"] == ["ru", "en"]
    assert "Главная" in russian_text, "the index should be UTF-8, not \\u escapes"
    # What every page load fetches is a stub naming the full index, from the site root.
    stub = json.loads((tmp_path / "ru" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["full_index"] == "ru/search/search_index.full.json"
    assert (tmp_path / stub["config"]["full_index"]).is_file()


def test_search_index_for_an_unknown_language_raises(tmp_path):
    search = _hook("search_i18n")
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="'de'"):
        search._write_index(tmp_path, {"config": {}, "docs": [{"location": "de/"}]}, "de", "en")


def test_worker_wrapper_loads_the_material_worker_that_is_installed():
    wrapper = (ROOT / "overrides" / "assets" / "javascripts" / "workers" / "search-i18n.js").read_text()
    name = re.search(r'MATERIAL_WORKER = "([^"]+)"', wrapper).group(1)
    import material

    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    assert (workers / name).is_file(), f"{name} is not in the installed mkdocs-material: update search-i18n.js"


# -----------------------------------------------------------------------------
# links
# -----------------------------------------------------------------------------


@pytest.fixture
def tiny_site(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="there">x</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "url, problem",
    [
        ("a/", None),
        ("a/#there", None),
        ("#", None),
        ("https://example.org/x", None),
        ("mailto:someone@example.org", None),
        ("/guide/a/", None),
        ("a/#nowhere", "anchor '#nowhere'"),
        ("b/", "not in the built site"),
        ("../outside/", "outside the site"),
        ("/elsewhere/a/", "outside the site's path"),
    ],
)
def test_link_check(tiny_site, url, problem):
    links = _hook("links")
    found = links._check(url, tiny_site / "index.html", tiny_site.resolve(), "/guide/")
    if problem is None:
        assert found is None
    else:
        assert found and problem in found, found
