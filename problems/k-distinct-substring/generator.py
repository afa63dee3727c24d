#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for k-distinct-substring (seeded: same files every run)."""
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_LEN = 300_000


def write(kind, index, k, s):
    assert 1 <= k <= 26 and 1 <= len(s) <= MAX_LEN and set(s) <= set(string.ascii_lowercase)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{k}\n{s}\n")


def rand(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def runs(rng, alphabet, n, longest):
    """Runs of one letter, of random lengths: long windows with few distinct letters."""
    out = []
    while sum(map(len, out)) < n:
        out.append(rng.choice(alphabet) * rng.randint(1, longest))
    return "".join(out)[:n]


def main():
    rng = random.Random(2718)
    write("sample", 1, 2, "abaccab")
    write("sample", 2, 3, "aaaa")

    write("secret", 1, 1, "z")
    write("secret", 2, 1, "abcdef")
    write("secret", 3, 26, string.ascii_lowercase * 3)
    write("secret", 4, 2, "abcabcabcbbbbbcbcbcbcaaa")
    write("secret", 5, 1, "aabbbbbccaaaaaab")
    write("secret", 6, 3, rand(rng, "abcde", 50))
    write("secret", 7, 2, rand(rng, "abc", 2000))
    write("secret", 8, 5, runs(rng, string.ascii_lowercase, 5000, 30))
    write("secret", 9, 25, rand(rng, string.ascii_lowercase, 5000))
    write("secret", 10, 4, runs(rng, "abcdefg", 3000, 10))
    # large: the answer is most of the string (extending from every start is quadratic)
    write("secret", 11, 26, rand(rng, "abcdefghij", MAX_LEN))
    write("secret", 12, 3, runs(rng, "abcd", MAX_LEN, 2000))
    write("secret", 13, 7, rand(rng, string.ascii_lowercase, MAX_LEN))


if __name__ == "__main__":
    main()
