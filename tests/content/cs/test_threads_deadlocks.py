"""questions/cs/threads-deadlocks.md: lock ordering conserves money and cannot deadlock, while the
unordered version does deadlock under a forced interleaving. Every thread is joined with a timeout."""

import inspect
import threading
import time

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/cs/threads-deadlocks.md"
TIMEOUT = 20.0  # seconds; a deadlocked run is reported as a failure instead of hanging the suite


def run_with_timeout(target, *args, timeout: float = TIMEOUT, **kwargs):
    """Run target in a daemon thread; fail (not hang) if it does not finish in time."""
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault("value", target(*args, **kwargs)), daemon=True)
    worker.start()
    worker.join(timeout=timeout)
    assert not worker.is_alive(), f"{target.__name__} did not finish within {timeout} s (deadlock?)"
    return result["value"]


class PausingLock:
    """A lock that, right after being acquired, waits (briefly) until the other thread has a lock too.

    This forces the interleaving in which a bad lock order deadlocks: both threads hold their first
    lock before either asks for its second.
    """

    def __init__(self, barrier: threading.Barrier):
        self.lock = threading.Lock()
        self.barrier = barrier

    def __enter__(self):
        self.lock.acquire()
        try:
            self.barrier.wait(timeout=0.5)
        except threading.BrokenBarrierError:
            pass  # the other thread is blocked on this very lock: go on
        return self

    def __exit__(self, *exc):
        self.lock.release()


def unordered_transfer(src, dst, amount):
    """The version the page warns about: lock the source, then the destination."""
    with src.lock, dst.lock:
        if src.balance >= amount:
            src.balance -= amount
            dst.balance += amount


def opposite_transfers(transfer) -> tuple[bool, int]:
    """Two threads move money a -> b and b -> a at once; return (both finished, total balance)."""
    ol = load_snippet("cs/ordered_locks.py")
    a, b = ol.Account(0, 50), ol.Account(1, 50)
    barrier = threading.Barrier(2)
    a.lock, b.lock = PausingLock(barrier), PausingLock(barrier)
    threads = [
        threading.Thread(target=transfer, args=(a, b, 10), daemon=True),
        threading.Thread(target=transfer, args=(b, a, 20), daemon=True),
    ]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 3.0
    for t in threads:
        t.join(timeout=max(0.0, deadline - time.monotonic()))
    finished = not any(t.is_alive() for t in threads)
    return finished, a.balance + b.balance


def test_ordered_locks_survive_the_interleaving_that_deadlocks_the_naive_order():
    ol = load_snippet("cs/ordered_locks.py")
    assert opposite_transfers(ol.transfer) == (True, 100)
    finished, _ = opposite_transfers(unordered_transfer)
    assert not finished  # the forced interleaving really is a deadlock for the unordered version
    # (its two daemon threads stay blocked on locks nothing else uses; they end with the test process)


def test_stress_conserves_money_for_other_settings():
    ol = load_snippet("cs/ordered_locks.py")
    total = run_with_timeout(ol.stress, n_accounts=2, n_threads=3, transfers_per_thread=500, start=7)
    assert total == 2 * 7


def test_a_self_transfer_is_a_no_op_not_a_self_deadlock():
    ol = load_snippet("cs/ordered_locks.py")
    account = ol.Account(0, 10)
    run_with_timeout(ol.transfer, account, account, 5)
    assert account.balance == 10


def expected_values() -> dict[str, str]:
    ol = load_snippet("cs/ordered_locks.py")
    defaults = {name: p.default for name, p in inspect.signature(ol.stress).parameters.items()}
    total = run_with_timeout(ol.stress)
    return {
        "threads": f"{defaults['n_threads']}",
        "transfers": f"{defaults['transfers_per_thread']}",
        "accounts": f"{defaults['n_accounts']}",
        "start": f"{defaults['start']}",
        "total": f"{total}",
        "accounts-again": f"{defaults['n_accounts']}",
        "start-again": f"{defaults['start']}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
