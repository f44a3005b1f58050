"""A page's front matter, read once and fast. Not a hook: a helper module the hooks import.

libyaml's C loader (as MkDocs itself uses) reads front matter about five times faster than the
pure-Python one; with several hooks reading every page's front matter, that is most of their time.
"""

from __future__ import annotations

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # a PyYAML built without libyaml: slower, same result
    from yaml import SafeLoader as _Loader


def load(text: str):
    """YAML text as data, with the safe loader."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - the safe loader


def split(source: str) -> tuple[dict | None, str, str | None]:
    """(front matter, body, None), or (None, body, the reason the front matter cannot be read)."""
    if not source.startswith("---\n"):
        return None, source, "no front matter: the file must start with a '---' line"
    end = source.find("\n---\n", 3)
    if end == -1:
        return None, source, "the front matter has no closing '---' line"
    body = source[end + 5 :]
    try:
        meta = load(source[4:end])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark else ""
        reason = getattr(error, "problem", None) or str(error)
        return None, body, f"front matter is not valid YAML ({where}{reason}); quote values that contain ': '"
    if not isinstance(meta, dict):
        return None, body, "the front matter must be a YAML mapping of fields"
    return meta, body, None
