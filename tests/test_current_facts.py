"""No built page presents a retired tool or the pre-2023 organisation as current.

Three things are history, not the current Google DeepMind process:

- Google Hangouts, the call tool named in the notes of c. 2023 (renamed Google Meet in 2020,
  closed in 2022);
- the two-round quiz of the 2021 research-engineer pipeline ("two quiz rounds", "Quiz round 1",
  «два раунда квиза»);
- the team names Core, Applied and Incubation from Gordić's 2021 account and the notes of c. 2023
  (matched case-sensitively; "Applied ML engineer", "Applied AI" and degree names such as "Applied
  Mathematics" are today's role and subject names, not team names).

Every mention of them on a built page, in either language, must be flagged as history in one of
three ways (CONTRIBUTING.md, "Dated facts"):

1. it sits inside an admonition of the kind `history` (`!!! history "…"`);
2. its sentence carries a year from 2013 to 2023: "(2021)", "c. 2023", «в 2021 году»; a table row
   counts as one sentence;
3. it sits under a heading (any h2–h6 in force) whose text carries such a year; print pages move
   every heading one level down, so a dated h3 of a page becomes an h4 there.

The check reads `.md-content` outside code, diagrams (`svg`), glossary tooltips (`.gloss-en`) and the
page's list of sources (a bibliography, whose titles name the sources). The question bank and the
print pages are checked like every other page; tag and status pages (generated lists) are SKIPPED.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIPPED = ("tags/", "status/")

TRIGGERS = re.compile(
    r"Hangouts?"
    r"|\b(?:two|2)\s+(?:separate\s+|back-to-back\s+)?quiz(?:zes)?\b"
    r"|\bquiz\s+(?:round\s+)?[12]\b"
    r"|\b(?:два|двух|2)\s+(?:отдельн\w+\s+)?(?:раунд\w*\s+|интервью[- ])?квиз\w*"
    r"|\bквиз\w*,?\s+(?:раунд\s+)?[12]\b"
    r"|(?-i:\bCore\b|\bIncubation\b|\bApplied\b(?!\s+(?:ML|AI|Mathematics|Physics|Statistics)\b))"
    r"|Инкубац\w*",
    re.IGNORECASE,
)
DATED = re.compile(r"(?<!\d)20(?:1[3-9]|2[0-3])(?!\d)")
ABBREVIATIONS = {"c", "e.g", "i.e", "vs", "approx", "etc", "т", "д", "е", "г", "гг", "см", "ок", "напр", "др", "им"}

_SKIPPED_TAGS = {"code", "pre", "svg", "script", "style"}
HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_BLOCKS = {"p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "summary", "figcaption"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Blocks(HTMLParser):
    """Prose blocks of `.md-content`, each with the headings in force and whether it is history."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str]]] = []
        self.blocks: list[dict] = []
        self.headings = dict.fromkeys(HEADINGS, "")
        self._current: list[str] = []
        self._block_tag = ""

    def _has(self, predicate) -> bool:
        return any(predicate(tag, classes) for tag, classes in self.stack)

    def _flush(self):
        text = " ".join("".join(self._current).split())
        if text:
            history = self._has(lambda tag, classes: "history" in classes)
            self.blocks.append({"text": text, "tag": self._block_tag, "history": history, **self.headings})
            if self._block_tag in self.headings:
                self.headings[self._block_tag] = text
                for lower in HEADINGS[HEADINGS.index(self._block_tag) + 1 :]:
                    self.headings[lower] = ""
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        if tag in _BLOCKS:
            self._flush()
            self._block_tag = tag
        elif tag in ("td", "th"):
            self._current.append(" | ")
        self.stack.append((tag, set((dict(attrs).get("class") or "").split())))

    def handle_endtag(self, tag):
        if tag in _VOID or all(open_tag != tag for open_tag, *_ in self.stack):
            return  # `<input … />` or a stray end tag must not close `.md-content`
        if tag in _BLOCKS:
            self._flush()
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        inside = self._has(lambda tag, classes: "md-content" in classes)
        skipped = self._has(lambda tag, classes: tag in _SKIPPED_TAGS or classes & {"page-sources", "gloss-en"})
        if inside and not skipped:
            self._current.append(data)

    def close(self):
        super().close()
        self._flush()


def _sentences(text: str) -> list[str]:
    """Split prose into sentences, not after abbreviations such as "c." or «т. е.»."""
    sentences, start = [], 0
    for match in re.finditer(r"[.!?…]\s+(?=[«\"“(A-ZА-ЯЁ0-9])", text):
        word = re.search(r"([\w.]+)$", text[start : match.start()])
        if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
            continue
        sentences.append(text[start : match.end()])
        start = match.end()
    sentences.append(text[start:])
    return sentences


def problems(html: str) -> list[str]:
    """Mentions of history that are not flagged as history, as "mention: sentence"."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    found = []
    for block in parser.blocks:
        if block["history"] or any(DATED.search(block[heading]) for heading in HEADINGS):
            continue
        units = [block["text"]] if block["tag"] == "tr" else _sentences(block["text"])
        for unit in units:
            if DATED.search(unit):
                continue
            found += [f"{match.group()!r}: {unit.strip()}" for match in TRIGGERS.finditer(unit)]
    return found


def _pages(site):
    for path in sorted(site.rglob("index.html")):
        relative = path.relative_to(site).as_posix()
        page = relative.removeprefix("ru/")
        if "assets" in path.parts or page.startswith(SKIPPED):
            continue
        yield relative, path.read_text(encoding="utf-8")


def test_history_is_flagged_on_every_page_in_both_languages(real_site):
    report = [f"{page}: {problem}" for page, html in _pages(real_site.site) for problem in problems(html)]
    assert not report, "mentions not flagged as history:\n" + "\n".join(report)


def test_the_check_reads_both_languages(real_site):
    pages = dict(_pages(real_site.site))
    assert {"process/index.html", "ru/process/index.html", "roles/index.html", "ru/roles/index.html"} <= set(pages)
    assert not any(page.removeprefix("ru/").startswith(SKIPPED) for page in pages)


def test_the_checker_catches_unflagged_mentions():
    bad = (
        '<div class="md-content"><article>'
        "<h2>How it works</h2>"
        "<p>Interviews run on Google Hangouts. The quiz comes first.</p>"
        "<ul><li>Two quiz rounds follow the recruiter call.</li></ul>"
        "<table><tr><td>Core team</td><td>research</td></tr></table>"
        "<p>Рекрутер спрашивает, Core или Applied. Потом два раунда квиза.</p>"
        '<ul class="task-list"><li><label><input type="checkbox" disabled/></label> Ask</li></ul>'
        "<h4>Rounds (2021)</h4><h3>Today</h3><p>Ask about Incubation.</p>"
        "</article></div>"
    )
    assert [problem.split(":")[0] for problem in problems(bad)] == [
        "'Hangouts'",
        "'Two quiz'",
        "'Core'",
        "'Core'",
        "'Applied'",
        "'два раунда квиза'",
        "'Incubation'",
    ], problems(bad)


def test_the_checker_accepts_the_three_ways_of_flagging_history():
    good = (
        '<div class="md-content"><article>'
        "<p>In 2021 the Core team ran two quiz rounds. The notes (c. 2023) name Hangouts.</p>"
        "<p>Applied ML engineers and Applied AI roles are current role names; a BSc in Applied Mathematics.</p>"
        '<div class="admonition history"><p>Interviews ran on Hangouts.</p></div>'
        "<h2>Research engineer (2021)</h2><p>The Core side.</p><h3>Preparation</h3><p>Quiz round 1.</p>"
        "<h2>Today</h2><table><tr><td>Hangouts, as named in c. 2023</td></tr></table>"
        "<p>В 2021 году Гордич прошёл два раунда квиза.</p>"
        '<h2 class="print-page-start">Leadership</h2><h3>Pipelines</h3><h4>Core rounds (2021)</h4>'
        '<ul class="task-list"><li><input type="checkbox" disabled/> Prepare</li></ul><p>The Core side.</p>'
        "<pre><code>Hangouts</code></pre>"
        '<aside class="page-sources"><li>Hangouts Meet may lose the Hangouts branding</li></aside>'
        "</article></div>"
    )
    assert problems(good) == [], problems(good)
