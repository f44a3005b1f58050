"""Keep the Russian pages in step with the English ones.

- Parity: each `page.md` and its `page.ru.md` must have the same structure: heading ids and
  levels, code blocks (exactly, indentation included) and includes, formulas (the words inside
  `\text{}` aside), link targets, admonition kinds in order, and the same marked values
  (hooks/values.py) in the same order, each the same number as each language writes it.
- Heading ids: an id given to two headings of one page is a warning (the second would silently
  get another anchor). A difference is a
  warning naming both files, the lines and what differs (`mkdocs build --strict` fails).
- Missing translation: an English page with no Russian twin is a warning; the Russian build,
  which shows the English text in its place, puts a banner in Russian on top of it.
- Drift: when git says the English page changed after its Russian twin last did, the Russian page
  gets a banner saying the English version is newer, with a link to it. History is read along the
  main line, so a merge counts as a change only to the files it actually changed there.

`python scripts/check_parity.py` runs the same parity check without a build.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from formulas import formulas
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from values import marks, russian

log = get_plugin_logger(__name__)

TRANSLATION = "ru"
MISSING_BANNER = (
    '<div class="admonition warning translation-banner"><p class="admonition-title">Перевод ещё не готов</p>'
    "<p>Эта страница пока не переведена на русский, ниже — английский текст. "
    "Помочь с переводом можно по инструкции в CONTRIBUTING.ru.md.</p></div>"
)
OUTDATED_BANNER = (
    '<div class="admonition info translation-banner"><p class="admonition-title">Английская версия новее</p>'
    "<p>Английский текст этой страницы менялся ({english}) после последнего обновления перевода "
    '({russian}). <a href="{link}" hreflang="en">Открыть английскую версию</a>.</p></div>'
)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _changed
    _changed = last_changes(Path(config.docs_dir))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.locale_alternate_of == page.file.locale == "en":
        english = Path(page.file.abs_src_path)
        russian = twin(english)
        if not russian.is_file():
            log.warning(
                f"Doc file '{page.file.src_uri}': no Russian translation. Create "
                f"'{russian.relative_to(config.docs_dir)}' with the same headings, code and links."
            )
        else:
            for difference in differences(english, russian):
                log.warning(
                    f"Doc file '{russian.relative_to(config.docs_dir)}' differs from "
                    f"'{page.file.src_uri}': {difference}"
                )
    if page.file.locale_alternate_of == page.file.locale:
        for problem in duplicate_ids(Path(page.file.abs_src_path)):
            log.warning(f"Doc file '{page.file.src_uri}', {problem}")
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.locale_alternate_of != TRANSLATION:
        return html
    if page.file.locale != TRANSLATION:
        return MISSING_BANNER + html
    english = Path(page.file.abs_src_path).with_name(Path(page.file.abs_src_path).name.replace(".ru.md", ".md"))
    english_time, russian_time = _changed.get(english.resolve()), _changed.get(Path(page.file.abs_src_path).resolve())
    if english_time is None or russian_time is None or english_time <= russian_time:
        return html
    link = "../" * page.url.count("/") + page.url.removeprefix(f"{TRANSLATION}/")
    banner = OUTDATED_BANNER.format(english=_day(english_time), russian=_day(russian_time), link=link or "./")
    return banner + html


# -----------------------------------------------------------------------------
# Helpers (also used by scripts/check_parity.py, scripts/i18n_status.py and the tests)
# -----------------------------------------------------------------------------

_changed: dict[Path, int] = {}


@dataclass
class Structure:
    """What must match between the two languages, each item with its line in the file."""

    headings: list[tuple[str, int]]
    code: list[tuple[str, int]]
    links: list[tuple[str, int]]
    admonitions: list[tuple[str, int]]
    values: list[tuple[str, int]]
    math: list[tuple[str, int]]


_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s*\{\s*#([\w-]+)[^}]*\})?\s*$")
_ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s+([\w-]+)")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_INCLUDE = re.compile(r"\{!\s*(.+?)\s*!\}")
# Words inside these commands are written in the page's language; the rest of a formula is not.
_TEXT = re.compile(r"(\\(?:text(?:rm|bf|it|sf|tt)?|mbox))\{[^{}]*\}")
# Prose examples and diagrams are written in each language: only their presence must match.
_TRANSLATED_CODE = {"text", "mermaid", "markdown", "md", ""}


def twin(english: Path) -> Path:
    return english.with_name(english.stem + f".{TRANSLATION}.md")


def structure(path: Path) -> Structure:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    start = _body_start(lines)
    found = Structure([], [], [], [], [], [])
    for line, tex, display in formulas(text):
        found.math.append((("$$" if display else "$") + " ".join(_TEXT.sub(r"\1{…}", tex).split()), line))
    translate = path.name.endswith(f".{TRANSLATION}.md")
    for mark in marks(text):
        # Compared in Russian notation: the English 0.307 stands for the Russian 0,307.
        value = mark.value if mark.literal or translate else russian(mark.value)
        found.values.append((f"[[{mark.name}: {' '.join(value.replace(chr(160), ' ').split())}]]", mark.line))
    fence, code_language, code_lines, code_start, code_indent = None, "", [], 0, ""
    for number, line in enumerate(lines[start:], start=start + 1):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening["fence"].startswith(fence) and not opening["info"].strip():
                kept = code_language if code_language in _TRANSLATED_CODE else "\n".join(code_lines)
                found.code.append((f"```{code_language}\n{kept}", code_start))
                fence = None
            else:
                code_lines.append(line[len(code_indent) :] if line.startswith(code_indent) else line)
            continue
        if opening:
            fence, code_language, code_lines, code_start, code_indent = (
                opening["fence"],
                opening["info"].strip().split(" ")[0],
                [],
                number,
                opening["indent"],
            )
            continue
        if heading := _HEADING.match(line):
            found.headings.append(
                (f"{heading[1]} {{ #{heading[3]} }}" if heading[3] else f"{heading[1]} (no id)", number)
            )
        if admonition := _ADMONITION.match(line):
            found.admonitions.append((f"{admonition[1].rstrip('+')} {admonition[2]}", number))
        found.links += [(target, number) for target in _LINK.findall(line)]
        found.code += [(f"include {target}", number) for target in _INCLUDE.findall(line)]
    return found


def differences(english: Path, russian: Path) -> list[str]:
    """What differs between the structures of a page and its translation, with line numbers."""
    mine, theirs = structure(english), structure(russian)
    found = []
    for kind in ("headings", "code", "admonitions", "values"):
        found += _sequence_difference(kind, getattr(mine, kind), getattr(theirs, kind))
    # Links and formulas may come in another order in the other language's sentences; a sentence may
    # also name a formula once more: links are compared as multisets, formulas as sets.
    found += _set_difference("links", mine.links, theirs.links)
    found += _set_difference("formulas", mine.math, theirs.math, repeats=False)
    return found


def duplicate_ids(path: Path) -> list[str]:
    """'line N: …' for each heading id a page gives twice."""
    seen, found = {}, []
    for heading, line in structure(path).headings:
        if "(no id)" in heading:
            continue
        heading_id = re.search(r"#([\w-]+) \}", heading).group(1)
        if heading_id in seen:
            found.append(
                f"line {line}: the heading id '#{heading_id}' is already used on line {seen[heading_id]}. "
                f"Give each heading its own id: links to the second one would silently break."
            )
        seen.setdefault(heading_id, line)
    return found


def last_changes(docs: Path) -> dict[Path, int]:
    """Each file's last commit time (Unix seconds) from git; empty outside a git checkout."""
    try:
        root = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=docs, capture_output=True, text=True, check=True
        ).stdout.strip()
        history = subprocess.run(
            ["git", "log", "--first-parent", "--format=%x00%ct", "--name-only", "--", "."],
            cwd=docs,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        log.info("not a git checkout: translation drift banners are off")
        return {}
    changed: dict[Path, int] = {}
    for commit in history.split("\0")[1:]:
        timestamp, *names = commit.strip().splitlines()
        for name in filter(None, names):
            changed.setdefault((Path(root) / name).resolve(), int(timestamp))
    return changed


def _sequence_difference(kind: str, english: list[tuple[str, int]], russian: list[tuple[str, int]]) -> list[str]:
    for index, ((mine, my_line), (theirs, their_line)) in enumerate(zip(english, russian, strict=False)):
        if mine != theirs:
            mine, theirs = _first_different_line(mine, theirs)
            return [
                f"{kind}: item {index + 1} is {_short(theirs)} (line {their_line}) where the English page has "
                f"{_short(mine)} (line {my_line})"
            ]
    if len(english) != len(russian):
        extra, side = (
            (english[len(russian) :], "the English page also has")
            if len(english) > len(russian)
            else (russian[len(english) :], "the Russian page also has")
        )
        return [
            f"{kind}: {len(english)} in English, {len(russian)} in Russian; "
            f"{side} {_short(extra[0][0])} (line {extra[0][1]})"
        ]
    return []


def _set_difference(
    kind: str, english: list[tuple[str, int]], russian: list[tuple[str, int]], repeats: bool = True
) -> list[str]:
    mine, theirs = Counter(item for item, _ in english), Counter(item for item, _ in russian)
    if not repeats:
        mine, theirs = Counter(mine.keys()), Counter(theirs.keys())
    found = []
    for item in sorted((mine - theirs).keys()):
        line = next(number for i, number in english if i == item)
        found.append(f"{kind}: '{item}' (English line {line}) is missing from the Russian page")
    for item in sorted((theirs - mine).keys()):
        line = next(number for i, number in russian if i == item)
        found.append(f"{kind}: '{item}' (Russian line {line}) is not on the English page")
    return found


def _body_start(lines: list[str]) -> int:
    if lines and lines[0] == "---":
        for index, line in enumerate(lines[1:], start=1):
            if line == "---":
                return index + 1
    return 0


def _first_different_line(mine: str, theirs: str) -> tuple[str, str]:
    """For code blocks, the first line where the two differ (the opening fence when that differs)."""
    for my_line, their_line in zip(mine.splitlines(), theirs.splitlines(), strict=False):
        if my_line != their_line:
            return my_line, their_line
    return mine, theirs


def _short(text: str) -> str:
    first = text.splitlines()[0] if text else text
    return repr(first if len(text.splitlines()) <= 1 else first + " …")


def _day(timestamp: int) -> str:
    import datetime

    return datetime.datetime.fromtimestamp(timestamp, datetime.UTC).date().isoformat()
