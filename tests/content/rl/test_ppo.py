"""questions/rl/ppo.md: the clipped objective and its gradient for ratios 0.7 and 1.3 with advantages +1
and -1, from the snippet, with the gradient checked by finite differences."""

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/ppo.md"
EPS = 0.2
ROWS = [(1.3, 1.0), (1.3, -1.0), (0.7, 1.0), (0.7, -1.0)]


def ppo():
    return load_snippet("rl/ppo_clip.py")


def numeric_gradient(ratio: float, advantage: float, h: float = 1e-6) -> float:
    f = ppo().clipped_objective
    return (f(ratio + h, advantage, EPS) - f(ratio - h, advantage, EPS)) / (2 * h)


def signed(x: float) -> str:
    """As the table writes signs: +1, −1 (a real minus), 0, 1.3."""
    if x == 0:
        return "0"
    return f"{x:g}".replace("-", "−")


def explicit(x: float) -> str:
    """+1 / −1: an advantage written with its sign."""
    return f"{x:+g}".replace("-", "−")


def expected_values() -> dict[str, str]:
    snippet = ppo()
    values = {
        "q-eps": f"{EPS}",
        "q-ratio": f"{ROWS[0][0]}",
        "q-adv-pos": explicit(ROWS[0][1]),
        "q-adv-neg": explicit(ROWS[1][1]),
        "weak-lo": f"{1 - EPS:g}",
        "weak-hi": f"{1 + EPS:g}",
        "weak-pct": f"{100 * EPS:.0f} %",
        "eps": f"{EPS}",
        "lo": f"{1 - EPS:g}",
        "hi": f"{1 + EPS:g}",
    }
    for i, (ratio, adv) in enumerate(ROWS):
        grad = snippet.ratio_gradient(ratio, adv, EPS)
        values |= {
            f"row{i}-ratio": f"{ratio:g}",
            f"row{i}-adv": explicit(adv),
            f"row{i}-unclipped": signed(ratio * adv),
            f"row{i}-clipped": signed(snippet.clip(ratio, 1 - EPS, 1 + EPS) * adv),
            f"row{i}-objective": signed(snippet.clipped_objective(ratio, adv, EPS)),
            f"row{i}-grad": explicit(grad) if grad else "0",
        }
    ratio, adv = ROWS[0]
    values |= {
        "b1-ratio": f"{ratio:g}",
        "b1-adv": explicit(adv),
        "b1-pct": f"{100 * (ratio - 1):.0f} %",
        "b1-cap": f"{snippet.clipped_objective(ratio, adv, EPS):g}",
    }
    ratio, adv = ROWS[1]
    values |= {
        "b2-ratio": f"{ratio:g}",
        "b2-adv": f"{adv:g}",
        "b2-obj": f"{snippet.clipped_objective(ratio, adv, EPS):g}",
    }
    return values


def test_the_gradient_matches_finite_differences_away_from_the_kinks():
    snippet = ppo()
    for ratio in (0.5, 0.7, 0.9, 1.1, 1.3, 1.6):
        for adv in (1.0, -1.0, 2.5):
            assert abs(snippet.ratio_gradient(ratio, adv, EPS) - numeric_gradient(ratio, adv)) < 1e-6


def test_the_objective_is_the_pessimistic_minimum():
    snippet = ppo()
    for ratio in (0.5, 0.8, 1.0, 1.2, 1.5):
        for adv in (1.0, -1.0):
            value = snippet.clipped_objective(ratio, adv, EPS)
            assert value <= ratio * adv + 1e-12  # never above the unclipped surrogate
            assert value == min(ratio * adv, snippet.clip(ratio, 1 - EPS, 1 + EPS) * adv)


def test_edge_cases():
    snippet = ppo()
    assert snippet.clipped_objective(1.0, 0.0) == 0.0
    assert snippet.ratio_gradient(1.1, 1.0) == 1.0 and snippet.ratio_gradient(1.1, -1.0) == -1.0  # inside the range
    assert abs(snippet.clipped_objective(5.0, 1.0, eps=0.1) - 1.1) < 1e-12


def test_stated_values():
    assert_values(PAGE, expected_values())
