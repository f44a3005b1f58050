"""Diagrams (hooks/diagrams.py): deterministic renders, a cache with nothing unused, refusals."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.modules import load
from tests.sitebuilder import ROOT, build, make_site

DIAGRAMS = load("hooks/diagrams.py")
VALUES = load("hooks/values.py")
TYPES = {
    "gitGraph": "gitGraph\n  commit\n  branch dev\n  commit\n  checkout main\n  merge dev\n",
    "flowchart": "flowchart TD\n  A --> B",
    "sequence": "sequenceDiagram\n  A->>B: hi",
    "pie": 'pie\n  "a": 1\n  "b": 2',
    "class": "classDiagram\n  A <|-- B",
    "state": "stateDiagram-v2\n  [*] --> A\n  A --> [*]",
    "er": "erDiagram\n  A ||--o{ B : has",
    "gantt": "gantt\n  dateFormat YYYY-MM-DD\n  section S\n  T :a1, 2026-01-01, 3d",
    "mindmap": "mindmap\n  root\n    a\n    b",
    "timeline": "timeline\n  2020 : a\n  2021 : b",
    "journey": "journey\n  title T\n  section S\n    A: 5: Me",
}
RENDER_ALL = """
import json, sys
sys.path.insert(0, "hooks")
import diagrams
print(json.dumps({name: diagrams._renderer().render(source, config=diagrams.MERMAID_CONFIG).svg()
                  for name, source in json.loads(sys.argv[1]).items()}))
"""


def _fresh_renders() -> dict[str, str]:
    result = subprocess.run(
        [sys.executable, "-c", RENDER_ALL, json.dumps(TYPES)], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_two_fresh_renders_of_every_diagram_type_are_identical():
    first, second = _fresh_renders(), _fresh_renders()
    different = [name for name in TYPES if first[name] != second[name]]
    assert not different, f"renders differ between two fresh processes: {different}"
    assert "commit" in first["gitGraph"] or "0-" in first["gitGraph"]


def test_the_cache_holds_exactly_the_diagrams_the_pages_use():
    used = set()
    for page in (ROOT / "docs").rglob("*.md"):
        text = VALUES.unmarked(page.read_text(encoding="utf-8"))
        used |= {DIAGRAMS.key(source) for _, info, source in DIAGRAMS._diagrams(text)}
    cached = {path.stem for path in (ROOT / "cache" / "diagrams").glob("*.svg")}
    assert used <= cached, f"diagrams not in the committed cache (build once and commit): {sorted(used - cached)}"
    assert cached <= used, f"cached diagrams no page uses (a full build prunes them): {sorted(cached - used)}"


FRONT = "---\ntitle: T\ndescription: D.\ntags: [topic/reference]\nsources: []\nreviewed: 2026-11-30\n---\n# T\n\n"


def test_a_full_build_prunes_cached_diagrams_no_page_uses(tmp_path):
    diagram = "```mermaid\nflowchart TD\n  A --> B\n```\n"
    russian = FRONT.replace("T", "Т")  # i18n drops a Russian page identical to the English one from search
    folder = make_site(tmp_path, {"docs/index.md": FRONT + diagram, "docs/index.ru.md": russian + diagram})
    stale = folder / "cache" / "diagrams" / "0000000000000000.svg"
    stale.write_text("<svg/>", encoding="utf-8")
    result = build(folder)
    assert result.returncode == 0, result.log[-3000:]
    kept = {path.stem for path in (folder / "cache" / "diagrams").glob("*.svg")}
    assert not stale.exists() and kept == {DIAGRAMS.key("flowchart TD\n  A --> B")}


def test_refusals_name_the_fence_line():
    directive = "```mermaid\n%%{init: {'theme': 'dark'}}%%\nflowchart TD\n  A --> B\n```\n"
    attributes = "```mermaid {.x}\nflowchart TD\n  A --> B\n```\n"
    page = f"# T\n\n{directive}\n{attributes}"
    problems = DIAGRAMS.problems(page)
    assert problems[0].startswith("line 3: Mermaid init directives") and problems[1].startswith("line 9: a ```mermaid")
