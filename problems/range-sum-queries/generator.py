#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for range-sum-queries (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = MAX_Q = 30_000
MAX_A = 10**9


def write(kind, index, n, values, queries):
    assert len(values) == n and 1 <= n <= MAX_N and 1 <= len(queries) <= MAX_Q
    assert all(-MAX_A <= v <= MAX_A for v in values) and all(1 <= l <= r <= n for l, r in queries)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    lines = [f"{n} {len(queries)}", " ".join(map(str, values))] + [f"{l} {r}" for l, r in queries]
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")


def random_queries(rng, n, q):
    out = []
    for _ in range(q):
        l, r = sorted((rng.randint(1, n), rng.randint(1, n)))
        out.append((l, r))
    return out


def main():
    rng = random.Random(20240611)
    write("sample", 1, 5, [3, -1, 4, 1, 5], [(1, 3), (2, 5), (4, 4)])

    write("secret", 1, 1, [-7], [(1, 1)])
    write("secret", 2, 1, [MAX_A], [(1, 1)] * 3)
    write("secret", 3, 6, [-4, -4, -4, -4, -4, -4], [(1, 6), (2, 3), (6, 6), (1, 1)])
    n = 10
    write("secret", 4, n, [rng.randint(-20, 20) for _ in range(n)], random_queries(rng, n, 30))
    n = 1000  # every value at the maximum: the full range is 10^12
    write("secret", 5, n, [MAX_A] * n, [(1, n), (1, 3), (500, 1000)] + random_queries(rng, n, 200))
    write("secret", 6, n, [-MAX_A] * n, [(1, n), (2, n - 1)] + random_queries(rng, n, 200))
    write("secret", 7, n, [MAX_A if i % 2 == 0 else -MAX_A for i in range(n)], random_queries(rng, n, 500))
    n = 2000
    write("secret", 8, n, [rng.randint(-MAX_A, MAX_A) for _ in range(n)], random_queries(rng, n, 2000))
    n = 5000  # sums just past 2^31 in both directions
    write("secret", 9, n, [rng.choice([MAX_A, 3, -2]) for _ in range(n)], [(1, 3), (2, 4)] + random_queries(rng, n, 3000))
    write("secret", 10, n, [0] * n, random_queries(rng, n, 100))
    # large: random ranges, then ranges that nearly cover the whole array
    write("secret", 11, MAX_N, [rng.randint(-MAX_A, MAX_A) for _ in range(MAX_N)], random_queries(rng, MAX_N, MAX_Q))
    wide = [(rng.randint(1, 100), rng.randint(MAX_N - 100, MAX_N)) for _ in range(MAX_Q)]
    write("secret", 12, MAX_N, [rng.randint(-9, 9) for _ in range(MAX_N)], wide)


if __name__ == "__main__":
    main()
