"""Shared helpers for content tests: load the code a page includes, check the values a page states."""

import importlib.util
import sys
from pathlib import Path

from tests.modules import load

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SNIPPETS = DOCS / "snippets"
VALUES = load("hooks/values.py")


def load_snippet(relative_path: str):
    """Import docs/snippets/<relative_path> as a fresh module (its own name, no package needed)."""
    path = SNIPPETS / relative_path
    if not path.is_file():
        raise FileNotFoundError(f"no snippet {path}")
    name = "snippet_" + relative_path.replace("/", "_").removesuffix(".py")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def page_sources(relative_path: str) -> dict[str, str]:
    """Markdown source of a page in both languages: {"en": ..., "ru": ...}."""
    english = DOCS / relative_path
    if not english.is_file() and english.with_suffix("").is_dir():  # a topic's old page: being replaced
        answers = sorted(english.with_suffix("").glob("*.md"))
        return {
            "en": "\n".join(path.read_text(encoding="utf-8") for path in answers if path.name.count(".") == 1),
            "ru": "\n".join(path.read_text(encoding="utf-8") for path in answers if path.name.endswith(".ru.md")),
        }
    russian = english.with_name(english.stem + ".ru.md")
    return {"en": english.read_text(encoding="utf-8"), "ru": russian.read_text(encoding="utf-8")}


def assert_values(relative_path: str, expected: dict[str, str], *, sources: dict[str, str] | None = None) -> None:
    """Every value marked `[[name: value]]` on the page, in both languages, is the recomputed one.

    `expected` maps each name to the value as English writes it (`f"{x:.3f}"`); in Russian prose the
    same number is written with a decimal comma and a no-break space before %. The page must mark
    exactly these names: a mark the test does not recompute is an unchecked number.
    """
    for language, source in (sources or page_sources(relative_path)).items():
        marks = VALUES.marks(source)
        stated = {mark.name: mark for mark in marks}
        assert len(stated) == len(marks), f"{relative_path} ({language}): a value name is used twice"
        assert stated.keys() == expected.keys(), (
            f"{relative_path} ({language}): marked but not recomputed {sorted(stated.keys() - expected.keys())}, "
            f"recomputed but not marked {sorted(expected.keys() - stated.keys())}"
        )
        for name, value in expected.items():
            mark = stated[name]
            want = value if language == "en" or mark.literal else VALUES.russian(value)
            assert _spaced(mark.value) == _spaced(want), (
                f"{relative_path} ({language}), line {mark.line}: [[{name}: {mark.value}]] states {mark.value!r}, "
                f"the test computes {want!r}"
            )


def _spaced(text: str) -> str:
    """The text with every run of spaces (no-break ones included) as one plain space."""
    return " ".join(text.replace("\u00a0", " ").split())
