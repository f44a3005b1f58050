"""`make serve` runs `mkdocs serve`: both languages are served from 127.0.0.1 at the site root, and an
edited page is rebuilt quickly (only what changed) with every problem of that page reported."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.sitebuilder import ROOT


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except OSError:
        return 0, ""


def _serve_options(port: int) -> list[str]:
    """The options `make serve` gives mkdocs serve, read from the Makefile (so the test runs what it runs)."""
    line = next(line for line in (ROOT / "Makefile").read_text().splitlines() if "mkdocs serve" in line)
    return line.split("mkdocs serve ", 1)[1].replace("$(ADDRESS)", f"127.0.0.1:{port}").split()


def _project_copy(folder: Path) -> Path:
    """The project with its own docs/ (edited by the test) and cache/, the rest linked."""
    for name in ("hooks", "overrides", "node_modules", "scripts", "tags.yml", "mkdocs.yml"):
        (folder / name).symlink_to(ROOT / name, target_is_directory=(ROOT / name).is_dir())
    shutil.copytree(ROOT / "docs", folder / "docs")
    shutil.copytree(ROOT / "cache", folder / "cache")
    return folder


def test_make_serve_serves_both_languages_and_rebuilds_an_edited_page_with_its_problems(tmp_path):
    project, port = _project_copy(tmp_path), _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *_serve_options(port)], cwd=project, env=env, stdout=log, stderr=log
    )
    try:
        _wait(lambda: _get(base)[0] == 200, server, 300)
        status, english = _get(base)
        assert status == 200 and '<html lang="en"' in english
        status, russian = _get(base + "ru/")
        assert status == 200 and '<html lang="ru"' in russian
        assert _get(base + "ru/search/search_index.full.json")[0] == 200

        page = project / "docs" / "questions" / "rl" / "mdp.md"
        lines = page.read_text(encoding="utf-8").splitlines()
        line = lines.index(next(text for text in lines if text.startswith("# "))) + 3
        lines.insert(line - 1, "Edited: see [nowhere](no-such-page.md) and $\\frac{1}{$.")
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
        _wait(lambda: "Edited: see" in _get(base + "questions/rl/mdp/")[1], server, 120)
        _wait(lambda: "KaTeX cannot render" in (tmp_path / "serve.log").read_text(encoding="utf-8"), server, 60)
        output = (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert f"Doc file 'questions/rl/mdp.md', line {line}: KaTeX cannot render" in output
        assert "no-such-page.md" in output, "the broken link on the edited page is reported"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _wait(condition, server: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert server.poll() is None, "mkdocs serve exited"
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.5)
