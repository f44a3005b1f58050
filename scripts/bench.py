"""Benchmark: build time with and without the hooks, and first-load page weight in a real browser.

Usage: python scripts/bench.py [--runs N]

Prints, in one run:
- the full build (EN + RU, every hook) vs the same content with `hooks:` removed, and the ratio;
- build time per page-language;
- the size of the site's own scripts and of the vendored ones (raw and gzip);
- for the home page and the lightest and heaviest pages with both math and a diagram: the bytes a first visit downloads
  (raw, and gzip as a compressing host would serve them) and the number of requests.
A benchmark, not a test: it prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import chromium  # scripts/chromium.py: this script's folder is on sys.path

ROOT = Path(__file__).resolve().parents[1]
ALREADY_COMPRESSED = (".woff2", ".woff", ".png", ".jpg", ".gz")


def build_seconds(config: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def config_without_hooks() -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    without = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", text)
    if without == text:
        raise SystemExit("mkdocs.yml has no hooks: section to remove")
    # Beside mkdocs.yml, so docs/, overrides/ and includes resolve exactly as in the real build.
    path = ROOT / ".bench-no-hooks.yml"
    path.write_text(without, encoding="utf-8")
    return path


def page_languages(site: Path) -> int:
    return sum(1 for p in site.rglob("index.html") if "assets" not in p.parts)


def math_and_diagram_pages(site: Path) -> tuple[str, str]:
    """The lightest and the heaviest English pages with both math and a diagram."""
    candidates = sorted(
        (
            page
            for page in site.rglob("index.html")
            if not page.is_relative_to(site / "ru")
            and not page.is_relative_to(site / "print")  # whole tracks on one page, made for paper
            and 'class="katex' in (html := page.read_text(encoding="utf-8"))
            and '<figure class="diagram"' in html
        ),
        key=lambda page: page.stat().st_size,
    )
    if not candidates:
        raise SystemExit("no English page has both math and a diagram")
    lightest, heaviest = candidates[0], candidates[-1]
    return tuple(page.relative_to(site).parent.as_posix() + "/" for page in (lightest, heaviest))


def first_load(browser, base: str, path: str) -> tuple[int, int, int, int]:
    """(raw bytes, gzip bytes, requests, requests to other hosts) for a first visit to base + path."""
    context = browser.new_context()
    page = context.new_page()
    bodies: list[tuple[str, bytes]] = []
    foreign: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base) else foreign.append(request.url))
    page.on("requestfinished", lambda request: bodies.append((request.url, request.response().body())))
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    context.close()
    raw = sum(len(body) for _, body in bodies)
    compressed = sum(
        len(body) if url.endswith(ALREADY_COMPRESSED) else len(gzip.compress(body, 6)) for url, body in bodies
    )
    return raw, compressed, len(bodies) + len(foreign), len(foreign)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="builds of each kind; the median is shown")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-"))
    no_hooks = config_without_hooks()
    try:
        with_hooks = [build_seconds(ROOT / "mkdocs.yml", work / "site") for _ in range(args.runs)]
        without = [build_seconds(no_hooks, work / "plain") for _ in range(args.runs)]
    finally:
        no_hooks.unlink()
    full, plain = statistics.median(with_hooks), statistics.median(without)
    pages = page_languages(work / "site")
    print(f"build, all hooks:      {full:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in with_hooks)})")
    print(f"build, hooks off:      {plain:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in without)})")
    print(f"ratio:                 {full / plain:6.2f} x")
    print(f"page-languages built:  {pages:6d}")
    print(f"per page-language:     {1000 * full / pages:6.1f} ms with hooks, {1000 * plain / pages:.1f} ms without")

    for script in sorted((ROOT / "overrides" / "assets" / "javascripts").rglob("*.js")):
        body = script.read_bytes()
        name = script.relative_to(ROOT / "overrides").as_posix()
        print(f"own script {name}: {len(body) / 1024:.1f} KB raw, {len(gzip.compress(body, 9)) / 1024:.1f} KB gzip")
    # Third-party scripts the hooks copy from node_modules (ts-fsrs for the self-quiz page).
    for script in sorted((work / "site" / "assets" / "javascripts" / "vendor").glob("*.js")):
        body = script.read_bytes()
        size = f"{len(body) / 1024:.1f} KB raw, {len(gzip.compress(body, 9)) / 1024:.1f} KB gzip"
        print(f"vendor script {script.name}: {size}")

    from playwright.sync_api import sync_playwright

    httpd, base = serve(work / "site")
    try:
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            lightest, heaviest = math_and_diagram_pages(work / "site")
            pages = (("home", ""), ("lightest math + diagram", lightest), ("heaviest math + diagram", heaviest))
            for label, path in pages:
                raw, compressed, requests, foreign = first_load(browser, base, path)
                print(
                    f"first load, {label} (/{path}): {raw / 1024:7.1f} KB raw, {compressed / 1024:6.1f} KB gzip, "
                    f"{requests} requests, {foreign} to other hosts"
                )
            browser.close()
    finally:
        httpd.shutdown()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
