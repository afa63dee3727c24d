#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for tree-distance-queries (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = MAX_Q = 50_000


def write(kind, index, parents, queries):
    """parents: dict child -> parent for children 2..n."""
    n = len(parents) + 1
    assert 1 <= n <= MAX_N and 1 <= len(queries) <= MAX_Q and sorted(parents) == list(range(2, n + 1))
    assert all(1 <= u <= n and 1 <= v <= n for u, v in queries)
    children = {}
    for child, parent in parents.items():
        children.setdefault(parent, []).append(child)
    reached = [1]
    for v in reached:
        reached.extend(children.get(v, []))
    assert len(reached) == n
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    lines = [f"{n} {len(queries)}"]
    if n > 1:
        lines.append(" ".join(str(parents[i]) for i in range(2, n + 1)))
    lines += [f"{u} {v}" for u, v in queries]
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")


def relabel(rng, parent_of, n):
    """parent_of[i] for i in 1..n-1 over nodes 0..n-1 (root 0); returns (parents, label)."""
    label = [1] + rng.sample(range(2, n + 1), n - 1)
    return {label[i]: label[parent_of[i]] for i in range(1, n)}, label


def random_tree(rng, n, spread):
    parent_of = [0] + [rng.randint(max(0, i - spread), i - 1) for i in range(1, n)]
    return relabel(rng, parent_of, n)


def random_queries(rng, n, q):
    return [(rng.randint(1, n), rng.randint(1, n)) for _ in range(q)]


def main():
    rng = random.Random(60221)
    write("sample", 1, {2: 1, 3: 1, 4: 2, 5: 2, 6: 3, 7: 5}, [(4, 7), (6, 3), (5, 5), (4, 6)])

    write("secret", 1, {}, [(1, 1)])
    write("secret", 2, {2: 1}, [(1, 2), (2, 1), (2, 2)])
    # one node is an ancestor of the other
    write("secret", 3, {2: 1, 3: 2, 4: 3, 5: 4}, [(1, 5), (5, 1), (2, 4), (5, 3), (3, 3)])
    write("secret", 4, {2: 3, 3: 5, 4: 1, 5: 1}, [(2, 4), (4, 2), (2, 5), (3, 1), (2, 1)])
    parents, _ = random_tree(rng, 30, 4)
    write("secret", 5, parents, random_queries(rng, 30, 100))
    parents, _ = random_tree(rng, 1000, 1000)
    write("secret", 6, parents, random_queries(rng, 1000, 1000))
    parents, label = relabel(rng, [0] + list(range(0, 1999)), 2000)  # a path
    write("secret", 7, parents, random_queries(rng, 2000, 500) + [(label[0], label[1999]), (label[1999], label[0])])
    parents, label = relabel(rng, [0] + [0] * 1999, 2000)  # a star
    write("secret", 8, parents, random_queries(rng, 2000, 1000) + [(label[0], label[5])])
    parents, _ = random_tree(rng, 3000, 3)
    write("secret", 9, parents, random_queries(rng, 3000, 3000))
    # ancestors and descendants on a deep tree
    parent_of = [0] + [rng.randint(max(0, i - 2), i - 1) for i in range(1, 2000)]
    parents, label = relabel(rng, parent_of, 2000)
    pairs = []
    for _ in range(1000):
        v = rng.randrange(2000)
        u = v
        for _ in range(rng.randint(0, 50)):
            u = parent_of[u]
        pairs.append((label[u], label[v]) if rng.random() < 0.5 else (label[v], label[u]))
    write("secret", 10, parents, pairs)
    # large: a broom (a long handle, then two long branches); queries across the branches are
    # long walks up the tree
    handle, branch = MAX_N // 2, MAX_N // 4
    parent_of = [0] + list(range(0, handle - 1))
    parent_of += [handle - 1] + list(range(handle, handle + branch - 1))
    parent_of += [handle - 1] + list(range(handle + branch, MAX_N - 1))
    parents, label = relabel(rng, parent_of, MAX_N)
    left = range(handle + branch // 2, handle + branch)
    right = range(handle + branch + branch // 2, MAX_N)
    write("secret", 11, parents, [(label[rng.choice(left)], label[rng.choice(right)]) for _ in range(MAX_Q)])
    parents, _ = random_tree(rng, MAX_N, 4)
    write("secret", 12, parents, random_queries(rng, MAX_N, MAX_Q))
    parents, _ = random_tree(rng, 10_000, 10_000)
    write("secret", 13, parents, random_queries(rng, 10_000, 10_000))


if __name__ == "__main__":
    main()
