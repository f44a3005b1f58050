"""Import the project's hooks and scripts by path: they are files run by MkDocs or by hand, not a package."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.sitebuilder import ROOT


def load(relative_path: str) -> ModuleType:
    """A fresh module from a file under the repository root, e.g. load("hooks/formulas.py")."""
    path = ROOT / relative_path
    name = "project_" + relative_path.removesuffix(".py").replace("/", "_").replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while a class is created
    # As MkDocs does for hooks: the file's folder is importable while it loads (hooks import helpers).
    saved = sys.path.copy()
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = saved
    return module
