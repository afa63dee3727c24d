#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for largest-rectangle (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_H = 10**9


def write(kind, index, heights):
    assert 1 <= len(heights) <= MAX_N and all(0 <= h <= MAX_H for h in heights)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(heights)}\n{' '.join(map(str, heights))}\n")


def main():
    rng = random.Random(1618)
    write("sample", 1, [2, 1, 5, 6, 2, 3, 1])

    write("secret", 1, [0])
    write("secret", 2, [MAX_H])
    write("secret", 3, [1, 2, 3, 4, 5])  # increasing: nothing is popped before the end
    write("secret", 4, [5, 4, 3, 2, 1])
    write("secret", 5, [3, 3, 3, 3])
    write("secret", 6, [2, 0, 2, 0, 2])
    write("secret", 7, [rng.randint(0, 10) for _ in range(50)])
    write("secret", 8, [rng.randint(0, MAX_H) for _ in range(1000)])
    write("secret", 9, [min(i, 1999 - i) for i in range(2000)])  # a pyramid
    write("secret", 10, [rng.choice([0, 1, MAX_H]) for _ in range(2000)])
    # large: equal bars (expanding around each bar is quadratic), the answer is 10^14
    write("secret", 11, [MAX_H] * MAX_N)
    write("secret", 12, [rng.randint(0, 100_000) for _ in range(MAX_N)])
    write("secret", 13, list(range(1, MAX_N + 1)))


if __name__ == "__main__":
    main()
