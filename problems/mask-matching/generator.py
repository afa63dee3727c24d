#!/usr/bin/python3
"""Writes data/sample and data/secret for mask-matching (seeded: the same files on every run)."""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_MASK = 500
MAX_NAME = 2000
NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-/")


def reference(mask, name):
    """match[i][j]: mask[i:] matches name[j:]; filled from the back, one mask position per row."""
    m, n = len(mask), len(name)
    rows = [None] * (m + 1)
    rows[m] = [False] * n + [True]
    for i in range(m - 1, -1, -1):
        ch = mask[i]
        cur = [False] * (n + 1)
        if ch == "*" and i + 1 < m and mask[i + 1] == "*":  # '**': any run, '/' included
            after = rows[i + 2]
            cur[n] = after[n]
            for j in range(n - 1, -1, -1):
                cur[j] = after[j] or cur[j + 1]
        elif ch == "*" and i > 0 and mask[i - 1] == "*":  # second star of a '**': never entered
            pass
        elif ch == "*":  # any run without '/'
            after = rows[i + 1]
            cur[n] = after[n]
            for j in range(n - 1, -1, -1):
                cur[j] = after[j] or (name[j] != "/" and cur[j + 1])
        elif ch == "?":
            after = rows[i + 1]
            for j in range(n):
                cur[j] = name[j] != "/" and after[j + 1]
        else:
            after = rows[i + 1]
            for j in range(n):
                cur[j] = name[j] == ch and after[j + 1]
        rows[i] = cur
    return rows[0][0]


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, mask, name, expect=None):
    assert 1 <= len(mask) <= MAX_MASK and 0 <= len(name) <= MAX_NAME
    assert set(mask) <= NAME_CHARS | {"?", "*"} and "***" not in mask and set(name) <= NAME_CHARS
    answer = reference(mask, name)
    assert expect is None or answer == expect, (kind, index)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([mask, name]) + "\n")
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(dump(answer) + "\n")


def expand(rng, mask, alphabet, longest):
    """A name the mask matches: every wildcard replaced by something it accepts."""
    out = []
    i = 0
    while i < len(mask):
        if mask.startswith("**", i):
            out.append("".join(rng.choice(alphabet + "/") for _ in range(rng.randint(0, longest))))
            i += 2
            continue
        ch = mask[i]
        if ch == "*":
            out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))))
        elif ch == "?":
            out.append(rng.choice(alphabet))
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def random_mask(rng, length, alphabet, wild):
    parts = []
    while len("".join(parts)) < length:
        r = rng.random()
        if r < wild / 3 and not (parts and parts[-1].endswith("*")):
            parts.append("**" if rng.random() < 0.3 else "*")
        elif r < wild:
            parts.append("?")
        else:
            parts.append(rng.choice(alphabet))
    return "".join(parts)[: length - 1].rstrip("*") + "*"


def main():
    rng = random.Random(99)
    write("sample", 1, "photos/*.jpg", "photos/cat.jpg", True)
    write("sample", 2, "photos/*.jpg", "photos/2023/cat.jpg", False)
    write("sample", 3, "**/?at.*", "photos/2023/cat.jpg", True)

    write("secret", 1, "*", "", True)
    write("secret", 2, "?", "", False)
    write("secret", 3, "**", "a/b/c", True)
    write("secret", 4, "*", "a/b", False)
    write("secret", 5, "a/**/b", "a/b", False)  # both slashes are literal
    write("secret", 6, "a/**/b", "a//b", True)
    write("secret", 7, "?", "/", False)
    write("secret", 8, "x*y*z", "xyz", True)
    write("secret", 9, "report-??.txt", "report-7.txt", False)
    write("secret", 10, "*.log", "logs/app.log", False)  # a single star never crosses '/'
    write("secret", 11, "**.log", "logs/app.log", True)
    write("secret", 12, "*/*/*", "a/b", False)
    write("secret", 13, "*/*/*", "//", True)
    # medium, random
    m = random_mask(rng, 60, "ab/", 0.5)
    write("secret", 14, m, expand(rng, m, "ab", 4))
    m = random_mask(rng, 120, "abc./", 0.4)
    name = list(expand(rng, m, "abc.", 5))
    name[len(name) // 2] = "/" if name[len(name) // 2] != "/" else "a"
    write("secret", 15, m, "".join(name))
    # large: backtracking over the stars blows up on these
    write("secret", 16, "**a" * 160 + "**b", "a" * MAX_NAME, False)
    write("secret", 17, "*a" * 249 + "*b", "a" * MAX_NAME, False)
    write("secret", 18, "*a" * 249 + "*", "a" * MAX_NAME, True)
    write("secret", 19, "*a*a*a*a*a*a*a*a*a*a/" * 23 + "x", ("a" * 40 + "/") * 23 + "x", True)
    write("secret", 20, "*a*a*a*a*a*a*a*a*a*a/" * 23 + "x", ("a" * 40 + "/") * 22 + "a" * 9 + "/x", False)
    m = random_mask(rng, MAX_MASK, "ab/", 0.45)
    name = expand(rng, m, "ab", 8)
    while len(name) > MAX_NAME:
        name = expand(rng, m, "ab", 8)
    write("secret", 21, m, name, True)
    write("secret", 22, m, name[:-1] + ("a" if name[-1] == "/" else "/"), None)
    write("secret", 23, "**?" * 166 + "/", "ab/" * 666 + "ab", False)


if __name__ == "__main__":
    main()
