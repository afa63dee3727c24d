#!/usr/bin/python3
"""Writes data/sample and data/secret (.in: JSON arguments, .ans: JSON answer) for crate-weight-pairs.

Seeded: the same files on every run. Answers come from the reference implementation below.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_V = 10**9


def reference(weights, target):
    pairs = []
    lo, hi = 0, len(weights) - 1
    while lo < hi:
        total = weights[lo] + weights[hi]
        if total < target:
            lo += 1
        elif total > target:
            hi -= 1
        else:
            pairs.append([weights[lo], weights[hi]])
            a, b = weights[lo], weights[hi]
            while lo < hi and weights[lo] == a:
                lo += 1
            while lo < hi and weights[hi] == b:
                hi -= 1
    return pairs


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, weights, target):
    assert 0 <= len(weights) <= MAX_N and abs(target) <= 2 * MAX_V
    assert all(abs(v) <= MAX_V for v in weights) and weights == sorted(weights)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([weights, target]) + "\n")
    answer = dump(reference(weights, target))
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(answer + "\n")


def main():
    rng = random.Random(77031)
    write("sample", 1, [1, 2, 2, 3, 4, 4, 5, 7], 6)
    write("sample", 2, [-4, -1, 0, 0, 3, 4, 9], 0)
    write("sample", 3, [2, 4, 6], 5)

    write("secret", 1, [], 0)
    write("secret", 2, [5], 10)  # one crate cannot pair with itself
    write("secret", 3, [5, 5], 10)
    write("secret", 4, [5, 5, 5, 5, 5], 10)
    write("secret", 5, [1, 1, 2, 2, 3, 3, 4, 4], 5)
    write("secret", 6, [-5, -3, -3, -1, 0, 2, 3, 5, 5, 8], 0)
    write("secret", 7, [-MAX_V, -MAX_V, -1, 1, MAX_V, MAX_V], 0)
    write("secret", 8, [-MAX_V, 0, MAX_V - 1, MAX_V, MAX_V], 2 * MAX_V)
    write("secret", 9, [-MAX_V, -MAX_V, 0, MAX_V], -2 * MAX_V)
    write("secret", 10, [1, 3, 4, 5, 6, 7, 9], 10)  # 5 alone in the middle: no [5, 5]
    write("secret", 11, sorted(rng.randint(-15, 15) for _ in range(80)), 4)
    write("secret", 12, sorted(rng.randint(-1000, 1000) for _ in range(3000)), -7)

    # large: distinct values, about half of them in pairs
    half = set()
    while len(half) < 30_000:
        half.add(rng.randint(-MAX_V, 600_000_000))
    target = 123_456_789
    values = set(half) | {target - v for v in half if abs(target - v) <= MAX_V}
    while len(values) < MAX_N:
        values.add(rng.randint(-MAX_V, MAX_V))
    write("secret", 13, sorted(values)[:MAX_N], target)
    # large: heavy duplicates from a small pool
    write("secret", 14, sorted(rng.randint(-30_000, 30_000) for _ in range(MAX_N)), 0)
    # large: one value repeated, target twice it
    write("secret", 15, [-7] * MAX_N, -14)


if __name__ == "__main__":
    main()
