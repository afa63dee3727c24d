#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for job-scheduling (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 40_000
MAX_T = 10**6
MAX_P = 10**6


def write(kind, index, jobs):
    assert 1 <= len(jobs) <= MAX_N and all(0 <= s < e <= MAX_T and 1 <= p <= MAX_P for s, e, p in jobs)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(jobs)}\n" + "".join(f"{s} {e} {p}\n" for s, e, p in jobs))


def random_jobs(rng, n, horizon, longest, max_p):
    jobs = []
    for _ in range(n):
        s = rng.randint(0, horizon - 1)
        jobs.append((s, min(horizon, s + rng.randint(1, longest)), rng.randint(1, max_p)))
    return jobs


def main():
    rng = random.Random(42424)
    write("sample", 1, [(1, 3, 50), (3, 5, 20), (6, 19, 100), (2, 100, 160), (3, 10, 60)])

    write("secret", 1, [(0, MAX_T, MAX_P)])
    write("secret", 2, [(0, 1, 5), (1, 2, 5), (2, 3, 5)])  # back to back: all three
    write("secret", 3, [(0, 2, 5), (1, 3, 6), (2, 4, 5)])
    write("secret", 4, [(0, 10, 1), (0, 10, 7), (0, 10, 3)])
    write("secret", 5, [(5, 6, 1), (0, 5, 1), (6, 10, 1), (0, 10, 2)])
    write("secret", 6, random_jobs(rng, 20, 30, 8, 10))
    write("secret", 7, random_jobs(rng, 300, 1000, 50, 100))
    # many jobs that only touch: a chain of 300 unit jobs beats a few long ones
    write("secret", 8, [(i, i + 1, 10) for i in range(300)] + [(100 * i, 100 * i + 100, 900) for i in range(3)])
    write("secret", 9, random_jobs(rng, 500, MAX_T, 5000, MAX_P))
    write("secret", 10, random_jobs(rng, 500, 200, 3, 1000))
    # large: the total needs more than 32 bits
    write("secret", 11, [(i * 25, i * 25 + 25, MAX_P - rng.randint(0, 10)) for i in range(MAX_N)])
    write("secret", 12, random_jobs(rng, MAX_N, MAX_T, 2000, MAX_P))
    write("secret", 13, random_jobs(rng, MAX_N, 50_000, 20, 100))


if __name__ == "__main__":
    main()
