# Correct, but walks the whole tree from every node: O(n^2).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    adj = [[] for _ in range(n + 1)]
    for i in range(2, n + 1):
        p, w = int(data[i - 1]), int(data[n + i - 2])
        adj[i].append((p, w))
        adj[p].append((i, w))
    best = 0
    for start in range(1, n + 1):
        dist = {start: 0}
        stack = [start]
        while stack:
            u = stack.pop()
            for v, w in adj[u]:
                if v not in dist:
                    dist[v] = dist[u] + w
                    stack.append(v)
        best = max(best, max(dist.values()))
    print(best)


main()
