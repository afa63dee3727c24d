#!/usr/bin/python3
"""Writes data/sample/*.in and data/secret/*.in for minimum-window-cover (seeded: same files every run)."""
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_LEN = 300_000
LETTERS = string.ascii_letters


def write(kind, index, s, t):
    assert 1 <= len(s) <= MAX_LEN and 1 <= len(t) <= MAX_LEN and set(s + t) <= set(LETTERS)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(f"{s}\n{t}\n")


def rand(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def main():
    rng = random.Random(8675309)
    write("sample", 1, "xaybzcaabc", "abca")
    write("sample", 2, "aAbB", "aa")

    write("secret", 1, "a", "a")
    write("secret", 2, "a", "A")
    write("secret", 3, "ab", "abc")
    write("secret", 4, "abcabc", "cba")  # several shortest windows: the first one counts
    write("secret", 5, "aaaaab", "aab")
    # letters needed twice: a window with one of each is not enough
    write("secret", 6, "abxxxxbxxxa", "aab")
    write("secret", 7, rand(rng, "abc", 200), "aabbc")
    write("secret", 8, rand(rng, "abcdefXYZ", 3000), "aXbYcZ" * 3)
    write("secret", 9, rand(rng, LETTERS, 5000), rand(rng, LETTERS, 40))
    write("secret", 10, rand(rng, "ab", 2000), "a" * 1001)
    # large: the one 'Z' sits near the end, so every window is long (scanning from every start is
    # quadratic)
    s = rand(rng, "abcdefghij", MAX_LEN - 1000) + "Z" + rand(rng, "abcdefghij", 999)
    write("secret", 11, s, "Zaabbcc")
    write("secret", 12, rand(rng, LETTERS, MAX_LEN), rand(rng, "abcdefgh", 2000))
    write("secret", 13, rand(rng, "xy", MAX_LEN), "x" * 100_000 + "y" * 100_000)


if __name__ == "__main__":
    main()
