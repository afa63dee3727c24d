#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for longest-increasing-subsequence (seeded)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_A = 10**9


def write(kind, index, values):
    assert 1 <= len(values) <= MAX_N and all(0 <= v <= MAX_A for v in values)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(values)}\n{' '.join(map(str, values))}\n")


def main():
    rng = random.Random(112358)
    write("sample", 1, [5, 2, 8, 6, 3, 6, 9, 7])
    write("sample", 2, [4, 4, 4, 4, 4])

    write("secret", 1, [0])
    write("secret", 2, [MAX_A, 0])
    write("secret", 3, [1, 2, 2, 3, 3, 4])  # equal neighbours do not extend
    write("secret", 4, list(range(10, 0, -1)))
    write("secret", 5, [rng.randint(0, 5) for _ in range(30)])
    write("secret", 6, [rng.randint(0, MAX_A) for _ in range(200)])
    write("secret", 7, [i // 3 for i in range(1500)])  # 0 0 0 1 1 1 ...
    write("secret", 8, [rng.randint(0, 50) for _ in range(1000)])
    write("secret", 9, list(range(1000)) + list(range(500, 1500)))
    write("secret", 10, [(i * 7919) % 1009 for i in range(1500)])
    # large
    write("secret", 11, [rng.randint(0, MAX_A) for _ in range(MAX_N)])
    write("secret", 12, sorted(rng.randint(0, 20000) for _ in range(MAX_N)))  # long, with repeats
    write("secret", 13, [i + rng.randint(0, 1000) for i in range(MAX_N)])


if __name__ == "__main__":
    main()
