"""Decoding from next-token logits: temperature, top-k, top-p (nucleus) sampling and beam search."""

import numpy as np


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - np.max(logits)  # -inf entries become exp(-inf) = 0
    e = np.exp(z)
    return e / e.sum()


def apply_temperature(logits: np.ndarray, temperature: float) -> np.ndarray:
    """Divide the logits by T: T < 1 sharpens, T > 1 flattens; probabilities become p**(1/T), renormalised."""
    if temperature <= 0:
        raise ValueError("temperature must be positive; use greedy decoding for T -> 0")
    return logits / temperature


def top_k_filter(logits: np.ndarray, k: int) -> np.ndarray:
    """Keep the k largest logits (ties at the boundary broken by index), set the rest to -inf."""
    if not 1 <= k <= logits.size:
        raise ValueError("need 1 <= k <= vocabulary size")
    keep = np.argsort(-logits, kind="stable")[:k]
    out = np.full_like(logits, -np.inf, dtype=float)
    out[keep] = logits[keep]
    return out


def top_p_filter(logits: np.ndarray, p: float) -> np.ndarray:
    """Keep the smallest set of most probable tokens whose total probability is at least p."""
    if not 0 < p <= 1:
        raise ValueError("need 0 < p <= 1")
    probs = softmax(logits)
    order = np.argsort(-probs, kind="stable")
    mass_before = np.cumsum(probs[order]) - probs[order]  # mass of the tokens ranked above each one
    keep = order[mass_before < p]  # a token is kept while the mass above it is still short of p
    out = np.full_like(logits, -np.inf, dtype=float)
    out[keep] = logits[keep]
    return out


def sample(logits, rng, temperature=1.0, top_k=None, top_p=None) -> int:
    """Temperature first, then the filters, then one draw; temperature 0 means greedy."""
    if temperature == 0:
        return int(np.argmax(logits))
    z = apply_temperature(np.asarray(logits, dtype=float), temperature)
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    return int(rng.choice(z.size, p=softmax(z)))


def beam_search(log_probs_fn, eos: int, beam_width: int, max_len: int):
    """Best sequence by total log-probability, keeping beam_width candidates per step.

    log_probs_fn(prefix tuple) -> log-probabilities of the next token. A candidate that ends in
    eos is retired to the finished list (its slot is not refilled); at max_len the rest finish.
    Returns (log_prob, sequence).
    """
    beams, finished = [(0.0, ())], []
    for _ in range(max_len):
        candidates = [
            (score + float(lp), seq + (token,)) for score, seq in beams for token, lp in enumerate(log_probs_fn(seq))
        ]
        candidates.sort(key=lambda c: (-c[0], c[1]))  # best first; ties by token ids
        beams = []
        for score, seq in candidates[:beam_width]:
            (finished if seq[-1] == eos else beams).append((score, seq))
        if not beams:
            break
    finished.extend(beams)
    return max(finished, key=lambda c: (c[0], [-t for t in c[1]]))


if __name__ == "__main__":
    logits = np.log(np.array([0.5, 0.2, 0.15, 0.1, 0.05]))
    print(np.round(softmax(top_p_filter(logits, 0.8)), 3))  # three tokens kept
    print(np.round(softmax(apply_temperature(logits, 0.5)), 3))
    rng = np.random.default_rng(0)
    print([sample(logits, rng, temperature=0.7, top_p=0.9) for _ in range(10)])
