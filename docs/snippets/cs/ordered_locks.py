"""Deadlock prevention by lock ordering: every thread takes account locks in id order."""

import random
import threading


class Account:
    def __init__(self, account_id, balance):
        self.id = account_id
        self.balance = balance
        self.lock = threading.Lock()


def transfer(src, dst, amount):
    """Move money between two accounts while holding both locks.

    Locking "src then dst" could deadlock when another thread transfers dst -> src
    (circular wait). Taking the lower id first gives one global order, so no cycle can form.
    """
    if src is dst:
        return
    first, second = (src, dst) if src.id < dst.id else (dst, src)
    with first.lock, second.lock:
        if src.balance >= amount:
            src.balance -= amount
            dst.balance += amount


def stress(n_accounts=4, n_threads=4, transfers_per_thread=1000, start=100, seed=0):
    """Run random transfers in parallel; return the total balance (money is conserved)."""
    accounts = [Account(i, start) for i in range(n_accounts)]

    def worker(k):
        rng = random.Random(seed + k)
        for _ in range(transfers_per_thread):
            a, b = rng.sample(accounts, 2)
            transfer(a, b, rng.randint(1, 20))

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(a.balance for a in accounts)


if __name__ == "__main__":
    print(stress())  # 400
