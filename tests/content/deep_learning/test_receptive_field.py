"""questions/deep-learning/receptive-field.md: the layer table, ResNet and VGG fields, dilations, the common slip."""

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/deep-learning/receptive-field.md"


def rf():
    return load_snippet("deep-learning/receptive_field.py")


def field_by_backprojection(layers) -> int:
    """Independent of the recursion: map one output unit's input interval back through every layer.

    A unit at index i of a layer with kernel k, stride s and dilation d reads the previous layer's
    indices s*i, s*i + d, ..., s*i + d(k-1). An interval [lo, hi] of units therefore reads
    [s*lo, s*hi + d(k-1)]. Start from the single unit [0, 0] and walk back to the input.
    """
    lo, hi = 0, 0
    for layer in reversed(layers):
        kernel, stride = layer[0], layer[1]
        dilation = layer[2] if len(layer) > 2 else 1
        lo, hi = stride * lo, stride * hi + dilation * (kernel - 1)
    return hi - lo + 1


def expected_values() -> dict[str, str]:
    snippet = rf()
    stack = snippet.EXAMPLE_STACK
    fields = snippet.receptive_fields(stack)
    jumps_before = [1] + [jump for _, jump in fields[:-1]]
    values = {}
    for i, ((kernel, stride), jump, (field, _)) in enumerate(zip(stack, jumps_before, fields, strict=True), 1):
        values |= {f"k-{i}": f"{kernel}", f"s-{i}": f"{stride}", f"jump-{i}": f"{jump}", f"r-{i}": f"{field}"}
    final_field, final_jump = fields[-1]
    pool_kernel, pool_stride = stack[2]
    slipped = stack[:2] + [(pool_kernel + 1, pool_stride)] + stack[3:4]  # the pool counted as a 3-wide window
    (stem_field, stem_jump), (pool_field, pool_jump) = snippet.receptive_fields(snippet.RESNET_STEM)
    stem_pool_kernel = snippet.RESNET_STEM[1][0]
    stage_kernel = snippet.RESNET18_STAGE1[-1][0]
    dilated = [(3, 1, 1), (3, 1, 2), (3, 1, 4)]
    two_small, one_large = [(3, 1), (3, 1)], [(5, 1)]
    assert snippet.receptive_field(two_small) == snippet.receptive_field(one_large)
    return values | {
        "slip-adds": f"{(pool_kernel + 1 - 1) * jumps_before[2]}",
        "pool-adds": f"{(pool_kernel - 1) * jumps_before[2]}",
        "four-layers": f"{snippet.receptive_field(stack[:4])}",
        "slip-field": f"{snippet.receptive_field(slipped)}",
        "field": f"{final_field}×{final_field}",
        "final-jump": f"{final_jump}",
        "stem-field": f"{stem_field}",
        "stem-pool-adds": f"{(stem_pool_kernel - 1) * stem_jump}",
        "pool-field": f"{pool_field}",
        "pool-jump": f"{pool_jump}",
        "stage-adds": f"{(stage_kernel - 1) * pool_jump}",
        "resnet-field": f"{snippet.receptive_field(snippet.RESNET18_STAGE1)}",
        "vgg-conv": f"{snippet.receptive_field(snippet.VGG16[:-1])}",
        "vgg-pool": f"{snippet.receptive_field(snippet.VGG16)}",
        "dilations": ", ".join(str(layer[2]) for layer in dilated),
        "dilated-field": f"{snippet.receptive_field(dilated)}",
        "two-3x3-field": f"{snippet.receptive_field(two_small)}",
        "two-3x3-weights": f"{sum(kernel**2 for kernel, _ in two_small)}",
        "one-5x5-weights": f"{sum(kernel**2 for kernel, _ in one_large)}",
    }


def test_the_recursion_agrees_with_backprojection_on_every_stack():
    snippet = rf()
    stacks = [
        snippet.EXAMPLE_STACK,
        snippet.RESNET_STEM,
        snippet.RESNET18_STAGE1,
        snippet.VGG16,
        snippet.VGG16[:-1],
        [(3, 1, 1), (3, 1, 2), (3, 1, 4)],
        [(5, 3), (1, 1), (2, 2, 3)],
    ]
    for stack in stacks:
        for depth in range(1, len(stack) + 1):
            assert snippet.receptive_field(stack[:depth]) == field_by_backprojection(stack[:depth]), stack[:depth]


def test_edge_cases():
    snippet = rf()
    assert snippet.receptive_field([]) == 1  # a pixel sees itself
    assert snippet.receptive_field([(1, 1)]) == 1
    assert snippet.receptive_field([(5, 3)]) == 5  # a layer's own stride does not enlarge its own field
    assert snippet.receptive_field([(3, 1), (3, 1)]) == snippet.receptive_field([(5, 1)])


def test_stated_values():
    assert_values(PAGE, expected_values())
