"""Scaffold a new page in both languages and add it to the nav of both languages.

Usage:
    python scripts/new_page.py stages/take-home.md --title "Take-home assignment" \\
        --title-ru "Домашнее задание" --section "Stages" [--description "..."] [--description-ru "..."] \\
        [--tags stage/coding,role/re] [--root DIR]

Writes docs/<PATH> and its Russian twin docs/<PATH without .md>.ru.md (front matter, a `# Title`
heading and one `## ... { #overview }` section), appends `- Title: PATH` as the last child of the
top-level nav section (`--section ""`: a top-level nav item) and `Title: Заголовок` to the Russian
`nav_translations`. mkdocs.yml is edited as text, so every other byte of it stays as it was, and the
result is re-read with a YAML loader before anything is written. Exits 1, writing nothing, when the
page exists, the section does not exist, the path is not a .md file under docs/, a tag is malformed
or not in tags.yml, or no tag is given (every page needs at least one).
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))  # the hooks are plain modules: import them as MkDocs does

from page_schema import PluginError, allowed_tags  # noqa: E402

TAG = re.compile(r"(role|stage|topic|difficulty)/[a-z]+(?:-[a-z]+)*")
MAX_DESCRIPTION = 160  # tests/test_pages.py: 0 < len(description) <= 160
DEFAULT_DESCRIPTION = {
    "en": "TODO: one sentence saying what this page covers.",
    "ru": "TODO: одно предложение о том, что есть на этой странице.",
}
OVERVIEW = {
    "en": ("Overview", "TODO: write this page in your own words and list its sources in the front matter."),
    "ru": ("Обзор", "TODO: напишите страницу своими словами и перечислите источники во front matter."),
}


class Refusal(Exception):
    """A problem with the request: reported as one clear message, exit status 1."""


# -----------------------------------------------------------------------------
# YAML: a loader that accepts mkdocs.yml's !!python/... tags, and safe scalars
# -----------------------------------------------------------------------------


class _TolerantLoader(yaml.SafeLoader):
    """SafeLoader that turns every unknown tag into {"!tag": tag, "value": ...} instead of failing."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict:
    if isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_scalar(node)
    return {"!tag": node.tag, "value": value}


_TolerantLoader.add_multi_constructor("", _unknown_tag)


def load_yaml(text: str):
    return yaml.load(text, Loader=_TolerantLoader)  # noqa: S506 - a SafeLoader subclass


def yaml_key(text: str) -> str:
    """`text` as a YAML mapping key: plain when YAML reads it back unchanged, else double-quoted."""
    try:
        if load_yaml(f"{text}: x") == {text: "x"}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def yaml_value(text: str) -> str:
    """`text` as a YAML mapping value: plain when YAML reads it back unchanged, else double-quoted."""
    try:
        if load_yaml(f"key: {text}") == {"key": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


# -----------------------------------------------------------------------------
# mkdocs.yml, edited as text
# -----------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    """Lines with their endings, split on "\\n" only (str.splitlines also splits on U+2028 and friends)."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blank(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """Index after the last non-blank line, from `start` on, that is indented deeper than `indent`."""
    end = start
    for number in range(start, len(lines)):
        if _blank(lines[number]):
            continue
        if _indent(lines[number]) <= indent:
            break
        end = number + 1
    return end


def _insert(lines: list[str], at: int, line: str, newline: str) -> None:
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += newline
    lines.insert(at, line + newline)


@dataclass
class Edit:
    text: str
    nav_line: int  # 1-based line numbers in the new text
    translation_line: int | None


def _nav_insert_point(lines: list[str], section: str) -> tuple[int, str]:
    """(index to insert the nav entry at, its indentation) for the top-level section or the top level."""
    starts = [n for n, line in enumerate(lines) if re.match(r"nav:\s*(#.*)?$", line.rstrip("\r\n"))]
    if not starts:
        raise Refusal("mkdocs.yml has no top-level block `nav:` to add the page to")
    start = starts[0] + 1
    first = next((n for n in range(start, len(lines)) if not _blank(lines[n])), None)
    if first is None or not lines[first].lstrip().startswith("- "):
        raise Refusal("mkdocs.yml: `nav:` is not a block list (`- Title: page.md` lines); edit it by hand")
    item_indent = _indent(lines[first])
    # The nav block: item lines at item_indent, and anything indented deeper.
    end, items = first, []
    for number in range(first, len(lines)):
        line = lines[number]
        if _blank(line):
            continue
        if _indent(line) < item_indent or (_indent(line) == item_indent and not line.lstrip().startswith("- ")):
            break
        if _indent(line) == item_indent:
            items.append(number)
        end = number + 1
    if not section:
        return end, " " * item_indent
    sections = []
    for number in items:
        try:
            item = load_yaml(lines[number].strip()[2:])
        except yaml.YAMLError:
            continue
        if not isinstance(item, dict) or len(item) != 1:
            continue
        ((name, value),) = item.items()
        if value is None:
            sections.append(str(name))
        if name != section:
            continue
        if value is not None:
            raise Refusal(f"nav item {section!r} in mkdocs.yml is a page, not a section; choose a section")
        section_end = _block_end(lines, number + 1, item_indent)
        children = [n for n in range(number + 1, section_end) if not _blank(lines[n])]
        if not children or not lines[children[0]].lstrip().startswith("- "):
            raise Refusal(f"nav section {section!r} in mkdocs.yml has no `- Title: page.md` entries; edit it by hand")
        return section_end, " " * _indent(lines[children[0]])
    raise Refusal(
        f"no top-level nav section {section!r} in mkdocs.yml; sections: {', '.join(map(repr, sections))} "
        '(or --section "" for a top-level page)'
    )


_TRANSLATIONS = re.compile(r"(\s*)(- )?nav_translations:\s*(?P<rest>[^#\s].*)?$")


def _translations_insert_point(lines: list[str]) -> tuple[int, str, str | None]:
    """(index, indentation, `nav_translations:` line to add first or None) in the ru language's block."""
    ru_locale = re.compile(r"\s*(- )?locale:\s*['\"]?ru['\"]?\s*(#.*)?$")
    locale = next((n for n, line in enumerate(lines) if ru_locale.match(line.rstrip("\r\n"))), None)
    if locale is None:
        raise Refusal("mkdocs.yml has no language with `locale: ru` under the i18n plugin")
    # The language's list item starts at its `- ` line (the locale line itself or one above it).
    item = locale
    key_indent = _indent(lines[locale]) + (2 if lines[locale].lstrip().startswith("- ") else 0)
    while not lines[item].lstrip().startswith("- "):
        item -= 1
        if item < 0 or (not _blank(lines[item]) and _indent(lines[item]) < key_indent - 2):
            raise Refusal("mkdocs.yml: cannot find the list item of the `locale: ru` language; edit it by hand")
    item_end = _block_end(lines, item + 1, _indent(lines[item]))
    for number in range(item, item_end):
        match = _TRANSLATIONS.match(lines[number].rstrip("\r\n"))
        if not match:
            continue
        if match.group("rest"):
            raise Refusal("mkdocs.yml: the ru `nav_translations` is not a block mapping; edit it by hand")
        own = len(match.group(1)) + (2 if match.group(2) else 0)
        end = _block_end(lines, number + 1, own)
        entries = [n for n in range(number + 1, end) if not _blank(lines[n])]
        return end, " " * (_indent(lines[entries[0]]) if entries else own + 2), None
    return item_end, " " * (key_indent + 2), " " * key_indent + "nav_translations:"


def _nav_pages(nav) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, list):
        return set().union(*map(_nav_pages, nav)) if nav else set()
    if isinstance(nav, dict):
        return set().union(*map(_nav_pages, nav.values())) if nav else set()
    return set()


def _nav_children(nav: list, section: str) -> list:
    if not section:
        return nav
    for item in nav:
        if isinstance(item, dict) and section in item:
            return item[section]
    raise AssertionError(f"section {section!r} vanished")


def _ru_language(config: dict) -> dict:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for language in plugin["i18n"].get("languages") or []:
                if isinstance(language, dict) and language.get("locale") == "ru":
                    return language
    raise Refusal("mkdocs.yml has no i18n plugin language with `locale: ru`")


def edit_config(text: str, *, section: str, title: str, title_ru: str, page: str) -> Edit:
    """mkdocs.yml with the nav entry and the Russian nav title added; every other line unchanged."""
    old = load_yaml(text)
    if page in _nav_pages(old.get("nav") or []):
        raise Refusal(f"{page} is already in the nav of mkdocs.yml")
    translations = _ru_language(old).get("nav_translations") or {}
    add_translation = title not in translations
    if not add_translation and translations[title] != title_ru:
        raise Refusal(
            f"the nav title {title!r} is already translated as {translations[title]!r} in mkdocs.yml; "
            "nav_translations maps a title to one translation: pick another --title or use that --title-ru"
        )

    lines = _lines(text)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    at, indent = _nav_insert_point(lines, section)
    entries = {"nav": (at, [f"{indent}- {yaml_key(title)}: {yaml_value(page)}"])}
    if add_translation:
        at, indent, header = _translations_insert_point(lines)
        translation = f"{indent}{yaml_key(title)}: {yaml_value(title_ru)}"
        entries["translation"] = (at, [header, translation] if header else [translation])
    # 1-based line of each entry's last line in the new text: earlier insertions push it down.
    line_of = {
        name: at + len(new) + sum(len(other) for a, other in entries.values() if a < at)
        for name, (at, new) in entries.items()
    }
    for at, new in sorted(entries.values(), key=lambda entry: entry[0], reverse=True):
        for line in reversed(new):
            _insert(lines, at, line, newline)
    new_text = "".join(lines)

    # Verify: the new file, read back, is the old one plus exactly these two entries.
    expected = load_yaml(text)
    _nav_children(expected["nav"], section).append({title: page})
    if add_translation:
        language = _ru_language(expected)
        language["nav_translations"] = {**(language.get("nav_translations") or {}), title: title_ru}
    try:
        actual = load_yaml(new_text)
    except yaml.YAMLError as error:
        raise Refusal(f"internal error: the edited mkdocs.yml does not parse ({error}); nothing was written") from None
    if actual != expected:
        raise Refusal("internal error: the edited mkdocs.yml does not read back as expected; nothing was written")
    return Edit(new_text, line_of["nav"], line_of.get("translation"))


# -----------------------------------------------------------------------------
# Pages
# -----------------------------------------------------------------------------


def page_text(*, title: str, description: str, tags: list[str], language: str, today: datetime.date) -> str:
    heading, todo = OVERVIEW[language]
    tag_lines = ["tags:", *(f"  - {tag}" for tag in tags)] if tags else ["tags: []"]
    return "\n".join(
        [
            "---",
            f"title: {json.dumps(title, ensure_ascii=False)}",
            f"description: {json.dumps(description, ensure_ascii=False)}",
            *tag_lines,
            "sources: []",
            f"reviewed: {today.isoformat()}",
            "---",
            "",
            f"# {title}",
            "",
            f"## {heading} {{ #overview }}",
            "",
            todo,
            "",
        ]
    )


def normalise_path(raw: str, root: Path, docs: Path) -> str:
    """PATH relative to docs/ in POSIX form, or Refusal."""
    path = Path(raw)
    if path.is_absolute():
        try:
            path = path.resolve().relative_to(docs.resolve())
        except ValueError:
            raise Refusal(f"{raw}: not under {docs}; give the path relative to docs/: stages/take-home.md") from None
    parts = PurePosixPath(path.as_posix()).parts
    if parts and parts[0] == docs.name and not (docs / path).parent.exists():
        parts = parts[1:]  # docs/stages/x.md given: stages/x.md meant
    relative = PurePosixPath(*parts) if parts else PurePosixPath("")
    if not parts or ".." in parts or relative.is_absolute():
        raise Refusal(f"{raw}: not under docs/; give the path relative to docs/, like stages/take-home.md")
    if relative.suffix != ".md":
        raise Refusal(f"{raw}: not a .md file; pages are Markdown files like stages/take-home.md")
    if relative.name.endswith(".ru.md"):
        raise Refusal(f"{raw}: give the English page's path; the script writes the .ru.md twin itself")
    if parts[0] == "snippets":
        raise Refusal(f"{raw}: docs/snippets/ holds runnable code, not pages (it is excluded from the site)")
    if not re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", relative.stem) or any(
        not re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", part) for part in parts[:-1]
    ):
        raise Refusal(f"{raw}: use lower-case letters, digits and hyphens in page and folder names")
    return relative.as_posix()


def _vocabulary(vocabulary: Path) -> set[str]:
    """The allowed tags, read by the same code that checks them at build time (hooks/page_schema.py)."""
    try:
        return allowed_tags(vocabulary)
    except PluginError as error:
        raise Refusal(str(error)) from error


def parse_tags(raw: str, vocabulary: Path) -> list[str]:
    """The tags, checked for form and, when tags.yml exists, against its vocabulary."""
    tags = [tag.strip() for tag in raw.split(",") if tag.strip()]
    bad = [tag for tag in tags if not TAG.fullmatch(tag)]
    if bad:
        raise Refusal(
            f"malformed tag(s): {', '.join(bad)}; tags look like role/x, stage/x, topic/x or difficulty/x "
            "(lower-case words joined by hyphens)"
        )
    if not vocabulary.is_file():
        return list(dict.fromkeys(tags))
    known = _vocabulary(vocabulary)
    if not tags:
        raise Refusal(
            "give at least one tag with --tags, e.g. --tags stage/coding,role/re "
            f"(every page needs one; the tags are listed in {vocabulary.name})"
        )
    unknown = [tag for tag in tags if tag not in known]
    if unknown:
        raise Refusal(f"unknown tag(s): {', '.join(unknown)}; use tags from {vocabulary.name} or add them there first")
    return list(dict.fromkeys(tags))


def check_text(name: str, value: str, *, limit: int | None = None) -> str:
    value = value.strip()
    if not value:
        raise Refusal(f"{name} is empty")
    if "\n" in value or "\r" in value:
        raise Refusal(f"{name} must be one line")
    if limit and len(value) > limit:
        raise Refusal(f"{name} is {len(value)} characters long; keep it to {limit} (search results and link previews)")
    return value


# -----------------------------------------------------------------------------
# Command line
# -----------------------------------------------------------------------------


def run(args: argparse.Namespace) -> list[str]:
    root = Path(args.root).resolve()
    config_path = root / "mkdocs.yml"
    if not config_path.is_file():
        raise Refusal(f"no mkdocs.yml in {root}")
    config_text = config_path.read_bytes().decode("utf-8")
    docs = root / ((load_yaml(config_text) or {}).get("docs_dir") or "docs")

    page = normalise_path(args.path, root, docs)
    title = check_text("--title", args.title)
    title_ru = check_text("--title-ru", args.title_ru)
    if title == title_ru:
        raise Refusal("--title-ru is the same as --title; give the Russian title")
    description = check_text("--description", args.description or DEFAULT_DESCRIPTION["en"], limit=MAX_DESCRIPTION)
    description_ru = check_text(
        "--description-ru", args.description_ru or DEFAULT_DESCRIPTION["ru"], limit=MAX_DESCRIPTION
    )
    tags = parse_tags(args.tags, root / "tags.yml")
    english = docs / page
    russian = english.with_name(english.name[: -len(".md")] + ".ru.md")
    existing = [path for path in (english, russian) if path.exists()]
    if existing:
        names = " and ".join(str(path.relative_to(root)) for path in existing)
        raise Refusal(f"{names} already exist{'s' if len(existing) == 1 else ''}; not overwriting")

    edit = edit_config(config_text, section=args.section.strip(), title=title, title_ru=title_ru, page=page)

    today = datetime.date.today()
    english.parent.mkdir(parents=True, exist_ok=True)
    english.write_text(
        page_text(title=title, description=description, tags=tags, language="en", today=today),
        encoding="utf-8",
        newline="\n",
    )
    russian.write_text(
        page_text(title=title_ru, description=description_ru, tags=tags, language="ru", today=today),
        encoding="utf-8",
        newline="\n",
    )
    config_path.write_bytes(edit.text.encode("utf-8"))

    where = f"under {args.section.strip()!r}" if args.section.strip() else "at the top level"
    report = [
        f"created {english.relative_to(root)}",
        f"created {russian.relative_to(root)}",
        f"mkdocs.yml:{edit.nav_line}: added `{title}: {page}` to the nav {where}",
    ]
    if edit.translation_line:
        report.append(f"mkdocs.yml:{edit.translation_line}: added `{title}: {title_ru}` to the ru nav_translations")
    else:
        report.append(f"mkdocs.yml: the ru nav_translations already has `{title}: {title_ru}`")
    report.append("next: write both pages, list their sources, preview with `make serve`, check with `make test`")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Scaffold an English + Russian page pair and add it to the nav of both languages.",
    )
    parser.add_argument("path", metavar="PATH", help="the English page, relative to docs/: stages/take-home.md")
    parser.add_argument("--title", required=True, help="English title (page heading and nav title)")
    parser.add_argument("--title-ru", required=True, help="Russian title (page heading and nav translation)")
    parser.add_argument("--section", required=True, help='top-level nav section ("Stages"); "" for a top-level page')
    parser.add_argument("--description", help="English description: one sentence, at most 160 characters")
    parser.add_argument("--description-ru", help="Russian description: one sentence, at most 160 characters")
    parser.add_argument("--tags", default="", help="comma-separated tags from tags.yml (at least one): stage/coding")
    parser.add_argument("--root", default=str(ROOT), help="the repository root (default: this script's repository)")
    args = parser.parse_args(argv)
    try:
        report = run(args)
    except Refusal as refusal:
        print(f"new_page.py: {refusal}", file=sys.stderr)
        return 1
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
