"""The output check (hooks/content_safety.py) on generated HTML: it never crashes, never passes a
known-bad construct however it is written, and leaves a page harmless."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.modules import load

SAFETY = load("hooks/content_safety.py")

TAGS = ["p", "div", "span", "a", "img", "svg", "style", "details", "table", "td", "code", "pre", "math", "g"]
ATTRIBUTES = ["class", "id", "title", "href", "src", "alt", "lang", "data-x", "aria-label", "width"]
QUOTES, CLOSERS = ['"', "'", ""], ['"', "'", " "]
JUNK = ["<", ">", "<!--", "-->", "&", "&#", "<!", "</", "/>", "\x00"]
HOSTS = ["https://evil.example/x", "//evil.example/x", "HTTPS://EVIL.EXAMPLE/x", "\\\\evil.example\\x"]
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)


@st.composite
def soup(draw, balanced: bool = False) -> str:
    """Random, often malformed HTML: tags, attributes with any quoting, text, stray brackets. Balanced
    soup closes every quote and comment it opens, so that what follows it is still parsed as markup."""
    pieces = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["open", "close", "text", "junk"]))
        if kind == "open":
            # Raw-text and foreign elements change how what follows is parsed (a browser too).
            tag = draw(st.sampled_from([t for t in TAGS if t not in ("style", "svg", "math")] if balanced else TAGS))
            attributes = ""
            for _ in range(draw(st.integers(0, 3))):
                name, value = draw(st.sampled_from(ATTRIBUTES)), draw(TEXT).replace('"', "").replace("'", "")
                opening = draw(st.sampled_from(QUOTES))
                closing = (opening or " ") if balanced else draw(st.sampled_from(CLOSERS))
                attributes += f" {name}={opening}{value}{closing}"
            pieces.append(f"<{tag}{attributes}>")
        elif kind == "close":
            pieces.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif kind == "text":
            pieces.append(draw(TEXT))
        else:
            pieces.append(draw(st.sampled_from(JUNK[:2] if balanced else JUNK)))
    return "".join(pieces)


def _case(text: str) -> st.SearchStrategy[str]:
    """The same letters in any mix of upper and lower case."""
    return st.tuples(*(st.sampled_from(sorted({c.lower(), c.upper()})) for c in text)).map("".join)


@st.composite
def javascript_url(draw, quoted: bool) -> str:
    """`javascript:` as a browser would still read it: any case, entities, tabs and newlines inside
    (raw whitespace only in a quoted value: it ends an unquoted one)."""
    letters = []
    for letter in draw(_case("javascript")):
        way = draw(st.sampled_from(["plain", "decimal", "hex", "tab"]))
        if way == "decimal":
            letters.append(f"&#{ord(letter)};")
        elif way == "hex":
            letters.append(f"&#x{ord(letter):x};")
        elif way == "tab":
            letters.append(
                letter + draw(st.sampled_from(["&#9;", "&#10;", "\t", "\n"] if quoted else ["&#9;", "&#10;"]))
            )
        else:
            letters.append(letter)
    prefix = draw(st.sampled_from(["", " ", "\x01", "&#32;"] if quoted else ["", "\x01", "&#32;"]))
    return prefix + "".join(letters) + ":alert(1)"


@st.composite
def known_bad(draw) -> str:
    """One construct that must always be reported, in a random spelling."""
    handler = draw(_case("onerror")) if draw(st.booleans()) else draw(_case("onmouseover"))
    separator = draw(st.sampled_from([" ", "/", "\n", "\t"]))
    quote = draw(st.sampled_from(['"', "'", ""]))
    host = draw(st.sampled_from(HOSTS))
    css_host = draw(st.sampled_from(HOSTS[:3]))  # in CSS a backslash is an escape, not a path separator
    return draw(
        st.sampled_from(
            [
                f'<img{separator}src="x"{separator}{handler}={quote}alert(1){quote}>',
                f"<{draw(_case('script'))}>alert(1)</script>",
                f"<a href={quote}{draw(javascript_url(quoted=bool(quote)))}{quote}>x</a>",
                f"<img src={quote}{host}.png{quote}>",
                f"<{draw(_case('iframe'))} src=x></iframe>",
                f"<{draw(_case('base'))} href={quote}{host}{quote}>",
                f"<div style={quote}background:{draw(_case('url'))}({css_host}.png){quote}>x</div>",
                f"<svg><style>@{draw(_case('import'))} '{css_host}.css';</style></svg>",
                f"<meta {draw(_case('http-equiv'))}=refresh content=0>",
                f"<object data={quote}{host}{quote}></object>",
                f"<link rel=stylesheet href={quote}{host}.css{quote}>",
            ]
        )
    )


FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(soup())
def test_random_soup_never_crashes_the_check(html):
    found = SAFETY.problems(html)
    SAFETY.harmless(html, found)


@FAST
@given(soup(balanced=True), known_bad(), soup(balanced=True))
def test_a_known_bad_construct_is_always_reported_and_removed(before, bad, after):
    html = f"<!doctype html><html><body>{before}{bad}{after}</body></html>"
    assert SAFETY.problems(html), f"not reported: {bad!r} in {html!r}"
    cleaned = SAFETY.harmless(html, SAFETY.problems(html))
    assert not SAFETY.problems(cleaned), f"still unsafe after cleaning: {cleaned!r}"
