#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for pair-sum-count (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_A = 10**9


def write(kind, index, k, values):
    assert 1 <= len(values) <= MAX_N and abs(k) <= 2 * MAX_A and all(abs(v) <= MAX_A for v in values)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(values)} {k}\n{' '.join(map(str, values))}\n")


def main():
    rng = random.Random(31337)
    write("sample", 1, 7, [1, 6, 3, 4, 6, 1])
    write("sample", 2, 10, [5, 5, 5, 5])

    write("secret", 1, 2, [1])
    write("secret", 2, 0, [0, 0])
    write("secret", 3, 4, [2, 1, 3, 2, 2])
    write("secret", 4, -3, [-1, -2, 5, -8, 0, -3, 3])
    write("secret", 5, 2 * MAX_A, [MAX_A, MAX_A, MAX_A - 1, 1, MAX_A])
    write("secret", 6, -2 * MAX_A, [-MAX_A] * 7 + [MAX_A])
    write("secret", 7, 100, [rng.randint(0, 100) for _ in range(300)])
    write("secret", 8, 1, [rng.randint(-5, 6) for _ in range(5000)])
    write("secret", 9, 123456789, [rng.randint(-MAX_A, MAX_A) for _ in range(5000)])
    # 70000 * 69999 / 2 = 2449965000 pairs: past a signed 32-bit int, not an unsigned one
    write("secret", 10, 0, [0] * 70_000)
    # large: every pair counts, n(n-1)/2 = 4999950000 is far past 32 bits
    write("secret", 11, -14, [-7] * MAX_N)
    # large: values from a small pool around k / 2
    pool = [rng.randint(-MAX_A, MAX_A) for _ in range(300)]
    k = 777
    write("secret", 12, k, [v if rng.random() < 0.5 else k - v for v in (rng.choice(pool) for _ in range(MAX_N)) if abs(k - v) <= MAX_A])
    write("secret", 13, 0, [rng.randint(-1000, 1000) for _ in range(MAX_N)])


if __name__ == "__main__":
    main()
