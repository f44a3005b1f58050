"""Glossary tooltips: on Russian pages, the first use of each glossary term shows its English original.

Readers of the Russian pages are often interviewed in English, so the first time a page uses a
term the glossary knows, the term shows its English name on hover and on keyboard focus. The
single source is the glossary page `docs/glossary.ru.md` (read at on_config from the config's
docs folder): every Markdown table whose first two header cells are «Русский» and «English»
gives one entry per row. Its cells are read as follows:

- Markdown is reduced to its text: `[text](url)` -> text, emphasis markers and HTML tags dropped,
  `\\|` -> `|`. A variant holding inline `code` is skipped (code is never prose on a page).
- Parenthesised parts of the Russian cell are dropped: they hold abbreviations («(RS)»), the
  English word people say («(реферал)», «(dropout)») or qualifiers («оценка (статистическая)»),
  none of them safely a term on its own. Guillemets around a term are dropped.
- Variants are separated by « / », «,» or «;» (outside parentheses). If both cells have as many
  variants, they pair up in order («собственное значение, собственный вектор» | «eigenvalue,
  eigenvector»); otherwise each Russian variant gets the whole English cell («резюме» | «CV, résumé»).
- A variant is kept if it has a Cyrillic letter (a Latin-only one is the English term already), is
  at least 4 characters long and differs from its English, case-insensitively; and if it is not
  one of `_EVERYDAY_WORDS`, single words the guide mostly uses in their everyday sense («оценка»
  is an estimate far more often than an estimator): a wrong English word is worse than none.
- No such row at all is a PluginError naming the file. A site with no glossary page (the tests'
  tiny sites) gets no tooltips.

Matching, in `on_page_content` of Russian pages built in Russian, the glossary page excepted: the
HTML is walked tag by tag, and only text outside code, pre, kbd, samp, links, headings, svg, math
(TeX source, rendered later by hooks/formulas.py, and KaTeX output), buttons, form controls,
`<details>` summaries and existing tooltips (abbr, `.gloss`, any element with a `title`) is
searched. A Cyrillic word of three letters or more matches its inflected forms: its final vowels,
ь and й dropped, then a noun or adjective case ending («переобучения», «нейронной сети»; a hard
stem takes no ending in и, so «среди» is not «среда»); ё matches е. Other words match exactly.
Whole words only (a hyphen next to a match counts as part of the word), case-insensitive. At each
position the longest term is tried first, so «обучение с подкреплением» wins over «обучение»,
and a later use of a term already shown consumes its words too. An English term is shown once
per page, whichever of its Russian variants comes first. Matches never cross a tag or cut
an entity: separators match `&nbsp;` and `&amp;` as whole entities only.

Why suffix patterns rather than a stemmer or morphology package (measured on the 158 Russian pages,
108,652 words, 15,247 distinct, CPU seconds on the 2-core build machine, 2026-11-30): matching every
page with these patterns takes 1.8 s; snowballstemmer needs 0.85 s only to stem the distinct words,
before any matching, and stems «среда» and «среди» alike («сред»), which the tests forbid; pymorphy3
tells them apart but needs 2.3 s only to lemmatise the distinct words. Neither is faster, and only
pymorphy3 is as accurate, so the patterns stay.

The markup needs no JavaScript (glossary.css shows the tooltip on :hover and :focus):
`<span class="gloss" tabindex="0" aria-describedby="gloss-tip-1"><span class="gloss-ru">…</span>`
`<span class="gloss-en" id="gloss-tip-1" role="tooltip" lang="en" data-search-exclude>…</span></span>`.
The English text stays in the page for screen readers (visually hidden, never display:none), is
announced as the term's description on focus, and is kept out of the search index.

English pages are left unchanged: their readers already have the English term, a Russian reader
of an English page has the same page in Russian one click away, and the English side of the
glossary is full of everyday words («feature», «return», «policy», «offer») that would be marked
wrongly far more often than the Russian ones.

The glossary page itself (both languages) only gets its tables wrapped in `<div class="glossary-table">`,
which reading.css turns into one card per row on a phone.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

from language_builds import outer_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

GLOSSARY = "glossary.ru.md"
LANGUAGE = "ru"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _matcher, _glossary
    _glossary = (Path(config.docs_dir) / GLOSSARY).resolve()
    # The tests' tiny sites (and a fresh site) have no glossary: nothing to mark, nothing to fail.
    _matcher = _compiled(_glossary, _glossary.stat().st_mtime_ns) if _glossary.is_file() else None
    for problem in row_problems(_glossary) if _glossary.is_file() and outer_build(config) else []:
        log.warning(f"Doc file '{GLOSSARY}', {problem}")
    return config


def on_page_content(html_content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _glossary and page.file.abs_src_path and Path(page.file.abs_src_path).resolve() in _glossary_pages():
        return as_cards_on_phones(html_content)
    if _matcher is None or getattr(page.file, "locale_alternate_of", None) != LANGUAGE:
        return html_content
    if getattr(page.file, "locale", None) != LANGUAGE:
        return html_content  # an English page copied into the Russian build as a fallback
    if page.file.abs_src_path and Path(page.file.abs_src_path).resolve() == _glossary:
        return html_content  # every term of the glossary is already next to its English
    return add_tooltips(html_content, _matcher)


# -----------------------------------------------------------------------------
# Helpers (also used by the tests)
# -----------------------------------------------------------------------------


def _glossary_pages() -> tuple[Path, Path]:
    """The glossary page in both languages (its English twin sits next to the Russian one)."""
    return _glossary, _glossary.with_name("glossary.md")


def as_cards_on_phones(html_content: str) -> str:
    """The glossary's tables, each in a <div class="glossary-table">: reading.css turns their rows into
    cards on a narrow screen (a class on the <table> itself would lose Material's table style)."""
    return html_content.replace("<table>", '<div class="glossary-table">\n<table>').replace(
        "</table>", "</table>\n</div>"
    )


@dataclass(frozen=True)
class Term:
    russian: str
    english: str


@dataclass(frozen=True)
class Matcher:
    """Terms by the first letter of their first word (ё as е), longest first, with their patterns."""

    candidates: dict[str, list[tuple[Term, re.Pattern]]]


_matcher: Matcher | None = None
_glossary: Path | None = None


@functools.lru_cache(maxsize=1)
def _compiled(path: Path, modified: int) -> Matcher:
    """The matcher of a glossary file, compiled again only when the file changes (each language
    build, and each rebuild of `make serve`, would otherwise compile it anew)."""
    return compile_terms(parse_glossary(path))


def parse_glossary(path: Path) -> list[Term]:
    """The glossary's term pairs, longest Russian first; PluginError naming the file if it has none."""
    rows, _ = _table_rows(path.read_text(encoding="utf-8"))
    terms: dict[str, Term] = {}
    for russian, english in rows:
        for term in _row_terms(russian, english):
            terms.setdefault(term.russian.lower(), term)  # a variant listed twice keeps its first row
    if not terms:
        raise PluginError(
            f"hooks/glossary.py: no glossary rows found in {path}. It needs Markdown tables with the "
            f"header '| Русский | English | Пояснение |' and one term per row."
        )
    return sorted(terms.values(), key=lambda term: (-len(term.russian), term.russian.lower()))


def compile_terms(terms: list[Term]) -> Matcher:
    """Each term's pattern (see the module docstring), filed under the letter a match must start with."""
    candidates: dict[str, list[tuple[Term, re.Pattern]]] = {}
    for term in terms:
        pattern = re.compile(_term_pattern(term.russian) + r"(?![\w\-\u2011])", re.IGNORECASE)
        candidates.setdefault(_first_letter(_WORD.search(term.russian).group(0)), []).append((term, pattern))
    for entries in candidates.values():
        entries.sort(key=lambda entry: -len(entry[0].russian))
    return Matcher(candidates)


def add_tooltips(html_content: str, matcher: Matcher) -> str:
    """Wrap the first use of each term in the page's prose (see the module docstring for what is skipped)."""
    shown: set[str] = set()
    out: list[str] = []
    skipped_tag, depth = None, 0
    for index, token in enumerate(_TOKEN.split(html_content)):
        if index % 2 == 0:  # text between tags
            out.append(token if skipped_tag else _mark_text(token, matcher, shown))
            continue
        out.append(token)
        tag = _TAG.match(token)
        if not tag:
            continue  # a comment, doctype or processing instruction
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if skipped_tag:
            if name == skipped_tag and not token.endswith("/>"):
                depth += -1 if closing else 1
                if depth == 0:
                    skipped_tag = None
        elif not closing and not token.endswith("/>") and name not in _VOID and _skips(name, token):
            skipped_tag, depth = name, 1
    return "".join(out)


# A tag with quoted attribute values (which may hold ">"), a comment, a doctype or a CDATA section.
_TOKEN = re.compile(
    r"(<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>"
    r"|</?[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*\s*/?>)",
    re.DOTALL,
)
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_TITLE = re.compile(r"\stitle\s*=", re.IGNORECASE)

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Not prose, not ours to change, or already interactive (a tooltip inside a link or a button would
# be a focus stop inside a focus stop).
_SKIPPED_TAGS = {
    *(f"h{level}" for level in range(1, 7)),
    *("a", "abbr", "button", "code", "kbd", "pre", "samp", "var", "summary", "math", "svg"),
    *("script", "style", "template", "textarea", "select", "option", "label", "iframe", "object", "title"),
}
# TeX source (rendered by hooks/formulas.py after this hook), KaTeX output, our own tooltips, permalinks.
_SKIPPED_CLASSES = {"arithmatex", "katex", "katex-display", "katex-mathml", "gloss", "headerlink", "mermaid"}

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# A word that may start a term: not inside a word, an entity (&amp; &#160;) or a hyphenated word.
_WORD_START = re.compile(r"(?<![\w&#\-\u2011])[^\W_]+")
_WORD = re.compile(r"[^\W_]+")
_STRIPPED_VOWELS = "аеёиоуыэюяьй"
# Noun and adjective case endings (singular and plural), longest first so none hides a longer one.
_ENDINGS = sorted(
    set(
        "а я о е ё и ы у ю ь й ам ям ах ях ом ем ём ой ей ою ею ов ев ёв ью ья ьи ьё ия ие ии ию ий ая яя "
        "ое ее ый ые ого его ому ему ым им ую юю ых их ами ями иям иях ием ией ьми ьев ьям ьях ыми ими ьями".split()
    ),
    key=len,
    reverse=True,
)
_SPACE = r"(?:\s|&nbsp;|&#160;|&#xa0;)"
_HYPHENS = "-\u2010\u2011\u2013\u2014"
_QUOTES = '«»"“”„'
# Single words used across the guide far more often in their everyday sense than in the glossary's
# (оценка: an estimate, not an estimator; точность: accuracy; поток: a stream; стратегия: a plan;
# исследователь: any researcher, not the RS role): a wrong English word is worse than none.
# Terms that contain them («несмещённая оценка», «градиент по стратегии») are still marked.
_EVERYDAY_WORDS = {"оценка", "точность", "полнота", "рекомендация", "поток", "стратегия", "исследователь"}
_DELIMITER_ROW = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)*\s*:?-{3,}:?\s*\|?\s*")


def _skips(name: str, tag: str) -> bool:
    if name in _SKIPPED_TAGS or _TITLE.search(tag):
        return True
    classes = _CLASS.search(tag)
    return bool(classes and _SKIPPED_CLASSES.intersection("".join(classes.groups(default="")).split()))


def _mark_text(text: str, matcher: Matcher, shown: set[str]) -> str:
    """Text with the first use of each term not in `shown` wrapped (and added to `shown`)."""
    if not _CYRILLIC.search(text):
        return text
    out: list[str] = []
    done = 0  # text[:done] is in out
    position = 0
    while word := _WORD_START.search(text, position):
        start = word.start()
        found = _longest_term_at(text, start, matcher)
        if not found:
            position = word.end()
            continue
        term, match = found
        position = match.end()  # a later use of a term is skipped whole: its words are not re-matched
        if term.english.lower() in shown:
            continue
        shown.add(term.english.lower())
        tip = f"gloss-tip-{len(shown)}"
        out.append(text[done:start])
        out.append(
            f'<span class="gloss" tabindex="0" aria-describedby="{tip}">'
            f'<span class="gloss-ru">{match.group(0)}</span>'
            f'<span class="gloss-en" id="{tip}" role="tooltip" lang="en" data-search-exclude>'
            f"{html.escape(term.english, quote=False)}</span></span>"
        )
        done = position
    out.append(text[done:])
    return "".join(out)


def _longest_term_at(text: str, start: int, matcher: Matcher) -> tuple[Term, re.Match] | None:
    for term, pattern in matcher.candidates.get(_first_letter(text[start:]), ()):
        if match := pattern.match(text, start):
            return term, match
    return None


def _first_letter(text: str) -> str:
    return text[:1].lower().replace("ё", "е")


def _term_pattern(russian: str) -> str:
    """The regex of a Russian term: inflected Cyrillic words, exact other words, flexible separators."""
    parts: list[str] = []
    position = 0
    for word in _WORD.finditer(russian):
        if word.start() > position:
            parts.append(_separator_pattern(russian[position : word.start()]))
        parts.append(_word_pattern(word.group(0)))
        position = word.end()
    return "".join(parts)


def _word_pattern(word: str) -> str:
    if len(word) < 3 or not all(_CYRILLIC.match(letter) for letter in word):
        return re.escape(word)
    stem = word.lower()
    while len(stem) > 3 and stem[-1] in _STRIPPED_VOWELS:
        stem = stem[:-1]
    # A hard stem never takes и after д, т, н, р… («среда»: среды, not среди, which is «among»).
    dropped = word.lower()[len(stem) :]
    hard = (not dropped or dropped[0] in "аоы") and stem[-1] not in _STRIPPED_VOWELS + "гкхжшчщ"
    return "".join("[её]" if letter in "её" else re.escape(letter) for letter in stem) + _endings(not hard)


def _endings(soft: bool) -> str:
    endings = [ending for ending in _ENDINGS if soft or not ending.startswith("и")]
    return "(?:" + "|".join("".join("[её]" if letter in "её" else letter for letter in e) for e in endings) + ")?"


def _separator_pattern(separator: str) -> str:
    """Spaces match any run of spaces or &nbsp;, hyphens and dashes match one another, `&` its entity."""
    if not separator.strip():
        return f"{_SPACE}+"
    pattern = ""
    for character in separator.strip():
        if character in _HYPHENS:
            pattern += f"{_SPACE}*[{_HYPHENS}]{_SPACE}*"
        elif character in _QUOTES:
            pattern += f"{_SPACE}*(?:[{_QUOTES}]|&quot;)?{_SPACE}*"
        elif character.isspace():
            pattern += f"{_SPACE}+"
        else:  # `&` is `&amp;` in the page's HTML, `<` is `&lt;`
            pattern += f"{_SPACE}*{re.escape(html.escape(character, quote=False))}{_SPACE}*"
    return pattern


def row_problems(path: Path) -> list[str]:
    """'line N: …' for each line of a glossary table that is not a well-formed row."""
    return _table_rows(path.read_text(encoding="utf-8"))[1]


def _table_rows(markdown: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(Russian cell, English cell) of every row of every «Русский | English» table, and the problems.

    Inside such a table every line up to the blank line that ends it must be a row of at least three
    cells starting with `|`: anything else would end the table there and drop the terms below it
    without a word, so it is a problem naming the line (the terms after it are still read).
    """
    rows: list[tuple[str, str]] = []
    problems: list[str] = []
    lines = markdown.splitlines()
    inside = delimiter = False
    for number, line in enumerate(lines):
        if delimiter:
            delimiter = False  # the row under the header is not a term
        elif inside and not line.strip():
            inside = False
        elif inside:
            cells = _cells(line) if line.lstrip().startswith("|") else []
            if len(cells) < 3:
                problems.append(
                    f"line {number + 1}: a glossary row must start with '|' and have three cells "
                    f"(| Русский | English | Пояснение |); as written it ends the table and drops the terms below it."
                )
            else:
                rows.append((cells[0], cells[1]))
        elif line.lstrip().startswith("|") and number + 1 < len(lines) and _DELIMITER_ROW.fullmatch(lines[number + 1]):
            header = [cell.lower() for cell in _cells(line)[:2]]
            inside = delimiter = header == ["русский", "english"]
    return rows, problems


def _cells(line: str) -> list[str]:
    line = line.strip().removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)]


def _row_terms(russian: str, english: str) -> list[Term]:
    russian_variants = _variants(_without_parentheses(_plain(russian)))
    english_text = " ".join(_plain(english).split())
    english_variants = _variants(english_text)
    paired = len(russian_variants) == len(english_variants) > 1
    terms = []
    for index, variant in enumerate(russian_variants):
        if "`" in variant:
            continue
        variant = " ".join(variant.strip(_QUOTES + " ").split())
        meaning = english_variants[index] if paired else english_text
        if "`" in meaning or not _CYRILLIC.search(variant) or len(variant) < 4:
            continue
        if variant.lower() in _EVERYDAY_WORDS:
            continue
        if variant.lower() == meaning.lower():
            continue
        terms.append(Term(variant, meaning))
    return terms


def _plain(cell: str) -> str:
    """The text of a cell's Markdown: links and images to their text, emphasis and HTML tags dropped."""
    cell = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", cell)
    cell = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cell)
    cell = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", cell)
    cell = re.sub(r"<[^>]+>", "", cell)
    cell = re.sub(r"(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1", r"\2", cell)
    return html.unescape(cell).strip()


def _without_parentheses(text: str) -> str:
    while True:
        stripped = re.sub(r"\s*\([^()]*\)", "", text)
        if stripped == text:
            return " ".join(text.split())
        text = stripped


def _variants(text: str) -> list[str]:
    """Parts separated by ' / ', ',' or ';' outside parentheses and code, blanks dropped."""
    parts, current, depth, in_code = [], "", 0, False
    index = 0
    while index < len(text):
        character = text[index]
        if character == "`":
            in_code = not in_code
        elif not in_code and character == "(":
            depth += 1
        elif not in_code and character == ")":
            depth = max(depth - 1, 0)
        if not in_code and depth == 0 and (character in ",;" or text.startswith(" / ", index)):
            parts.append(current)
            current = ""
            index += 3 if character == " " else 1
            continue
        current += character
        index += 1
    parts.append(current)
    return [part.strip() for part in parts if part.strip()]
