"""Nothing on the site is copied from the third-party source texts (../shared/seeds/).

The sources are not in the repository; where the folder is absent the test is skipped, saying why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.modules import load
from tests.sitebuilder import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 12  # words in a row that count as copying


@pytest.fixture(scope="module")
def seeds():
    if not SEEDS.is_dir():
        pytest.skip(f"source texts not available at {SEEDS} (third-party, kept outside the repository)")
    overlap = load("scripts/seed_overlap.py")
    return overlap, overlap.seed_shingles(SEEDS, RUN)


def _published_files() -> list[Path]:
    docs = ROOT / "docs"
    return sorted([*docs.rglob("*.md"), *docs.rglob("*.py")])


def test_no_page_or_snippet_shares_a_run_of_12_words_with_a_source(seeds):
    overlap, shingles = seeds
    copied = []
    for path in _published_files():
        for seed, run in overlap.shared_runs(path.read_text(encoding="utf-8"), shingles, RUN):
            copied.append(f"{path.relative_to(ROOT)} ~ {seed}: {run}")
    assert not copied, "text copied from the sources:\n" + "\n".join(copied)


def test_the_check_catches_a_copied_sentence(seeds):
    overlap, shingles = seeds
    seed_text = next(iter(sorted(SEEDS.glob("*.txt")))).read_text(encoding="utf-8")
    copied = " ".join(overlap.words(seed_text)[100:115])
    assert overlap.shared_runs(f"Our own words. {copied} More of ours.", shingles, RUN)
    assert not overlap.shared_runs("An entirely original sentence about interviews and preparation.", shingles, RUN)
