"""The question bank read from its pages: topics, answers and what their front matter says.

Not a hook: a helper module that hooks/question_bank.py (and the tests) import. Layout:
`docs/questions/answers.yml` lists the topics and, for each, the slugs of its answer pages in
reading order (one file for both languages, so adding an answer never makes a Russian page look
out of date); each topic has `docs/questions/<topic>/index.md`, and each answer is
`docs/questions/<topic>/<slug>.md` (+ `.ru.md`) with front matter `difficulty`, `stages`, `roles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from front_matter import load, split

QUESTIONS = "questions"
LISTING = "answers.yml"  # under docs/questions/: the topics and their answers, in reading order
LANGUAGES = ("en", "ru")
DIFFICULTIES = ("easy", "medium", "hard")
STAGES = ("recruiter", "quiz", "coding", "ml-design", "system-design", "research", "leadership", "people-culture")
ROLES = ("rs", "re", "swe", "applied")


@dataclass
class Answer:
    topic: str
    slug: str
    titles: dict[str, str]
    difficulty: str
    stages: list[str]
    roles: list[str]

    @property
    def id(self) -> str:
        """The language-independent id: the old anchor, and the key of the reader's quiz marks."""
        return f"q-{self.slug}"

    @property
    def path(self) -> str:
        return f"{QUESTIONS}/{self.topic}/{self.slug}.md"

    def tags(self) -> list[str]:
        return answer_tags({"difficulty": self.difficulty, "stages": self.stages, "roles": self.roles})


@dataclass
class Topic:
    slug: str
    titles: dict[str, str]
    answers: list[Answer]


@dataclass
class Bank:
    topics: list[Topic] = field(default_factory=list)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def answers(self) -> list[Answer]:
        return [answer for topic in self.topics for answer in topic.answers]

    def answer_at(self, src_uri: str) -> Answer | None:
        path = re.sub(r"\.[a-z]{2}\.md$", ".md", src_uri)
        return next((answer for answer in self.answers() if answer.path == path), None)

    def topic(self, slug: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.slug == slug), None)


_bank = Bank()


def answer_tags(meta: dict) -> list[str]:
    """The tags an answer page's `difficulty`, `stages` and `roles` stand for, in chip order."""
    difficulty = [f"difficulty/{meta['difficulty']}"] if meta.get("difficulty") else []
    return [
        *difficulty,
        *(f"stage/{stage}" for stage in meta.get("stages") or []),
        *(f"role/{role}" for role in meta.get("roles") or []),
    ]


def read_bank(docs: Path, vocabulary: Path) -> Bank:
    """Every topic of `docs/questions/answers.yml`, in its order, with its answers in their order."""
    bank = Bank(labels=_labels(vocabulary))
    listing = docs / QUESTIONS / LISTING
    where = listing.relative_to(docs).as_posix()
    # No listing at all (a fresh site): every topic page stands, with no answers yet.
    found = {index.parent.name: [] for index in sorted((docs / QUESTIONS).glob("*/index.md"))}
    topics = _listing(listing, bank) if listing.is_file() else found
    seen: dict[str, str] = {}
    for topic, slugs in topics.items():
        folder = docs / QUESTIONS / topic
        if not (folder / "index.md").is_file():
            bank.problems.append(
                f"Doc file '{where}', line {_line_of(listing, topic + ':')}: topic '{topic}' has no page "
                f"{QUESTIONS}/{topic}/index.md: create it (with its Russian twin) or remove the topic."
            )
            continue
        _, titles = _read_page(folder / "index.md", bank)
        pages = {path.name.removesuffix(".md") for path in folder.glob("*.md") if path.name.count(".") == 1}
        for unlisted in sorted(pages - set(slugs) - {"index"}):
            bank.problems.append(
                f"Doc file '{QUESTIONS}/{topic}/{unlisted}.md' is not in {where}: add '- {unlisted}' under "
                f"'{topic}:' where it belongs in reading order."
            )
        answers = []
        for slug in slugs:
            path = folder / f"{slug}.md"
            if not path.is_file():
                bank.problems.append(
                    f"Doc file '{where}', line {_line_of(listing, '- ' + slug)}: answer '{slug}' has no page "
                    f"{QUESTIONS}/{topic}/{slug}.md."
                )
                continue
            if slug in seen:
                bank.problems.append(
                    f"Doc file '{path.relative_to(docs).as_posix()}': the slug '{slug}' is also used by "
                    f"'{seen[slug]}'. Slugs are the readers' quiz keys and must be unique across topics."
                )
            seen[slug] = path.relative_to(docs).as_posix()
            answer = _read_answer(path, topic, slug, bank, docs)
            if answer:
                answers.append(answer)
        bank.topics.append(Topic(topic, titles, answers))
    for topic in found.keys() - topics.keys():
        bank.problems.append(
            f"Doc file '{QUESTIONS}/{topic}/index.md': its topic '{topic}' is not in {where}: "
            f"add '{topic}:' with its answers."
        )
    return bank


def _listing(listing: Path, bank: Bank) -> dict[str, list[str]]:
    """Topic -> slugs from answers.yml; a problem, and no topics, if it is missing or malformed."""
    try:
        topics = load(listing.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        bank.problems.append(f"Doc file '{QUESTIONS}/{LISTING}': not valid YAML ({error}).")
        return {}
    valid = isinstance(topics, dict) and all(
        isinstance(slugs, list) and all(isinstance(slug, str) for slug in slugs) for slugs in topics.values()
    )
    if not valid:
        bank.problems.append(
            f"Doc file '{QUESTIONS}/{LISTING}': it must map each topic to the list of its answer slugs "
            f"(topic: [slug, …])."
        )
        return {}
    return topics


def expand_nav(nav, bank: Bank):
    """The nav with each `questions/<topic>/index.md` entry turned into a section of the topic's pages."""
    if isinstance(nav, list):
        return [expand_nav(item, bank) for item in nav]
    if isinstance(nav, dict):
        return {title: _expanded(value, bank) for title, value in nav.items()}
    return nav


def _expanded(value, bank: Bank):
    if not isinstance(value, str):
        return expand_nav(value, bank)
    match = re.fullmatch(rf"{QUESTIONS}/([\w-]+)/index\.md", value)
    topic = bank.topic(match.group(1)) if match else None
    if topic is None:
        return value
    return [value, *(answer.path for answer in topic.answers)]


def _read_page(path: Path, bank: Bank) -> tuple[dict, dict[str, str]]:
    """(English front matter, {language: H1 title}) of a page and its translations."""
    titles, english = {}, {}
    for language in LANGUAGES:
        translated = path if language == "en" else path.with_name(f"{path.stem}.{language}.md")
        if not translated.is_file():
            continue  # hooks/translations.py reports a missing translation
        meta, body, _ = split(translated.read_text(encoding="utf-8"))  # page_schema reports an error
        meta = meta or {}
        heading = re.search(r"^# (.+?)\s*$", body, re.M)
        titles[language] = heading.group(1) if heading else str(meta.get("title", path.stem))
        if language == "en":
            english = meta
    titles.setdefault("ru", titles.get("en", path.stem))
    return english, titles


def _read_answer(path: Path, topic: str, slug: str, bank: Bank, docs: Path) -> Answer | None:
    meta, titles = _read_page(path, bank)
    where = path.relative_to(docs).as_posix()
    found = []
    if meta.get("difficulty") not in DIFFICULTIES:
        found.append(("difficulty", f"must be one of {', '.join(DIFFICULTIES)}"))
    for name, allowed in (("stages", STAGES), ("roles", ROLES)):
        values = meta.get(name)
        if not isinstance(values, list) or not values or any(value not in allowed for value in values):
            found.append((name, f"must be a non-empty list of {', '.join(allowed)}"))
    for name, reason in found:
        bank.problems.append(f"Doc file '{where}', line {_line_of(path, name + ':')}: front matter '{name}' {reason}.")
    if found:
        return None
    return Answer(topic, slug, titles, meta["difficulty"], meta["stages"], meta["roles"])


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    return 1


def _labels(vocabulary: Path) -> dict[str, dict[str, str]]:
    """Tag id -> {language: label} (the tag's own label, without its group), from tags.yml."""
    groups = load(vocabulary.read_text(encoding="utf-8")) or {}
    return {f"{group}/{tag}": names for group, entry in groups.items() for tag, names in entry["tags"].items()}
