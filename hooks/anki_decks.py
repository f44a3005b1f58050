"""Anki decks of the question bank: one per language with every answer, and one per language and role.

Not a hook: a helper module that hooks/study_tools.py (and the tests) import. Each card is one
answer: the front is the question (title and the question as the interviewer asks it), the back is
its core answer (the strong answer's "30-second answer" paragraph when there is one, else its first
paragraph) and a link to the full answer on the site. Formulas are KaTeX's MathML, which Anki's
web view renders natively; the KaTeX HTML beside it, glossary tooltips and permalinks are dropped.

Ids are stable, so importing a newer deck updates the cards already imported instead of adding
copies: a note's guid is made from the language and the answer's slug (genanki.guid_for), the
model and deck ids from fixed names. The same answer in the language deck and in a role deck is one
note. The packages are reproducible: genanki gets a fixed timestamp (SOURCE_DATE_EPOCH when set),
and the zip entries get that date too.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import genanki
from selectolax.lexbor import LexborHTMLParser

FOLDER = "assets/study/anki"
NAMESPACE = "ai-lab-interview-guide"
ROLES = ("rs", "re", "swe", "applied")
CORE_LABELS = ("30-second answer", "Ответ за 30 секунд")
DECK_NAMES = {"en": "AI Lab Interview Guide (English)", "ru": "Гид по собеседованиям в AI-лаборатории (русский)"}
OPEN_TEXT = {"en": "Full answer on the site", "ru": "Полный ответ на сайте"}
# A fixed time for builds without SOURCE_DATE_EPOCH (2026-11-30 00:00 UTC): no build puts "now" in a deck.
DEFAULT_EPOCH = 1_795_996_800


@dataclass
class Card:
    slug: str
    topic: str
    title: str
    question: str  # HTML
    core: str  # HTML
    url: str  # absolute URL of the answer page


def stable_id(name: str) -> int:
    """A positive 31-bit id from a name: the same name gives the same id in every build."""
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) & 0x7FFF_FFFF or 1


def note_guid(language: str, slug: str) -> str:
    return genanki.guid_for(NAMESPACE, language, slug)


def deck_file(language: str, role: str | None = None) -> str:
    return f"{NAMESPACE}-{language}{f'-{role}' if role else ''}.apkg"


def _model(language: str) -> genanki.Model:
    css = (
        ".card{font-family:system-ui,sans-serif;font-size:18px;line-height:1.45;text-align:left;max-width:40em;margin:auto}"
        ".topic{font-size:13px;opacity:.7}blockquote{margin:.6em 0;padding-left:.8em;border-left:3px solid #888}"
        "math[display=block]{margin:.5em 0}"
    )
    return genanki.Model(
        stable_id(f"{NAMESPACE}:model:{language}:v1"),
        f"{DECK_NAMES[language]} — Q/A",
        fields=[{"name": name} for name in ("Id", "Topic", "Title", "Question", "Core", "Link")],
        templates=[
            {
                "name": "Card 1",
                "qfmt": '<div class="topic">{{Topic}}</div><h3>{{Title}}</h3>{{Question}}',
                "afmt": '{{FrontSide}}<hr id="answer">{{Core}}'
                + f'<p><a href="{{{{Link}}}}">{OPEN_TEXT[language]}</a></p>',
            }
        ],
        css=css,
        sort_field_index=2,
    )


def card_from_page(html: str, slug: str, topic: str, url: str) -> Card | None:
    """The card of a built answer page (its final HTML), or None if the page has no strong answer."""
    tree = LexborHTMLParser(html)
    article = tree.css_first(".md-content__inner")
    strong = article.css_first("details.success") if article else None
    quote = article.css_first("blockquote") if article else None
    if strong is None or quote is None:
        return None
    for node in article.css(".headerlink, .katex-html, annotation, .gloss-en"):
        node.decompose()
    for node in article.css(".gloss"):
        node.unwrap()
    paragraphs = [p for p in strong.css("p") if p.parent == strong or p.parent.tag == "div"]
    core = next((p for p in paragraphs if p.text(strip=True).startswith(CORE_LABELS)), None)
    if core is not None:
        label = core.css_first("strong")
        if label is not None and label.text(strip=True).startswith(CORE_LABELS):
            label.decompose()
    else:
        core = paragraphs[0] if paragraphs else None
    if core is None:
        return None
    title = article.css_first("h1").text(strip=True)
    return Card(slug, topic, title, _clean(quote.html, url), _clean(core.html, url), url)


def _clean(html: str, base: str) -> str:
    """KaTeX reduced to its MathML, relative links made absolute, site classes and ids dropped."""
    html = _unwrap_math(html)
    html = re.sub(r'\s(?:class|id|tabindex|role|aria-describedby|data-[\w-]+)="[^"]*"', "", html)
    html = re.sub(r'href="(?!https?:|mailto:|#)([^"]*)"', lambda m: f'href="{urljoin(base, m[1])}"', html)
    return re.sub(r"<p>\s+", "<p>", html).strip()


_MATH_WRAPPERS = re.compile(
    r'((?:<span class="(?:arithmatex|katex-display|katex|katex-mathml)">)+)(<math\b.*?</math>)', re.S
)


def _unwrap_math(html: str) -> str:
    """`<span class="katex"><span class="katex-mathml"><math>…</math></span></span>` -> `<math>…</math>`."""
    out, position = [], 0
    for match in _MATH_WRAPPERS.finditer(html):
        if match.start() < position:
            continue
        out.append(html[position : match.start()])
        out.append(match[2])
        position = match.end()
        for _ in range(match[1].count("<span")):
            closing = re.match(r"\s*</span>", html[position:])
            if closing:
                position += closing.end()
    out.append(html[position:])
    return "".join(out)


def write_decks(
    cards: dict[str, list[Card]],
    roles_of: dict[str, list[str]],
    topics: dict[str, dict[str, str]],
    role_names: dict[str, dict[str, str]],
    folder: Path,
    epoch: int | None = None,
) -> list[Path]:
    """Write every deck into folder: per language (cards[language], in bank order) all answers, then
    one deck per role (answers whose `roles` include it). Returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    epoch = DEFAULT_EPOCH if epoch is None else epoch
    written = []
    for language, language_cards in cards.items():
        model = _model(language)
        for role in (None, *ROLES):
            chosen = [card for card in language_cards if role is None or role in roles_of[card.slug]]
            name = DECK_NAMES[language] + (f"::{role_names[role][language]}" if role else "")
            deck = genanki.Deck(stable_id(f"{NAMESPACE}:deck:{language}:{role or 'all'}"), name)
            for card in chosen:
                topic = topics[card.topic][language]
                deck.add_note(
                    genanki.Note(
                        model=model,
                        fields=[f"q-{card.slug}", topic, card.title, card.question, card.core, card.url],
                        guid=note_guid(language, card.slug),
                        tags=[f"aig::{card.topic}", *(f"aig::role::{r}" for r in roles_of[card.slug])],
                    )
                )
            path = folder / deck_file(language, role)
            _write_package(genanki.Package(deck), path, epoch)
            written.append(path)
    return written


def _write_package(package: genanki.Package, path: Path, epoch: int) -> None:
    """genanki's Package.write_to_file, with the zip entries dated `epoch` instead of now."""
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        package.write_to_db(connection.cursor(), float(epoch), itertools.count(epoch * 1000))
        connection.commit()
        connection.close()
        stamp = time.gmtime(max(epoch, 315_532_800))[:6]  # zip dates start in 1980
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in (("collection.anki2", database.read_bytes()), ("media", b"{}")):
                entry = zipfile.ZipInfo(name, date_time=stamp)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                archive.writestr(entry, data)
