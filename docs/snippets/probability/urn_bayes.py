"""Two urns, one red ball drawn: exact Bayes posterior and a Monte Carlo check."""

from fractions import Fraction

import numpy as np

# Urn contents as (red, green). The urn is picked uniformly at random (a fair coin for two urns).
URNS = {"A": (3, 2), "B": (2, 4)}


def posterior_given_reds(urns=URNS, reds_drawn=1):
    """Exact P(urn | the first `reds_drawn` balls, drawn without replacement, are all red)."""
    joint = {}
    for name, (red, green) in urns.items():
        likelihood = Fraction(1)
        for k in range(reds_drawn):
            likelihood *= Fraction(max(red - k, 0), red + green - k)
        joint[name] = Fraction(1, len(urns)) * likelihood
    evidence = sum(joint.values())
    return {name: p / evidence for name, p in joint.items()}


def simulate_posterior_a(urns=URNS, n_trials=1_000_000, seed=0, target="A"):
    """Monte Carlo estimate of P(urn `target` | one red ball drawn): keep the red draws only."""
    rng = np.random.default_rng(seed)
    names = list(urns)
    picked = rng.integers(len(names), size=n_trials)  # uniform prior over the urns
    p_red = np.array([red / (red + green) for red, green in urns.values()])
    drew_red = rng.random(n_trials) < p_red[picked]
    return (picked[drew_red] == names.index(target)).mean()


if __name__ == "__main__":
    exact = posterior_given_reds()["A"]
    print(f"exact P(A | red) = {exact} = {float(exact):.4f}")
    print(f"simulated        = {simulate_posterior_a():.4f}")
    print(f"P(A | red, red)  = {posterior_given_reds(reds_drawn=2)['A']}")
