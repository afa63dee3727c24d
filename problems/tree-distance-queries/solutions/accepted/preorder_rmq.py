# In preorder, the shallowest node strictly after u and up to v (u before v) is a child of their
# lowest common ancestor: a range-minimum over depths answers each query in O(1).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    children = [[] for _ in range(n + 1)]
    for i in range(2, n + 1):
        children[int(data[i])].append(i)
    depth = [0] * (n + 1)
    position = [0] * (n + 1)
    order_depths = []
    stack = [1]
    while stack:
        v = stack.pop()
        position[v] = len(order_depths)
        order_depths.append(depth[v])
        d = depth[v] + 1
        for c in children[v]:
            depth[c] = d
            stack.append(c)
    table = [order_depths]  # table[k][i] = min of order_depths[i : i + 2^k]
    span = 1
    while 2 * span <= n:
        prev = table[-1]
        table.append([a if a < b else b for a, b in zip(prev, prev[span:])])
        span *= 2
    out = []
    base = 1 + n
    for i in range(q):
        u, v = int(data[base + 2 * i]), int(data[base + 2 * i + 1])
        if u == v:
            out.append(0)
            continue
        lo, hi = position[u], position[v]
        if lo > hi:
            lo, hi = hi, lo
        lo += 1
        k = (hi - lo + 1).bit_length() - 1
        row = table[k]
        a, b = row[lo], row[hi - (1 << k) + 1]
        lca_depth = (a if a < b else b) - 1
        out.append(depth[u] + depth[v] - 2 * lca_depth)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
