#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for best-average-window (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_A = 10_000


def write(kind, index, k, values):
    assert 1 <= k <= len(values) <= MAX_N and all(abs(v) <= MAX_A for v in values)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(values)} {k}\n{' '.join(map(str, values))}\n")


def main():
    rng = random.Random(555)
    write("sample", 1, 4, [1, 12, -5, -6, 50, 3])

    write("secret", 1, 1, [7])
    write("secret", 2, 2, [-3, -8, -1, -9])  # every average is negative
    write("secret", 3, 1, [-MAX_A, -MAX_A])
    write("secret", 4, 3, [1, 2, 2])  # an average that is not a short decimal: 5/3
    write("secret", 5, 5, [0, 0, 0, 0, 0, 0, 0])
    write("secret", 6, 7, [rng.randint(-MAX_A, MAX_A) for _ in range(7)])
    write("secret", 7, 3, [rng.randint(-20, 20) for _ in range(100)])
    write("secret", 8, 37, [rng.randint(-MAX_A, MAX_A) for _ in range(1000)])
    write("secret", 9, 1000, [MAX_A] * 1000)
    write("secret", 10, 250, [rng.randint(-MAX_A, -1) for _ in range(2000)])
    # large: half the array per window (recomputing each window's sum is quadratic)
    write("secret", 11, MAX_N // 2, [rng.randint(-MAX_A, MAX_A) for _ in range(MAX_N)])
    write("secret", 12, MAX_N, [rng.randint(-MAX_A, MAX_A) for _ in range(MAX_N)])
    write("secret", 13, 3, [rng.randint(-MAX_A, MAX_A // 2) for _ in range(MAX_N)])


if __name__ == "__main__":
    main()
