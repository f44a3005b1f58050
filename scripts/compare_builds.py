"""Build two revisions of the site and say whether their output is byte-identical.

Usage: python scripts/compare_builds.py OLD_REVISION [NEW_REVISION]

Each revision is checked out in a temporary git worktree (NEW_REVISION defaults to the working
tree as it is) and built with `mkdocs build --strict` and the same SOURCE_DATE_EPOCH, so dates
cannot differ. Every file of the two sites is compared; the differing ones are listed with their
first differing line. Exits 1 if anything differs. Used to show that work meant to change only
how the site is built (speed) leaves what it builds alone.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(source: Path, site: Path, epoch: str) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(source / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the build of {source} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")


def checkout(revision: str, folder: Path) -> Path:
    subprocess.run(["git", "worktree", "add", "--detach", "-q", str(folder), revision], cwd=ROOT, check=True)
    (folder / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return folder


def differences(old: Path, new: Path) -> list[str]:
    old_files = {path.relative_to(old) for path in old.rglob("*") if path.is_file()}
    new_files = {path.relative_to(new) for path in new.rglob("*") if path.is_file()}
    found = [f"only in the old site: {path}" for path in sorted(old_files - new_files)]
    found += [f"only in the new site: {path}" for path in sorted(new_files - old_files)]
    for path in sorted(old_files & new_files):
        before, after = (old / path).read_bytes(), (new / path).read_bytes()
        if before != after:
            lines = zip(before.splitlines(), after.splitlines(), strict=False)
            number, (line_before, line_after) = next(
                ((index, pair) for index, pair in enumerate(lines, 1) if pair[0] != pair[1]), (0, (b"", b""))
            )
            found.append(f"{path}: line {number}: {line_before[:100]!r} -> {line_after[:100]!r}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", help="the revision before the change (e.g. a commit hash)")
    parser.add_argument("new", nargs="?", help="the revision after it (default: the working tree)")
    args = parser.parse_args()
    epoch = subprocess.run(
        ["git", "log", "-1", "--format=%ct", args.old], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        worktrees = []
        try:
            old = checkout(args.old, work / "old")
            worktrees.append(old)
            new = ROOT
            if args.new:
                new = checkout(args.new, work / "new")
                worktrees.append(new)
            build(old, work / "old-site", epoch)
            build(new, work / "new-site", epoch)
            found = differences(work / "old-site", work / "new-site")
        finally:
            for folder in worktrees:
                subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=ROOT, check=False)
    for line in found:
        print(line)
    print(f"{len(found)} differences" if found else "the two builds are byte-identical")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
