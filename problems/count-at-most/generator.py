#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for count-at-most (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = MAX_Q = 40_000
MAX_V = 10**9


def write(kind, index, values, queries):
    assert 1 <= len(values) <= MAX_N and 1 <= len(queries) <= MAX_Q
    assert all(0 <= v <= MAX_V for v in values + queries)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(values)} {len(queries)}\n{' '.join(map(str, values))}\n{' '.join(map(str, queries))}\n")


def main():
    rng = random.Random(99)
    write("sample", 1, [5, 1, 9, 5, 3, 7], [5, 0, 100, 6])

    write("secret", 1, [0], [0])
    write("secret", 2, [MAX_V], [0, MAX_V - 1, MAX_V])
    write("secret", 3, [3, 3, 3, 3], [2, 3, 4])
    write("secret", 4, [10, 20, 30], [5, 10, 15, 20, 25, 30, 35])
    values = [rng.randint(0, 50) for _ in range(100)]
    write("secret", 5, values, list(range(0, 52)))
    values = [rng.randint(0, MAX_V) for _ in range(1000)]
    write("secret", 6, values, [rng.choice(values) for _ in range(500)] + [rng.randint(0, MAX_V) for _ in range(500)])
    write("secret", 7, list(range(1, 2001)), list(range(0, 2002)))
    write("secret", 8, [7] * 3000, [6, 7, 8] * 1000)
    values = [rng.randint(0, 1000) for _ in range(5000)]
    write("secret", 9, values, [rng.randint(0, 1000) for _ in range(5000)])
    write("secret", 10, list(range(MAX_V, MAX_V - 500, -1)), [MAX_V, 0, MAX_V - 250])
    # large: every query is one of the values (an off-by-one between < and <= shows everywhere)
    values = [rng.randint(0, MAX_V) for _ in range(MAX_N)]
    write("secret", 11, values, [rng.choice(values) for _ in range(MAX_Q)])
    values = [rng.randint(0, 30000) for _ in range(MAX_N)]
    write("secret", 12, values, [rng.randint(0, 30001) for _ in range(MAX_Q)])


if __name__ == "__main__":
    main()
