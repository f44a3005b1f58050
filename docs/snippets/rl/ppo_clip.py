"""PPO's clipped surrogate objective for single samples, and its gradient w.r.t. the ratio."""


def clip(x, lo, hi):
    return max(lo, min(hi, x))


def clipped_objective(ratio, advantage, eps=0.2):
    """min(r A, clip(r, 1 - eps, 1 + eps) A): the quantity PPO maximises (per sample)."""
    return min(ratio * advantage, clip(ratio, 1.0 - eps, 1.0 + eps) * advantage)


def ratio_gradient(ratio, advantage, eps=0.2):
    """d objective / d ratio: A when the unclipped term is active, 0 when the clip is active."""
    unclipped = ratio * advantage
    clipped = clip(ratio, 1.0 - eps, 1.0 + eps) * advantage
    return advantage if unclipped <= clipped else 0.0


if __name__ == "__main__":
    for ratio in (1.3, 0.7, 1.1):
        for adv in (1.0, -1.0):
            print(
                f"r={ratio}, A={adv:+}: objective {clipped_objective(ratio, adv):+.2f}, "
                f"d/dr {ratio_gradient(ratio, adv):+.0f}"
            )
