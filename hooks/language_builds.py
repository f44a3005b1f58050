"""Which language build a hook is in. Not a hook: a helper module the hooks import.

mkdocs-static-i18n builds the default language, then, from inside that build's on_post_build,
each other language as a nested build of its own; every hook runs once per language. The outer
build (the default language) is the one that starts a site and, in on_post_build, the one that
runs after every language is built: work done once per site goes there.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def outer_build(config: MkDocsConfig) -> bool:
    """True in the default language's build (the first to start, the last to finish)."""
    i18n = config.plugins.get("i18n")
    return i18n is None or not i18n.building


def final_build(config: MkDocsConfig) -> bool:
    """True in the last language's build: by its on_post_build every language's pages are built.

    Work that needs every language (cross-language link checks) goes there rather than after the
    default build's nested builds: in a strict build a language with warnings raises Abort from
    its own build, and the default build's on_post_build never gets there.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return True
    languages = list(i18n.build_languages)
    if len(languages) == 1:
        return not i18n.building
    return i18n.building and i18n.current_language == languages[-1]
