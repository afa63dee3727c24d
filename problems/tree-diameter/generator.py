#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for tree-diameter (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 60_000
MAX_W = 10_000


def write(kind, index, parents, weights):
    """parents/weights: dicts child -> parent / edge length for children 2..n."""
    n = len(parents) + 1
    assert 1 <= n <= MAX_N and sorted(parents) == list(range(2, n + 1)) and sorted(weights) == sorted(parents)
    assert all(1 <= w <= MAX_W for w in weights.values())
    children = {}
    for child, parent in parents.items():
        children.setdefault(parent, []).append(child)
    reached = [1]
    for v in reached:  # every node hangs below the root
        reached.extend(children.get(v, []))
    assert len(reached) == n
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    lines = [str(n)]
    if n > 1:
        lines.append(" ".join(str(parents[i]) for i in range(2, n + 1)))
        lines.append(" ".join(str(weights[i]) for i in range(2, n + 1)))
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")


def relabel(rng, edges, n):
    """edges: (parent, child, w) with node 0 as root; random labels, root gets 1."""
    labels = [1] + rng.sample(range(2, n + 1), n - 1)
    parents = {labels[c]: labels[p] for p, c, _ in edges}
    weights = {labels[c]: w for _, c, w in edges}
    return parents, weights


def random_tree(rng, n, max_w, spread):
    """Node i hangs below one of the `spread` nodes before it: small spread means deep."""
    return relabel(rng, [(rng.randint(max(0, i - spread), i - 1), i, rng.randint(1, max_w)) for i in range(1, n)], n)


def path(rng, n, max_w):
    return relabel(rng, [(i - 1, i, rng.randint(1, max_w)) for i in range(1, n)], n)


def main():
    rng = random.Random(31415)
    write("sample", 1, {2: 5, 3: 1, 4: 5, 5: 1, 6: 3, 7: 5}, {2: 6, 3: 2, 4: 7, 5: 1, 6: 2, 7: 1})

    write("secret", 1, {}, {})
    write("secret", 2, {2: 1}, {2: MAX_W})
    write("secret", 3, {2: 1, 3: 1, 4: 1}, {2: 5, 3: 5, 4: 5})
    # the longest path hangs deep below the root, away from it
    write("secret", 4, {2: 1, 3: 2, 4: 3, 5: 4, 6: 4, 7: 1}, {2: 1, 3: 1, 4: 1, 5: 100, 6: 100, 7: 50})
    write("secret", 5, *random_tree(rng, 20, 10, 3))
    write("secret", 6, *random_tree(rng, 300, MAX_W, 300))
    write("secret", 7, *path(rng, 400, MAX_W))
    write("secret", 8, *random_tree(rng, 400, 5, 10))
    star = [(0, i, rng.randint(1, MAX_W)) for i in range(1, 400)]
    write("secret", 9, *relabel(rng, star, 400))
    # a long path with a heavy fork at its far end
    edges = [(i - 1, i, 1) for i in range(1, 400)] + [(399, 400, MAX_W), (399, 401, MAX_W)]
    write("secret", 10, *relabel(rng, edges, 402))
    # large
    write("secret", 11, *path(rng, MAX_N, MAX_W))
    write("secret", 12, *random_tree(rng, MAX_N, MAX_W, 5))
    write("secret", 13, *random_tree(rng, MAX_N, MAX_W, MAX_N))


if __name__ == "__main__":
    main()
