#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for largest-container (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_H = 1_000_000


def write(kind, index, heights):
    assert 2 <= len(heights) <= MAX_N and all(0 <= h <= MAX_H for h in heights)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(heights)}\n{' '.join(map(str, heights))}\n")


def main():
    rng = random.Random(1234)
    write("sample", 1, [2, 8, 3, 5, 9, 4, 6])

    write("secret", 1, [0, 0])
    write("secret", 2, [5, 3])
    write("secret", 3, [1, 100, 100, 1])
    write("secret", 4, [10, 1, 1, 1, 1, 1, 1, 10])
    write("secret", 5, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    # the best pair is the two tall walls in the middle; moving the taller pointer skips them
    write("secret", 6, [3, 1, 9, 2, 9, 1, 4])
    write("secret", 7, [1, 8, 6, 2, 5, 4, 8, 3, 7])
    write("secret", 8, [rng.randint(0, 50) for _ in range(200)])
    write("secret", 9, [rng.randint(0, MAX_H) for _ in range(1500)])
    write("secret", 10, [MAX_H] * 1500)
    peak = [min(i, 1499 - i) * 1300 for i in range(1500)]
    write("secret", 11, peak)
    # large: the ends are the answer, 99999 * 10^6 is past 32 bits
    write("secret", 12, [MAX_H] + [rng.randint(0, 1000) for _ in range(MAX_N - 2)] + [MAX_H])
    write("secret", 13, [rng.randint(0, MAX_H) for _ in range(MAX_N)])
    write("secret", 14, [rng.randint(0, 100) * 10000 for _ in range(MAX_N)])


if __name__ == "__main__":
    main()
