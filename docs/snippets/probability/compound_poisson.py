"""Total spend S = X_1 + ... + X_N with N ~ Poisson(lam) customers and i.i.d. spends X_i (mean mu, sd sigma).

Adam's law: E[S] = E[E[S | N]] = E[N mu] = lam mu.
Eve's law:  Var S = E[Var(S | N)] + Var(E[S | N]) = E[N] sigma^2 + Var(N) mu^2 = lam (sigma^2 + mu^2).
"""

import numpy as np


def moments(lam, mu, sigma):
    """(E[S], within-count part E[Var(S|N)], between-count part Var(E[S|N]), total variance)."""
    within = lam * sigma**2
    between = lam * mu**2
    return lam * mu, within, between, within + between


def simulate(lam, mu, sigma, hours=200_000, seed=0):
    """Simulate `hours` independent totals, drawing every customer's spend from a gamma distribution."""
    rng = np.random.default_rng(seed)
    counts = rng.poisson(lam, size=hours)
    shape, scale = (mu / sigma) ** 2, sigma**2 / mu  # gamma with the given mean and sd
    spends = rng.gamma(shape, scale, size=counts.sum())
    hour_of_customer = np.repeat(np.arange(hours), counts)
    return np.bincount(hour_of_customer, weights=spends, minlength=hours)


if __name__ == "__main__":
    mean, within, between, var = moments(20, 30.0, 10.0)
    totals = simulate(20, 30.0, 10.0)
    print(f"E[S] = {mean:.0f}, Var S = {within:.0f} + {between:.0f} = {var:.0f}, sd = {var**0.5:.1f}")
    print(f"simulated: mean {totals.mean():.1f}, variance {totals.var():.0f}")
