"""The Anki decks built with the site, opened by Anki's own importer (the `anki` package)."""

from __future__ import annotations

import dataclasses
import os
import re

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from tests.modules import load
from tests.sitebuilder import ROOT

ANKI = load("hooks/anki_decks.py")
BANK = load("hooks/bank.py").read_bank(ROOT / "docs", ROOT / "tags.yml")
LANGUAGES = ("en", "ru")
ROLES = (None, "rs", "re", "swe", "applied")


@pytest.fixture
def collection(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def _import(collection: Collection, path) -> object:
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return collection.import_anki_package(request).log


def _notes(collection: Collection) -> dict[str, object]:
    notes = [collection.get_note(note_id) for note_id in collection.find_notes("")]
    return {note["Id"]: note for note in notes}


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "all")
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_deck_has_one_card_per_answer_with_stable_ids(real_site, collection, language, role):
    path = real_site.site / ANKI.FOLDER / ANKI.deck_file(language, role)
    log = _import(collection, path)
    answers = [answer for answer in BANK.answers() if role is None or role in answer.roles]
    assert len(log.new) == len(answers) and not log.updated
    assert collection.card_count() == collection.note_count() == len(answers)
    notes = _notes(collection)
    assert set(notes) == {answer.id for answer in answers}
    for answer in answers:
        note = notes[answer.id]
        assert note.guid == ANKI.note_guid(language, answer.slug)
        assert note["Title"] == answer.titles[language]
        assert note["Question"].startswith("<blockquote>") and note["Core"].startswith("<p>")
        assert note["Link"].endswith(("ru/" if language == "ru" else "") + f"questions/{answer.topic}/{answer.slug}/")
        assert "katex" not in note["Core"] and "¶" not in note["Core"]
    deck = ANKI.DECK_NAMES[language] + (f"::{BANK.labels[f'role/{role}'][language]}" if role else "")
    assert deck in [deck.name for deck in collection.decks.all_names_and_ids()]
    assert {collection.get_card(card_id).did for card_id in collection.find_cards("")} == {collection.decks.id(deck)}


def test_formulas_are_mathml_and_the_core_answer_is_the_30_second_one(real_site, collection):
    _import(collection, real_site.site / ANKI.FOLDER / ANKI.deck_file("en"))
    notes = _notes(collection)
    with_math = [note for note in notes.values() if "<math" in note["Core"]]
    assert len(with_math) > 10
    # An answer whose strong answer opens with a "30-second answer" paragraph gets that paragraph.
    labelled = [
        answer
        for answer in BANK.answers()
        if "**30-second answer.**" in (ROOT / "docs" / answer.path).read_text(encoding="utf-8")
    ]
    assert labelled
    for answer in labelled:
        core = notes[answer.id]["Core"]
        assert "30-second answer" not in core, "the label is dropped, the text kept"
        source = (ROOT / "docs" / answer.path).read_text(encoding="utf-8")
        first_words = re.search(r"\*\*30-second answer\.\*\*\s+([A-Za-z][A-Za-z ,']{12})", source)
        if first_words:
            assert first_words.group(1) in re.sub(r"\s+", " ", core), answer.id


def test_importing_a_newer_deck_updates_cards_instead_of_adding_copies(real_site, collection, tmp_path):
    deck = real_site.site / ANKI.FOLDER / ANKI.deck_file("en")
    _import(collection, deck)
    count = collection.note_count()
    # The same deck built again with one answer's core changed, as a later version of the site would.
    card = ANKI.card_from_page(
        (real_site.site / "questions/rl/mdp/index.html").read_text(encoding="utf-8"),
        "mdp",
        "rl",
        "https://example.org/questions/rl/mdp/",
    )
    changed = dataclasses.replace(card, core="<p>A revised core answer.</p>")
    roles = {answer.slug: answer.roles for answer in BANK.answers()}
    topics = {topic.slug: topic.titles for topic in BANK.topics}
    names = {role: {"en": role, "ru": role} for role in ANKI.ROLES}
    # Anki updates a note when the incoming one is newer: a later commit has a later SOURCE_DATE_EPOCH.
    later = max(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), ANKI.DEFAULT_EPOCH) + 86_400
    ANKI.write_decks({"en": [changed]}, roles, topics, names, tmp_path, epoch=later)
    log = _import(collection, tmp_path / ANKI.deck_file("en"))
    assert len(log.updated) == 1 and not log.new
    assert collection.note_count() == count
    assert _notes(collection)["q-mdp"]["Core"] == "<p>A revised core answer.</p>"


def test_decks_are_written_identically_twice(tmp_path, real_site):
    card = ANKI.card_from_page(
        (real_site.site / "questions/rl/mdp/index.html").read_text(encoding="utf-8"), "mdp", "rl", "https://x/"
    )
    roles = {answer.slug: answer.roles for answer in BANK.answers()}
    topics = {topic.slug: topic.titles for topic in BANK.topics}
    names = {role: {"en": role, "ru": role} for role in ANKI.ROLES}
    first = ANKI.write_decks({"en": [card]}, roles, topics, names, tmp_path / "a", epoch=1_700_000_000)
    second = ANKI.write_decks({"en": [card]}, roles, topics, names, tmp_path / "b", epoch=1_700_000_000)
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]


def test_the_quiz_page_links_every_deck(real_site):
    for prefix in ("", "ru/"):
        page = real_site.page(prefix + "questions/quiz/index.html")
        for language in LANGUAGES:
            for role in ROLES:
                name = ANKI.deck_file(language, role)
                assert f"assets/study/anki/{name}" in page, (prefix, name)
                assert (real_site.site / ANKI.FOLDER / name).is_file()
