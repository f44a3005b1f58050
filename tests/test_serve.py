"""`make serve` runs `mkdocs serve`: both languages are served from 127.0.0.1 at the site root."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

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


def test_mkdocs_serve_serves_english_and_russian():
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while _get(base)[0] != 200 and time.monotonic() < deadline:
            assert server.poll() is None, "mkdocs serve exited"
            time.sleep(1)
        status, english = _get(base)
        assert status == 200 and '<html lang="en"' in english
        status, russian = _get(base + "ru/")
        assert status == 200 and '<html lang="ru"' in russian
        assert _get(base + "ru/search/search_index.full.json")[0] == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
