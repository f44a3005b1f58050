"""A single-tape Turing machine simulator and a machine that adds 1 to a binary number."""

BLANK = "_"

# Transition table: (state, symbol read) -> (symbol to write, head move, next state).
# Phase "right" walks to the end of the number; phase "carry" adds 1 from the right.
INCREMENT = {
    ("right", "0"): ("0", +1, "right"),
    ("right", "1"): ("1", +1, "right"),
    ("right", BLANK): (BLANK, -1, "carry"),
    ("carry", "1"): ("0", -1, "carry"),  # 1 + carry = 0, keep carrying
    ("carry", "0"): ("1", -1, "halt"),  # 0 + carry = 1, done
    ("carry", BLANK): ("1", -1, "halt"),  # ran off the left end: new leading 1
}


def run(rules, tape, state="right", halt="halt", max_steps=10_000, trace=None):
    """Run the machine on `tape` (a string); return (tape contents without blanks, steps taken).

    If `trace` is a list, each step appends (state, symbol read, symbol written, "L" or "R").
    The step budget is the only way to stop a machine that never halts: no general
    procedure can decide in advance whether it will (the halting problem).
    """
    cells = dict(enumerate(tape))  # sparse tape, unbounded in both directions
    head = steps = 0
    while state != halt:
        if steps >= max_steps:
            raise RuntimeError(f"no halt within {max_steps} steps")
        read = cells.get(head, BLANK)
        write, move, next_state = rules[(state, read)]
        if trace is not None:
            trace.append((state, read, write, "R" if move > 0 else "L"))
        cells[head] = write
        head += move
        state = next_state
        steps += 1
    text = "".join(cells.get(i, BLANK) for i in range(min(cells), max(cells) + 1))
    return text.strip(BLANK), steps


if __name__ == "__main__":
    for number in ["1011", "111", "0"]:
        print(number, "->", run(INCREMENT, number))
    steps = []
    run(INCREMENT, "1011", trace=steps)
    for i, (state, read, write, move) in enumerate(steps, start=1):
        print(i, state, read, "->", write, move)
