"""Receptive field of a stack of conv / pooling layers along one spatial axis.

Each layer is (kernel, stride) or (kernel, stride, dilation). The recursion is
    r_l = r_{l-1} + (k_eff_l - 1) * j_{l-1},   j_l = j_{l-1} * s_l,   r_0 = 1, j_0 = 1,
where j_{l-1} (the "jump") is the product of all strides before layer l and
k_eff = dilation * (kernel - 1) + 1. Padding changes where the field sits, not its size.
"""


def receptive_fields(layers):
    """Return [(r_l, j_l)] after every layer: receptive field and cumulative stride."""
    r, jump, out = 1, 1, []
    for layer in layers:
        kernel, stride = layer[0], layer[1]
        dilation = layer[2] if len(layer) > 2 else 1
        k_eff = dilation * (kernel - 1) + 1
        r += (k_eff - 1) * jump
        jump *= stride
        out.append((r, jump))
    return out


def receptive_field(layers):
    """Receptive field of the last layer (1 for an empty stack: a pixel sees itself)."""
    fields = receptive_fields(layers)
    return fields[-1][0] if fields else 1


# conv3x3 s1 -> conv3x3 s1 -> maxpool2x2 s2 -> conv3x3 s1 -> conv3x3 s2 -> conv3x3 s1
EXAMPLE_STACK = [(3, 1), (3, 1), (2, 2), (3, 1), (3, 2), (3, 1)]

# ResNet stem: conv7x7 s2 -> maxpool3x3 s2, then the four 3x3 convs of the first stage
RESNET_STEM = [(7, 2), (3, 2)]
RESNET18_STAGE1 = RESNET_STEM + [(3, 1)] * 4

# VGG-16 up to pool5: blocks of 2, 2, 3, 3, 3 conv3x3 s1, each followed by maxpool2x2 s2
VGG16 = []
for n_convs in (2, 2, 3, 3, 3):
    VGG16 += [(3, 1)] * n_convs + [(2, 2)]


if __name__ == "__main__":
    print("example stack", receptive_fields(EXAMPLE_STACK))
    print("ResNet stem", receptive_fields(RESNET_STEM), "stage 1", receptive_field(RESNET18_STAGE1))
    print("VGG-16 conv5_3", receptive_field(VGG16[:-1]), "pool5", receptive_field(VGG16))
    print("three dilated 3x3 (d=1,2,4)", receptive_field([(3, 1, 1), (3, 1, 2), (3, 1, 4)]))
