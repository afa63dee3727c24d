#!/usr/bin/python3
"""Writes data/sample and data/secret (.in: JSON arguments, .ans: JSON answer) for capped-repeat-window.

Seeded: the same files on every run. Answers come from the reference implementation below.
"""
import json
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000


def reference(s, k):
    count = [0] * 26
    best_start, best_len = 0, 0
    left = 0
    for right, ch in enumerate(s):
        c = ord(ch) - 97
        count[c] += 1
        while count[c] > k:
            count[ord(s[left]) - 97] -= 1
            left += 1
        if right - left + 1 > best_len:
            best_start, best_len = left, right - left + 1
    return s[best_start:best_start + best_len]


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, s, k):
    assert 0 <= len(s) <= MAX_N and 1 <= k <= MAX_N and all("a" <= c <= "z" for c in s)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([s, k]) + "\n")
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(dump(reference(s, k)) + "\n")


def random_text(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def main():
    rng = random.Random(4242)
    write("sample", 1, "bookkeeper", 1)
    write("sample", 2, "mississippi", 2)
    write("sample", 3, "abcabc", 2)

    write("secret", 1, "", 1)
    write("secret", 2, "q", 1)
    write("secret", 3, "aaaaa", 5)
    write("secret", 4, "aaaaa", 3)
    write("secret", 5, "abba", 1)  # "ab" and "ba" tie: the leftmost wins
    write("secret", 6, string.ascii_lowercase, 1)
    write("secret", 7, "zzyyxxzzyyxx", 2)
    write("secret", 8, "abcdeabcdefghij", 1)  # the best window is at the end
    write("secret", 9, "xyzzyx", 100_000)
    write("secret", 10, random_text(rng, 200, "ab"), 3)
    write("secret", 11, random_text(rng, 3000, "abcde"), 40)

    # large: all one letter
    write("secret", 12, "a" * MAX_N, 1)
    # large: long windows, so restarting from every position is hopeless
    write("secret", 13, random_text(rng, MAX_N, string.ascii_lowercase), 2500)
    write("secret", 14, random_text(rng, MAX_N, "abc"), 20_000)
    # large: the whole string qualifies
    write("secret", 15, random_text(rng, MAX_N, "mnop"), 30_000)
    # large: a quiet stretch in the middle holds the answer
    quiet = random_text(rng, 60_000, "abcdefghijklmnopqrstuvwxy")
    noisy = "z" * 20_000
    write("secret", 16, noisy + quiet + noisy, 3_000)


if __name__ == "__main__":
    main()
