"""Build a real tiny site in a temporary folder with the project's own config, hooks and theme.

The site gets the real mkdocs.yml minus its nav, symlinks to hooks/, overrides/, node_modules/,
scripts/ and tags.yml, and a copy of cache/, so every check runs exactly as in the real build. The build runs in a
subprocess: hooks keep per-build state in their modules, and a fresh process per site keeps
the sites independent.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINKED = ("hooks", "overrides", "node_modules", "scripts", "tags.yml")
COPIED = ("cache",)  # the build prunes unused cached diagrams: a site gets its own copy


@dataclass
class Build:
    returncode: int
    log: str
    site: Path

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def make_site(folder: Path, pages: dict[str, str]) -> Path:
    """Write mkdocs.yml (real config, no nav) and the given docs/ files into folder."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.split("\nnav:\n", 1)[0] + "\n"
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in LINKED:
        link = folder / name
        if not link.exists():
            link.symlink_to(ROOT / name, target_is_directory=(ROOT / name).is_dir())
    for name in COPIED:
        if not (folder / name).exists():
            shutil.copytree(ROOT / name, folder / name)
    for path, text in pages.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return folder


def build(
    folder: Path, *, site: Path | None = None, strict: bool = True, config: str = "mkdocs.yml", cwd: Path | None = None
) -> Build:
    site = site or folder / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(folder / config), "-d", str(site)]
    command += ["--strict"] if strict else ["--no-strict"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=cwd or folder, env=env, capture_output=True, text=True, timeout=600)
    return Build(result.returncode, result.stdout + result.stderr, site)


def build_pages(folder: Path, pages: dict[str, str], **options) -> Build:
    return build(make_site(folder, pages), **options)
