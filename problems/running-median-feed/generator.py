#!/usr/bin/python3
"""Writes data/sample and data/secret for running-median-feed (seeded: the same files on every run)."""
import heapq
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 50_000
MAX_V = 10**9


def reference(readings):
    low, high = [], []  # low: max-heap (negated) of the smaller half, high: min-heap of the larger half
    out = []
    for x in readings:
        if low and x > -low[0]:
            heapq.heappush(high, x)
        else:
            heapq.heappush(low, -x)
        if len(low) > len(high) + 1:
            heapq.heappush(high, -heapq.heappop(low))
        elif len(high) > len(low):
            heapq.heappush(low, -heapq.heappop(high))
        if len(low) > len(high):
            out.append(-low[0] * 2)
        else:
            out.append(high[0] - low[0])
    # out holds twice the median (exact integers); halve at the end (x.0 or x.5, exact in a double)
    return [v / 2 for v in out]


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, readings):
    assert 1 <= len(readings) <= MAX_N and all(-MAX_V <= x <= MAX_V for x in readings)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([readings]) + "\n")
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(dump(reference(readings)) + "\n")


def main():
    rng = random.Random(777001)
    write("sample", 1, [5, 15, 1, 3, 8])
    write("sample", 2, [-2, -2, 4])
    write("sample", 3, [7])

    write("secret", 1, [-MAX_V])
    write("secret", 2, [MAX_V, MAX_V])  # the sum of the middle pair does not fit in 32 bits
    write("secret", 3, [-MAX_V, -MAX_V + 1, MAX_V, MAX_V - 1])
    write("secret", 4, [1, 2])  # a half
    write("secret", 5, [-1, -2, -3, -4, -5, -6])  # negative halves
    write("secret", 6, [4] * 9 + [-4] * 9)
    write("secret", 7, list(range(40, 0, -1)))
    write("secret", 8, [rng.randint(-20, 20) for _ in range(200)])
    write("secret", 9, [rng.randint(MAX_V - 50, MAX_V) * rng.choice((-1, 1)) for _ in range(3000)])
    # large
    write("secret", 10, [rng.randint(-MAX_V, MAX_V) for _ in range(MAX_N)])
    write("secret", 11, [rng.randint(0, 999) for _ in range(MAX_N // 2)])
    zigzag = [(i // 2) * (1 if i % 2 else -1) for i in range(MAX_N)]  # 0, 0, -1, 1, -2, 2, ...
    write("secret", 12, zigzag)
    write("secret", 13, [i * 7 - MAX_N for i in range(MAX_N // 2)])


if __name__ == "__main__":
    main()
