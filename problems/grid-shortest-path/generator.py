#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for grid-shortest-path (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_SIDE = 500


def write(kind, index, rows):
    r, c = len(rows), len(rows[0])
    assert 1 <= r <= MAX_SIDE and 1 <= c <= MAX_SIDE and r * c >= 2 and all(len(row) == c for row in rows)
    text = "".join(rows)
    assert set(text) <= set(".#ST") and text.count("S") == 1 and text.count("T") == 1
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{r} {c}\n" + "\n".join(rows) + "\n")


def place(grid, cell, ch):
    grid[cell[0]][cell[1]] = ch


def random_grid(rng, r, c, wall, start=None, target=None):
    grid = [["#" if rng.random() < wall else "." for _ in range(c)] for _ in range(r)]
    cells = rng.sample([(i, j) for i in range(r) for j in range(c)], 2)
    place(grid, start or cells[0], "S")
    place(grid, target or cells[1], "T")
    return ["".join(row) for row in grid]


def serpentine(r, c, wall_every=2):
    """Corridors joined at alternating ends: the only path walks the whole grid."""
    grid = [["." for _ in range(c)] for _ in range(r)]
    for i in range(1, r, wall_every):
        for j in range(c):
            grid[i][j] = "#"
        grid[i][c - 1 if (i // wall_every) % 2 == 0 else 0] = "."
    place(grid, (0, 0), "S")
    last = r - 1 if (r - 1) % wall_every == 0 else r - 2
    place(grid, (last, c - 1 if (last // wall_every) % 2 == 0 else 0), "T")
    return ["".join(row) for row in grid]


def main():
    rng = random.Random(404)
    write("sample", 1, ["S.#..", ".##.#", "...#T", ".#..."])
    write("sample", 2, ["S#.", "##.", "..T"])

    write("secret", 1, ["ST"])
    write("secret", 2, ["S", "#", "T"])
    write("secret", 3, ["S", ".", ".", "T"])
    # a wall splits the grid; stepping off the top must not come back in at the bottom
    write("secret", 4, ["S...", "###.", "....", ".###", "T..."])
    write("secret", 5, ["....S", "#####", "....T"])
    write("secret", 6, ["S##T", ".##.", ".##.", "...."])
    write("secret", 7, random_grid(rng, 10, 10, 0.25))
    write("secret", 8, random_grid(rng, 60, 80, 0.3))
    write("secret", 9, serpentine(41, 37))
    write("secret", 10, random_grid(rng, 300, 300, 0.45))  # near the percolation threshold
    rows = random_grid(rng, 200, 200, 0.2, start=(0, 0), target=(199, 199))
    rows[100] = "#" * 199 + "."
    write("secret", 11, rows)
    # large
    write("secret", 12, serpentine(MAX_SIDE, MAX_SIDE))
    write("secret", 13, random_grid(rng, MAX_SIDE, MAX_SIDE, 0.3, start=(0, 0), target=(MAX_SIDE - 1, MAX_SIDE - 1)))
    write("secret", 14, serpentine(MAX_SIDE, MAX_SIDE, 3))


if __name__ == "__main__":
    main()
