"""The project's Python passes ruff (lint and format), as the pre-commit hook requires."""

from __future__ import annotations

import subprocess
import sys

from tests.sitebuilder import ROOT


def test_ruff_lint_passes():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied_to_hooks_scripts_and_tests():
    command = [sys.executable, "-m", "ruff", "format", "--check", "hooks", "scripts", "tests"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
