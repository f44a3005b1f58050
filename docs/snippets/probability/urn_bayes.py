"""Two urns, one red ball drawn: exact Bayes posterior and a Monte Carlo check."""

from fractions import Fraction

import numpy as np

# Urn contents as (red, green). The urn is picked by a fair coin.
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


def simulate_posterior_a(n_trials=1_000_000, seed=0):
    """Monte Carlo estimate of P(urn A | one red ball drawn) by rejection: keep red draws only."""
    rng = np.random.default_rng(seed)
    picked_a = rng.random(n_trials) < 0.5
    red, green = URNS["A"]
    p_red_a = red / (red + green)
    red, green = URNS["B"]
    p_red_b = red / (red + green)
    drew_red = rng.random(n_trials) < np.where(picked_a, p_red_a, p_red_b)
    return picked_a[drew_red].mean()


if __name__ == "__main__":
    exact = posterior_given_reds()["A"]
    print(f"exact P(A | red) = {exact} = {float(exact):.4f}")
    print(f"simulated        = {simulate_posterior_a():.4f}")
    print(f"P(A | red, red)  = {posterior_given_reds(reds_drawn=2)['A']}")
