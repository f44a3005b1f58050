"""Reading on a phone (issue 14), in a real browser at 390 px and on a desktop: diagram text size, the
diagram viewer, the dark diagram palette, wide formulas, the glossary, code blocks, checklists.

Each check is a function that measures, and each has a test that feeds it bad input and sees it fail.
"""

from __future__ import annotations

import re

import pytest

from tests.modules import load

VIEWER = load("hooks/diagram_viewer.py")

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
DESIGN_PAGE = "questions/design/fault-tolerant-training/"  # a wide diagram and a code block
FORMULA_PAGE = "questions/probability/central-limit-theorem/"
WIDE_FORMULA = r"z = \frac{369.5"  # the start of its TeX: wider than a phone
NARROW_FORMULA = r"\sup_x"
CHECKLIST_PAGE = "preparation/plan/"
SCRIPT = "diagram-viewer.js"


def _context(browser, viewport=PHONE, scheme="light"):
    return browser.new_context(viewport=viewport, color_scheme=scheme)


def _open(context, url: str):
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # answers start collapsed
    return page


def _diagram_pages(real_site) -> list[str]:
    pages = [
        path.relative_to(real_site.site).parent.as_posix() + "/"
        for path in real_site.site.rglob("index.html")
        if '<figure class="diagram">' in path.read_text(encoding="utf-8")
    ]
    return sorted(pages)


# -----------------------------------------------------------------------------
# Diagram text size
# -----------------------------------------------------------------------------

# The size on screen of every non-empty <text> of every diagram: computed font size × the SVG's scale.
SMALLEST_TEXT = """() => [...document.querySelectorAll('figure.diagram svg')].map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].filter(text => text.textContent.trim())
    .map(text => parseFloat(getComputedStyle(text).fontSize) * scale);
  return {id: svg.id, px: Math.round(Math.min(...sizes) * 100) / 100};
})"""


def _too_small(page) -> list[dict]:
    return [diagram for diagram in page.evaluate(SMALLEST_TEXT) if diagram["px"] < VIEWER.MIN_TEXT_PX]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_diagram_has_text_of_12px_or_more_on_a_phone(browser, server, real_site, language):
    pages = [page for page in _diagram_pages(real_site) if page.startswith("ru/") == (language == "ru")]
    assert len(pages) >= 15, pages
    context = _context(browser)
    small = {path: found for path in pages if (found := _too_small(_open(context, server + path)))}
    context.close()
    assert not small, f"diagram text under {VIEWER.MIN_TEXT_PX} px at 390 px wide: {small}"


def test_the_text_size_check_fails_on_a_tiny_diagram(page):
    svg = '<svg id="tiny" viewBox="0 0 1000 100" style="width: 100px"><text y="50" font-size="16">tiny</text></svg>'
    page.set_content(f'<figure class="diagram">{svg}</figure>')
    assert _too_small(page) == [{"id": "tiny", "px": 1.6}]


def test_min_width_keeps_the_smallest_text_at_12px():
    svg = (
        '<svg id="d" viewBox="0 0 800 300" style="max-width: 800px;"><style>#d{font-size:16px;}'
        "#d div.mermaidTooltip{font-size:12px;}#d .small{font-size:10px;}</style><text>a</text></svg>"
    )
    assert VIEWER.min_width(svg) == 960  # 800 × 12 / 10: the 12 px tooltip <div> is never drawn
    assert 'style="min-width: 960px; max-width: 800px;"' in VIEWER.readable(svg)
    assert VIEWER.min_width('<svg viewBox="0 0 800 300"><rect/></svg>') is None  # no text: no minimum


# -----------------------------------------------------------------------------
# The full-screen viewer
# -----------------------------------------------------------------------------


def test_the_viewer_script_goes_only_on_pages_with_a_diagram(real_site):
    # The printable tracks are assembled after every page is built (hooks/print_tracks.py), for paper.
    pages = {
        path: path.read_text(encoding="utf-8")
        for path in real_site.site.rglob("*.html")
        if "print" not in path.relative_to(real_site.site).parts
    }
    with_diagram = {path for path, html in pages.items() if '<div class="diagram__scroll">' in html}
    with_script = {path for path, html in pages.items() if SCRIPT in html}
    assert len(with_diagram) >= 30 and with_script == with_diagram


def test_the_viewer_hook_adds_its_script_only_where_there_is_a_diagram():
    class Page:
        url = "questions/x/"

    plain = "<html><body><p>text</p></body></html>"
    diagram = VIEWER.readable('<svg viewBox="0 0 10 10"><text>a</text></svg>')
    assert VIEWER.on_post_page(plain, page=Page(), config=None) == plain
    with_diagram = VIEWER.on_post_page(f"<html><body>{diagram}</body></html>", page=Page(), config=None)
    assert f'<script src="../../assets/javascripts/{SCRIPT}" defer></script>' in with_diagram


def test_a_page_without_a_diagram_does_not_load_the_viewer(browser, server):
    context = _context(browser)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("", "questions/ml/bias-variance/", DESIGN_PAGE):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        loaded = any(url.endswith(SCRIPT) for url in requested)
        assert loaded == (path == DESIGN_PAGE), (path, loaded)
    context.close()


@pytest.mark.parametrize("language, name", [("", "Diagram"), ("ru/", "Схема")])
def test_a_diagram_opens_full_screen_and_closes_by_button_esc_and_click_outside(browser, server, language, name):
    context = _context(browser)
    page = _open(context, server + language + DESIGN_PAGE)
    dialog = page.locator("dialog.diagram-dialog")
    opener = page.locator("figure.diagram .diagram__open").first

    page.locator("figure.diagram .diagram__scroll").first.click()  # a tap on the diagram
    assert dialog.get_attribute("aria-label") == name and dialog.evaluate("d => d.open")
    box = dialog.locator("svg").bounding_box()
    assert box["width"] == pytest.approx(float(dialog.locator("svg").get_attribute("width")), abs=1)  # natural size
    touch = dialog.locator(".diagram-dialog__body").evaluate("b => getComputedStyle(b).touchAction")
    assert touch == "manipulation" or "pinch-zoom" in touch, touch  # Chromium writes pan-x pan-y pinch-zoom so
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('diagram__open')")  # focus returned
    assert page.locator("figure.diagram .diagram__scroll svg").count() >= 1  # the diagram is back in the page

    opener.focus()
    page.keyboard.press("Enter")  # keyboard: the button opens it, the close button is focused
    assert dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('diagram-dialog__close')")
    page.keyboard.press("Enter")
    assert not dialog.evaluate("d => d.open")

    opener.click()
    page.mouse.click(3, 3)  # the backdrop, outside the dialog
    assert not dialog.evaluate("d => d.open")
    context.close()


# -----------------------------------------------------------------------------
# Dark palette for diagrams
# -----------------------------------------------------------------------------

CONTRAST = """([text, fill]) => {
  const luminance = colour => {
    const canvas = document.createElement('canvas').getContext('2d');
    canvas.fillStyle = colour; canvas.fillRect(0, 0, 1, 1);
    const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
    const linear = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const [a, b] = [luminance(text), luminance(fill)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""
NODE_COLOURS = """() => {
  const node = document.querySelector('figure.diagram .node');
  const style = element => getComputedStyle(element);
  return [style(node.querySelector('text')).fill, style(node.querySelector('rect')).fill,
          style(document.body).backgroundColor];
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagram_nodes_follow_the_palette_with_readable_text(browser, server, scheme):
    context = _context(browser, scheme=scheme)
    page = _open(context, server + DESIGN_PAGE)
    text, fill, background = page.evaluate(NODE_COLOURS)
    assert page.evaluate(CONTRAST, [text, fill]) >= 4.5, (text, fill)
    dark_fill = page.evaluate(CONTRAST, ["#000", fill]) < page.evaluate(CONTRAST, ["#fff", fill])
    assert dark_fill == (scheme == "dark"), (scheme, fill, background)
    context.close()


def test_the_contrast_check_fails_on_grey_on_grey(page):
    page.set_content("<p>x</p>")
    assert page.evaluate(CONTRAST, ["rgb(120, 120, 120)", "rgb(90, 90, 90)"]) < 4.5


# -----------------------------------------------------------------------------
# Wide formulas
# -----------------------------------------------------------------------------

FORMULA_STATE = """start => {
  const box = [...document.querySelectorAll('div.arithmatex')]
    .find(d => d.querySelector('annotation') && d.querySelector('annotation').textContent.startsWith(start));
  return {scrolls: box.scrollWidth > box.clientWidth, cue: getComputedStyle(box).boxShadow !== 'none'};
}"""


@pytest.mark.parametrize("language", ["", "ru/"])
def test_a_wide_formula_scrolls_with_a_cue_and_a_narrow_one_shows_none(browser, server, language):
    context = _context(browser)
    page = _open(context, server + language + FORMULA_PAGE)
    assert page.evaluate(FORMULA_STATE, WIDE_FORMULA) == {"scrolls": True, "cue": True}
    assert page.evaluate(FORMULA_STATE, NARROW_FORMULA) == {"scrolls": False, "cue": False}
    page.add_style_tag(content=".md-typeset div.arithmatex { animation: none !important; }")  # no cue
    assert page.evaluate(FORMULA_STATE, WIDE_FORMULA) == {"scrolls": True, "cue": False}
    context.close()


# -----------------------------------------------------------------------------
# The glossary
# -----------------------------------------------------------------------------

GLOSSARY_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const cells = [...document.querySelectorAll('.md-content table td:nth-child(3)')];
  const outside = cells.filter(cell => {
    const box = cell.getBoundingClientRect();
    return box.left < 0 || box.right > width + 0.5 || box.width === 0;
  });
  return {page: document.documentElement.scrollWidth > width, cells: cells.length, outside: outside.length};
}"""


@pytest.mark.parametrize("language", ["", "ru/"])
def test_the_glossary_fits_a_phone(browser, server, language):
    context = _context(browser)
    page = _open(context, server + language + "glossary/")
    state = page.evaluate(GLOSSARY_OVERFLOW)
    assert state["cells"] > 50 and not state["page"] and not state["outside"], state
    # Bad input: without the wrapper the same check sees definitions cut off at the edge.
    page.evaluate("document.querySelectorAll('.glossary-table').forEach(d => d.classList.remove('glossary-table'))")
    assert page.evaluate(GLOSSARY_OVERFLOW)["outside"] > 0
    context.close()


# -----------------------------------------------------------------------------
# Code blocks: the copy button and the first line
# -----------------------------------------------------------------------------

# The copy button's box against the box of the first line's text, within the first code block.
COPY_OVER_FIRST_LINE = """() => {
  const pre = [...document.querySelectorAll('pre')].find(p => p.querySelector(':scope > .md-code__nav'));
  const code = pre.querySelector(':scope > code');
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let node, started = false;
  while ((node = walker.nextNode())) {
    if (!started) { range.setStart(node, 0); started = true; }
    const newline = node.textContent.indexOf('\\n');
    if (newline >= 0) { range.setEnd(node, newline); break; }
    range.setEnd(node, node.textContent.length);
  }
  const line = range.getBoundingClientRect();
  const button = pre.querySelector('.md-code__nav').getBoundingClientRect();
  return !(button.right <= line.left || button.left >= line.right
           || button.bottom <= line.top || button.top >= line.bottom);
}"""
LONG_FIRST_LINE = """() => {
  const code = [...document.querySelectorAll('pre')].find(p => p.querySelector(':scope > .md-code__nav'))
    .querySelector(':scope > code');
  code.prepend(document.createTextNode('x = "' + 'a long first line '.repeat(12) + '"\\n'));
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_copy_button_never_covers_the_first_line(browser, server, viewport):
    context = _context(browser, viewport)
    page = _open(context, server + DESIGN_PAGE)
    page.wait_for_selector("pre > .md-code__nav")
    assert not page.evaluate(COPY_OVER_FIRST_LINE)
    page.evaluate(LONG_FIRST_LINE)  # a first line that runs under the button's column
    assert not page.evaluate(COPY_OVER_FIRST_LINE)
    page.add_style_tag(content=".md-typeset pre > code { padding-top: 0.77em !important; }")  # Material's own
    assert page.evaluate(COPY_OVER_FIRST_LINE), "the check must see the button over a long first line"
    context.close()


# -----------------------------------------------------------------------------
# Checklists
# -----------------------------------------------------------------------------

RING = """() => {
  const indicator = document.activeElement.nextElementSibling;
  const ring = getComputedStyle(indicator, '::after');
  return {style: ring.outlineStyle, width: parseFloat(ring.outlineWidth), colour: ring.outlineColor,
          background: getComputedStyle(document.body).backgroundColor};
}"""
MARK = "box => getComputedStyle(box.nextElementSibling, '::before').maskImage"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_checklist_box_shows_a_focus_ring_from_the_keyboard(browser, server, scheme):
    context = _context(browser, DESKTOP, scheme)
    page = _open(context, server + CHECKLIST_PAGE)
    page.wait_for_function("!document.querySelector('.task-list-item input').disabled")  # study.js enables them
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.task-list-item input')"):
            break
    else:
        pytest.fail("Tab never reached a checklist box")
    ring = page.evaluate(RING)
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert page.evaluate(CONTRAST, [ring["colour"], ring["background"]]) >= 3, ring
    # Bad input: the box without focus. The same check must see no ring.
    page.evaluate("window.focusedBox = document.activeElement; document.activeElement.blur()")
    assert page.evaluate(RING.replace("document.activeElement", "window.focusedBox"))["style"] == "none"
    context.close()


def test_an_unticked_box_is_empty_and_a_ticked_one_has_its_mark(browser, server):
    context = _context(browser, DESKTOP)
    page = _open(context, server + CHECKLIST_PAGE)
    box = page.locator(".task-list-item input").first
    assert box.evaluate(MARK) == "none"
    box.evaluate("box => { box.checked = true; }")
    assert re.match(r"url\(", box.evaluate(MARK))
    context.close()
