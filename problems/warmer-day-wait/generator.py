#!/usr/bin/python3
"""Writes data/sample and data/secret for warmer-day-wait (seeded: the same files on every run)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
LO, HI = -100, 100


def reference(temps):
    answer = [0] * len(temps)
    stack = []  # days still waiting, readings non-increasing from bottom to top
    for day, t in enumerate(temps):
        while stack and temps[stack[-1]] < t:
            waiting = stack.pop()
            answer[waiting] = day - waiting
        stack.append(day)
    return answer


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, temps):
    assert 1 <= len(temps) <= MAX_N and all(LO <= t <= HI for t in temps)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([temps]) + "\n")
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(dump(reference(temps)) + "\n")


def main():
    rng = random.Random(20240611)
    write("sample", 1, [12, 9, 14, 14, 10, 11, 19, 8])
    write("sample", 2, [5, 5, 5])
    write("sample", 3, [-3, -1, 2, 7])

    write("secret", 1, [0])
    write("secret", 2, [HI, LO])
    write("secret", 3, [LO, HI])
    write("secret", 4, [7, 7, 7, 7, 8, 7, 7])  # ties never count as warmer
    write("secret", 5, list(range(100, -101, -1)))  # strictly cooling: nobody ever waits for anything
    write("secret", 6, list(range(-100, 101)))  # strictly warming: every wait is one day
    write("secret", 7, [rng.randint(-5, 5) for _ in range(60)])
    write("secret", 8, [rng.randint(LO, HI) for _ in range(1000)])
    # a valley then a single peak at the very end: everyone waits for the last day
    write("secret", 9, [rng.randint(LO, HI - 1) for _ in range(5000)] + [HI])
    # large: a long cold plateau (scanning ahead from every day is quadratic)
    write("secret", 10, [rng.randint(LO, HI) for _ in range(MAX_N // 2)])
    write("secret", 11, [-20] * (MAX_N - 1) + [-19])
    write("secret", 12, [HI - (i * 200 // MAX_N) for i in range(MAX_N)])  # slowly cooling with long ties
    saw = [(i % 201) - 100 for i in range(MAX_N // 2)]  # warming ramps, each ended by a drop
    write("secret", 13, saw[::-1])


if __name__ == "__main__":
    main()
