#!/usr/bin/python3
"""Writes data/sample and data/secret (.in: JSON arguments, .ans: JSON answer) for trail-daily-distance.

Seeded: the same files on every run. Answers come from the reference implementation below.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_V = 10**9


def days_needed(stages, cap):
    days, today = 1, 0
    for x in stages:
        if today + x > cap:
            days += 1
            today = 0
        today += x
    return days


def reference(stages, days):
    lo, hi = max(stages), sum(stages)
    while lo < hi:
        mid = (lo + hi) // 2
        if days_needed(stages, mid) <= days:
            hi = mid
        else:
            lo = mid + 1
    return lo


def brute(stages, days):
    """Exhaustive over every split (tiny inputs only): a check on the reference."""
    n = len(stages)
    best = None

    def go(start, left, worst):
        nonlocal best
        if start == n:
            best = worst if best is None else min(best, worst)
            return
        if left == 0:
            return
        total = 0
        for end in range(start, n):
            total += stages[end]
            go(end + 1, left - 1, max(worst, total))

    go(0, days, 0)
    return best


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, stages, days):
    assert 1 <= len(stages) <= MAX_N and 1 <= days <= len(stages) and all(1 <= v <= MAX_V for v in stages)
    answer = reference(stages, days)
    if len(stages) <= 9:
        assert answer == brute(stages, days)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([stages, days]) + "\n")
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(dump(answer) + "\n")


def main():
    rng = random.Random(90210)
    write("sample", 1, [4, 8, 3, 6, 5, 2], 3)
    write("sample", 2, [9, 1, 1, 1, 9], 2)
    write("sample", 3, [5, 5, 5, 5], 4)

    write("secret", 1, [1], 1)
    write("secret", 2, [MAX_V], 1)
    write("secret", 3, [3, 1, 4, 1, 5], 5)  # a day per stage: the longest stage
    write("secret", 4, [3, 1, 4, 1, 5], 1)  # one day: the whole trail
    write("secret", 5, [MAX_V, MAX_V, MAX_V], 1)  # 3 * 10^9: past 32 bits
    write("secret", 6, [MAX_V, MAX_V, MAX_V, MAX_V, MAX_V], 2)
    write("secret", 7, [1, 1, 1, 1, 1, 1, 1, 100], 2)
    write("secret", 8, [2, 2, 2, 2, 2, 2, 2, 2, 2], 4)
    for i in range(9, 13):
        n = rng.randint(5, 9)
        write("secret", i, [rng.randint(1, 30) for _ in range(n)], rng.randint(1, n))
    write("secret", 13, [rng.randint(1, 1000) for _ in range(5000)], 37)

    # large: the whole trail in one day is 10^14-ish
    big = [rng.randint(1, MAX_V) for _ in range(MAX_N)]
    write("secret", 14, big, 1)
    write("secret", 15, big[:20_000], 7)
    write("secret", 16, [rng.randint(MAX_V - 1000, MAX_V) for _ in range(MAX_N)], 999)
    write("secret", 17, [rng.randint(1, MAX_V) for _ in range(2000)], 2000)  # a day per stage
    write("secret", 18, [rng.choice([1, MAX_V]) for _ in range(MAX_N)], 31_337)


if __name__ == "__main__":
    main()
