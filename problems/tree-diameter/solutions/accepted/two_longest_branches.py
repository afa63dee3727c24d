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
    for v in order:  # breadth-first: parents before children
        order.extend(children[v])
    down = [0] * (n + 1)  # longest path from a node down into its subtree
    best = 0
    for v in reversed(order):
        first = second = 0
        for c in children[v]:
            length = down[c] + weight[c]
            if length > first:
                first, second = length, first
            elif length > second:
                second = length
        down[v] = first
        if first + second > best:
            best = first + second
    print(best)


main()
