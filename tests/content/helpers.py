"""Shared helpers for content tests: load the code a page includes, read the page it is on."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SNIPPETS = DOCS / "snippets"


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
    russian = english.with_name(english.stem + ".ru.md")
    return {"en": english.read_text(encoding="utf-8"), "ru": russian.read_text(encoding="utf-8")}


def assert_stated(relative_path: str, *texts: str) -> None:
    """Fail unless every text (a number as the page prints it) appears in both language versions."""
    for language, source in page_sources(relative_path).items():
        for text in texts:
            assert text in source, f"{relative_path} ({language}) does not state {text!r}"
