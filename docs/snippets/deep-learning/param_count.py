"""Parameter counts of a Transformer encoder layer and a GPT-2-style decoder (with biases)."""


def linear(d_in, d_out, bias=True):
    return d_in * d_out + (d_out if bias else 0)


def attention_params(d_model):
    """Q, K and V projections plus the output projection; the head count does not matter."""
    return 4 * linear(d_model, d_model)


def ffn_params(d_model, d_ff):
    return linear(d_model, d_ff) + linear(d_ff, d_model)


def layer_norm_params(d_model):
    return 2 * d_model  # gain and bias


def transformer_layer_params(d_model, d_ff):
    """One encoder layer (or one GPT block): attention + FFN + two LayerNorms."""
    return attention_params(d_model) + ffn_params(d_model, d_ff) + 2 * layer_norm_params(d_model)


def gpt_params(n_layers, d_model, vocab, context, d_ff=None, tied_head=True):
    """Token + learned position embeddings, n_layers blocks, final LayerNorm, LM head."""
    d_ff = d_ff or 4 * d_model
    total = vocab * d_model + context * d_model
    total += n_layers * transformer_layer_params(d_model, d_ff)
    total += layer_norm_params(d_model)
    if not tied_head:
        total += vocab * d_model  # a separate output matrix (no bias, as in GPT-2)
    return total


if __name__ == "__main__":
    print("encoder layer 512/2048:", transformer_layer_params(512, 2048))
    print("  attention", attention_params(512), "FFN", ffn_params(512, 2048))
    print("GPT-2 small:", gpt_params(12, 768, 50257, 1024))
    print("  untied head:", gpt_params(12, 768, 50257, 1024, tied_head=False))
