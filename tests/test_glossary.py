"""Glossary tooltips: the glossary page is parsed, Russian pages mark each term's first use, English pages don't."""

from __future__ import annotations

import json
import re
import textwrap
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from tests.modules import load
from tests.sitebuilder import ROOT, build, make_site

glossary = load("hooks/glossary.py")

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FRONT = "---\ntitle: {title}\ndescription: A page.\ntags: [topic/reference]\nsources: []\nreviewed: 2026-11-24\n---\n"
TABLE_HEADER = "| Русский | English | Пояснение |\n| --- | --- | --- |\n"
GLOSSARY_RU = (
    "# Глоссарий\n\n"
    + TABLE_HEADER
    + textwrap.dedent(
        """\
        | переобучение | overfitting | Модель запоминает шум. [Подробнее](questions/ml.md) |
        | обучение с подкреплением (RL) | reinforcement learning (RL) | Пробы и ошибки. |
        | обучение | training | Подбор параметров. |
        | нейронная сеть | neural network | Слои и нелинейности. |
        | [функция потерь](questions/ml.md) | *loss function* | Markdown в ячейках сводится к тексту. |
        | собственное значение, собственный вектор | eigenvalue, eigenvector | Пары по порядку. |
        | резюме | CV, résumé | Один русский вариант получает всю английскую ячейку. |
        | инженер-исследователь, research engineer (RE) | Research Engineer (RE) | Латинский вариант отброшен. |
        | `softmax` | softmax | Код пропускается. |
        | JAX | JAX | Совпадает с английским. |
        | граф | graph | Четыре буквы — достаточно. |
        | ЦПТ | CLT | Слишком коротко. |
        | оценка (статистическая) | estimator | Бытовое слово: пропускается. |
        | среда | environment | Твёрдая основа: «среди» — не форма. |
        | интервью people & culture | people & culture interview | Амперсанд. |
        """
    )
    + "\n## Другая таблица { #other }\n\n| Термин | Что это |\n| --- | --- |\n| не термин | игнорируется |\n"
)


@pytest.fixture(scope="module")
def terms(tmp_path_factory):
    path = tmp_path_factory.mktemp("glossary") / "glossary.ru.md"
    path.write_text(GLOSSARY_RU, encoding="utf-8")
    return glossary.parse_glossary(path)


@pytest.fixture(scope="module")
def mark(terms):
    matcher = glossary.compile_terms(terms)
    return lambda html: glossary.add_tooltips(html, matcher)


def _tips(html: str) -> list[tuple[str, str]]:
    """(Russian text, English text) of every tooltip, in page order."""
    return re.findall(r'<span class="gloss-ru">(.*?)</span><span class="gloss-en"[^>]*>(.*?)</span></span>', html)


# -----------------------------------------------------------------------------
# Parsing the glossary
# -----------------------------------------------------------------------------


def test_the_glossary_table_gives_term_pairs_by_the_documented_rules(terms):
    assert {(term.russian, term.english) for term in terms} == {
        ("переобучение", "overfitting"),
        ("обучение с подкреплением", "reinforcement learning (RL)"),  # "(RL)" dropped on the Russian side only
        ("обучение", "training"),
        ("нейронная сеть", "neural network"),
        ("функция потерь", "loss function"),  # link and emphasis reduced to their text
        ("собственное значение", "eigenvalue"),  # as many variants on both sides: paired in order
        ("собственный вектор", "eigenvector"),
        ("резюме", "CV, résumé"),  # otherwise the whole English cell
        ("инженер-исследователь", "Research Engineer (RE)"),  # the Latin-only variant is dropped
        ("граф", "graph"),
        ("среда", "environment"),
        ("интервью people & culture", "people & culture interview"),
    }, "code, same-as-English, too short, everyday words and other tables are left out"
    lengths = [len(term.russian) for term in terms]
    assert lengths == sorted(lengths, reverse=True), "longest first"


def test_the_real_glossary_parses():
    terms = glossary.parse_glossary(ROOT / "docs" / "glossary.ru.md")
    assert len(terms) > 100
    english = {term.russian: term.english for term in terms}
    assert english["переобучение"] == "overfitting"
    assert english["обучение с подкреплением"] == "reinforcement learning (RL)"
    assert english["собственный вектор"] == "eigenvector"
    assert "оценка" not in english and "JAX" not in english


@pytest.mark.parametrize(
    "text",
    [
        "# Глоссарий\n\nТаблицу ещё не написали.\n",
        "# Глоссарий\n\n| Термин | Что это |\n| --- | --- |\n| переобучение | overfitting |\n",
        "# Глоссарий\n\n" + TABLE_HEADER,
    ],
    ids=["no table", "other header", "header only"],
)
def test_a_glossary_without_term_rows_is_an_error_naming_the_file(tmp_path, text):
    path = tmp_path / "glossary.ru.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PluginError, match=re.escape(str(path))):
        glossary.parse_glossary(path)


# -----------------------------------------------------------------------------
# Wrapping terms in HTML
# -----------------------------------------------------------------------------


def test_the_markup_has_the_english_term_as_an_english_tooltip(mark):
    html = mark("<p>Переобучение опасно.</p>")
    assert html == (
        '<p><span class="gloss" tabindex="0" aria-describedby="gloss-tip-1">'
        '<span class="gloss-ru">Переобучение</span>'
        '<span class="gloss-en" id="gloss-tip-1" role="tooltip" lang="en" data-search-exclude>overfitting</span>'
        "</span> опасно.</p>"
    )


def test_only_the_first_use_of_a_term_is_marked(mark):
    html = mark("<p>Переобучение опасно.</p><p>Снова переобучение, и ещё переобучения.</p>")
    assert _tips(html) == [("Переобучение", "overfitting")]
    assert "<p>Снова переобучение, и ещё переобучения.</p>" in html


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Боремся с переобучением.", ("переобучением", "overfitting")),
        ("Слои нейронной сети.", ("нейронной сети", "neural network")),
        ("Все нейронные сети.", ("нейронные сети", "neural network")),
        ("Собственных векторов два.", ("Собственных векторов", "eigenvector")),
        ("Собственный вектор найден.", ("Собственный вектор", "eigenvector")),  # masculine -ый
        ("Агент и средой.", ("средой", "environment")),
        ("Свойства графов.", ("графов", "graph")),
        ("Инженеры-исследователи.", ("Инженеры-исследователи", "Research Engineer (RE)")),
    ],
)
def test_inflected_forms_are_found(mark, text, expected):
    assert _tips(mark(f"<p>{text}</p>")) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "<p>Среди прочего.</p>",  # a preposition, not a form of «среда»
        "<p>Графики и графит.</p>",  # other words that start like «граф»
        "<p>Непереобучение и мета-переобучение.</p>",  # whole words only; a hyphen joins words
        "<p>Оценка важна.</p>",  # an everyday word left out of the terms
    ],
)
def test_other_words_are_not_taken_for_terms(mark, text):
    assert mark(text) == text


def test_the_longest_term_wins_and_its_later_uses_are_not_split(mark):
    html = mark(
        "<p>Обучение с подкреплением — тоже обучение с подкреплением, "
        "а в конце обучения с подкреплением идёт обучение.</p>"
    )
    assert _tips(html) == [("Обучение с подкреплением", "reinforcement learning (RL)"), ("обучение", "training")]
    assert "тоже обучение с подкреплением, а в конце обучения с подкреплением идёт " in html


@pytest.mark.parametrize(
    "context",
    [
        "<p><code>переобучение</code></p>",
        '<div class="highlight"><pre><span></span><code>переобучение\n</code></pre></div>',
        "<p><kbd>переобучение</kbd></p>",
        '<p><a href="ml/">переобучение</a></p>',
        '<p><a class="external" href="https://example.org/"><em>переобучение</em></a></p>',
        '<h2 id="overfitting">Переобучение<a class="headerlink" href="#overfitting">¶</a></h2>',
        "<h4>переобучение</h4>",
        '<p><span class="katex"><span class="katex-html"><span>x</span>переобучение</span></span></p>',
        '<p><span class="arithmatex">\\(\\text{переобучение}\\)</span></p>',
        '<div class="arithmatex">\\[\\text{переобучение}\\]</div>',
        "<p><math><mtext>переобучение</mtext></math></p>",
        '<figure class="diagram"><svg><g><text>переобучение</text></g></svg></figure>',
        '<details class="tip"><summary>Переобучение</summary><p>Ответ.</p></details>',
        "<p><button>переобучение</button></p>",
        '<p><abbr title="overfitting">переобучение</abbr></p>',
        '<p><span title="уже есть подсказка">переобучение</span></p>',
        "<p><!-- переобучение --></p>",
        '<p><img alt="переобучение > недообучение" src="x.png"></p>',
    ],
)
def test_skipped_contexts_are_left_alone_and_the_next_use_is_marked(mark, context):
    html = mark(context + "<p>Здесь переобучение.</p>")
    assert html.startswith(context), "the skipped context is unchanged"
    assert _tips(html) == [("переобучение", "overfitting")]
    assert html.endswith(
        '<span class="gloss-en" id="gloss-tip-1" role="tooltip" lang="en" data-search-exclude>'
        "overfitting</span></span>.</p>"
    )


def test_an_existing_tooltip_is_not_wrapped_again(mark):
    once = mark("<p>Переобучение и нейронная сеть.</p>")
    assert mark(once) == once


def test_entities_are_never_broken(mark):
    html = mark("<p>AT&amp;T: нейронная&nbsp;сеть &lt;переобучение&gt; и интервью people &amp; culture.</p>")
    assert _tips(html) == [
        ("нейронная&nbsp;сеть", "neural network"),
        ("переобучение", "overfitting"),
        ("интервью people &amp; culture", "people &amp; culture interview"),
    ]
    assert html.startswith("<p>AT&amp;T: ")
    assert "&lt;<span" in html and "</span></span>&gt;" in html
    text = re.sub(r"<[^>]+>", "", html)
    assert not re.search(r"&(?![a-z]+;|#\d+;)", text), "every & still starts a whole entity"


def test_the_hook_marks_russian_pages_built_in_russian_only(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "glossary.ru.md").write_text(GLOSSARY_RU, encoding="utf-8")
    hook = load("hooks/glossary.py")
    hook.on_config(SimpleNamespace(docs_dir=str(docs), plugins={}))

    def content(src: str, locale: str, building: str) -> str:
        file = SimpleNamespace(abs_src_path=str(docs / src), locale=locale, locale_alternate_of=building)
        return hook.on_page_content("<p>переобучение</p>", page=SimpleNamespace(file=file), config=None, files=None)

    assert "gloss-en" in content("index.ru.md", "ru", "ru")
    assert content("index.md", "en", "en") == "<p>переобучение</p>", "English build"
    assert content("index.md", "en", "ru") == "<p>переобучение</p>", "an English fallback page in the Russian build"
    assert content("glossary.ru.md", "ru", "ru") == "<p>переобучение</p>", "the glossary page itself"


def test_a_site_without_a_glossary_gets_no_tooltips(tmp_path):
    hook = load("hooks/glossary.py")
    hook.on_config(SimpleNamespace(docs_dir=str(tmp_path), plugins={}))
    file = SimpleNamespace(abs_src_path=str(tmp_path / "index.ru.md"), locale="ru", locale_alternate_of="ru")
    page = SimpleNamespace(file=file)
    assert hook.on_page_content("<p>переобучение</p>", page=page, config=None, files=None) == "<p>переобучение</p>"


# -----------------------------------------------------------------------------
# A real tiny site
# -----------------------------------------------------------------------------

SITE_TABLE = "| переобучение | overfitting | Модель запоминает шум. |\n| нейронная сеть | neural network | Слои. |\n"
ENGLISH_TABLE = "| Russian | English | Explanation |\n| --- | --- | --- |\n"
ENGLISH_TABLE += "| переобучение | overfitting | Memorising noise. |\n| нейронная сеть | neural network | Layers. |\n"


def _site_pages(russian_glossary: str) -> dict[str, str]:
    return {
        "docs/index.md": FRONT.format(title="Home")
        + "# Home\n\nOverfitting is the enemy; overfitting again.\n\nSee the [glossary](glossary.md).\n",
        "docs/index.ru.md": FRONT.format(title="Главная")
        + "# Главная\n\nПереобучение — враг; снова переобучение.\n\nСм. [глоссарий](glossary.md).\n",
        "docs/glossary.md": FRONT.format(title="Glossary") + "# Glossary\n\n" + ENGLISH_TABLE,
        "docs/glossary.ru.md": FRONT.format(title="Глоссарий") + russian_glossary,
    }


def test_the_built_russian_page_gets_one_tooltip_and_the_english_page_none(tmp_path):
    result = build(make_site(tmp_path, _site_pages("# Глоссарий\n\n" + TABLE_HEADER + SITE_TABLE)))
    assert result.returncode == 0, result.log
    russian = result.page("ru/index.html")
    assert russian.count('class="gloss"') == 1
    assert _tips(russian) == [("Переобучение", "overfitting")]
    assert 'class="gloss"' not in result.page("index.html")
    assert 'class="gloss"' not in result.page("ru/glossary/index.html"), "the glossary page is left as it is"
    assert 'class="gloss"' not in result.page("glossary/index.html")
    index = json.loads((result.site / "ru" / "search" / "search_index.full.json").read_text(encoding="utf-8"))
    home = " ".join(doc["text"] for doc in index["docs"] if not doc["location"].startswith("glossary"))
    assert "переобучение" in home.lower() and "overfitting" not in home, "tooltips stay out of the search index"


def test_a_glossary_without_a_table_fails_the_build_naming_the_file(tmp_path):
    result = build(make_site(tmp_path, _site_pages("# Глоссарий\n\nПереобучение — overfitting.\n")))
    assert result.returncode != 0
    assert "glossary.ru.md" in result.log and "no glossary rows" in result.log, result.log


# -----------------------------------------------------------------------------
# The real site
# -----------------------------------------------------------------------------

QUIZ_PAGE = "ru/stages/quiz/"
SKIPPED = {"a", "code", "pre", "kbd", "h1", "h2", "h3", "h4", "h5", "h6", "svg", "math", "button", "summary", "abbr"}


class _Ancestry(HTMLParser):
    """Records, for every tooltip in the page's article, the tags and classes it sits inside."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, set[str]]] = []
        self.tooltips: list[list[tuple[str, set[str]]]] = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if "gloss" in classes:
            self.tooltips.append(list(self.open))
        if tag not in self.VOID:
            self.open.append((tag, classes))

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break


def test_the_real_site_marks_russian_prose_only(real_site):
    russian_pages = [path for path in (real_site.site / "ru").rglob("index.html") if "assets" not in path.parts]
    counts = {}
    for path in russian_pages:
        html = path.read_text(encoding="utf-8")
        article = html[html.find("<article") : html.find("</article>")]
        parser = _Ancestry()
        parser.feed(article)
        for ancestors in parser.tooltips:
            bad = [tag for tag, classes in ancestors if tag in SKIPPED or classes & {"katex", "arithmatex", "gloss"}]
            assert not bad, f"{path}: a tooltip inside {bad}"
        english = re.findall(r'class="gloss-en"[^>]*>([^<]*)<', article)
        # A print page holds many pages, each marked as on its own page.
        for part in article.split('<section class="print-page"'):
            marked = re.findall(r'class="gloss-en"[^>]*>([^<]*)<', part)
            assert len(marked) == len(set(marked)), f"{path}: a term marked twice"
        counts[path.relative_to(real_site.site).as_posix()] = len(english)
    assert counts["ru/glossary/index.html"] == 0
    assert sum(counts.values()) > 100 and counts[QUIZ_PAGE + "index.html"] > 0
    english_pages = [
        path for path in real_site.site.rglob("index.html") if path.parts[len(real_site.site.parts)] != "ru"
    ]
    assert not [path for path in english_pages if 'class="gloss"' in path.read_text(encoding="utf-8")]


# -----------------------------------------------------------------------------
# In a browser
# -----------------------------------------------------------------------------

_SHOWN = """el => {
  const box = el.getBoundingClientRect(), style = getComputedStyle(el);
  const term = el.parentElement.querySelector('.gloss-ru').getBoundingClientRect();
  return {width: box.width, height: box.height, bottom: box.bottom, termTop: term.top,
          clip: style.clipPath, opacity: Number(style.opacity), visibility: style.visibility};
}"""


def _state(tooltip) -> dict:
    return tooltip.evaluate(_SHOWN)


def _is_shown(state: dict) -> bool:
    return (
        state["clip"] == "none"
        and state["width"] > 20
        and state["height"] > 8
        and state["opacity"] == 1
        and state["visibility"] == "visible"
    )


def test_the_english_term_shows_on_hover_and_on_keyboard_focus_only(page, server):
    page.emulate_media(reduced_motion="reduce")  # no fade-in: the state is final as soon as it applies
    page.goto(server + QUIZ_PAGE)
    term = page.locator(".gloss").filter(visible=True).first
    tooltip = term.locator(".gloss-en")
    english = tooltip.text_content()
    assert english and tooltip.get_attribute("lang") == "en" and tooltip.get_attribute("role") == "tooltip"

    page.mouse.move(0, 0)
    hidden = _state(tooltip)
    assert not _is_shown(hidden) and hidden["width"] <= 1 and hidden["clip"] != "none", hidden
    assert term.evaluate("el => el.textContent").endswith(english), "still in the text screen readers read"

    term.locator(".gloss-ru").hover()
    shown = _state(tooltip)
    assert _is_shown(shown), shown
    assert shown["bottom"] <= shown["termTop"] + 1, f"the tooltip is above the term: {shown}"

    page.mouse.move(0, 0)
    assert not _is_shown(_state(tooltip))

    term.evaluate("el => el.setAttribute('data-target', '')")
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-target')"):
            break
    else:
        pytest.fail("Tab never reached the glossary term")
    assert _is_shown(_state(tooltip)), _state(tooltip)
    description = "document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent"
    assert page.evaluate(description) == english, "announced as the focused term's description"

    page.keyboard.press("Tab")
    assert not _is_shown(_state(tooltip)), "hidden again once focus moves on"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_a_shown_tooltip_passes_axe_colour_contrast_in_both_palettes(page, server, scheme):
    page.emulate_media(reduced_motion="reduce")
    page.goto(server + QUIZ_PAGE)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    term = page.locator(".gloss").filter(visible=True).first
    tip = term.locator(".gloss-en").get_attribute("id")
    term.focus()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run({include: [['.gloss:focus']]}, "
        "{runOnly: ['color-contrast'], resultTypes: ['violations', 'passes']})"
    )
    assert not result["violations"], json.dumps(result["violations"], indent=2, ensure_ascii=False)
    checked = [node["target"] for rule in result["passes"] for node in rule["nodes"]]
    assert any(tip in json.dumps(target) for target in checked), f"the tooltip was not checked: {checked}"
