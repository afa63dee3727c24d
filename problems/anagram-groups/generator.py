#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for anagram-groups (seeded: same files every run)."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_TOTAL = 600_000


def write(kind, index, words):
    assert 1 <= len(words) <= MAX_N and sum(map(len, words)) <= MAX_TOTAL
    assert all(1 <= len(w) <= 20 and w.isalpha() and w.islower() for w in words)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(words)}\n" + "\n".join(words) + "\n")


def word(rng, alphabet, lo, hi):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def shuffled(rng, w):
    letters = list(w)
    rng.shuffle(letters)
    return "".join(letters)


def main():
    rng = random.Random(7001)
    write("sample", 1, ["listen", "silent", "enlist", "google", "gogole", "cat"])

    write("secret", 1, ["a"])
    write("secret", 2, ["abc", "abc", "abc"])
    # same letters, different counts: not anagrams
    write("secret", 3, ["aab", "abb", "bab", "aba", "ab", "ba", "abab"])
    write("secret", 4, ["z" * 20, "z" * 19, "z" * 20, "y" + "z" * 19])
    write("secret", 5, [word(rng, "ab", 1, 4) for _ in range(40)])
    write("secret", 6, [word(rng, "abcdefghijklmnopqrstuvwxyz", 1, 20) for _ in range(500)])
    base = [word(rng, "abcdef", 3, 8) for _ in range(50)]
    write("secret", 7, [shuffled(rng, rng.choice(base)) for _ in range(2000)])
    write("secret", 8, [word(rng, "aabbbc", 2, 6) for _ in range(5000)])
    # one big group and many singletons
    big = "anagramgroup"
    write("secret", 9, [shuffled(rng, big) for _ in range(3000)] + [word(rng, "qxz", 5, 10) for _ in range(100)])
    write("secret", 10, ["".join(chr(97 + (i // 26 ** k) % 26) for k in range(3)) for i in range(1000)])
    # large: nearly every word in its own group (hash-less grouping is quadratic here)
    seen, words = set(), []
    while len(words) < MAX_N:
        w = word(rng, "abcdefghijklmnopqrstuvwxyz", 2, 5)
        key = "".join(sorted(w))
        if key not in seen or rng.random() < 0.05:
            seen.add(key)
            words.append(w)
    write("secret", 11, words)
    # large: few letters, counts matter (a set of letters is not enough)
    write("secret", 12, [word(rng, "abc", 1, 7) for _ in range(MAX_N)])


if __name__ == "__main__":
    main()
