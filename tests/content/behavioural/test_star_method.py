"""questions/behavioural/star-method.md: the STAR time shares add up to the whole answer, and the
seconds per part follow from them for the stated answer length."""

from tests.content.helpers import assert_values

PAGE = "questions/behavioural/star-method.md"
SHARES = {"situation": 15, "task": 10, "action": 55, "result": 20}  # per cent, our advice
STORY_MINUTES = 2


def seconds(part: str) -> float:
    return STORY_MINUTES * 60 * SHARES[part] / sum(SHARES.values())


def expected_values() -> dict[str, str]:
    values = {f"share-{part}": f"{share}" for part, share in SHARES.items()}
    values |= {f"seconds-{part}": f"{seconds(part):.0f}" for part in SHARES}
    values |= {"story-minutes": f"{STORY_MINUTES}", "story-minutes-again": f"{STORY_MINUTES}"}
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_the_shares_cover_the_whole_answer_and_action_gets_the_most():
    assert sum(SHARES.values()) == 100
    assert max(SHARES, key=SHARES.get) == "action"
    assert sum(seconds(part) for part in SHARES) == STORY_MINUTES * 60
