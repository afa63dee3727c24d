# Bug: only considers paths through the root (its two longest branches).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    parent = [0, 0] + [int(x) for x in data[1:n]]
    weight = [0, 0] + [int(x) for x in data[n:2 * n - 1]]
    children = [[] for _ in range(n + 1)]
    for v in range(2, n + 1):
        children[parent[v]].append(v)
    order = [1]
    for v in order:
        order.extend(children[v])
    down = [0] * (n + 1)
    for v in reversed(order):
        down[v] = max((down[c] + weight[c] for c in children[v]), default=0)
    branches = sorted((down[c] + weight[c] for c in children[1]), reverse=True) + [0, 0]
    print(branches[0] + branches[1])


main()
