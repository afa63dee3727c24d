#!/usr/bin/python3
"""Writes data/sample and data/secret (.in: JSON arguments, .ans: JSON answer) for calibration-pair.

Seeded: the same files on every run. Answers come from the reference implementation below.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_V = 10**9


def reference(readings, target):
    first = {}
    for j, x in enumerate(readings):
        i = first.get(target - x)
        if i is not None:
            return [i, j]
        if x not in first:
            first[x] = j
    return []


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, readings, target):
    assert 0 <= len(readings) <= MAX_N and abs(target) <= MAX_V and all(abs(v) <= MAX_V for v in readings)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([readings, target]) + "\n")
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(dump(reference(readings, target)) + "\n")


def no_pair(rng, n, target):
    """n readings, none of them pairing: all even with an odd target (values stay in range)."""
    assert target % 2 != 0
    return [2 * rng.randint(-MAX_V // 2, MAX_V // 2) for _ in range(n)]


def main():
    rng = random.Random(20240611)
    write("sample", 1, [4, 9, 2, 1, 6, 5], 10)
    write("sample", 2, [3, 3, 1, 7], 10)
    write("sample", 3, [1, 2, 3], 100)

    write("secret", 1, [], 0)
    write("secret", 2, [5], 10)  # one reading never pairs with itself
    write("secret", 3, [5, 5], 10)
    write("secret", 4, [0, 0, 0, 0], 0)
    write("secret", 5, [-4, 7, -2, 9, 2, -7, 11], -6)
    write("secret", 6, [MAX_V, -MAX_V, MAX_V, MAX_V], 0)
    write("secret", 7, [MAX_V, MAX_V - 1, 1, MAX_V, -MAX_V], MAX_V)
    write("secret", 8, [-MAX_V, -MAX_V], -MAX_V)
    write("secret", 9, [1, 1, 1, 4, 3, 9, 9, 8], 10)  # 9 at index 5 pairs with three 1s: report index 0
    write("secret", 10, [1, 5, 5, 9], 10)  # completed first: 5 + 5, although 1 + 9 starts earlier
    # small random: many collisions in a narrow range
    write("secret", 11, [rng.randint(-20, 20) for _ in range(60)], 33)
    readings = [rng.randint(-1000, 1000) for _ in range(2000)]
    write("secret", 12, readings, 2001)  # no pair possible: the largest sum is 2000
    # mid size: duplicates of the partner before the completing reading
    readings = no_pair(rng, 3000, 77)
    readings[1500] = 7
    readings[400] = 70
    readings[900] = 70
    readings[2000] = 70
    write("secret", 13, readings, 77)

    # large: no pair at all
    write("secret", 14, no_pair(rng, MAX_N, 1), 1)
    # large: only the very last reading completes a pair, and its partner appears three times
    readings = no_pair(rng, MAX_N, -999_999_999)
    readings[10] = readings[5000] = readings[77_777] = -1_000_000_000
    readings[-1] = 1
    write("secret", 15, readings, -999_999_999)
    # the pair completes late, with a repeated partner
    readings = no_pair(rng, 20_000, 999_999_999)
    readings[10_000] = 999_999_998
    readings[-2] = 1
    readings[-1] = 999_999_998
    write("secret", 16, readings, 999_999_999)
    # large: all readings equal, every pair works: [0, 1]
    write("secret", 17, [7] * MAX_N, 14)


if __name__ == "__main__":
    main()
