#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for signal-delay (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 20_000
MAX_M = 50_000
MAX_W = 1_000_000


def write(kind, index, n, links):
    assert 1 <= n <= MAX_N and len(links) <= MAX_M
    assert all(1 <= u <= n and 1 <= v <= n and 1 <= w <= MAX_W for u, v, w in links)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{n} {len(links)}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in links))


def reachable_graph(rng, n, m, max_w):
    """A random tree out of node 1 (so everything is reachable) plus random links."""
    order = list(range(2, n + 1))
    rng.shuffle(order)
    order = [1] + order
    links = [(order[rng.randrange(i)], order[i], rng.randint(1, max_w)) for i in range(1, n)]
    links += [(rng.randint(1, n), rng.randint(1, n), rng.randint(1, max_w)) for _ in range(m - (n - 1))]
    rng.shuffle(links)
    return links


def main():
    rng = random.Random(1729)
    write("sample", 1, 4, [(1, 2, 4), (1, 3, 1), (3, 2, 2), (2, 4, 5), (3, 4, 9)])
    write("sample", 2, 3, [(1, 2, 7)])

    write("secret", 1, 1, [])
    write("secret", 2, 2, [(2, 1, 5)])
    write("secret", 3, 2, [(1, 2, 5), (1, 2, 3), (1, 1, 1)])
    # the direct link is slower than the detour, and the detour is found later
    write("secret", 4, 4, [(1, 4, 100), (1, 2, 60), (2, 3, 1), (1, 3, 70), (3, 4, 1)])
    write("secret", 5, 5, [(1, 2, 1), (2, 3, 1), (3, 1, 1), (4, 5, 1)])
    write("secret", 6, 50, reachable_graph(rng, 50, 120, 10))
    write("secret", 7, 1000, reachable_graph(rng, 1000, 5000, MAX_W))
    write("secret", 8, 2000, reachable_graph(rng, 2000, 2500, 3) + [(2001 - 1, 1, 1)])
    # a line of heavy links: 3999 * 10^6 is past 32 bits
    write("secret", 9, 4000, [(i, i + 1, MAX_W) for i in range(1, 4000)])
    links = reachable_graph(rng, 3000, 6000, 1000)
    write("secret", 10, 3001, links + [(3001, 1, 5)])  # node 3001 is never reached
    # large: a long chain listed back to front (round-by-round relaxation needs n rounds), plus
    # short hops that are always a little slower than the chain
    chain = [(i, i + 1, rng.randint(1, 1000)) for i in range(1, MAX_N)]
    chain_cost = [0] * (MAX_N + 1)
    for u, v, w in chain:
        chain_cost[v] = chain_cost[u] + w
    hops = []
    for _ in range(MAX_M - len(chain)):
        u = rng.randint(1, MAX_N - 2)
        v = min(MAX_N, u + rng.randint(2, 50))
        hops.append((u, v, chain_cost[v] - chain_cost[u] + rng.randint(1, 1000)))
    write("secret", 11, MAX_N, chain[::-1] + hops)
    write("secret", 12, MAX_N, reachable_graph(rng, MAX_N, MAX_M, MAX_W))


if __name__ == "__main__":
    main()
