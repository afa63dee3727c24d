# Bug: checks only the upper bounds; row or column -1 is Python's last one, so paths wrap around.
import sys
from collections import deque


def main():
    data = sys.stdin.read().split()
    r, c = int(data[0]), int(data[1])
    grid = data[2:2 + r]
    dist = [[-1] * c for _ in range(r)]
    for i in range(r):
        for j in range(c):
            if grid[i][j] == "S":
                start = (i, j)
            elif grid[i][j] == "T":
                target = (i, j)
    dist[start[0]][start[1]] = 0
    queue = deque([start])
    while queue:
        i, j = queue.popleft()
        for ni, nj in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
            if ni < r and nj < c and grid[ni][nj] != "#" and dist[ni][nj] < 0:
                dist[ni][nj] = dist[i][j] + 1
                queue.append((ni, nj))
    print(dist[target[0]][target[1]])


main()
