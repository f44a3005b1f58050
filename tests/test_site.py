"""Checks on the real site, built once with `mkdocs build --strict` (the `real_site` fixture)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from tests.sitebuilder import ROOT, build

DOCS = ROOT / "docs"
# Tags that make the browser fetch something, pointing at another host (a canonical link fetches nothing).
EXTERNAL_ASSET = re.compile(
    r'<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc="(?:https?:)?//[^"]*"'
    r'|<link\b(?![^>]*rel="canonical")[^>]*\bhref="(?:https?:)?//[^"]*"',
    re.I,
)
CDN_HOSTS = ("unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com", "fonts.googleapis.com", "fonts.gstatic.com")


def _english_sources() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".ru.md") and "snippets" not in p.parts)


def _html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def test_every_page_has_a_russian_twin():
    missing = [str(p.relative_to(DOCS)) for p in _english_sources() if not p.with_name(p.stem + ".ru.md").is_file()]
    assert not missing, f"pages without a .ru.md twin: {missing}"


def test_every_built_english_page_has_a_built_russian_page(real_site):
    site = real_site.site
    english = [p for p in _html_pages(site) if not p.relative_to(site).as_posix().startswith("ru/")]
    assert len(english) >= len(_english_sources())
    missing = [str(p.relative_to(site)) for p in english if not (site / "ru" / p.relative_to(site)).is_file()]
    assert not missing, f"no Russian build of: {missing}"


def test_html_lang_and_russian_interface(real_site):
    home = real_site.page("index.html")
    russian_home = real_site.page("ru/index.html")
    assert '<html lang="en"' in home
    assert '<html lang="ru"' in russian_home
    assert 'placeholder="Поиск"' in russian_home, "Material's interface is not in Russian on Russian pages"
    assert 'placeholder="Search"' in home


def test_no_raw_tex_or_mermaid_left(real_site):
    for page in _html_pages(real_site.site):
        html = page.read_text(encoding="utf-8")
        assert '<pre class="mermaid">' not in html, f"unrendered Mermaid in {page}"
        assert not re.search(r'class="arithmatex">\\[(\[]', html), f"unrendered TeX in {page}"


def test_math_and_diagrams_are_rendered_somewhere(real_site):
    htmls = [p.read_text(encoding="utf-8") for p in _html_pages(real_site.site)]
    assert sum(h.count('class="katex"') for h in htmls) > 50
    # A diagram is its SVG in a figure, directly or inside the sideways-scrolling box.
    rendered = re.compile(r'<figure class="diagram">(?:<div class="diagram__scroll"[^>]*>)?<svg')
    assert sum(len(rendered.findall(h)) for h in htmls) >= 4


def test_no_asset_or_link_to_a_cdn(real_site):
    for path in real_site.site.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            external = EXTERNAL_ASSET.findall(text)
            assert not external, f"{path} loads assets from other hosts: {external}"
            assert not [host for host in CDN_HOSTS if host in text], f"{path} names a CDN"
            # Material's bundle loads mermaid.js from unpkg when a page has a .mermaid element.
            assert 'class="mermaid"' not in text, f"{path} would make Material fetch mermaid.js"
        elif path.suffix == ".css":
            external = re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]*\)", path.read_text(encoding="utf-8"))
            assert not external, f"{path} loads {external}"
    assert not list(real_site.site.rglob("mermaid*.js")), "mermaid.js must not be served"


def test_katex_css_and_every_font_it_names_are_served(real_site):
    css_path = real_site.site / "assets" / "katex" / "katex.min.css"
    css = css_path.read_text(encoding="utf-8")
    fonts = set(re.findall(r"url\((fonts/[^)]+)\)", css))
    assert len(fonts) > 20
    missing = [font for font in fonts if not (css_path.parent / font).is_file()]
    assert not missing, f"fonts named by katex.min.css but not served: {missing}"


def test_each_language_has_its_own_search_index(real_site):
    english = json.loads((real_site.site / "search" / "search_index.full.json").read_text(encoding="utf-8"))
    russian = json.loads((real_site.site / "ru" / "search" / "search_index.full.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]
    assert russian["config"]["lang"] == ["ru", "en"]
    assert "stemmer" in english["config"]["pipeline"]
    assert not [d for d in english["docs"] if d["location"].startswith("ru/")]
    cyrillic = re.compile("[а-яА-Я]")
    assert not [d["location"] for d in english["docs"] if d["location"] and cyrillic.search(d["title"])]
    assert len(russian["docs"]) > 100 and all(
        cyrillic.search(json.dumps(d, ensure_ascii=False)) for d in russian["docs"][:5]
    )


def test_search_sees_tex_not_katex_markup(real_site):
    index = (real_site.site / "search" / "search_index.full.json").read_text(encoding="utf-8")
    assert "katex" not in index
    assert "\\\\frac" in index, "formulas should stay searchable as TeX"


def test_no_head_hreflang_links_that_make_material_fetch_sitemaps(real_site):
    for page in _html_pages(real_site.site)[:20]:
        assert 'rel="alternate" href' not in page.read_text(encoding="utf-8"), page
    assert "hreflang" in (real_site.site / "sitemap.xml").read_text(encoding="utf-8")


def test_two_builds_give_identical_files(real_site, tmp_path):
    again = build(ROOT, site=tmp_path / "again")
    assert again.returncode == 0, again.log[-3000:]
    assert _tree_digest(real_site.site) == _tree_digest(again.site)


def _tree_digest(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }
