"""Check every external (http/https) link of a built site.

Usage: python scripts/check_links.py SITE_DIR [--workers 16] [--timeout 10] [--retries 2]
           [--cache .cache/external-links.json] [--max-age-hours 24] [--report FILE]

Reads the href and src attributes of every *.html file under SITE_DIR (for example `site/`
after `make build`), keeps the absolute http(s) URLs, and checks each one once, however many
pages use it. Links inside the site itself are the build's business (hooks/links.py checks
them strictly), so relative links, #anchors, mailto:, javascript: and absolute links to the
site's own URL (its canonical address) are skipped.

Each URL gets a HEAD request (GET when the server refuses HEAD with 405, 403 or 501);
redirects are followed. 2xx and 3xx mean alive, 4xx means dead. Timeouts, connection errors,
429 and 5xx are retried with exponential backoff, --retries times, then the link is dead.

URLs found alive less than --max-age-hours ago are taken from the cache file instead of being
requested again; dead ones are always rechecked. Progress goes to stderr, the report (dead
links, permanent redirects worth updating, a summary) to stdout and, with --report, to FILE.

Exit status: 0 when every link is alive, 1 when any is dead, 2 on a usage error.
Standard library only.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

# Some hosts answer bots with 403 or a captcha, so present the checker as a common browser.
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"
HEADERS = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
HEAD_REFUSED = {403, 405, 501}  # answers of servers that do not implement HEAD (properly)
PERMANENT_REDIRECTS = {301, 308}
MAX_REDIRECTS = 10
BACKOFF_SECONDS = 0.5  # first pause before a retry; doubled for each further attempt


@dataclass
class Result:
    """What one URL turned out to be."""

    url: str
    status: int | None = None  # last HTTP status received; None when no server answered
    error: str = ""  # why the check failed when the status alone does not say it
    moved_to: str = ""  # where the URL leads when it redirects permanently
    from_cache: bool = False

    @property
    def alive(self) -> bool:
        return not self.error and self.status is not None and 200 <= self.status < 400

    @property
    def worth_retrying(self) -> bool:
        # No answer at all (timeout, refused or reset connection) or a "try later" answer.
        if self.status is None:
            return True
        return self.status == 429 or self.status >= 500

    @property
    def label(self) -> str:
        return self.error or str(self.status)


# --- Collecting links ------------------------------------------------------------------------


class LinkCollector(HTMLParser):
    """Gathers the href and src values of one HTML page, plus its canonical URL."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.links += [value for name, value in attrs if name in ("href", "src") and value]
        if tag == "link" and (values.get("rel") or "").lower() == "canonical":
            self.canonical = values.get("href")


def parse_page(path: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    collector.close()
    return collector


def external_url(link: str) -> str | None:
    """The absolute http(s) URL a link points to, without its #fragment; None for site links."""
    link = link.strip()
    if link.startswith("//"):  # protocol-relative: another host, fetched over https
        link = "https:" + link
    if urllib.parse.urlsplit(link).scheme.lower() not in ("http", "https"):
        return None  # relative paths, #anchors, mailto:, javascript:, data:, tel:, ...
    # The fragment never reaches the server, so page#a and page#b are one check.
    return urllib.parse.urldefrag(link).url


def own_site_url(site: Path) -> str | None:
    """The site's published address: the canonical URL of its home page (MkDocs' site_url)."""
    home = site / "index.html"
    canonical = parse_page(home).canonical if home.is_file() else None
    return external_url(canonical) if canonical else None


def collect_links(site: Path) -> dict[str, list[str]]:
    """Every external URL of the site, mapped to the pages (paths relative to site) using it."""
    own = own_site_url(site)
    pages_by_url: dict[str, set[str]] = {}
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        for link in parse_page(path).links:
            url = external_url(link)
            # Absolute links to the site itself (canonical, language alternates) point at the
            # deployed copy, which may predate this build; the build checks those targets.
            if url is None or (own and url.startswith(own)):
                continue
            pages_by_url.setdefault(url, set()).add(page)
    return {url: sorted(pages) for url, pages in sorted(pages_by_url.items())}


# --- Checking one URL ------------------------------------------------------------------------


class _ReturnRedirects(urllib.request.HTTPRedirectHandler):
    """Let each 3xx surface as an HTTPError: check_once follows hops itself to see every status."""

    def http_error_302(self, req, fp, code, msg, headers):
        return None

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


OPENER = urllib.request.build_opener(_ReturnRedirects)


def ascii_url(url: str) -> str:
    """Percent-encode what http.client cannot send as is (e.g. Cyrillic Wikipedia paths)."""
    parts = urllib.parse.urlsplit(url)
    path = urllib.parse.quote(parts.path, safe="/%:@!$&'()*+,;=~")
    query = urllib.parse.quote(parts.query, safe="/%:@!$&'()*+,;=~?")
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def request_once(url: str, method: str, timeout: float) -> tuple[int, str | None]:
    """One request without following redirects: the status and the Location header, if any.

    The body is never read: the status is all a link check needs.
    """
    request = urllib.request.Request(ascii_url(url), method=method, headers=HEADERS)
    try:
        with OPENER.open(request, timeout=timeout) as response:
            return response.status, None
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers.get("Location")


def check_once(url: str, timeout: float) -> Result:
    """One attempt: HEAD (or GET if HEAD is refused), following up to MAX_REDIRECTS hops."""
    method, current, first_hop = "HEAD", url, None
    try:
        for _ in range(MAX_REDIRECTS + 1):
            status, location = request_once(current, method, timeout)
            if method == "HEAD" and status in HEAD_REFUSED:
                method = "GET"
                status, location = request_once(current, method, timeout)
            if not (300 <= status < 400 and location):
                moved = first_hop in PERMANENT_REDIRECTS
                return Result(url, status, moved_to=current if moved else "")
            first_hop = first_hop or status
            current = urllib.parse.urljoin(current, location)
            if urllib.parse.urlsplit(current).scheme not in ("http", "https"):
                return Result(url, status, error=f"redirect to {current}")
        return Result(url, status, error="too many redirects")
    except (OSError, http.client.HTTPException, ValueError) as error:
        # OSError covers URLError (DNS, refused, TLS), timeouts and reset connections.
        return Result(url, error=describe(error))


def describe(error: Exception) -> str:
    reason = getattr(error, "reason", None) or error
    if isinstance(reason, TimeoutError):
        return "timeout"
    return str(reason) or type(reason).__name__


def check_url(url: str, timeout: float, retries: int) -> Result:
    """check_once, repeated up to retries times with exponential backoff while the failure may be temporary."""
    result = check_once(url, timeout)
    for attempt in range(retries):
        if not result.worth_retrying:
            break
        time.sleep(BACKOFF_SECONDS * 2**attempt)  # give a busy or restarting server time to recover
        result = check_once(url, timeout)
    return result


# --- Cache -----------------------------------------------------------------------------------


def load_cache(path: Path) -> dict[str, dict]:
    """URL -> {"status": HTTP status or error text, "checked_at": ISO UTC time[, "moved_to": URL]}."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        # A broken cache only costs time: start over rather than fail the check.
        print(f"ignoring unreadable cache {path}: {error}", file=sys.stderr)
        return {}
    return data if isinstance(data, dict) else {}


def cached_result(url: str, entry: object, now: datetime, max_age: timedelta) -> Result | None:
    """The cached result if the URL was alive recently enough; None means check it again."""
    if not isinstance(entry, dict):
        return None
    try:
        checked_at = datetime.fromisoformat(entry["checked_at"])
        status = entry["status"]
    except (KeyError, TypeError, ValueError):
        return None
    if checked_at.tzinfo is None:  # written by hand or by an older version: assume UTC
        checked_at = checked_at.replace(tzinfo=UTC)
    result = Result(
        url,
        status if isinstance(status, int) else None,
        error="" if isinstance(status, int) else str(status),
        moved_to=entry.get("moved_to", ""),
        from_cache=True,
    )
    return result if result.alive and now - checked_at < max_age else None


def cache_entry(result: Result, now: datetime) -> dict:
    entry = {
        "status": result.status if not result.error else result.error,
        "checked_at": now.isoformat(timespec="seconds"),
    }
    if result.moved_to:  # so the redirect warning survives runs served from the cache
        entry["moved_to"] = result.moved_to
    return entry


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside path, then rename: an interrupted run cannot leave half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=path.name, suffix=".tmp", delete=False
    ) as file:
        file.write(text)
    os.replace(file.name, path)


# --- Running the check -----------------------------------------------------------------------


def check_all(
    urls: list[str], cache: dict[str, dict], *, workers: int, timeout: float, retries: int, max_age: timedelta
) -> list[Result]:
    """Results for every URL: recent alive ones from the cache, the rest over the network.

    Updates cache in place with what was checked.
    """
    now = datetime.now(UTC)
    results = {}
    to_check = []
    for url in urls:
        cached = cached_result(url, cache.get(url), now, max_age)
        if cached:
            results[url] = cached
        else:
            to_check.append(url)

    total = len(to_check)
    if results:
        print(f"{len(results)} URLs alive in the cache, {total} to check", file=sys.stderr)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(check_url, url, timeout, retries) for url in to_check]
        for done, future in enumerate(concurrent.futures.as_completed(futures), start=1):
            result = future.result()
            results[result.url] = result
            cache[result.url] = cache_entry(result, datetime.now(UTC))
            print(f"[{done}/{total}] {result.label} {result.url}", file=sys.stderr, flush=True)
    return [results[url] for url in urls]


def table(rows: list[tuple[str, ...]]) -> list[str]:
    """Rows as aligned columns; the last one (the page list, often long) is left unpadded."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        padded = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        lines.append("  " + "  ".join([*padded, row[-1]]))
    return lines


def render_report(results: list[Result], pages_by_url: dict[str, list[str]]) -> str:
    dead = [r for r in results if not r.alive]
    moved = [r for r in results if r.alive and r.moved_to]
    lines = []
    if dead:
        lines.append(f"Dead links ({len(dead)}):")
        lines += table([("STATUS", "URL", "PAGES")] + [(r.label, r.url, ", ".join(pages_by_url[r.url])) for r in dead])
        lines.append("")
    if moved:
        lines.append(f"Warning: permanent redirects ({len(moved)}), link the new address instead:")
        lines += table(
            [("URL", "NOW AT", "PAGES")] + [(r.url, r.moved_to, ", ".join(pages_by_url[r.url])) for r in moved]
        )
        lines.append("")
    cached = sum(r.from_cache for r in results)
    lines.append(f"{len(results)} checked, {len(results) - len(dead)} alive, {len(dead)} dead, {cached} from cache")
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Check the external links of a built site.")
    parser.add_argument("site", type=Path, metavar="SITE_DIR", help="the built site folder")
    parser.add_argument("--workers", type=int, default=16, help="parallel requests (default 16)")
    parser.add_argument("--timeout", type=float, default=10, help="seconds per request (default 10)")
    parser.add_argument("--retries", type=int, default=2, help="retries after a temporary failure (default 2)")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(".cache/external-links.json"),
        help="JSON cache of results (default .cache/external-links.json)",
    )
    parser.add_argument(
        "--max-age-hours", type=float, default=24, help="how long an alive result is trusted (default 24)"
    )
    parser.add_argument("--report", type=Path, help="also write the report to this file")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        parser.error(f"site folder not found: {args.site}")
    if args.workers < 1 or args.timeout <= 0 or args.retries < 0 or args.max_age_hours < 0:
        parser.error("--workers and --timeout must be positive, --retries and --max-age-hours not negative")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    pages_by_url = collect_links(args.site)
    cache = load_cache(args.cache)
    results = check_all(
        list(pages_by_url),
        cache,
        workers=args.workers,
        timeout=args.timeout,
        retries=args.retries,
        max_age=timedelta(hours=args.max_age_hours),
    )
    write_atomically(args.cache, json.dumps(cache, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    report = render_report(results, pages_by_url)
    sys.stdout.write(report)
    if args.report:
        write_atomically(args.report, report)
    return 1 if any(not r.alive for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
