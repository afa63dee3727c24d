#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for rope-joining (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_L = 1_000_000


def write(kind, index, lengths):
    assert 1 <= len(lengths) <= MAX_N and all(1 <= x <= MAX_L for x in lengths)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(lengths)}\n{' '.join(map(str, lengths))}\n")


def main():
    rng = random.Random(16180)
    write("sample", 1, [4, 3, 2, 6])
    write("sample", 2, [100])

    write("secret", 1, [1, 1])
    write("secret", 2, [5, 5, 5, 5])  # joining in a chain costs 45, in pairs 40
    write("secret", 3, [1, 2, 3])
    write("secret", 4, [MAX_L, MAX_L, MAX_L])
    write("secret", 5, [1, 1, 1, 1, 1, 1, 1, 1, 1000])
    write("secret", 6, [rng.randint(1, 20) for _ in range(50)])
    write("secret", 7, [rng.randint(1, MAX_L) for _ in range(1000)])
    write("secret", 8, [2 ** (i % 20) for i in range(2000)])
    write("secret", 9, [MAX_L] * 5000)
    write("secret", 10, sorted(rng.randint(1, 1000) for _ in range(5000)))
    # large
    write("secret", 11, [rng.randint(1, MAX_L) for _ in range(MAX_N)])
    write("secret", 12, [rng.randint(1, 100) for _ in range(MAX_N)])


if __name__ == "__main__":
    main()
