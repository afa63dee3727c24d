import sys


def main():
    data = sys.stdin.buffer.read().split()
    r, c = int(data[0]), int(data[1])
    # one flat row-major array with a wall column on the right: no bounds checks needed
    w = c + 1
    grid = bytearray(b"#" * (w * (r + 2)))
    for i in range(r):
        grid[w * (i + 1):w * (i + 1) + c] = data[2 + i]
    start, target = grid.index(b"S"), grid.index(b"T")
    dist = [-1] * len(grid)
    dist[start] = 0
    frontier = [start]
    steps = 0
    wall = ord("#")
    while frontier and dist[target] < 0:
        steps += 1
        nxt = []
        for cell in frontier:
            for n in (cell - 1, cell + 1, cell - w, cell + w):
                if dist[n] < 0 and grid[n] != wall:
                    dist[n] = steps
                    nxt.append(n)
        frontier = nxt
    print(dist[target])


main()
