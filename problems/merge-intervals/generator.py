#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for merge-intervals (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 50_000
MAX_X = 10**9


def write(kind, index, intervals):
    assert 1 <= len(intervals) <= MAX_N and all(0 <= l < r <= MAX_X for l, r in intervals)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(intervals)}\n" + "".join(f"{l} {r}\n" for l, r in intervals))


def random_intervals(rng, n, span, longest):
    out = []
    for _ in range(n):
        l = rng.randint(0, span - 1)
        out.append((l, min(span, l + rng.randint(1, longest))))
    return out


def main():
    rng = random.Random(8080)
    write("sample", 1, [(8, 10), (1, 3), (2, 6), (15, 18), (6, 7)])

    write("secret", 1, [(0, MAX_X)])
    write("secret", 2, [(1, 3), (3, 5)])  # touching: one block
    write("secret", 3, [(1, 3), (4, 5)])
    write("secret", 4, [(5, 6), (1, 10), (2, 3)])  # nested
    write("secret", 5, [(4, 5), (3, 4), (2, 3), (1, 2), (0, 1)])  # a chain of touching intervals
    write("secret", 6, [(1, 2)] * 5 + [(2, 3)] * 5)
    write("secret", 7, random_intervals(rng, 100, 1000, 20))
    write("secret", 8, random_intervals(rng, 2000, MAX_X, 10**6))
    write("secret", 9, [(2 * i, 2 * i + 2) for i in range(1500)][::-1])
    write("secret", 10, random_intervals(rng, 3000, 100_000, 40))
    # large: almost all disjoint (merging against a list of blocks is quadratic here)
    gaps = sorted(rng.sample(range(MAX_X // 2), MAX_N))
    disjoint = [(2 * g, 2 * g + 1) for g in gaps]
    rng.shuffle(disjoint)
    write("secret", 11, disjoint)
    write("secret", 12, random_intervals(rng, MAX_N, 10**6, 30))
    write("secret", 13, random_intervals(rng, 20_000, MAX_X, 50_000))


if __name__ == "__main__":
    main()
