# Correct, but scans all courses for the smallest available one at every step: O(n^2).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    after = [[] for _ in range(n + 1)]
    indegree = [0] * (n + 1)
    for i in range(m):
        a, b = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        after[a].append(b)
        indegree[b] += 1
    taken = [False] * (n + 1)
    order = []
    for _ in range(n):
        v = 1
        while v <= n and (taken[v] or indegree[v] > 0):
            v += 1
        if v > n:
            break
        taken[v] = True
        order.append(v)
        for w in after[v]:
            indegree[w] -= 1
    print(" ".join(map(str, order)) if len(order) == n else "IMPOSSIBLE")


main()
