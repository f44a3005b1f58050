"""questions/cs/turing-machine.md: the increment machine's results, its step-by-step trace and its worst case."""

import itertools

import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/cs/turing-machine.md"
EXAMPLES = {"a": "1011", "b": "111", "c": "0"}
CHECKED_DIGITS = 8  # every input of 1..8 digits is run to find the worst case


def machine():
    return load_snippet("cs/turing_machine.py")


def trace_rows(tape: str) -> list[str]:
    """The page's trace table, one row per step, from a run of the snippet with `trace`."""
    tm = machine()
    steps = []
    tm.run(tm.INCREMENT, tape, trace=steps)
    return [f"{i} | {state} | {read} | {write} | {move}" for i, (state, read, write, move) in enumerate(steps, 1)]


def worst_case_steps(n: int) -> int:
    tm = machine()
    return max(tm.run(tm.INCREMENT, "".join(bits))[1] for bits in itertools.product("01", repeat=n))


def worst_case_line() -> tuple[int, int]:
    """Slope and offset of the worst-case step count over 1..CHECKED_DIGITS digits; asserts it is a line."""
    worst = [worst_case_steps(n) for n in range(1, CHECKED_DIGITS + 1)]
    slope = worst[1] - worst[0]
    offset = worst[0] - slope
    assert worst == [slope * n + offset for n in range(1, CHECKED_DIGITS + 1)]
    return slope, offset


def expected_values() -> dict[str, str]:
    tm = machine()
    values = {}
    for key, tape in EXAMPLES.items():
        output, steps = tm.run(tm.INCREMENT, tape)
        values |= {f"input-{key}": tape, f"output-{key}": output, f"steps-{key}": f"{steps}"}
    rows = trace_rows(EXAMPLES["a"])
    values |= {f"trace-{i}": row for i, row in enumerate(rows, 1)}
    moves = [row.rsplit(" | ", 1)[1] for row in rows]
    carry = [row for row in rows if row.split(" | ")[1] == "carry"]
    values |= {"right-moves": f"{moves.count('R')}", "left-moves": f"{moves.count('L')}"}
    values["carry-steps"] = f"{len(carry)}"
    slope, offset = worst_case_line()
    values |= {"worst-slope": f"{slope}", "worst-offset": f"{offset}", "worst-checked": f"{CHECKED_DIGITS}"}
    return values


def test_increment_adds_one_on_every_short_input():
    tm = machine()
    for n in range(1, CHECKED_DIGITS + 1):
        for bits in itertools.product("01", repeat=n):
            word = "".join(bits)
            assert int(tm.run(tm.INCREMENT, word)[0], 2) == int(word, 2) + 1
    assert tm.run(tm.INCREMENT, "") == ("1", 2)  # an empty tape reads as zero


def test_the_trace_replays_to_the_output():
    """Replaying the recorded writes and moves on a fresh tape gives the run's output."""
    tm = machine()
    for tape in [*EXAMPLES.values(), "1001", "1111", ""]:
        steps = []
        output, count = tm.run(tm.INCREMENT, tape, trace=steps)
        cells, head = dict(enumerate(tape)), 0
        for _state, read, write, move in steps:
            assert cells.get(head, tm.BLANK) == read
            cells[head] = write
            head += 1 if move == "R" else -1
        text = "".join(cells.get(i, tm.BLANK) for i in range(min(cells), max(cells) + 1)).strip(tm.BLANK)
        assert (text, len(steps)) == (output, count)


def test_the_worst_case_is_all_ones():
    tm = machine()
    slope, offset = worst_case_line()
    for n in range(1, CHECKED_DIGITS + 1):
        assert tm.run(tm.INCREMENT, "1" * n)[1] == slope * n + offset


def test_step_budget_raises():
    tm = machine()
    loop = {("right", "0"): ("0", +1, "right"), ("right", tm.BLANK): ("0", +1, "right")}
    with pytest.raises(RuntimeError):
        tm.run(loop, "0", max_steps=50)


def test_stated_values():
    assert_values(PAGE, expected_values())
