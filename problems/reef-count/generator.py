#!/usr/bin/python3
"""Writes data/sample and data/secret for reef-count (seeded: the same files on every run)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_SIDE = 400


def reference(chart):
    rows, cols = len(chart), len(chart[0])
    seen = [[False] * cols for _ in range(rows)]
    reefs = 0
    for r in range(rows):
        for c in range(cols):
            if chart[r][c] != "#" or seen[r][c]:
                continue
            reefs += 1
            seen[r][c] = True
            todo = [(r, c)]
            while todo:
                y, x = todo.pop()
                for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                    if 0 <= ny < rows and 0 <= nx < cols and chart[ny][nx] == "#" and not seen[ny][nx]:
                        seen[ny][nx] = True
                        todo.append((ny, nx))
    return reefs


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, chart):
    assert 1 <= len(chart) <= MAX_SIDE and 1 <= len(chart[0]) <= MAX_SIDE
    assert all(len(row) == len(chart[0]) and set(row) <= {"#", "."} for row in chart)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([chart]) + "\n")
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(dump(reference(chart)) + "\n")


def random_chart(rng, rows, cols, density):
    return ["".join("#" if rng.random() < density else "." for _ in range(cols)) for _ in range(rows)]


def serpentine(rows, cols):
    """One reef winding through the whole chart: every other row full, joined at alternating ends."""
    chart = []
    for r in range(rows):
        if r % 2 == 0:
            chart.append("#" * cols)
        elif r % 4 == 1:
            chart.append("." * (cols - 1) + "#")
        else:
            chart.append("#" + "." * (cols - 1))
    return chart


def spiral(side):
    """A single one-cell-wide reef spiralling inwards."""
    grid = [["."] * side for _ in range(side)]
    top, left, bottom, right = 0, 0, side - 1, side - 1
    r, c = 0, 0
    while top <= bottom and left <= right:
        for c in range(left, right + 1):
            grid[top][c] = "#"
        for r in range(top, bottom + 1):
            grid[r][right] = "#"
        if top + 2 <= bottom:
            for c in range(left, right + 1):
                grid[bottom][c] = "#"
        if left + 2 <= right and top + 2 <= bottom:
            for r in range(top + 2, bottom + 1):
                grid[r][left] = "#"
        top, left, bottom, right = top + 2, left + 2, bottom - 2, right - 2
        if top <= bottom and left <= right:
            grid[top][left - 1] = "#"
    return ["".join(row) for row in grid]


def main():
    rng = random.Random(424242)
    write("sample", 1, ["##..#", "#...#", "..#..", "...##"])
    write("sample", 2, ["#.#", ".#.", "#.#"])
    write("sample", 3, ["....", "...."])

    write("secret", 1, ["#"])
    write("secret", 2, ["."])
    write("secret", 3, ["#.#.##.###.#"])  # one row
    write("secret", 4, ["#", "#", ".", "#", ".", ".", "#"])  # one column
    write("secret", 5, ["#####", "#...#", "#.#.#", "#...#", "#####"])  # a ring around a lone rock
    write("secret", 6, ["".join("#" if (r + c) % 2 == 0 else "." for c in range(30)) for r in range(30)])
    write("secret", 7, random_chart(rng, 20, 35, 0.45))
    write("secret", 8, random_chart(rng, 120, 80, 0.6))
    write("secret", 9, ["#" * 150] * 150)
    # large
    write("secret", 10, random_chart(rng, MAX_SIDE, MAX_SIDE, 0.55))
    write("secret", 11, serpentine(MAX_SIDE, MAX_SIDE))
    write("secret", 12, spiral(MAX_SIDE - 1))
    write("secret", 13, ["".join("#" if (r + c) % 2 == 0 else "." for c in range(MAX_SIDE)) for r in range(MAX_SIDE)])
    write("secret", 14, random_chart(rng, MAX_SIDE, MAX_SIDE, 0.25))


if __name__ == "__main__":
    main()
