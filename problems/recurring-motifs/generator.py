#!/usr/bin/python3
"""Writes data/sample and data/secret (.in: JSON arguments, .ans: JSON answer) for recurring-motifs.

Seeded: the same files on every run. Answers come from the reference implementation below.
"""
import json
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_N = 100_000
MAX_K = 10


def reference(signal, k):
    seen, repeated = set(), set()
    for i in range(len(signal) - k + 1):
        block = signal[i:i + k]
        if block in seen:
            repeated.add(block)
        seen.add(block)
    return sorted(repeated)


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def write(kind, index, signal, k):
    assert 0 <= len(signal) <= MAX_N and 1 <= k <= MAX_K and all("a" <= c <= "z" for c in signal)
    folder = os.path.join(HERE, "data", kind)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{index:02d}.in"), "w") as f:
        f.write(dump([signal, k]) + "\n")
    with open(os.path.join(folder, f"{index:02d}.ans"), "w") as f:
        f.write(dump(reference(signal, k)) + "\n")


def random_text(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def main():
    rng = random.Random(1187)
    write("sample", 1, "tiktoktiktok", 3)
    write("sample", 2, "zzzzz", 2)
    write("sample", 3, "abcdef", 2)

    write("secret", 1, "", 1)
    write("secret", 2, "abc", 5)  # shorter than one block
    write("secret", 3, "aa", 2)  # one block only
    write("secret", 4, "aa", 1)
    write("secret", 5, "abcxabc", 3)  # the second copy is the very last block
    write("secret", 6, "aaaa", 3)  # overlapping copies count
    write("secret", 7, "abababab", 10)
    write("secret", 8, "zyxwvutsrqzyxwvutsrq", 10)
    write("secret", 9, string.ascii_lowercase * 2, 1)
    write("secret", 10, random_text(rng, 300, "ab"), 4)
    write("secret", 11, random_text(rng, 5000, "acgt"), 6)

    # large: almost nothing repeats, so comparing every pair of blocks is hopeless
    write("secret", 12, random_text(rng, MAX_N, string.ascii_lowercase), 10)
    # large: a small alphabet, most blocks repeat
    write("secret", 13, random_text(rng, MAX_N, "acgt"), 8)
    # large: one letter
    write("secret", 14, "q" * MAX_N, 10)
    # large: random text with a few planted motifs, one of them at the very end
    text = list(random_text(rng, MAX_N, string.ascii_lowercase))
    for motif in ["sensorpeak", "driftalarm", "zzzzzzzzzz"]:
        for _ in range(3):
            at = rng.randrange(0, MAX_N - 10)
            text[at:at + 10] = motif
    text[MAX_N - 10:] = "driftalarm"
    write("secret", 15, "".join(text), 10)
    write("secret", 16, random_text(rng, MAX_N, "xyz"), 1)


if __name__ == "__main__":
    main()
