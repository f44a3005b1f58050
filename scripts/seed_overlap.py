"""Report every run of N or more words that a page shares with a source text in ../shared/seeds/.

Usage: python scripts/seed_overlap.py [--words 12] [--seeds DIR] [FILE ...]
Without files, checks every Markdown page under docs/. Exit 1 when any shared run is found.
"""

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
_WORD = re.compile(r"[\w']+", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text.replace("’", "'"))]


def shingles(tokens: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def seed_shingles(seeds_dir: Path, size: int) -> dict[tuple[str, ...], str]:
    found: dict[tuple[str, ...], str] = {}
    for seed in sorted(seeds_dir.glob("*.txt")):
        for shingle in shingles(words(seed.read_text(encoding="utf-8")), size):
            found.setdefault(shingle, seed.name)
    return found


def shared_runs(text: str, seeds: dict[tuple[str, ...], str], size: int) -> list[tuple[str, str]]:
    """(seed file, the shared words) for each maximal run of at least `size` shared words."""
    tokens = words(text)
    runs: list[tuple[str, str]] = []
    i = 0
    while i <= len(tokens) - size:
        key = tuple(tokens[i : i + size])
        if key not in seeds:
            i += 1
            continue
        end = i + size
        while end < len(tokens) and tuple(tokens[end - size + 1 : end + 1]) in seeds:
            end += 1
        runs.append((seeds[key], " ".join(tokens[i:end])))
        i = end
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--words", type=int, default=12)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args()
    if not args.seeds.is_dir():
        print(f"no seed folder at {args.seeds}: nothing to compare against", file=sys.stderr)
        return 2
    seeds = seed_shingles(args.seeds, args.words)
    files = args.files or sorted((ROOT / "docs").rglob("*.md"))
    failures = 0
    for path in files:
        for seed, run in shared_runs(path.read_text(encoding="utf-8"), seeds, args.words):
            failures += 1
            print(f'{path}: shares {len(run.split())} words with {seed}: "{run}"')
    print(f"{len(files)} files checked, {failures} shared runs of {args.words}+ words")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
