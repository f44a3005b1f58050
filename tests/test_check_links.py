"""scripts/check_links.py against a local HTTP server: no request ever leaves 127.0.0.1.

The server answers 200, 404, 301/302 redirects, 405 to HEAD only, 503 once then 200, and a
response slower than the timeout. Fake sites are a few HTML files in tmp_path.
"""

from __future__ import annotations

import http.server
import importlib.util
import json
import subprocess
import sys
import threading
import urllib.parse
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "check_links.py"
TIMEOUT = 0.5  # seconds; /slow answers only when the test ends, long after this


def _load_script():
    spec = importlib.util.spec_from_file_location("check_links", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


check_links = _load_script()


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def do_HEAD(self) -> None:
        self._respond()

    def do_GET(self) -> None:
        self._respond()

    def _respond(self) -> None:
        path = urllib.parse.unquote(self.path)
        hits = self.server.record(self.command, path)
        status, location = 200, None
        if path == "/missing":
            status = 404
        elif path == "/moved":
            status, location = 301, "/ok"
        elif path == "/found":
            status, location = 302, "/ok"
        elif path == "/loop":
            status, location = 301, "/loop"
        elif path == "/choices":
            status = 300  # a 3xx with nowhere to go: still an answer, so alive
        elif path == "/no-head" and self.command == "HEAD":
            status = 405
        elif path.startswith("/flaky") and hits == 1:
            status = 503
        elif path == "/slow":
            self.server.release.wait(10)  # far beyond TIMEOUT; set when the test ends
        elif path not in ("/ok", "/no-head", "/статья") and not path.startswith("/flaky"):
            status = 404
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    """Records every request, so tests can tell what was (not) asked and how."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()
        self.release = threading.Event()
        self.base = f"http://127.0.0.1:{self.server_address[1]}"

    def record(self, method: str, path: str) -> int:
        """Log the request; return how many times path has been requested, this one included."""
        with self.lock:
            self.requests.append((method, path))
            return sum(1 for _, p in self.requests if p == path)

    def hits(self, path: str) -> int:
        with self.lock:
            return Counter(p for _, p in self.requests)[path]

    def handle_error(self, request, client_address) -> None:
        pass  # the checker hangs up on /slow on purpose; the late write's broken pipe is expected


@pytest.fixture
def server():
    httpd = _Server()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.release.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch):
    monkeypatch.setattr(check_links, "BACKOFF_SECONDS", 0.01)


@pytest.fixture(autouse=True)
def loopback_without_proxy(monkeypatch):
    """urllib honours *_proxy variables; a proxy would never reach this machine's test server."""
    for name in ("no_proxy", "NO_PROXY"):  # read at request time, and inherited by subprocesses
        monkeypatch.setenv(name, "127.0.0.1,localhost")


def make_site(folder: Path, pages: dict[str, list[str]]) -> Path:
    """A site folder with one HTML page per entry, each linking to the given hrefs."""
    for name, hrefs in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        links = "\n".join(f'<p><a href="{href}">link</a></p>' for href in hrefs)
        path.write_text(
            f"<!doctype html><html><head><title>t</title></head><body>{links}</body></html>", encoding="utf-8"
        )
    return folder


def run(site: Path, cache: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [
        sys.executable,
        str(SCRIPT),
        str(site),
        "--timeout",
        str(TIMEOUT),
        "--retries",
        "1",
        "--workers",
        "4",
        "--cache",
        str(cache),
        *extra,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def line_with(text: str, needle: str) -> str:
    lines = [line for line in text.splitlines() if needle in line]
    assert lines, f"no line with {needle!r} in:\n{text}"
    return lines[0]


# --- End to end: the script as a subprocess --------------------------------------------------


def test_dead_links_exit_1_and_are_reported_with_their_pages(server, tmp_path):
    site = make_site(
        tmp_path / "site",
        {
            "index.html": [f"{server.base}/ok", f"{server.base}/missing"],
            "guide/slow/index.html": [f"{server.base}/slow", "../index.html"],
        },
    )
    report = tmp_path / "report.txt"

    result = run(site, tmp_path / "cache.json", "--report", str(report))

    assert result.returncode == 1, result.stdout + result.stderr
    missing = line_with(result.stdout, f"{server.base}/missing ")
    assert "404" in missing and "index.html" in missing and "guide/slow" not in missing
    slow = line_with(result.stdout, f"{server.base}/slow ")
    assert "timeout" in slow and "guide/slow/index.html" in slow
    assert f"{server.base}/ok " not in result.stdout  # alive links stay out of the table
    assert "3 checked, 1 alive, 2 dead, 0 from cache" in result.stdout
    assert report.read_text(encoding="utf-8") == result.stdout
    assert server.hits("/slow") == 2  # a timeout is retried (--retries 1) before it counts as dead


def test_site_with_only_good_links_exits_0_and_shows_progress(server, tmp_path):
    site = make_site(
        tmp_path / "site",
        {
            "index.html": [f"{server.base}/ok", f"{server.base}/moved", "#top", "mailto:a@example.org"],
            "ru/index.html": [f"{server.base}/no-head", f"{server.base}/flaky", "../index.html", "javascript:void(0)"],
        },
    )

    result = run(site, tmp_path / "cache.json")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 checked, 4 alive, 0 dead, 0 from cache" in result.stdout
    assert "Dead links" not in result.stdout
    moved = line_with(result.stdout, f"{server.base}/moved ")  # the redirect, as a warning
    assert f"{server.base}/ok" in moved and "index.html" in moved
    for n in range(1, 5):
        assert f"[{n}/4] " in result.stderr
    assert f"] 200 {server.base}/no-head\n" in result.stderr  # "[n/total] STATUS url"


def test_cache_skips_recently_alive_urls_but_rechecks_dead_ones(server, tmp_path):
    site = make_site(
        tmp_path / "site",
        {"index.html": [f"{server.base}/ok", f"{server.base}/missing"], "old.html": [f"{server.base}/moved"]},
    )
    cache = tmp_path / "nested" / "links.json"

    first = run(site, cache)
    assert first.returncode == 1
    assert (server.hits("/ok"), server.hits("/moved"), server.hits("/missing")) == (2, 1, 1)
    entries = json.loads(cache.read_text(encoding="utf-8"))
    assert entries[f"{server.base}/ok"]["status"] == 200
    assert entries[f"{server.base}/missing"]["status"] == 404
    checked_at = datetime.fromisoformat(entries[f"{server.base}/ok"]["checked_at"])
    assert checked_at.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - checked_at) < timedelta(minutes=5)
    assert list(cache.parent.iterdir()) == [cache]  # the atomic write leaves no temporary file

    second = run(site, cache)
    assert second.returncode == 1  # the dead link is still dead, even with a cache
    assert (server.hits("/ok"), server.hits("/moved"), server.hits("/missing")) == (2, 1, 2)
    assert "3 checked, 2 alive, 1 dead, 2 from cache" in second.stdout
    assert f"{server.base}/ok" in line_with(second.stdout, f"{server.base}/moved ")  # warning kept

    expired = run(site, cache, "--max-age-hours", "0")
    assert expired.returncode == 1
    assert (server.hits("/ok"), server.hits("/moved")) == (4, 2)  # too old to trust: asked again
    assert "0 from cache" in expired.stdout


def test_missing_site_folder_exits_2(tmp_path):
    result = run(tmp_path / "no-such-site", tmp_path / "cache.json")
    assert result.returncode == 2
    assert "no-such-site" in result.stderr
    assert not (tmp_path / "cache.json").exists()


# --- Finer checks: the script's functions ----------------------------------------------------


def test_collects_external_urls_with_their_pages_and_ignores_site_links(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<html><head><link rel="canonical" href="https://example.org/guide/">'
        '<script src="https://cdn.example.com/lib.js"></script></head><body>'
        '<a href="https://example.com/x?a=1&amp;b=2#part">x</a>'
        '<a href="../other/">rel</a><a href="#top">anchor</a><a href="mailto:me@example.com">m</a>'
        '<a href="javascript:void(0)">js</a><img src="img/logo.png">'
        '<a href="https://example.org/guide/ru/">own site, absolute</a>'
        "<p>https://example.com/only-text is not a link</p></body></html>",
        encoding="utf-8",
    )
    (site / "a" / "page.html").write_text(
        '<a href="https://example.com/x?a=1&b=2#other">same URL</a>'
        '<a href="//cdn.example.com/img.png">protocol-relative</a><a href="HTTP://Example.com/Y">y</a>',
        encoding="utf-8",
    )

    assert check_links.collect_links(site) == {
        "HTTP://Example.com/Y": ["a/page.html"],
        "https://cdn.example.com/img.png": ["a/page.html"],
        "https://cdn.example.com/lib.js": ["index.html"],
        "https://example.com/x?a=1&b=2": ["a/page.html", "index.html"],
    }


def test_permanent_redirect_is_alive_and_reported_temporary_one_is_not(server):
    moved = check_links.check_url(f"{server.base}/moved", TIMEOUT, retries=0)
    found = check_links.check_url(f"{server.base}/found", TIMEOUT, retries=0)

    assert moved.alive and moved.status == 200 and moved.moved_to == f"{server.base}/ok"
    assert found.alive and found.status == 200 and found.moved_to == ""
    assert server.requests == [("HEAD", "/moved"), ("HEAD", "/ok"), ("HEAD", "/found"), ("HEAD", "/ok")]
    report = check_links.render_report([moved, found], {moved.url: ["a.html"], found.url: ["b.html"]})
    assert "permanent redirect" in report and f"{server.base}/found" not in report
    assert "2 checked, 2 alive, 0 dead, 0 from cache" in report


def test_3xx_without_location_is_alive(server):
    result = check_links.check_url(f"{server.base}/choices", TIMEOUT, retries=0)

    assert result.alive and result.status == 300


def test_redirect_loop_is_dead_and_not_retried(server):
    result = check_links.check_url(f"{server.base}/loop", TIMEOUT, retries=2)

    assert not result.alive and result.label == "too many redirects"
    assert server.hits("/loop") == check_links.MAX_REDIRECTS + 1


def test_head_refused_with_405_falls_back_to_get(server):
    result = check_links.check_url(f"{server.base}/no-head", TIMEOUT, retries=0)

    assert result.alive and result.status == 200
    assert server.requests == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_head_is_enough_when_the_server_accepts_it(server):
    assert check_links.check_url(f"{server.base}/ok", TIMEOUT, retries=0).alive
    assert server.requests == [("HEAD", "/ok")]  # no GET: the body is never downloaded


def test_503_then_200_passes_thanks_to_a_retry(server):
    without_retry = check_links.check_url(f"{server.base}/flaky/a", TIMEOUT, retries=0)
    with_retry = check_links.check_url(f"{server.base}/flaky/b", TIMEOUT, retries=1)

    assert not without_retry.alive and without_retry.status == 503
    assert with_retry.alive and with_retry.status == 200
    assert server.hits("/flaky/b") == 2


def test_404_is_dead_at_once_and_not_retried(server):
    result = check_links.check_url(f"{server.base}/missing", TIMEOUT, retries=2)

    assert not result.alive and result.label == "404"
    assert server.hits("/missing") == 1


def test_timeout_is_retried_then_dead(server):
    result = check_links.check_url(f"{server.base}/slow", TIMEOUT, retries=1)

    assert not result.alive and result.label == "timeout"
    assert server.hits("/slow") == 2


def test_refused_connection_is_dead(server):
    closed = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    port = closed.server_address[1]
    closed.server_close()  # nothing listens on this port any more

    result = check_links.check_url(f"http://127.0.0.1:{port}/", TIMEOUT, retries=0)

    assert not result.alive and result.status is None and result.error


def test_non_ascii_url_is_percent_encoded(server):
    result = check_links.check_url(f"{server.base}/статья", TIMEOUT, retries=0)

    assert result.alive, result
    assert server.requests == [("HEAD", "/статья")]


def test_cache_trusts_only_recent_alive_entries():
    now = datetime(2024, 5, 1, 12, tzinfo=UTC)
    day = timedelta(hours=24)

    def entry(status, hours_ago):
        return {"status": status, "checked_at": (now - timedelta(hours=hours_ago)).isoformat()}

    assert check_links.cached_result("u", entry(200, 1), now, day).from_cache
    assert check_links.cached_result("u", entry(200, 25), now, day) is None
    assert check_links.cached_result("u", entry(404, 1), now, day) is None
    assert check_links.cached_result("u", entry("timeout", 1), now, day) is None
    assert check_links.cached_result("u", {"status": 200}, now, day) is None
    assert check_links.cached_result("u", "garbage", now, day) is None
