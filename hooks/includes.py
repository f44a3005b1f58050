"""Includes, `{!path!}` (markdown-include's syntax): expanded here, checked, never silent, never outside the repo.

markdown-include on its own resolves paths from the current directory, follows `..` and `~`
anywhere on the machine, expands `{!…!}` inside code, and only `print`s its problems (a missing,
undecodable or binary file becomes an empty block while `--strict` passes). So this hook expands
every include itself, before Markdown runs, and leaves markdown-include nothing to do:

- the path is relative to the repository root (the folder of mkdocs.yml) and must stay inside it:
  no absolute path, no `~`, no `..` that climbs out, no hidden folder, no symlink pointing away;
- the file must exist, be UTF-8 text (no NUL bytes) and not be the page itself; an included file's
  own includes are expanded the same way, and a cycle is refused;
- an include alone on an indented line (inside an admonition, a list or a collapsible block) has
  every included line indented like it; `{!path!lines=2 4-6!}` keeps those lines only;
- inside inline code and in fenced blocks that show Markdown (```` ```markdown ````, ```` ```md ````)
  the text `{!path!}` is an example and stays as written.

Every problem is a warning naming the page, the line and what to do (`mkdocs build --strict`
fails); the include is then shown as written and the build goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown_include.include import INC_SYNTAX
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

EXTENSION = "markdown_include.include"
# Literal `{!` in examples is hidden from markdown-include behind this private-use character.
PROTECTED = "\ue000"
MAX_DEPTH = 8

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if EXTENSION not in config.markdown_extensions:
        raise PluginError(f"hooks/includes.py needs '{EXTENSION}' in markdown_extensions.")
    config.mdx_configs.setdefault(EXTENSION, {})["base_path"] = str(_root(config))
    return config


@event_priority(95)  # after hooks/print_tracks.py (100) has inlined pages, before every other change
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    root, own = _root(config), Path(page.file.abs_src_path or "").resolve()
    for problem in expand(page.file.content_string, root, own).problems:
        log.warning(f"Doc file '{page.file.src_uri}', {problem}")
    return expand(markdown, root, own).text


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return html.replace(PROTECTED, "{")


# -----------------------------------------------------------------------------
# Helpers (expand() is also used by the tests)
# -----------------------------------------------------------------------------


@dataclass
class Expanded:
    text: str
    problems: list[str]


def expand(text: str, root: Path, page: Path, _chain: tuple[Path, ...] = ()) -> Expanded:
    """The text with every include expanded, and 'line N: …' for each one that could not be."""
    problems: list[str] = []
    out: list[str] = []
    for number, line, literal in _lines(text):
        if "{!" not in line:
            out.append(line)
        elif literal:
            out.append(line.replace("{!", PROTECTED + "!"))
        else:
            out.append(_expand_line(line, number, root, page, _chain, problems))
    return Expanded("\n".join(out), problems)


def _expand_line(line: str, number: int, root: Path, page: Path, chain: tuple, problems: list[str]) -> str:
    code = [span.span() for span in _INLINE_CODE.finditer(line)]
    alone = _ALONE.match(line)

    def replace(match: re.Match) -> str:
        if any(start <= match.start() < end for start, end in code):
            return match.group(0).replace("{!", PROTECTED + "!")
        target, problem = _resolve(match.group(1), root, page, chain)
        if not problem:
            content = _read(target)
            if isinstance(content, _Reason):
                problem = content
            elif match.group(4):
                content, problem = _select(content, match.group(4))
        if problem:
            problems.append(f"line {number}: include '{match.group(0)}' {problem}")
            return match.group(0).replace("{!", PROTECTED + "!")
        nested = expand(content.rstrip("\n"), root, page, (*chain, target))
        problems.extend(f"line {number}: in '{match.group(1)}', {found}" for found in nested.problems)
        if alone and match.start() == alone.end("indent"):
            return nested.text.replace("\n", "\n" + alone.group("indent"))
        return nested.text

    return INC_SYNTAX.sub(replace, line)


def _resolve(name: str, root: Path, page: Path, chain: tuple) -> tuple[Path | None, str | None]:
    if name.startswith(("/", "~", "\\")) or re.match(r"^[A-Za-z]:", name):
        return None, "must be a path relative to the repository root, e.g. {!docs/snippets/coding/merge_intervals.py!}"
    target = (root / name).resolve()
    if not target.is_relative_to(root.resolve()):
        return None, "points outside the repository: include only files of this repository, by a path from its root"
    if any(part.startswith(".") for part in target.relative_to(root.resolve()).parts):
        return None, "points into a hidden folder or file: include only the site's own files"
    if target == page or target in chain:
        return None, "includes itself (directly or through another include): remove the loop"
    if len(chain) >= MAX_DEPTH:
        return None, f"nests includes deeper than {MAX_DEPTH} levels"
    if not target.is_file():
        return None, f"points to a missing file ({name}). Include paths are relative to the repository root"
    return target, None


def _read(target: Path) -> str:
    """The file's text, or the _Reason it cannot be included."""
    data = target.read_bytes()
    if b"\0" in data:
        return _Reason("is a binary file: include only UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _Reason(f"is not UTF-8 text ({error.reason} at byte {error.start}): save the file as UTF-8")


class _Reason(str):
    """A reason a file cannot be included (a str subclass, told apart from the text by its type)."""


def _select(text: str, spec: str) -> tuple[str | None, str | None]:
    lines, wanted = text.split("\n"), []
    for block in spec.split():
        first, _, last = block.partition("-")
        start, end = int(first), int(last or first)
        if not 1 <= start <= end <= len(lines):
            return None, f"selects lines {block}, outside the file's {len(lines)} lines"
        wanted += lines[start - 1 : end]
    return "\n".join(wanted), None


_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}(?=[^`]*$)|~{3,})(?P<info>.*)$")
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")
_ALONE = re.compile(r"^(?P<indent>[ \t]*)\{!.*!\}[ \t]*$")
_SHOWS_MARKDOWN = {"markdown", "md"}


def _lines(text: str):
    """(line number, line, inside a fence that shows Markdown) for every line of a page."""
    fence = None
    for number, line in enumerate(text.split("\n"), start=1):
        opening = _FENCE.match(line)
        if fence:
            literal = fence[1]
            if opening and opening["fence"][0] == fence[0][0] and len(opening["fence"]) >= len(fence[0]):
                if not opening["info"].strip():
                    fence = None
            yield number, line, literal
            continue
        if opening:
            info = opening["info"].strip().split(" ")[0].lstrip("{.").lower()
            fence = (opening["fence"], info in _SHOWS_MARKDOWN)
            yield number, line, False
            continue
        yield number, line, False


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent
