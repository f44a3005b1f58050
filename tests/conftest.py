"""Session fixtures: the real site built once (strictly), served on 127.0.0.1, and a browser."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from tests.modules import load
from tests.sitebuilder import ROOT, Build, build

CHROMIUM = load("scripts/chromium.py")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The project's own site, built with `mkdocs build --strict` into a temporary folder."""
    result = build(ROOT, site=tmp_path_factory.mktemp("site"))
    assert result.returncode == 0, f"strict build of the real site failed:\n{result.log[-6000:]}"
    return result


@pytest.fixture(scope="session")
def server(real_site) -> str:
    """Base URL of the built site served on loopback."""
    handler = functools.partial(_QuietHandler, directory=str(real_site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM.EXECUTABLE).exists():
        pytest.fail(f"{CHROMIUM.EXECUTABLE} is missing: `make test` installs Debian's chromium")
    with playwright_api.sync_playwright() as playwright:
        browser = CHROMIUM.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
