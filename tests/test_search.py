"""Search finds what candidates type, in the page's language only.

The queries are the kinds readers type: questions in words, spelling variants (British and American,
accents, Russian and English terms), hyphenated phrases, "A vs B" comparisons, names and acronyms.
Each lists the pages that answer it; the browser test types each query into Material's search box
on the built site and counts a hit when one of those pages is among the first three results.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from tests.sitebuilder import build, make_site
from tests.test_bad_input import GOOD_PAGES

TOP = 3
REQUIRED_SHARE = 0.95

# (query, pages that answer it): paths without the language prefix.
ENGLISH = (
    ("how many interview rounds", ["faq/"]),
    ("how long does the hiring process take", ["faq/"]),
    ("can I use AI tools in the interview", ["faq/"]),
    ("do I need a PhD", ["faq/"]),
    ("is the interview remote or onsite", ["faq/"]),
    ("what happens if I fail a round", ["faq/"]),
    ("can I reapply", ["faq/"]),
    ("quantisation", ["questions/deep-learning/mixed-precision-vs-quantization/"]),
    ("résumé", ["cv/"]),
    ("resume", ["cv/"]),
    ("Gordic", ["other-labs/", "process/", "stories/"]),
    ("layernorm", ["questions/deep-learning/normalisation/"]),
    ("self-attention", ["questions/deep-learning/attention/", "questions/coding/kata-multi-head-attention/"]),
    ("research engineer vs research scientist", ["roles/"]),
    ("kv cache memory", ["questions/llm/kv-cache/"]),
    ("chinchilla scaling laws", ["questions/llm/scaling-laws/"]),
    ("lora parameter count", ["questions/llm/lora-fine-tuning/"]),
    ("rope positional encoding", ["questions/llm/positional-encodings/"]),
    ("byte pair encoding", ["questions/llm/tokenisation/", "questions/coding/kata-bpe/"]),
    ("mixture of experts load balancing", ["questions/llm/mixture-of-experts/"]),
    ("fsdp memory per device", ["questions/distributed/zero-fsdp/"]),
    ("ring all-reduce", ["questions/distributed/all-reduce/"]),
    ("gradient checkpointing", ["questions/distributed/rematerialisation/"]),
    ("shard_map", ["questions/distributed/jax-sharding/"]),
    ("dpo vs rlhf", ["questions/rl/rlhf-dpo/"]),
    ("forward vs reverse kl", ["questions/probability/entropy-kl-divergence/"]),
    ("coupon collector", ["questions/probability/coupon-collector/"]),
    ("expected tosses to get HH", ["questions/probability/expected-tosses-hh/"]),
    ("bias variance tradeoff", ["questions/ml/bias-variance/"]),
    ("random forest vs gradient boosting", ["questions/ml/bagging-vs-boosting/"]),
    ("svm hinge loss", ["questions/ml/svm-margin-hinge/"]),
    ("dijkstra", ["questions/cs/graphs-trees/"]),
    ("lru cache", ["questions/coding/lru-cache/"]),
    ("design an llm serving system", ["questions/design/llm-serving/"]),
    ("why deepmind", ["questions/behavioural/why-deepmind/"]),
    ("STAR method", ["questions/behavioural/star-method/"]),
    ("adamw decoupled weight decay", ["questions/deep-learning/adam-optimiser/"]),
    ("logsumexp", ["questions/math/log-sum-exp/"]),
    ("metropolis hastings", ["questions/probability/metropolis-hastings/"]),
    ("classifier-free guidance", ["questions/deep-learning/diffusion-models/"]),
    ("pass@k", ["questions/llm/evaluating-generative-models/"]),
    ("behavioral questions", ["questions/behavioural/", "stages/people-culture/"]),
)
RUSSIAN = (
    ("сколько этапов собеседования", ["faq/"]),
    ("сколько длится процесс найма", ["faq/"]),
    ("можно ли пользоваться ИИ на интервью", ["faq/"]),
    ("нужен ли PhD", ["faq/"]),
    ("интервью удалённо или очно", ["faq/"]),
    ("можно ли подаваться повторно", ["faq/"]),
    ("дадут ли обратную связь", ["faq/"]),
    ("механизм внимания", ["questions/deep-learning/attention/", "questions/coding/kata-multi-head-attention/"]),
    ("LayerNorm", ["questions/deep-learning/normalisation/"]),
    ("резюме", ["cv/"]),
    ("квантование", ["questions/deep-learning/mixed-precision-vs-quantization/"]),
    ("research engineer или research scientist", ["roles/"]),
    ("Гордич", ["other-labs/", "process/", "stories/"]),
    ("KV-кэш", ["questions/llm/kv-cache/"]),
    ("законы масштабирования", ["questions/llm/scaling-laws/"]),
    ("смесь экспертов", ["questions/llm/mixture-of-experts/"]),
    ("дообучение LoRA", ["questions/llm/lora-fine-tuning/"]),
    ("токенизация BPE", ["questions/llm/tokenisation/", "questions/coding/kata-bpe/"]),
    ("позиционное кодирование", ["questions/llm/positional-encodings/"]),
    ("KL-дивергенция", ["questions/probability/entropy-kl-divergence/"]),
    ("собиратель купонов", ["questions/probability/coupon-collector/"]),
    ("смещение и разброс", ["questions/ml/bias-variance/"]),
    ("случайный лес и бустинг", ["questions/ml/bagging-vs-boosting/"]),
    ("метод опорных векторов", ["questions/ml/svm-margin-hinge/"]),
    ("метод главных компонент", ["questions/ml/pca/"]),
    ("алгоритм Дейкстры", ["questions/cs/graphs-trees/"]),
    ("обратное распространение ошибки", ["questions/deep-learning/backpropagation/"]),
    ("задача про урны", ["questions/probability/bayes-urn/"]),
    ("центральная предельная теорема", ["questions/probability/central-limit-theorem/"]),
    ("почему DeepMind", ["questions/behavioural/why-deepmind/"]),
    ("метод STAR", ["questions/behavioural/star-method/"]),
    ("диффузионные модели", ["questions/deep-learning/diffusion-models/"]),
    ("тензорный параллелизм", ["questions/distributed/parallelism/"]),
    ("отказоустойчивое обучение", ["questions/design/fault-tolerant-training/"]),
    ("числа с плавающей точкой", ["questions/math/floating-point/"]),
    ("self-attention", ["questions/deep-learning/attention/", "questions/coding/kata-multi-head-attention/"]),
)


def _results(page, query: str) -> list[str]:
    """The pages of the results, best first, for a query typed into Material's search box."""
    box = page.locator("input.md-search__input")
    box.click()
    placeholder = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    )
    meta = "document.querySelector('.md-search-result__meta').textContent.trim()"
    for text, answered in (("", f"{meta} === p"), (query, f"{meta} !== p")):
        box.fill(text)
        box.press("End")  # Material searches on key events; fill() of Cyrillic text fires none
        page.wait_for_function(f"p => {answered}", arg=placeholder, timeout=15_000)
    links = page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(item => item.querySelector('a').href)"
    )
    return [urlsplit(link).path for link in links]


@pytest.mark.parametrize("language, queries", [("", ENGLISH), ("ru/", RUSSIAN)], ids=["en", "ru"])
def test_candidates_queries_find_the_answer_in_the_top_three(page, server, language, queries):
    assert len(queries) >= 30
    page.goto(server + language + "questions/")
    misses, mixed = [], []
    for query, answers in queries:
        paths = _results(page, query)
        wanted = tuple(f"/{language}{answer}" for answer in answers)
        if not any(path.startswith(wanted) for path in paths[:TOP]):
            misses.append(f"{query!r}: top {TOP} {paths[:TOP]}, want one of {list(wanted)}")
        other_language = [path for path in paths if path.startswith("/ru/") != (language == "ru/")]
        if other_language:
            mixed.append(f"{query!r}: {other_language}")
        page.keyboard.press("Escape")
    hits = len(queries) - len(misses)
    assert not mixed, "results in the other language:\n" + "\n".join(mixed)
    assert hits / len(queries) >= REQUIRED_SHARE, f"{hits}/{len(queries)} in the top {TOP}; misses:\n" + "\n".join(
        misses
    )


@pytest.mark.parametrize(
    "language, query, title",
    [
        ("", "how many interview rounds", "How many interviews are there?"),
        ("ru/", "сколько этапов собеседования", "Сколько всего интервью?"),
    ],
    ids=["en", "ru"],
)
def test_a_faq_question_is_its_own_result_with_its_own_title(page, server, language, query, title):
    page.goto(server + language + "questions/")
    paths = _results(page, query)
    assert paths[0] == f"/{language}faq/", paths
    # Material shows the page, then its best sections, each as its own link and heading.
    section = page.locator(".md-search-result__item").first.locator("a.md-search-result__link[href*='#']").first
    assert urlsplit(section.get_attribute("href")).fragment == "how-many-rounds"
    assert section.is_visible()
    assert section.locator("h2").inner_text().strip() == title


def test_result_snippets_show_text_not_tags(page, server):
    page.goto(server + "questions/")
    _results(page, "kv cache memory")
    first = page.locator(".md-search-result__item").first
    assert not first.locator(".md-tag").count(), "tag chips in a search result"
    assert "memory" in first.locator(".md-search-result__article p").first.inner_text().lower()


def test_the_index_ships_the_synonyms_of_its_language(real_site):
    for language, probe in (("", ["quantisation", "quantization"]), ("ru/", ["квантование", "квантизация"])):
        index = json.loads((real_site.site / language / "search" / "search_index.full.json").read_text("utf-8"))
        assert any(set(probe) <= set(group) for group in index["config"]["synonyms"]), language
        assert not any("tags" in doc for doc in index["docs"]), "tag text is indexed"


@pytest.mark.parametrize(
    "synonyms, problem",
    [
        ("en:\n  - quantisation\n", "each a list of 2+ variants"),
        ("en:\n  - [quantisation]\n", "each a list of 2+ variants"),
        ("en: [quantisation, quantization]\n", "each a list of 2+ variants"),
    ],
    ids=["not-a-group", "one-variant", "flat-list"],
)
def test_a_malformed_synonyms_file_stops_the_build(tmp_path, synonyms, problem):
    folder = make_site(tmp_path, GOOD_PAGES)
    (folder / "synonyms.yml").write_text(synonyms, encoding="utf-8")
    result = build(folder)
    assert result.returncode != 0
    assert f"synonyms.yml: each language must map to a list of groups, {problem}" in result.log


def test_a_tiny_site_ships_its_own_synonyms(tmp_path):
    folder = make_site(tmp_path, GOOD_PAGES)
    (folder / "synonyms.yml").write_text("ru:\n  - [Ёлка, ель]\n", encoding="utf-8")
    result = build(folder)
    assert result.returncode == 0, result.log
    russian = json.loads((result.site / "ru" / "search" / "search_index.full.json").read_text("utf-8"))
    english = json.loads((result.site / "search" / "search_index.full.json").read_text("utf-8"))
    assert russian["config"]["synonyms"] == [["елка", "ель"]]  # folded, as the worker folds queries
    assert english["config"]["synonyms"] == []
