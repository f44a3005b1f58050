"""Russian prose on the built site uses a decimal comma and a no-break space before % and units.

The convention (CONTRIBUTING.md, "Numbers in both languages"; CONTRIBUTING.ru.md, «Числа в двух
языках»): Russian prose, table cells and admonitions included, writes a decimal number with a comma
(«0,3 %», «9,1 %») and puts a no-break space (U+00A0, written as the character or as `&nbsp;`)
between a number and % or a unit («16 ГБ»).
Formulas (`$…$`, `$$…$$`) and code stay identical in both languages and keep the decimal point.

The check reads the strictly built real site (the session fixture `real_site`), takes the text of
`.md-content` on every Russian page outside `code`, `pre`, `svg`, `script`, `style`, rendered
math (`.arithmatex`, `.katex`) and glossary tooltips (`.gloss-en`, the English term), and reports
the page and a snippet for

- a decimal number written with a point, and
- an ordinary space, or no space at all, between a number and % or a unit from UNITS.

A dotted number is *not* a decimal, by an explicit and deliberately small rule, when

1. it has two or more dots: section numbers (1.2.3), dates (10.07.2025), IP-like and three-part
   version numbers (10.0.0.1, 3.11.2);
2. it is glued to a preceding Latin word, directly or through "-" or ":": identifiers and versions
   such as arXiv:1712.01815, GPT-4.5, v1.2, Llama-3.1;
3. it follows, after one space, a name from VERSIONED_NAMES: Python 3.11, Gemini 2.5;
4. it is a section number: it follows § or a word from SECTION_WORDS (section, chapter, lecture,
   гл., разд.), directly or after one space, or continues such a reference through a dash, "and" or
   «и»: § 6.5, §4.2–4.3, sections 1.6 and 10.1, Lecture 6.5.

The question bank and the print pages (assembled from it) are checked like every other page; tag
and status pages are generated lists and stay under SKIPPED.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIPPED = ("ru/tags/", "ru/status/")
UNITS = ("%", "ГБ", "МБ", "КБ", "ТБ", "мс")
VERSIONED_NAMES = ("Python", "Gemini", "Claude", "Llama", "GPT", "PyTorch", "JAX", "TensorFlow", "CUDA", "Mistral")
SECTION_WORDS = ("sections?", "chapters?", "lectures?", r"гл\.", r"разд\.")

NBSP = "\u00a0\u202f"  # no-break space and narrow no-break space
_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?:\.\d+)*")
_UNIT = re.compile(r"\d([ \t]?)(" + "|".join(re.escape(unit) for unit in UNITS) + r")(?![\w])")
_GLUED = re.compile(r"[A-Za-z][\w]*[-:]?$")
_VERSIONED = re.compile(r"(?:" + "|".join(VERSIONED_NAMES) + r")\s$")
_SECTION = re.compile(
    r"(?:§|\b(?:" + "|".join(SECTION_WORDS) + r"))\s?(?:\d+(?:\.\d+)*\s?(?:–|-|and|и)\s?)*$", re.IGNORECASE
)

_SKIPPED_TAGS = {"code", "pre", "svg", "script", "style", "math"}
_SKIPPED_CLASSES = {"arithmatex", "katex", "katex-display", "gloss-en"}
_BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "summary", "figcaption", "div"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ProseText(HTMLParser):
    """Collects the prose of `.md-content` as a list of blocks (paragraphs, list items, cells)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, opens md-content, skipped)
        self.blocks: list[str] = []
        self._current: list[str] = []

    @property
    def _inside(self) -> bool:
        return any(opens for _, opens, _ in self.stack)

    @property
    def _skipping(self) -> bool:
        return any(skipped for _, _, skipped in self.stack)

    def _flush(self):
        text = "".join(self._current).strip()
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag in _BLOCKS:
            self._flush()
        skipped = tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES)
        self.stack.append((tag, "md-content" in classes, skipped))

    def handle_endtag(self, tag):
        if tag in _VOID or all(open_tag != tag for open_tag, *_ in self.stack):
            return  # `<input … />` or a stray end tag must not close `.md-content`
        if tag in _BLOCKS:
            self._flush()
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._inside and not self._skipping:
            self._current.append(data)

    def close(self):
        super().close()
        self._flush()


def _snippet(text: str, start: int, end: int) -> str:
    return "…" + text[max(0, start - 30) : end + 30].replace("\n", " ") + "…"


def _is_decimal(text: str, match: re.Match) -> bool:
    if match.group().count(".") >= 2:
        return False
    before = text[: match.start()]
    if _GLUED.search(before) and not before.endswith(" "):
        return False
    return not _VERSIONED.search(before) and not _SECTION.search(before[-80:])


def problems(html: str) -> list[str]:
    """Snippets of Russian prose that break the number convention, in the order they occur."""
    parser = _ProseText()
    parser.feed(html)
    parser.close()
    found = []
    for text in parser.blocks:
        for match in _DECIMAL.finditer(text):
            if _is_decimal(text, match):
                found.append(f"decimal point in {match.group()!r}: {_snippet(text, match.start(), match.end())}")
        for match in _UNIT.finditer(text):
            found.append(f"no no-break space before {match.group(2)!r}: {_snippet(text, match.start(), match.end())}")
    return found


def _russian_pages(site):
    for path in sorted((site / "ru").rglob("index.html")):
        relative = path.relative_to(site).as_posix()
        if "assets" in path.parts or relative.startswith(SKIPPED):
            continue
        yield relative, path.read_text(encoding="utf-8")


def test_russian_pages_use_decimal_commas_and_no_break_spaces(real_site):
    report = [f"{page}: {problem}" for page, html in _russian_pages(real_site.site) for problem in problems(html)]
    assert not report, "Russian typography:\n" + "\n".join(report)


def test_the_check_reads_the_russian_pages(real_site):
    pages = dict(_russian_pages(real_site.site))
    assert "ru/process/index.html" in pages and "ru/index.html" in pages
    assert not any(page.startswith(SKIPPED) for page in pages)


def test_the_checker_catches_bad_numbers_and_spares_code_math_and_versions():
    bad = (
        '<div class="md-content"><article>'
        "<p>Доля принятых около 0.3 % и 9.1%.</p>"
        "<table><tr><td>Модель на 16 ГБ</td><td>1.5 года</td></tr></table>"
        '<div class="admonition warning"><p>Прирост 30–40 %</p></div>'
        '<ul class="task-list"><li><label><input type="checkbox" disabled/></label> Пункт</li></ul>'
        "<p>См. § 3, доля 0.5.</p>"
        "</article></div>"
    )
    found = problems(bad)
    assert [problem.split(":")[0] for problem in found] == [
        "decimal point in '0.3'",
        "decimal point in '9.1'",
        "no no-break space before '%'",
        "no no-break space before '%'",
        "no no-break space before 'ГБ'",
        "decimal point in '1.5'",
        "no no-break space before '%'",
        "decimal point in '0.5'",
    ], found
    good = (
        '<div class="md-content"><article>'
        "<p>Доля около 0,3\u00a0% и 9,1&nbsp;%; разделы 1.2.3, дата 10.07.2025.</p>"
        "<p>Python 3.11, GPT-4.5, arXiv:1712.01815, v1.2 и Gemini 2.5.</p>"
        "<p>Бишоп (2006, § 6.5), ESL, §7.10, §4.2–4.3; Lecture 6.5; sections 1.6 and 10.1; гл. 3.2 и 3.4.</p>"
        '<ul class="task-list"><li><label><input type="checkbox" disabled/></label> Пункт списка</li></ul>'
        '<p>Формула <span class="arithmatex">0.20 \\times 0.25 = 0.05</span>.</p>'
        "<pre><code>x = 0.5  # 50 %</code></pre><p>Код <code>lr = 0.01</code>.</p>"
        "</article></div><p>Вне статьи 0.5 %.</p>"
    )
    assert problems(good) == []
