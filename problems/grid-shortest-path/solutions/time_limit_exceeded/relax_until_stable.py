# Correct, but relaxes every cell from its neighbours until nothing changes (Bellman-Ford):
# a path that winds against the sweep order needs one sweep per step.
import sys


def main():
    data = sys.stdin.read().split()
    r, c = int(data[0]), int(data[1])
    grid = data[2:2 + r]
    INF = float("inf")
    dist = [[INF] * c for _ in range(r)]
    for i in range(r):
        for j in range(c):
            if grid[i][j] == "S":
                dist[i][j] = 0
            elif grid[i][j] == "T":
                target = (i, j)
    changed = True
    while changed:
        changed = False
        for i in range(r):
            for j in range(c):
                if grid[i][j] == "#":
                    continue
                best = dist[i][j]
                if i > 0 and dist[i - 1][j] + 1 < best:
                    best = dist[i - 1][j] + 1
                if i + 1 < r and dist[i + 1][j] + 1 < best:
                    best = dist[i + 1][j] + 1
                if j > 0 and dist[i][j - 1] + 1 < best:
                    best = dist[i][j - 1] + 1
                if j + 1 < c and dist[i][j + 1] + 1 < best:
                    best = dist[i][j + 1] + 1
                if best < dist[i][j]:
                    dist[i][j] = best
                    changed = True
    d = dist[target[0]][target[1]]
    print(-1 if d == INF else d)


main()
