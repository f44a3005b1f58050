"""How the project starts Debian's chromium under Playwright (tests and benchmark alike).

Never `playwright install`: there is no browser download host. The background-networking flags
keep chromium from calling Google's hosts, which this machine's closed network refuses.
"""

from __future__ import annotations

EXECUTABLE = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(playwright):
    """A headless chromium browser from the system package."""
    return playwright.chromium.launch(executable_path=EXECUTABLE, args=ARGS)
