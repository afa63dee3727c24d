# Bug: a node is marked done when first pushed, so a later, shorter route to it is ignored.
import heapq
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    out = [[] for _ in range(n + 1)]
    for i in range(m):
        u, v, w = int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])
        out[u].append((v, w))
    dist = [-1] * (n + 1)
    dist[1] = 0
    heap = [(0, 1)]
    while heap:
        d, u = heapq.heappop(heap)
        for v, w in out[u]:
            if dist[v] < 0:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    print(-1 if min(dist[1:]) < 0 else max(dist[1:]))


main()
