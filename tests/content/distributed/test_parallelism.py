"""questions/distributed/parallelism.md: pipeline bubbles by simulation, tensor-parallel exactness and
the communication volumes of data, tensor and pipeline parallelism."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/distributed/parallelism.md"
par = load_snippet("distributed/parallelism.py")

STAGES, MICRO_FEW, MICRO, MICRO_MANY, CHUNKS = 8, 8, 32, 64, 4
HIDDEN, SEQ, MICRO_BATCH, BF16 = 8192, 4096, 1, 2
TP, PP, DP = 8, 8, 16
PARAMS_DP, PARAMS_3D = 7e9, 70e9
ADAM_BYTES = 16


def ring_allreduce_bytes_per_device(size, devices):
    return 2 * (devices - 1) / devices * size


def test_simulated_bubble_matches_the_formula():
    for stages in (2, 4, 8):
        for micro in (1, 3, 8, 20):
            for schedule in ("gpipe", "1f1b"):
                bubble, _ = par.simulate(stages, micro, schedule)
                assert math.isclose(bubble, par.bubble_fraction(stages, micro), rel_tol=1e-12), (stages, micro)


def test_one_f_one_b_holds_at_most_p_micro_batches():
    for micro in (4, 8, 32):
        _, gpipe_peak = par.simulate(STAGES, micro, "gpipe")
        _, peak = par.simulate(STAGES, micro, "1f1b")
        assert gpipe_peak[0] == micro
        assert all(peak[s] <= min(STAGES - s, micro) for s in range(STAGES))


def test_tensor_parallel_mlp_is_exact():
    rng = np.random.default_rng(0)
    x, w1, w2 = rng.normal(size=(5, 16)), rng.normal(size=(16, 64)), rng.normal(size=(64, 16))
    full = par.gelu(x @ w1) @ w2
    for shards in (1, 2, 4, 8):
        np.testing.assert_allclose(par.tensor_parallel_mlp(x, w1, w2, shards), full, atol=1e-10)


def expected_values() -> dict[str, str]:
    bubble = {m: par.simulate(STAGES, m, "1f1b")[0] for m in (MICRO_FEW, MICRO, MICRO_MANY)}
    activation = MICRO_BATCH * SEQ * HIDDEN * BF16
    per_allreduce = ring_allreduce_bytes_per_device(activation, TP)
    grads = BF16 * PARAMS_DP
    state = ADAM_BYTES * PARAMS_3D
    return {
        "p": str(STAGES),
        "m-few": str(MICRO_FEW),
        "m": str(MICRO),
        "m-many": str(MICRO_MANY),
        "bubble-few": f"{bubble[MICRO_FEW] * 100:.1f} %",
        "bubble": f"{bubble[MICRO] * 100:.1f} %",
        "bubble-many": f"{bubble[MICRO_MANY] * 100:.1f} %",
        "bubble-ratio": f"{(STAGES - 1) / MICRO * 100:.1f} %",
        "chunks": str(CHUNKS),
        "bubble-interleaved": f"{(STAGES - 1) / (CHUNKS * MICRO) * 100:.1f} %",
        "gpipe-held": str(par.simulate(STAGES, MICRO, "gpipe")[1][0]),
        "ofob-held": str(par.simulate(STAGES, MICRO, "1f1b")[1][0]),
        "dp-params": f"{PARAMS_DP / 1e9:.0f}",
        "dp-grads": f"{grads / 1e9:.0f}",
        "dp": str(DP),
        "dp-traffic": f"{ring_allreduce_bytes_per_device(grads, DP) / 1e9:.2f}",
        "hidden": f"{HIDDEN:,}",
        "seq": f"{SEQ:,}",
        "activation-mb": f"{activation / 1e6:.1f}",
        "tp": str(TP),
        "tp-per-allreduce": f"{per_allreduce / 1e6:.1f}",
        "tp-per-layer": f"{4 * per_allreduce / 1e6:.0f}",
        "gpus": f"{TP * PP * DP:,}",
        "tp-3d": str(TP),
        "pp": str(PP),
        "dp-3d": str(DP),
        "params-3d": f"{PARAMS_3D / 1e9:.0f}",
        "state-tb": f"{state / 1e12:.2f}",
        "model-parallel": str(TP * PP),
        "per-gpu": f"{state / (TP * PP) / 1e9:.1f}",
        "per-gpu-zero1": f"{(4 * PARAMS_3D / (TP * PP) + 12 * PARAMS_3D / (TP * PP * DP)) / 1e9:.1f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
