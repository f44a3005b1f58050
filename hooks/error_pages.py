"""One "not found" page per language: /404.html in English, /ru/404.html in Russian.

MkDocs renders the theme's 404.html in every language build into the same site_dir/404.html, so
the last language built (Russian) overwrote the English page for everyone (mkdocs-static-i18n
issue #284). Here each language other than the default writes its own copy under its folder
and leaves /404.html to the default language. overrides/404.html has the text of each language.

A host such as GitHub Pages serves /404.html for any missing address, in either language: the
English page therefore links to the Russian home too, and the Russian page to the English one.
Error pages are templates, not pages, so hooks/content_safety.py never sees them: they get the
same check here.

mkdocs-static-i18n points the language menu at the alternates of the last page it rendered
(issue #326): on the error pages the menu goes to each language's home instead.
"""

from __future__ import annotations

from pathlib import Path

from content_safety import problems
from language_builds import outer_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

TEMPLATE = "404.html"

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    global _alternates
    # The plugin sets the menu as an attribute (config.extra.alternate), which Jinja reads first.
    if template_name == TEMPLATE and getattr(config.extra, "alternate", None):
        _alternates = config.extra.alternate
        homes = _language_homes(config)
        config.extra.alternate = [{**alt, "link": homes.get(alt.get("lang"), alt["link"])} for alt in _alternates]
    return context


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    global _alternates
    if template_name != TEMPLATE:
        return output_content
    if _alternates is not None:  # the pages rendered next get the plugin's own menu back
        config.extra.alternate, _alternates = _alternates, None
    for problem in problems(output_content):
        log.warning(f"overrides/{TEMPLATE} ({config.theme['language']}): {problem.message}")
    if outer_build(config):
        return output_content
    _write(Path(config.site_dir) / _locale(config) / TEMPLATE, output_content)
    return ""  # MkDocs writes nothing for an empty template: /404.html stays the default language's


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

_alternates: list | None = None


def _language_homes(config: MkDocsConfig) -> dict[str, str]:
    """{"en": "/", "ru": "/ru/"}: each language's home, from the i18n plugin's languages."""
    i18n = config.plugins.get("i18n")
    return {language.locale: language.link for language in i18n.config.languages} if i18n else {}


def _locale(config: MkDocsConfig) -> str:
    """The folder of the language being built: "ru" for /ru/."""
    return config.plugins["i18n"].current_language


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
