#!/usr/bin/python3
"""Writes data/sample and data/secret for best-branch-path (seeded: the same files on every run)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 50_000
MAX_V = 10**9


def reference(parent, values):
    n = len(parent)
    children = [[] for _ in range(n)]
    root = -1
    for v, p in enumerate(parent):
        if p == -1:
            root = v
        else:
            children[p].append(v)
    order = [root]
    for v in order:  # breadth-first: parents before children
        order.extend(children[v])
    down = [0] * n  # best sum of a path that starts at v and goes down into its subtree
    best = None
    for v in reversed(order):
        top1 = top2 = 0
        for c in children[v]:
            gain = down[c]
            if gain > top1:
                top1, top2 = gain, top1
            elif gain > top2:
                top2 = gain
        down[v] = values[v] + top1
        through = values[v] + top1 + top2
        if best is None or through > best:
            best = through
    return best


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, parent, values):
    n = len(parent)
    assert 1 <= n <= MAX_N and len(values) == n and all(-MAX_V <= x <= MAX_V for x in values)
    assert parent.count(-1) == 1 and all(-1 <= p < n and p != i for i, p in enumerate(parent))
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([parent, values]) + "\n")
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(dump(reference(parent, values)) + "\n")


def relabel(rng, parent_of_shape):
    """Takes a tree given with parent[i] < i (root 0) and shuffles the node numbers."""
    n = len(parent_of_shape)
    perm = list(range(n))
    rng.shuffle(perm)
    parent = [0] * n
    for v in range(n):
        p = parent_of_shape[v]
        parent[perm[v]] = -1 if p == -1 else perm[p]
    return parent, perm


def shaped(rng, kind, n):
    if kind == "random":
        return [-1] + [rng.randrange(v) for v in range(1, n)]
    if kind == "chain":
        return [-1] + list(range(n - 1))
    if kind == "star":
        return [-1] + [0] * (n - 1)
    if kind == "caterpillar":  # a long spine with a leaf hanging from every spine node
        return [-1] + [v - 1 if v % 2 == 1 else v - 2 for v in range(1, n)]
    if kind == "binary":
        return [-1] + [(v - 1) // 2 for v in range(1, n)]
    raise ValueError(kind)


def tree(rng, kind, n, value_of):
    shape = shaped(rng, kind, n)
    parent, perm = relabel(rng, shape)
    values = [0] * n
    for v in range(n):
        values[perm[v]] = value_of(v)
    return parent, values


def main():
    rng = random.Random(5150)
    #       0
    #     /   \
    #    1     2
    #   / \     \
    #  3   4     5
    write("sample", 1, [-1, 0, 0, 1, 1, 2], [-3, 5, 4, 6, -2, 7])
    write("sample", 2, [2, 2, -1], [-5, -1, -8])
    write("sample", 3, [-1, 0, 1, 2], [4, -10, 3, 3])

    write("secret", 1, [-1], [-MAX_V])
    write("secret", 2, [-1], [0])
    write("secret", 3, [1, -1], [MAX_V, MAX_V])
    write("secret", 4, [3, 3, 3, -1, 0, 1], [-7, -2, -9, -4, -1, -3])  # all negative: one node
    write("secret", 5, [-1, 0, 0, 0, 0], [-1, 10, 20, 30, 40])  # best path bends at a negative node
    write("secret", 6, [-1, 0, 1, 2, 3, 4, 5, 6], [5, -6, 5, -6, 5, -6, 5, -6])
    write("secret", 7, *tree(rng, "random", 200, lambda v: rng.randint(-100, 100)))
    write("secret", 8, *tree(rng, "binary", 1000, lambda v: rng.randint(-MAX_V, MAX_V)))
    write("secret", 9, *tree(rng, "random", 3000, lambda v: rng.randint(-MAX_V, MAX_V // 2)))
    # large
    write("secret", 10, *tree(rng, "chain", MAX_N, lambda v: MAX_V - rng.randint(0, 9)))  # deep, sum near 5e13
    write("secret", 11, *tree(rng, "random", MAX_N, lambda v: rng.randint(-MAX_V, MAX_V)))
    write("secret", 12, *tree(rng, "caterpillar", 30_000, lambda v: rng.randint(-1000, 3000)))
    write("secret", 13, *tree(rng, "star", MAX_N, lambda v: -rng.randint(1, 10**4)))
    write("secret", 14, *tree(rng, "chain", 30_000, lambda v: rng.randint(-50, 60)))


if __name__ == "__main__":
    main()
