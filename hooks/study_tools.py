"""The study tools: their scripts on the pages that use them, their generated blocks, data and decks.

Scripts (overrides/assets/javascripts/), each only where it is used; state stays in the reader's
browser (localStorage), nothing is sent anywhere:
- `study-core.js`, every page: the shared store, reading progress (pages read are marked in the
  nav), "continue where you left off" on the home page;
- `study.js`: the self-quiz (`.self-quiz`), the reader's marks on answer lists (`.answer-list`) and
  answer pages, checklists (task lists) that keep their ticks;
- `vendor/ts-fsrs.js` (the pinned npm package ts-fsrs, copied from node_modules by on_post_build)
  and `study-transfer.js`: the self-quiz page only (spaced repetition; export, import, resets);
- `study-plan.js`: the plan page (`.study-plan`) only.

Blocks, replaced in the page's Markdown in the page's language: `<!-- study-transfer -->` (where the
export/import controls go), `<!-- anki-decks -->` (the deck downloads), `<!-- study-plan -->` (the
plan and the table of priorities it uses).

Data written once both languages are built: `assets/study/bank.<language>.json` (answers and guide
pages with titles, paths, stages, roles, minutes, and the priorities per role; read by the quiz and
the plan) and the Anki decks of hooks/anki_decks.py in `assets/study/anki/`. The decks cost about
4 s a build (reading the answers back, then genanki): `mkdocs serve` skips them and the quiz page
says so in place of their links; `mkdocs build` always writes them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import anki_decks
from bank import LANGUAGES, ROLES, STAGES, read_bank
from language_builds import final_build, outer_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SCRIPTS = "assets/javascripts/"
VENDOR = "vendor/ts-fsrs.js"
USERS = ('class="self-quiz"', 'class="task-list-item"', 'class="answer-list"', "data-answer-page=")
DATA = "assets/study"

# Our own weighting of the interview stages for each role (3 high, 2 medium, 1 low), from the study
# plan's "Adapting the plan to your role" table and the stages each role's loop is reported to have.
# Weights in the order of STAGES: recruiter, quiz, coding, ml-design, system-design, research,
# leadership, people-culture.
WEIGHTS = {
    role: dict(zip(STAGES, weights, strict=True))
    for role, weights in {
        "rs": (2, 2, 2, 2, 1, 3, 1, 2),
        "re": (2, 3, 3, 2, 1, 2, 1, 2),
        "swe": (2, 2, 3, 1, 3, 1, 1, 2),
        "applied": (2, 2, 2, 3, 3, 1, 3, 2),
    }.items()
}
# Minutes to study an answer (read it, answer it aloud, check), by difficulty: our estimate.
ANSWER_MINUTES = {"easy": 15, "medium": 25, "hard": 40}
# Guide pages in the plan, in this order before the answers of the same priority, with their stages.
GUIDE_PAGES = {"process.md": STAGES, "roles.md": STAGES, "cv.md": ("recruiter",)} | {
    f"stages/{stage}.md": (stage,) for stage in STAGES
}
WORDS_PER_MINUTE = 150  # reading with notes: our estimate

TEXT = {
    "en": {
        "nojs_transfer": "Export, import and resets need JavaScript.",
        "nojs_plan": "The plan needs JavaScript. Without it, follow the [six-month plan](plan.md#six-month-plan).",
        "all": "All answers",
        "serve": "*The decks are built by `make build`; the `make serve` preview skips them.*",
        "deck": "Deck",
        "cards": "cards",
        "stage": "Stage",
        "weights": {3: "high", 2: "medium", 1: "low"},
    },
    "ru": {
        "nojs_transfer": "Для сохранения, загрузки и сброса нужен JavaScript.",
        "nojs_plan": "Для плана нужен JavaScript. Без него пользуйтесь [планом на полгода](plan.md#six-month-plan).",
        "all": "Все вопросы",
        "serve": "*Колоды собирает `make build`; предпросмотр `make serve` их пропускает.*",
        "deck": "Колода",
        "cards": "карточек",
        "stage": "Этап",
        "weights": {3: "высокий", 2: "средний", 1: "низкий"},
    },
}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _bank
    if outer_build(config) or _bank is None:
        root = Path(config.config_file_path).parent
        _bank = read_bank(Path(config.docs_dir), root / "tags.yml")
        _cards.clear()
        _titles.clear()
    return config


@event_priority(10)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = _language(page)
    if "<!-- study-" in markdown or "<!-- anki-decks -->" in markdown:
        markdown = markdown.replace("<!-- study-plan-priorities -->", _priorities_block(language))
        markdown = markdown.replace("<!-- study-transfer -->", _transfer_block(language))
        markdown = markdown.replace("<!-- study-plan -->", _plan_block(language))
        markdown = markdown.replace("<!-- anki-decks -->", _decks_block(language, page))
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    _titles.setdefault(_language(page), {})[_source(page)] = page.title
    slug = _answer_slug(page)
    if slug:  # where study.js shows the reader's mark of this answer
        html = html.replace("</h1>", f'</h1>\n<p class="answer-status" data-answer-page="q-{slug}" hidden></p>', 1)
    return html


@event_priority(-900)  # after math, diagrams and the glossary, before the output check
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    slug = None if _serving else _answer_slug(page)
    if slug:
        url = (config.site_url or "/") + page.url
        card = anki_decks.card_from_page(output, slug, page.file.src_uri.split("/")[1], url)
        if card:
            _cards.setdefault(_language(page), {})[slug] = card
    return output.replace("</body>", "".join(_script_tags(output, page)) + "</body>", 1)


@event_priority(50)  # before hooks/links.py checks the links to what is written here
def on_post_build(*, config: MkDocsConfig) -> None:
    if not final_build(config):
        return
    site = _site_root(config)
    vendor = site / SCRIPTS / VENDOR
    vendor.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_ts_fsrs(config), vendor)
    data = site / DATA
    data.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        text = json.dumps(
            bank_data(language, Path(config.docs_dir)), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        (data / f"bank.{language}.json").write_text(text + "\n", encoding="utf-8")
    if _serving:
        return
    order = {answer.slug: index for index, answer in enumerate(_bank.answers())}
    cards = {
        language: sorted(_cards.get(language, {}).values(), key=lambda card: order.get(card.slug, len(order)))
        for language in LANGUAGES
    }
    anki_decks.write_decks(
        cards,
        {answer.slug: answer.roles for answer in _bank.answers()},
        {topic.slug: topic.titles for topic in _bank.topics},
        {role: _bank.labels.get(f"role/{role}", {"en": role, "ru": role}) for role in ROLES},
        site / anki_decks.FOLDER,
        int(os.environ["SOURCE_DATE_EPOCH"]) if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit() else None,
    )


# -----------------------------------------------------------------------------
# Helpers (bank_data() is also used by the tests)
# -----------------------------------------------------------------------------

_serving = False
_bank = None
_cards: dict[str, dict[str, anki_decks.Card]] = {}
_titles: dict[str, dict[str, str]] = {}  # language -> source path -> page title, as built
_ANSWER = re.compile(r"^questions/([\w-]+)/(?!index\.)([\w-]+)(?:\.[a-z]{2})?\.md$")


def _language(page: Page) -> str:
    return getattr(page.file, "locale_alternate_of", None) or "en"


def _source(page: Page) -> str:
    return re.sub(r"\.[a-z]{2}\.md$", ".md", page.file.src_uri)


def _answer_slug(page: Page) -> str | None:
    match = _ANSWER.match(page.file.src_uri)
    return match.group(2) if match else None


def _site_root(config: MkDocsConfig) -> Path:
    """The site folder: every language build writes into the same one (Russian pages under ru/)."""
    return Path(config.site_dir)


def _ts_fsrs(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "node_modules" / "ts-fsrs" / "dist" / "index.umd.js"


def _script_tags(output: str, page: Page) -> list[str]:
    root = "../" * page.url.count("/") + SCRIPTS
    names = ["study-core.js"]
    if 'class="self-quiz"' in output:
        names += [VENDOR, "study.js", "study-transfer.js"]
    elif any(marker in output for marker in USERS):
        names.append("study.js")
    if 'class="study-plan"' in output:
        names.append("study-plan.js")
    return [f'<script src="{root}{name}" defer></script>\n' for name in names]


def _words(path: Path) -> int:
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return len(re.findall(r"\w+", text))


def page_minutes(path: Path) -> int:
    """Minutes to study a guide page, from its English text: 5-minute steps, 10 to 60."""
    minutes = -(-_words(path) // WORDS_PER_MINUTE)
    return max(10, min(60, -(-minutes // 5) * 5))


def bank_data(language: str, docs: Path) -> dict:
    """What the quiz and the plan read: every item a plan can hold, in base order (guide pages, then
    answers in bank order), the priorities per role, and the labels in the language."""
    titles = _titles.get(language, {})
    items = []
    for source, stages in GUIDE_PAGES.items():
        items.append(
            {
                "id": "page:" + source.removesuffix(".md") + "/",
                "kind": "page",
                "title": titles.get(source, source),
                "path": source.removesuffix(".md") + "/",
                "minutes": page_minutes(docs / source),
                "stages": list(stages),
                "roles": list(ROLES),
            }
        )
    for answer in _bank.answers():
        items.append(
            {
                "id": answer.id,
                "kind": "answer",
                "title": answer.titles[language],
                "path": f"questions/{answer.topic}/{answer.slug}/",
                "topic": answer.topic,
                "difficulty": answer.difficulty,
                "minutes": ANSWER_MINUTES[answer.difficulty],
                "stages": answer.stages,
                "roles": answer.roles,
            }
        )
    return {
        "version": 1,
        "language": language,
        "roles": {role: _bank.labels.get(f"role/{role}", {}).get(language, role) for role in ROLES},
        "stages": {stage: _bank.labels.get(f"stage/{stage}", {}).get(language, stage) for stage in STAGES},
        "weights": WEIGHTS,
        "items": items,
    }


def _transfer_block(language: str) -> str:
    return f'<div class="study-transfer" markdown>\n\n{TEXT[language]["nojs_transfer"]}\n\n</div>'


def _plan_block(language: str) -> str:
    return f'<div class="study-plan" markdown>\n\n{TEXT[language]["nojs_plan"]}\n\n</div>'


def _priorities_block(language: str) -> str:
    """The weights of the stages for each role, as a table: what the plan's priorities are made of."""
    text = TEXT[language]
    labels = _bank.labels
    header = f"| {text['stage']} | " + " | ".join(labels[f"role/{role}"][language] for role in ROLES) + " |"
    rows = [header, "| --- |" + " --- |" * len(ROLES)]
    for stage in STAGES:
        cells = " | ".join(text["weights"][WEIGHTS[role][stage]] for role in ROLES)
        rows.append(f"| {labels[f'stage/{stage}'][language]} | {cells} |")
    return "\n".join(rows)


def _decks_block(language: str, page: Page) -> str:
    """A table of the deck downloads: rows all answers and each role, a column per language."""
    text = TEXT[language]
    if _serving:
        return text["serve"]
    root = "../" * page.url.count("/")
    answers = _bank.answers()
    names = {"en": "English", "ru": "Русский"}
    head = "".join(f'<th scope="col" lang="{other}">{names[other]}</th>' for other in LANGUAGES)
    rows = []
    for role in (None, *ROLES):
        count = sum(1 for answer in answers if role is None or role in answer.roles)
        label = text["all"] if role is None else _bank.labels[f"role/{role}"][language]
        cells = "".join(
            f'<td><a href="{root}{anki_decks.FOLDER}/{anki_decks.deck_file(other, role)}" download>'
            f"{names[other]}: {label}</a> ({count}&nbsp;{text['cards']})</td>"
            for other in LANGUAGES
        )
        rows.append(f'<tr><th scope="row">{label}</th>{cells}</tr>')
    return (
        f'<table class="anki-decks"><thead><tr><th scope="col">{text["deck"]}</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
