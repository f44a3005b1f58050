"""The question bank's generated blocks: a topic's answers, the question index, the by-stage index,
a stage page's answers and the self-quiz, each in the page's language.

Not a hook: a helper module that hooks/question_bank.py imports. Each block is Markdown that the
page's own Markdown then renders (links stay `.md` links, checked like any other).
"""

from __future__ import annotations

from bank import STAGES, Answer, Bank
from mkdocs.structure.pages import Page

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
        "stage_answers": "Worked answers in this site's question bank, by topic:",
        "no_stage_answers": "No worked answer for this stage yet.",
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
        "stage_answers": "Разобранные вопросы из банка сайта, по темам:",
        "no_stage_answers": "Разобранных вопросов для этого этапа пока нет.",
    },
}


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


def _stage_answers(bank: Bank, language: str, page: Page) -> str:
    """On a stage page (`stages/<stage>.md`): the answers the bank files under that stage, by topic."""
    stage = page.file.src_uri.split("/")[-1].split(".")[0]
    text = TEXT[language]
    lines = []
    for topic in bank.topics:
        asked = [answer for answer in topic.answers if stage in answer.stages]
        if asked:
            lines += ["", f"**{topic.titles[language]}**", ""]
            lines += [f"- [{answer.titles[language]}](../{answer.path})" for answer in asked]
    body = [text["stage_answers"], *lines] if lines else [text["no_stage_answers"]]
    return '<div class="stage-answers" markdown>\n\n' + "\n".join(body) + "\n\n</div>"


BLOCKS = {
    "<!-- answer-list -->": _answer_list,
    "<!-- question-index -->": _question_index,
    "<!-- questions-by-stage -->": _by_stage,
    "<!-- self-quiz -->": _self_quiz,
    "<!-- stage-answers -->": _stage_answers,
}
