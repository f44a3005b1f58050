"""The question bank: one page per worked answer, and the lists, navigation and tags built from them.

Layout: `docs/questions/<topic>/index.md` introduces a topic and lists, in its front matter
`answers:`, the slugs of its answer pages in reading order; each answer is
`docs/questions/<topic>/<slug>.md` (+ `.ru.md`) with front matter `difficulty`, `stages` and `roles`
besides the fields every page has. From these this hook:

- expands the topic's nav entry into a section: the topic page, then its answers in order, each
  titled in the language being built;
- adds `difficulty/…`, `stage/…` and `role/…` tags to each answer page, so the tag index, the
  chips under its title and the print tracks follow its front matter;
- fills the generated blocks: `<!-- answer-list -->` (a topic's answers), `<!-- question-index -->`
  (every topic), `<!-- questions-by-stage -->` and `<!-- self-quiz -->`.

A slug is the answer's id without `q-`: `#q-mdp` on the old topic page is `rl/mdp.md`, and the
reader's quiz marks stay keyed by `q-<slug>`. An answer missing from `answers:`, a listed answer
with no page, a bad field or a slug used twice is a warning naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from language_builds import outer_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

QUESTIONS = "questions"
LANGUAGES = ("en", "ru")
DIFFICULTIES = ("easy", "medium", "hard")
STAGES = ("recruiter", "quiz", "coding", "ml-design", "system-design", "research", "leadership", "people-culture")
ROLES = ("rs", "re", "swe", "applied")
TEXT = {
    "en": {
        "question": "Question",
        "difficulty": "Difficulty",
        "stage": "Stage",
        "topic": "Topic",
        "answers": "Answers",
        "summary": "{count} worked answers in {topics} topics.",
        "stage_page": "About this stage: [{name}](../stages/{stage}.md).",
        "none": "No worked answer for this stage yet; the stage page lists typical questions.",
        "by_topic": "By topic",
        "by_stage": "By stage",
    },
    "ru": {
        "question": "Вопрос",
        "difficulty": "Сложность",
        "stage": "Этап",
        "topic": "Тема",
        "answers": "Разборов",
        "summary": "Разобранных вопросов: {count}, тем: {topics}.",
        "stage_page": "Об этом этапе: [{name}](../stages/{stage}.md).",
        "none": "Разобранных вопросов для этого этапа пока нет; типичные перечислены на странице этапа.",
        "by_topic": "По темам",
        "by_stage": "По этапам",
    },
}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _bank
    root = Path(config.config_file_path).parent
    _bank = read_bank(Path(config.docs_dir), root / "tags.yml")
    for problem in _bank.problems if outer_build(config) else []:
        log.warning(problem)
    config.nav = expand_nav(config.nav, _bank)
    return config


@event_priority(10)  # before hooks/tags_i18n.py (0) turns tag ids into labels
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = getattr(page.file, "locale_alternate_of", None) or "en"
    answer = _bank.answer_at(page.file.src_uri)
    if answer:
        page.meta["tags"] = list(dict.fromkeys(answer.tags() + (page.meta.get("tags") or [])))
    for marker, render in _BLOCKS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(_bank, language, page))
    return markdown


# -----------------------------------------------------------------------------
# Helpers (also used by the tests and scripts)
# -----------------------------------------------------------------------------


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
    """Every topic folder under docs/questions/ with its answers, in the order its index lists them."""
    bank = Bank(labels=_labels(vocabulary))
    folder = docs / QUESTIONS
    seen: dict[str, str] = {}
    for index in sorted(folder.glob("*/index.md")):
        topic_meta, titles = _read_page(index, bank)
        slugs = topic_meta.get("answers", [])
        where = index.relative_to(docs).as_posix()
        if not isinstance(slugs, list) or not all(isinstance(slug, str) for slug in slugs):
            bank.problems.append(f"Doc file '{where}': front matter 'answers' must list the topic's answer slugs.")
            slugs = []
        pages = {path.name.removesuffix(".md") for path in index.parent.glob("*.md") if path.name.count(".") == 1}
        for unlisted in sorted(pages - set(slugs) - {"index"}):
            bank.problems.append(
                f"Doc file '{where}': '{unlisted}.md' is not in 'answers'. "
                f"Add '- {unlisted}' where it belongs in the list."
            )
        answers = []
        for slug in slugs:
            path = index.parent / f"{slug}.md"
            if not path.is_file():
                bank.problems.append(
                    f"Doc file '{where}', line {_line_of(index, slug)}: answer '{slug}' has no page {path.name}."
                )
                continue
            if slug in seen:
                bank.problems.append(
                    f"Doc file '{path.relative_to(docs).as_posix()}': the slug '{slug}' is also used by "
                    f"'{seen[slug]}'. Slugs are the readers' quiz keys and must be unique across topics."
                )
            seen[slug] = path.relative_to(docs).as_posix()
            answer = _read_answer(path, index.parent.name, slug, bank, docs)
            if answer:
                answers.append(answer)
        bank.topics.append(Topic(index.parent.name, titles, answers))
    bank.topics.sort(key=lambda topic: _TOPIC_ORDER.get(topic.slug, len(_TOPIC_ORDER)))
    return bank


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


_TOPIC_ORDER = {
    topic: position
    for position, topic in enumerate(
        [
            "probability",
            "math",
            "cs",
            "ml",
            "deep-learning",
            "llm",
            "distributed",
            "rl",
            "coding",
            "design",
            "behavioural",
        ]
    )
}


def _read_page(path: Path, bank: Bank) -> tuple[dict, dict[str, str]]:
    """(English front matter, {language: H1 title}) of a page and its translations."""
    titles, english = {}, {}
    for language in LANGUAGES:
        translated = path if language == "en" else path.with_name(f"{path.stem}.{language}.md")
        if not translated.is_file():
            continue  # hooks/translations.py reports a missing translation
        meta, body = _split(translated.read_text(encoding="utf-8"))
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


def _split(source: str) -> tuple[dict, str]:
    if not source.startswith("---\n") or (end := source.find("\n---\n", 3)) == -1:
        return {}, source
    try:
        meta = yaml.safe_load(source[4:end])
    except yaml.YAMLError:
        return {}, source[end + 5 :]  # hooks/page_schema.py reports it
    return (meta if isinstance(meta, dict) else {}), source[end + 5 :]


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    return 1


def _labels(vocabulary: Path) -> dict[str, dict[str, str]]:
    """Tag id -> {language: label} (the tag's own label, without its group), from tags.yml."""
    groups = yaml.safe_load(vocabulary.read_text(encoding="utf-8")) or {}
    return {f"{group}/{tag}": names for group, entry in groups.items() for tag, names in entry["tags"].items()}


# -----------------------------------------------------------------------------
# Generated blocks
# -----------------------------------------------------------------------------


def _label(bank: Bank, tag: str, language: str) -> str:
    return bank.labels.get(tag, {}).get(language, tag)


def _stages(bank: Bank, answer: Answer, language: str, stages_path: str) -> str:
    return ", ".join(
        f"[{_label(bank, f'stage/{stage}', language)}]({stages_path}{stage}.md)" for stage in answer.stages
    )


def _answer_list(bank: Bank, language: str, page: Page) -> str:
    topic = bank.topic(page.file.src_uri.split("/")[1])
    text = TEXT[language]
    rows = [f"| {text['question']} | {text['difficulty']} | {text['stage']} |", "| --- | --- | --- |"]
    for answer in topic.answers if topic else []:
        rows.append(
            f'| [{answer.titles[language]}]({answer.slug}.md){{ data-answer="{answer.id}" }} '
            f"| {_label(bank, f'difficulty/{answer.difficulty}', language)} "
            f"| {_stages(bank, answer, language, '../../stages/')} |"
        )
    return '<div class="answer-list" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def _question_index(bank: Bank, language: str, page: Page) -> str:
    text = TEXT[language]
    lines = [text["summary"].format(count=len(bank.answers()), topics=len(bank.topics)), ""]
    lines += [f"| {text['topic']} | {text['answers']} |", "| --- | ---: |"]
    lines += [f"| [{topic.titles[language]}](#{topic.slug}) | {len(topic.answers)} |" for topic in bank.topics]
    for topic in bank.topics:
        lines += ["", f"## {topic.titles[language]} {{ #{topic.slug} }}", ""]
        lines += [f"| {text['question']} | {text['stage']} | {text['difficulty']} |", "| --- | --- | --- |"]
        lines += [
            f'| [{answer.titles[language]}]({topic.slug}/{answer.slug}.md){{ data-answer="{answer.id}" }} '
            f"| {_stages(bank, answer, language, '../stages/')} "
            f"| {_label(bank, f'difficulty/{answer.difficulty}', language)} |"
            for answer in topic.answers
        ]
    return '<div class="answer-list" markdown>\n\n' + "\n".join(lines) + "\n\n</div>"


def _by_stage(bank: Bank, language: str, page: Page) -> str:
    text = TEXT[language]
    lines = ['<div class="answer-list" markdown>']
    for stage in STAGES:
        name = _label(bank, f"stage/{stage}", language)
        asked = [answer for answer in bank.answers() if stage in answer.stages]
        lines += ["", f"## {name} {{ #{stage} }}", "", text["stage_page"].format(name=name, stage=stage), ""]
        if not asked:
            lines.append(text["none"])
            continue
        lines += [f"| {text['question']} | {text['topic']} | {text['difficulty']} |", "| --- | --- | --- |"]
        lines += [
            f'| [{answer.titles[language]}]({answer.topic}/{answer.slug}.md){{ data-answer="{answer.id}" }} '
            f"| [{bank.topic(answer.topic).titles[language]}]({answer.topic}/index.md) "
            f"| {_label(bank, f'difficulty/{answer.difficulty}', language)} |"
            for answer in asked
        ]
    return "\n".join(lines) + "\n\n</div>"


def _self_quiz(bank: Bank, language: str, page: Page) -> str:
    """Plain links without JavaScript; overrides/assets/javascripts/study.js reads data-questions."""
    text = TEXT[language]
    lines = ['<div class="self-quiz" markdown>', "", f"## {text['by_topic']} {{ #by-topic }}", ""]
    for topic in bank.topics:
        ids = " ".join(f"{answer.topic}/{answer.slug}" for answer in topic.answers)
        attributes = f'data-quiz="topic:{topic.slug}" data-questions="{ids}"'
        lines.append(f"- [{topic.titles[language]}]({topic.slug}/index.md){{ {attributes} }}")
    lines += ["", f"## {text['by_stage']} {{ #by-stage }}", ""]
    for stage in STAGES:
        ids = " ".join(f"{answer.topic}/{answer.slug}" for answer in bank.answers() if stage in answer.stages)
        if ids:
            name = _label(bank, f"stage/{stage}", language)
            lines.append(f'- [{name}](../stages/{stage}.md){{ data-quiz="stage:{stage}" data-questions="{ids}" }}')
    return "\n".join(lines) + "\n\n</div>"


_BLOCKS = {
    "<!-- answer-list -->": _answer_list,
    "<!-- question-index -->": _question_index,
    "<!-- questions-by-stage -->": _by_stage,
    "<!-- self-quiz -->": _self_quiz,
}
