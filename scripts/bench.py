"""Benchmark: build cost, the edit loop, how cost grows with size, and what a reader downloads.

Usage: python scripts/bench.py [--runs N] [--skip-lighthouse]

Prints, in one run:
- the full build (EN + RU, every hook) and a bare Material build of the same pages (hooks off,
  every print page filled with the Markdown of the pages it collects, the same nav), the ratio,
  and the cost per page-language;
- the time from saving an edited page to the new HTML being served by `make serve`;
- the full build of a synthetic site with three times the question bank (each answer copied
  twice), to show how the cost grows with size;
- the size of the site's own scripts and of the vendored ones (raw and gzip);
- first-load weight (raw, and gzip as a compressing host serves it), requests and the site's own
  scripts loaded (diagram-viewer.js only where there is a diagram) for the home page, the lightest
  and heaviest pages with math and a diagram, and the heaviest question page; the heaviest gzip
  question page of all; the search index, which the search worker preloads once
  the page is set up, is counted apart;
- the cold first search query at 4x CPU slowdown (Chrome DevTools Protocol), in each language: the
  time from the query reaching the search box to the first result on screen, typed as the page
  finishes loading and typed three seconds later (when the preloaded index is ready);
- Lighthouse's mobile performance score for the heaviest question page (npm `lighthouse`, pinned,
  fetched by npx from the registry; Debian's chromium).
A benchmark, not a test: it prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import chromium  # scripts/chromium.py: this script's folder is on sys.path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))  # the hooks are plain modules: import them as MkDocs does

from bank import expand_nav, read_bank  # noqa: E402
from front_matter import load  # noqa: E402
from print_tracks import page_slug  # noqa: E402

ALREADY_COMPRESSED = (".woff2", ".woff", ".png", ".jpg", ".gz")
LINKED = ("hooks", "overrides", "node_modules", "scripts", "tags.yml")
LIGHTHOUSE = "lighthouse@12.2.3"  # the last release that runs on the machine's Node.js 20
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# --- building ------------------------------------------------------------------------------


def copy_project(folder: Path, *, hooks: bool = True) -> Path:
    """A copy of the project to build elsewhere: docs/ and cache/ copied, the rest linked."""
    folder.mkdir(parents=True)
    for name in LINKED:
        (folder / name).symlink_to(ROOT / name, target_is_directory=(ROOT / name).is_dir())
    shutil.copytree(ROOT / "docs", folder / "docs")
    shutil.copytree(ROOT / "cache", folder / "cache")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not hooks:
        config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def build_seconds(folder: Path, site: Path) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q", "-f", str(folder / "mkdocs.yml")]
    start = time.perf_counter()
    subprocess.run([*command, "-d", str(site)], cwd=folder, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def timed(label: str, builds: list[float]) -> float:
    median = statistics.median(builds)
    print(f"{label:<34} {median:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in builds)})")
    return median


def bare_project(folder: Path, built: Path) -> Path:
    """The same pages for a build without hooks: the print pages hold the Markdown of the pages they
    collect (as the built ones show), and the nav lists every answer, as the hooks make it."""
    copy_project(folder, hooks=False)
    docs = folder / "docs"
    by_slug = {page_slug(path.relative_to(docs).as_posix()): path for path in docs.rglob("*.md")}
    for print_page in sorted((docs / "print").glob("*.md")):
        language = "ru/" if print_page.name.endswith(".ru.md") else ""
        html = (built / language / "print" / print_page.name.split(".")[0] / "index.html").read_text(encoding="utf-8")
        bodies = []
        for slug in re.findall(r'<section class="print-page" data-page="([^"]+)"', html):
            source = by_slug[slug]
            translated = source.with_name(f"{source.stem}.ru.md")
            text = (translated if language and translated.is_file() else source).read_text(encoding="utf-8")
            bodies.append(text.split("\n---\n", 1)[1] if text.startswith("---\n") else text)
        text = print_page.read_text(encoding="utf-8")
        print_page.write_text(text.replace("<!-- print-track -->", "\n\n".join(bodies)), encoding="utf-8")
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    bank = read_bank(docs, ROOT / "tags.yml")
    head, nav = config.split("\nnav:\n", 1)
    entries = [re.match(r"(\s*)- (.+?): (\S+\.md)$", line) for line in nav.splitlines()]
    lines = []
    for line, entry in zip(nav.splitlines(), entries, strict=True):
        expanded = expand_nav({"x": entry.group(3)}, bank)["x"] if entry else None
        if isinstance(expanded, list):
            lines.append(f"{entry.group(1)}- {entry.group(2)}:")
            lines += [f"{entry.group(1)}    - {path}" for path in expanded]
        else:
            lines.append(line)
    (folder / "mkdocs.yml").write_text(head + "\nnav:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return folder


def tripled_project(folder: Path) -> Path:
    """The project with every answer copied twice under new slugs: three times the question bank."""
    copy_project(folder)
    listing = folder / "docs" / "questions" / "answers.yml"
    topics = load(listing.read_text(encoding="utf-8"))
    for topic, slugs in topics.items():
        for slug in list(slugs):
            for copy in (2, 3):
                for suffix in (".md", ".ru.md"):
                    source = folder / "docs" / "questions" / topic / f"{slug}{suffix}"
                    shutil.copy(source, source.with_name(f"{slug}-copy{copy}{suffix}"))
                slugs.append(f"{slug}-copy{copy}")
    listing.write_text(json.dumps(topics), encoding="utf-8")  # JSON is YAML
    return folder


def page_languages(site: Path) -> int:
    return sum(1 for p in site.rglob("index.html") if "assets" not in p.parts)


# --- the edit loop -------------------------------------------------------------------------


def edit_to_preview(folder: Path, edits: int = 3) -> list[float]:
    """Seconds from saving an edited page to `make serve` serving its new HTML (serve's own options)."""
    serve_line = next(line for line in (ROOT / "Makefile").read_text().splitlines() if "mkdocs serve" in line)
    options = re.search(r"mkdocs serve (.*)$", serve_line).group(1).replace("$(ADDRESS)", "127.0.0.1:8765").split()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *options],
        cwd=folder,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    page = folder / "docs" / "questions" / "rl" / "mdp.md"
    original = page.read_text(encoding="utf-8")
    times = []
    try:
        _wait_for("http://127.0.0.1:8765/questions/rl/mdp/", "", timeout=600)
        for edit in range(edits):
            marker = f"edited{edit}x{int(time.time())}"
            start = time.perf_counter()
            page.write_text(original.replace("\n# ", f"\n{marker}\n\n# ", 1), encoding="utf-8")
            _wait_for("http://127.0.0.1:8765/questions/rl/mdp/", marker, timeout=120)
            times.append(time.perf_counter() - start)
            time.sleep(1)
    finally:
        page.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return times


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            if text in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url} did not show {text!r} within {timeout} s")


# --- what a reader downloads ---------------------------------------------------------------


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves the site compressed, as a real host does, so page weights and Lighthouse see gzip."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or not path.is_file()
            or path.suffix
            in (
                ".woff2",
                ".png",
            )
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


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
    lightest, heaviest = candidates[0], candidates[-1]
    return tuple(page.relative_to(site).parent.as_posix() + "/" for page in (lightest, heaviest))


def heaviest_question_page(site: Path) -> tuple[str, int]:
    """The question page with the most gzip HTML, in either language, and its size."""
    sizes = {
        page.relative_to(site).parent.as_posix() + "/": len(gzip.compress(page.read_bytes(), 6))
        for page in site.rglob("questions/**/index.html")
    }
    path = max(sizes, key=sizes.get)
    return path, sizes[path]


SEARCH_INDEX = "search_index.full.json"
# The site's own scripts (overrides/assets/javascripts/, not Material's bundle, workers or vendored code).
OWN_SCRIPT = r"/assets/javascripts/(?!bundle\.|workers/|vendor/)[\w-]+\.js$"


def first_load(browser, base: str, path: str) -> tuple[int, int, int, int, int, list[str]]:
    """(raw bytes, bytes on the wire, requests, requests to other hosts, search index bytes on the
    wire, the site's own scripts loaded) for a first visit. The preloaded search index is not in the
    first four; each own script should load only on the pages that use it."""
    context = browser.new_context()
    page = context.new_page()
    bodies: list[tuple[str, bytes, bool]] = []
    foreign: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(base) else foreign.append(request.url))

    def finished(request):
        response = request.response()
        compressed = response.headers.get("content-encoding") == "gzip"
        bodies.append((request.url, response.body(), compressed))

    page.on("requestfinished", finished)
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    context.close()

    def wire(url: str, body: bytes, compressed: bool) -> int:
        return len(gzip.compress(body, 6)) if compressed or not url.endswith(ALREADY_COMPRESSED) else len(body)

    index = sum(wire(*item) for item in bodies if item[0].endswith(SEARCH_INDEX))
    page_bodies = [item for item in bodies if not item[0].endswith(SEARCH_INDEX)]
    raw = sum(len(body) for _, body, _ in page_bodies)
    own = sorted({url.rsplit("/", 1)[1] for url, _, _ in bodies if re.search(OWN_SCRIPT, url)})
    requests = len(page_bodies) + len(foreign)
    return raw, sum(wire(*item) for item in page_bodies), requests, len(foreign), index, own


# Types the query as Material's keyboard handler sees it and times the first result on screen.
_TIME_FIRST_RESULT = """query => new Promise(resolve => {
  const box = document.querySelector("input.md-search__input")
  const list = document.querySelector(".md-search-result__list")
  const start = performance.now()
  new MutationObserver((_, observer) => {
    if (!list.querySelector(".md-search-result__item")) return
    observer.disconnect()
    resolve(performance.now() - start)
  }).observe(list, { childList: true, subtree: true })
  box.value = query
  box.dispatchEvent(new KeyboardEvent("keyup", { key: "End" }))
})"""


def cold_query_ms(browser, base: str, path: str, query: str, *, after_ms: int) -> float:
    """Milliseconds to the first result of the first query on a fresh profile at 4x CPU slowdown,
    typed after_ms after the page has loaded."""
    context = browser.new_context()
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(base + path)
    page.locator("input.md-search__input").click()
    page.wait_for_timeout(after_ms)
    elapsed = page.evaluate(_TIME_FIRST_RESULT, query)
    context.close()
    return elapsed


def lighthouse_performance(url: str, work: Path) -> str:
    report = work / "lighthouse.json"
    command = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--only-categories=performance",
        "--form-factor=mobile",
        f"--chrome-path={chromium.EXECUTABLE}",
        f"--chrome-flags={' '.join(chromium.ARGS)}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 or not report.is_file():
        return f"not measured ({(result.stderr or result.stdout).strip()[-200:]})"
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    score = round(100 * data["categories"]["performance"]["score"])
    return (
        f"{score} (LCP {audits['largest-contentful-paint']['displayValue']}, "
        f"TBT {audits['total-blocking-time']['displayValue']}, CLS {audits['cumulative-layout-shift']['displayValue']})"
    )


# --- the run -------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="builds of each kind; the median is shown")
    parser.add_argument("--skip-lighthouse", action="store_true", help="do not run Lighthouse (it needs npx)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        project = copy_project(work / "project")
        full = timed("build, every hook:", [build_seconds(project, work / "site") for _ in range(args.runs)])
        bare = bare_project(work / "bare", work / "site")
        plain = timed(
            "build, bare Material, same pages:", [build_seconds(bare, work / "plain") for _ in range(args.runs)]
        )
        pages = page_languages(work / "site")
        print(f"{'ratio:':<34} {full / plain:6.2f} x")
        each, each_bare = 1000 * full / pages, 1000 * plain / pages
        print(f"{'per page-language:':<34} {each:6.1f} ms with every hook, {each_bare:.1f} ms bare ({pages} of them)")
        edits = edit_to_preview(copy_project(work / "serve"))
        print(
            f"{'edit -> preview under make serve:':<34} {statistics.median(edits):6.2f} s  "
            f"(edits: {', '.join(f'{t:.2f}' for t in edits)})"
        )
        tripled = tripled_project(work / "tripled")
        big = timed("build, 3x the question bank:", [build_seconds(tripled, work / "big")])
        big_pages = page_languages(work / "big")
        print(f"{'per page-language at 3x:':<34} {1000 * big / big_pages:6.1f} ms ({big_pages} page-languages)")

        for script in sorted((ROOT / "overrides" / "assets" / "javascripts").rglob("*.js")):
            body = script.read_bytes()
            name = script.relative_to(ROOT / "overrides").as_posix()
            print(f"own script {name}: {len(body) / 1024:.1f} KB raw, {len(gzip.compress(body, 9)) / 1024:.1f} KB gzip")
        # Third-party scripts the hooks copy from node_modules (ts-fsrs for the self-quiz page).
        for script in sorted((work / "site" / "assets" / "javascripts" / "vendor").glob("*.js")):
            body = script.read_bytes()
            wire = len(gzip.compress(body, 9))
            print(f"vendor script {script.name}: {len(body) / 1024:.1f} KB raw, {wire / 1024:.1f} KB gzip")

        from playwright.sync_api import sync_playwright

        site = work / "site"
        question, question_size = heaviest_question_page(site)
        print(f"heaviest question page, HTML gzip: /{question} {question_size / 1024:.1f} KB")
        httpd, base = serve(site)
        try:
            with sync_playwright() as playwright:
                browser = chromium.launch(playwright)
                lightest, heaviest = math_and_diagram_pages(site)
                for label, path in (
                    ("home", ""),
                    ("lightest math + diagram", lightest),
                    ("heaviest math + diagram", heaviest),
                    ("heaviest question page", question),
                ):
                    raw, wire, requests, foreign, index, own = first_load(browser, base, path)
                    print(
                        f"first load, {label} (/{path}): {raw / 1024:7.1f} KB raw, {wire / 1024:6.1f} KB gzip, "
                        f"{requests} requests, {foreign} to other hosts; own scripts: {', '.join(own) or 'none'}; "
                        f"then the search index, {index / 1024:.1f} KB gzip"
                    )
                for language, query in (("", "attention"), ("ru/", "внимание")):
                    for after in (0, 3000):
                        times = [
                            cold_query_ms(browser, base, language + "questions/", query, after_ms=after)
                            for _ in range(args.runs)
                        ]
                        print(
                            f"cold first query at 4x CPU, /{language} {query!r} typed {after / 1000:.0f} s after load: "
                            f"{statistics.median(times):.0f} ms (runs: {', '.join(f'{t:.0f}' for t in times)})"
                        )
                browser.close()
            if not args.skip_lighthouse:
                print(f"Lighthouse mobile performance, /{question}: {lighthouse_performance(base + question, work)}")
        finally:
            httpd.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
