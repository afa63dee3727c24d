#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for study-plan (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 50_000
MAX_M = 70_000


def write(kind, index, n, rules):
    assert 1 <= n <= MAX_N and len(rules) <= MAX_M and all(1 <= a <= n and 1 <= b <= n for a, b in rules)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{n} {len(rules)}\n" + "".join(f"{a} {b}\n" for a, b in rules))


def random_dag(rng, n, m):
    """Edges that respect a hidden random order, so no cycle."""
    rank = list(range(1, n + 1))
    rng.shuffle(rank)
    rules = []
    for _ in range(m):
        i, j = sorted(rng.sample(range(n), 2))
        rules.append((rank[i], rank[j]))
    return rules


def main():
    rng = random.Random(6174)
    write("sample", 1, 5, [(3, 1), (3, 2), (2, 1), (5, 4)])
    write("sample", 2, 3, [(1, 2), (2, 3), (3, 1)])

    write("secret", 1, 1, [])
    write("secret", 2, 1, [(1, 1)])
    write("secret", 3, 4, [])
    write("secret", 4, 4, [(4, 3), (3, 2), (2, 1)])
    write("secret", 5, 6, [(2, 1), (2, 1), (6, 5), (4, 3)])
    # a first-in-first-out queue takes 4 before 2 here
    write("secret", 6, 6, [(1, 4), (3, 2), (5, 2), (1, 6)])
    write("secret", 7, 8, random_dag(rng, 8, 10) + [(8, 8)])
    write("secret", 8, 200, random_dag(rng, 200, 500))
    rules = random_dag(rng, 2000, 4000)
    a, b = rules[0]
    write("secret", 9, 2000, rules + [(b, a)])
    write("secret", 10, 3000, random_dag(rng, 3000, 3000))
    # large: a chain the heap has to walk, numbered against the order
    chain = list(range(MAX_N, 0, -1))
    write("secret", 11, MAX_N, [(chain[i], chain[i + 1]) for i in range(MAX_N - 1)])
    write("secret", 12, MAX_N, random_dag(rng, MAX_N, MAX_M))
    rules = random_dag(rng, 20_000, 30_000)
    write("secret", 13, 20_000, rules + [(rules[-1][1], rules[-1][0])])


if __name__ == "__main__":
    main()
