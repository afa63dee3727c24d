# Correct, but walks up one parent at a time: O(depth) per query.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    parent = [0, 0] + [int(x) for x in data[2:n + 1]]
    children = [[] for _ in range(n + 1)]
    for i in range(2, n + 1):
        children[parent[i]].append(i)
    depth = [0] * (n + 1)
    order = [1]
    for v in order:
        for c in children[v]:
            depth[c] = depth[v] + 1
            order.append(c)
    out = []
    base = 1 + n
    for i in range(q):
        u, v = int(data[base + 2 * i]), int(data[base + 2 * i + 1])
        steps = 0
        while depth[u] > depth[v]:
            u = parent[u]
            steps += 1
        while depth[v] > depth[u]:
            v = parent[v]
            steps += 1
        while u != v:
            u, v = parent[u], parent[v]
            steps += 2
        out.append(steps)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
