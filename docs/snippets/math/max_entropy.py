"""Maximum-entropy distribution on a die's faces with a prescribed mean (a Lagrange problem).

Stationarity of  H(p) + lam0 * (sum p - 1) + lam * (sum x p - m)  gives p_i proportional to
exp(lam * x_i); the single remaining unknown lam is found by bisection on the mean constraint.
"""

import numpy as np


def gibbs(lam, faces):
    w = np.exp(lam * (faces - faces.mean()))  # centring only improves numerical range
    return w / w.sum()


def max_entropy_with_mean(target_mean, faces=(1, 2, 3, 4, 5, 6), lo=-50.0, hi=50.0, iters=200):
    """Return (lam, p). The mean of gibbs(lam) increases with lam, so bisection is safe."""
    faces = np.asarray(faces, dtype=float)
    if not faces.min() < target_mean < faces.max():
        raise ValueError("target mean must lie strictly between the smallest and largest face")
    for _ in range(iters):
        mid = 0.5 * (lo + hi)
        if gibbs(mid, faces) @ faces < target_mean:
            lo = mid
        else:
            hi = mid
    lam = 0.5 * (lo + hi)
    return lam, gibbs(lam, faces)


def entropy(p):
    p = p[p > 0]
    return float(-(p * np.log(p)).sum())


if __name__ == "__main__":
    for m in (3.5, 4.5):
        lam, p = max_entropy_with_mean(m)
        lam = 0.0 if abs(lam) < 1e-9 else lam  # print 0.0000, not -0.0000
        print(f"mean {m}: lambda {lam:.4f}, p = {np.round(p, 4)}, H = {entropy(p):.4f} nats")
