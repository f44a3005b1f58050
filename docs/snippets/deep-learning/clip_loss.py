"""CLIP's symmetric InfoNCE loss, its gradient, zero-shot classification and the InfoNCE MI bound."""

import numpy as np


def normalise(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def log_softmax(z, axis):
    z = z - z.max(axis=axis, keepdims=True)  # stable: exp never overflows
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))


def clip_logits(image_emb, text_emb, temperature=0.07):
    """Cosine similarities divided by the temperature: row i is image i, column j is text j."""
    return normalise(image_emb) @ normalise(text_emb).T / temperature


def clip_loss(logits):
    """Mean of the image->text (rows) and text->image (columns) cross-entropies; pair i is the positive."""
    image_to_text = -np.diag(log_softmax(logits, axis=1)).mean()
    text_to_image = -np.diag(log_softmax(logits, axis=0)).mean()
    return 0.5 * (image_to_text + text_to_image)


def clip_loss_grad(logits):
    """d loss / d logits = (softmax over rows + softmax over columns - 2 I) / (2N)."""
    n = logits.shape[0]
    rows = np.exp(log_softmax(logits, axis=1))
    cols = np.exp(log_softmax(logits, axis=0))
    return (rows + cols - 2.0 * np.eye(n)) / (2.0 * n)


def zero_shot(image_emb, class_text_emb):
    """Predict the class whose prompt embedding has the largest cosine with the image."""
    return np.argmax(normalise(image_emb) @ normalise(class_text_emb).T, axis=1)


def infonce_mi_estimate(critic_matrix):
    """log N - L for one direction: a lower bound on I(X; Y) in expectation (any critic)."""
    n = critic_matrix.shape[0]
    return np.log(n) + np.diag(log_softmax(critic_matrix, axis=1)).mean()


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    images = rng.normal(size=(8, 16))
    texts = images + 0.3 * rng.normal(size=(8, 16))  # matched pairs are close
    for tau in (1.0, 0.07):
        print(f"temperature {tau}: loss {clip_loss(clip_logits(images, texts, tau)):.3f} (chance {np.log(8):.3f})")
